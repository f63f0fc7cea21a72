#include "newsimport.h"
#include "newsarticle.h"
#include "newsextractor.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace inquest::news {

NewsImport importNewsData(const QByteArray &raw, const QString &path, const NewsImportOptions &options)
{
    const Article article = parseArticle(raw, QFileInfo(path).fileName());
    NewsImport result;
    result.warnings = article.warnings;
    Source &s = result.source;
    s.kind = SourceKind::Article;
    s.path = path;
    s.sha256 = QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    s.size = raw.size();
    s.format = formatName(article.format);
    s.importedAt = QDateTime::currentDateTimeUtc();
    s.text = article.text;
    s.title = options.title.isEmpty() ? article.title : options.title;
    s.outlet = options.outlet.isEmpty() ? article.outlet : options.outlet;
    s.published = options.published.isValid() ? options.published : article.published;
    s.lines = article.text.isEmpty() ? 0 : article.text.count(u'\n') + 1;
    if (!s.published.isValid())
        result.warnings.append(QStringLiteral("no publication date found; times without a year are not resolved "
                                              "(set one with --published)"));
    result.statements = extractStatements(s.text, {s.published, s.outlet});
    return result;
}

std::optional<NewsImport> importNewsFile(const QString &path, const NewsImportOptions &options, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray raw = file.readAll();
    if (raw.trimmed().isEmpty()) {
        *error = QStringLiteral("%1: the file is empty").arg(path);
        return std::nullopt;
    }
    NewsImport result = importNewsData(raw, QFileInfo(path).absoluteFilePath(), options);
    if (result.source.text.trimmed().isEmpty()) {
        *error = QStringLiteral("%1: no article text found (only markup or scripts)").arg(path);
        return std::nullopt;
    }
    return result;
}

Id addNewsImport(CaseDocument *doc, NewsImport import)
{
    // Reliability is a property of the source organisation: reuse the analyst's grade.
    QHash<QString, QChar> graded;
    for (const Statement &s : doc->statements()) {
        if (!s.organisation.isEmpty() && s.reliability != u'F')
            graded.insert(s.organisation.toLower(), s.reliability);
    }
    const QString name = import.source.path.section(u'/', -1);
    QUndoStack *stack = doc->undoStack();
    stack->beginMacro(QCoreApplication::translate("inquest::news", "Import article %1").arg(name));
    const Id sourceId = edit::addSource(doc, import.source);
    for (Statement s : std::as_const(import.statements)) {
        s.sourceId = sourceId;
        if (const auto it = graded.constFind(s.organisation.toLower()); it != graded.cend())
            s.reliability = *it;
        edit::addStatement(doc, s);
    }
    stack->endMacro();
    doc->recordCustody(QStringLiteral("import-news"),
                       QStringLiteral("%1 sha256=%2 size=%3 format=%4 statements=%5")
                           .arg(import.source.path, import.source.sha256)
                           .arg(import.source.size)
                           .arg(import.source.format)
                           .arg(import.statements.size()));
    return sourceId;
}

} // namespace inquest::news

#include "newsimport.h"
#include "newsarticle.h"
#include "newsdateline.h"
#include "newsedit.h"
#include "newsextractor.h"
#include "newsrefusal.h"

#include "ingest/timeconv.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace inquest::news {

bool setPublication(NewsImportOptions *options, const QString &published, const QString &zone, QString *error)
{
    const QString spec = zone.trimmed();
    if (!ZoneConverter::fromSpec(spec, error))
        return false;
    const QString text = published.trimmed();
    const QByteArray latin1 = text.toLatin1();
    const auto iso = text.size() > 10 ? parseIsoTime(std::string_view(latin1.constData(), std::size_t(latin1.size())))
                                      : std::nullopt;
    const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!text.isEmpty() && !day.isValid() && (!iso || iso->length != std::size_t(latin1.size()))) {
        *error = QStringLiteral("--published wants YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM+01:00, not \"%1\"")
                     .arg(text);
        return false;
    }
    options->timeZone = spec;
    if (text.isEmpty())
        return true;
    if (day.isValid()) {
        options->published = day;
        options->publishedTime = QTime();
        return true;
    }
    QDateTime wall = QDateTime::fromMSecsSinceEpoch(iso->civilUs / 1000, QTimeZone::utc());
    if (iso->offsetSeconds) {
        const QByteArray z = spec.toUtf8();
        const auto fixed = parseUtcOffset(std::string_view(z.constData(), std::size_t(z.size())));
        const QTimeZone target = spec.isEmpty() ? QTimeZone(*iso->offsetSeconds)
                                 : fixed        ? QTimeZone(*fixed)
                                                : QTimeZone(z);
        wall = wall.addSecs(-*iso->offsetSeconds).toTimeZone(target);
        if (spec.isEmpty()) // the offset written is the article's zone
            options->timeZone = *iso->offsetSeconds == 0
                                    ? QStringLiteral("UTC")
                                    : QStringLiteral("%1%2:%3")
                                          .arg(QChar(*iso->offsetSeconds < 0 ? u'-' : u'+'))
                                          .arg(std::abs(*iso->offsetSeconds) / 3600, 2, 10, QLatin1Char('0'))
                                          .arg(std::abs(*iso->offsetSeconds) % 3600 / 60, 2, 10, QLatin1Char('0'));
    }
    options->published = wall.date();
    options->publishedTime = wall.time();
    return true;
}

NewsImport importNewsData(const QByteArray &raw, const QString &path, const NewsImportOptions &options)
{
    NewsImport result;
    result.refusal = refuseBytes(raw);
    if (!result.refusal.isEmpty())
        return result;
    const Article article = parseArticle(raw, QFileInfo(path).fileName());
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
    s.outlet = !options.outlet.isEmpty()   ? options.outlet
               : !article.outlet.isEmpty() ? article.outlet
                                           : findDateline(article.text).outlet; // "NEW YORK (AP) — "
    s.published = options.published.isValid() ? options.published : article.published;
    s.publishedTime = options.published.isValid() ? options.publishedTime : article.publishedTime;
    s.url = article.url;
    // The offset the file writes its publication time in is the article's zone unless the
    // analyst names one.
    s.timeZone = options.timeZone.trimmed().isEmpty() ? article.timeZone : options.timeZone.trimmed();
    s.lines = article.text.isEmpty() ? 0 : article.text.count(u'\n') + 1;
    if (!s.published.isValid())
        result.warnings.append(QStringLiteral("no publication date found; times without a year are not resolved "
                                              "(set one with --published)"));
    result.refusal = refuseText(s.text);
    if (!result.refusal.isEmpty())
        return result;
    result.statements = extractStatements(s.text, {s.published, s.outlet, s.timeZone, &result.warnings});
    result.refusal = refuseStatementCount(result.statements.size());
    if (!result.refusal.isEmpty())
        result.statements.clear();
    return result;
}

std::optional<NewsImport> importNewsFile(const QString &path, const NewsImportOptions &options, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxArticleBytes) {
        *error = QStringLiteral("%1: refused: %2").arg(path, refuseSize(file.size()));
        return std::nullopt;
    }
    const QByteArray raw = file.readAll();
    if (raw.trimmed().isEmpty()) {
        *error = QStringLiteral("%1: the file is empty").arg(path);
        return std::nullopt;
    }
    NewsImport result = importNewsData(raw, QFileInfo(path).absoluteFilePath(), options);
    if (!result.refusal.isEmpty()) {
        *error = QStringLiteral("%1: refused: %2").arg(path, result.refusal);
        return std::nullopt;
    }
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
        // A statement whose organisation is inferred was graded one step down for the guess.
        if (!s.organisation.isEmpty() && s.reliability != u'F' && s.organisationBasis.isEmpty())
            graded.insert(s.organisation.toLower(), s.reliability);
    }
    QStringList sites;
    for (const Source &src : doc->sources()) {
        if (src.kind == SourceKind::Log && !src.site.isEmpty())
            sites.append(src.site);
    }
    const QString name = import.source.path.section(u'/', -1);
    QUndoStack *stack = doc->undoStack();
    stack->beginMacro(QCoreApplication::translate("inquest::news", "Import article %1").arg(name));
    const Id sourceId = edit::addSource(doc, import.source);
    for (Statement s : std::as_const(import.statements)) {
        s.sourceId = sourceId;
        if (speaksForAffectedParty(s, sites) && s.reliability == u'F' && s.credibility == 6) {
            s.reliability = AffectedPartyReliability;
            s.credibility = AffectedPartyCredibility;
        }
        if (const auto it = graded.constFind(s.organisation.toLower()); it != graded.cend())
            s.reliability = *it;
        if (!s.organisationBasis.isEmpty())
            s.reliability = inferredReliability(s.reliability); // a guessed organisation: one step weaker
        edit::addStatement(doc, s);
    }
    stack->endMacro();
    doc->recordCustody(QStringLiteral("import-news"), QStringLiteral("%1 sha256=%2 size=%3 format=%4 statements=%5")
                                                          .arg(import.source.path, import.source.sha256)
                                                          .arg(import.source.size)
                                                          .arg(import.source.format)
                                                          .arg(import.statements.size()));
    return sourceId;
}

} // namespace inquest::news

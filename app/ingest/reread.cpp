#include "reread.h"

#include "model/casedocument.h"
#include "model/commands.h"
#include "model/isotime.h"
#include "model/sourcefile.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace inquest {

ImportOptions optionsOf(const Source &source)
{
    ImportOptions options;
    options.format = source.format;
    options.timeZone = source.timeZone;
    options.year = source.year;
    options.site = source.site;
    return options;
}

ImportResult rereadSource(const Source &source, const ImportOptions &options, const ImportProgress &progress)
{
    ImportResult result;
    // Only the file imported is read again: a regular file of the recorded size and hash.
    const SourceFileCheck check = checkSourceFile(source.path, source.size);
    if (!check.ok()) {
        result.error =
            QStringLiteral("%1: %2; source #%3 is left as it was").arg(source.path, check.message).arg(source.id);
        return result;
    }
    result = importLogFile(source.path, options, progress);
    if (!result.ok())
        return result;
    if (result.source->sha256 != source.sha256) {
        result.error =
            QStringLiteral("%1: the file has changed since import (SHA-256 %2 now, %3 at import); source #%4 "
                           "is left as it was")
                .arg(source.path, result.source->sha256.left(12), source.sha256.left(12))
                .arg(source.id);
        result.source.reset();
        return result;
    }
    result.source->id = source.id;
    result.source->importedAt = source.importedAt;
    return result;
}

QStringList sourceChanges(const Source &before, const Source &after)
{
    QStringList changes;
    const auto change = [&](const QString &what, const QString &from, const QString &to) {
        if (from != to)
            changes.append(QStringLiteral("%1 %2 → %3")
                               .arg(what, from.isEmpty() ? QStringLiteral("(none)") : from,
                                    to.isEmpty() ? QStringLiteral("(none)") : to));
    };
    change(QStringLiteral("format"), before.format, after.format);
    change(QStringLiteral("site"), before.site, after.site);
    change(QStringLiteral("zone"), before.timeZone, after.timeZone);
    change(QStringLiteral("year"), before.year ? QString::number(before.year) : QString(),
           after.year ? QString::number(after.year) : QString());
    change(QStringLiteral("first"), isoUtc(before.firstTime), isoUtc(after.firstTime));
    change(QStringLiteral("last"), isoUtc(before.lastTime), isoUtc(after.lastTime));
    change(QStringLiteral("events"), QString::number(before.events), QString::number(after.events));
    change(QStringLiteral("malformed"), QString::number(before.malformed), QString::number(after.malformed));
    return changes;
}

namespace edit {

void replaceSource(CaseDocument *doc, Source source)
{
    const Source *old = doc->find<Source>(source.id);
    if (!old)
        return;
    const QString detail = QStringLiteral("%1 sha256=%2 format=%3 site=%4 zone=%5 year=%6 events=%7")
                               .arg(source.path, source.sha256, source.format, source.site, source.timeZone)
                               .arg(source.year)
                               .arg(source.events);
    auto *step = new QUndoCommand(
        QCoreApplication::translate("inquest::commands", "Re-read %1").arg(source.path.section(u'/', -1)));
    const int index = doc->indexOf<Source>(source.id);
    new RemoveRecordCommand<Source>(doc, source.id, QString(), step);
    new InsertRecordCommand<Source>(doc, std::move(source), QString(), index, step);
    doc->undoStack()->push(step);
    doc->recordCustody(QStringLiteral("reread"), detail);
}

} // namespace edit

} // namespace inquest

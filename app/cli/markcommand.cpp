#include "commandline.h"
#include "commands.h"

#include "analysis/eventmarklist.h"
#include "casefile/casefile.h"
#include "model/eventmarkedits.h"
#include "model/isotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

QJsonObject entryJson(const EventMarkEntry &e)
{
    QJsonObject o{{u"id"_s, qint64(e.mark.id)},
                  {u"time"_s, isoUtc(e.mark.time)},
                  {u"source_id"_s, qint64(e.mark.sourceId)},
                  {u"source"_s, e.sourceName},
                  {u"line"_s, e.mark.line},
                  {u"offset"_s, e.mark.offset},
                  {u"starred"_s, e.mark.starred},
                  {u"tags"_s, QJsonArray::fromStringList(e.mark.tags)},
                  {u"comment"_s, e.mark.comment},
                  {u"raw"_s, e.raw.isEmpty() ? QJsonValue() : QJsonValue(e.raw)}};
    if (!e.problem.isEmpty())
        o.insert(u"problem"_s, e.problem);
    return o;
}

} // namespace

// inquest mark add|list|remove CASE …: stars, tags and comments on single events.
int mark(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"source"_s, u"line"_s, u"tag"_s, u"comment"_s}, {u"star"_s, u"unstar"_s, u"json"_s});
    cl.acceptWait();
    QString error;
    if (!cl.parse(args, &error)) {
        err << "inquest mark: " << error << '\n';
        return Usage;
    }
    const QStringList pos = cl.positional();
    const QString action = pos.value(0);
    if (pos.size() != 2 || (action != u"add" && action != u"list" && action != u"remove")) {
        err << "inquest mark: expected `mark add CASE --source ID --line N [--star] [--tag T,…] [--comment TEXT]`, "
               "`mark list CASE [--json]` or `mark remove CASE --source ID --line N`\n";
        return Usage;
    }
    const QString casePath = pos[1];
    casefile::CaseLock lock;
    if (action != u"list") {
        if (!cl.has(u"source"_s) || !cl.has(u"line"_s)) {
            err << "inquest mark: " << action << " needs --source ID and --line N\n";
            return Usage;
        }
        if (const int status = lockCase("mark", cl, casePath, lock, err); status != Success)
            return status;
    }
    CaseDocument doc;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest mark: " << error << '\n';
        return BadInput;
    }
    if (action != u"list") {
        const Id sourceId = cl.value(u"source"_s).toLongLong();
        const qint64 line = cl.value(u"line"_s).toLongLong();
        const Source *source = doc.find<Source>(sourceId);
        if (!source || source->kind != SourceKind::Log) {
            err << "inquest mark: " << casePath << ": no log source " << cl.value(u"source"_s) << '\n';
            return BadInput;
        }
        const auto row = rowOfLine(*source, line);
        if (!row) {
            err << "inquest mark: " << source->path << ":" << cl.value(u"line"_s)
                << ": no event on this line (not a line number, or a line the import could not read)\n";
            return BadInput;
        }
        const EventMark *old = findEventMark(doc.eventMarks(), sourceId, line);
        EventMark m = old ? *old : eventMarkFor(*source, *row);
        if (action == u"remove") {
            if (!old) {
                err << "inquest mark: " << source->path << ":" << line << ": this event has no mark\n";
                return BadInput;
            }
            m.starred = false;
            m.tags.clear();
            m.comment.clear();
        } else {
            if (cl.has(u"star"_s))
                m.starred = true;
            if (cl.has(u"unstar"_s))
                m.starred = false;
            for (const QString &t : cl.value(u"tag"_s).split(u',', Qt::SkipEmptyParts)) {
                if (!m.tags.contains(t.trimmed()))
                    m.tags.append(t.trimmed());
            }
            if (cl.has(u"comment"_s))
                m.comment = cl.value(u"comment"_s);
            if (m.isBlank()) {
                err << "inquest mark: add needs --star, --tag or --comment\n";
                return Usage;
            }
        }
        edit::setEventMarks(&doc, {m}, action == u"remove" ? u"Remove mark"_s : u"Mark event"_s);
        if (!casefile::save(doc, casePath, &error)) {
            err << "inquest mark: " << error << '\n';
            return BadInput;
        }
    }
    const QList<EventMarkEntry> entries = eventMarkEntries(doc.data());
    if (cl.has(u"json"_s)) {
        QJsonArray list;
        for (const EventMarkEntry &e : entries)
            list.append(entryJson(e));
        out << QJsonDocument(QJsonObject{{u"marks"_s, list}}).toJson(QJsonDocument::Indented);
    } else if (action == u"list") {
        for (const EventMarkEntry &e : entries) {
            out << isoUtc(e.mark.time) << "  " << e.mark.sourceId << ':' << e.sourceName << ':' << e.mark.line << "  "
                << (e.mark.starred ? u"★"_s : u"-"_s) << "  " << e.mark.tags.join(u',') << "  " << e.mark.comment
                << "\n    " << (e.raw.isEmpty() ? u"("_s + e.problem + u')' : e.raw) << '\n';
        }
    }
    return Success;
}

} // namespace inquest::cli

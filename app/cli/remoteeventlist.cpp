#include "remoteeventlist.h"

#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/isotime.h"
#include "remote/remotesources.h"

#include <limits>

namespace inquest::cli {

qint64 RemoteEventList::total() const
{
    qint64 n = 0;
    for (const remote::RemoteEventPage &p : pages)
        n += p.total;
    return n;
}

QList<RemoteResult> RemoteEventList::results() const
{
    QList<RemoteResult> out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        for (const remote::QueryRun &run : pages[i].runs) {
            if (run.ok())
                out.append(remote::provenance(sources[i], run, sources[i].serverVersion));
        }
    }
    return out;
}

RemoteEventList fetchRemoteEventList(const CaseData &data, const EventFilter &filter, const QString &grep,
                                     qint64 offset, qint64 limit, QTextStream &err)
{
    RemoteEventList list;
    const QString gap = remote::remoteFilterGap(filter);
    for (const RemoteSource &s : data.remoteSources) {
        if (!filter.sources.isEmpty() && !filter.sources.contains(s.id))
            continue;
        const QString label = QStringLiteral("remote source #%1 \"%2\"").arg(s.id).arg(s.name);
        if (!gap.isEmpty()) {
            err << "inquest events: " << label << " left out: it cannot be asked " << gap << '\n';
            continue;
        }
        QString error;
        const remote::ServerAccess access = remote::accessFor(s, &error);
        if (!error.isEmpty()) {
            list.failures << error;
            err << "inquest events: " << error << '\n';
            continue;
        }
        if (!grep.isEmpty()) {
            const remote::ColumnMapping mapping = remote::ColumnMapping::fromJson(s.mapping);
            err << "inquest events: " << label << ": --grep is matched on the server by ClickHouse match() (RE2 "
                << "syntax) on its " << remote::grepColumn(mapping) << " column"
                << (mapping.raw.isEmpty() ? u" (its mapping has no raw line)"_qs : QString()) << '\n';
        }
        remote::RemoteEventPage page =
            remote::fetchRemoteEvents({s, access, SiteRule::of(data.meta)}, filter, grep, offset,
                                      limit > 0 ? limit : std::numeric_limits<qint64>::max() / 4);
        if (!page.ok()) {
            list.failures << page.error;
            err << "inquest events: " << page.error << '\n';
        }
        list.pages.push_back(std::move(page));
        list.sources.push_back(s);
    }
    return list;
}

QJsonObject remoteResultJson(const RemoteResult &r)
{
    return {{u"source_id"_qs, qint64(r.sourceId)},
            {u"server"_qs, r.server},
            {u"server_version"_qs, r.serverVersion},
            {u"table"_qs, r.table},
            {u"sql"_qs, r.sql},
            {u"query_id"_qs, r.queryId},
            {u"started"_qs, isoUtc(r.started.toMSecsSinceEpoch() * 1000)},
            {u"finished"_qs, isoUtc(r.finished.toMSecsSinceEpoch() * 1000)},
            {u"rows_read"_qs, r.rowsRead},
            {u"sha256"_qs, r.sha256},
            {u"approximate"_qs, r.approximate}};
}

bool keepRemoteQueries(const QString &path, const CommandLine &cl, const RemoteEventList &list, QTextStream &err)
{
    const QList<RemoteResult> results = list.results();
    if (results.isEmpty())
        return true;
    casefile::CaseLock lock;
    if (lockCase("events", cl, path, lock, err) != Success)
        return false;
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest events: " << error << '\n';
        return false;
    }
    remote::keepEventQueries(doc, results);
    if (!casefile::save(doc, path, &error)) {
        err << "inquest events: " << error << '\n';
        return false;
    }
    return true;
}

} // namespace inquest::cli

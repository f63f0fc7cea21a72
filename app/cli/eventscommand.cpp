#include "commandline.h"
#include "commands.h"
#include "eventrowwriter.h"
#include "remoteeventlist.h"

#include "analysis/eventfilter.h"
#include "analysis/eventsearch.h"
#include "analysis/sourcetext.h"
#include "analysis/timelineindex.h"
#include "model/httpstatus.h"
#include "model/isotime.h"
#include "model/timeinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

namespace inquest::cli {

namespace {

constexpr qint64 DefaultTextLimit = 1000;
constexpr std::size_t RawBatch = 1 << 16;

// The messages of analysis/rawline name the path where it matters (a missing file).
QString sourceLabel(const TimelineSource &s) { return QStringLiteral("%1 (source %2)").arg(s.name).arg(s.id); }

// Reads the options into a filter; on a usage error says why and returns false.
bool readFilter(const CommandLine &cl, EventFilter &f, QTextStream &err)
{
    for (const char *name : {"from", "to"}) {
        const QString key = QString::fromLatin1(name);
        if (!cl.has(key))
            continue;
        const std::optional<qint64> t = parseTimeInput(cl.value(key));
        if (!t) {
            err << "inquest events: --" << key << " wants an ISO time (2010-12-12T21:05:00Z, 2010-12-12 21:05, "
                << "2010-12-12; UTC when no zone is given), not \"" << cl.value(key) << "\"\n";
            return false;
        }
        (key == u"from" ? f.from : f.to) = *t;
    }
    if (cl.has(u"status"_qs)) {
        QString bad;
        if (!parseStatusFilter(cl.value(u"status"_qs), &f, &bad) || cl.value(u"status"_qs).trimmed().isEmpty()) {
            err << "inquest events: --status wants a class (1xx, 2xx, 3xx, 4xx, 5xx, no-response, other, none) or a "
                   "code (503, 000), not \""
                << (bad.isEmpty() ? cl.value(u"status"_qs) : bad) << "\"\n";
            return false;
        }
    }
    f.site = cl.value(u"site"_qs);
    f.host = cl.value(u"host"_qs);
    f.client = cl.value(u"client"_qs);
    f.path = cl.value(u"path"_qs);
    return true;
}

} // namespace

int events(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"from"_qs, u"to"_qs, u"site"_qs, u"source"_qs, u"host"_qs, u"client"_qs, u"path"_qs, u"status"_qs,
                    u"grep"_qs, u"limit"_qs, u"offset"_qs},
                   {u"csv"_qs, u"json"_qs, u"keep"_qs});
    cl.acceptWait(); // --keep changes the case
    if (!cl.parseOneCase("events", args, err))
        return Usage;
    if (cl.has(u"csv"_qs) && cl.has(u"json"_qs)) {
        err << "inquest events: --csv and --json exclude each other\n";
        return Usage;
    }
    EventFilter filter;
    if (!readFilter(cl, filter, err))
        return Usage;
    std::optional<LinePattern> pattern;
    if (cl.has(u"grep"_qs)) {
        QString error;
        pattern = LinePattern::compile(cl.value(u"grep"_qs), &error);
        if (!pattern) {
            err << "inquest events: --grep \"" << cl.value(u"grep"_qs) << "\": " << error << '\n';
            return Usage;
        }
    }
    const bool machine = cl.has(u"csv"_qs) || cl.has(u"json"_qs);
    qint64 limit = machine ? 0 : DefaultTextLimit; // 0: no limit
    if (cl.has(u"limit"_qs)) {
        bool ok = false;
        limit = cl.value(u"limit"_qs).toLongLong(&ok);
        if (!ok || limit < 0) {
            err << "inquest events: --limit wants a count (0 for no limit), not \"" << cl.value(u"limit"_qs) << "\"\n";
            return Usage;
        }
    }

    qint64 offset = 0;
    if (cl.has(u"offset"_qs)) {
        bool ok = false;
        offset = cl.value(u"offset"_qs).toLongLong(&ok);
        if (!ok || offset < 0) {
            err << "inquest events: --offset wants a count of rows to skip, not \"" << cl.value(u"offset"_qs) << "\"\n";
            return Usage;
        }
    }

    const QString casePath = cl.casePath();
    const auto data = readCase("events", casePath, err);
    if (!data)
        return BadInput;
    // Remote rows come a page at a time, never the whole table: with remote sources the first
    // 1000 rows are listed in every format unless --limit says otherwise.
    if (!data->remoteSources.isEmpty() && !cl.has(u"limit"_qs))
        limit = DefaultTextLimit;
    std::vector<TimelineSource> sources = timelineSources(data->sources);
    if (cl.has(u"source"_qs)) {
        bool ok = false;
        const Id id = cl.value(u"source"_qs).toLongLong(&ok);
        QStringList known;
        for (const TimelineSource &s : sources)
            known.append(QStringLiteral("%1 %2").arg(s.id).arg(s.name));
        for (const RemoteSource &s : data->remoteSources)
            known.append(QStringLiteral("%1 %2 (remote)").arg(s.id).arg(s.name));
        const bool remote = std::any_of(data->remoteSources.begin(), data->remoteSources.end(),
                                        [id](const RemoteSource &s) { return s.id == id; });
        if (!ok || (!remote && std::none_of(sources.begin(), sources.end(),
                                            [id](const TimelineSource &s) { return s.id == id; }))) {
            err << "inquest events: " << casePath << ": no log source with id \"" << cl.value(u"source"_qs)
                << "\" (sources: " << (known.isEmpty() ? u"none"_qs : known.join(u", ")) << ")\n";
            return BadInput;
        }
        filter.sources = {id};
    }
    const std::shared_ptr<const TimelineIndex> index = TimelineIndex::build(std::move(sources));
    // A remote table's sites are the server's to say: with remote sources, an unknown site is asked.
    if (!filter.site.isEmpty() && !index->sites().contains(filter.site) && data->remoteSources.isEmpty()) {
        err << "inquest events: " << casePath << ": no site \"" << filter.site
            << "\" (sites: " << (index->sites().isEmpty() ? u"none"_qs : index->sites().join(u", ")) << ")\n";
        return BadInput;
    }
    std::vector<uint64_t> rows = *applyFilter(*index, filter);
    std::map<std::size_t, QString> unreadable; // source index -> why, said once each
    std::map<Id, QString> unreadableRemote;    // remote source id -> why it failed (empty: answered)
    if (pattern) {
        EventSearchResult found = *searchRawLines(*index, rows, *pattern);
        std::vector<uint64_t> hits;
        hits.reserve(found.hits.size());
        for (const std::size_t i : found.hits)
            hits.push_back(rows[i]);
        rows = std::move(hits);
        for (const UnreadableSource &u : found.unreadable) {
            unreadable[u.source] = u.message;
            err << "inquest events: " << sourceLabel(index->sources()[u.source]) << ": " << u.message
                << " Its events cannot be searched by --grep.\n";
        }
    }
    // Remote sources: one page each. When a single remote source is all there is to list, the
    // page is cut on the server (LIMIT offset, n); merged with other sources, each sends at most
    // its first offset + n rows.
    const bool remoteOnly = rows.empty() && data->remoteSources.size() == 1;
    RemoteEventList remote;
    if (!data->remoteSources.isEmpty()) {
        const qint64 depth = limit > 0 ? offset + limit : 0;
        remote = fetchRemoteEventList(*data, filter, cl.value(u"grep"_qs), remoteOnly ? offset : 0,
                                      remoteOnly ? limit : depth, err);
    }
    const std::size_t total = rows.size() + std::size_t(remote.total());
    const std::size_t skip = std::min<std::size_t>(total, std::size_t(offset));
    const std::size_t shown = limit > 0 ? std::min(total - skip, std::size_t(limit)) : total - skip;
    for (const remote::RemoteEventPage &p : remote.pages)
        unreadableRemote[p.sourceId] = p.error;

    // The rows in time order across local and remote sources (local first on equal times), from
    // the offset on.
    struct Item
    {
        int page = -1; // -1: local (`at` into rows), else remote.pages[page].events[at]
        std::size_t at = 0;
    };
    std::size_t nextLocal = 0;
    std::vector<std::size_t> nextRemote(remote.pages.size(), 0);
    auto localTime = [&](std::size_t i) { return index->sourceOf(rows[i]).table->time[timeline::rowOf(rows[i])]; };
    auto nextItem = [&]() -> std::optional<Item> {
        std::optional<Item> best;
        int64_t bestTime = 0;
        if (nextLocal < rows.size()) {
            best = Item{-1, nextLocal};
            bestTime = localTime(nextLocal);
        }
        for (std::size_t p = 0; p < remote.pages.size(); ++p) {
            const auto &events = remote.pages[p].events;
            if (nextRemote[p] < events.size() && (!best || events[nextRemote[p]].timeUs < bestTime)) {
                best = Item{int(p), nextRemote[p]};
                bestTime = events[nextRemote[p]].timeUs;
            }
        }
        if (best)
            ++(best->page < 0 ? nextLocal : nextRemote[std::size_t(best->page)]);
        return best;
    };
    if (!remoteOnly) {
        for (std::size_t i = 0; i < skip; ++i)
            nextItem();
    }

    // Raw lines come from one reader per source; rows ascend in time, and so (mostly) in offset.
    std::vector<std::unique_ptr<SourceText>> texts(index->sources().size());
    auto rawLine = [&](uint64_t e) -> std::optional<QString> {
        const std::size_t s = timeline::sourceOf(e);
        if (!texts[s])
            texts[s] = std::make_unique<SourceText>(index->sources()[s].path, index->sources()[s].size);
        if (!texts[s]->isOpen()) {
            if (!unreadable.count(s)) {
                unreadable[s] = texts[s]->problem().message;
                err << "inquest events: " << sourceLabel(index->sources()[s]) << ": " << unreadable[s] << '\n';
            }
            return std::nullopt;
        }
        const auto line = texts[s]->lineAt(index->sources()[s].table->offset[timeline::rowOf(e)]);
        return line ? std::optional<QString>(QString::fromUtf8(line->data(), qsizetype(line->size()))) : std::nullopt;
    };

    EventRowWriter writer(cl.has(u"json"_qs)  ? EventRowWriter::Format::Json
                          : cl.has(u"csv"_qs) ? EventRowWriter::Format::Csv
                                              : EventRowWriter::Format::Text,
                          out);
    writer.header();
    // Raw lines are read a batch at a time in file order (a gzip file read backwards would be
    // inflated again from its start), then printed in time order.
    std::vector<Item> batch;
    std::vector<std::optional<QString>> raws;
    std::vector<std::size_t> order;
    for (std::size_t done = 0; done < shown;) {
        batch.clear();
        while (batch.size() < RawBatch && done + batch.size() < shown) {
            const std::optional<Item> item = nextItem();
            if (!item)
                break;
            batch.push_back(*item);
        }
        if (batch.empty())
            break;
        order.clear();
        for (std::size_t k = 0; k < batch.size(); ++k) {
            if (batch[k].page < 0)
                order.push_back(k);
        }
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const auto key = [&](std::size_t k) {
                const uint64_t e = rows[batch[k].at];
                return std::pair(timeline::sourceOf(e), index->sourceOf(e).table->offset[timeline::rowOf(e)]);
            };
            return key(a) < key(b);
        });
        raws.assign(batch.size(), std::nullopt);
        for (const std::size_t k : order)
            raws[k] = rawLine(rows[batch[k].at]);
        for (std::size_t k = 0; k < batch.size(); ++k) {
            if (batch[k].page < 0)
                writer.local(*index, rows[batch[k].at], raws[k]);
            else
                writer.remote(remote.pages[std::size_t(batch[k].page)],
                              remote.pages[std::size_t(batch[k].page)].events[batch[k].at]);
        }
        done += batch.size();
    }
    const bool kept = cl.has(u"keep"_qs) && keepRemoteQueries(casePath, cl, remote, err);
    if (cl.has(u"json"_qs)) {
        QJsonArray missing;
        for (const auto &[s, why] : unreadable)
            missing.append(QJsonObject{{u"source_id"_qs, qint64(index->sources()[s].id)},
                                       {u"source"_qs, index->sources()[s].path},
                                       {u"message"_qs, why}});
        for (const auto &[id, why] : unreadableRemote) {
            if (!why.isEmpty())
                missing.append(QJsonObject{{u"source_id"_qs, qint64(id)}, {u"remote"_qs, true}, {u"message"_qs, why}});
        }
        QJsonObject doc{
            {u"total"_qs, qint64(total)}, {u"events"_qs, writer.json()}, {u"unreadable_sources"_qs, missing}};
        if (!data->remoteSources.isEmpty()) {
            QJsonArray queries;
            for (const RemoteResult &r : remote.results())
                queries.append(remoteResultJson(r));
            doc.insert(u"offset"_qs, qint64(skip));
            doc.insert(u"remote_queries"_qs, queries);
            doc.insert(u"remote_queries_kept"_qs, kept);
        }
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else if (!data->remoteSources.isEmpty()) {
        for (const RemoteResult &r : remote.results())
            err << "inquest events: remote source #" << r.sourceId << " query " << r.queryId << " (rows read "
                << r.rowsRead << ", SHA-256 " << r.sha256.left(16) << u"\u2026) "_qs
                << (kept ? u"kept in the case"_qs : u"not kept (--keep keeps it in the case)"_qs) << '\n';
    }
    if (skip + shown < total)
        err << "inquest events: " << u"\u2026 "_qs << (total - skip - shown)
            << " more, use --limit (0 for all) or --offset " << (skip + shown) << " for the next page\n";
    if (cl.has(u"keep"_qs) && !kept)
        return BadInput;
    return remote.failures.isEmpty() ? Success : BadInput;
}

} // namespace inquest::cli

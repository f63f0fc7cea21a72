#include "siteevents.h"

#include "model/sites.h"
#include "model/source.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

namespace inquest {

namespace {

bool hasStatus(const EventTable &t)
{
    return std::any_of(t.status.begin(), t.status.end(), [](uint16_t s) { return s != 0; });
}

EventSlice wholeTable(const Source &s)
{
    EventSlice slice;
    slice.sourceId = s.id;
    slice.table = s.table;
    slice.http = hasStatus(*s.table);
    slice.systemLog = isSystemLog(s);
    return slice;
}

bool isLogWithEvents(const Source &s) { return s.kind == SourceKind::Log && s.table && !s.table->empty(); }

} // namespace

std::vector<std::shared_ptr<const SiteEvents>> SiteEvents::bySite(const QList<Source> &sources, const SiteRule &rule)
{
    std::vector<std::shared_ptr<const SiteEvents>> result;
    for (auto &[name, slices] : slicesBySite(sources, rule))
        result.push_back(fromSlices(name, std::move(slices)));
    return result;
}

std::vector<std::pair<QString, std::vector<EventSlice>>> SiteEvents::slicesBySite(const QList<Source> &sources,
                                                                                  const SiteRule &rule)
{
    std::map<QString, std::vector<EventSlice>> groups;
    for (const Source &s : sources) {
        if (!isLogWithEvents(s))
            continue;
        // The name the rule gives each host id the rows use: most files are one site, whose
        // rows need no list of their own.
        const EventTable &t = *s.table;
        const bool system = rule.namesHosts(s);
        std::unordered_map<uint32_t, uint32_t> groupOf; // host id → index into names
        QHash<QString, uint32_t> byName;
        std::vector<QString> names;
        const auto group = [&](uint32_t host) {
            const auto it = groupOf.find(host);
            if (it != groupOf.end())
                return it->second;
            const QString name = rule.hostName(s, system, host);
            const auto known = byName.constFind(name);
            const uint32_t g = known != byName.constEnd() ? *known : uint32_t(names.size());
            if (g == names.size()) {
                byName.insert(name, g);
                names.push_back(name);
            }
            groupOf.emplace(host, g);
            return g;
        };
        // Lines come in runs of one host: look up only where the host changes.
        uint32_t lastHost = UINT32_MAX, lastGroup = 0;
        for (uint32_t host : t.host) {
            if (host != lastHost) {
                lastHost = host;
                lastGroup = group(host);
            }
        }
        std::vector<std::vector<uint32_t>> rowsOf(names.size());
        if (names.size() > 1) {
            lastHost = UINT32_MAX;
            for (uint32_t r = 0; r < t.size(); ++r) {
                if (t.host[r] != lastHost) {
                    lastHost = t.host[r];
                    lastGroup = groupOf.at(lastHost);
                }
                rowsOf[lastGroup].push_back(r);
            }
        }
        const bool http = hasStatus(t);
        for (std::size_t g = 0; g < names.size(); ++g) {
            EventSlice slice;
            slice.sourceId = s.id;
            slice.table = s.table;
            slice.http = http;
            slice.systemLog = system;
            slice.allRows = names.size() == 1;
            if (!slice.allRows)
                slice.rows = std::move(rowsOf[g]);
            groups[names[g]].push_back(std::move(slice));
        }
    }
    std::vector<std::pair<QString, std::vector<EventSlice>>> result;
    for (auto &[name, slices] : groups) {
        // Keep source order within a site so event numbers are stable.
        std::stable_sort(slices.begin(), slices.end(),
                         [](const EventSlice &a, const EventSlice &b) { return a.sourceId < b.sourceId; });
        result.emplace_back(name, std::move(slices));
    }
    return result;
}

std::shared_ptr<const SiteEvents> SiteEvents::combined(const QList<Source> &sources, const QString &name)
{
    std::vector<EventSlice> slices;
    for (const Source &s : sources) {
        if (isLogWithEvents(s))
            slices.push_back(wholeTable(s));
    }
    return fromSlices(name, std::move(slices));
}

std::shared_ptr<const SiteEvents> SiteEvents::fromSlices(const QString &name, std::vector<EventSlice> slices)
{
    auto site = std::make_shared<SiteEvents>();
    site->m_name = name;
    site->m_slices = std::move(slices);
    site->index();
    return site;
}

void SiteEvents::index()
{
    m_size = 0;
    m_sliceStart.clear();
    for (const EventSlice &s : m_slices) {
        m_sliceStart.push_back(m_size);
        m_size += s.size();
        m_hasHttp = m_hasHttp || s.http;
        for (const NumericColumn &c : s.table->numeric) {
            if (!m_numericColumns.contains(c.name))
                m_numericColumns.append(c.name);
        }
    }
    Q_ASSERT(m_size < std::numeric_limits<uint32_t>::max());
    m_minTime = std::numeric_limits<int64_t>::max();
    m_maxTime = std::numeric_limits<int64_t>::min();
    m_clients.assign(m_size, NoClient);

    // Client strings from different pools map to one id; each pool id is looked up once, and
    // strings are hashed only once a second pool joins the site (most sites are one file).
    std::unordered_map<std::string_view, uint32_t> ids;
    std::vector<std::pair<const EventTable *, std::vector<uint32_t>>> remaps; // per pool
    m_sorted.assign(m_slices.size(), 1);
    for (std::size_t k = 0; k < m_slices.size(); ++k) {
        const EventSlice &s = m_slices[k];
        const EventTable &t = *s.table;
        auto remap = std::find_if(remaps.begin(), remaps.end(), [&t](const auto &r) { return r.first == &t; });
        if (remap == remaps.end()) {
            if (remaps.size() == 1) {
                const auto &[pool, map] = remaps.front();
                for (uint32_t pid = 0; pid < map.size(); ++pid) {
                    if (map[pid] != NoClient)
                        ids.emplace(pool->strings.view(pid), map[pid]);
                }
            }
            remaps.emplace_back(&t, std::vector<uint32_t>(t.strings.size(), NoClient));
            remap = remaps.end() - 1;
        }
        uint32_t *map = remap->second.data();
        const bool hashed = remaps.size() > 1;
        const auto firstSight = [&](uint32_t pid, int64_t time, uint32_t g) {
            const auto next = uint32_t(m_clientFirstTime.size());
            if (hashed) {
                const auto [it, added] = ids.try_emplace(t.strings.view(pid), next);
                if (!added)
                    return it->second;
            }
            m_clientFirstTime.push_back(time);
            m_clientFirstEvent.push_back(g);
            return next;
        };
        // One tight loop per slice over the columns it reads.
        const int64_t *time = t.time.data();
        const uint8_t *severity = t.severity.data();
        const uint32_t *response = t.responseUs.data();
        const uint32_t *client = t.client.data();
        uint32_t *clients = m_clients.data();
        int64_t previous = std::numeric_limits<int64_t>::min(), lo = m_minTime, hi = m_maxTime;
        bool sorted = true, syslog = false, responses = false, unrated = false;
        const bool systemLog = s.systemLog;
        auto g = uint32_t(m_sliceStart[k]);
        const auto visit = [&](uint32_t r) {
            const int64_t tm = time[r];
            sorted = sorted && tm >= previous;
            previous = tm;
            lo = std::min(lo, tm);
            hi = std::max(hi, tm);
            syslog = syslog || severity[r] != NoSeverity;
            unrated = unrated || (systemLog && severity[r] == NoSeverity);
            responses = responses || response[r] != NoResponseTime;
            if (const uint32_t pid = client[r]; pid != 0) {
                uint32_t id = map[pid];
                if (id == NoClient) [[unlikely]]
                    id = map[pid] = firstSight(pid, tm, g);
                clients[g] = id;
                if (tm < m_clientFirstTime[id]) {
                    m_clientFirstTime[id] = tm;
                    m_clientFirstEvent[id] = g;
                }
            }
            ++g;
        };
        s.forEachRow(visit);
        m_sorted[k] = sorted;
        m_minTime = lo;
        m_maxTime = hi;
        m_hasSyslog = m_hasSyslog || syslog;
        m_hasUnrated = m_hasUnrated || unrated;
        m_hasResponse = m_hasResponse || responses;
    }
    if (m_size == 0)
        m_minTime = m_maxTime = 0;
}

EventRef SiteEvents::locate(uint32_t event) const
{
    const auto it = std::upper_bound(m_sliceStart.begin(), m_sliceStart.end(), std::size_t(event));
    const std::size_t k = std::size_t(it - m_sliceStart.begin()) - 1;
    const EventSlice &s = m_slices[k];
    return {s.sourceId, s.row(event - m_sliceStart[k])};
}

} // namespace inquest

#include "localeventstore.h"

#include "model/httpstatus.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace inquest {

namespace {

bool passes(EventStore::Filter filter, uint16_t status)
{
    return filter == EventStore::Filter::All || isFailure(status);
}

QString text(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

} // namespace

template <typename F> void LocalEventStore::forEachRow(const QString &site, int64_t from, int64_t to, F f) const
{
    for (SiteBins &s : *m_sites) {
        if (!site.isEmpty() && s.site != site)
            continue;
        for (std::size_t p = 0; p < s.parts.size(); ++p) {
            const auto [b, e] = s.rows(p, from, to);
            const auto &time = s.parts[p].table->time;
            for (std::size_t r = b; r < e; ++r) {
                if (time[r] >= from && time[r] < to && s.parts[p].includes(r)) // a file of several sites
                    f(s, p, r);
            }
        }
    }
}

LocalEventStore::LocalEventStore(std::vector<SiteBins> &sites)
    : m_sites(&sites)
{
    // Spans are asked often; a sorted part's are its ends, an unsorted one is scanned once.
    for (const SiteBins &s : sites) {
        int64_t first = INT64_MAX, last = INT64_MIN;
        for (const auto &part : s.parts) {
            const auto &time = part.table->time;
            if (time.empty())
                continue;
            first = std::min(first, part.sorted ? time.front() : part.table->minTime());
            last = std::max(last, (part.sorted ? time.back() : part.table->maxTime()) + 1);
        }
        m_spans.emplace_back(first, last);
    }
}

QStringList LocalEventStore::sites() const
{
    QStringList names;
    for (const SiteBins &s : *m_sites)
        names.append(s.site);
    return names;
}

std::pair<int64_t, int64_t> LocalEventStore::span() const { return span(QString()); }

std::pair<int64_t, int64_t> LocalEventStore::span(const QString &site) const
{
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (std::size_t i = 0; i < m_sites->size(); ++i) {
        if (!site.isEmpty() && (*m_sites)[i].site != site)
            continue;
        first = std::min(first, m_spans[i].first);
        last = std::max(last, m_spans[i].second);
    }
    return first < last ? std::pair{first, last} : std::pair<int64_t, int64_t>{0, 0};
}

std::vector<double> LocalEventStore::counts(const QString &site, Filter filter, int64_t from, int64_t to,
                                            int64_t width) const
{
    const int64_t n = width > 0 && to > from ? (to - from + width - 1) / width : 0;
    std::vector<double> out(std::size_t(n), 0.0);
    if (!n)
        return out;
    for (const SiteBins &s : *m_sites) {
        if (!site.isEmpty() && s.site != site)
            continue;
        // On the bins' grid the bins answer; otherwise the rows do (below).
        if (width % s.width == 0 && (from - s.start) % s.width == 0) {
            const auto &source = filter == Filter::All ? s.requests : s.failures;
            const int64_t per = width / s.width;
            for (int64_t b = std::max<int64_t>(0, s.binOf(from)); b < s.bins() && s.binStart(int(b)) < to; ++b)
                out[std::size_t((s.binStart(int(b)) - from) / s.width / per)] += source[std::size_t(b)];
            continue;
        }
        forEachRow(s.site, from, to, [&](SiteBins &, std::size_t p, std::size_t r) {
            const EventTable &t = *s.parts[p].table;
            if (passes(filter, t.status[r]))
                out[std::size_t((t.time[r] - from) / width)] += 1;
        });
    }
    return out;
}

std::vector<EventStore::ValueCount> LocalEventStore::topValues(const QString &site, Dimension dimension, Filter filter,
                                                               int64_t from, int64_t to, int n) const
{
    std::map<QString, double> byValue; // in value order, which ties keep
    // Id-keyed tallies per site, turned into text once at the end (most rows share few values).
    for (SiteBins &s : *m_sites) {
        if (!site.isEmpty() && s.site != site)
            continue;
        std::unordered_map<uint64_t, double> byId;
        forEachRow(s.site, from, to, [&](SiteBins &, std::size_t p, std::size_t r) {
            const EventTable &t = *s.parts[p].table;
            if (!passes(filter, t.status[r]))
                return;
            uint64_t key = 0;
            switch (dimension) {
            case Dimension::Site:
                break;
            case Dimension::Endpoint:
                key = s.endpointId(p, t.path[r]);
                break;
            case Dimension::Status:
                key = t.status[r];
                break;
            case Dimension::ClientNet:
                key = s.parts[p].clientOf[t.client[r]];
                break;
            case Dimension::Agent:
                key = s.agentId(p, t.agent[r]);
                break;
            case Dimension::Referer:
                key = s.refererId(p, t.referer[r]);
                break;
            case Dimension::Method:
                key = uint64_t(t.method[r]);
                break;
            case Dimension::Static:
                key = isStaticPath(t.strings.view(t.path[r]));
                break;
            }
            byId[key] += 1;
        });
        for (const auto &[key, count] : byId) {
            QString value;
            switch (dimension) {
            case Dimension::Site:
                value = s.site;
                break;
            case Dimension::Endpoint:
                value = text(s.endpoint(uint32_t(key)));
                break;
            case Dimension::Status:
                value = statusText(uint16_t(key));
                break;
            case Dimension::ClientNet:
                value = clientNetwork(s.clientNames.view(uint32_t(key)));
                break;
            case Dimension::Agent:
                value = text(s.agent(uint32_t(key)));
                break;
            case Dimension::Referer:
                value = text(s.referer(uint32_t(key)));
                break;
            case Dimension::Method:
                value = QString::fromLatin1(toString(HttpMethod(key)));
                break;
            case Dimension::Static:
                value = key ? QStringLiteral("static") : QStringLiteral("dynamic");
                break;
            }
            byValue[value] += count;
        }
    }
    return rankValueCounts(byValue, n);
}

uint64_t LocalEventStore::distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const
{
    return topValues(site, dimension, Filter::All, from, to, 0).size();
}

std::vector<EventStore::ClientSummary> LocalEventStore::clients(const QString &site, int64_t from, int64_t to) const
{
    struct Hit
    {
        const SiteBins *site;
        uint32_t client;
        int64_t time;
        uint32_t endpoint;
        uint32_t agent;
        uint32_t referer;
        bool asset;
        bool failure;
    };
    std::vector<Hit> hits;
    forEachRow(site, from, to, [&](SiteBins &s, std::size_t p, std::size_t r) {
        const EventTable &t = *s.parts[p].table;
        hits.push_back({&s, s.parts[p].clientOf[t.client[r]], t.time[r], s.endpointId(p, t.path[r]),
                        s.agentId(p, t.agent[r]), s.refererId(p, t.referer[r]), isStaticPath(t.strings.view(t.path[r])),
                        isFailure(t.status[r])});
    });
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.site != b.site ? a.site < b.site : a.client != b.client ? a.client < b.client : a.time < b.time;
    });
    std::vector<ClientSummary> out;
    std::unordered_map<uint32_t, uint32_t> perEndpoint;
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j].site == hits[i].site && hits[j].client == hits[i].client)
            ++j;
        const Hit &first = hits[i];
        const SiteBins &s = *first.site;
        ClientSummary c;
        c.requests = uint32_t(j - i);
        c.seenBefore = first.client < s.firstSeen.size() && s.firstSeen[first.client] < from;
        c.refererKind = refererKind(s.referer(first.referer), s.site.toStdString());
        c.agent = text(s.agent(first.agent));
        perEndpoint.clear();
        double sum = 0, sum2 = 0;
        for (std::size_t k = i; k < j; ++k) {
            const Hit &h = hits[k];
            ++perEndpoint[h.endpoint];
            (h.asset ? c.assets : c.pages) += 1;
            c.failures += h.failure;
            if (k > i) {
                const double gap = double(h.time - hits[k - 1].time) / 1e6;
                sum += gap;
                sum2 += gap * gap;
                c.repeats += h.endpoint == hits[k - 1].endpoint && gap <= 10.0;
            }
        }
        const double gaps = double(j - i - 1);
        if (gaps >= 1) {
            c.gapMean = sum / gaps;
            const double var = std::max(0.0, sum2 / gaps - c.gapMean * c.gapMean);
            c.gapCv = c.gapMean > 0 ? std::sqrt(var) / c.gapMean : 0;
        }
        c.endpoints = uint32_t(perEndpoint.size());
        const auto top = std::max_element(perEndpoint.begin(), perEndpoint.end(),
                                          [](const auto &a, const auto &b) { return a.second < b.second; });
        c.topEndpoint = text(s.endpoint(top->first));
        out.push_back(std::move(c));
        i = j;
    }
    return out;
}

uint32_t LocalEventStore::responseQuantile(const QString &site, double q, int64_t from, int64_t to) const
{
    std::vector<uint32_t> times;
    forEachRow(site, from, to, [&](SiteBins &s, std::size_t p, std::size_t r) {
        const EventTable &t = *s.parts[p].table;
        if (r < t.responseUs.size() && t.responseUs[r] != NoResponseTime)
            times.push_back(t.responseUs[r]);
    });
    if (times.empty())
        return NoResponseTime;
    const auto k = std::size_t(std::clamp(q, 0.0, 1.0) * double(times.size() - 1));
    std::nth_element(times.begin(), times.begin() + qsizetype(k), times.end());
    return times[k];
}

std::vector<double> LocalEventStore::responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from,
                                                    int64_t to, int64_t width) const
{
    const int64_t n = width > 0 && to > from ? (to - from + width - 1) / width : 0;
    std::vector<double> out(std::size_t(n), 0.0);
    forEachRow(site, from, to, [&](SiteBins &s, std::size_t p, std::size_t r) {
        const EventTable &t = *s.parts[p].table;
        if (r < t.responseUs.size() && t.responseUs[r] != NoResponseTime &&
            (!slowerThanUs || t.responseUs[r] > slowerThanUs))
            out[std::size_t((t.time[r] - from) / width)] += 1;
    });
    return out;
}

} // namespace inquest

#include "sitebins.h"
#include "model/httpstatus.h"

#include "support/parallel.h"

#include <algorithm>
#include <map>

namespace inquest {

uint32_t SiteBins::remap(std::vector<uint32_t> &map, StringPool &pool, const StringPool &from, uint32_t id,
                         bool stripQuery)
{
    if (map.empty())
        map.assign(from.size(), UINT32_MAX);
    uint32_t &to = map[id];
    if (to == UINT32_MAX) {
        std::string_view text = from.view(id);
        if (stripQuery)
            text = text.substr(0, text.find('?'));
        to = pool.intern(text);
    }
    return to;
}

uint32_t SiteBins::endpointId(std::size_t part, uint32_t pathId)
{
    return remap(m_remaps[part].endpoint, m_endpoints, parts[part].table->strings, pathId, true);
}

uint32_t SiteBins::agentId(std::size_t part, uint32_t agentPoolId)
{
    return remap(m_remaps[part].agent, m_agents, parts[part].table->strings, agentPoolId, false);
}

uint32_t SiteBins::refererId(std::size_t part, uint32_t refererPoolId)
{
    return remap(m_remaps[part].referer, m_referers, parts[part].table->strings, refererPoolId, false);
}

std::pair<std::size_t, std::size_t> SiteBins::rows(std::size_t part, int64_t begin, int64_t end) const
{
    const auto &time = parts[part].table->time;
    if (parts[part].sorted) {
        const auto b = std::lower_bound(time.begin(), time.end(), begin);
        const auto e = std::lower_bound(b, time.end(), end);
        return {std::size_t(b - time.begin()), std::size_t(e - time.begin())};
    }
    return {0, time.size()}; // unsorted: callers check each row's time
}

void SiteBins::fill(std::size_t count)
{
    m_remaps.resize(parts.size());
    for (auto *v : {&requests, &status3xx, &status4xx, &status5xx, &noResponse, &failures, &clients, &newClients})
        v->assign(count, 0);
    bytes.assign(count, 0);
    std::vector<int32_t> lastBin;
    for (Part &part : parts) {
        const EventTable &t = *part.table;
        part.clientOf.assign(t.strings.size(), UINT32_MAX);
        for (std::size_t r = 0; r < t.size(); ++r) {
            if (!part.includes(r))
                continue;
            const auto bin = std::size_t((t.time[r] - start) / width);
            if (r && t.time[r] < t.time[r - 1])
                part.sorted = false;
            uint32_t &c = part.clientOf[t.client[r]];
            if (c == UINT32_MAX) {
                c = clientNames.intern(t.strings.view(t.client[r]));
                if (c >= firstSeen.size()) {
                    firstSeen.resize(c + 1, INT64_MAX);
                    lastBin.resize(c + 1, -1);
                }
            }
            firstSeen[c] = std::min(firstSeen[c], t.time[r]);
            if (lastBin[c] != int32_t(bin)) {
                lastBin[c] = int32_t(bin);
                ++clients[bin];
            }
            ++requests[bin];
            const StatusClass cls = statusClass(t.status[r]);
            status3xx[bin] += cls == StatusClass::Redirect;
            status4xx[bin] += cls == StatusClass::ClientError;
            status5xx[bin] += cls == StatusClass::ServerError;
            noResponse[bin] += cls == StatusClass::NoResponse;
            failures[bin] += cls == StatusClass::ServerError || cls == StatusClass::NoResponse;
            bytes[bin] += t.bytes[r];
        }
    }
    for (int64_t seen : firstSeen) {
        if (seen != INT64_MAX)
            ++newClients[std::size_t((seen - start) / width)];
    }
}

std::vector<SiteBins> SiteBins::build(const CaseData &data, int64_t width)
{
    std::map<QString, SiteBins> bySite;
    int64_t first = INT64_MAX;
    int64_t last = INT64_MIN;
    const SiteRule rule = SiteRule::of(data.meta);
    for (int i = 0; i < data.sources.size(); ++i) {
        const Source &s = data.sources[i];
        if (!isAccessLog(s))
            continue;
        const EventTable &t = *s.table;
        // The site of each host id the rows use (0 = no virtual host: the source's site).
        std::map<QString, std::vector<uint32_t>> hostsOf;
        std::vector<uint8_t> seen(t.strings.size(), 0);
        for (uint32_t id : t.host) {
            if (!seen[id]) {
                seen[id] = 1;
                hostsOf[rule.hostName(s, false, id)].push_back(id);
            }
        }
        for (auto &[name, ids] : hostsOf) {
            SiteBins &site = bySite[name];
            site.site = name;
            Part part{i, &s, &t, {}, true, {}};
            if (hostsOf.size() > 1) {
                part.hosts.assign(t.strings.size(), 0);
                for (uint32_t id : ids)
                    part.hosts[id] = 1;
            }
            site.parts.push_back(std::move(part));
        }
        first = std::min(first, t.minTime());
        last = std::max(last, t.maxTime());
    }
    std::vector<SiteBins> result;
    if (bySite.empty())
        return result;
    // All sites share one bin grid, so that bins compare across sites.
    const int64_t start = (first >= 0 ? first / width : (first - width + 1) / width) * width;
    const std::size_t count = std::size_t((last - start) / width + 1);
    for (auto &[name, site] : bySite) {
        site.start = start;
        site.width = width;
        result.push_back(std::move(site));
    }
    // Sites are independent (each has its own pools): bin them in parallel.
    parallel::forEach(result, [count](SiteBins &site) { site.fill(count); });
    return result;
}

} // namespace inquest

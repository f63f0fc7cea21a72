#pragma once

#include "model/casedata.h"
#include "model/httpstatus.h"
#include "model/sites.h"
#include "model/stringpool.h"

#include <cstdint>
#include <vector>

namespace inquest {

// The access-log events of one site (all its sources), with the site-wide identities the
// detectors need: client, endpoint (path without query), agent and referer ids are re-interned
// into one pool per site so that several files of a site count the same client once.
// Built in one pass; per-bin counts at a fixed width. A small helper for the detectors; the
// chart's binning layer (richer, pyramid) is separate.
class SiteBins
{
public:
    struct Part
    {
        int sourceIndex = -1; // index into CaseData::sources
        const Source *source = nullptr;
        const EventTable *table = nullptr;
        std::vector<uint32_t> clientOf; // table pool id → site client id (UINT32_MAX = none)
        bool sorted = true;             // rows in time order
        // Per host string id of the table, whether its rows belong to this site; empty = every
        // row (a source with several virtual hosts is one part per site).
        std::vector<uint8_t> hosts;
        bool includes(std::size_t row) const { return hosts.empty() || hosts[table->host[row]]; }
    };

    QString site;
    std::vector<Part> parts;
    int64_t start = 0;          // µs UTC, start of bin 0 (aligned to the width)
    int64_t width = 60'000'000; // µs
    std::vector<uint32_t> requests, status3xx, status4xx, status5xx, clients, newClients;
    std::vector<uint32_t> noResponse; // "000", "-", 444, 499 (model/httpstatus.h)
    std::vector<uint32_t> failures;   // 5xx + no response: what an error rate counts
    std::vector<uint64_t> bytes;
    std::vector<int64_t> firstSeen; // site client id → first request time (µs UTC)
    StringPool clientNames;         // site client id → address

    int bins() const { return int(requests.size()); }
    int binOf(int64_t t) const { return int((t - start) / width); }
    int64_t binStart(int i) const { return start + int64_t(i) * width; }
    int64_t end() const { return binStart(bins()); }

    // Site-wide ids for endpoint, agent and referer strings (interned on first use).
    uint32_t endpointId(std::size_t part, uint32_t pathId);
    uint32_t agentId(std::size_t part, uint32_t agentPoolId);
    uint32_t refererId(std::size_t part, uint32_t refererPoolId);
    std::string_view endpoint(uint32_t id) const { return m_endpoints.view(id); }
    std::string_view agent(uint32_t id) const { return m_agents.view(id); }
    std::string_view referer(uint32_t id) const { return m_referers.view(id); }

    // Rows of part p with time in [begin, end): [first, last) (tables sorted by time use binary search).
    std::pair<std::size_t, std::size_t> rows(std::size_t part, int64_t begin, int64_t end) const;

    // Groups the case's access-log events by site (model/sites: the SiteRule) and bins them.
    static std::vector<SiteBins> build(const CaseData &data, int64_t width = 60'000'000);

private:
    void fill(std::size_t bins);
    struct Remap
    {
        std::vector<uint32_t> endpoint, agent, referer;
    };
    uint32_t remap(std::vector<uint32_t> &map, StringPool &pool, const StringPool &from, uint32_t id, bool stripQuery);
    std::vector<Remap> m_remaps;
    StringPool m_endpoints, m_agents, m_referers;
};

} // namespace inquest

#pragma once

#include "sitebins.h"

#include <QString>

#include <unordered_map>

namespace inquest {

// What one site's traffic looked like in a time range: volume, status classes, clients,
// concentration and diversity. The detectors compare an incident window's profile with the
// profile of the hours before it.
struct WindowProfile
{
    struct Count
    {
        uint64_t requests = 0;
        uint64_t errors = 0;           // 5xx + no response
        uint64_t externalReferred = 0; // requests that arrived with the endpoint's top external referer
    };

    int64_t begin = 0;
    int64_t end = 0;
    uint64_t requests = 0;
    uint64_t errors = 0;       // failures: 5xx + no response (model/httpstatus.h isFailure)
    uint64_t noResponse = 0;   // "000", "-", 444, 499
    uint64_t clientErrors = 0; // 4xx other than 444, 499
    uint64_t clients = 0;
    uint64_t newClients = 0; // first seen at or after `newSince`
    double top1Share = 0;    // share of requests from the top 1% of clients
    double agentEntropy = 0; // bits, over requests
    double endpointEntropy = 0;
    std::unordered_map<uint32_t, Count> endpoints;           // site endpoint id → counts
    std::unordered_map<uint32_t, uint64_t> externalReferers; // site referer id → requests

    double minutes() const { return double(end - begin) / 60e6; }
    double perMinute() const { return minutes() > 0 ? double(requests) / minutes() : 0; }
    double errorRate() const { return requests ? double(errors) / double(requests) : 0; }
    double newShare() const { return clients ? double(newClients) / double(clients) : 0; }
    double perClient() const { return clients ? double(requests) / double(clients) : 0; }
    double endpointShare(uint32_t id) const;
    double refererShare(uint32_t id) const;
};

// Profiles [begin, end) of a site; clients first seen at or after newSince count as new.
WindowProfile profileWindow(SiteBins &site, int64_t begin, int64_t end, int64_t newSince);

// "2010-12-12 21:10 UTC" / "21:10 UTC" for reasons.
QString formatUtc(int64_t us, bool withDate = true);
QString formatPercent(double share);

} // namespace inquest

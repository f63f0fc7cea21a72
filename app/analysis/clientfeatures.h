#pragma once

#include "eventstore.h"

#include <vector>

namespace inquest {

// How the clients of a window behave, from per-client summaries (EventStore::clients) — the
// features that tell a crowd of people from a flood of programs (Jung, Krishnamurthy &
// Rabinovich, WWW 2002; Oikonomou & Mirkovic, ICC 2009; Xie & Yu, ToN 2009).
struct ClientFeatures
{
    double clients = 0;
    double requests = 0;
    double seenBeforeShare = 0; // clients with requests before the window
    double perClientMedian = 0; // requests per client
    double perClientCv = 0;     // spread of requests per client across clients
    // Share of requests from clients at a machine cadence: at least `MinCadenceRequests`
    // requests whose gaps vary little (coefficient of variation below `MachineCv`). People's
    // think times between clicks vary by more than their mean (CV ≳ 1); a script's do not.
    double machineShare = 0;
    double assetsPerPage = 0;    // static requests per dynamic one (browsers fetch a page's assets)
    double pagesPerClient = 0;   // session depth
    double topEndpointShare = 0; // requests on the most asked-for endpoint
    QString topEndpoint;
    double externalReferred = 0; // clients whose first request came from a search, social, webmail or other site
    double noReferer = 0;        // clients whose first request had no referer
    double retryShare = 0;       // requests repeating the client's previous endpoint within 10 s
    double agentTopShare = 0;    // clients sharing the most common agent

    static constexpr int MinCadenceRequests = 6;
    static constexpr double MachineCv = 0.35;
};

// Features over the clients given; `onlyNew` keeps the clients not seen before the window.
ClientFeatures clientFeatures(const std::vector<EventStore::ClientSummary> &clients, bool onlyNew = false);

} // namespace inquest

#include "clientfeatures.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace inquest {

ClientFeatures clientFeatures(const std::vector<EventStore::ClientSummary> &all, bool onlyNew)
{
    ClientFeatures f;
    std::vector<double> perClient;
    double machine = 0, assets = 0, pages = 0, retries = 0, seen = 0, external = 0, none = 0;
    std::unordered_map<QString, double> endpoints, agents;
    for (const auto &c : all) {
        if (onlyNew && c.seenBefore)
            continue;
        f.clients += 1;
        f.requests += c.requests;
        perClient.push_back(c.requests);
        seen += c.seenBefore;
        if (int(c.requests) >= ClientFeatures::MinCadenceRequests && c.gapCv < ClientFeatures::MachineCv)
            machine += c.requests;
        assets += c.assets;
        pages += c.pages;
        retries += c.repeats;
        external += c.refererKind >= EventStore::Search;
        none += c.refererKind == EventStore::NoReferer;
        endpoints[c.topEndpoint] += c.requests;
        agents[c.agent] += 1;
    }
    if (f.clients <= 0)
        return f;
    std::sort(perClient.begin(), perClient.end());
    f.perClientMedian = perClient[perClient.size() / 2];
    const double mean = f.requests / f.clients;
    double var = 0;
    for (double x : perClient)
        var += (x - mean) * (x - mean);
    f.perClientCv = mean > 0 ? std::sqrt(var / f.clients) / mean : 0;
    f.seenBeforeShare = seen / f.clients;
    f.machineShare = machine / f.requests;
    f.assetsPerPage = pages > 0 ? assets / pages : 0;
    f.pagesPerClient = pages / f.clients;
    f.retryShare = retries / f.requests;
    f.externalReferred = external / f.clients;
    f.noReferer = none / f.clients;
    // The top endpoint by the requests of the clients whose favourite it is (a cheap, stable proxy).
    for (const auto &[endpoint, n] : endpoints) {
        if (n > f.topEndpointShare * f.requests) {
            f.topEndpointShare = n / f.requests;
            f.topEndpoint = endpoint;
        }
    }
    for (const auto &[agent, n] : agents)
        f.agentTopShare = std::max(f.agentTopShare, n / f.clients);
    return f;
}

} // namespace inquest

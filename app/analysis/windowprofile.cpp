#include "windowprofile.h"
#include "model/httpstatus.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace inquest {

namespace {

double entropyBits(const std::vector<uint64_t> &counts, uint64_t total)
{
    double h = 0;
    for (uint64_t c : counts) {
        if (c) {
            const double p = double(c) / double(total);
            h -= p * std::log2(p);
        }
    }
    return h;
}

// The host of a URL ("http://www.example.com/x" → "www.example.com").
std::string_view urlHost(std::string_view url)
{
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    return url.substr(0, url.find_first_of("/?:"));
}

bool isExternal(std::string_view referer, std::string_view site)
{
    if (referer.empty() || referer == "-")
        return false;
    const std::string_view host = urlHost(referer);
    return !(host == site || (host.size() > site.size() && host.substr(host.size() - site.size()) == site &&
                              host[host.size() - site.size() - 1] == '.'));
}

} // namespace

double WindowProfile::endpointShare(uint32_t id) const
{
    const auto it = endpoints.find(id);
    return it == endpoints.end() || !requests ? 0 : double(it->second.requests) / double(requests);
}

double WindowProfile::refererShare(uint32_t id) const
{
    const auto it = externalReferers.find(id);
    return it == externalReferers.end() || !requests ? 0 : double(it->second) / double(requests);
}

WindowProfile profileWindow(SiteBins &site, int64_t begin, int64_t end, int64_t newSince)
{
    WindowProfile p;
    p.begin = begin;
    p.end = end;
    const QByteArray siteName = site.site.toUtf8();
    const std::string_view siteView(siteName.constData(), std::size_t(siteName.size()));
    std::vector<uint32_t> perClient(site.firstSeen.size(), 0);
    std::vector<uint32_t> touched;
    std::vector<uint64_t> agents;
    std::vector<int8_t> refererKind;
    std::vector<WindowProfile::Count> endpoints; // dense by site endpoint id; no hashing per event
    for (std::size_t part = 0; part < site.parts.size(); ++part) {
        const SiteBins::Part &pt = site.parts[part];
        const EventTable &t = *pt.table;
        const auto [rb, re] = site.rows(part, begin, end);
        for (std::size_t r = rb; r < re; ++r) {
            const int64_t time = t.time[r];
            if (time < begin || time >= end || !pt.includes(r))
                continue;
            ++p.requests;
            const StatusClass cls = statusClass(t.status[r]);
            const bool error = cls == StatusClass::ServerError || cls == StatusClass::NoResponse;
            p.errors += error;
            p.noResponse += cls == StatusClass::NoResponse;
            p.clientErrors += cls == StatusClass::ClientError;
            const uint32_t c = pt.clientOf[t.client[r]];
            if (perClient[c]++ == 0)
                touched.push_back(c);
            const uint32_t a = site.agentId(part, t.agent[r]);
            if (a >= agents.size())
                agents.resize(a + 1, 0);
            ++agents[a];
            const uint32_t endpoint = site.endpointId(part, t.path[r]);
            if (endpoint >= endpoints.size())
                endpoints.resize(endpoint + 1);
            WindowProfile::Count &e = endpoints[endpoint];
            ++e.requests;
            e.errors += error;
            if (t.referer[r]) {
                const uint32_t ref = site.refererId(part, t.referer[r]);
                if (ref >= refererKind.size())
                    refererKind.resize(ref + 1, -1);
                if (refererKind[ref] < 0)
                    refererKind[ref] = isExternal(site.referer(ref), siteView) ? 1 : 0;
                if (refererKind[ref]) {
                    ++p.externalReferers[ref];
                    ++e.externalReferred;
                }
            }
        }
    }
    for (uint32_t id = 0; id < endpoints.size(); ++id) {
        if (endpoints[id].requests)
            p.endpoints.emplace(id, endpoints[id]);
    }
    p.clients = touched.size();
    std::vector<uint32_t> counts;
    counts.reserve(touched.size());
    for (uint32_t c : touched) {
        counts.push_back(perClient[c]);
        p.newClients += site.firstSeen[c] >= newSince;
    }
    if (p.requests) {
        const std::size_t top = std::max<std::size_t>(1, (counts.size() + 99) / 100);
        std::nth_element(counts.begin(), counts.begin() + std::ptrdiff_t(top - 1), counts.end(), std::greater<>());
        uint64_t sum = 0;
        for (std::size_t i = 0; i < top; ++i)
            sum += counts[i];
        p.top1Share = double(sum) / double(p.requests);
        p.agentEntropy = entropyBits(agents, p.requests);
        std::vector<uint64_t> ends;
        ends.reserve(p.endpoints.size());
        for (const auto &[id, count] : p.endpoints)
            ends.push_back(count.requests);
        p.endpointEntropy = entropyBits(ends, p.requests);
    }
    return p;
}

QString formatUtc(int64_t us, bool withDate)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc());
    return t.toString(withDate ? QStringLiteral("yyyy-MM-dd HH:mm UTC") : QStringLiteral("HH:mm UTC"));
}

QString formatPercent(double share)
{
    const double pct = share * 100;
    return QStringLiteral("%1%").arg(pct < 1 ? QString::number(pct, 'f', 2)
                                             : QString::number(pct, 'f', pct < 10 ? 1 : 0));
}

} // namespace inquest

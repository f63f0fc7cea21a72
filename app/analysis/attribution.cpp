#include "attribution.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace inquest {

namespace {

using D = EventStore::Dimension;
constexpr std::array AllDimensions{D::Site,  D::Endpoint, D::Status, D::ClientNet,
                                   D::Agent, D::Referer,  D::Method, D::Static};

double plogp2(double p, double m) { return p > 0 ? p * std::log(p / m) : 0.0; }

// Value counts over the named sites.
std::map<QString, double> tally(const EventStore &store, const QStringList &sites, D dimension,
                                EventStore::Filter filter, std::pair<int64_t, int64_t> w)
{
    std::map<QString, double> counts;
    const QStringList list = sites.isEmpty() ? QStringList{QString()} : sites;
    for (const QString &site : list) {
        for (const auto &vc : store.topValues(site, dimension, filter, w.first, w.second, 0))
            counts[vc.value] += vc.count;
    }
    return counts;
}

} // namespace

QString dimensionName(EventStore::Dimension dimension)
{
    switch (dimension) {
    case D::Site:
        return QStringLiteral("site");
    case D::Endpoint:
        return QStringLiteral("endpoint");
    case D::Status:
        return QStringLiteral("status");
    case D::ClientNet:
        return QStringLiteral("client network");
    case D::Agent:
        return QStringLiteral("user agent");
    case D::Referer:
        return QStringLiteral("referer");
    case D::Method:
        return QStringLiteral("method");
    case D::Static:
        return QStringLiteral("static/dynamic");
    }
    return {};
}

std::vector<Attribution> attribute(const EventStore &store, const QStringList &sites, EventStore::Filter filter,
                                   std::pair<int64_t, int64_t> window, std::pair<int64_t, int64_t> baseline,
                                   const AttributionParameters &params)
{
    std::vector<Attribution> out;
    const double scale = baseline.second > baseline.first
                             ? double(window.second - window.first) / double(baseline.second - baseline.first)
                             : 0.0;
    if (scale <= 0)
        return out;
    for (D dimension : AllDimensions) {
        // The site dimension is asked over every site: the unaffected ones are what makes it explain.
        const auto actual = tally(store, dimension == D::Site ? QStringList{} : sites, dimension, filter, window);
        const auto base = tally(store, dimension == D::Site ? QStringList{} : sites, dimension, filter, baseline);
        std::map<QString, std::pair<double, double>> both; // value → (F, A)
        double F = 0, A = 0;
        for (const auto &[v, c] : base) {
            both[v].first = c * scale;
            F += c * scale;
        }
        for (const auto &[v, c] : actual) {
            both[v].second = c;
            A += c;
        }
        if (std::abs(A - F) < 1)
            continue;
        std::vector<Attribution::Value> values;
        for (const auto &[v, fa] : both) {
            // Nothing in one of the windows (no failures before): that side's distribution is empty.
            const double p = F > 0 ? fa.first / F : 0, q = A > 0 ? fa.second / A : 0, m = (p + q) / 2;
            values.push_back(
                {v, fa.first, fa.second, (fa.second - fa.first) / (A - F), 0.5 * (plogp2(p, m) + plogp2(q, m))});
        }
        std::sort(values.begin(), values.end(), [](const auto &a, const auto &b) { return a.surprise > b.surprise; });
        Attribution a;
        a.dimension = dimension;
        for (const auto &v : values) {
            if (int(a.values.size()) >= params.maxValues || a.explanatory >= params.explainShare)
                break;
            if (v.explanatory < params.minValueShare)
                continue;
            a.values.push_back(v);
            a.explanatory += v.explanatory;
            a.surprise += v.surprise;
        }
        if (a.explanatory >= params.explainShare)
            out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.surprise > b.surprise; });
    return out;
}

} // namespace inquest

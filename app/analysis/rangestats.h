#pragma once

#include "model/evidence.h"

#include <QString>

#include <memory>
#include <vector>

namespace inquest {

class SiteEvents;

// Exact figures of a time range [begin, end), straight from the events (not from bins, so a
// range that cuts bins is still exact).
struct RangeStats
{
    int64_t beginUs = 0;
    int64_t endUs = 0;
    qint64 requests = 0;
    qint64 status4xx = 0;
    qint64 status5xx = 0;
    qint64 noResponse = 0; // "000", "-", 444, 499
    qint64 uniqueClients = 0;
    double bytes = 0;
    qint64 syslogErrors = 0; // severity emerg..err

    double errorRate() const { return requests ? double(status5xx + noResponse) / double(requests) : 0.0; }
    static RangeStats measure(const std::vector<std::shared_ptr<const SiteEvents>> &sites, int64_t beginUs,
                              int64_t endUs);
};

// An evidence item for an analyst's range on the chart: the range, its figures and the same
// figures for the baseline window of equal length just before it, with ratios.
// `site` empty = all the given sites.
Evidence evidenceFromRange(const std::vector<std::shared_ptr<const SiteEvents>> &sites, int64_t beginUs, int64_t endUs,
                           const QString &site, const QString &metric = QStringLiteral("requests"));

} // namespace inquest

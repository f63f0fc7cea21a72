#pragma once

#include "model/sites.h"

#include "binpyramid.h"
#include "seriesexport.h"

#include <memory>
#include <vector>

namespace inquest {

// The case's bins, one pyramid per site, built once per set of sources (off the GUI thread).
struct CaseBins
{
    std::vector<std::shared_ptr<const BinPyramid>> sites; // by site name
    int64_t minTime = 0;
    int64_t maxTime = 0;
    int remoteSources = 0; // the case's remote sources, asked per view (minTime/maxTime cover them)

    // Sites named by the rule of model/sites (the case's renames and merges in `rule`).
    static std::shared_ptr<const CaseBins> build(const QList<struct Source> &sources, const SiteRule &rule = {});
    bool empty() const { return sites.empty() && remoteSources == 0; }
    // The sites that have curves of their own (requests, clients, response times or metric
    // columns), the ones an analyst picks from; hosts seen only in system logs feed the
    // severity lane and are not among them.
    QStringList curveSiteNames() const;
    bool hasResponseTimes() const;
};

// What the chart draws for one view: every curve at one bin width over the visible range
// (plus a margin so a small pan needs no re-bin). Sums over sites are taken here so the GUI
// thread only copies numbers into the plot.
struct ChartData
{
    int64_t widthUs = 0;
    int64_t fromUs = 0;
    int64_t toUs = 0;
    std::vector<NamedSeries> traffic; // requests per site
    std::vector<NamedSeries> clients; // unique clients per site
    NamedSeries newClients;           // all sites
    NamedSeries status4xx;            // all sites
    NamedSeries status5xx;            // all sites
    NamedSeries noResponse;           // "000", "-", 444, 499, all sites
    NamedSeries errorRate;            // (5xx + no response) / requests, all sites
    // Per site, in the order of `traffic`: what the errors pane splits by site and the bin
    // tooltip lists. `failed` is 5xx + no response (model/httpstatus.h isFailure).
    std::vector<NamedSeries> failed;
    std::vector<NamedSeries> site4xx, site5xx, siteNoResponse;
    // Syslog, all hosts, by severityGroupName: "emerg–err", "warning", "notice–debug" and "no
    // severity" (system-log lines that state none): the first three when a host states
    // severities, the last when a system log has lines that state none.
    std::vector<NamedSeries> severity;
    bool systemLog = false; // hosts of a system log are in the view (with severities or not)
    // Response-time percentiles per site that records them (name = site; series.metric says
    // p50, p95 or p99; ms). Percentiles do not add up across sites, so there is no total.
    std::vector<NamedSeries> response;
    bool responsePending = false; // left out (ResponsePercentiles::Skip) although a site has them
    // Numeric columns of CSV metric sources, mean per bin (name = "column" or "site: column"
    // when several sites have columns).
    std::vector<NamedSeries> metrics;

    // Every series, for the CSV export of what is visible.
    std::vector<NamedSeries> all() const;
};

// The severity lane's groups, in stacking order: emerg–err, warning, notice–debug, no severity.
constexpr int SeverityGroups = 4;
QString severityGroupName(int group);

// Response-time percentiles cost a selection over every response in the range, more than all
// the other curves together on a new width; the chart draws the rest first (Skip) and fills
// that pane from buildResponseSeries when it is done.
enum class ResponsePercentiles { Include, Skip };

// Bins for [fromUs, toUs) at widthUs (a ladder width). Sites with curves that are not in `sites`
// (by name) are left out when `sites` is non-empty; system-log-only hosts always count.
ChartData buildChartData(const CaseBins &bins, int64_t widthUs, int64_t fromUs, int64_t toUs,
                         const QStringList &sites = {}, ResponsePercentiles response = ResponsePercentiles::Include);
// ChartData::response alone, for the same arguments.
std::vector<NamedSeries> buildResponseSeries(const CaseBins &bins, int64_t widthUs, int64_t fromUs, int64_t toUs,
                                             const QStringList &sites = {});

} // namespace inquest

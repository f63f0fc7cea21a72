#pragma once

#include "clickhouseclient.h"
#include "querycanceller.h"

#include "analysis/chartdata.h"
#include "model/remotesource.h"
#include "model/sites.h"

#include <memory>

namespace inquest::remote {

// One chart view: bins of `widthUs` (on the epoch grid) covering [fromUs, toUs), of `sites`
// (empty: all).
struct ChartViewKey
{
    int64_t widthUs = 0, fromUs = 0, toUs = 0;
    QStringList sites;
    bool operator==(const ChartViewKey &) const = default;
};

// What the remote sources answered for a view: per site, the curves the chart's traffic and
// errors panes draw. A source that failed is named in `errors` and left out (never zeros).
struct RemoteChartBins
{
    struct Site
    {
        QString name;
        BinnedSeries requests, status4xx, status5xx, noResponse;
        BinnedSeries clients; // distinct clients per bin (uniqExact)
        // Response-time p50, p95, p99 (ms, NaN where no row logs one); empty when the site logs
        // none, or when it is answered by two sources (percentiles do not add up).
        std::vector<BinnedSeries> response;
    };
    ChartViewKey key;
    std::vector<Site> sites;
    QStringList errors;
    std::vector<QueryRun> runs;
    std::vector<Id> runSources; // the remote source of each run
    bool cancelled = false;
};

struct SourceAccess
{
    RemoteSource source;
    ServerAccess access;
    SiteRule names; // the case's site renames and merges: queries speak of sites by the case's names
};

// Asks each source one query for the view (RemoteSql::chartBins). Blocks; off the GUI thread.
// Site names are the case's (`rule`: its renames and merges, as of local sites), and so are
// the names `key.sites` picks.
// `responseTimes`: a second query per source for the response-time pane (not for a report figure).
RemoteChartBins fetchChartBins(const std::vector<SourceAccess> &sources, const ChartViewKey &key,
                               const std::shared_ptr<QueryCanceller> &canceller = {}, const SiteRule &rule = {},
                               bool responseTimes = true);
// The case's bins with the remote sources' time ranges (as recorded when they were added).
std::shared_ptr<const CaseBins> withRemoteSpans(const std::shared_ptr<const CaseBins> &bins,
                                                const QList<RemoteSource> &sources);
// Adds the remote sites to a view's curves: a site the case also has locally is added up bin by
// bin; the all-site 4xx, 5xx, no-response and error-rate curves are summed again over every site.
// A remote site's distinct clients and response-time percentiles join their panes, except for a
// site the case also has locally or in another remote source: distinct counts and percentiles do
// not add up, so that site keeps the local curves alone.
void addRemoteBins(ChartData &data, const RemoteChartBins &remote);

} // namespace inquest::remote

#pragma once

#include "eventstore.h"
#include "sitebins.h"

namespace inquest {

// The EventStore over the case's own event columns, grouped by site (SiteBins). Counts at the
// bins' width come from the bins; everything else is one pass over the rows of the window.
class LocalEventStore : public EventStore
{
public:
    explicit LocalEventStore(std::vector<SiteBins> &sites);

    QStringList sites() const override;
    std::pair<int64_t, int64_t> span() const override;
    std::pair<int64_t, int64_t> span(const QString &site) const override;
    std::vector<double> counts(const QString &site, Filter filter, int64_t from, int64_t to,
                               int64_t width) const override;
    std::vector<ValueCount> topValues(const QString &site, Dimension dimension, Filter filter, int64_t from, int64_t to,
                                      int n) const override;
    uint64_t distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const override;
    std::vector<ClientSummary> clients(const QString &site, int64_t from, int64_t to) const override;
    uint32_t responseQuantile(const QString &site, double q, int64_t from, int64_t to) const override;
    std::vector<double> responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from, int64_t to,
                                       int64_t width) const override;

private:
    // Calls f(site, part, row) for every row of the named site (all when empty) in [from, to).
    template <typename F> void forEachRow(const QString &site, int64_t from, int64_t to, F f) const;

    std::vector<SiteBins> *m_sites;                   // SiteBins interns endpoint, agent and referer ids on first use
    std::vector<std::pair<int64_t, int64_t>> m_spans; // per site, [first, last + 1)
};

} // namespace inquest

#pragma once

#include "analysis/eventstore.h"

#include <vector>

namespace inquest::remote {

// Several stores as one (the case's own events and its remote sources): a site's questions go
// to the stores that hold it, and the answers are added up. Distinct counts of a site held by
// several stores are merged by value (all values asked of each), so a value counts once.
class CombinedEventStore : public EventStore
{
public:
    explicit CombinedEventStore(std::vector<const EventStore *> stores);

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
    std::vector<const EventStore *> holding(const QString &site) const;
    std::vector<const EventStore *> m_stores;
};

} // namespace inquest::remote

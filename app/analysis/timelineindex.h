#pragma once

#include "model/eventtable.h"
#include "model/kinds.h"
#include "model/sites.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace inquest {

struct Source;

// What the timeline needs of one log source; a snapshot that worker threads may read.
struct TimelineSource
{
    Id id = 0;
    QString name; // file name, for the Source column
    QString path;
    QString site;    // of rows without a host (SiteRule::sourceSite; a system log's file name)
    qint64 size = 0; // raw file size at import, to notice changed files
    std::shared_ptr<const EventTable> table;
    bool system = false; // a system log: rows name hosts, not sites
    SiteRule rule;

    // The site (or a system log's host) of a row: model/sites.
    QString siteOfRow(uint32_t row) const { return rule.hostName(*table, site, system, table->host[row]); }
};

// The log sources of a case that have events, in document order; sites by `rule`.
std::vector<TimelineSource> timelineSources(const QList<Source> &sources, const SiteRule &rule = {});

// One timeline row is a (source index, table row) pair packed in 64 bits, so the merged
// order of millions of events is one flat vector.
namespace timeline {
constexpr int RowBits = 48;
constexpr uint64_t RowMask = (uint64_t(1) << RowBits) - 1;
constexpr uint64_t pack(uint32_t source, uint64_t row) { return (uint64_t(source) << RowBits) | row; }
constexpr uint32_t sourceOf(uint64_t entry) { return uint32_t(entry >> RowBits); }
constexpr uint64_t rowOf(uint64_t entry) { return entry & RowMask; }
} // namespace timeline

// The events of all sources merged by time. Equal times keep source order, then file order,
// so the order is the same every time the index is built.
class TimelineIndex
{
public:
    using Canceled = std::function<bool()>;

    // Merges the sources (k-way merge over per-source time orders). Returns null if
    // `canceled` reported true on the way.
    static std::shared_ptr<const TimelineIndex> build(std::vector<TimelineSource> sources,
                                                      const Canceled &canceled = {});

    const std::vector<TimelineSource> &sources() const { return m_sources; }
    const std::vector<uint64_t> &entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }
    // Sites seen in the sources: Source::site, or the host column for sources without one.
    const QStringList &sites() const { return m_sites; }

    int64_t timeOf(uint64_t entry) const
    {
        return m_sources[timeline::sourceOf(entry)].table->time[timeline::rowOf(entry)];
    }
    const TimelineSource &sourceOf(uint64_t entry) const { return m_sources[timeline::sourceOf(entry)]; }
    // The site a row belongs to: its source's site, or else its host.
    QString siteOf(uint64_t entry) const;

    // First position in `rows` (a time-ordered subset of entries) with time >= t.
    std::size_t lowerBound(const std::vector<uint64_t> &rows, int64_t t) const;

private:
    std::vector<TimelineSource> m_sources;
    std::vector<uint64_t> m_entries;
    QStringList m_sites;
};

} // namespace inquest

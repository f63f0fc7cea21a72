#include "columncache.h"
#include "columncodec.h"

#include <QMutex>

#include <algorithm>
#include <unordered_map>

namespace inquest::columncache {

namespace {

struct Entry
{
    // A weak pointer keeps the table's control block, so no later table can be mistaken for
    // this one even at the same address.
    std::weak_ptr<const EventTable> table;
    Blobs blobs;
};

QMutex mutex;
// One per log source of the open cases: a handful, or thousands after a folder import. Keyed by
// address; the weak pointer tells a live table from a later one at the same address.
std::unordered_map<const EventTable *, Entry> entries;
std::size_t pruneAt = 64;

bool same(const std::weak_ptr<const EventTable> &a, const std::shared_ptr<const EventTable> &b)
{
    return !a.owner_before(b) && !b.owner_before(a);
}

// Drops entries whose table is gone (freeing their blobs): every time while there are few, and
// once the map has doubled since the last time when there are thousands, so that the cost stays
// proportional to the entries added. The caller holds the mutex.
void prune()
{
    if (entries.size() >= 64 && entries.size() < pruneAt)
        return;
    std::erase_if(entries, [](const auto &e) { return e.second.table.expired(); });
    pruneAt = std::max<std::size_t>(64, 2 * entries.size());
}

std::optional<Blobs> find(const std::shared_ptr<const EventTable> &table)
{
    const QMutexLocker lock(&mutex);
    const auto it = entries.find(table.get());
    if (it != entries.end() && same(it->second.table, table))
        return it->second.blobs;
    return std::nullopt;
}

} // namespace

void remember(const std::shared_ptr<const EventTable> &table, Blobs blobs)
{
    if (!table)
        return;
    const QMutexLocker lock(&mutex);
    prune();
    entries.insert_or_assign(table.get(), Entry{table, std::move(blobs)});
}

Blobs encoded(const std::shared_ptr<const EventTable> &table)
{
    if (auto blobs = find(table))
        return *blobs;
    // Encoded without the lock: it takes a while and other saves need not wait for it.
    Blobs blobs = columncodec::encode(*table);
    remember(table, blobs);
    return blobs;
}

bool contains(const std::shared_ptr<const EventTable> &table) { return find(table).has_value(); }

} // namespace inquest::columncache

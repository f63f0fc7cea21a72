#include "columncache.h"
#include "columncodec.h"

#include <QMutex>

#include <vector>

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
std::vector<Entry> entries; // a handful: one per log source of the open cases

bool same(const std::weak_ptr<const EventTable> &a, const std::shared_ptr<const EventTable> &b)
{
    return !a.owner_before(b) && !b.owner_before(a);
}

// Drops entries whose table is gone; the caller holds the mutex.
void prune()
{
    std::erase_if(entries, [](const Entry &e) { return e.table.expired(); });
}

std::optional<Blobs> find(const std::shared_ptr<const EventTable> &table)
{
    const QMutexLocker lock(&mutex);
    prune();
    for (const Entry &e : entries) {
        if (same(e.table, table))
            return e.blobs;
    }
    return std::nullopt;
}

} // namespace

void remember(const std::shared_ptr<const EventTable> &table, Blobs blobs)
{
    if (!table)
        return;
    const QMutexLocker lock(&mutex);
    prune();
    for (Entry &e : entries) {
        if (same(e.table, table)) {
            e.blobs = std::move(blobs);
            return;
        }
    }
    entries.push_back({table, std::move(blobs)});
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

bool contains(const std::shared_ptr<const EventTable> &table)
{
    return find(table).has_value();
}

} // namespace inquest::columncache

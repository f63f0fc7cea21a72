#include "interncache.h"

#include "support/hugepages.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace inquest {

void InternCache::grow(StringPool &)
{
    // Lookups of a large table miss the cache and, with 4 KiB pages, the TLB as well (very
    // expensive under virtualisation): big tables live on huge pages where the kernel allows.
    const std::size_t count = std::max<std::size_t>(4096, m_slots.size() * 2);
    Slots table;
    table.data.reset(static_cast<Slot *>(allocateHugePageBacked(count * sizeof(Slot))));
    if (!table.data)
        throw std::bad_alloc();
    std::memset(static_cast<void *>(table.data.get()), 0, count * sizeof(Slot));
    table.count = count;
    const std::size_t mask = count - 1;
    for (std::size_t k = 0; k < m_slots.size(); ++k) { // rehash without comparing: entries are distinct
        const Slot &s = m_slots[k];
        if (!s.id)
            continue;
        std::size_t i = s.hash & mask;
        while (table[i].id)
            i = (i + 1) & mask;
        table[i] = s;
    }
    m_slots = std::move(table);
}

} // namespace inquest

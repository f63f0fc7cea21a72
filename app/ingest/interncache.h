#pragma once

#include "model/stringpool.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace inquest {

// A parser-local front for StringPool::intern: open addressing over a cheap 8-bytes-at-a-time
// hash, so a repeated client/path/agent costs one probe instead of a std::unordered_map
// lookup. A slot keeps the first 16 bytes of its string, so a short string (an IP address)
// is compared without touching the pool: one cache miss per lookup in a table too big for
// the cache. New strings still go through the pool (its ids, its order).
class InternCache
{
public:
    uint32_t intern(StringPool &pool, std::string_view text)
    {
        if (text.empty())
            return 0;
        if (m_used * 2 >= m_slots.size() && m_slots.size() < MaxSlots)
            grow(pool);
        const std::size_t n = text.size();
        uint64_t k0 = 0, k1 = 0;
        if (n >= 16) {
            std::memcpy(&k0, text.data(), 8);
            std::memcpy(&k1, text.data() + 8, 8);
        } else if (n > 8) {
            std::memcpy(&k0, text.data(), 8);
            std::memcpy(&k1, text.data() + 8, n - 8);
        } else {
            std::memcpy(&k0, text.data(), n);
        }
        const uint64_t h = hash(text);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.id == 0) {
                const uint32_t id = pool.intern(text); // the pool's own index finds repeats
                if (m_used * 2 < m_slots.size()) {
                    slot = {h, id, uint32_t(n), k0, k1};
                    ++m_used;
                }
                return id;
            }
            if (slot.hash == h && slot.length == n && slot.k0 == k0 && slot.k1 == k1 &&
                (n <= 16 || pool.view(slot.id).substr(16) == text.substr(16)))
                return slot.id;
        }
    }
    static uint64_t hash(std::string_view s)
    {
        uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
        const char *p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            uint64_t v;
            std::memcpy(&v, p, 8);
            h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 31;
        }
        uint64_t v = 0;
        std::memcpy(&v, p, n);
        h = (h ^ v) * 0x94d049bb133111ebULL;
        return h ^ (h >> 29);
    }

private:
    // A log of millions of distinct clients would make every worker's cache (and the merge's)
    // as big as the pool's own index, gigabytes in all; past 64 MiB the cache keeps what it
    // has and the rest is looked up in the pool.
    static constexpr std::size_t MaxSlots = std::size_t(1) << 21;
    struct Slot
    {
        uint64_t hash = 0;
        uint32_t id = 0;
        uint32_t length = 0;
        uint64_t k0 = 0, k1 = 0; // the first 16 bytes, zero-padded
    };
    struct Free
    {
        void operator()(Slot *p) const { std::free(p); }
    };
    struct Slots
    {
        std::unique_ptr<Slot, Free> data;
        std::size_t count = 0;
        Slots() = default;
        Slots(Slots &&other) noexcept
            : data(std::move(other.data))
            , count(std::exchange(other.count, 0))
        {
        }
        Slots &operator=(Slots &&other) noexcept
        {
            data = std::move(other.data);
            count = std::exchange(other.count, 0);
            return *this;
        }
        Slot &operator[](std::size_t i) { return data.get()[i]; }
        std::size_t size() const { return count; }
    };
    void grow(StringPool &pool);
    Slots m_slots;
    std::size_t m_used = 0;
};

} // namespace inquest

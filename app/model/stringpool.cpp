#include "stringpool.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>

#include <QtGlobal>

namespace inquest {

namespace {
constexpr std::size_t ChunkSize = 1 << 20;
constexpr std::size_t MinSlots = 64;

uint32_t hashOf(std::string_view text)
{
    const uint64_t h = std::hash<std::string_view>{}(text);
    return uint32_t(h ^ (h >> 32));
}

// A slot holds the string's 32-bit hash (high half) and its id + 1 (low half); 0 is empty.
constexpr uint64_t slotOf(uint32_t hash, uint32_t id) { return (uint64_t(hash) << 32) | (uint64_t(id) + 1); }
constexpr uint32_t hashIn(uint64_t slot) { return uint32_t(slot >> 32); }
constexpr uint32_t idIn(uint64_t slot) { return uint32_t(slot) - 1; }
} // namespace

StringPool::StringPool()
{
    m_views.emplace_back(); // id 0, the empty string, is never in the slots
    m_slots.assign(MinSlots, 0);
}

std::string_view StringPool::store(std::string_view text)
{
    if (text.size() > m_chunkCapacity - m_chunkUsed)
        addChunk(std::max(ChunkSize, text.size()));
    char *dst = m_chunks.back().get() + m_chunkUsed;
    std::memcpy(dst, text.data(), text.size());
    m_chunkUsed += text.size();
    m_bytes += text.size();
    return {dst, text.size()};
}

void StringPool::addChunk(std::size_t capacity)
{
    // Not make_unique: that zero-fills the chunk, which costs a memset per pool for nothing.
    m_chunks.push_back(std::unique_ptr<char[]>(new char[capacity]));
    m_chunkCapacity = capacity;
    m_chunkUsed = 0;
    m_chunkTotal += capacity;
}

// Open addressing with linear probing over 8-byte slots, at most half full: about 16 bytes
// per string, against some 60 for a node-based std::unordered_map. With ten million distinct
// client addresses that is the difference between a few hundred MB and well over a GB.
std::size_t StringPool::slotFor(std::string_view text, uint32_t hash) const
{
    Q_ASSERT(!m_slots.empty()); // a moved-from pool is not used again
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const uint64_t slot = m_slots[i];
        if (slot == 0 || (hashIn(slot) == hash && m_views[idIn(slot)] == text))
            return i;
    }
}

void StringPool::rehash(std::size_t slotCount)
{
    std::vector<uint64_t> old(std::bit_ceil(std::max(slotCount, MinSlots)), 0);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const uint64_t slot : old) {
        if (slot == 0)
            continue;
        std::size_t i = hashIn(slot) & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void StringPool::growFor(std::size_t strings)
{
    if (strings * 2 > m_slots.size())
        rehash(strings * 2);
}

uint32_t StringPool::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    const uint32_t hash = hashOf(text);
    std::size_t i = slotFor(text, hash);
    if (m_slots[i] != 0)
        return idIn(m_slots[i]);
    const auto id = uint32_t(m_views.size());
    m_views.push_back(store(text));
    m_slots[i] = slotOf(hash, id);
    growFor(m_views.size());
    return id;
}

bool StringPool::appendUnique(std::string_view text)
{
    if (text.empty())
        return false;
    const uint32_t hash = hashOf(text);
    const std::size_t i = slotFor(text, hash);
    if (m_slots[i] != 0)
        return false;
    const auto id = uint32_t(m_views.size());
    m_views.push_back(store(text));
    m_slots[i] = slotOf(hash, id);
    growFor(m_views.size());
    return true;
}

void StringPool::reserve(std::size_t strings, std::size_t bytes)
{
    m_views.reserve(m_views.size() + strings);
    growFor(m_views.size() + strings);
    // One chunk for all of them (store() starts a new chunk only when this one is full).
    if (bytes > m_chunkCapacity - m_chunkUsed)
        addChunk(std::max(ChunkSize, bytes));
}

uint32_t StringPool::find(std::string_view text) const
{
    if (text.empty())
        return 0;
    if (m_slots.empty())
        return UINT32_MAX;
    const uint64_t slot = m_slots[slotFor(text, hashOf(text))];
    return slot == 0 ? UINT32_MAX : idIn(slot);
}

std::size_t StringPool::memoryUsage() const
{
    return m_chunkTotal + m_views.capacity() * sizeof(std::string_view) + m_slots.capacity() * sizeof(uint64_t);
}

} // namespace inquest

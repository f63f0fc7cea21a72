#pragma once

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace inquest {

// Interns byte strings (UTF-8 as found in the log) and hands out dense 32-bit ids.
// Id 0 is always the empty string. Storage grows in chunks so views stay valid.
class StringPool
{
public:
    StringPool();
    StringPool(const StringPool &) = delete;
    StringPool &operator=(const StringPool &) = delete;
    StringPool(StringPool &&) noexcept = default;
    StringPool &operator=(StringPool &&) noexcept = default;

    uint32_t intern(std::string_view text);
    // Adds text under the next id, or returns false (adding nothing) when the pool holds it
    // already: one hash lookup instead of intern's two, for reading a stored pool.
    bool appendUnique(std::string_view text);
    // Makes room for `strings` more strings of `bytes` in all, so that interning a known number
    // (reading a stored pool) does not rehash or grow as it goes.
    void reserve(std::size_t strings, std::size_t bytes);
    std::string_view view(uint32_t id) const { return m_views[id]; }
    QByteArray bytes(uint32_t id) const { return QByteArray(m_views[id].data(), qsizetype(m_views[id].size())); }
    uint32_t size() const { return uint32_t(m_views.size()); }
    // Id of text if interned, or UINT32_MAX.
    uint32_t find(std::string_view text) const;
    std::size_t memoryUsage() const;

private:
    std::string_view store(std::string_view text);
    void addChunk(std::size_t capacity);
    // The slot that holds text, or the empty slot where it would go.
    std::size_t slotFor(std::string_view text, uint32_t hash) const;
    void rehash(std::size_t count);
    void growFor(std::size_t strings);

    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::size_t m_chunkUsed = 0;
    std::size_t m_chunkCapacity = 0;
    std::size_t m_chunkTotal = 0; // bytes of all chunks
    std::size_t m_bytes = 0;
    std::vector<std::string_view> m_views;
    // Open-addressing index over m_views (see stringpool.cpp); a power of two in size.
    std::vector<uint64_t> m_slots;
};

} // namespace inquest

#pragma once

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
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
    std::string_view view(uint32_t id) const { return m_views[id]; }
    QByteArray bytes(uint32_t id) const { return QByteArray(m_views[id].data(), qsizetype(m_views[id].size())); }
    uint32_t size() const { return uint32_t(m_views.size()); }
    // Id of text if interned, or UINT32_MAX.
    uint32_t find(std::string_view text) const;
    std::size_t memoryUsage() const;

private:
    std::string_view store(std::string_view text);

    std::vector<std::unique_ptr<char[]>> m_chunks;
    std::size_t m_chunkUsed = 0;
    std::size_t m_chunkCapacity = 0;
    std::size_t m_bytes = 0;
    std::vector<std::string_view> m_views;
    std::unordered_map<std::string_view, uint32_t> m_index;
};

} // namespace inquest

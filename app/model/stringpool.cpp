#include "stringpool.h"

#include <algorithm>
#include <cstring>

namespace inquest {

namespace {
constexpr std::size_t ChunkSize = 1 << 20;
}

StringPool::StringPool()
{
    m_views.emplace_back();
    m_index.emplace(std::string_view(), 0);
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

bool StringPool::appendUnique(std::string_view text)
{
    const std::size_t used = m_chunkUsed;
    const std::size_t chunks = m_chunks.size();
    const std::string_view stored = store(text);
    if (!m_index.emplace(stored, uint32_t(m_views.size())).second) {
        // Give the bytes back when they went into the current chunk (the common case).
        if (m_chunks.size() == chunks)
            m_chunkUsed = used;
        m_bytes -= text.size();
        return false;
    }
    m_views.push_back(stored);
    return true;
}

void StringPool::reserve(std::size_t strings, std::size_t bytes)
{
    m_views.reserve(m_views.size() + strings);
    m_index.reserve(m_index.size() + strings);
    // One chunk for all of them (store() starts a new chunk only when this one is full).
    if (bytes > m_chunkCapacity - m_chunkUsed)
        addChunk(std::max(ChunkSize, bytes));
}

void StringPool::addChunk(std::size_t capacity)
{
    // Not make_unique: that zero-fills the chunk, which costs a memset per pool for nothing.
    m_chunks.push_back(std::unique_ptr<char[]>(new char[capacity]));
    m_chunkCapacity = capacity;
    m_chunkUsed = 0;
    m_chunkTotal += capacity;
}

uint32_t StringPool::intern(std::string_view text)
{
    if (auto it = m_index.find(text); it != m_index.end())
        return it->second;
    const std::string_view stored = store(text);
    const auto id = uint32_t(m_views.size());
    m_views.push_back(stored);
    m_index.emplace(stored, id);
    return id;
}

uint32_t StringPool::find(std::string_view text) const
{
    auto it = m_index.find(text);
    return it == m_index.end() ? UINT32_MAX : it->second;
}

std::size_t StringPool::memoryUsage() const
{
    return m_chunkTotal + m_views.capacity() * sizeof(std::string_view) +
           m_index.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void *));
}

} // namespace inquest

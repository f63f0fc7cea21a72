#include "hugepages.h"

#include <cstdint>
#include <cstdlib>

#include <sys/mman.h>

namespace inquest {

void *allocateHugePageBacked(std::size_t bytes)
{
    constexpr std::size_t Huge = 2 << 20;
    if (bytes < Huge)
        return std::malloc(bytes);
    bytes = (bytes + Huge - 1) & ~(Huge - 1);
    void *p = std::aligned_alloc(Huge, bytes);
    if (p)
        ::madvise(p, bytes, MADV_HUGEPAGE);
    return p;
}

void adviseHugePages(const void *data, std::size_t bytes)
{
    constexpr std::uintptr_t Huge = 2 << 20;
    const auto begin = (std::uintptr_t(data) + Huge - 1) & ~(Huge - 1);
    const auto end = (std::uintptr_t(data) + bytes) & ~(Huge - 1);
    if (end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

} // namespace inquest

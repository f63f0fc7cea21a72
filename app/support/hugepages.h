#pragma once

#include <cstddef>

namespace inquest {

// Memory for big, randomly accessed tables: 2 MiB aligned and marked for transparent huge
// pages when at least that big (plain malloc below). Release with std::free.
void *allocateHugePageBacked(std::size_t bytes);
// Asks for huge pages for the whole 2 MiB pages inside [data, data + bytes): large columns that
// are about to be filled fault once per 2 MiB instead of once per 4 KiB. Only advice: nothing
// changes where the kernel's transparent huge pages are off.
void adviseHugePages(const void *data, std::size_t bytes);

} // namespace inquest

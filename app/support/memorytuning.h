#pragma once

namespace inquest {

// Process-wide allocator settings for bulk ingest, made by the executable (ui/main.cpp and the
// ingest benchmark), never by the library: a library does not own the process's allocator.
// Chunk tables and block buffers are allocated and freed over and over; with glibc's default
// thresholds each is handed back to the kernel and every reuse page-faults again (that cost as
// much as the parsing itself in the ingest benchmark). Does nothing off glibc.
void tuneAllocatorForBulkWork();

} // namespace inquest

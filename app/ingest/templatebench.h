#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace inquest {

// Template mining alone, on the calling thread: every line's text after its first ": " (the
// program tag's colon in a system log) goes through LogTemplateMiner, against a memchr line
// scan of the same bytes in the same process. For `inquest bench templates` and bench_ingest.
struct TemplateBench
{
    int64_t lines = 0;
    double miningSeconds = 0;
    double scanSeconds = 0;
    std::size_t templates = 0;
    std::size_t variants = 0;
    double bytesPerLine = 0; // template ids, arguments and interned tokens
};

TemplateBench measureTemplateMining(const QByteArray &data);

} // namespace inquest

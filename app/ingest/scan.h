#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace inquest {

// Shared small helpers for the readers' hot paths.
namespace scan {
inline std::string_view token(std::string_view s, std::size_t &pos, char sep = ' ')
{
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] != sep)
        ++pos;
    std::string_view t = s.substr(start, pos - start);
    while (pos < s.size() && s[pos] == sep)
        ++pos;
    return t;
}
// A "quoted" field with backslash escapes kept as found; pos must be at the opening quote.
bool quoted(std::string_view s, std::size_t &pos, std::string_view &out);
bool parseUInt(std::string_view s, uint64_t &value);
// "0.013" seconds or "116075" microseconds -> µs; false if neither.
bool parseDuration(std::string_view s, bool integerIsMillis, uint32_t &micros);
uint8_t severityFromName(std::string_view level);
} // namespace scan

} // namespace inquest

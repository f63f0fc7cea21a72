#include "scan.h"

#include "model/eventtable.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace inquest {

namespace scan {

bool quoted(std::string_view s, std::size_t &pos, std::string_view &out)
{
    if (pos >= s.size() || s[pos] != '"')
        return false;
    const std::size_t start = ++pos;
    // memchr to each '"'; it ends the field unless an odd run of backslashes precedes it (a
    // backslash escapes the next character, so "\\" is an escaped backslash, not an escape).
    const char *base = s.data();
    const char *end = base + s.size();
    for (const char *p = base + start; p < end;) {
        const char *q = static_cast<const char *>(std::memchr(p, '"', std::size_t(end - p)));
        if (!q)
            break;
        std::size_t backslashes = 0;
        while (q - backslashes > base + start && q[-1 - std::ptrdiff_t(backslashes)] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0) {
            pos = std::size_t(q - base);
            out = s.substr(start, pos - start);
            ++pos;
            return true;
        }
        p = q + 1;
    }
    pos = s.size();
    return false;
}

bool parseUInt(std::string_view s, uint64_t &value)
{
    if (s.empty() || s.size() > 19)
        return false;
    uint64_t v = 0;
    for (char c : s) {
        if (unsigned(c - '0') >= 10)
            return false;
        v = v * 10 + uint64_t(c - '0');
    }
    value = v;
    return true;
}

bool parseDuration(std::string_view s, bool integerIsMillis, uint32_t &micros)
{
    if (s.empty() || s == "-")
        return false;
    const auto dot = s.find('.');
    if (dot == std::string_view::npos) {
        uint64_t v;
        if (!parseUInt(s, v))
            return false;
        v = integerIsMillis ? v * 1000 : v;
        micros = uint32_t(std::min<uint64_t>(v, NoResponseTime - 1));
        return true;
    }
    uint64_t whole = 0, frac = 0;
    if ((dot > 0 && !parseUInt(s.substr(0, dot), whole)) || whole > 4000)
        return false;
    std::string_view f = s.substr(dot + 1);
    if (f.empty())
        return false;
    f = f.substr(0, 6);
    if (!parseUInt(f, frac))
        return false;
    for (std::size_t n = f.size(); n < 6; ++n)
        frac *= 10;
    micros = uint32_t(std::min<uint64_t>(whole * 1'000'000 + frac, NoResponseTime - 1));
    return true;
}

uint8_t severityFromName(std::string_view level)
{
    std::string lower(level.substr(0, 16));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return char(c | 0x20); });
    if (lower.starts_with("emerg") || lower == "panic" || lower == "fatal" || lower == "60")
        return 0;
    if (lower.starts_with("alert"))
        return 1;
    if (lower.starts_with("crit"))
        return 2;
    if (lower.starts_with("err") || lower == "severe" || lower == "50")
        return 3;
    if (lower.starts_with("warn") || lower == "40")
        return 4;
    if (lower.starts_with("notice"))
        return 5;
    if (lower.starts_with("info") || lower == "30")
        return 6;
    if (lower.starts_with("debug") || lower.starts_with("trace") || lower == "20" || lower == "10")
        return 7;
    return NoSeverity;
}

} // namespace scan

} // namespace inquest

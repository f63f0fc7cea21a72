#include "severityinference.h"

#include "model/eventtable.h"

#include <array>

namespace inquest {

namespace {

bool isUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }
bool isWordChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }

bool equalsFolded(std::string_view word, std::string_view lowerName)
{
    if (word.size() != lowerName.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(word[i]) != lowerName[i])
            return false;
    }
    return true;
}

// "%LINK-3-UPDOWN" anywhere in s: the digit between the first two dashes.
uint8_t mnemonic(std::string_view s)
{
    for (std::size_t p = s.find('%'); p != std::string_view::npos; p = s.find('%', p + 1)) {
        std::size_t i = p + 1;
        while (i < s.size() && isUpperOrDigit(s[i]))
            ++i;
        if (i == p + 1 || i + 3 >= s.size() || s[i] != '-')
            continue;
        const char level = s[i + 1];
        if (level >= '0' && level <= '7' && s[i + 2] == '-' && isUpperOrDigit(s[i + 3]))
            return uint8_t(level - '0');
    }
    return NoSeverity;
}

uint8_t kernelLevel(std::string_view text)
{
    if (text.size() >= 3 && text[0] == '<' && text[1] >= '0' && text[1] <= '7' && text[2] == '>')
        return uint8_t(text[1] - '0');
    return NoSeverity;
}

uint8_t junosEvent(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size() && isUpperOrDigit(text[i]))
        ++i;
    if (i < 4 || i >= text.size() || text[i] != ':' || text.substr(0, i).find('_') == std::string_view::npos)
        return NoSeverity;
    const std::string_view tag = text.substr(0, i);
    if (tag.ends_with("_DOWN") || tag.find("_FAIL") != std::string_view::npos ||
        tag.find("_ERR") != std::string_view::npos)
        return 3;
    if (tag.ends_with("_UP"))
        return 5;
    return NoSeverity;
}

struct LevelWord
{
    std::string_view word;
    uint8_t level;
};
constexpr std::array<LevelWord, 18> Words{{
    {"emerg", 0},
    {"emergency", 0},
    {"panic", 0},
    {"alert", 1},
    {"crit", 2},
    {"critical", 2},
    {"fatal", 2},
    {"err", 3},
    {"error", 3},
    {"errors", 3},
    {"failed", 3},
    {"failure", 3},
    {"warn", 4},
    {"warning", 4},
    {"notice", 5},
    {"note", 5},
    {"info", 6},
    {"debug", 7},
}};

uint8_t levelWords(std::string_view text)
{
    uint8_t best = NoSeverity;
    std::string_view previous;
    bool previousStandalone = false; // the previous word was a token of its own ("0 errors", not "tag#0")
    for (std::size_t i = 0; i < text.size();) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const bool standalone = start == 0 || text[start - 1] == ' ';
        while (i < text.size() && isWordChar(text[i]))
            ++i;
        const std::string_view word = text.substr(start, i - start);
        const bool negated = equalsFolded(previous, "no") || (previous == "0" && previousStandalone) ||
                             equalsFolded(previous, "without");
        previousStandalone = standalone;
        const bool nagiosKind = (word == "ALERT" || word == "NOTIFICATION") && i < text.size() && text[i] == ':';
        previous = word;
        if (word.size() < 3 || word.size() > 9 || negated || nagiosKind)
            continue;
        for (const LevelWord &w : Words) {
            if (w.level < best && equalsFolded(word, w.word))
                best = w.level;
        }
    }
    return best;
}

} // namespace

uint8_t inferSeverity(std::string_view tag, std::string_view text)
{
    for (const uint8_t level : {mnemonic(tag), mnemonic(text), kernelLevel(text), junosEvent(text)}) {
        if (level != NoSeverity)
            return level;
    }
    return levelWords(text);
}

} // namespace inquest

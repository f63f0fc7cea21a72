#pragma once

#include <QString>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace inquest {

// A regular expression over the raw bytes of log lines: PCRE2 (the engine and syntax of
// QRegularExpression), 8-bit, so that lines are matched as read without converting them to
// UTF-16. Case-sensitive like grep; "(?i)" makes it insensitive. Invalid UTF-8 in a line never
// fails a match. Compiled once (JIT when available) and then shared by threads; each thread
// matches through its own Matcher.
class LinePattern
{
public:
    // Returns nothing (and the reason, with the character position, in *error) for a pattern
    // that does not compile.
    static std::optional<LinePattern> compile(const QString &pattern, QString *error);

    const QString &pattern() const { return m_pattern; }

    class Matcher
    {
    public:
        explicit Matcher(const LinePattern &pattern);
        ~Matcher();
        Matcher(const Matcher &) = delete;
        Matcher &operator=(const Matcher &) = delete;

        // Whether the line (without its line break) matches.
        bool matches(std::string_view line);
        // The first match in text[from…] that begins on or after `from`: its start and end,
        // or nothing. `^` and `$` also match at line breaks, so a block of lines is searched in
        // one call; a match may still run across a line break, so callers check the line.
        std::optional<std::pair<std::size_t, std::size_t>> find(std::string_view text, std::size_t from);

    private:
        struct Data;
        std::unique_ptr<Data> d;
    };

private:
    struct Code;
    QString m_pattern;
    std::shared_ptr<const Code> m_code;
};

} // namespace inquest

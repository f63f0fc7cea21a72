#pragma once

#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <string_view>

namespace inquest {

constexpr int64_t MicrosPerSecond = 1'000'000;

// Days since 1970-01-01 of a proleptic Gregorian date; nullopt when the date does not exist.
// Validation and arithmetic use boost::gregorian; callers cache the result (see below).
std::optional<int64_t> daysFromCivil(int year, int month, int day);
// Seconds since the epoch of a civil date and time read as if it were UTC, or nullopt.
std::optional<int64_t> civilSeconds(int year, int month, int day, int hour, int minute, int second);
// "Jan".."Dec" (also full English names and French "août" style abbreviations) -> 1..12, else 0.
int monthFromName(std::string_view name);
// "+0200", "+02:00", "-07", "Z" -> offset in seconds east of UTC.
std::optional<int> parseUtcOffset(std::string_view text);
// Parses the next run of digits at text[pos] (max `maxDigits`), advancing pos.
inline bool readInt(std::string_view text, std::size_t &pos, int minDigits, int maxDigits, int &value)
{
    int v = 0, n = 0;
    while (pos < text.size() && n < maxDigits && unsigned(text[pos] - '0') < 10) {
        v = v * 10 + (text[pos] - '0');
        ++pos;
        ++n;
    }
    value = v;
    return n >= minDigits;
}

// ISO 8601 / RFC 3339 date-time ("2021-03-06T04:07:38.251122+00:00", "2002-05-02 17:42:15",
// offset optional). Returns µs of the civil time read as UTC plus the offset if one was given.
struct IsoTime
{
    int64_t civilUs = 0;              // the wall-clock time as if it were UTC
    std::optional<int> offsetSeconds; // offset found in the text, if any
    std::size_t length = 0;           // characters consumed
};
std::optional<IsoTime> parseIsoTime(std::string_view text);

// The zone of sources whose timestamps carry no offset (--tz): UTC, a fixed offset, or an
// IANA zone. Converting local wall time to UTC is cached per local minute, so the hot path
// asks QTimeZone once per minute of log, not once per line. Not thread-safe: one per parser.
class ZoneConverter
{
public:
    ZoneConverter() = default;
    // "", "UTC", "Z", "+01:00", "-0530", "Europe/Berlin"; nullopt with *error if unknown.
    static std::optional<ZoneConverter> fromSpec(const QString &spec, QString *error);

    bool isUtc() const { return !m_zone.isValid() && m_fixedOffset == 0; }
    // Local wall-clock seconds (civil time as if UTC) -> UTC seconds. In a DST fall-back fold
    // the first pass takes the summer offset and, once the clock is seen going back, the
    // winter offset; in a spring-forward gap the offset before the gap is used.
    int64_t toUtc(int64_t localSeconds)
    {
        if (!m_zone.isValid())
            return localSeconds - m_fixedOffset;
        const int64_t minute = localSeconds / 60;
        if (minute == m_cachedMinute)
            return localSeconds - m_cachedOffset;
        return slowToUtc(localSeconds);
    }

private:
    int64_t slowToUtc(int64_t localSeconds);

    QTimeZone m_zone;
    int m_fixedOffset = 0;
    int64_t m_cachedMinute = INT64_MIN;
    int m_cachedOffset = 0;
    int64_t m_foldMaxLocal = INT64_MIN; // latest local time seen in the current fold
    int64_t m_foldStart = INT64_MIN;
    bool m_foldSecondPass = false;
};

} // namespace inquest

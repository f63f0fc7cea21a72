#pragma once

#include <QTimeZone>

#include <cstdint>

namespace inquest::scenario {

struct Civil
{
    int year;
    int month; // 1..12
    int day;
    int hour;
    int minute;
    int second;
};

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
inline Civil civilFromSeconds(int64_t seconds)
{
    int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const int64_t rest = seconds - days * 86400;
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    const int y = int(yoe) + int(era) * 400 + (m <= 2);
    return {y, m, d, int(rest / 3600), int(rest / 60 % 60), int(rest % 60)};
}

// The offset of a zone from UTC, cached per quarter hour (zone transitions fall on those).
class ZoneClock
{
public:
    explicit ZoneClock(const QTimeZone &zone)
        : m_zone(zone)
    {
    }
    int offsetAt(int64_t utcSeconds)
    {
        const int64_t block = utcSeconds >= 0 ? utcSeconds / 900 : (utcSeconds - 899) / 900;
        if (block != m_block) {
            m_block = block;
            m_offset = m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(block * 900, QTimeZone::utc()));
        }
        return m_offset;
    }

private:
    QTimeZone m_zone;
    int64_t m_block = INT64_MIN;
    int m_offset = 0;
};

inline const char *monthAbbreviation(int month)
{
    static const char *Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return Months[(month - 1) % 12];
}

} // namespace inquest::scenario

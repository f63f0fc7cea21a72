#include "timeconv.h"

#include <QDateTime>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <array>
#include <cstring>

namespace inquest {

std::optional<int64_t> daysFromCivil(int year, int month, int day)
{
    static const boost::gregorian::date Epoch(1970, 1, 1);
    if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    try {
        return (boost::gregorian::date(year, month, day) - Epoch).days();
    } catch (const std::out_of_range &) { // 31 April, 29 February of a common year
        return std::nullopt;
    }
}

std::optional<int64_t> civilSeconds(int year, int month, int day, int hour, int minute, int second)
{
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    const auto days = daysFromCivil(year, month, day);
    if (!days)
        return std::nullopt;
    return *days * 86400 + hour * 3600 + minute * 60 + second;
}

int monthFromName(std::string_view name)
{
    static constexpr std::array<std::string_view, 12> English{"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    // French abbreviations as written by glibc's fr_FR locale (lnav's logfile_syslog_fr.0).
    static constexpr std::array<std::string_view, 12> French{"janv", "févr", "mars", "avr", "mai", "juin",
                                                             "juil", "août", "sept", "oct", "nov", "déc"};
    if (name.size() >= 3) {
        char lower[3];
        for (int i = 0; i < 3; ++i)
            lower[i] = char(name[i] | 0x20);
        for (std::size_t m = 0; m < English.size(); ++m) {
            if (std::memcmp(lower, English[m].data(), 3) == 0)
                return int(m) + 1;
        }
    }
    for (std::size_t m = 0; m < French.size(); ++m) {
        if (name.substr(0, French[m].size()) == French[m])
            return int(m) + 1;
    }
    return 0;
}

std::optional<int> parseUtcOffset(std::string_view text)
{
    if (text == "Z" || text == "z" || text == "UTC" || text == "GMT")
        return 0;
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    std::size_t pos = 1;
    int hours = 0, minutes = 0;
    if (!readInt(text, pos, 2, 2, hours))
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':')
        ++pos;
    if (pos < text.size() && !readInt(text, pos, 2, 2, minutes))
        return std::nullopt;
    if (pos != text.size() || hours > 18 || minutes > 59)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return text[0] == '-' ? -seconds : seconds;
}

std::optional<IsoTime> parseIsoTime(std::string_view text)
{
    std::size_t pos = 0;
    int y, mo, d, h, mi, s = 0;
    if (!readInt(text, pos, 4, 4, y) || pos >= text.size() || text[pos++] != '-' || !readInt(text, pos, 2, 2, mo) ||
        pos >= text.size() || text[pos++] != '-' || !readInt(text, pos, 2, 2, d) || pos >= text.size() ||
        (text[pos] != 'T' && text[pos] != ' ' && text[pos] != 't'))
        return std::nullopt;
    ++pos;
    if (!readInt(text, pos, 2, 2, h) || pos >= text.size() || text[pos++] != ':' || !readInt(text, pos, 2, 2, mi))
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        if (!readInt(text, pos, 2, 2, s))
            return std::nullopt;
    }
    int64_t micros = 0;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        int digits = 0;
        while (pos < text.size() && unsigned(text[pos] - '0') < 10) {
            if (digits < 6) {
                micros = micros * 10 + (text[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 6; ++digits)
            micros *= 10;
    }
    const auto secs = civilSeconds(y, mo, d, h, mi, s);
    if (!secs)
        return std::nullopt;
    IsoTime result;
    result.civilUs = *secs * MicrosPerSecond + micros;
    if (pos < text.size()) {
        std::size_t end = pos;
        if (text[pos] == 'Z' || text[pos] == 'z') {
            end = pos + 1;
        } else if (text[pos] == '+' || text[pos] == '-') {
            end = pos + 1;
            while (end < text.size() && (unsigned(text[end] - '0') < 10 || text[end] == ':') && end - pos < 6)
                ++end;
        }
        if (end > pos) {
            result.offsetSeconds = parseUtcOffset(text.substr(pos, end - pos));
            if (!result.offsetSeconds)
                return std::nullopt;
            pos = end;
        }
    }
    result.length = pos;
    return result;
}

std::optional<ZoneConverter> ZoneConverter::fromSpec(const QString &spec, QString *error)
{
    ZoneConverter c;
    const QString s = spec.trimmed();
    if (s.isEmpty() || s == u"UTC" || s == u"Z" || s == u"GMT")
        return c;
    const QByteArray utf8 = s.toUtf8();
    if (const auto offset = parseUtcOffset(std::string_view(utf8.constData(), std::size_t(utf8.size())))) {
        c.m_fixedOffset = *offset;
        return c;
    }
    QTimeZone zone(utf8);
    if (!zone.isValid()) {
        if (error)
            *error = QStringLiteral("unknown time zone \"%1\" (use an IANA name such as Europe/Berlin, or an "
                                    "offset such as +01:00)")
                         .arg(s);
        return std::nullopt;
    }
    c.m_zone = zone;
    return c;
}

int64_t ZoneConverter::slowToUtc(int64_t local)
{
    auto offsetAt = [this](int64_t utc) {
        return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()));
    };
    // The offsets valid a day before and after bracket any transition near `local`.
    const int before = offsetAt(local - 86400), after = offsetAt(local + 86400);
    const bool beforeFits = offsetAt(local - before) == before;
    const bool afterFits = offsetAt(local - after) == after;
    if (beforeFits && afterFits && before != after) {
        // Ambiguous wall time (fall-back fold): the clock shows this hour twice.
        const int64_t foldStart = local - before - (local - before) % 3600;
        if (foldStart != m_foldStart) {
            m_foldStart = foldStart;
            m_foldMaxLocal = INT64_MIN;
            m_foldSecondPass = false;
        }
        if (local + 60 < m_foldMaxLocal)
            m_foldSecondPass = true;
        m_foldMaxLocal = std::max(m_foldMaxLocal, local);
        m_cachedMinute = INT64_MIN; // never cache inside the fold
        return local - (m_foldSecondPass ? after : before);
    }
    const int offset = beforeFits ? before : afterFits ? after : before;
    m_cachedMinute = local / 60;
    m_cachedOffset = offset;
    return local - offset;
}

} // namespace inquest

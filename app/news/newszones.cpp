#include "newszones.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

namespace inquest::news {

namespace {

struct NamedZone
{
    const char *name;
    const char *iana;  // a region's zone, whose offset follows DST; null for a fixed offset
    int fixedMinutes;  // when iana is null
    const char *label; // what the name stands for
};

// Every name here is also in ZONE (newstimescan.cpp), which finds them in the text.
constexpr NamedZone Zones[] = {
    {"GMT", nullptr, 0, "Greenwich Mean Time"},
    {"UTC", nullptr, 0, "UTC"},
    {"UT", nullptr, 0, "UTC"},
    {"Z", nullptr, 0, "UTC"},
    {"BST", nullptr, 60, "British Summer Time"},
    {"WET", nullptr, 0, "Western European Time"},
    {"WEST", nullptr, 60, "Western European Summer Time"},
    {"CET", nullptr, 60, "Central European Time"},
    {"CEST", nullptr, 120, "Central European Summer Time"},
    {"EET", nullptr, 120, "Eastern European Time"},
    {"EEST", nullptr, 180, "Eastern European Summer Time"},
    {"MSK", nullptr, 180, "Moscow Time"},
    {"SAST", nullptr, 120, "South Africa Standard Time"},
    {"EST", nullptr, -300, "Eastern Standard Time"},
    {"EDT", nullptr, -240, "Eastern Daylight Time"},
    {"ET", "America/New_York", 0, "US Eastern Time"},
    {"Eastern Time", "America/New_York", 0, "US Eastern Time"},
    {"Eastern Standard Time", nullptr, -300, "Eastern Standard Time"},
    {"Eastern Daylight Time", nullptr, -240, "Eastern Daylight Time"},
    {"CDT", nullptr, -300, "Central Daylight Time"},
    {"CT", "America/Chicago", 0, "US Central Time"},
    {"Central Time", "America/Chicago", 0, "US Central Time"},
    {"Central Standard Time", nullptr, -360, "Central Standard Time"},
    {"Central Daylight Time", nullptr, -300, "Central Daylight Time"},
    {"MST", nullptr, -420, "Mountain Standard Time"},
    {"MDT", nullptr, -360, "Mountain Daylight Time"},
    {"MT", "America/Denver", 0, "US Mountain Time"},
    {"Mountain Time", "America/Denver", 0, "US Mountain Time"},
    {"Mountain Standard Time", nullptr, -420, "Mountain Standard Time"},
    {"Mountain Daylight Time", nullptr, -360, "Mountain Daylight Time"},
    {"PST", nullptr, -480, "Pacific Standard Time"},
    {"PDT", nullptr, -420, "Pacific Daylight Time"},
    {"PT", "America/Los_Angeles", 0, "US Pacific Time"},
    {"Pacific Time", "America/Los_Angeles", 0, "US Pacific Time"},
    {"Pacific Standard Time", nullptr, -480, "Pacific Standard Time"},
    {"Pacific Daylight Time", nullptr, -420, "Pacific Daylight Time"},
    {"AKST", nullptr, -540, "Alaska Standard Time"},
    {"AKDT", nullptr, -480, "Alaska Daylight Time"},
    {"HST", nullptr, -600, "Hawaii Standard Time"},
    {"BRT", nullptr, -180, "Brasilia Time"},
    // A capital's name with "time" is that country's zone on the day.
    {"Brasilia Time", "America/Sao_Paulo", 0, "Brasilia Time"},
    {"Moscow Time", "Europe/Moscow", 0, "Moscow Time"},
    {"Beijing Time", "Asia/Shanghai", 0, "China Standard Time"},
    {"Tokyo Time", "Asia/Tokyo", 0, "Japan Standard Time"},
    {"JST", nullptr, 540, "Japan Standard Time"},
    {"KST", nullptr, 540, "Korea Standard Time"},
    {"HKT", nullptr, 480, "Hong Kong Time"},
    {"SGT", nullptr, 480, "Singapore Time"},
    {"AWST", nullptr, 480, "Australian Western Standard Time"},
    {"ACST", nullptr, 570, "Australian Central Standard Time"},
    {"ACDT", nullptr, 630, "Australian Central Daylight Time"},
    {"AEST", nullptr, 600, "Australian Eastern Standard Time"},
    {"AEDT", nullptr, 660, "Australian Eastern Daylight Time"},
    {"NZST", nullptr, 720, "New Zealand Standard Time"},
    {"NZDT", nullptr, 780, "New Zealand Daylight Time"},
};

// Standard times whose region changes to summer time, and that summer time's name.
struct StandardZone
{
    const char *name;
    const char *iana;
    const char *summerName;
};
constexpr StandardZone Standards[] = {
    {"EST", "America/New_York", "EDT"},    {"Eastern Standard Time", "America/New_York", "EDT"},
    {"MST", "America/Denver", "MDT"},      {"Mountain Standard Time", "America/Denver", "MDT"},
    {"PST", "America/Los_Angeles", "PDT"}, {"Pacific Standard Time", "America/Los_Angeles", "PDT"},
    {"CET", "Europe/Berlin", "CEST"},
};

// Building a QTimeZone reads its rules from the system's database: once per zone and thread.
const QTimeZone &regionZone(const char *iana)
{
    thread_local QHash<const char *, QTimeZone> zones;
    auto found = zones.find(iana);
    if (found == zones.end())
        found = zones.insert(iana, QTimeZone(QByteArray(iana)));
    return *found;
}

QString offsetText(int minutes)
{
    const int a = std::abs(minutes);
    return QStringLiteral("UTC%1%2:%3")
        .arg(QChar(minutes < 0 ? u'-' : u'+'))
        .arg(a / 60, 2, 10, QLatin1Char('0'))
        .arg(a % 60, 2, 10, QLatin1Char('0'));
}

ZoneReading fixed(int minutes, const char *label)
{
    return {minutes, QStringLiteral("%1, %2").arg(QLatin1String(label), offsetText(minutes))};
}

// "PST" on a day Pacific time is on PDT: writers often keep the standard name all year. The
// stated offset stands (it is what was written); the note says what the summer name would give.
QString summerDoubt(const QString &name, int fixedMinutes, QDate date, QTime time)
{
    for (const StandardZone &z : Standards) {
        if (name != QLatin1String(z.name))
            continue;
        const QTimeZone &zone = regionZone(z.iana);
        if (!zone.isValid() || !date.isValid())
            return {};
        const int minutes = zone.offsetFromUtc(QDateTime(date, time.isValid() ? time : QTime(12, 0), zone)) / 60;
        if (minutes == fixedMinutes)
            return {};
        return QStringLiteral("%1 (%2) read as written, but on %3 that region keeps %4 (%5): the writer probably "
                              "meant %4, %6 earlier in UTC")
            .arg(name, offsetText(fixedMinutes), date.toString(Qt::ISODate), QLatin1String(z.summerName),
                 offsetText(minutes),
                 minutes - fixedMinutes == 60 ? QStringLiteral("1 hour")
                                              : QStringLiteral("%1 minutes").arg(minutes - fixedMinutes));
    }
    return {};
}

} // namespace

ZoneHints zoneHints(QStringView text)
{
    static const QRegularExpression india(QStringLiteral("\\b(?:India|Indian|Mumbai|Delhi|Bengaluru|Bangalore|Chennai|"
                                                         "Hyderabad|Kolkata|Pune|rupees?)\\b"));
    static const QRegularExpression ireland(QStringLiteral("\\b(?:Ireland|Irish|Dublin|Cork|Galway|Limerick)\\b"));
    static const QRegularExpression israel(QStringLiteral("\\b(?:Israel|Israeli|Tel Aviv|Jerusalem|Haifa)\\b"));
    static const QRegularExpression china(
        QStringLiteral("\\b(?:China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou)\\b"));
    ZoneHints h;
    h.india = india.match(text).hasMatch();
    h.ireland = ireland.match(text).hasMatch();
    h.israel = israel.match(text).hasMatch();
    h.china = china.match(text).hasMatch();
    return h;
}

QList<ZoneReading> readZoneName(QStringView name, QDate date, QTime time, const ZoneHints &hints)
{
    QString n = name.toString().simplified();
    // "Eastern", "Pacific time", "Central standard time": the region's name as the table spells it.
    if (n.startsWith(u"Bras\u00EDlia"))
        n[4] = u'i'; // "Brasília time" as "Brasilia time"
    for (const char *region : {"Eastern", "Pacific", "Central", "Mountain", "Brasilia", "Moscow", "Beijing", "Tokyo"}) {
        if (!n.startsWith(QLatin1String(region)))
            continue;
        QStringList words = n.split(u' ');
        for (QString &w : words)
            w[0] = w[0].toUpper();
        if (words.size() == 1)
            words.append(QStringLiteral("Time"));
        n = words.join(u' ');
    }
    if (n == u"IST") {
        QList<ZoneReading> r = {fixed(330, "India Standard Time"), fixed(60, "Irish Standard Time"),
                                fixed(120, "Israel Standard Time")};
        // The place the article speaks of comes first; India when it names none or several.
        r[0].basis = hints.india ? QStringLiteral("the article speaks of India")
                                 : QStringLiteral("the article names no place that settles it");
        if (hints.ireland && !hints.india) {
            r.swapItemsAt(0, 1);
            r[0].basis = QStringLiteral("the article speaks of Ireland");
        } else if (hints.israel && !hints.india && !hints.ireland) {
            r.move(2, 0);
            r[0].basis = QStringLiteral("the article speaks of Israel");
        }
        return r;
    }
    if (n == u"CST") {
        QList<ZoneReading> r = {fixed(-360, "US Central Standard Time"), fixed(480, "China Standard Time")};
        r[0].basis = QStringLiteral("the article names no place that settles it");
        if (hints.china) {
            r.swapItemsAt(0, 1);
            r[0].basis = QStringLiteral("the article speaks of China");
        }
        return r;
    }
    for (const NamedZone &z : Zones) {
        if (n != QLatin1String(z.name))
            continue;
        if (!z.iana) {
            ZoneReading r{z.fixedMinutes, {}, {}, {}}; // one reading: no note needs its description
            r.note = summerDoubt(n, z.fixedMinutes, date, time);
            return {r};
        }
        const QTimeZone &zone = regionZone(z.iana);
        if (!zone.isValid() || !date.isValid())
            return {};
        const QDateTime wall(date, time.isValid() ? time : QTime(12, 0), zone);
        const int minutes = zone.offsetFromUtc(wall) / 60;
        return {{minutes, {}, {}}};
    }
    return {};
}

QString zoneAssumptionNote(QStringView name, const ZoneReading &reading, const QString &why)
{
    return QStringLiteral("%1 read as %2 (assumed: %3)").arg(name.toString(), reading.description, why);
}

} // namespace inquest::news

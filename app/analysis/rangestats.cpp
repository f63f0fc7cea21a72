#include "rangestats.h"
#include "model/httpstatus.h"
#include "seriesexport.h"
#include "siteevents.h"

#include <QLocale>

#include <unordered_set>

namespace inquest {

RangeStats RangeStats::measure(const std::vector<std::shared_ptr<const SiteEvents>> &sites, int64_t beginUs,
                               int64_t endUs)
{
    RangeStats r;
    r.beginUs = beginUs;
    r.endUs = endUs;
    std::unordered_set<std::string_view> clients;
    for (const auto &site : sites) {
        std::size_t slice = 0, sliceEnd = 0;
        bool http = false;
        site->forEach([&](uint32_t g, const EventTable &t, uint32_t row) {
            while (g >= sliceEnd) {
                sliceEnd += site->slices()[slice].size();
                http = site->slices()[slice++].http;
            }
            const int64_t time = t.time[row];
            if (time < beginUs || time >= endUs)
                return;
            if (http) {
                ++r.requests;
                const StatusClass cls = statusClass(t.status[row]);
                r.status4xx += cls == StatusClass::ClientError;
                r.status5xx += cls == StatusClass::ServerError;
                r.noResponse += cls == StatusClass::NoResponse;
                r.bytes += double(t.bytes[row]);
            }
            if (t.client[row])
                clients.insert(t.strings.view(t.client[row]));
            if (severityLevel(t.severity[row]) <= 3)
                ++r.syslogErrors;
        });
    }
    r.uniqueClients = qint64(clients.size());
    return r;
}

namespace {

QString ratio(double value, double baseline)
{
    if (baseline == 0)
        return value == 0 ? QStringLiteral("no change") : QStringLiteral("new (none before)");
    return QStringLiteral("\u00d7%1").arg(QLocale::c().toString(value / baseline, 'f', 2));
}

QString line(const QString &what, double value, double baseline, int decimals = 0)
{
    const QLocale c = QLocale::c();
    return QStringLiteral("%1: %2 (baseline %3, %4)")
        .arg(what, c.toString(value, 'f', decimals), c.toString(baseline, 'f', decimals), ratio(value, baseline));
}

} // namespace

Evidence evidenceFromRange(const std::vector<std::shared_ptr<const SiteEvents>> &sites, int64_t beginUs, int64_t endUs,
                           const QString &site, const QString &metric)
{
    std::vector<std::shared_ptr<const SiteEvents>> chosen;
    for (const auto &s : sites) {
        if (site.isEmpty() || s->name() == site)
            chosen.push_back(s);
    }
    const int64_t length = endUs - beginUs;
    const RangeStats now = RangeStats::measure(chosen, beginUs, endUs);
    const RangeStats before = RangeStats::measure(chosen, beginUs - length, beginUs);

    Evidence e;
    e.origin = QStringLiteral("chart");
    e.title = QStringLiteral("%1 %2 \u2013 %3: requests %4, 5xx %5")
                  .arg(site.isEmpty() ? QStringLiteral("All sites") : site, isoUtc(beginUs), isoUtc(endUs),
                       ratio(double(now.requests), double(before.requests)),
                       ratio(double(now.status5xx), double(before.status5xx)));
    QStringList lines;
    lines << QStringLiteral("Range %1 \u2013 %2 (%3 s) against the baseline %4 \u2013 %1 just before it.")
                 .arg(isoUtc(beginUs), isoUtc(endUs))
                 .arg(length / 1'000'000)
                 .arg(isoUtc(beginUs - length));
    lines << line(QStringLiteral("Requests"), double(now.requests), double(before.requests));
    lines << line(QStringLiteral("4xx"), double(now.status4xx), double(before.status4xx));
    lines << line(QStringLiteral("5xx"), double(now.status5xx), double(before.status5xx));
    if (now.noResponse || before.noResponse)
        lines << line(QStringLiteral("No response"), double(now.noResponse), double(before.noResponse));
    lines << line(QStringLiteral("Error rate (%)"), 100 * now.errorRate(), 100 * before.errorRate(), 2);
    lines << line(QStringLiteral("Unique clients"), double(now.uniqueClients), double(before.uniqueClients));
    lines << line(QStringLiteral("Bytes"), now.bytes, before.bytes);
    if (now.syslogErrors || before.syslogErrors)
        lines << line(QStringLiteral("Syslog errors"), double(now.syslogErrors), double(before.syslogErrors));
    e.description = lines.join(u'\n');
    e.provenance.timeBegin = beginUs;
    e.provenance.timeEnd = endUs;
    e.provenance.metric = metric;
    e.provenance.site = site;
    return e;
}

} // namespace inquest

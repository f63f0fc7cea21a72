#include "commandline.h"
#include "commands.h"

#include "analysis/binpyramid.h"
#include "analysis/seriesexport.h"
#include "analysis/siteevents.h"
#include "casefile/casefile.h"
#include "remote/remotesources.h"

#include <QJsonDocument>

namespace inquest::cli {

namespace {
constexpr std::size_t DefaultMaxBins = 2000;
}

int series(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"metric"_qs, u"site"_qs, u"bin"_qs, u"curve"_qs, u"filter"_qs, u"agg"_qs},
                   {u"csv"_qs, u"json"_qs});
    if (!cl.parseOneCase("series", args, err))
        return Usage;
    if (cl.has(u"csv"_qs) && cl.has(u"json"_qs)) {
        err << "inquest series: --csv and --json exclude each other\n";
        return Usage;
    }
    const bool userCurve = cl.has(u"curve"_qs) || cl.has(u"filter"_qs) || cl.has(u"agg"_qs);
    if (userCurve && (cl.has(u"metric"_qs) || cl.has(u"site"_qs) || (cl.has(u"curve"_qs) && cl.has(u"filter"_qs)))) {
        err << "inquest series: --curve, or --filter with --agg, stand instead of --metric and --site "
               "(a filter names its site: site:NAME)\n";
        return Usage;
    }
    const QString metricText = cl.value(u"metric"_qs);
    const auto metric = userCurve ? std::optional<MetricKey>(MetricKey{}) : cliMetric(metricText);
    if (!userCurve && (metricText.isEmpty() || !metric)) {
        err << "inquest series: "
            << (metricText.isEmpty() ? u"--metric is required"_qs : u"unknown metric \"%1\""_qs.arg(metricText))
            << " (metrics: requests, errors, no-response, error-rate, clients, bytes, new-clients, 2xx, 3xx, 4xx, 5xx,"
               " response-p50, response-p95, response-p99, severity-err, severity-none, csv:COLUMN)\n";
        return Usage;
    }
    int64_t widthUs = 0;
    if (cl.has(u"bin"_qs)) {
        // Seconds, or a number with a unit: 90, 30s, 5m, 1h, 1d.
        QString text = cl.value(u"bin"_qs).trimmed();
        qint64 unit = 1;
        if (text.endsWith(u's'))
            text.chop(1);
        else if (text.endsWith(u'm'))
            text.chop(1), unit = 60;
        else if (text.endsWith(u'h'))
            text.chop(1), unit = 3600;
        else if (text.endsWith(u'd'))
            text.chop(1), unit = 86400;
        bool ok = false;
        const qint64 count = text.toLongLong(&ok);
        const qint64 seconds = ok && count > 0 && count <= 366 * 86400 / unit ? count * unit : 0;
        if (seconds < 1) {
            err << "inquest series: --bin wants a width from 1 s to 366 d, in seconds or as 30s, 5m, 1h, 1d; not \""
                << cl.value(u"bin"_qs) << "\"\n";
            return Usage;
        }
        widthUs = seconds * UsPerSecond;
    }

    const QString path = cl.casePath();
    const auto data = readCase("series", path, err);
    if (!data)
        return BadInput;
    if (userCurve)
        return curveSeriesOutput(cl, *data, widthUs, out, err);
    // Remote sources answer for their sites (all of them when no --site is given).
    QString error;
    std::vector<std::unique_ptr<remote::RemoteEventStore>> remotes;
    QStringList remoteSites;
    for (const RemoteSource &r : data->remoteSources) {
        auto store = remote::openStore(r, &error, SiteRule::of(data->meta));
        if (!store) {
            err << "inquest series: " << path << ": " << error << '\n';
            return BadInput;
        }
        remoteSites += store->sites();
        remotes.push_back(std::move(store));
    }
    std::shared_ptr<const SiteEvents> site;
    const QString siteName = cl.value(u"site"_qs);
    if (siteName.isEmpty()) {
        site = SiteEvents::combined(data->sources);
    } else {
        // Sites only: a system log's hosts are machines, not sites.
        const SiteRule rule = SiteRule::of(data->meta);
        const QStringList names = rule.sites(data->sources);
        if (names.contains(siteName)) {
            for (auto &s : SiteEvents::bySite(data->sources, rule)) {
                if (s->name() == siteName)
                    site = s;
            }
        }
        if (!site && !remoteSites.contains(siteName)) {
            const QStringList all = names + remoteSites;
            err << "inquest series: " << path << ": no site \"" << siteName
                << "\" (sites: " << (all.isEmpty() ? u"none"_qs : all.join(u", ")) << ")\n";
            return BadInput;
        }
    }
    int64_t first = INT64_MAX, last = INT64_MIN;
    if (site && !site->empty())
        first = site->minTime(), last = site->maxTime();
    for (const auto &store : remotes) {
        if (const auto [b, e] = store->span(siteName); b < e)
            first = std::min(first, b), last = std::max(last, e - 1);
    }
    if (first > last) {
        err << "inquest series: " << path << ": the case has no log events\n";
        return BadInput;
    }
    if (widthUs == 0)
        widthUs = BinPyramid::widthFor(last - first + 1, DefaultMaxBins);

    const int64_t firstIndex = first / widthUs - (first % widthUs < 0);
    const int64_t count = (last / widthUs - (last % widthUs < 0)) - firstIndex + 1;
    std::vector<BinnedSeries> parts;
    if (site && !site->empty())
        parts.push_back(binSeries(*site, *metric, widthUs));
    for (const auto &store : remotes) {
        if (!siteName.isEmpty() && !store->sites().contains(siteName))
            continue;
        auto part = remote::remoteSeries(*store, siteName, *metric, widthUs, firstIndex, count, &error);
        if (!part) {
            err << "inquest series: " << path << ": " << error << '\n';
            return BadInput;
        }
        parts.push_back(std::move(*part));
    }
    if (parts.size() > 1 && !(isCount(metric->metric) || metric->metric == Metric::Bytes)) {
        err << "inquest series: " << path << ": \"" << metricName(*metric)
            << "\" of several sources cannot be added up; name one with --site\n";
        return BadInput;
    }
    const BinnedSeries s = parts.size() == 1 ? parts.front() : remote::sumSeries(parts, firstIndex, count);
    if (cl.has(u"json"_qs)) {
        out << QJsonDocument(seriesJson(s, siteName)).toJson(QJsonDocument::Indented);
    } else if (cl.has(u"csv"_qs)) {
        writeSeriesCsv(out, {{metricName(*metric), s}});
    } else {
        out << "# " << metricLabel(*metric) << (siteName.isEmpty() ? u", all sites"_qs : u", "_qs + siteName) << ", "
            << widthUs / UsPerSecond << " s bins, times UTC\n";
        for (std::size_t i = 0; i < s.size(); ++i) {
            out << isoUtc(s.start(i)) << "  ";
            if (std::isnan(s.values[i]))
                out << "-";
            else
                out << QString::number(s.values[i], 'g', 10);
            out << '\n';
        }
    }
    return Success;
}

} // namespace inquest::cli

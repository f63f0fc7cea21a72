#include "seriesexport.h"

#include <QDateTime>
#include <QJsonArray>

#include <map>

namespace inquest {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_qs, u"\"\""_qs);
    return u'"' + quoted + u'"';
}

QString number(double v)
{
    // Integers print without a decimal point; everything else with enough digits to round-trip.
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 10);
}

} // namespace

void writeSeriesCsv(QTextStream &out, const std::vector<NamedSeries> &series)
{
    out << "time";
    for (const NamedSeries &s : series)
        out << ',' << csvField(s.name);
    out << '\n';
    // Rows keyed by bin start; each series contributes its column.
    std::map<int64_t, std::vector<double>> rows;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t c = 0; c < series.size(); ++c) {
        const BinnedSeries &s = series[c].series;
        for (std::size_t i = 0; i < s.size(); ++i) {
            auto [it, added] = rows.try_emplace(s.start(i), series.size(), nan);
            it->second[c] = s.values[i];
        }
    }
    for (const auto &[start, values] : rows) {
        out << isoUtc(start);
        for (double v : values) {
            out << ',';
            if (!std::isnan(v))
                out << number(v);
        }
        out << '\n';
    }
}

QString seriesCsv(const std::vector<NamedSeries> &series)
{
    QString text;
    QTextStream out(&text);
    writeSeriesCsv(out, series);
    out.flush();
    return text;
}

QJsonObject seriesJson(const BinnedSeries &series, const QString &site)
{
    QJsonArray bins;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const Bin &b = series.bins[i];
        QJsonObject o;
        o.insert(u"time"_qs, isoUtc(series.start(i)));
        o.insert(u"value"_qs, std::isnan(series.values[i]) ? QJsonValue() : QJsonValue(series.values[i]));
        o.insert(u"count"_qs, qint64(b.count));
        o.insert(u"first_event"_qs, b.count ? QJsonValue(qint64(b.first)) : QJsonValue());
        o.insert(u"last_event"_qs, b.count ? QJsonValue(qint64(b.last)) : QJsonValue());
        bins.append(o);
    }
    QJsonObject doc;
    doc.insert(u"metric"_qs, metricName(series.metric));
    doc.insert(u"site"_qs, site.isEmpty() ? QJsonValue() : QJsonValue(site));
    doc.insert(u"bin_seconds"_qs, double(series.widthUs) / UsPerSecond);
    doc.insert(u"bins"_qs, bins);
    return doc;
}

} // namespace inquest

// Bins, pyramid levels and percentiles against brute force over random events.
#include "analysis/binpyramid.h"
#include "analysis/seriesexport.h"
#include "analysis/siteevents.h"
#include "model/httpstatus.h"
#include "model/source.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <numeric>
#include <set>

using namespace inquest;

namespace {

constexpr int64_t S = UsPerSecond;

// 2024-03-31 01:00 UTC: Berlin jumps from 02:00 to 03:00 local (spring forward).
const int64_t SpringForward = int64_t(1711846800) * S;
// 2024-10-27 01:00 UTC: Berlin falls back from 03:00 to 02:00 local.
const int64_t FallBack = int64_t(1729990800) * S;

std::shared_ptr<EventTable> randomTable(QRandomGenerator &rng, int n, int64_t from, int64_t span, int clients,
                                        bool syslog = false)
{
    auto t = std::make_shared<EventTable>();
    std::vector<uint32_t> ids;
    for (int c = 0; c < clients; ++c)
        ids.push_back(t->strings.intern(QByteArray("10.0.0." + QByteArray::number(c)).toStdString()));
    const uint32_t hostA = t->strings.intern("a.example"), hostB = t->strings.intern("b.example");
    for (int i = 0; i < n; ++i) {
        // Mostly ordered with some disorder, as real logs are.
        const int64_t time = from + int64_t(rng.bounded(quint64(span)));
        const std::size_t r = t->appendRow(time, uint64_t(i) * 100, uint32_t(i + 1));
        if (syslog) {
            t->severity[r] = uint8_t(rng.bounded(8));
        } else {
            static const uint16_t statuses[] = {
                200, 200, 200, 204, 301, 304, 404, 403, 500, 503, 0, 499, 444, StatusNoResponseLogged, 522, 999};
            t->status[r] = statuses[rng.bounded(int(std::size(statuses)))];
            t->bytes[r] = rng.bounded(100000);
            t->responseUs[r] = rng.bounded(10) == 0 ? NoResponseTime : rng.bounded(5'000'000);
            t->client[r] = rng.bounded(10) == 0 ? 0 : ids[rng.bounded(clients)];
        }
        t->host[r] = rng.bounded(2) ? hostA : hostB;
    }
    return t;
}

// Reorders the rows by time (stable), as most logs come: the binning passes then take their
// in-order paths (binary search for a range, one pass for distinct clients).
void sortByTime(EventTable &t)
{
    std::vector<uint32_t> order(t.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&t](uint32_t a, uint32_t b) { return t.time[a] < t.time[b]; });
    auto permute = [&order](auto &column) {
        auto copy = column;
        for (std::size_t i = 0; i < order.size(); ++i)
            column[i] = copy[order[i]];
    };
    permute(t.time);
    permute(t.offset);
    permute(t.line);
    permute(t.status);
    permute(t.bytes);
    permute(t.severity);
    permute(t.responseUs);
    permute(t.client);
    permute(t.host);
}

Source sourceOf(Id id, std::shared_ptr<const EventTable> t, const QString &site = {})
{
    Source s;
    s.id = id;
    s.path = QStringLiteral("/logs/source%1.log").arg(id);
    s.site = site;
    s.table = std::move(t);
    return s;
}

// Every value the brute force sees for one event of a metric (nullopt = not counted).
std::optional<double> eventValue(const MetricKey &m, const EventTable &t, std::size_t r)
{
    const StatusClass cls = statusClass(t.status[r]);
    switch (m.metric) {
    case Metric::Requests:
        return 1.0;
    case Metric::Status2xx:
        return cls == StatusClass::Success ? std::optional(1.0) : std::nullopt;
    case Metric::Status4xx:
        return cls == StatusClass::ClientError ? std::optional(1.0) : std::nullopt;
    case Metric::Status5xx:
        return cls == StatusClass::ServerError ? std::optional(1.0) : std::nullopt;
    case Metric::NoResponse:
        return cls == StatusClass::NoResponse ? std::optional(1.0) : std::nullopt;
    case Metric::Bytes:
        return double(t.bytes[r]);
    case Metric::ResponseMean:
        return t.responseUs[r] == NoResponseTime ? std::nullopt : std::optional(t.responseUs[r] / 1000.0);
    case Metric::Severity:
        return severityLevel(t.severity[r]) == m.severity ? std::optional(1.0) : std::nullopt;
    default:
        return std::nullopt;
    }
}

// For each bin [start, start + w): events inside it, found by comparing times directly.
void checkAgainstBruteForce(const SiteEvents &site, const BinnedSeries &s, const EventTable &t)
{
    QVERIFY(s.size() > 0);
    QCOMPARE(s.values.size(), s.size());
    uint64_t total = 0;
    for (std::size_t b = 0; b < s.size(); ++b) {
        const int64_t start = s.start(b), end = start + s.widthUs;
        QCOMPARE(start % s.widthUs, 0); // aligned to UTC epoch multiples
        Bin expected;
        for (std::size_t r = 0; r < t.size(); ++r) {
            if (t.time[r] < start || t.time[r] >= end)
                continue;
            if (auto v = eventValue(s.metric, t, r))
                expected.add(*v, uint32_t(r));
        }
        total += expected.count;
        QCOMPARE(s.bins[b].count, expected.count);
        QCOMPARE(s.bins[b].first, expected.first);
        QCOMPARE(s.bins[b].last, expected.last);
        QCOMPARE(s.bins[b].min, expected.min);
        QCOMPARE(s.bins[b].max, expected.max);
        QVERIFY(qAbs(s.bins[b].sum - expected.sum) <= 1e-6 * qMax(1.0, qAbs(expected.sum)));
    }
    QVERIFY(total > 0);
    Q_UNUSED(site);
}

void checkPercentiles(const std::shared_ptr<EventTable> &t, TimeLimit limit)
{
    const auto site = SiteEvents::fromSlices(u"s"_qs, {EventSlice{1, t, {}, true, true}});
    const int64_t w = 333 * S;
    for (int p : {50, 95, 99}) {
        const BinnedSeries s = binResponsePercentile(*site, w, p, limit);
        QVERIFY(s.size() > 0);
        for (std::size_t i = 0; i < s.size(); ++i) {
            std::vector<double> v;
            for (std::size_t r = 0; r < t->size(); ++r) {
                if (t->responseUs[r] != NoResponseTime && t->time[r] >= s.start(i) && t->time[r] < s.start(i) + w)
                    v.push_back(t->responseUs[r] / 1000.0);
            }
            std::sort(v.begin(), v.end());
            const std::size_t rank = std::size_t(std::ceil(p / 100.0 * double(v.size())));
            if (v.empty())
                QVERIFY(std::isnan(s.values[i]));
            else
                QCOMPARE(s.values[i], v[std::max<std::size_t>(rank, 1) - 1]);
        }
    }
}

} // namespace

class TestTimeBins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The preset runs tests in Berlin time so that a zone-dependent bin would show.
        QCOMPARE(qgetenv("TZ"), QByteArray("Europe/Berlin"));
    }

    void binsEqualBruteForce_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("width");
        QRandomGenerator rng(20240331);
        const int64_t midnight = int64_t(1702339200) * S; // 2023-12-12 00:00 UTC
        for (int i = 0; i < 6; ++i) {
            const qint64 w = qint64(1 + rng.bounded(4000)) * S;
            QTest::addRow("midnight, random width %llds", w / S)
                << qint64(midnight - 3 * 3600 * S) << qint64(6 * 3600 * S) << w;
        }
        QTest::addRow("spring DST, 1h") << qint64(SpringForward - 5 * 3600 * S) << qint64(10 * 3600 * S)
                                        << qint64(3600 * S);
        QTest::addRow("fall DST, 1h") << qint64(FallBack - 5 * 3600 * S) << qint64(10 * 3600 * S) << qint64(3600 * S);
        QTest::addRow("fall DST, 7s") << qint64(FallBack - 600 * S) << qint64(1200 * S) << qint64(7 * S);
        QTest::addRow("days across DST") << qint64(SpringForward - 4 * 86400 * S) << qint64(8 * 86400 * S)
                                         << qint64(86400 * S);
        QTest::addRow("before 1970") << qint64(-7200 * S) << qint64(4 * 3600 * S) << qint64(900 * S);
    }

    void binsEqualBruteForce()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, span);
        QFETCH(qint64, width);
        QRandomGenerator rng(uint32_t(from ^ width));
        auto table = randomTable(rng, 3000, from, span, 50);
        for (bool sorted : {false, true}) {
            if (sorted)
                sortByTime(*table); // times in order: the bin of the previous event is reused
            const auto site = SiteEvents::fromSlices(u"s"_qs, {EventSlice{1, table, {}, true, true}});
            QCOMPARE(site->allSorted(), sorted);
            for (MetricKey m : {MetricKey(Metric::Requests), MetricKey(Metric::Status2xx), MetricKey(Metric::Status4xx),
                                MetricKey(Metric::Status5xx), MetricKey(Metric::NoResponse), MetricKey(Metric::Bytes),
                                MetricKey(Metric::ResponseMean)}) {
                checkAgainstBruteForce(*site, binSeries(*site, m, width), *table);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(metricName(m)));
            }
        }
        auto syslog = randomTable(rng, 2000, from, span, 1, true);
        const auto sys = SiteEvents::fromSlices(u"s"_qs, {EventSlice{2, syslog, {}, false, true}});
        for (int sev = 0; sev < 8; ++sev)
            checkAgainstBruteForce(*sys, binSeries(*sys, MetricKey::severityOf(sev), width), *syslog);
    }

    void dailyBinsStartAtUtcMidnight()
    {
        QRandomGenerator rng(7);
        auto table = randomTable(rng, 500, SpringForward - 3 * 86400 * S, 6 * 86400 * S, 5);
        const auto site = SiteEvents::fromSlices(u"s"_qs, {EventSlice{1, table, {}, true, true}});
        const BinnedSeries s = binSeries(*site, Metric::Requests, 86400 * S);
        for (std::size_t b = 0; b < s.size(); ++b) {
            const QDateTime start = QDateTime::fromMSecsSinceEpoch(s.start(b) / 1000, QTimeZone::utc());
            QCOMPARE(start.time(), QTime(0, 0));
            QCOMPARE(isoUtc(s.start(b)).right(10), u"T00:00:00Z"_qs);
        }
        // Hourly bins across the local 23-hour day still hold 24 bins per UTC day.
        const BinnedSeries h = binSeries(*site, Metric::Requests, 3600 * S)
                                   .slice(floorDiv(SpringForward, 86400 * S) * 86400 * S,
                                          (floorDiv(SpringForward, 86400 * S) + 1) * 86400 * S);
        QCOMPARE(h.size(), std::size_t(24));
    }

    void pyramidLevelsEqualDirectBinning()
    {
        QRandomGenerator rng(99);
        auto a = randomTable(rng, 20000, FallBack - 3 * 3600 * S, 9 * 3600 * S, 300);
        auto b = randomTable(rng, 5000, FallBack - 3600 * S, 2 * 3600 * S, 300);
        auto sys = randomTable(rng, 3000, FallBack - 3600 * S, 3 * 3600 * S, 1, true);
        const auto site = SiteEvents::combined({sourceOf(1, a), sourceOf(2, b), sourceOf(3, sys)});
        const BinPyramid pyramid(site);
        QCOMPARE(pyramid.baseWidth(), S);
        QVERIFY(pyramid.widths().size() >= 15);
        QCOMPARE(pyramid.widths().back(), 86400 * S);
        for (int64_t w : pyramid.widths()) {
            const BinLevel direct = binMergeable(*site, w);
            const BinLevel *level = pyramid.level(w);
            QVERIFY(level);
            QCOMPARE(level->firstIndex, direct.firstIndex);
            QCOMPARE(level->binCount, direct.binCount);
            QCOMPARE(level->bins.size(), direct.bins.size());
            for (const auto &[key, bins] : direct.bins) {
                const auto &mine = level->bins.at(key);
                QCOMPARE(mine.size(), bins.size());
                for (std::size_t i = 0; i < bins.size(); ++i) {
                    QCOMPARE(mine[i].count, bins[i].count);
                    QCOMPARE(mine[i].first, bins[i].first);
                    QCOMPARE(mine[i].last, bins[i].last);
                    QCOMPARE(mine[i].min, bins[i].min);
                    QCOMPARE(mine[i].max, bins[i].max);
                    QVERIFY(qAbs(mine[i].sum - bins[i].sum) <= 1e-6 * qMax(1.0, bins[i].sum));
                }
            }
        }
        // Levels are merged when first asked for: coarse ones first (merged from the base), then
        // finer ones, come out the same.
        const BinPyramid lazy(site);
        std::vector<int64_t> widths = lazy.widths();
        std::reverse(widths.begin(), widths.end());
        std::rotate(widths.begin(), widths.begin() + long(widths.size()) / 2, widths.end());
        for (int64_t w : widths) {
            const BinLevel direct = binMergeable(*site, w);
            for (const auto &[key, bins] : direct.bins) {
                const auto &mine = lazy.level(w)->bins.at(key);
                QCOMPARE(mine.size(), bins.size());
                for (std::size_t i = 0; i < bins.size(); ++i) {
                    QCOMPARE(mine[i].count, bins[i].count);
                    QCOMPARE(mine[i].first, bins[i].first);
                    QCOMPARE(mine[i].last, bins[i].last);
                }
            }
        }
        QVERIFY(!lazy.level(7 * S)); // not a ladder width

        // Narrow views merge their bins from the base on the fly: the same series as the level's.
        QRandomGenerator pick(3);
        const BinLevel &base = *pyramid.level(pyramid.baseWidth());
        for (int i = 0; i < 60; ++i) {
            const int64_t w = pyramid.widths()[pick.bounded(int(pyramid.widths().size()))];
            const int64_t from =
                FallBack - 4 * 3600 * S + int64_t(pick.bounded(quint64(11 * 3600))) * S + pick.bounded(999);
            const TimeLimit limit{from, from + int64_t(1 + pick.bounded(quint64(4 * 3600))) * S};
            for (MetricKey m : {MetricKey(Metric::Requests), MetricKey(Metric::ErrorRate), MetricKey(Metric::Bytes),
                                MetricKey(Metric::ResponseMean), MetricKey(Metric::NewClients),
                                MetricKey::severityOf(3), MetricKey(Metric::ResponseP50)}) {
                const BinnedSeries merged = mergeSeries(base, m, w, limit);
                const BinnedSeries stored = seriesFromLevel(*pyramid.level(w), m, limit);
                QCOMPARE(merged.firstIndex, stored.firstIndex);
                QCOMPARE(merged.bins.size(), stored.bins.size());
                QCOMPARE(merged.values.size(), stored.values.size());
                // Sums of fractional values (response times) may differ in the last bits: a level
                // is merged from the coarsest level that divides it, not always from the base.
                const auto near = [](double a, double b) {
                    return a == b || (std::isnan(a) && std::isnan(b)) || qAbs(a - b) <= 1e-9 * qMax(1.0, qAbs(b));
                };
                for (std::size_t b = 0; b < merged.bins.size(); ++b) {
                    const Bin &x = merged.bins[b], &y = stored.bins[b];
                    QCOMPARE(x.count, y.count);
                    QCOMPARE(x.first, y.first);
                    QCOMPARE(x.last, y.last);
                    QCOMPARE(x.min, y.min);
                    QCOMPARE(x.max, y.max);
                    QVERIFY(near(x.sum, y.sum));
                    QVERIFY(near(merged.values[b], stored.values[b]));
                }
                if (m.metric == Metric::Requests)
                    QCOMPARE(pyramid.series(m, w, limit).values, stored.values);
            }
        }
        // A coarse base (capped bin count) still equals direct binning at its widths.
        const BinPyramid coarse(site, 100);
        QVERIFY(coarse.baseWidth() >= 300 * S);
        const BinnedSeries viaPyramid = coarse.series(Metric::Status5xx, 3600 * S);
        const BinnedSeries direct = binSeries(*site, Metric::Status5xx, 3600 * S);
        QCOMPARE(viaPyramid.values, direct.values);
        QCOMPARE(viaPyramid.firstIndex, direct.firstIndex);
    }

    void firstLastEventsAcrossSources()
    {
        QRandomGenerator rng(5);
        auto a = randomTable(rng, 400, 1000 * S, 600 * S, 20);
        auto b = randomTable(rng, 400, 1000 * S, 600 * S, 20);
        const auto site = SiteEvents::combined({sourceOf(1, a), sourceOf(2, b)});
        const BinnedSeries s = binSeries(*site, Metric::Requests, 60 * S);
        for (std::size_t i = 0; i < s.size(); ++i) {
            const Bin &bin = s.bins[i];
            QVERIFY(bin.count > 0);
            // The first/last event of the bin resolve to lines whose times fall inside it.
            for (uint32_t e : {bin.first, bin.last}) {
                const EventRef ref = site->locate(e);
                const EventTable &t = ref.sourceId == 1 ? *a : *b;
                QVERIFY(t.time[ref.row] >= s.start(i) && t.time[ref.row] < s.start(i) + s.widthUs);
            }
            QVERIFY(site->locate(bin.last).sourceId >= site->locate(bin.first).sourceId);
        }
        QCOMPARE(site->locate(400).sourceId, Id(2));
        QCOMPARE(site->locate(400).row, 0u);
    }

    void uniqueAndNewClients()
    {
        QRandomGenerator rng(11);
        const int64_t from = SpringForward - 1800 * S;
        auto a = randomTable(rng, 3000, from, 3600 * S, 200);
        auto b = randomTable(rng, 3000, from, 3600 * S, 200); // same client strings, other pool ids
        const auto site = SiteEvents::combined({sourceOf(1, a), sourceOf(2, b)});
        const int64_t w = 97 * S;
        const BinnedSeries unique = binUniqueClients(*site, w);
        const BinnedSeries fresh = binSeries(*site, Metric::NewClients, w);
        std::map<std::string, int64_t> firstSeen;
        for (const auto *t : {a.get(), b.get()}) {
            for (std::size_t r = 0; r < t->size(); ++r) {
                if (!t->client[r])
                    continue;
                const std::string c(t->strings.view(t->client[r]));
                auto [it, added] = firstSeen.try_emplace(c, t->time[r]);
                if (!added)
                    it->second = std::min(it->second, t->time[r]);
            }
        }
        for (std::size_t i = 0; i < unique.size(); ++i) {
            std::set<std::string_view> seen;
            for (const auto *t : {a.get(), b.get()}) {
                for (std::size_t r = 0; r < t->size(); ++r) {
                    if (t->client[r] && t->time[r] >= unique.start(i) && t->time[r] < unique.start(i) + w)
                        seen.insert(t->strings.view(t->client[r]));
                }
            }
            QCOMPARE(unique.values[i], double(seen.size()));
            const auto newHere = std::count_if(firstSeen.begin(), firstSeen.end(), [&](const auto &kv) {
                return kv.second >= unique.start(i) && kv.second < unique.start(i) + w;
            });
            const std::size_t fi = std::size_t(unique.start(i) / w - fresh.firstIndex);
            QCOMPARE(fresh.values[fi], double(newHere));
        }
        // A limited range computes just the bins it overlaps, with the same numbers.
        const TimeLimit part{from + 601 * S, from + 1500 * S};
        const BinnedSeries limited = binUniqueClients(*site, w, part);
        const BinnedSeries whole = unique.slice(part.first, part.second);
        QCOMPARE(limited.firstIndex, whole.firstIndex);
        QCOMPARE(limited.values, whole.values);
        QCOMPARE(limited.bins, whole.bins);
        QVERIFY(limited.size() < unique.size());
        // Pyramid caches the distinct count per width and agrees with the direct pass.
        const BinPyramid pyramid(site);
        QCOMPARE(pyramid.series(Metric::UniqueClients, 60 * S, part).values,
                 binUniqueClients(*site, 60 * S).slice(part.first, part.second).values);
        QCOMPARE(pyramid.series(Metric::UniqueClients, 60 * S).values, binUniqueClients(*site, 60 * S).values);
    }

    void uniqueClientsEqualSetBruteForce_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("width");
        QRandomGenerator rng(4242);
        const int64_t midnight = int64_t(1702339200) * S;
        const QStringList layouts{u"one sorted source"_qs, u"two sorted sources"_qs, u"sorted, split by host"_qs,
                                  u"sorted and unsorted"_qs};
        for (const QString &layout : layouts) {
            for (int i = 0; i < 3; ++i) {
                const qint64 w = qint64(1 + rng.bounded(900)) * S;
                QTest::addRow("%s, midnight, %llds", qPrintable(layout), w / S)
                    << layout << qint64(midnight - 3 * 3600 * S) << qint64(6 * 3600 * S) << w;
            }
            QTest::addRow("%s, 1s", qPrintable(layout))
                << layout << qint64(midnight - 600 * S) << qint64(1200 * S) << qint64(S);
            QTest::addRow("%s, fall DST, 1h", qPrintable(layout))
                << layout << qint64(FallBack - 5 * 3600 * S) << qint64(10 * 3600 * S) << qint64(3600 * S);
            QTest::addRow("%s, before 1970", qPrintable(layout))
                << layout << qint64(-7200 * S) << qint64(4 * 3600 * S) << qint64(900 * S);
        }
    }

    void uniqueClientsEqualSetBruteForce()
    {
        QFETCH(QString, layout);
        QFETCH(qint64, from);
        QFETCH(qint64, span);
        QFETCH(qint64, width);
        QRandomGenerator rng(uint32_t(from ^ width) + uint32_t(qHash(layout)));
        auto a = randomTable(rng, 4000, from, span, 300);
        auto b = randomTable(rng, 3000, from + span / 4, span / 2, 300); // same client strings, other pool ids
        sortByTime(*a);
        if (layout != u"sorted and unsorted")
            sortByTime(*b);
        std::shared_ptr<const SiteEvents> site;
        if (layout == u"one sorted source")
            site = SiteEvents::combined({sourceOf(1, a)});
        else if (layout == u"sorted, split by host")
            site = SiteEvents::bySite({sourceOf(1, a), sourceOf(2, b)}).front(); // rows of host a.example
        else
            site = SiteEvents::combined({sourceOf(1, a), sourceOf(2, b)});
        QCOMPARE(site->allSorted(), layout != u"sorted and unsorted");
        if (layout == u"sorted, split by host")
            QVERIFY(!site->slices().front().allRows);

        // Whole span, a random part of it, and a part that ends inside the site's last bin.
        const int64_t lo = from + int64_t(rng.bounded(quint64(span / 2)));
        const std::vector<TimeLimit> limits{NoLimit, {lo, lo + span / 3}, {from - 1000 * S, from + span / 5}};
        for (const TimeLimit &limit : limits) {
            const BinnedSeries s = binUniqueClients(*site, width, limit);
            QVERIFY(s.size() > 0);
            QCOMPARE(s.values.size(), s.size());
            for (std::size_t i = 0; i < s.size(); ++i) {
                const int64_t start = s.start(i), end = start + width;
                QCOMPARE(start % width, 0);
                std::set<std::string_view> seen;
                Bin expected;
                site->forEach([&](uint32_t g, const EventTable &t, uint32_t r) {
                    if (t.client[r] == 0 || t.time[r] < start || t.time[r] >= end)
                        return;
                    seen.insert(t.strings.view(t.client[r]));
                    expected.add(double(site->clients()[g]), g);
                });
                QCOMPARE(s.values[i], double(seen.size()));
                QCOMPARE(s.bins[i], expected);
            }
            if (limit != NoLimit) {
                // Exactly the bins overlapping the limit.
                QCOMPARE(s.firstIndex, floorDiv(std::max(limit.first, site->minTime()), width));
                QCOMPARE(s.start(s.size() - 1), floorDiv(std::min(limit.second - 1, site->maxTime()), width) * width);
            }
        }
    }

    void percentilesMatchSortedBruteForce()
    {
        QRandomGenerator rng(13);
        auto t = randomTable(rng, 5000, 0, 7200 * S, 30);
        auto ordered = randomTable(rng, 5000, 0, 7200 * S, 30);
        sortByTime(*ordered);
        for (const auto &table : {t, ordered})
            checkPercentiles(table, TimeLimit{NoLimit});
        checkPercentiles(ordered, TimeLimit{1000 * S, 5000 * S});
    }

    // Failures (5xx + no response) over all requests.
    void errorRateIsFailuresOverAll()
    {
        QRandomGenerator rng(17);
        auto t = randomTable(rng, 2000, 0, 3600 * S, 30);
        const auto site = SiteEvents::fromSlices(u"s"_qs, {EventSlice{1, t, {}, true, true}});
        const BinnedSeries rate = binSeries(*site, Metric::ErrorRate, 600 * S);
        const BinnedSeries errors = binSeries(*site, Metric::Status5xx, 600 * S);
        const BinnedSeries none = binSeries(*site, Metric::NoResponse, 600 * S);
        const BinnedSeries all = binSeries(*site, Metric::Requests, 600 * S);
        QVERIFY(std::accumulate(none.values.begin(), none.values.end(), 0.0) > 0);
        for (std::size_t i = 0; i < rate.size(); ++i)
            QCOMPARE(rate.values[i], (errors.values[i] + none.values[i]) / all.values[i]);
    }

    // model/sites: a line's virtual host names its site, else its source's site; the analyst's
    // renames merge sites.
    void sitesFromVhostElseSourceSite()
    {
        QRandomGenerator rng(23);
        auto a = randomTable(rng, 1000, 0, 3600 * S, 10);
        for (std::size_t r = 0; r < a->size(); r += 3)
            a->host[r] = 0; // lines without a virtual host
        auto b = randomTable(rng, 1000, 0, 3600 * S, 10);
        const QList<Source> sources{sourceOf(1, a, u"shop.example"_qs), sourceOf(2, b)};
        const auto sites = SiteEvents::bySite(sources);
        QStringList names;
        for (const auto &s : sites)
            names.append(s->name());
        QCOMPARE(names, QStringList({u"a.example"_qs, u"b.example"_qs, u"shop.example"_qs}));
        QCOMPARE(sites[2]->size(), std::size_t(334));
        QCOMPARE(sites[0]->size() + sites[1]->size(), a->size() + b->size() - 334);
        for (uint32_t e = 0; e < sites[0]->size(); ++e) {
            const EventRef ref = sites[0]->locate(e);
            const EventTable &t = ref.sourceId == 1 ? *a : *b;
            QCOMPARE(t.strings.view(t.host[ref.row]), std::string_view("a.example"));
        }

        const auto merged = SiteEvents::bySite(sources, SiteRule({{u"b.example"_qs, u"a.example"_qs}}));
        QCOMPARE(merged.size(), std::size_t(2));
        QCOMPARE(merged[0]->name(), u"a.example"_qs);
        QCOMPARE(merged[0]->size(), sites[0]->size() + sites[1]->size());
    }

    // A system log's events keep their hosts, whatever site its source names.
    void systemLogsAreSplitByHost()
    {
        QRandomGenerator rng(29);
        auto syslog = randomTable(rng, 500, 0, 3600 * S, 10, true);
        for (std::size_t r = 0; r < syslog->size(); ++r)
            syslog->message[r] = syslog->strings.intern("kernel: link down");
        const auto sites = SiteEvents::bySite({sourceOf(1, syslog, u"shop.example"_qs)});
        QCOMPARE(sites.size(), std::size_t(2));
        QCOMPARE(sites[0]->name(), u"a.example"_qs);
        QCOMPARE(sites[1]->name(), u"b.example"_qs);
        QVERIFY(SiteRule().sites({sourceOf(1, syslog, u"shop.example"_qs)}).isEmpty());
    }

    void csvHasOneRowPerBinAndEmptyCellsForGaps()
    {
        BinnedSeries s;
        s.metric = Metric::ErrorRate;
        s.widthUs = 60 * S;
        s.firstIndex = 28333333; // 2023-11-14T22:13:00Z
        s.bins.resize(3);
        s.values = {0.5, std::numeric_limits<double>::quiet_NaN(), 1};
        BinnedSeries r = s;
        r.metric = Metric::Requests;
        r.firstIndex += 1;
        r.values = {7, 8, 9};
        const QString csv = seriesCsv({{u"error rate"_qs, s}, {u"a,b requests"_qs, r}});
        QCOMPARE(csv, u"time,error rate,\"a,b requests\"\n"
                      "2023-11-14T22:13:00Z,0.5,\n"
                      "2023-11-14T22:14:00Z,,7\n"
                      "2023-11-14T22:15:00Z,1,8\n"
                      "2023-11-14T22:16:00Z,,9\n"_qs);
    }
};

QTEST_GUILESS_MAIN(TestTimeBins)
#include "tst_timebins.moc"

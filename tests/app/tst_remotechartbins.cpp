// What a remote source adds to a chart view (remote/remotechartbins addRemoteBins): a site the
// case also has locally is added up bin by bin, a remote-only site joins with its own curves,
// and the all-site failures and failure rate are taken again over every site. Plus the key a
// view is asked and answered by, and the time range a remote-only case's chart fits to.
#include "remote/remotechartbins.h"

#include <QTest>

using namespace inquest;
using namespace inquest::remote;

namespace {

constexpr int64_t W = 60'000'000;

BinnedSeries counts(Metric m, int64_t firstIndex, std::vector<double> values)
{
    BinnedSeries s;
    s.metric = m;
    s.widthUs = W;
    s.firstIndex = firstIndex;
    for (double v : values) {
        Bin b;
        b.count = uint32_t(v);
        b.sum = v;
        s.bins.push_back(b);
        s.values.push_back(v);
    }
    return s;
}

} // namespace

class TstRemoteChartBins : public QObject
{
    Q_OBJECT

private slots:
    void remoteSitesJoinTheView()
    {
        ChartData data;
        data.widthUs = W;
        data.fromUs = 100 * W;
        data.toUs = 102 * W;
        data.traffic = {{u"a"_qs, counts(Metric::Requests, 100, {10, 20})}};
        data.site4xx = {{u"a"_qs, counts(Metric::Status4xx, 100, {2, 2})}};
        data.site5xx = {{u"a"_qs, counts(Metric::Status5xx, 100, {1, 0})}};
        data.siteNoResponse = {{u"a"_qs, counts(Metric::NoResponse, 100, {0, 1})}};
        data.failed = {{u"a"_qs, counts(Metric::Status5xx, 100, {1, 1})}};
        data.clients = {{u"a"_qs, counts(Metric::UniqueClients, 100, {4, 4})}};

        RemoteChartBins remote;
        remote.key = {W, 100 * W, 102 * W, {}};
        remote.sites.push_back({u"a"_qs, counts(Metric::Requests, 100, {5, 5}), counts(Metric::Status4xx, 100, {0, 1}),
                                counts(Metric::Status5xx, 100, {0, 0}), counts(Metric::NoResponse, 100, {0, 0}),
                                counts(Metric::UniqueClients, 100, {9, 9})});
        remote.sites.push_back({u"b"_qs, counts(Metric::Requests, 101, {3}), counts(Metric::Status4xx, 101, {0}),
                                counts(Metric::Status5xx, 101, {3}), counts(Metric::NoResponse, 101, {0}),
                                counts(Metric::UniqueClients, 101, {2})});
        addRemoteBins(data, remote);

        QCOMPARE(data.traffic.size(), std::size_t(2));
        QCOMPARE(data.traffic[0].name, u"a"_qs);
        QCOMPARE(data.traffic[0].series.values, (std::vector<double>{15, 25}));
        QCOMPARE(data.traffic[1].name, u"b"_qs);
        QCOMPARE(data.traffic[1].series.firstIndex, 101);
        QCOMPARE(data.traffic[1].series.values, (std::vector<double>{3}));
        QCOMPARE(data.failed.size(), std::size_t(2));
        QCOMPARE(data.failed[0].series.values, (std::vector<double>{1, 1}));
        QCOMPARE(data.failed[1].series.values, (std::vector<double>{3}));
        QCOMPARE(data.site4xx[0].series.values, (std::vector<double>{2, 3}));
        QCOMPARE(data.status4xx.series.values, (std::vector<double>{2, 3}));
        QCOMPARE(data.status5xx.series.values, (std::vector<double>{1, 3}));
        QCOMPARE(data.noResponse.series.values, (std::vector<double>{0, 1}));
        QCOMPARE(data.errorRate.series.values[0], 1.0 / 15);
        QCOMPARE(data.errorRate.series.values[1], 4.0 / 28);
        // Distinct clients: a remote-only site's curve joins; a site also local keeps the local
        // curve (distinct counts of two stores do not add up).
        QCOMPARE(data.clients.size(), std::size_t(2));
        QCOMPARE(data.clients[0].series.values, (std::vector<double>{4, 4}));
        QCOMPARE(data.clients[1].name, u"b"_qs);
        QCOMPARE(data.clients[1].series.values, (std::vector<double>{2}));
    }

    void nothingAnsweredChangesNothing()
    {
        ChartData data;
        data.traffic = {{u"a"_qs, counts(Metric::Requests, 100, {10})}};
        addRemoteBins(data, RemoteChartBins{});
        QCOMPARE(data.traffic.size(), std::size_t(1));
        QVERIFY(data.failed.empty()); // untouched, not recomputed
    }

    void remoteOnlyCaseFitsToItsSources()
    {
        auto empty = std::make_shared<const CaseBins>();
        QVERIFY(empty->empty());
        RemoteSource a, b;
        a.firstTime = 1000;
        a.lastTime = 5000;
        b.firstTime = 500;
        b.lastTime = 2000;
        const auto bins = withRemoteSpans(empty, {a, b});
        QVERIFY(!bins->empty());
        QCOMPARE(bins->minTime, 500);
        QCOMPARE(bins->maxTime, 5000);
        QCOMPARE(withRemoteSpans(empty, {}), empty);
    }

    void viewKeysCompareByEverything()
    {
        const ChartViewKey k{W, 0, 10 * W, {u"a"_qs}};
        QVERIFY(k == (ChartViewKey{W, 0, 10 * W, {u"a"_qs}}));
        QVERIFY(!(k == ChartViewKey{W, 0, 10 * W, {}}));
        QVERIFY(!(k == ChartViewKey{2 * W, 0, 10 * W, {u"a"_qs}}));
    }
};

QTEST_GUILESS_MAIN(TstRemoteChartBins)
#include "tst_remotechartbins.moc"

// Response times of a remote source (INQUEST_CLICKHOUSE_URL; label clickhouse, skipped and said
// so without it): a hand-written access log with response times (tests/data/curves, seconds in
// the last field) imported locally and loaded into a two-shard table. `inquest series` gives the
// same per-minute mean, p50, p95 and p99 for the remote source as for the local import (exact
// nearest rank, checked by hand too), also when the table keeps milliseconds (response_unit=ms),
// and the chart's view query gives the response-time pane the local curves, which the Charts dock
// draws for a case holding only the remote source.
#include "testlib/clirunner.h"
#include "testlib/twoshardtable.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"

#include "analysis/chartdata.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "remote/remotechartbins.h"
#include "remote/remotepasswords.h"
#include "remote/remotesources.h"

#include <QSignalSpy>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace inquest;
using namespace inquest::testing;

namespace {

const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");
const QString Site = QStringLiteral("www.shop.de");

} // namespace

class TstRemoteResponse : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_table;
    TwoShardTable m_shards;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    CliRun series(const QString &c, const QString &metric) const
    {
        return runInquest(
            {u"series"_qs, c, u"--metric"_qs, metric, u"--site"_qs, Site, u"--bin"_qs, u"60"_qs, u"--csv"_qs});
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, remote response times were NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_table = QStringLiteral("response_%1").arg(QCoreApplication::applicationPid());
        QString error;
        QVERIFY2(m_shards.create(m_table, &error), qPrintable(error));
        const QString local = path(QStringLiteral("local.inquest"));
        QCOMPARE(runInquest({u"new"_qs, local}).status, 0);
        QCOMPARE(runInquest({u"import"_qs, local, Log}).status, 0);
        const CliRun r = runInquest({u"remote"_qs, u"load"_qs, local, u"--clickhouse"_qs, clickHouseUrl(),
                                     u"--table"_qs, u"default."_qs + m_table});
        QVERIFY2(r.status == 0 && r.out.startsWith(u"14 events loaded"_qs), qPrintable(r.out + r.err));
    }
    void cleanupTestCase() { m_shards.drop(); }

    void seriesAsLocal_data()
    {
        QTest::addColumn<QString>("map");
        QTest::newRow("seconds") << QString();
        QTest::newRow("milliseconds") << u"response_time=response_time * 1000,response_unit=ms"_qs;
    }
    void seriesAsLocal()
    {
        QFETCH(QString, map);
        const QString local = path(QStringLiteral("local.inquest"));
        const QString remote = path(QStringLiteral("remote-%1.inquest").arg(QLatin1String(QTest::currentDataTag())));
        QCOMPARE(runInquest({u"new"_qs, remote}).status, 0);
        QStringList add{u"remote"_qs,
                        u"add"_qs,
                        remote,
                        u"--clickhouse"_qs,
                        clickHouseUrl(),
                        u"--table"_qs,
                        u"default."_qs + m_table};
        if (!map.isEmpty())
            add << u"--map"_qs << map;
        const CliRun added = runInquest(add);
        QVERIFY2(added.status == 0, qPrintable(added.err));
        // By hand (nearest rank of the minute's response times in ms): 21:02 holds 900, 1500,
        // 2000, 2500; 21:03 holds 50, 1000, 3000.
        const QList<std::pair<QString, QStringList>> expected{
            {u"response-mean"_qs, {u"2010-12-12T21:02:00Z,1725"_qs}},
            {u"response-p50"_qs, {u"2010-12-12T21:02:00Z,1500"_qs, u"2010-12-12T21:03:00Z,1000"_qs}},
            {u"response-p95"_qs, {u"2010-12-12T21:02:00Z,2500"_qs, u"2010-12-12T21:03:00Z,3000"_qs}},
            {u"response-p99"_qs, {u"2010-12-12T21:00:00Z,45"_qs, u"2010-12-12T21:01:00Z,210"_qs}},
        };
        for (const auto &[metric, lines] : expected) {
            const CliRun a = series(local, metric);
            const CliRun b = series(remote, metric);
            QVERIFY2(a.status == 0, qPrintable(a.err));
            QVERIFY2(b.status == 0, qPrintable(metric + u": "_qs + b.err));
            QCOMPARE(b.out, a.out);
            for (const QString &line : lines)
                QVERIFY2(b.out.contains(line + u'\n'), qPrintable(metric + u":\n"_qs + b.out));
        }
    }

    void chartPaneAsLocal()
    {
        QString error;
        const std::optional<CaseData> local = casefile::read(path(QStringLiteral("local.inquest")), &error);
        const std::optional<CaseData> remote = casefile::read(path(QStringLiteral("remote-seconds.inquest")), &error);
        QVERIFY2(local && remote, qPrintable(error));
        const int64_t width = 60'000'000, from = 1292187600'000'000, to = from + 6 * width; // 21:00 to 21:06
        const auto bins = CaseBins::build(local->sources);
        const ChartData expected = buildChartData(*bins, width, from, to);
        QCOMPARE(expected.response.size(), std::size_t(3));

        std::vector<remote::SourceAccess> sources{
            {remote->remoteSources[0], remote::accessFor(remote->remoteSources[0], &error)}};
        const remote::RemoteChartBins answer = remote::fetchChartBins(sources, {width, from, to, {}});
        QVERIFY2(answer.errors.isEmpty(), qPrintable(answer.errors.join(u'\n')));
        ChartData drawn;
        drawn.widthUs = width, drawn.fromUs = from, drawn.toUs = to;
        remote::addRemoteBins(drawn, answer);
        QCOMPARE(drawn.response.size(), std::size_t(3));
        for (std::size_t k = 0; k < 3; ++k) {
            const BinnedSeries &a = expected.response[k].series, &b = drawn.response[k].series;
            QCOMPARE(drawn.response[k].name, Site);
            QCOMPARE(b.metric, a.metric);
            for (int64_t i = b.firstIndex; i < b.firstIndex + int64_t(b.size()); ++i) {
                const double got = b.values[std::size_t(i - b.firstIndex)];
                const int64_t at = i - a.firstIndex;
                const double want = at >= 0 && at < int64_t(a.size()) ? a.values[std::size_t(at)] : NAN;
                QVERIFY2((std::isnan(got) && std::isnan(want)) || got == want,
                         qPrintable(QStringLiteral("%1 bin %2: %3, local %4").arg(k).arg(i).arg(got).arg(want)));
            }
        }
        // 21:02: p50 1500, p95 2500, p99 2500 (by hand).
        const int64_t bin = (from + 2 * width) / width - drawn.response[0].series.firstIndex;
        QCOMPARE(drawn.response[0].series.values[std::size_t(bin)], 1500.0);
        QCOMPARE(drawn.response[1].series.values[std::size_t(bin)], 2500.0);
    }

    void dockDrawsTheResponsePane()
    {
        QString error;
        std::optional<CaseData> remote = casefile::read(path(QStringLiteral("remote-seconds.inquest")), &error);
        QVERIFY2(remote, qPrintable(error));
        CaseDocument doc(std::move(*remote));
        remote::RemotePasswords::of(&doc)->set(doc.remoteSources().first().id, {}); // the test server's default user
        ChartDock dock(&doc);
        dock.resize(1200, 1000);
        dock.show();
        QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady() && !dock.controller()->isBusy() && !answered.isEmpty(), 60'000);
        QVERIFY2(answered.last().at(1).toStringList().isEmpty(),
                 qPrintable(answered.last().at(1).toStringList().join(u'\n')));
        const ChartData &shown = dock.plot()->chartData();
        QCOMPARE(shown.response.size(), std::size_t(3));
        for (const NamedSeries &s : shown.response)
            QCOMPARE(s.name, Site);
        QVERIFY(dock.plot()->isPaneShown(ChartPlot::Response));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + u"/remote-response-pane.png"_qs));
    }
};

QTEST_MAIN(TstRemoteResponse)
#include "tst_remoteresponse.moc"

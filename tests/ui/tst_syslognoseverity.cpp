// A system log whose lines state no severity at all (no <PRI>, no vendor mnemonic, no level
// word: tests/data/syslogplain/appliances.log, written by hand) still shows its events in the
// chart's syslog lane, as a neutral "no severity" band that the lane's caption and the tracer
// name; a syslog whose lines mostly imply a severity keeps its severity bands beside it. With INQUEST_SCREENSHOTS set,
// writes the chart.
#include "testlib/importedoutage.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

const QString Plain = QStringLiteral(INQUEST_TEST_DATA "/syslogplain/appliances.log");

// The lines' times as a person reads them ("Dec 12 21:03:50", year 2010, UTC), in seconds.
QList<qint64> lineTimes(const QString &path)
{
    QList<qint64> times;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return times;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        QDateTime t = QLocale::c().toDateTime(u"2010 "_qs + line.left(15), u"yyyy MMM dd HH:mm:ss"_qs);
        t.setTimeZone(QTimeZone::utc());
        times.append(t.toSecsSinceEpoch());
    }
    return times;
}

const NamedSeries *group(const ChartData &data, const QString &name)
{
    for (const NamedSeries &s : data.severity) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

double total(const BinnedSeries &s)
{
    double sum = 0;
    for (double v : s.values)
        sum += v;
    return sum;
}

// The bars the syslog lane draws for a group, by name.
QCPBars *bars(ChartPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *b = qobject_cast<QCPBars *>(plot->plottable(i));
        if (b && b->name() == name && b->valueAxis()->axisRect() == plot->pane(ChartPlot::Syslog))
            return b;
    }
    return nullptr;
}

} // namespace

class TestSyslogNoSeverity : public QObject
{
    Q_OBJECT

    static void settle(ChartDock &dock)
    {
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady(), 30000);
        QTest::qWait(ChartController::CoalesceMs * 3);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.controller()->isBusy(), 30000);
        dock.plot()->replot(QCustomPlot::rpImmediateRefresh);
    }

private slots:
    void aLogWithoutSeveritiesStillFillsTheLane()
    {
        CaseDocument doc;
        QVERIFY(testing::importInto(&doc, Plain, 2010));
        ChartDock dock(&doc);
        dock.resize(1400, 800);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        settle(dock);
        dock.fitAll();
        settle(dock);
        ChartPlot *plot = dock.plot();
        QVERIFY(plot->isVisible()); // events are loaded: no empty state
        QVERIFY(plot->isPaneShown(ChartPlot::Syslog));
        const ChartData &data = plot->chartData();
        // One band, and it is no severity: nothing is guessed into emerg–err or notice–debug.
        QCOMPARE(data.severity.size(), std::size_t(1));
        const NamedSeries *none = group(data, severityGroupName(SeverityGroups - 1));
        QVERIFY(none);
        const QList<qint64> times = lineTimes(Plain);
        QCOMPARE(times.size(), 14);
        QCOMPARE(total(none->series), double(times.size()));
        // Bin by bin, what the lines say.
        for (std::size_t b = 0; b < none->series.size(); ++b) {
            const qint64 from = none->series.start(b) / 1'000'000, to = from + none->series.widthUs / 1'000'000;
            const auto inBin = std::count_if(times.begin(), times.end(), [&](qint64 t) { return t >= from && t < to; });
            QCOMPARE(none->series.values[b], double(inBin));
        }
        // Drawn in the neutral colour (the first band of the stack, yet not the red of errors),
        // and named by the lane's caption.
        QCPBars *drawn = bars(plot, none->name);
        QVERIFY(drawn);
        QVERIFY(drawn->dataCount() > 0);
        QCOMPARE(drawn->brush().color(), QColor(0x56, 0x8F, 0xC6));
        const QString caption = plot->caption(ChartPlot::Syslog)->text();
        QVERIFY2(caption.contains(u"no severity stated"_qs), qPrintable(caption));
        QVERIFY(plot->pane(ChartPlot::Syslog)->axis(QCPAxis::atLeft)->range().upper >= 1);

        // The tracer counts them in the bin under the mouse (21:03:50 and 21:03:52 share a minute).
        plot->setVisibleRange(qint64(lineTimes(Plain)[4] - 600) * 1'000'000,
                              qint64(lineTimes(Plain)[4] + 600) * 1'000'000);
        settle(dock);
        const double key = double(times[4]);
        const QPoint at(qRound(plot->timeAxis()->coordToPixel(key)),
                        plot->pane(ChartPlot::Syslog)->rect().center().y());
        QTest::mouseMove(plot, at);
        QTRY_VERIFY(plot->tracer()->isShown());
        const ChartData &zoomed = plot->chartData();
        const qint64 binS =
            qint64(plot->timeAxis()->pixelToCoord(at.x()) * 1e6) / zoomed.widthUs * zoomed.widthUs / 1'000'000;
        const auto expected = std::count_if(
            times.begin(), times.end(), [&](qint64 t) { return t >= binS && t < binS + zoomed.widthUs / 1'000'000; });
        QVERIFY(expected >= 1);
        const QString text = plot->tracer()->text();
        QVERIFY2(text.contains(u"syslog no severity: %1"_qs.arg(expected)), qPrintable(text));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty()) {
            dock.fitAll();
            settle(dock);
            QVERIFY(dock.grab().save(dir + u"/syslog-no-severity.png"_qs));
        }
    }

    void severitiesAndUnstatedOnesSideBySide()
    {
        // The hand-written datacenter syslog of tests/data/outage: eight of its fourteen lines
        // imply a severity (five vendor mnemonics, the Junos link-down tag, EDAC's "error",
        // MySQL's [Warning]); its cron, sshd, haproxy and NIC lines state none. With the plain
        // log, every system-log line of the case is in the lane, once.
        CaseDocument doc;
        QVERIFY(testing::importInto(&doc, QStringLiteral(INQUEST_TEST_DATA "/outage/datacenter.syslog"), 2010));
        QVERIFY(testing::importInto(&doc, Plain, 2010));
        ChartDock dock(&doc);
        dock.resize(1600, 1000);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        settle(dock);
        dock.fitAll();
        settle(dock);
        const ChartData &data = dock.plot()->chartData();
        QCOMPARE(data.severity.size(), std::size_t(SeverityGroups));
        double inLane = 0;
        for (const NamedSeries &s : data.severity)
            inLane += total(s.series);
        QCOMPARE(inLane, double(14 + 14));
        const NamedSeries *none = group(data, severityGroupName(SeverityGroups - 1));
        QVERIFY(none);
        QCOMPARE(total(none->series), double(14 + 14 - 8));
        QCOMPARE(total(group(data, severityGroupName(1))->series), 1.0); // MySQL's [Warning]
        // Colours go by group, whatever else the lane holds.
        QCOMPARE(bars(dock.plot(), severityGroupName(0))->brush().color(), QColor(0xB0, 0x00, 0x20));
        QCOMPARE(bars(dock.plot(), severityGroupName(1))->brush().color(), QColor(0xE6, 0x9F, 0x00));
        QCOMPARE(bars(dock.plot(), severityGroupName(3))->brush().color(), QColor(0x56, 0x8F, 0xC6));
        if (const QString out = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !out.isEmpty())
            QVERIFY(dock.grab().save(out + u"/syslog-mixed-severity.png"_qs));
    }
};

QTEST_MAIN(TestSyslogNoSeverity)
#include "tst_syslognoseverity.moc"

// The analyst's curves in different units each read on an axis of their own: on a hand-written
// access log with response times (tests/data/curves), a count of failures and a mean response
// time in ms are drawn against two right axes, each fitted to its own data and titled with its
// unit; curves of one unit share an axis; the requests keep their scale on the left.
#include "charts/chartcontroller.h"
#include "charts/chartcurveaxes.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"
#include "charts/chartusercurves.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/curveedits.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

using namespace inquest;

namespace {
const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");

// The highest value a curve draws in the view (NaN bins of a mean are gaps).
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

double highest(QCPAbstractPlottable *p)
{
    bool found = false;
    const QCPRange r = p->getValueRange(found, QCP::sdBoth, p->keyAxis()->range());
    return found ? r.upper : 0;
}

CurveSpec curve(const QString &name, const QString &filter, const QString &aggregate)
{
    CurveSpec c;
    c.name = name;
    c.filter = filter;
    QString error;
    if (!parseCurveAggregate(aggregate, &c, &error))
        qFatal("%s", qPrintable(error));
    return c;
}
} // namespace

class TestCurveAxes : public QObject
{
    Q_OBJECT

    CaseDocument m_doc;
    std::unique_ptr<ChartDock> m_dock;

    ChartUserCurves *curves() const { return m_dock->userCurves(); }
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady() && !m_dock->controller()->isBusy() && !curves()->isBusy(), 30000);
        QTest::qWait(50);
        m_dock->plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    QCPAbstractPlottable *drawn(const QString &name) const
    {
        for (QCPAbstractPlottable *p : curves()->plottables()) {
            if (p->name().startsWith(name + QStringLiteral(" —")))
                return p;
        }
        return nullptr;
    }
    // The axis reaches above the curve's top, but not so far that the curve is squashed.
    static void verifyFits(QCPAbstractPlottable *p)
    {
        const double top = highest(p);
        QVERIFY2(top > 0, qPrintable(p->name()));
        const QCPRange r = p->valueAxis()->range();
        QCOMPARE(r.lower, 0.0);
        QVERIFY2(r.upper >= top && r.upper <= top * 1.5,
                 qPrintable(QStringLiteral("%1: top %2, axis to %3").arg(p->name()).arg(top).arg(r.upper)));
    }

private slots:
    void initTestCase()
    {
        const ImportResult r = importLogFile(Log, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        CaseData data = CaseData::create(QStringLiteral("Checkout outage"));
        Source s = *r.source;
        s.id = data.nextId++;
        data.sources.append(s);
        m_doc.reset(data);
        m_dock = std::make_unique<ChartDock>(&m_doc);
        m_dock->resize(1400, 700);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
        m_dock->controller()->setPinnedWidth(60 * 1'000'000);
        settle();
        m_dock->fitAll();
        settle();
    }

    void cleanupTestCase() { m_dock.reset(); }

    void countAndMillisecondsOnAxesOfTheirOwn()
    {
        const QCPRange requestsBefore = m_dock->plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft)->range();
        edit::addCurve(&m_doc,
                       curve(QStringLiteral("failed checkout"), QStringLiteral("status:5xx"), QStringLiteral("count")));
        edit::addCurve(&m_doc, curve(QStringLiteral("response"), QString(), QStringLiteral("mean(response)")));
        settle();
        QCOMPARE(curves()->plottables().size(), 2);
        QCPAbstractPlottable *count = drawn(QStringLiteral("failed checkout"));
        QCPAbstractPlottable *ms = drawn(QStringLiteral("response"));
        QVERIFY(count && ms);
        // Six 5xx in the log, four of them in 21:02, whose responses took 1725 ms on average.
        QCOMPARE(highest(count), 4.0);
        QCOMPARE(highest(ms), 1725.0);
        QVERIFY(count->valueAxis() != ms->valueAxis());
        QVERIFY(count->valueAxis() != m_dock->plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft));
        verifyFits(count);
        verifyFits(ms);
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_dock->grab().save(dir + QStringLiteral("/curveaxes-count-and-ms.png")));
        // Each axis is shown, titled with its unit, and has its own place on the right.
        for (QCPAbstractPlottable *p : {count, ms}) {
            QVERIFY(p->valueAxis()->visible());
            QVERIFY(p->valueAxis()->tickLabels());
            QCOMPARE(p->valueAxis()->axisType(), QCPAxis::atRight);
        }
        QVERIFY2(count->valueAxis()->label().startsWith(QStringLiteral("events\nper minute")),
                 qPrintable(count->valueAxis()->label()));
        QCOMPARE(ms->valueAxis()->label(), QStringLiteral("ms"));
        QVERIFY(count->valueAxis()->offset() != ms->valueAxis()->offset());
        QCOMPARE(curves()->axes().axesInUse().size(), 2);
        // The tracer over 21:02 reads both, each in its unit.
        ChartPlot *plot = m_dock->plot();
        const QPoint at(qRound(plot->timeAxis()->coordToPixel(double(utc("2010-12-12T21:02:30Z")) / 1e6)),
                        plot->pane(ChartPlot::Traffic)->rect().center().y());
        QTest::mouseMove(plot, at);
        QTRY_VERIFY(plot->tracer()->isShown());
        const QString tip = plot->tracer()->text();
        QVERIFY2(tip.contains(QStringLiteral("failed checkout \u2014 count: 4 events")), qPrintable(tip));
        QVERIFY2(tip.contains(
                     QStringLiteral("response \u2014 mean(response): %1 ms").arg(QLocale().toString(1725.0, 'g', 6))),
                 qPrintable(tip));
        // The requests on the left keep their scale.
        QCOMPARE(m_dock->plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft)->range(), requestsBefore);
    }

    void curvesOfOneUnitShareAnAxis()
    {
        edit::addCurve(&m_doc,
                       curve(QStringLiteral("checkout"), QStringLiteral("path:/checkout"), QStringLiteral("count")));
        edit::addCurve(&m_doc, curve(QStringLiteral("slowest"), QString(), QStringLiteral("max(response)")));
        settle();
        QCOMPARE(curves()->plottables().size(), 4);
        QCOMPARE(drawn(QStringLiteral("checkout"))->valueAxis(), drawn(QStringLiteral("failed checkout"))->valueAxis());
        QCOMPARE(drawn(QStringLiteral("slowest"))->valueAxis(), drawn(QStringLiteral("response"))->valueAxis());
        QCOMPARE(curves()->axes().axesInUse().size(), 2);
        // A shared axis fits the higher of its curves: seven requests to /checkout, at most
        // three in a minute, below the four failures of 21:02; the slowest response 3000 ms.
        QCPAxis *counts = drawn(QStringLiteral("checkout"))->valueAxis();
        const double top =
            qMax(highest(drawn(QStringLiteral("checkout"))), highest(drawn(QStringLiteral("failed checkout"))));
        QVERIFY(counts->range().upper >= top && counts->range().upper <= top * 1.5);
        QCPAxis *times = drawn(QStringLiteral("slowest"))->valueAxis();
        QVERIFY(times->range().upper >= 3000 && times->range().upper <= 4500);
        // A sum of bytes grows with the bin: not read against a mean of bytes.
        edit::addCurve(&m_doc, curve(QStringLiteral("bytes out"), QString(), QStringLiteral("sum(bytes)")));
        edit::addCurve(&m_doc, curve(QStringLiteral("page size"), QString(), QStringLiteral("mean(bytes)")));
        settle();
        QVERIFY(drawn(QStringLiteral("bytes out"))->valueAxis() != drawn(QStringLiteral("page size"))->valueAxis());
        QCOMPARE(curves()->axes().axesInUse().size(), 4);
        verifyFits(drawn(QStringLiteral("bytes out")));
        verifyFits(drawn(QStringLiteral("page size")));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_dock->grab().save(dir + QStringLiteral("/curveaxes-four-units.png")));
    }

    // A drag of the chart by the mouse, frame by frame: the curves' axes are fitted when the
    // bins are made again, not on every frame of the drag (the scale would jump under the
    // hand), and the drag does re-bin once it leaves the binned margin.
    void panRefitsOnlyWithTheBins()
    {
        ChartPlot *plot = m_dock->plot();
        m_dock->controller()->setPinnedWidth(5 * 1'000'000);
        settle();
        const QCPRange before = plot->timeAxis()->range();
        const int fits = curves()->axes().fitCount();
        QSignalSpy rebins(m_dock->controller(), &ChartController::rebinned);
        const QRect pane = plot->pane(ChartPlot::Traffic)->rect();
        QPoint at(pane.left() + pane.width() / 4, pane.center().y());
        QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, at);
        constexpr int Frames = 60;
        for (int i = 0; i < Frames; ++i) {
            at.rx() += pane.width() / 40; // a view and a half to the left: past the binned margin
            QMouseEvent move(QEvent::MouseMove, at, plot->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(plot, &move);
            QTest::qWait(16);
        }
        QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, at);
        settle();
        QVERIFY2(plot->timeAxis()->range().lower < before.lower - before.size(),
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.lower).arg(plot->timeAxis()->range().lower)));
        const int refits = curves()->axes().fitCount() - fits;
        QVERIFY2(!rebins.isEmpty(), "the drag past the margin re-binned");
        QVERIFY2(
            refits <= rebins.size(),
            qPrintable(
                QStringLiteral("%1 refits for %2 re-bins in %3 frames").arg(refits).arg(rebins.size()).arg(Frames)));
        QVERIFY2(rebins.size() < Frames / 4, qPrintable(QString::number(rebins.size())));
        m_dock->controller()->setPinnedWidth(60 * 1'000'000);
        m_dock->fitAll();
        settle();
    }

    void removedCurvesFreeTheirAxes()
    {
        while (m_doc.curves().size() > 1)
            edit::removeCurve(&m_doc, m_doc.curves().last().id);
        settle();
        QCOMPARE(curves()->plottables().size(), 1);
        QCOMPARE(curves()->axes().axesInUse().size(), 1);
        int shown = 0;
        for (QCPAxis *a : m_dock->plot()->pane(ChartPlot::Traffic)->axes(QCPAxis::atRight))
            shown += a->visible();
        QCOMPARE(shown, 1);
        verifyFits(curves()->plottables().front());
        edit::removeCurve(&m_doc, m_doc.curves().last().id);
        settle();
        QVERIFY(curves()->axes().axesInUse().isEmpty());
        for (QCPAxis *a : m_dock->plot()->pane(ChartPlot::Traffic)->axes(QCPAxis::atRight))
            QVERIFY(!a->visible());
    }
};

QTEST_MAIN(TestCurveAxes)
#include "tst_curveaxes.moc"

// The Charts dock as an analyst uses it: clicks, drags, keys, undo, export.
#include "testlib/syntheticincident.h"

#include "analysis/rangestats.h"
#include "analysis/siteevents.h"
#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartfigurerenderer.h"

#include "charts/chartmarks.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"
#include "model/casedocument.h"
#include <QProcess>
#include <QStandardPaths>

#include <QAction>
#include <QPdfWriter>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestChartDock : public QObject
{
    Q_OBJECT

private:
    CaseDocument *m_doc = nullptr;
    ChartDock *m_dock = nullptr;
    CaseData m_data;

    ChartPlot *plot() const { return m_dock->plot(); }
    QPoint at(qint64 us, ChartPlot::Pane pane) const
    {
        const int x = qRound(plot()->timeAxis()->coordToPixel(double(us) / 1e6));
        return {x, plot()->pane(pane)->rect().center().y()};
    }
    qint64 usAt(int x) const { return std::llround(plot()->timeAxis()->pixelToCoord(x) * 1e6); }
    void settle()
    {
        // Let the coalescing timer and any re-bin finish.
        QTest::qWait(ChartController::CoalesceMs * 3);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dock->controller()->isBusy(), 30000);
        plot()->replot(QCustomPlot::rpImmediateRefresh);
    }

private slots:
    void init()
    {
        testing::IncidentSpec spec;
        spec.sites = 3;
        spec.events = 40000;
        spec.spanUs = qint64(2) * 3600 * 1'000'000;
        m_data = testing::makeIncident(spec);
        m_doc = new CaseDocument;
        m_doc->reset(m_data);
        m_dock = new ChartDock(m_doc);
        m_dock->resize(1400, 900);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock));
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady(), 60000);
        settle();
    }

    void cleanup()
    {
        delete m_dock;
        delete m_doc;
    }

    void showsEverySiteAndTheCaseMarks()
    {
        const ChartData &d = plot()->chartData();
        QCOMPARE(int(d.traffic.size()), 3);
        QCOMPARE(d.severity.size(), std::size_t(3)); // the syslog lane
        QCOMPARE(plot()->legend->itemCount(), 3);
        // Two statements and the outage window from the case.
        QCOMPARE(plot()->marks()->marks().size(), 3);
        // Whole case visible, drawn from at most a few thousand bins.
        QVERIFY(plot()->visibleFromUs() <= m_data.sources[0].firstTime);
        QVERIFY(d.traffic[0].series.size() < 5000);
    }

    void clickOnABinAsksForItsLines()
    {
        QSignalSpy spy(m_dock, &ChartDock::timeRangeActivated);
        const qint64 w = m_dock->controller()->currentWidth();
        QVERIFY(w > 0);
        // Click the tallest site's curve in a bin where it stands well clear of the others.
        const ChartData &d = plot()->chartData();
        QCPAxis *y = plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft);
        const qint64 from = plot()->visibleFromUs() + (plot()->visibleToUs() - plot()->visibleFromUs()) / 10;
        bool clicked = false;
        for (std::size_t b = 0; b < d.traffic[0].series.size() && !clicked; ++b) {
            const qint64 start = d.traffic[0].series.start(b);
            if (start < from)
                continue;
            std::vector<std::pair<double, int>> px;
            for (int s = 0; s < 3; ++s) {
                const auto &ser = d.traffic[std::size_t(s)].series;
                px.emplace_back(y->coordToPixel(ser.values[std::size_t(start / w - ser.firstIndex)]), s);
            }
            std::sort(px.begin(), px.end());
            if (px[1].first - px[0].first < 40)
                continue;
            const qint64 t = start + w / 2;
            QTest::mouseClick(plot(), Qt::LeftButton, Qt::NoModifier,
                              QPoint(at(t, ChartPlot::Traffic).x(), qRound(px[0].first)));
            QCOMPARE(spy.count(), 1);
            const auto args = spy.takeFirst();
            const qint64 begin = args.at(0).toLongLong(), end = args.at(1).toLongLong();
            QCOMPARE(end - begin, w);
            QCOMPARE(begin % w, 0);
            QVERIFY(begin <= usAt(at(t, ChartPlot::Traffic).x()) && usAt(at(t, ChartPlot::Traffic).x()) < end);
            QCOMPARE(args.at(2).toString(), d.traffic[std::size_t(px[0].second)].name);
            clicked = true;
        }
        QVERIFY(clicked);
        // A click in the syslog lane names no site.
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::NoModifier, at(m_data.markers[0].begin, ChartPlot::Syslog));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(2).toString(), QString());
    }

    void dragARangeAndCreateEvidence()
    {
        const qint64 a = m_data.markers[0].begin, b = m_data.markers[0].end;
        const QPoint p1 = at(a, ChartPlot::Traffic), p2 = at(b, ChartPlot::Traffic);
        QVERIFY(!m_dock->newEvidenceAction()->isEnabled());
        QTest::mousePress(plot(), Qt::LeftButton, Qt::ShiftModifier, p1);
        QTest::mouseMove(plot(), (p1 + p2) / 2);
        QTest::mouseMove(plot(), p2);
        QTest::mouseRelease(plot(), Qt::LeftButton, Qt::ShiftModifier, p2);
        QVERIFY(m_dock->newEvidenceAction()->isEnabled());
        const auto [begin, end] = plot()->selection();
        QCOMPARE(begin, usAt(p1.x()));
        QCOMPARE(end, usAt(p2.x()));

        const int before = int(m_doc->evidence().size());
        const int marksBefore = int(plot()->marks()->marks().size());
        m_dock->newEvidenceAction()->trigger();
        QCOMPARE(int(m_doc->evidence().size()), before + 1);
        const Evidence &e = m_doc->evidence().last();
        QCOMPARE(e.origin, u"chart"_qs);
        QCOMPARE(e.provenance.timeBegin, begin);
        QCOMPARE(e.provenance.timeEnd, end);
        QCOMPARE(e.provenance.metric, u"requests"_qs);
        // The figures are those of the events in the range and in the window before it.
        qint64 inRange = 0, inBaseline = 0;
        for (const Source &s : m_data.sources) {
            if (s.site.isEmpty())
                continue;
            for (qint64 t : s.table->time) {
                inRange += t >= begin && t < end;
                inBaseline += t >= begin - (end - begin) && t < begin;
            }
        }
        QVERIFY2(e.description.contains(u"Requests: %1 (baseline %2, \u00d7"_qs.arg(inRange).arg(inBaseline)),
                 qPrintable(e.description));
        QVERIFY(e.title.contains(u"requests \u00d7"_qs));
        QCOMPARE(int(plot()->marks()->marks().size()), marksBefore + 1); // its range is drawn

        m_doc->undoStack()->undo();
        QCOMPARE(int(m_doc->evidence().size()), before);
        QCOMPARE(int(plot()->marks()->marks().size()), marksBefore);
    }

    void drawAnOutageWindowAndUndoIt()
    {
        const int before = int(m_doc->markers().size());
        const qint64 a = m_data.sources[0].firstTime + 600'000'000, b = a + 900'000'000;
        const QPoint p1 = at(a, ChartPlot::Errors), p2 = at(b, ChartPlot::Errors);
        QTest::mousePress(plot(), Qt::LeftButton, Qt::ControlModifier, p1);
        QTest::mouseMove(plot(), p2);
        QTest::mouseRelease(plot(), Qt::LeftButton, Qt::ControlModifier, p2);
        QCOMPARE(int(m_doc->markers().size()), before + 1);
        const Marker m = m_doc->markers().last();
        QVERIFY(m.kind == MarkerKind::Outage);
        QCOMPARE(m.begin, usAt(p1.x()));
        QCOMPARE(m.end, usAt(p2.x()));
        QCOMPARE(plot()->marks()->markerAt(at((a + b) / 2, ChartPlot::Clients)), m.id);
        m_doc->undoStack()->undo();
        QCOMPARE(int(m_doc->markers().size()), before);
        QVERIFY(plot()->marks()->markerAt(at((a + b) / 2, ChartPlot::Clients)) != m.id);
        m_doc->undoStack()->redo();
        QVERIFY(m_doc->markers().last() == m);
    }

    void zoomKeysRebinAndPanKeepsWidth()
    {
        plot()->setFocus();
        const qint64 span = plot()->visibleToUs() - plot()->visibleFromUs();
        const qint64 width = m_dock->controller()->currentWidth();
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(plot(), Qt::Key_Plus);
        settle();
        const qint64 zoomed = plot()->visibleToUs() - plot()->visibleFromUs();
        QVERIFY(zoomed < span / 8);
        QVERIFY(m_dock->controller()->currentWidth() < width); // finer bins followed the zoom
        QCOMPARE(m_dock->controller()->currentWidth(), m_dock->controller()->wantedWidth());
        const qint64 from = plot()->visibleFromUs();
        const qint64 w = m_dock->controller()->currentWidth();
        QTest::keyClick(plot(), Qt::Key_Right);
        settle();
        QVERIFY(plot()->visibleFromUs() > from);
        QCOMPARE(m_dock->controller()->currentWidth(), w);
        QTest::keyClick(plot(), Qt::Key_Minus);
        settle();
        QVERIFY(plot()->visibleToUs() - plot()->visibleFromUs() > zoomed);

        // Pinning the width overrides the zoom.
        m_dock->controller()->setPinnedWidth(3600 * UsPerSecond);
        settle();
        QCOMPARE(m_dock->controller()->currentWidth(), 3600 * UsPerSecond);
        m_dock->fitAll();
        m_dock->zoomToOutage();
        settle();
        QVERIFY(plot()->visibleFromUs() < m_data.markers[0].begin && plot()->visibleToUs() > m_data.markers[0].end);
        QVERIFY(plot()->visibleToUs() - plot()->visibleFromUs() <
                3 * (m_data.markers[0].end - m_data.markers[0].begin));
    }

    void dragPansWheelZoomsTimeOnly()
    {
        const QCPRange y = plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft)->range();
        const qint64 from = plot()->visibleFromUs();
        const QPoint p = at((plot()->visibleFromUs() + plot()->visibleToUs()) / 2, ChartPlot::Traffic);
        QTest::mousePress(plot(), Qt::LeftButton, Qt::NoModifier, p);
        QTest::mouseMove(plot(), p + QPoint(200, 60));
        QTest::mouseRelease(plot(), Qt::LeftButton, Qt::NoModifier, p + QPoint(200, 60));
        QVERIFY(plot()->visibleFromUs() < from); // dragged right = earlier times
        QCOMPARE(plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft)->range().lower, y.lower);
    }

    void hoverShowsEveryCurveOnTheOverlay()
    {
        const QPoint p = at(m_data.markers[0].begin + 60'000'000, ChartPlot::Traffic);
        QTest::mouseMove(plot(), p);
        QTRY_VERIFY(plot()->tracer()->isShown());
        const QString text = plot()->tracer()->text();
        for (int s = 0; s < 3; ++s)
            QVERIFY2(text.contains(testing::siteName(s) + u": "_qs), qPrintable(text));
        QVERIFY(text.contains(u"5xx"_qs));
        QVERIFY(text.contains(u"syslog"_qs));
    }

    void exportsPngPdfAndCsv()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(m_dock->exportPng(dir.filePath(u"c.png"_qs), &error));
        QVERIFY(m_dock->exportPdf(dir.filePath(u"c.pdf"_qs), &error));
        QVERIFY(m_dock->exportCsv(dir.filePath(u"c.csv"_qs), &error));
        QImage png(dir.filePath(u"c.png"_qs));
        QVERIFY(png.width() >= plot()->width());
        QFile pdf(dir.filePath(u"c.pdf"_qs));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QFile csv(dir.filePath(u"c.csv"_qs));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QCOMPARE(text, m_dock->visibleCsv()); // file and clipboard share the writer
        const QString header = text.section(u'\n', 0, 0);
        QVERIFY(header.startsWith(u"time,"_qs));
        QVERIFY(header.contains(testing::siteName(1) + u" requests"_qs));
        QVERIFY(!m_dock->exportCsv(dir.filePath(u"no/such/dir/c.csv"_qs), &error));
        QVERIFY(error.contains(u"no/such/dir"_qs));
    }

    void figureRendererDrawsVector()
    {
        ChartSpec spec;
        spec.caseData = &m_doc->data();
        spec.title = u"Traffic and errors"_qs;
        spec.metrics = {Metric::Requests, Metric::ErrorRate};
        ChartFigureRenderer renderer;
        const QPicture pic = renderer.picture(spec);
        QVERIFY(pic.size() > 1000);
        QVERIFY(pic.boundingRect().width() > 500);
        QTemporaryDir dir;
        QPdfWriter pdf(dir.filePath(u"f.pdf"_qs));
        QPainter painter(&pdf);
        QVERIFY(renderer.render(spec, &painter, QRectF(0, 0, pdf.width(), pdf.height() / 2)));
        painter.end();
        QVERIFY(QFileInfo(dir.filePath(u"f.pdf"_qs)).size() > 2000);
        // Vector, not a picture of one: no image in the PDF, and the title and the axis
        // labels are text a reader can search.
        if (QStandardPaths::findExecutable(u"pdfimages"_qs).isEmpty() ||
            QStandardPaths::findExecutable(u"pdftotext"_qs).isEmpty())
            QSKIP("poppler-utils (pdfimages, pdftotext) are not installed");
        QProcess images;
        images.start(u"pdfimages"_qs, {u"-list"_qs, dir.filePath(u"f.pdf"_qs)});
        QVERIFY(images.waitForFinished());
        const QStringList rows = QString::fromUtf8(images.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 2); // the header lines only
        QProcess text;
        text.start(u"pdftotext"_qs, {dir.filePath(u"f.pdf"_qs), u"-"_qs});
        QVERIFY(text.waitForFinished());
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(words.contains(u"and errors"_qs), qPrintable(words));
        QVERIFY2(words.contains(u"UTC"_qs), qPrintable(words)); // the time axis label
        ChartSpec empty;
        QVERIFY(!renderer.render(empty, &painter, QRectF(0, 0, 10, 10)));
    }
};

QTEST_MAIN(TestChartDock)
#include "tst_chartdock.moc"

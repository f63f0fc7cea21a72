// One display zone for the whole workbench, on a case imported from access logs and a syslog
// declared in Tokyo time: the chart's zone picker lists the case's zones and the common ones
// before every IANA zone and filters as one types; the zone picked is the case's, and the
// chart's time axis, the timeline's Time column and header, its filter fields (shown and typed)
// and the "Showing …" line all follow it.
#include "testlib/importedoutage.h"

#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/zonepicker.h"
#include "models/timelinemodel.h"
#include "timeline/timelineview.h"

#include "model/viewedits.h"

#include <QCompleter>
#include <QDateTime>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <ctime>

using namespace inquest;

class TestDisplayZone : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseDocument> m_doc;
    std::unique_ptr<ChartDock> m_chart;
    std::unique_ptr<TimelineView> m_timeline;

    ZonePicker *picker() const { return m_chart->findChild<ZonePicker *>(u"zoneCombo"_qs); }
    QString cell(int row) const { return m_timeline->model()->index(row, TimelineModel::Time).data().toString(); }
    void pick(const QByteArray &id)
    {
        const int i = picker()->findData(id);
        QVERIFY(i >= 0);
        picker()->setCurrentIndex(i);
        emit picker()->activated(i); // what a person's choice emits
    }

    // The labels of the chart's time axis (on the lowest pane shown), as drawn.
    QStringList tickLabels() const
    {
        ChartPlot *plot = m_chart->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        for (int p = ChartPlot::PaneCount - 1; p >= 0; --p) {
            if (plot->isPaneShown(ChartPlot::Pane(p)))
                return plot->timeAxis(ChartPlot::Pane(p))->tickVectorLabels().toList();
        }
        return {};
    }

private slots:
    // This machine's own zone is not the display zone: the chart must not fall back on it.
    void initTestCase()
    {
        qputenv("TZ", "Europe/Berlin");
        tzset();
    }

    void init()
    {
        m_doc = std::make_unique<CaseDocument>();
        const QString access = m_dir.filePath(u"www.shop.co.uk-access.log"_qs);
        testing::writeAccessLog(access, true, 7);
        QVERIFY(testing::importInto(m_doc.get(), access));
        ImportOptions tokyo;
        tokyo.year = 2010;
        tokyo.timeZone = u"Asia/Tokyo"_qs;
        const ImportResult r = importLogFile(QStringLiteral(INQUEST_TEST_DATA "/sites/shops/datacenter.syslog"), tokyo);
        QVERIFY(r.source);
        edit::addSource(m_doc.get(), *r.source);
        m_chart = std::make_unique<ChartDock>(m_doc.get());
        m_chart->resize(1200, 700);
        m_chart->show();
        m_timeline = std::make_unique<TimelineView>(m_doc.get());
        m_timeline->resize(1200, 500);
        m_timeline->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_timeline.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_chart->binsReady(), 30000);
        QTRY_VERIFY(m_timeline->model()->rowCount() > 1000);
    }
    void cleanup()
    {
        m_timeline.reset();
        m_chart.reset();
        m_doc.reset();
    }

    void thePickerListsTheCasesZonesAndCommonOnesFirst()
    {
        ZonePicker *z = picker();
        QVERIFY(z->isEditable());
        QCOMPARE(z->itemData(0).toByteArray(), QByteArray("UTC"));
        const int tokyo = z->findData(QByteArray("Asia/Tokyo"));
        const int london = z->findData(QByteArray("Europe/London"));
        const int abidjan = z->findData(QByteArray("Africa/Abidjan"));
        QVERIFY(tokyo > 0 && london > 0 && abidjan > 0);
        QVERIFY2(tokyo < london, "the case's own zone comes before the common ones");
        QVERIFY2(z->findData(QByteArray("America/New_York")) < abidjan, "common zones before the full list");
        QVERIFY(z->itemText(tokyo).contains(u"in this case"_qs));
        // Searchable: any part of the name, any case.
        z->completer()->setCompletionPrefix(u"york"_qs);
        QStringList found;
        for (int i = 0; z->completer()->setCurrentRow(i); ++i)
            found.append(z->completer()->currentCompletion());
        QVERIFY2(found.contains(u"America/New_York"_qs), qPrintable(found.join(u", ")));
    }

    // The time axis reads in the display zone, UTC until another is picked, whatever this
    // machine's zone (Berlin here, an hour ahead); ticks half a minute apart are told apart.
    void theTimeAxisTicksInTheDisplayZone()
    {
        const qint64 at2100 = QDateTime(QDate(2010, 12, 12), QTime(21, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        m_chart->plot()->setVisibleRange(at2100, at2100 + 6 * 60'000'000);
        QStringList labels = tickLabels();
        QVERIFY(labels.size() >= 3);
        for (const QString &label : std::as_const(labels))
            QVERIFY2(label.startsWith(u"21:0"_qs) && label.endsWith(u"12 Dec"_qs), qPrintable(labels.join(u" | ")));
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        pick("America/New_York");
        m_chart->plot()->setVisibleRange(at2100, at2100 + 6 * 60'000'000);
        labels = tickLabels();
        for (const QString &label : std::as_const(labels))
            QVERIFY2(label.startsWith(u"16:0"_qs), qPrintable(labels.join(u" | ")));
        m_doc->undoStack()->undo();
    }

    void everyTimeFollowsTheOneZone()
    {
        const QString utcFirst = cell(0);
        QCOMPARE(m_timeline->model()->headerData(TimelineModel::Time, Qt::Horizontal).toString(), u"Time (UTC)"_qs);
        QDateTime first = QDateTime::fromString(utcFirst, u"yyyy-MM-dd HH:mm:ss.zzz"_qs);
        first.setTimeZone(QTimeZone::utc());
        QVERIFY(first.isValid());
        pick("America/New_York");
        QCOMPARE(m_doc->meta().displayTimeZone, u"America/New_York"_qs);
        QCOMPARE(m_chart->plot()->timeZone(), QTimeZone("America/New_York"));
        QVERIFY(m_chart->plot()->timeAxisLabel().contains(u"America/New_York"_qs));
        QCOMPARE(m_timeline->model()->headerData(TimelineModel::Time, Qt::Horizontal).toString(),
                 u"Time (America/New_York)"_qs);
        QCOMPARE(cell(0), first.addSecs(-5 * 3600).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_qs)); // UTC-5 in December
        auto *from = m_timeline->findChild<QLineEdit *>(u"timelineFrom"_qs);
        auto *to = m_timeline->findChild<QLineEdit *>(u"timelineTo"_qs);
        QCOMPARE(from->placeholderText(), u"from (America/New_York)"_qs);

        // Typed without a zone: in the display zone. 16:05 in New York is 21:05 UTC.
        QTest::keyClicks(from, u"2010-12-12 16:05"_qs);
        QTest::keyClicks(to, u"2010-12-12 16:06"_qs);
        QTRY_VERIFY(m_timeline->model()->rowCount() < 200);
        QVERIFY(m_timeline->model()->rowCount() > 0);
        QVERIFY2(cell(0).startsWith(u"2010-12-12 16:05"_qs), qPrintable(cell(0)));
        const int rows = m_timeline->model()->rowCount();
        // A zone given wins: the same minute typed in UTC.
        from->clear();
        to->clear();
        QTest::keyClicks(from, u"2010-12-12T21:05:00Z"_qs);
        QTest::keyClicks(to, u"2010-12-12T21:06:00Z"_qs);
        QTest::qWait(400);
        QTRY_COMPARE(m_timeline->model()->rowCount(), rows);

        // The chart's "Showing …" line and a range sent to the filters speak the zone too.
        QSignalSpy status(m_chart.get(), &ChartDock::statusMessage);
        m_chart->showTimeRange(qint64(testing::OutageBegin) * 1'000'000, qint64(testing::OutageEnd) * 1'000'000,
                               QString());
        QVERIFY(!status.isEmpty());
        QVERIFY2(status.last().first().toString().contains(u"2010-12-12 16:05:00 EST"_qs),
                 qPrintable(status.last().first().toString()));
        m_timeline->showTimeRange(qint64(testing::OutageBegin) * 1'000'000, qint64(testing::OutageEnd) * 1'000'000,
                                  QString());
        QCOMPARE(from->text(), u"2010-12-12 16:05:00.000"_qs);

        // Undo: back to UTC everywhere, the filter's instants kept.
        m_doc->undoStack()->undo();
        QCOMPARE(m_chart->plot()->timeZone(), QTimeZone::utc());
        QCOMPARE(m_timeline->model()->headerData(TimelineModel::Time, Qt::Horizontal).toString(), u"Time (UTC)"_qs);
        QCOMPARE(from->text(), u"2010-12-12 21:05:00.000"_qs);
        QCOMPARE(picker()->currentData().toByteArray(), QByteArray("UTC"));
    }
};

QTEST_MAIN(TestDisplayZone)
#include "tst_displayzone.moc"

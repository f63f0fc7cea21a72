// The timeline's find bar (Ctrl+F, regex over raw lines, F3/Shift+F3, Enter, highlight, count)
// and the filters a person types (clock times, status codes, "filter by this host/client/path"),
// over logs imported from hand-written files.
#include "models/timelinemodel.h"
#include "timeline/timelinefilterbar.h"
#include "timeline/timelinefindbar.h"
#include "timeline/timelineview.h"

#include "analysis/searchcontroller.h"
#include "analysis/timelinecontroller.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/viewedits.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace inquest;

namespace {

QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/events/") + QLatin1StringView(name); }

Source imported(const QString &path, int year = 0)
{
    ImportOptions options;
    options.year = year;
    ImportResult r = importLogFile(path, options);
    return r.source ? *r.source : Source();
}

QString cell(TimelineModel *model, int row, int column) { return model->index(row, column).data().toString(); }

} // namespace

class TestTimelineSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDocument> m_doc;
    std::unique_ptr<TimelineView> m_view;

    TimelineModel *model() const { return m_view->model(); }
    QLineEdit *findEdit() const { return m_view->findChild<QLineEdit *>(QStringLiteral("timelineFind")); }
    QString count() const { return m_view->findChild<QLabel *>(QStringLiteral("timelineFindCount"))->text(); }
    int currentRow() const { return m_view->view()->currentIndex().row(); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_doc = std::make_unique<CaseDocument>();
        const QString access = m_dir->filePath(QStringLiteral("www-access.log"));
        QVERIFY(QFile::copy(fixture("www-access.log"), access));
        const Source a = imported(access);
        QCOMPARE(a.events, 14);
        edit::addSource(m_doc.get(), a);
        const Source s = imported(fixture("lb01.syslog"), 2010);
        QCOMPARE(s.events, 5);
        edit::addSource(m_doc.get(), s);
        m_view = std::make_unique<TimelineView>(m_doc.get());
        m_view->resize(1200, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QTRY_COMPARE(model()->rowCount(), 19);
    }
    void cleanup()
    {
        m_view.reset();
        m_doc.reset();
        m_dir.reset();
    }

    void ctrlFFindsStepsAndCounts()
    {
        // A shortcut fires in the active window only; without a window manager that is not a given.
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_view->view()->setFocus();
        QVERIFY(!m_view->findBar()->isVisible());
        QTest::keyClick(m_view->view(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(m_view->findBar()->isVisible());
        QVERIFY(findEdit()->hasFocus());
        QTest::keyClicks(findEdit(), QStringLiteral("\" 50[0-9] |is DOWN"));
        QTRY_COMPARE(count(), QStringLiteral("8 matches")); // six 5xx lines, two haproxy DOWN lines
        // Rows 3 (21:04:58 DOWN) and 5 (21:05:02 DOWN) then the 5xx lines, highlighted; others not.
        QVERIFY(model()->isHit(3));
        QVERIFY(!model()->isHit(4));
        QVERIFY(model()->index(3, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model()->index(4, 0).data(Qt::BackgroundRole).isValid());

        QTest::keyClick(findEdit(), Qt::Key_Return);
        QCOMPARE(currentRow(), 3);
        QCOMPARE(count(), QStringLiteral("1 of 8"));
        QTest::keyClick(findEdit(), Qt::Key_F3);
        QCOMPARE(currentRow(), 5);
        QCOMPARE(count(), QStringLiteral("2 of 8"));
        QVERIFY(cell(model(), currentRow(), TimelineModel::Message).contains(QStringLiteral("haproxy")) ||
                cell(model(), currentRow(), TimelineModel::SourceName) == QStringLiteral("lb01.syslog"));
        QTest::keyClick(m_view->view(), Qt::Key_F3);
        QCOMPARE(cell(model(), currentRow(), TimelineModel::Status), QStringLiteral("503"));
        QCOMPARE(count(), QStringLiteral("3 of 8"));
        QTest::keyClick(findEdit(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(currentRow(), 5);
        QTest::keyClick(findEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(currentRow(), 3);
        QTest::keyClick(findEdit(), Qt::Key_Return, Qt::ShiftModifier); // wraps to the last hit
        QCOMPARE(count(), QStringLiteral("8 of 8"));
        QCOMPARE(cell(model(), currentRow(), TimelineModel::Time), QStringLiteral("2010-12-12 21:07:45.000"));

        // Case-sensitive like grep; (?i) for insensitive.
        findEdit()->setText(QStringLiteral("GET /checkout"));
        QTRY_COMPARE(count(), QStringLiteral("1 match"));
        findEdit()->setText(QStringLiteral("(?i)GET /checkout"));
        QTRY_COMPARE(count(), QStringLiteral("2 matches"));
    }

    void invalidRegexIsReported()
    {
        m_view->openFind();
        QTest::keyClicks(findEdit(), QStringLiteral("GET /gp/(cart"));
        QTRY_COMPARE(count(), QStringLiteral("invalid regular expression"));
        QVERIFY(findEdit()->toolTip().contains(QStringLiteral("missing closing parenthesis")));
        QVERIFY(!findEdit()->styleSheet().isEmpty());
        QVERIFY(!model()->isHit(0));
        QTest::keyClick(findEdit(), Qt::Key_ParenRight);
        QTRY_COMPARE(count(), QStringLiteral("2 matches"));
        QVERIFY(findEdit()->styleSheet().isEmpty());
    }

    void searchFollowsTheFilter()
    {
        m_view->openFind();
        findEdit()->setText(QStringLiteral("shop-app"));
        QTRY_COMPARE(count(), QStringLiteral("2 matches"));
        auto *status = m_view->findChild<QComboBox *>(QStringLiteral("timelineStatus"));
        status->setEditText(QStringLiteral("503"));
        QTRY_COMPARE(model()->rowCount(), 5);
        QTRY_COMPARE(count(), QStringLiteral("1 match"));
    }

    void statusCodesAndClassesTyped()
    {
        auto *status = m_view->findChild<QComboBox *>(QStringLiteral("timelineStatus"));
        status->setEditText(QStringLiteral("000"));
        QTRY_COMPARE(model()->rowCount(), 2);
        status->setEditText(QStringLiteral("no-response"));
        QTRY_COMPARE(model()->rowCount(), 2);
        status->setEditText(QStringLiteral("5xx"));
        QTRY_COMPARE(model()->rowCount(), 6);
        status->setEditText(QStringLiteral("50"));
        QVERIFY(!status->styleSheet().isEmpty()); // not a status: marked, the last good one stays
        QTest::qWait(300);
        QCOMPARE(model()->rowCount(), 6);
    }

    void clockTimeFilter()
    {
        auto *from = m_view->findChild<QLineEdit *>(QStringLiteral("timelineFrom"));
        auto *to = m_view->findChild<QLineEdit *>(QStringLiteral("timelineTo"));
        QTest::keyClicks(from, QStringLiteral("21:05"));
        QTest::keyClicks(to, QStringLiteral("21:05:30"));
        QTRY_COMPARE(model()->rowCount(), 9); // 21:05:00 to 21:05:29 on the day shown, UTC
        QCOMPARE(cell(model(), 0, TimelineModel::Time), QStringLiteral("2010-12-12 21:05:02.000"));

        // In the case's display zone: 22:05 in Luxembourg is 21:05 UTC.
        edit::setDisplayTimeZone(m_doc.get(), QStringLiteral("Europe/Luxembourg"));
        from->clear();
        to->clear();
        QTest::keyClicks(from, QStringLiteral("22:05"));
        QTest::keyClicks(to, QStringLiteral("22:06"));
        QTRY_COMPARE(model()->rowCount(), 10);
        // Shown in that zone too: 21:05:30 UTC.
        QCOMPARE(cell(model(), 9, TimelineModel::Time), QStringLiteral("2010-12-12 22:05:30.000"));
    }

    void filterByThisHostClientPath()
    {
        QTableView *table = m_view->view();
        // Row 4 is the access log's 21:04:59 line from 198.51.100.9.
        QCOMPARE(cell(model(), 4, TimelineModel::Client), QStringLiteral("198.51.100.9"));
        const QRect rect = table->visualRect(model()->index(4, TimelineModel::Path));
        QTimer::singleShot(0, this, [] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QVERIFY(menu);
            QStringList texts;
            for (QAction *a : menu->actions())
                texts.append(a->text());
            QCOMPARE(texts, (QStringList{QStringLiteral("Filter by this host (www.shop.example)"),
                                         QStringLiteral("Filter by this client (198.51.100.9)"),
                                         QStringLiteral("Filter by this path (/dp/B0012345)")}));
            menu->actions().at(0)->trigger();
            menu->close();
        });
        emit table->customContextMenuRequested(rect.center());
        QTRY_COMPARE(model()->rowCount(), 11); // the access log's www.shop.example lines
        for (int r = 0; r < model()->rowCount(); ++r)
            QCOMPARE(cell(model(), r, TimelineModel::Site), QStringLiteral("www.shop.example"));

        m_view->filterBar()->setExact(TimelineFilterBar::Exact::Client, QStringLiteral("198.51.100.7"));
        QTRY_COMPARE(model()->rowCount(), 3);
        m_view->filterBar()->setExact(TimelineFilterBar::Exact::Path, QStringLiteral("/"));
        QTRY_COMPARE(model()->rowCount(), 2);
        auto *exact = m_view->findChild<QToolButton *>(QStringLiteral("timelineExact"));
        QVERIFY(exact->isVisible());
        QVERIFY(exact->text().contains(QStringLiteral("client = 198.51.100.7")));
        exact->click();
        QTRY_COMPARE(model()->rowCount(), 19);
        QVERIFY(!exact->isVisible());
    }
};

QTEST_MAIN(TestTimelineSearch)
#include "tst_timelinesearch.moc"

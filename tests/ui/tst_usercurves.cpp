// User-defined curves and event marks through the workbench, on a case imported from a
// hand-written access log: a curve added in its dialog is drawn, undone, redone, saved and
// reopened; timeline rows are starred, tagged and commented (drawn on the chart, kept in the
// case) and made into evidence; "Show on chart" applies an evidence item's own filter. With
// INQUEST_SCREENSHOTS set, writes the window with a user curve and event marks at 1600×1000.
#include "mainwindow.h"

#include "analysis/filterexpression.h"
#include "casefile/casefile.h"
#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartmarks.h"
#include "charts/chartplot.h"
#include "charts/chartusercurves.h"
#include "dialogs/curvedialog.h"
#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "models/timelinemodel.h"
#include "testlib/testprinters.h"
#include "timeline/timelinefilterbar.h"
#include "timeline/timelinerowactions.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

using namespace inquest;

namespace {
const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

// The sum of what a curve shows over every bin drawn (its events, for a count).
double total(QCPAbstractPlottable *p)
{
    double sum = 0;
    if (auto *g = qobject_cast<QCPGraph *>(p)) {
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            sum += std::isnan(it->value) ? 0 : it->value;
    } else if (auto *b = qobject_cast<QCPBars *>(p)) {
        for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
            sum += it->value;
    }
    return sum;
}
} // namespace

class TestUserCurves : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    CaseDocument *doc() const { return m_window->document(); }
    ChartDock *chart() const { return m_window->findChild<ChartDock *>(); }
    ChartUserCurves *curves() const { return chart()->userCurves(); }
    TimelineView *timeline() const { return m_window->timeline(); }
    CurveDialog *openDialog()
    {
        QAction *action = chart()->findChild<QAction *>(QStringLiteral("curvesAction"));
        if (!action)
            return nullptr;
        action->trigger();
        return chart()->findChild<CurveDialog *>();
    }
    // Selects the timeline rows holding these lines of the log (rows are in time order).
    void selectLines(const QList<int> &lines)
    {
        QTableView *view = timeline()->view();
        view->clearSelection();
        TimelineModel *model = timeline()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            const uint64_t e = model->entryAt(r);
            const auto &t = *model->timelineIndex()->sourceOf(e).table;
            if (lines.contains(int(t.line[timeline::rowOf(e)])))
                view->selectionModel()->select(model->index(r, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(chart()->binsReady() && !chart()->controller()->isBusy() && !curves()->isBusy(),
                                 30000);
        QTest::qWait(50);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
        const ImportResult r = importLogFile(Log, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        CaseData data = CaseData::create(QStringLiteral("Checkout outage"));
        Source s = *r.source;
        s.id = data.nextId++;
        data.sources.append(s);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        doc()->reset(data);
        QTRY_VERIFY_WITH_TIMEOUT(chart()->binsReady(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->rowCount(), 14, 60000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void addCurveInTheDialogUndoRedo()
    {
        CurveDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("curveName"));
        auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("curveFilter"));
        auto *add = dialog->findChild<QPushButton *>(QStringLiteral("curveAdd"));
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("curveProblem"));
        QTest::keyClicks(name, QStringLiteral("503 on checkout"));
        // A typo in the filter: said, and nothing added.
        QTest::keyClicks(filter, QStringLiteral("stauts:503"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(doc()->curves().isEmpty());
        QVERIFY2(problem->text().contains(QStringLiteral("stauts:503")), qPrintable(problem->text()));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("status:503 method:POST path:/checkout"));
        dialog->findChild<QLineEdit *>(QStringLiteral("curveColour"))->setText(QStringLiteral("#ff7f0e"));
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(doc()->curves().size(), 1);
        QCOMPARE(doc()->curves()[0].filter, QStringLiteral("status:503 method:POST path:/checkout"));
        settle();
        // Drawn: the four 503s on POST /checkout in the log, whatever the bin width.
        QCOMPARE(curves()->plottables().size(), 1);
        QCOMPARE(total(curves()->plottables()[0]), 4.0);
        QCOMPARE(curves()->plottables()[0]->pen().color(), QColor(0xff, 0x7f, 0x0e));

        // A second curve with bars: edited in place, then undone step by step.
        auto *style = dialog->findChild<QComboBox *>(QStringLiteral("curveStyle"));
        style->setCurrentIndex(style->findText(QStringLiteral("bars")));
        dialog->findChild<QPushButton *>(QStringLiteral("curveApply"))->click();
        QCOMPARE_ENUM(doc()->curves()[0].style, CurveStyle::Bars);
        settle();
        QVERIFY(qobject_cast<QCPBars *>(curves()->plottables()[0]));
        QCOMPARE(total(curves()->plottables()[0]), 4.0);
        doc()->undoStack()->undo();
        QCOMPARE_ENUM(doc()->curves()[0].style, CurveStyle::Line);
        doc()->undoStack()->undo();
        QVERIFY(doc()->curves().isEmpty());
        settle();
        QVERIFY(curves()->plottables().isEmpty());
        doc()->undoStack()->redo();
        doc()->undoStack()->redo();
        QCOMPARE(doc()->curves().size(), 1);
        settle();
        QCOMPARE(curves()->plottables().size(), 1);
        dialog->close();
    }

    void pickAColourForACurve()
    {
        CurveDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->selectCurve(doc()->curves()[0].id);
        const QString before = doc()->curves()[0].colour;
        QColor offered;
        // Cancelled: nothing changes.
        dialog->askColour = [&](const QColor &initial) {
            offered = initial;
            return QColor();
        };
        auto *pick = dialog->findChild<QPushButton *>(QStringLiteral("curvePickColour"));
        QVERIFY(pick);
        const int steps = doc()->undoStack()->count();
        QTest::mouseClick(pick, Qt::LeftButton);
        QCOMPARE(offered, QColor::fromString(before)); // the dialog opens at the curve's colour
        QCOMPARE(doc()->curves()[0].colour, before);
        QCOMPARE(doc()->undoStack()->count(), steps);
        // Picked: the curve takes it at once, drawn in it, one undo step.
        dialog->askColour = [](const QColor &) { return QColor(0x1b, 0x9e, 0x77); };
        QTest::mouseClick(pick, Qt::LeftButton);
        QCOMPARE(doc()->curves()[0].colour, u"#1b9e77"_qs);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("curveColour"))->text(), u"#1b9e77"_qs);
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        settle();
        QCOMPARE(curves()->plottables()[0]->pen().color(), QColor(0x1b, 0x9e, 0x77));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->curves()[0].colour, before);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("curveColour"))->text(), before);
        settle();
        QCOMPARE(curves()->plottables()[0]->pen().color(), QColor::fromString(before));
        // Redone, it is what the case keeps (saveAndReopenKeepsCurvesAndMarks saves it).
        doc()->undoStack()->redo();
        QCOMPARE(doc()->curves()[0].colour, u"#1b9e77"_qs);
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/curve-dialog.png")));
        dialog->close();
    }

    void starTagAndCommentRowsFromTheRowMenu()
    {
        selectLines({5, 6});
        QCOMPARE(timeline()->selectedEvents().size(), std::size_t(2));
        QMenu menu;
        timeline()->rowActions()->addToMenu(&menu, timeline()->selectedEvents(), timeline());
        QAction *star = nullptr, *evidence = nullptr;
        for (QAction *a : menu.actions()) {
            if (a->text() == QStringLiteral("Star"))
                star = a;
            if (a->text() == QStringLiteral("New evidence from selected lines"))
                evidence = a;
        }
        QVERIFY(star && evidence);
        star->trigger();
        QCOMPARE(doc()->eventMarks().size(), 2);
        QVERIFY(doc()->eventMarks()[0].starred);
        timeline()->rowActions()->addTag(timeline()->selectedEvents(), QStringLiteral("checkout"));
        selectLines({5});
        timeline()->rowActions()->setComment(timeline()->selectedEvents(), QStringLiteral("first failure"));
        const EventMark *first = nullptr;
        for (const EventMark &m : doc()->eventMarks())
            first = m.line == 5 ? &m : first;
        QVERIFY(first);
        QCOMPARE(first->tags, QStringList{QStringLiteral("checkout")});
        QCOMPARE(first->comment, QStringLiteral("first failure"));
        QCOMPARE(first->time, utc("2010-12-12T21:02:05Z"));
        // The timeline shows them: a star before the time, the tags and comment as its tooltip.
        TimelineModel *model = timeline()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            const uint64_t e = model->entryAt(r);
            const qint64 line = model->timelineIndex()->sourceOf(e).table->line[timeline::rowOf(e)];
            const QString time = model->data(model->index(r, TimelineModel::Time)).toString();
            QCOMPARE(time.startsWith(QStringLiteral("★ ")), line == 5 || line == 6);
            if (line == 5)
                QVERIFY(model->data(model->index(r, TimelineModel::Time), Qt::ToolTipRole)
                            .toString()
                            .contains(QStringLiteral("first failure")));
        }
        // Drawn at their times along the traffic pane.
        QCOMPARE(curves()->markItems().size(), 2);
        QCPItemText *label = curves()->markItems()[0];
        QVERIFY2(label->text().startsWith(QStringLiteral("★ checkout")), qPrintable(label->text()));
        QCOMPARE(label->position->key(), double(utc("2010-12-12T21:02:05Z")) / 1e6);
        // Undo the comment: back to the star and the tag alone.
        doc()->undoStack()->undo();
        for (const EventMark &m : doc()->eventMarks())
            QVERIFY(m.comment.isEmpty());
        doc()->undoStack()->redo();

        // Marks are removed from the menu too (one undo step).
        selectLines({6});
        QMenu again;
        timeline()->rowActions()->addToMenu(&again, timeline()->selectedEvents(), timeline());
        QAction *clear = nullptr;
        for (QAction *a : again.actions())
            clear = a->text() == QStringLiteral("Remove marks") ? a : clear;
        QVERIFY(clear);
        clear->trigger();
        QCOMPARE(doc()->eventMarks().size(), 1);
        doc()->undoStack()->undo();
        QCOMPARE(doc()->eventMarks().size(), 2);

        // Evidence from the two lines, citing them.
        selectLines({5, 7});
        const int before = int(doc()->evidence().size());
        evidence->trigger(); // the menu's events: lines 5 and 6
        QCOMPARE(int(doc()->evidence().size()), before + 1);
        const Provenance &p = doc()->evidence().last().provenance;
        QCOMPARE(p.firstLine, 5);
        QCOMPARE(p.lastLine, 6);
        QCOMPARE_ENUM(doc()->evidence().last().state, EvidenceState::Suggested);
    }

    void saveAndReopenKeepsCurvesAndMarks()
    {
        const QString path = m_dir.filePath(QStringLiteral("checkout.inquest"));
        QString error;
        QVERIFY2(casefile::save(*doc(), path, &error), qPrintable(error));
        const QList<CurveSpec> curvesBefore = doc()->curves();
        const QList<EventMark> marksBefore = doc()->eventMarks();
        doc()->reset(CaseData::create(QStringLiteral("empty")));
        QVERIFY(curves()->plottables().isEmpty());
        QVERIFY(curves()->markItems().isEmpty());
        QVERIFY2(casefile::open(*doc(), path, &error), qPrintable(error));
        QCOMPARE(doc()->curves(), curvesBefore);
        QCOMPARE(doc()->eventMarks(), marksBefore);
        QTRY_VERIFY_WITH_TIMEOUT(chart()->binsReady(), 60000);
        settle();
        QCOMPARE(curves()->plottables().size(), 1);
        QCOMPARE(total(curves()->plottables()[0]), 4.0);
        QCOMPARE(curves()->markItems().size(), 2);
    }

    void evidenceFromACurveShowsItsOwnFilter()
    {
        QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->rowCount(), 14, 30000);
        chart()->plot()->setSelection(utc("2010-12-12T21:02:00Z"), utc("2010-12-12T21:04:00Z"));
        CurveDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->selectCurve(doc()->curves()[0].id);
        const Id id = dialog->newEvidence();
        QVERIFY(id);
        dialog->close();
        const Evidence *e = doc()->find<Evidence>(id);
        QCOMPARE(e->provenance.filter, QStringLiteral("status:503 method:POST path:/checkout"));
        QCOMPARE(e->provenance.timeBegin, utc("2010-12-12T21:02:00Z"));
        QCOMPARE_ENUM(e->state, EvidenceState::Suggested);

        auto *board = m_window->findChild<EvidenceDock *>();
        board->showEvidence(id);
        QCOMPARE(board->matrix()->currentId(), id);
        board->showOnChartAction()->trigger();
        // The timeline shows the item's events: the four 503s on POST /checkout in its range.
        const EventFilter f = timeline()->filterBar()->filter();
        QCOMPARE(f.path, QStringLiteral("/checkout"));
        QVERIFY(f.methods != 0);
        QCOMPARE(f.from, utc("2010-12-12T21:02:00Z"));
        QTRY_COMPARE_WITH_TIMEOUT(timeline()->model()->rowCount(), 4, 30000);
        // The chart shows the range and the filter's events as a dashed curve.
        settle();
        QVERIFY(curves()->transientCurve());
        QCOMPARE(curves()->plottables().size(), 2);
        QCOMPARE(curves()->plottables()[1]->pen().style(), Qt::DashLine);
        QCOMPARE(total(curves()->plottables()[1]), 4.0);
        QCOMPARE(curves()->transientCurve()->filter, e->provenance.filter);
        QCOMPARE(chart()->plot()->marks()->highlight(),
                 std::pair(utc("2010-12-12T21:02:00Z"), utc("2010-12-12T21:04:00Z")));
        // Another item shown without a filter of its own: the dashed curve goes.
        chart()->showTimeRange(utc("2010-12-12T21:00:00Z"), utc("2010-12-12T21:01:00Z"), QString());
        settle();
        QVERIFY(!curves()->transientCurve());
        QCOMPARE(curves()->plottables().size(), 1);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set INQUEST_SCREENSHOTS to a folder to write the screenshot");
        QDir().mkpath(dir);
        // The case as an analyst leaves it: the curve and the marks, 30 s bins, no item shown.
        chart()->plot()->marks()->setHighlight(0, 0);
        curves()->setTransientCurve(std::nullopt);
        chart()->controller()->setPinnedWidth(30 * 1'000'000);
        chart()->fitAll();
        settle();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/usercurves-1600x1000.png")));
        // The chart on its own at the full size, as when the dock is floated or maximised.
        ChartDock dock(doc());
        dock.resize(1600, 1000);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady(), 30000);
        dock.controller()->setPinnedWidth(30 * 1'000'000);
        dock.fitAll();
        QTRY_VERIFY_WITH_TIMEOUT(!dock.controller()->isBusy() && !dock.userCurves()->isBusy(), 30000);
        QTest::qWait(100);
        QCOMPARE(dock.userCurves()->plottables().size(), 1);
        QCOMPARE(dock.userCurves()->markItems().size(), 2);
        QVERIFY(dock.grab().save(dir + QStringLiteral("/usercurves-chart-1600x1000.png")));
    }
};

QTEST_MAIN(TestUserCurves)
#include "tst_usercurves.moc"

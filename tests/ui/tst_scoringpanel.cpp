// The evidence board and scoring panel as a user drives them: rating with the keyboard only,
// then undo/redo of rating, weighting, accepting and deleting, checking both the case and
// what the widgets show.
#include "charts/scorechart.h"
#include "docks/evidencedetail.h"
#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "docks/hypothesiseditor.h"
#include "docks/scoringdock.h"
#include "docks/weightseditor.h"
#include "models/evidencefiltermodel.h"
#include "models/evidencemodel.h"
#include "models/scoretablemodel.h"
#include "testlib/casewithsources.h"

#include "model/commands.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QTableView>
#include <QtTest>

using namespace inquest;

namespace {

// Hardware failure (id 1), DDoS attack (id 2); three A1 medium items, unrated.
CaseData unratedCase()
{
    CaseData d = testing::twoHypothesisCase(QStringLiteral("panel"));
    for (int i = 0; i < 3; ++i) {
        Evidence e;
        e.id = d.nextId++;
        e.title = QStringLiteral("E%1").arg(i + 1);
        e.reliability = u'A';
        e.credibility = 1;
        d.evidence.append(e);
    }
    return d;
}

QString cell(const QAbstractItemModel *m, int row, int column) { return m->index(row, column).data().toString(); }

} // namespace

class TestScoringPanel : public QObject
{
    Q_OBJECT

    CaseDocument *m_doc = nullptr;
    QMainWindow *m_window = nullptr;
    EvidenceDock *m_board = nullptr;
    ScoringDock *m_panel = nullptr;

    QString rankedName(int row) const { return cell(m_panel->rankingModel(), row, ScoreTableModel::Hypothesis); }
    QString rankedValue(int row, int column) const { return cell(m_panel->rankingModel(), row, column); }

private slots:
    void init()
    {
        m_window = new QMainWindow;
        m_doc = new CaseDocument(unratedCase(), m_window);
        m_board = new EvidenceDock(m_doc, m_window);
        m_panel = new ScoringDock(m_doc, m_window);
        m_window->addDockWidget(Qt::BottomDockWidgetArea, m_board);
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_panel);
        m_window->resize(1400, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanup() { delete m_window; }

    void rateWithKeyboardOnly()
    {
        EvidenceMatrixView *view = m_board->matrix();
        const int hw = EvidenceModel::FixedColumns, dd = hw + 1;
        view->setFocus();
        // Into the matrix with the keyboard: Ctrl+Home goes to the first cell, then Right moves
        // over the visible fixed columns to the first hypothesis.
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(view->currentIndex().row(), 0);
        for (int i = 0; i < 20 && view->currentIndex().column() < hw; ++i)
            QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->currentIndex().column(), hw);
        QTest::keyClick(view, Qt::Key_I);
        QTest::keyClick(view, Qt::Key_I); // twice quickly = II
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_C);
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_N);
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_C, Qt::ShiftModifier); // Shift+C = CC
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_A); // NA
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_I);

        const QAbstractItemModel *m = view->model();
        QCOMPARE(cell(m, 0, hw), QStringLiteral("II"));
        QCOMPARE(cell(m, 0, dd), QStringLiteral("C"));
        QCOMPARE(cell(m, 1, hw), QStringLiteral("CC"));
        QCOMPARE(cell(m, 1, dd), QStringLiteral("N"));
        QCOMPARE(cell(m, 2, hw), QStringLiteral("NA"));
        QCOMPARE(cell(m, 2, dd), QStringLiteral("I"));
        QCOMPARE(m_doc->undoStack()->count(), 6); // I,I on one cell is one step

        // The panel: HW −2, DDoS −1 → DDoS attack leads by 1.
        QCOMPARE(rankedName(0), QStringLiteral("DDoS attack"));
        QCOMPARE(rankedName(1), QStringLiteral("Hardware failure"));
        QCOMPARE(rankedValue(0, ScoreTableModel::Inconsistency), QStringLiteral("-1.00"));
        QCOMPARE(rankedValue(1, ScoreTableModel::Inconsistency), QStringLiteral("-2.00"));
        QCOMPARE(rankedValue(0, ScoreTableModel::Support), QStringLiteral("1.00"));
        QVERIFY2(m_panel->summaryLabel()->text().contains(QStringLiteral("margin 1.00 over Hardware failure")),
                 qPrintable(m_panel->summaryLabel()->text()));
        QCOMPARE(m_panel->chart()->inconsistencyBars()->data()->at(0)->value, -1.0);
        // Without E1 Hardware failure (CC, no inconsistency) would lead: E1 is critical.
        QCOMPARE(m_panel->criticalList()->count(), 1);
        QVERIFY(m_panel->criticalList()->item(0)->text().contains(QStringLiteral("E1")));

        // Delete clears the current cell (E3 × DDoS): now DDoS is at 0 … still leading.
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(cell(m, 2, dd), QString());
        QCOMPARE(rankedValue(0, ScoreTableModel::Inconsistency), QStringLiteral("0.00"));

        // Undo of rating: the cell and the panel follow; redo again.
        m_doc->undoStack()->undo();
        QCOMPARE(cell(m, 2, dd), QStringLiteral("I"));
        QCOMPARE(rankedValue(0, ScoreTableModel::Inconsistency), QStringLiteral("-1.00"));
        m_doc->undoStack()->undo(); // E3 × DDoS unrated again
        m_doc->undoStack()->undo(); // E3 × HW unrated
        m_doc->undoStack()->undo(); // E2 × HW unrated
        m_doc->undoStack()->undo(); // E2 × DDoS unrated
        m_doc->undoStack()->undo(); // E1 × DDoS unrated: HW −2, DDoS 0
        QCOMPARE(rankedName(0), QStringLiteral("DDoS attack"));
        QCOMPARE(rankedValue(0, ScoreTableModel::Support), QStringLiteral("0.00"));
        m_doc->undoStack()->undo();                                            // nothing rated: a tie
        QCOMPARE(rankedValue(0, ScoreTableModel::Rank), QStringLiteral("=1")); // a shared rank, as in `inquest score`
        QCOMPARE(rankedValue(1, ScoreTableModel::Rank), QStringLiteral("=1"));
        QVERIFY(m_panel->summaryLabel()->text().contains(QStringLiteral("Tie")));
        while (m_doc->undoStack()->canRedo())
            m_doc->undoStack()->redo();
        QCOMPARE(cell(m, 0, hw), QStringLiteral("II"));
        QCOMPARE(cell(m, 2, dd), QString());
    }

    // A new case's five hypotheses, nothing rated: the summary names every one tied for first.
    void aTieOfFiveNamesAllFive()
    {
        CaseDocument doc; // the standard hypotheses
        ScoringDock panel(&doc);
        const QString text = panel.summaryLabel()->text();
        for (const Hypothesis &h : doc.hypotheses())
            QVERIFY2(text.contains(QStringLiteral("<b>%1</b>").arg(h.name)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<b>Bad change</b> and <b>Network failure</b>")), qPrintable(text));
    }

    void contextMenuRatesSelection()
    {
        EvidenceMatrixView *view = m_board->matrix();
        const int hw = EvidenceModel::FixedColumns;
        // Select the whole HW column of three rows and rate it in one step.
        view->setCurrentIndex(view->model()->index(0, hw));
        view->selectionModel()->select(QItemSelection(view->model()->index(0, hw), view->model()->index(2, hw)),
                                       QItemSelectionModel::ClearAndSelect);
        view->rateSelection(Rating::I);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_panel->result().find(1)->inconsistency, -3.0);
        m_doc->undoStack()->undo();
        QCOMPARE(m_panel->result().find(1)->inconsistency, 0.0);
    }

    void comboEditorRatesWithTheMouse()
    {
        EvidenceMatrixView *view = m_board->matrix();
        const QModelIndex index = view->model()->index(1, EvidenceModel::FixedColumns + 1);
        view->setCurrentIndex(index);
        view->edit(index);
        auto *combo = view->findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->currentIndex(), 0); // unrated
        combo->setCurrentIndex(combo->findText(QStringLiteral("II")));
        emit combo->activated(combo->currentIndex());
        QCOMPARE(cell(view->model(), 1, EvidenceModel::FixedColumns + 1), QStringLiteral("II"));
        QCOMPARE(m_panel->result().find(2)->inconsistency, -2.0);
        QCOMPARE(rankedName(0), QStringLiteral("Hardware failure"));
    }

    void undoWeighting()
    {
        edit::setRating(m_doc, m_doc->evidence()[0].id, 1, Rating::II);
        edit::setRating(m_doc, m_doc->evidence()[1].id, 2, Rating::I);
        QCOMPARE(rankedValue(1, ScoreTableModel::Inconsistency), QStringLiteral("-2.00"));
        // Medium relevance weight 1 → 2: every score doubles, instantly.
        QDoubleSpinBox *medium = m_panel->weightsEditor()->spinBox(QStringLiteral("relevance/medium"));
        QVERIFY(medium);
        QCOMPARE(medium->value(), 1.0);
        medium->setValue(2.0);
        QCOMPARE(rankedValue(1, ScoreTableModel::Inconsistency), QStringLiteral("-4.00"));
        QCOMPARE(ScoringSettings::fromJson(m_doc->meta().scoringSettings).relevance[1], 2.0);
        m_doc->undoStack()->undo();
        QCOMPARE(medium->value(), 1.0);
        QCOMPARE(rankedValue(1, ScoreTableModel::Inconsistency), QStringLiteral("-2.00"));
        m_doc->undoStack()->redo();
        QCOMPARE(medium->value(), 2.0);
        QCOMPARE(rankedValue(0, ScoreTableModel::Inconsistency), QStringLiteral("-2.00"));
        // A grade change on the item (detail pane) re-weights it: reliability E → √(0.2·1).
        m_board->showEvidence(m_doc->evidence()[0].id);
        QCOMPARE(m_board->detail()->evidence(), m_doc->evidence()[0].id);
        m_board->detail()->reliabilityCombo()->setCurrentIndex(4);
        emit m_board->detail()->reliabilityCombo()->activated(4);
        QCOMPARE(m_doc->evidence()[0].reliability, QChar(u'E'));
        QCOMPARE(m_panel->result().find(1)->inconsistency, -2 * 2 * std::sqrt(0.2));
        m_doc->undoStack()->undo();
        QCOMPARE(m_board->detail()->reliabilityCombo()->currentIndex(), 0);
        // Likelihood mode: rank by posterior.
        m_panel->weightsEditor()->rankByCombo()->setCurrentIndex(1);
        emit m_panel->weightsEditor()->rankByCombo()->activated(1);
        QVERIFY(m_panel->result().rankBy == ScoringSettings::RankBy::Posterior);
        QVERIFY(m_panel->summaryLabel()->text().contains(QStringLiteral("odds")));
        m_doc->undoStack()->undo();
        QCOMPARE(m_panel->weightsEditor()->rankByCombo()->currentIndex(), 0);
    }

    void undoAcceptAndDelete()
    {
        for (const Evidence &e : m_doc->evidence())
            edit::setEvidenceState(m_doc, e.id, EvidenceState::Suggested);
        edit::setRating(m_doc, m_doc->evidence()[0].id, 1, Rating::II);
        edit::setRating(m_doc, m_doc->evidence()[1].id, 2, Rating::II);
        m_doc->undoStack()->clear();
        QCOMPARE(m_panel->result().counted, 0);
        // Filter to suggested items, select the first two rows, accept them.
        m_board->stateFilterCombo()->setCurrentIndex(1);
        QCOMPARE(m_board->filter()->rowCount(), 3);
        EvidenceMatrixView *view = m_board->matrix();
        view->selectionModel()->select(QItemSelection(view->model()->index(0, 1), view->model()->index(1, 1)),
                                       QItemSelectionModel::ClearAndSelect);
        QCOMPARE(view->selectedIds().size(), 2);
        m_board->acceptSelected();
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_board->filter()->rowCount(), 1); // accepted ones leave the "suggested" view
        QCOMPARE(cell(m_board->model(), 0, EvidenceModel::State), QStringLiteral("accepted"));
        QCOMPARE(m_panel->result().counted, 2);
        QCOMPARE(rankedValue(0, ScoreTableModel::Inconsistency), QStringLiteral("-2.00"));
        m_doc->undoStack()->undo();
        QCOMPARE(cell(m_board->model(), 0, EvidenceModel::State), QStringLiteral("suggested"));
        QCOMPARE(m_board->filter()->rowCount(), 3);
        QCOMPARE(m_panel->result().counted, 0);
        m_doc->undoStack()->redo();

        // Delete the accepted E1 (II against HW): HW recovers.
        m_board->stateFilterCombo()->setCurrentIndex(0);
        m_board->showEvidence(m_doc->evidence()[0].id);
        view->selectionModel()->select(view->currentIndex(), QItemSelectionModel::ClearAndSelect);
        m_board->deleteSelected();
        QCOMPARE(m_board->model()->rowCount(), 2);
        QCOMPARE(rankedName(0), QStringLiteral("Hardware failure"));
        QCOMPARE(m_panel->result().counted, 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_board->model()->rowCount(), 3);
        QCOMPARE(cell(m_board->model(), 0, EvidenceModel::Title), QStringLiteral("E1"));
        QCOMPARE(m_panel->result().counted, 2);
    }

    void bulkTagAndDetailEdits()
    {
        EvidenceMatrixView *view = m_board->matrix();
        view->selectionModel()->select(QItemSelection(view->model()->index(1, 1), view->model()->index(2, 1)),
                                       QItemSelectionModel::ClearAndSelect);
        m_board->bulkTagEdit()->setText(QStringLiteral("bgp"));
        m_board->tagSelected();
        QCOMPARE(m_doc->evidence()[1].tags, QStringList{QStringLiteral("bgp")});
        QCOMPARE(m_doc->evidence()[0].tags, QStringList{});
        m_board->tagFilterEdit()->setText(QStringLiteral("bgp"));
        QCOMPARE(m_board->filter()->rowCount(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(m_board->filter()->rowCount(), 0);
        m_board->tagFilterEdit()->clear();

        m_board->showEvidence(m_doc->evidence()[2].id);
        QLineEdit *title = m_board->detail()->titleEdit();
        title->setText(QStringLiteral("Router flap"));
        emit title->editingFinished();
        QCOMPARE(m_doc->evidence()[2].title, QStringLiteral("Router flap"));
        QCOMPARE(cell(m_board->model(), 2, EvidenceModel::Title), QStringLiteral("Router flap"));
        m_doc->undoStack()->undo();
        QCOMPARE(title->text(), QStringLiteral("E3"));
    }

    void hypothesisEditor()
    {
        HypothesisEditor *editor = m_panel->hypothesisEditor();
        editor->addHypothesis();
        QCOMPARE(m_doc->hypotheses().size(), 3);
        QCOMPARE(m_panel->rankingModel()->rowCount(), 3);
        QCOMPARE(m_board->model()->columnCount(), EvidenceModel::FixedColumns + 3);
        editor->view()->closePersistentEditor(editor->view()->currentIndex());
        editor->moveCurrent(-1);
        QCOMPARE(m_doc->hypotheses()[1].name, QStringLiteral("New hypothesis"));
        editor->removeCurrent();
        QCOMPARE(m_doc->hypotheses().size(), 2);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->hypotheses().size(), 2);
        QCOMPARE(m_panel->rankingModel()->rowCount(), 2);
    }
};

QTEST_MAIN(TestScoringPanel)
#include "tst_scoringpanel.moc"

#pragma once

#include "scoring/scores.h"

#include <QDockWidget>

class QLabel;
class QListWidget;
class QTableView;
class QTabWidget;

namespace inquest {

class CaseDocument;
class HypothesisEditor;
class ScoreChart;
class ScoreExplanationView;
class ScoreTableModel;
class WeightsEditor;

// The scoring panel: hypotheses ranked with bars, the margin between first and second, why the
// leader leads (each item's contribution), the critical evidence and the most sensitive weight, and editors for the
// hypotheses and the weights. Recomputes on every change of the case (a few hundred µs for 500 × 8).
class ScoringDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ScoringDock(CaseDocument *doc, QWidget *parent = nullptr);

    const ScoreResult &result() const { return m_result; }
    ScoreTableModel *rankingModel() const { return m_rankingModel; }
    QTableView *rankingView() const { return m_rankingView; }
    ScoreChart *chart() const { return m_chart; }
    QLabel *summaryLabel() const { return m_summary; }
    QListWidget *criticalList() const { return m_critical; }
    HypothesisEditor *hypothesisEditor() const { return m_hypotheses; }
    WeightsEditor *weightsEditor() const { return m_weights; }
    QTabWidget *tabs() const { return m_tabs; }
    // The "Why" tab: each accepted item's contribution to every hypothesis and to the gap.
    ScoreExplanationView *explanationView() const { return m_explanation; }

    void recompute();
    // How far `item`'s weight would have to move (its flip factor) for `rival` to draw level
    // with the leader, as a sentence.
    static QString sensitivitySentence(const QString &item, double factor, const QString &rival);

signals:
    // The analyst asked to see an evidence item (double-click in the critical list).
    void evidenceActivated(inquest::Id id);

private:
    QString evidenceTitle(Id id) const;
    QString hypothesisName(Id id) const;
    void fitRanking();
    void updateSummary();
    void updateCritical();

    CaseDocument *m_doc;
    ScoreResult m_result;
    QLabel *m_summary;
    ScoreTableModel *m_rankingModel;
    QTableView *m_rankingView;
    ScoreChart *m_chart;
    QListWidget *m_critical;
    ScoreExplanationView *m_explanation;
    QTabWidget *m_tabs;
    HypothesisEditor *m_hypotheses;
    WeightsEditor *m_weights;
};

} // namespace inquest

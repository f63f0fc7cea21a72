#pragma once

#include "model/kinds.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;

namespace inquest {

class AnalyzePanel;
class CaseDocument;
class EvidenceDetail;
class EvidenceFilterModel;
class EvidenceMatrixView;
class EvidenceModel;

// The evidence board: the ACH matrix (evidence × hypotheses) with filters by state, tag and
// star, bulk accept/reject/tag/delete of the selected rows, the selected item's details, and
// Analyze, whose suggestions are reviewed here.
class EvidenceDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit EvidenceDock(CaseDocument *doc, QWidget *parent = nullptr);

    EvidenceMatrixView *matrix() const { return m_matrix; }
    EvidenceModel *model() const { return m_model; }
    EvidenceFilterModel *filter() const { return m_filter; }
    EvidenceDetail *detail() const { return m_detail; }
    QComboBox *stateFilterCombo() const { return m_stateFilter; }
    QLineEdit *tagFilterEdit() const { return m_tagFilter; }
    QCheckBox *starFilterBox() const { return m_starFilter; }
    QLineEdit *bulkTagEdit() const { return m_bulkTag; }
    // Analyze (the action is also in the Analysis menu), its progress and its result.
    AnalyzePanel *analyzePanel() const { return m_analyzePanel; }

    // Shows the item (clearing filters that hide it) and makes it current.
    void showEvidence(Id id);
    void addNote();
    void acceptSelected();
    void rejectSelected();
    void deleteSelected();
    void tagSelected();
    void untagSelected();
    // "Show on chart" for the current item: its time range on the chart and in the timeline, or
    // else the log lines it rests on in the timeline. False if it has neither.
    bool showCurrentOnChart();
    QAction *showOnChartAction() const { return m_showOnChart; }

signals:
    // The chart should zoom to this range and the timeline filter to it (site: the one site the
    // item concerns, or empty).
    void timeRangeRequested(qint64 beginUs, qint64 endUs, const QString &site);
    // "Show on chart" for an item read through a filter (a user curve's): its range and filter.
    void filteredRangeRequested(qint64 beginUs, qint64 endUs, const QString &expression, const QString &label);
    // The timeline should show these lines (1-based, inclusive) of a log source.
    void linesRequested(inquest::Id sourceId, qint64 firstLine, qint64 lastLine);

protected:
    // Narrow (a tab beside the scores), the item's details go under the board, not beside it.
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateActions();
    void updateCount();

    CaseDocument *m_doc;
    EvidenceModel *m_model;
    EvidenceFilterModel *m_filter;
    EvidenceMatrixView *m_matrix;
    EvidenceDetail *m_detail;
    QComboBox *m_stateFilter;
    QLineEdit *m_tagFilter;
    QCheckBox *m_starFilter;
    QLineEdit *m_bulkTag;
    QLabel *m_count;
    AnalyzePanel *m_analyzePanel;
    QAction *m_showOnChart = nullptr;
    QSplitter *m_split;
};

} // namespace inquest

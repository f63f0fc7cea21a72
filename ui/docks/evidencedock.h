#pragma once

#include "model/kinds.h"

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace inquest {

class CaseDocument;
class EvidenceDetail;
class EvidenceFilterModel;
class EvidenceMatrixView;
class EvidenceModel;

// The evidence board: the ACH matrix (evidence × hypotheses) with filters by state, tag and
// star, bulk accept/reject/tag/delete of the selected rows, and the selected item's details.
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

    // Shows the item (clearing filters that hide it) and makes it current.
    void showEvidence(Id id);
    void addNote();
    void acceptSelected();
    void rejectSelected();
    void deleteSelected();
    void tagSelected();
    void untagSelected();

private:
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
};

} // namespace inquest

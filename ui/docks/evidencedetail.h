#pragma once

#include "model/kinds.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace inquest {

class CaseDocument;
struct ChangeEvent;

// The fields of one evidence item, each edit an undo step (typing in a text box merges into
// one step per field). Follows the document: undo shows up here at once.
class EvidenceDetail : public QWidget
{
    Q_OBJECT
public:
    explicit EvidenceDetail(CaseDocument *doc, QWidget *parent = nullptr);
    void setEvidence(Id id);
    Id evidence() const { return m_id; }

    QLineEdit *titleEdit() const { return m_title; }
    QComboBox *stateCombo() const { return m_state; }
    QComboBox *reliabilityCombo() const { return m_reliability; }
    QComboBox *credibilityCombo() const { return m_credibility; }
    QComboBox *relevanceCombo() const { return m_relevance; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QCheckBox *starBox() const { return m_star; }
    QLabel *showOnChartLink() const { return m_showLink; }

signals:
    // The "Show on chart" link next to the provenance was clicked.
    void showOnChartRequested();

private:
    void refresh();
    void onChanged(const ChangeEvent &e);

    CaseDocument *m_doc;
    Id m_id = 0;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    QLabel *m_origin;
    QLabel *m_provenance;
    QLabel *m_showLink;
    QComboBox *m_reliability;
    QComboBox *m_credibility;
    QComboBox *m_relevance;
    QLineEdit *m_tags;
    QCheckBox *m_star;
    QComboBox *m_state;
    QPlainTextEdit *m_comments;
};

} // namespace inquest

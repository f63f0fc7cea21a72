#pragma once

#include <QWidget>

class QTableView;

namespace inquest {

class CaseDocument;
class HypothesesModel;

// Add, rename, set the kind of, reorder, delete hypotheses and set their priors; every edit
// is an undo step on the document.
class HypothesisEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HypothesisEditor(CaseDocument *doc, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }
    HypothesesModel *model() const { return m_model; }

    void addHypothesis();
    void removeCurrent();
    void moveCurrent(int delta);

private:
    CaseDocument *m_doc;
    HypothesesModel *m_model;
    QTableView *m_view;
};

} // namespace inquest

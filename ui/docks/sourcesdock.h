#pragma once

#include "model/kinds.h"

#include <QDockWidget>

class QAction;
class QLabel;
class QTableView;

namespace inquest {

class CaseDocument;
class ImportIssuesModel;
class SourcesModel;

// The sources of the case (file, format, SHA-256, lines, malformed, time span) and, below,
// the import issues of the selected one. "Remove source" is undoable.
class SourcesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SourcesDock(CaseDocument *doc, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QTableView *issuesView() const { return m_issuesView; }
    SourcesModel *model() const { return m_model; }
    ImportIssuesModel *issuesModel() const { return m_issues; }
    QAction *removeAction() const { return m_remove; }
    Id selectedSourceId() const;

private:
    void selectionChanged();
    void removeSelected();

    CaseDocument *m_doc;
    SourcesModel *m_model;
    ImportIssuesModel *m_issues;
    QTableView *m_view;
    QTableView *m_issuesView;
    QLabel *m_issuesTitle;
    QAction *m_remove;
};

} // namespace inquest

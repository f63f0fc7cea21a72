#pragma once

#include "model/kinds.h"

#include "ingest/importer.h"

#include <QDockWidget>
#include <QFutureWatcher>

class QAction;
class QLabel;
class QTableView;

namespace inquest {

class CaseDocument;
class ImportIssuesModel;
class SourcesModel;

// The sources of the case (file, format, SHA-256, lines, malformed, time span) and, below,
// the import issues of the selected one. "Remove source" is undoable; so are "Source
// settings…" (the file is read again with a new format, zone, year or site, off the GUI thread)
// and "Rename site…" (a rename, or a merge when the new name is another site's).
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
    QAction *settingsAction() const { return m_settings; }
    QAction *renameSiteAction() const { return m_renameSite; }
    Id selectedSourceId() const;
    // Reads source `id` again with `options` and puts it in place (one undo step) when that
    // worked; rereadFinished reports either way. Nothing happens while a re-read runs.
    bool reread(Id id, const ImportOptions &options);
    bool isRereading() const { return m_rereadWatcher.isRunning(); }

signals:
    void rereadFinished(bool ok, const QString &message);

private:
    void selectionChanged();
    void removeSelected();
    void editSelected();
    void renameSelectedSite();
    void rereadDone();

    CaseDocument *m_doc;
    SourcesModel *m_model;
    ImportIssuesModel *m_issues;
    QTableView *m_view;
    QTableView *m_issuesView;
    QLabel *m_issuesTitle;
    QAction *m_remove;
    QAction *m_settings;
    QAction *m_renameSite;
    QFutureWatcher<ImportResult> m_rereadWatcher;
    Source m_rereadFrom; // the source being read again, as it was
};

} // namespace inquest

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
class RemoteSourcesModel;
class SourcesModel;

// The sources of the case (file, format, SHA-256, lines, malformed, time span) and, below,
// the import issues of the selected one. "Remove source" is undoable; so are "Source
// settings…" (the file is read again with a new format, zone, year or site, off the GUI thread)
// and "Rename site…" (a rename, or a merge when the new name is another site's). Remote sources
// (ClickHouse tables) are listed beside the files; "Add ClickHouse Source…" opens the Connect
// dialog, and removing one is undoable too; "Re-run remote queries…" asks the kept queries again
// (dialogs/rerundialog).
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
    QAction *addRemoteAction() const { return m_addRemote; }
    QAction *removeRemoteAction() const { return m_removeRemote; }
    QAction *rerunRemoteAction() const { return m_rerunRemote; }
    QAction *loadRemoteAction() const { return m_loadRemote; }
    QTableView *remoteView() const { return m_remoteView; }
    RemoteSourcesModel *remoteModel() const { return m_remoteModel; }
    // Opens the Connect dialog (modal); the id of the source it added, 0 when none.
    Id addRemoteSource();
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
    RemoteSourcesModel *m_remoteModel;
    QTableView *m_remoteView;
    QWidget *m_remotePane;
    QAction *m_addRemote;
    QAction *m_removeRemote;
    QAction *m_rerunRemote;
    QAction *m_loadRemote;
    QFutureWatcher<ImportResult> m_rereadWatcher;
    Source m_rereadFrom; // the source being read again, as it was
};

} // namespace inquest

#pragma once

#include "ingest/importer.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace inquest {

class CaseDocument;
class ImportJob;
class SourceSettingsEditor;

// Brings log files into the case: shows each file's sniffed format and a preview of its
// first parsed rows, takes zone/year/site/format per file (the editor shows and sets those of
// the selected files), runs an ImportJob off the GUI thread with progress and Cancel, and lists
// per-file results. Sources are added only when the job ends; a file already in the case (same
// SHA-256) is imported again only when the analyst says so.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(CaseDocument *doc, QWidget *parent = nullptr);
    ~ImportDialog() override;

    enum class Duplicates { Ask, Skip, ImportAnyway };

    void addFiles(const QStringList &paths);
    // The settings file `row` is read with.
    ImportOptions options(int row) const;
    SourceSettingsEditor *settingsEditor() const { return m_settings; }
    // What to do with files already in the case (Ask: a message box).
    void setDuplicates(Duplicates d) { m_duplicates = d; }
    QTableWidget *fileTable() const { return m_files; }
    QTableWidget *previewTable() const { return m_preview; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    bool isImporting() const;
    // Formats are sniffed in the background; true until every row shows its format.
    bool isSniffing() const;
    // The selected file's preview is read in the background; true until it is shown.
    bool isPreviewing() const { return m_previewPending; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void browse();
    void removeSelected();
    void showSettingsOfSelection();
    void applySettingsToSelection();
    void showSettings(int row);
    void refreshSniffing();
    void sniffed(int index);
    void showPreview();
    void previewRead();
    void fillPreview(const ImportResult &r);
    void startImport();
    void cancelImport();
    void jobFinished();

    CaseDocument *m_doc;
    QTableWidget *m_files;
    QTableWidget *m_preview;
    SourceSettingsEditor *m_settings;
    Duplicates m_duplicates = Duplicates::Ask;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
    QDialogButtonBox *m_buttons;
    ImportJob *m_job = nullptr;
    QFutureWatcher<ImportResult> m_sniffWatcher;
    QStringList m_sniffPaths; // what m_sniffWatcher is sniffing, by row
    int m_sniffPending = 0;   // rows whose format has not arrived yet
    // The preview being read; a result for an earlier generation (another row, other options)
    // is dropped, and a new selection never waits for the old read to end.
    struct Preview
    {
        quint64 generation = 0;
        ImportResult result;
    };
    QFutureWatcher<Preview> m_previewWatcher;
    quint64 m_previewGeneration = 0;
    bool m_previewPending = false;
    QStringList m_addNotes; // what the last addFiles said about folders
};

} // namespace inquest

#pragma once

#include "importbatch.h"
#include "importer.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QMap>
#include <QObject>

namespace inquest {

class CaseDocument;

// Adds an imported source to the case as one undoable edit and writes its custody row.
Id addImportedSource(CaseDocument &doc, Source source);

// Imports files off the GUI thread (QtConcurrent::run + QPromise) with progress and cancel.
// The case is not touched while it runs: applyTo() adds the sources once it has finished,
// so a cancelled job leaves the case exactly as it was.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(QStringList files, ImportOptions options, QObject *parent = nullptr);
    // Each file with its own settings. Files are read in batchOrder (dated ones first) and
    // year-less files take their year from the others (batchOptions); results keep this order.
    explicit ImportJob(QList<ImportRequest> requests, QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCancelled() const { return m_cancelled; }
    const QStringList &files() const { return m_files; }
    // One result per file, in order; complete after finished().
    QList<ImportResult> results() const;
    // Results whose file (by SHA-256) is already a source of doc, or an earlier file of this
    // job: index → the message naming the earlier source.
    QMap<int, QString> duplicates(const CaseDocument &doc) const;
    // Adds every successful result to doc (unless cancelled), leaving out duplicates unless
    // told to import them anyway; returns how many.
    int applyTo(CaseDocument &doc, bool importDuplicates = false) const;
    // Blocks until done (CLI and tests).
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    void progressChanged(int permille, const QString &file);
    void finished();

private:
    QStringList m_files;
    QList<ImportRequest> m_requests;
    QFutureWatcher<ImportResult> m_watcher;
    bool m_cancelled = false;
};

} // namespace inquest

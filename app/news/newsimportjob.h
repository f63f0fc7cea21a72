#pragma once

#include "newsimport.h"

#include <QFutureWatcher>
#include <QObject>

namespace inquest::news {

// Reads articles off the GUI thread, one batch at a time (files, or pasted data), and adds them
// to the case once read: the case is not touched while the batch is read. A new batch waits for
// the one before, so the undo history keeps the order the analyst asked in.
class NewsImportJob : public QObject
{
    Q_OBJECT
public:
    explicit NewsImportJob(QObject *parent = nullptr);
    ~NewsImportJob() override;

    struct Result
    {
        std::optional<NewsImport> article;
        QString error; // names the file
    };

    void importFiles(const QStringList &paths);
    // Pasted or dropped text; `name` stands for the file ("clipboard.html").
    void importData(const QByteArray &data, const QString &name);
    bool isRunning() const { return m_watcher.isRunning(); }
    // One result per article of the finished batch, in order.
    QList<Result> results() const;
    // Adds every article read to doc; returns the id of the last article source added (0: none)
    // and counts them in *count; the errors go to *errors.
    Id applyTo(CaseDocument *doc, int *count, QStringList *errors) const;
    void waitForFinished();

signals:
    void finished();

private:
    QFutureWatcher<QList<Result>> m_watcher;
};

} // namespace inquest::news

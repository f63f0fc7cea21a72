#include "importjob.h"
#include "importbatch.h"

#include "model/casedocument.h"
#include "model/commands.h"
#include "support/parallel.h"

#include <QFileInfo>
#include <QUndoStack>

#include <QPromise>

#include <algorithm>

namespace inquest {

Id addImportedSource(CaseDocument &doc, Source source)
{
    const QString detail = QStringLiteral("%1 sha256=%2 format=%3 events=%4 malformed=%5")
                               .arg(source.path, source.sha256, source.format)
                               .arg(source.events)
                               .arg(source.malformed);
    const Id id = edit::addSource(&doc, std::move(source));
    doc.recordCustody(QStringLiteral("import"), detail);
    return id;
}

ImportJob::ImportJob(QStringList files, ImportOptions options, QObject *parent)
    : ImportJob(
          [&] {
              QList<ImportRequest> requests;
              for (const QString &f : files)
                  requests.append({f, options});
              return requests;
          }(),
          parent)
{
}

ImportJob::ImportJob(QList<ImportRequest> requests, QObject *parent)
    : QObject(parent)
    , m_requests(std::move(requests))
{
    for (const ImportRequest &r : std::as_const(m_requests))
        m_files.append(r.path);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressValueChanged, this,
            [this](int value) { emit progressChanged(value, m_watcher.progressText()); });
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportJob::finished);
}

ImportJob::~ImportJob()
{
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
        tsan::takeOver();
    }
}

void ImportJob::start()
{
    m_cancelled = false;
    m_watcher.setFuture(parallel::run([requests = m_requests](QPromise<ImportResult> &promise) {
        qint64 total = 0;
        for (const ImportRequest &r : requests)
            total += std::max<qint64>(1, QFileInfo(r.path).size());
        promise.setProgressRange(0, 1000);
        qint64 before = 0;
        QList<Source> batch; // read so far, for the year of year-less files
        for (int index : batchOrder(requests)) {
            const ImportRequest &request = requests[index];
            const QString name = QFileInfo(request.path).fileName();
            promise.setProgressValueAndText(int(before * 1000 / total), name);
            ImportResult r = importLogFile(request.path, batchOptions(request, batch), [&](qint64 done, qint64) {
                promise.setProgressValueAndText(int((before + done) * 1000 / total), name);
                return !promise.isCanceled();
            });
            if (promise.isCanceled())
                return;
            if (r.ok())
                batch.append(*r.source); // shares the event table: a cheap copy
            promise.addResult(std::move(r), index);
            before += std::max<qint64>(1, QFileInfo(request.path).size());
        }
        promise.setProgressValue(1000);
    }));
}

void ImportJob::cancel()
{
    m_cancelled = true;
    m_watcher.cancel();
}

QList<ImportResult> ImportJob::results() const { return m_watcher.future().results(); }

QMap<int, QString> ImportJob::duplicates(const CaseDocument &doc) const
{
    QMap<int, QString> found;
    QList<Source> seen = doc.sources();
    const QList<ImportResult> all = results();
    for (int i = 0; i < all.size(); ++i) {
        if (!all[i].ok())
            continue;
        if (const Source *earlier = sourceWithSha256(seen, all[i].source->sha256))
            found.insert(i, duplicateMessage(all[i].source->path, *earlier));
        else
            seen.append(*all[i].source);
    }
    return found;
}

int ImportJob::applyTo(CaseDocument &doc, bool importDuplicates) const
{
    if (m_cancelled || m_watcher.isCanceled())
        return 0;
    QList<ImportResult> all = results();
    const QMap<int, QString> skip = importDuplicates ? QMap<int, QString>() : duplicates(doc);
    int ok = 0;
    for (int i = 0; i < all.size(); ++i)
        ok += all[i].ok() && !skip.contains(i);
    // One undo step however many files there were (a folder can hold thousands).
    if (ok > 1)
        doc.undoStack()->beginMacro(tr("Import %n file(s)", nullptr, ok));
    int added = 0;
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].ok() && !skip.contains(i)) {
            addImportedSource(doc, std::move(*all[i].source));
            ++added;
        }
    }
    if (ok > 1)
        doc.undoStack()->endMacro();
    return added;
}

} // namespace inquest

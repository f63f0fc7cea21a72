#include "importjob.h"

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
    : QObject(parent)
    , m_files(std::move(files))
    , m_options(std::move(options))
{
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
    m_watcher.setFuture(parallel::run([files = m_files, options = m_options](QPromise<ImportResult> &promise) {
        qint64 total = 0;
        for (const QString &f : files)
            total += std::max<qint64>(1, QFileInfo(f).size());
        promise.setProgressRange(0, 1000);
        qint64 before = 0;
        for (const QString &file : files) {
            const QString name = QFileInfo(file).fileName();
            promise.setProgressValueAndText(int(before * 1000 / total), name);
            ImportResult r = importLogFile(file, options, [&](qint64 done, qint64) {
                promise.setProgressValueAndText(int((before + done) * 1000 / total), name);
                return !promise.isCanceled();
            });
            if (promise.isCanceled())
                return;
            promise.addResult(std::move(r));
            before += std::max<qint64>(1, QFileInfo(file).size());
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

int ImportJob::applyTo(CaseDocument &doc) const
{
    if (m_cancelled || m_watcher.isCanceled())
        return 0;
    QList<ImportResult> all = results();
    const auto ok = std::count_if(all.cbegin(), all.cend(), [](const ImportResult &r) { return r.ok(); });
    // One undo step however many files there were (a folder can hold thousands).
    if (ok > 1)
        doc.undoStack()->beginMacro(tr("Import %n file(s)", nullptr, int(ok)));
    int added = 0;
    for (ImportResult &r : all) {
        if (r.ok()) {
            addImportedSource(doc, std::move(*r.source));
            ++added;
        }
    }
    if (ok > 1)
        doc.undoStack()->endMacro();
    return added;
}

} // namespace inquest

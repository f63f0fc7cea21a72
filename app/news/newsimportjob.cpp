#include "newsimportjob.h"

#include "support/parallel.h"

namespace inquest::news {

NewsImportJob::NewsImportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &NewsImportJob::finished);
}

NewsImportJob::~NewsImportJob() { parallel::wait(m_watcher); }

void NewsImportJob::importFiles(const QStringList &paths)
{
    waitForFinished();
    m_watcher.setFuture(parallel::run([paths] {
        QList<Result> results;
        for (const QString &path : paths) {
            Result r;
            r.article = importNewsFile(path, {}, &r.error);
            results.append(r);
        }
        return results;
    }));
}

void NewsImportJob::importData(const QByteArray &data, const QString &name)
{
    waitForFinished();
    m_watcher.setFuture(parallel::run([data, name] {
        Result r;
        r.article = importNewsData(data, name, {});
        if (!r.article->refusal.isEmpty()) {
            r.error = QStringLiteral("%1: refused: %2").arg(name, r.article->refusal);
            r.article.reset();
        } else if (r.article->source.text.trimmed().isEmpty()) {
            r.article.reset();
            r.error = QStringLiteral("%1: no article text found").arg(name);
        }
        return QList<Result>{r};
    }));
}

QList<NewsImportJob::Result> NewsImportJob::results() const
{
    return m_watcher.future().resultCount() ? m_watcher.result() : QList<Result>{};
}

Id NewsImportJob::applyTo(CaseDocument *doc, int *count, QStringList *errors) const
{
    Id last = 0;
    *count = 0;
    for (const Result &r : results()) {
        if (!r.article) {
            errors->append(r.error);
            continue;
        }
        last = addNewsImport(doc, *r.article);
        ++*count;
    }
    return last;
}

void NewsImportJob::waitForFinished()
{
    if (m_watcher.isRunning())
        parallel::wait(m_watcher);
}

} // namespace inquest::news

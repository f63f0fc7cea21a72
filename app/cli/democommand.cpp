#include "commandline.h"
#include "commands.h"

#include "analysis/detectors/detectorrun.h"
#include "casefile/casefile.h"
#include "ingest/importjob.h"
#include "model/casedocument.h"
#include "news/newsimport.h"
#include "scenario/democase.h"

#include <QDir>
#include <QFileInfo>

namespace inquest::cli {

namespace {

// The demo's files into the case the way an analyst brings them in: the logs through the
// import job (the Import dialog's), the article through the article import (`import-news`,
// no options: its header gives the date), then the detectors (`analyze`). Nothing is built by
// hand: the case shows what a user importing these files gets.
bool importAndAnalyse(CaseDocument &doc, const scenario::DemoFiles &files, DetectorRunSummary *summary, QString *error)
{
    ImportJob job(files.logs, ImportOptions{});
    job.start();
    job.waitForFinished();
    for (const ImportResult &r : job.results()) {
        if (!r.ok()) {
            *error = r.error;
            return false;
        }
    }
    if (job.applyTo(doc) != files.logs.size()) {
        *error = QStringLiteral("not every demo log was imported");
        return false;
    }
    auto article = news::importNewsFile(files.article, {}, error);
    if (!article)
        return false;
    news::addNewsImport(&doc, std::move(*article));
    *summary = applyDetectorOutput(doc, runDetectors(doc.data()), false);
    recordDetectorRun(doc, *summary, false);
    return true;
}

} // namespace

int demo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("seed")}, {});
    cl.acceptWait();
    if (!cl.parseOneCase("demo", args, err))
        return Usage;
    QString error;
    bool ok = true;
    const uint64_t seed = cl.has(QStringLiteral("seed")) ? cl.value(QStringLiteral("seed")).toULongLong(&ok) : 20101212;
    if (!ok) {
        err << "inquest demo: --seed needs a whole number\n";
        return Usage;
    }
    const QFileInfo info(cl.positional().first());
    const QString path = info.absoluteFilePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("demo", cl, path, lock, err); status != Success)
        return status;
    // The logs go beside the case (demo.inquest → demo.logs/), the article into its own folder
    // (demo.news/article.txt), so that each folder imports as it is.
    const QString base = info.absoluteDir().filePath(info.completeBaseName());
    const QString logs = base + QStringLiteral(".logs");
    const auto files = scenario::writeDemoFiles(logs, base + QStringLiteral(".news/article.txt"), &error, seed);
    if (!files) {
        err << "inquest demo: " << error << '\n';
        return BadInput;
    }
    CaseDocument doc(scenario::emptyDemoCase());
    doc.recordCustody(
        QStringLiteral("demo"),
        QStringLiteral("generated the reference incident (seed %1) in %2 and %3").arg(seed).arg(logs, files->article));
    DetectorRunSummary summary;
    if (!importAndAnalyse(doc, *files, &summary, &error)) {
        err << "inquest demo: " << error << '\n';
        return BadInput;
    }
    if (!casefile::save(doc, path, &error)) {
        err << "inquest demo: " << error << '\n';
        return BadInput;
    }
    qint64 events = 0;
    for (const Source &s : doc.sources())
        events += s.events;
    out << "wrote " << path << ": " << doc.sources().size() << " sources (" << events << " events, logs in " << logs
        << ", article " << files->article << "), " << doc.statements().size() << " statements, " << summary.added
        << " suggested evidence item(s), " << summary.markers << " outage marker(s)\n";
    return Success;
}

} // namespace inquest::cli

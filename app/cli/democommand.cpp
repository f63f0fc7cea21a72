#include "commandline.h"
#include "commands.h"

#include "analysis/detectors/detectorrun.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "scenario/democase.h"

#include <QDir>
#include <QFileInfo>

namespace inquest::cli {

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
    // The logs go beside the case: demo.inquest → demo.logs/
    casefile::CaseLock lock;
    if (const int status = lockCase("demo", cl, path, lock, err); status != Success)
        return status;
    const QString logs = info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".logs"));
    auto data = scenario::buildDemoCase(logs, &error, seed);
    if (!data) {
        err << "inquest demo: " << error << '\n';
        return BadInput;
    }
    CaseDocument doc(std::move(*data));
    const DetectorRunSummary summary = applyDetectorOutput(doc, runDetectors(doc.data()), false);
    doc.recordCustody(QStringLiteral("demo"),
                      QStringLiteral("generated the reference incident (seed %1) in %2").arg(seed).arg(logs));
    if (!casefile::save(doc, path, &error)) {
        err << "inquest demo: " << error << '\n';
        return BadInput;
    }
    qint64 events = 0;
    for (const Source &s : doc.sources())
        events += s.events;
    out << "wrote " << path << ": " << doc.sources().size() << " sources (" << events << " events, logs in " << logs
        << "), " << doc.statements().size() << " statements, " << summary.added << " suggested evidence item(s), "
        << summary.markers << " outage marker(s)\n";
    return Success;
}

} // namespace inquest::cli

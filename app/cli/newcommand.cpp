#include "commandline.h"
#include "commands.h"
#include "hypothesisspec.h"

#include "casefile/casefile.h"
#include "model/casedata.h"

#include <QFileInfo>

namespace inquest::cli {

int newCase(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl(
        {QStringLiteral("title"), QStringLiteral("analyst"), QStringLiteral("number"), QStringLiteral("hypotheses")},
        {QStringLiteral("force")});
    cl.acceptWait();
    if (!cl.parseOneCase("new", args, err))
        return Usage;
    QString error;
    const QString path = cl.casePath();
    // Before the existence check: two "new" (or "new --force" under an import) must not cross.
    casefile::CaseLock lock;
    if (const int status = lockCase("new", cl, path, lock, err); status != Success)
        return status;
    if (QFileInfo::exists(path) && !cl.has(QStringLiteral("force"))) {
        err << "inquest new: " << path << " already exists; not overwriting it (use --force to replace it)\n";
        return BadInput;
    }
    QList<Hypothesis> hypotheses;
    if (cl.has(QStringLiteral("hypotheses"))) {
        auto parsed = parseHypotheses(cl.value(QStringLiteral("hypotheses")), &error);
        if (!parsed) {
            err << "inquest new: --hypotheses: " << error << '\n';
            return Usage;
        }
        hypotheses = *parsed;
    }
    const QString title = cl.value(QStringLiteral("title"), QFileInfo(path).completeBaseName());
    CaseData data = CaseData::create(title, hypotheses);
    data.meta.analyst = cl.value(QStringLiteral("analyst")).trimmed();
    data.meta.caseNumber = cl.value(QStringLiteral("number")).trimmed();
    if (!casefile::write(data, path, &error)) {
        err << "inquest new: " << error << '\n';
        return BadInput;
    }
    out << "created " << path << " (\"" << title << "\", " << data.hypotheses.size() << " hypotheses)\n";
    return Success;
}

} // namespace inquest::cli

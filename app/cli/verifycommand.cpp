#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "casefile/verification.h"

namespace inquest::cli {

int verify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("expect-head")}, {});
    if (!cl.parseOneCase("verify", args, err))
        return Usage;
    const QString path = cl.casePath();
    const auto data = readCase("verify", path, err);
    if (!data)
        return BadInput;
    const VerifyReport report =
        verifyCase(*data, cl.has(QStringLiteral("expect-head")) ? cl.value(QStringLiteral("expect-head")) : QString());
    for (const QString &note : report.notes)
        out << "note: " << note << '\n';
    for (const QString &failure : report.failures)
        err << path << ": " << failure << '\n';
    if (!report.ok()) {
        if (!report.custodyHead.isEmpty())
            err << "custody head " << report.custodyHead << '\n';
        err << "inquest verify: " << path << " FAILED (" << report.failures.size() << " problem(s))\n";
        return BadInput;
    }
    out << path << ": OK (custody chain of " << report.custodyRows << " rows intact, " << report.sourcesChecked
        << " source(s) re-hashed)\n"
        << "custody head " << report.custodyHead << '\n';
    return Success;
}

} // namespace inquest::cli

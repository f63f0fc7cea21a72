#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "casefile/verification.h"

namespace inquest::cli {

int verify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({}, {});
    if (!cl.parseOneCase("verify", args, err))
        return Usage;
    const QString path = cl.casePath();
    const auto data = readCase("verify", path, err);
    if (!data)
        return BadInput;
    const VerifyReport report = verifyCase(*data);
    for (const QString &note : report.notes)
        out << "note: " << note << '\n';
    for (const QString &failure : report.failures)
        err << path << ": " << failure << '\n';
    if (!report.ok()) {
        err << "inquest verify: " << path << " FAILED (" << report.failures.size() << " problem(s))\n";
        return BadInput;
    }
    out << path << ": OK (custody chain of " << report.custodyRows << " rows intact, " << report.sourcesChecked
        << " source(s) re-hashed)\n";
    return Success;
}

} // namespace inquest::cli

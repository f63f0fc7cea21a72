#include "verification.h"

#include "model/sourcefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace inquest {

namespace {

QString checkExpectedHead(const QList<CustodyEntry> &log, const QString &expected)
{
    const QString wanted = expected.trimmed().toLower();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{12,64}$"));
    if (!hex.match(wanted).hasMatch())
        return QStringLiteral("--expect-head \"%1\" is not a custody hash (12 to 64 hex digits)").arg(expected);
    for (const CustodyEntry &e : log) {
        if (e.hash.startsWith(wanted))
            return {};
    }
    return QStringLiteral("the custody chain does not contain the expected head %1: the rows from it on are gone "
                          "(the case file was replaced by an older copy, or is another case)")
        .arg(wanted);
}

} // namespace

VerifyReport verifyCase(const CaseData &data, const QString &expectHead)
{
    VerifyReport report;
    report.custodyRows = int(data.custody.size());
    report.custodyHead = data.custody.isEmpty() ? QString() : data.custody.last().hash;
    if (data.custody.isEmpty())
        report.failures.append(QStringLiteral("the custody log is empty (its first row records the case's creation)"));
    for (const CustodyProblem &p : custody::verify(data.custody))
        report.failures.append(p.message);
    if (!expectHead.isNull())
        if (const QString problem = checkExpectedHead(data.custody, expectHead); !problem.isEmpty())
            report.failures.append(problem);

    for (const Source &s : data.sources) {
        if (s.sha256.isEmpty())
            continue;
        const SourceFileCheck check = checkSourceFile(s.path, s.size > 0 ? s.size : -1);
        if (check.status == SourceFileCheck::Status::Missing) {
            report.notes.append(QStringLiteral("source %1 is missing (not re-hashed; the case keeps its %2 events)")
                                    .arg(s.path)
                                    .arg(s.events));
            continue;
        }
        if (!check.ok()) {
            // Not read at all: a device or FIFO could block or never end, and a changed size
            // already proves the file is not the one imported.
            report.failures.append(QStringLiteral("source %1: %2").arg(s.path, check.message));
            continue;
        }
        QFile f(s.path);
        if (!f.open(QIODevice::ReadOnly)) {
            report.notes.append(QStringLiteral("source %1 cannot be read: %2").arg(s.path, f.errorString()));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        const QString actual = QString::fromLatin1(hash.result().toHex());
        ++report.sourcesChecked;
        if (actual != s.sha256)
            report.failures.append(QStringLiteral("source %1 has changed since import (SHA-256 %2, recorded %3)")
                                       .arg(s.path, actual, s.sha256));
    }
    return report;
}

} // namespace inquest

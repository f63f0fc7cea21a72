#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace inquest {

// One row of the custody (audit) log. Each row's hash covers its own fields and the
// previous row's hash, so an edited, removed or reordered row breaks the chain.
struct CustodyEntry
{
    qint64 seq = 0; // 1-based, consecutive
    QDateTime time; // UTC, millisecond precision
    QString action; // "create", "import", "import-news", "edit", "save", "migrate", …
    QString detail;
    QString prevHash; // hex; the first row's is 64 zeros
    QString hash;

    bool operator==(const CustodyEntry &) const = default;
};

struct CustodyProblem
{
    qint64 seq = 0;
    QString message;
};

namespace custody {

QString genesisHash();
QString computeHash(const CustodyEntry &entry);
// Appends a row for action/detail at `time`, chained to the last row of `log`.
CustodyEntry append(QList<CustodyEntry> &log, const QString &action, const QString &detail,
                    const QDateTime &time = QDateTime::currentDateTimeUtc());
// Checks sequence numbers, links and hashes; returns the problems found (empty = intact).
QList<CustodyProblem> verify(const QList<CustodyEntry> &log);

} // namespace custody
} // namespace inquest

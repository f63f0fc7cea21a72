#include "custody.h"

#include <QCryptographicHash>
#include <QTimeZone>

namespace inquest::custody {

QString genesisHash() { return QString(64, u'0'); }

QString computeHash(const CustodyEntry &e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QString canonical = e.prevHash + u'\n' + QString::number(e.seq) + u'\n' +
                              e.time.toUTC().toString(Qt::ISODateWithMs) + u'\n' + e.action + u'\n' + e.detail;
    h.addData(canonical.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

CustodyEntry append(QList<CustodyEntry> &log, const QString &action, const QString &detail, const QDateTime &time)
{
    CustodyEntry e;
    e.seq = log.isEmpty() ? 1 : log.last().seq + 1;
    // Millisecond precision: what the case file stores is what the hash covers.
    e.time = QDateTime::fromMSecsSinceEpoch(time.toMSecsSinceEpoch(), Qt::UTC);
    e.action = action;
    e.detail = detail;
    e.prevHash = log.isEmpty() ? genesisHash() : log.last().hash;
    e.hash = computeHash(e);
    log.append(e);
    return e;
}

QList<CustodyProblem> verify(const QList<CustodyEntry> &log)
{
    QList<CustodyProblem> problems;
    QString expectedPrev = genesisHash();
    qint64 expectedSeq = 1;
    for (const CustodyEntry &e : log) {
        if (e.seq != expectedSeq)
            problems.append({e.seq, QStringLiteral("custody row %1: expected sequence number %2 (a row was "
                                                   "removed or inserted)")
                                        .arg(e.seq)
                                        .arg(expectedSeq)});
        if (e.prevHash != expectedPrev)
            problems.append({e.seq, QStringLiteral("custody row %1: does not link to the row before it").arg(e.seq)});
        if (computeHash(e) != e.hash)
            problems.append({e.seq, QStringLiteral("custody row %1 (%2): content does not match its hash (the row "
                                                   "was edited)")
                                        .arg(e.seq)
                                        .arg(e.action)});
        expectedPrev = e.hash;
        expectedSeq = e.seq + 1;
    }
    return problems;
}

} // namespace inquest::custody

// The report's appendix on remote sources: where each one is and how its columns were read, and
// every answer of a remote server the case keeps, with what makes it checkable again: the server,
// its version, the table, the exact SQL, the query id, when it ran, the rows it read, the SHA-256
// of the response and whether the answer was approximate.
#include "reportbuilder.h"
#include "reportformat.h"

#include "model/casedata.h"
#include "model/isotime.h"
#include "remote/reportfigures.h"

#include <QJsonDocument>

namespace inquest {

using namespace reportformat;

namespace {

// To the millisecond: a query's start and end are often within one second.
QString when(const QDateTime &t) { return t.isValid() ? isoUtc(t.toMSecsSinceEpoch() * 1000) : QStringLiteral("?"); }

} // namespace

void ReportBuilder::remoteProvenance()
{
    add(ReportBlock::paragraph(
        QStringLiteral("The case holds %1 remote source(s): tables on ClickHouse servers analysed where they live. "
                       "Their rows are not in the case; what the servers answered is, as provenance. Every kept "
                       "answer is listed below in the order it was received, whichever finding, figure or page of "
                       "rows it served; the SHA-256 is of the response body exactly as it came back, so `inquest "
                       "remote rerun` (Sources \u25B8 Re-run remote queries) can tell whether the same query still "
                       "gives the same answer. Passwords are never kept.")
            .arg(m_data.remoteSources.size())));
    for (const RemoteSource &s : m_data.remoteSources) {
        add(ReportBlock::heading(QStringLiteral("Remote source #%1 \u201c%2\u201d").arg(s.id).arg(s.name), 2));
        ReportBlock kv = ReportBlock::table({}, {24, 76});
        kv.emphasis = true;
        kv.rows = {
            {QStringLiteral("Server"), QStringLiteral("%1 (ClickHouse %2 when added)").arg(s.url, s.serverVersion)},
            {QStringLiteral("Table"), s.table},
            {QStringLiteral("User"), s.user.isEmpty() ? QStringLiteral("default") : s.user},
            {QStringLiteral("Password"), s.passwordEnv.isEmpty()
                                             ? QStringLiteral("not kept (asked for when needed)")
                                             : QStringLiteral("not kept (read from $%1)").arg(s.passwordEnv)},
            {QStringLiteral("Column mapping"),
             QString::fromUtf8(QJsonDocument(s.mapping).toJson(QJsonDocument::Compact))},
            {QStringLiteral("When added"),
             QStringLiteral("%1: %2 rows, %3").arg(when(s.added)).arg(s.rows).arg(range(s.firstTime, s.lastTime))},
        };
        kv.monoRows = {4};
        add(kv);
        const auto table = [] {
            ReportBlock t = ReportBlock::table({QStringLiteral("#"), QStringLiteral("Query id, start and end (UTC)"),
                                                QStringLiteral("Exact SQL"), QStringLiteral("Rows read"),
                                                QStringLiteral("SHA-256 of the response"), QStringLiteral("Exact")},
                                               {4, 20, 41, 8, 17, 10});
            t.mono = {false, true, true, false, true, false};
            return t;
        };
        const auto row = [&s](const QString &number, const RemoteResult &r) {
            QString server;
            if (r.server != s.url || r.table != s.table || r.serverVersion != s.serverVersion)
                server = QStringLiteral("\n%1 %2, ClickHouse %3").arg(r.server, r.table, r.serverVersion);
            return QStringList{
                number,   QStringLiteral("%1\n%2\n%3%4").arg(r.queryId, when(r.started), when(r.finished), server),
                r.sql,    r.rowsRead < 0 ? QStringLiteral("not reported") : QString::number(r.rowsRead),
                r.sha256, r.approximate ? QStringLiteral("no: approximate") : QStringLiteral("yes")};
        };
        ReportBlock t = table();
        int n = 0;
        for (const RemoteResult &r : m_data.remoteResults) {
            ++n;
            if (r.sourceId == s.id)
                t.rows.append(row(QString::number(n), r));
        }
        if (t.rows.isEmpty())
            add(ReportBlock::paragraph(QStringLiteral("No answer of this source is kept.")));
        else
            add(t);
        // The figures' queries ran for this report only: a report does not change the case.
        ReportBlock figures = table();
        n = 0;
        if (m_options.remoteFigures) {
            for (const RemoteResult &r : m_options.remoteFigures->queries) {
                ++n;
                if (r.sourceId == s.id)
                    figures.rows.append(row(QStringLiteral("F%1").arg(n), r));
            }
        }
        if (!figures.rows.isEmpty()) {
            add(ReportBlock::paragraph(QStringLiteral("Asked for this report's figures when it was made (not kept in "
                                                      "the case file, which a report does not change):")));
            add(figures);
        }
    }
    qsizetype orphans = 0;
    for (const RemoteResult &r : m_data.remoteResults) {
        orphans += std::none_of(m_data.remoteSources.begin(), m_data.remoteSources.end(),
                                [&r](const RemoteSource &s) { return s.id == r.sourceId; });
    }
    if (orphans > 0)
        add(ReportBlock::paragraph(QStringLiteral("%1 kept answer(s) came from remote sources since removed from the "
                                                  "case; they stay in the case file and its custody log.")
                                       .arg(orphans),
                                   false, true));
}

} // namespace inquest

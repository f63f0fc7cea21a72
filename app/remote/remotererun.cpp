#include "remotererun.h"

#include "remotesources.h"

#include "model/casedocument.h"
#include "model/remotesourceedits.h"

#include <QSet>

namespace inquest::remote {

namespace {

QString rows(qint64 n) { return n < 0 ? QStringLiteral("?") : QString::number(n); }

// Only a single SELECT is asked again: the SQL comes from a case file, and case files travel.
bool isOneSelect(const QString &sql)
{
    const QString s = sql.trimmed();
    return s.startsWith(u"SELECT "_qs, Qt::CaseInsensitive) && !s.contains(u';');
}

} // namespace

QString RerunOutcome::text() const
{
    switch (state) {
    case State::Unchanged:
        return QStringLiteral("unchanged");
    case State::Changed:
        return QStringLiteral("changed (rows read %1\u2192%2; SHA-256 %3\u2026\u2192%4\u2026)")
            .arg(rows(before.rowsRead), rows(after->rowsRead), before.sha256.left(12), after->sha256.left(12));
    case State::Failed:
        return QStringLiteral("failed: %1").arg(error);
    }
    return {};
}

int RerunReport::count(RerunOutcome::State state) const
{
    return int(std::count_if(outcomes.begin(), outcomes.end(), [state](const auto &o) { return o.state == state; }));
}

QList<RemoteResult> RerunReport::newRecords() const
{
    QList<RemoteResult> out;
    for (const RerunOutcome &o : outcomes) {
        if (o.after)
            out.append(*o.after);
    }
    return out;
}

std::vector<RemoteResult> rerunTargets(const CaseData &data, const QString &name)
{
    std::vector<RemoteResult> out;
    QHash<QPair<Id, QString>, std::size_t> at;
    for (const RemoteResult &r : data.remoteResults) {
        if (!name.isEmpty()) {
            const auto s = std::find_if(data.remoteSources.begin(), data.remoteSources.end(),
                                        [&r](const RemoteSource &s) { return s.id == r.sourceId; });
            if (s == data.remoteSources.end() || s->name != name)
                continue;
        }
        const auto key = qMakePair(r.sourceId, r.sql);
        if (const auto it = at.constFind(key); it != at.constEnd()) {
            out[*it] = r; // the latest record of the query
            continue;
        }
        at.insert(key, out.size());
        out.push_back(r);
    }
    return out;
}

RerunReport rerunQueries(const CaseData &data, const std::vector<RemoteResult> &targets,
                         const std::vector<SourceAccess> &sources, const std::function<void(int, int)> &progress,
                         const std::shared_ptr<QueryCanceller> &canceller)
{
    RerunReport report;
    int done = 0;
    for (const RemoteResult &before : targets) {
        if (progress)
            progress(done++, int(targets.size()));
        RerunOutcome o;
        o.before = before;
        const auto known = std::find_if(data.remoteSources.begin(), data.remoteSources.end(),
                                        [&before](const RemoteSource &s) { return s.id == before.sourceId; });
        o.sourceName = known == data.remoteSources.end() ? QString() : known->name;
        const auto reach = std::find_if(sources.begin(), sources.end(),
                                        [&before](const SourceAccess &s) { return s.source.id == before.sourceId; });
        if (known == data.remoteSources.end()) {
            o.error = QStringLiteral("remote source #%1 is no longer in the case").arg(before.sourceId);
        } else if (reach == sources.end()) {
            o.error = QStringLiteral("remote source #%1 \"%2\" cannot be reached (no password)")
                          .arg(before.sourceId)
                          .arg(o.sourceName);
        } else if (!isOneSelect(before.sql)) {
            o.error = QStringLiteral("not a single SELECT; only queries that read are asked again");
        } else {
            if (canceller && canceller->isCancelled()) {
                report.cancelled = true;
                return report;
            }
            ClickHouseClient client(reach->access);
            client.setReadOnly(true);
            if (canceller)
                canceller->attach(&client);
            const QueryRun run = client.run(before.sql);
            if (canceller)
                canceller->detach();
            if (run.killed && canceller && canceller->isCancelled()) {
                report.cancelled = true;
                return report;
            }
            if (!run.ok()) {
                o.error = run.error();
            } else {
                o.after = provenance(reach->source, run, reach->source.serverVersion, before.approximate);
                o.state =
                    o.after->sha256 == before.sha256 ? RerunOutcome::State::Unchanged : RerunOutcome::State::Changed;
            }
        }
        report.outcomes.push_back(std::move(o));
    }
    if (progress)
        progress(done, int(targets.size()));
    return report;
}

void keepRerun(CaseDocument &doc, const RerunReport &report)
{
    const QList<RemoteResult> records = report.newRecords();
    if (records.isEmpty())
        return;
    edit::keepRemoteResults(&doc, records, QStringLiteral("Re-run remote queries"));
    doc.recordCustody(QStringLiteral("remote rerun"),
                      QStringLiteral("%1 queries asked again: %2 unchanged, %3 changed, %4 failed")
                          .arg(report.outcomes.size())
                          .arg(report.count(RerunOutcome::State::Unchanged))
                          .arg(report.count(RerunOutcome::State::Changed))
                          .arg(report.count(RerunOutcome::State::Failed)));
}

} // namespace inquest::remote

#pragma once

#include "remotechartbins.h"

#include <functional>
#include <optional>

namespace inquest {
class CaseDocument;
}

namespace inquest::remote {

// A kept query asked again (`inquest remote rerun`, Sources ▸ Re-run remote queries): the same
// SQL, read-only, and its answer's SHA-256 compared with the one kept.
struct RerunOutcome
{
    enum class State { Unchanged, Changed, Failed };
    State state = State::Failed;
    RemoteResult before;               // the latest kept record of this query
    std::optional<RemoteResult> after; // the new record; none when the query failed
    QString sourceName;
    QString error; // Failed: why

    // "unchanged", "changed (rows read A→B)", "failed: …".
    QString text() const;
};

struct RerunReport
{
    std::vector<RerunOutcome> outcomes;
    bool cancelled = false;
    int count(RerunOutcome::State state) const;
    QList<RemoteResult> newRecords() const;
};

// What a re-run asks: each distinct query (source and SQL) of the kept records once, compared
// with its latest record, in the order first kept; of the source named `name` only, when given.
std::vector<RemoteResult> rerunTargets(const CaseData &data, const QString &name = {});

// Re-issues `targets` (blocks; off the GUI thread in the workbench). `sources` are the sources
// that can be reached; a record of any other source fails, named. `progress` gets (done, total).
RerunReport rerunQueries(const CaseData &data, const std::vector<RemoteResult> &targets,
                         const std::vector<SourceAccess> &sources, const std::function<void(int, int)> &progress = {},
                         const std::shared_ptr<QueryCanceller> &canceller = {});

// Keeps the new records beside the old ones (nothing is overwritten): one undo step and a custody
// row with the counts. Nothing when there is no new record.
void keepRerun(CaseDocument &doc, const RerunReport &report);

} // namespace inquest::remote

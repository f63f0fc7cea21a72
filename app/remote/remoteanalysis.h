#pragma once

#include "remotechartbins.h"

#include "analysis/detectors/detector.h"

namespace inquest::remote {

// What `inquest analyze` and Analysis ▸ Analyze add for remote sources: the incident window over
// the case's own events and every remote table together (CombinedEventStore) replaces the
// incidents and outage markers of the local run (its other findings stay those of the local
// events), and each remote query's provenance goes to output.remoteResults.
// False (with `error` naming the source; `output` unchanged) when a source fails or is cancelled.
bool addRemoteIncidents(const CaseData &data, const std::vector<SourceAccess> &remotes, DetectorOutput &output,
                        QString *error, const std::shared_ptr<QueryCanceller> &canceller = {});

} // namespace inquest::remote

#pragma once

#include "remotechartbins.h"

#include "analysis/detectors/detector.h"

namespace inquest::remote {

// What `inquest analyze` and Analysis ▸ Analyze add for remote sources: the incident window over
// the case's own events and every remote table together (CombinedEventStore) replaces the
// incidents, outage markers and findings of the incident-window detector of the local run, the
// logs' ending included; the store-based detectors (attribution, client behaviour) run again over
// every store against those incidents and replace their local findings. The detectors that read
// the local per-minute bins (traffic volume, endpoints, client population, system log) keep their
// local findings. Each remote query's provenance goes to output.remoteResults. False (with
// `error` naming the source; `output` unchanged) when a source fails or is cancelled.
bool addRemoteIncidents(const CaseData &data, const std::vector<SourceAccess> &remotes, DetectorOutput &output,
                        QString *error, const std::shared_ptr<QueryCanceller> &canceller = {});

} // namespace inquest::remote

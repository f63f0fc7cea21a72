#include "remoteanalysis.h"

#include "combinedeventstore.h"
#include "remoteeventstore.h"
#include "remotesources.h"

#include "analysis/detectors/attributiondetector.h"
#include "analysis/detectors/clientbehaviourdetector.h"
#include "analysis/detectors/incidentwindowdetector.h"
#include "analysis/detectors/principalincident.h"

namespace inquest::remote {

bool addRemoteIncidents(const CaseData &data, const std::vector<SourceAccess> &remotes, DetectorOutput &output,
                        QString *error, const std::shared_ptr<QueryCanceller> &canceller)
{
    if (remotes.empty())
        return true;
    std::vector<std::unique_ptr<RemoteEventStore>> stores;
    for (const SourceAccess &r : remotes) {
        auto store = std::make_unique<RemoteEventStore>(r.access, r.source.table,
                                                        ColumnMapping::fromJson(r.source.mapping), r.source.name);
        store->setCanceller(canceller);
        store->setSiteNames(SiteRule::of(data.meta));
        if (!store->open()) {
            *error =
                QStringLiteral("remote source #%1 \"%2\": %3").arg(r.source.id).arg(r.source.name, store->lastError());
            return false;
        }
        stores.push_back(std::move(store));
    }
    AnalysisContext local(data);
    std::vector<const EventStore *> all{&local.store};
    for (const auto &s : stores)
        all.push_back(s.get());
    const CombinedEventStore combined(all);
    const IncidentWindowDetector detector;
    std::vector<Incident> tails;
    std::vector<Incident> incidents = detector.incidents(combined, 60'000'000, &tails);
    // The detectors that ask only the store interface (what the change falls on; how the clients
    // behaved) run again over every store, in place of their local findings. The others read the
    // local per-minute bins and keep their local findings.
    local.incidents = incidents; // baselines stop at earlier incidents, as in the local run
    local.events = &combined;
    DetectorOutput overAll;
    const AttributionDetector attribution;
    const ClientBehaviourDetector clientBehaviour;
    const std::vector<const Detector *> storeBased{&attribution, &clientBehaviour};
    for (const Detector *d : storeBased)
        d->run(local, overAll);
    QList<RemoteResult> results;
    for (std::size_t i = 0; i < stores.size(); ++i) {
        const RemoteSource &source = remotes[i].source;
        if (stores[i]->failed()) {
            *error =
                QStringLiteral("remote source #%1 \"%2\": %3").arg(source.id).arg(source.name, stores[i]->lastError());
            return false;
        }
        for (const QueryRun &run : stores[i]->runs())
            results.append(provenance(source, run, source.serverVersion));
    }
    // The outage windows on the chart, their findings and the logs' ending follow the incidents
    // over every store, in place of the local run's.
    const QString origin = QStringLiteral("detector:%1").arg(detector.name());
    output.markers.removeIf([&origin](const Marker &m) { return m.origin == origin; });
    output.evidence.removeIf([&detector](const Evidence &e) { return e.origin == detector.origin(); });
    for (const Incident &tail : tails)
        output.evidence.append(detector.endOfLogsEvidence(tail));
    for (const Detector *d : storeBased)
        output.evidence.removeIf([d](const Evidence &e) { return e.origin == d->origin(); });
    output.evidence += overAll.evidence;
    for (const Incident &inc : incidents) {
        output.evidence.append(detector.outageEvidence(inc, local));
        output.markers.append(detector.marker(inc));
    }
    output.incidents = std::move(incidents);
    // The largest incident over every store may not be the local run's: the local marks are
    // undone and the findings marked again against it.
    markLesserIncidentFindings(output);
    output.remoteResults += results;
    return true;
}

} // namespace inquest::remote

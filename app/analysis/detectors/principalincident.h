#pragma once

#include "detector.h"

namespace inquest {

// The incident under investigation is the principal one (principalIncident below); logs of a
// whole day also hold lesser ones — a
// crawler's burst, one widget failing for ten minutes, the evening's decline. Their findings are
// true, but weighed together with the principal incident's they argue about a different event:
// a crawler's few busy clients count for an attack on the afternoon's flash crowd.
//
// So each detector finding whose time range lies wholly outside the principal incident's
// stretch (from 35 minutes before its errors began, the system-log reading's look-back, to
// five minutes after its end) is marked as concerning
// a lesser incident: tag "lesser-incident", low relevance, and a sentence in its reason naming
// both incidents. `analyze --accept` (and Analyze in the workbench) leaves such findings
// suggested: the analyst accepts them when the lesser incident matters. With one incident,
// nothing is marked. Marks of an earlier marking are undone first (the remote step marks again
// over the incidents of every store, whose principal may be another), so the marks always follow
// `output.incidents`. Returns how many findings were marked.
int markLesserIncidentFindings(DetectorOutput &output);

// Undoes every mark: the tag, the sentence and the low relevance (restored to what it was).
void clearLesserIncidentMarks(DetectorOutput &output);

// The principal incident: the one with the strongest evidence that users could not get what
// they asked for — the log-likelihood ratios of the failing share and of the fall of requests,
// summed over its sites (Incident::unavailabilityEvidence). Evidence, not counts: on a few
// requests a minute a lull of one bursty shop, barely past the threshold, "loses" more requests
// against its baseline than a bad deploy fails on two shops, yet the failures of two shops at once
// are by far the stronger evidence of an outage; on large traffic both measures agree. An outage
// is unavailability; slow responses are a degradation, so they rank nothing here: summing them
// in, a crawler's surge answered slowly on a healthy site outweighed a half-hour outage of two
// shops. Equal evidence (none: incidents of slow responses only) is ranked by requests lost plus
// failures, then by the slow ones too. A full tie keeps the first (incidents are in time order).
// `incidents` must not be empty.
const Incident &principalIncident(const std::vector<Incident> &incidents);

// The tag put on a finding about a lesser incident.
QString lesserIncidentTag();

} // namespace inquest

#include "principalincident.h"

namespace inquest {

namespace {

constexpr int64_t Minute = 60'000'000;
// The system-log reading looks back 30 minutes before the errors and 5 after (SyslogSignature-
// Detector's lookback and lead): the principal's stretch reaches as far.
constexpr int64_t LookBack = 35 * Minute;
constexpr int64_t After = 5 * Minute;

double unavailability(const Incident &inc)
{
    double sum = 0;
    for (const Incident::SiteWindow &w : inc.windows)
        sum += w.lost + w.excessFailures;
    return sum;
}

} // namespace

const Incident &principalIncident(const std::vector<Incident> &incidents)
{
    const Incident *principal = &incidents.front();
    for (const Incident &inc : incidents) {
        const double a = unavailability(inc), b = unavailability(*principal);
        if (a > b || (a == b && inc.impact() > principal->impact()))
            principal = &inc;
    }
    return *principal;
}

QString lesserIncidentTag() { return QStringLiteral("lesser-incident"); }

int markLesserIncidentFindings(DetectorOutput &output)
{
    if (output.incidents.size() < 2)
        return 0;
    const Incident *principal = &principalIncident(output.incidents);
    const int64_t from = std::min(principal->begin, principal->errorsBegin() - LookBack);
    const int64_t to = principal->end + After;
    const QString principalSpan =
        QStringLiteral("%1–%2").arg(formatUtc(principal->begin), formatUtc(principal->end, false));
    int marked = 0;
    for (Evidence &e : output.evidence) {
        const Provenance &p = e.provenance;
        if (!e.origin.startsWith(QStringLiteral("detector:")) || !p.hasTimeRange() ||
            e.tags.contains(lesserIncidentTag()))
            continue;
        if (p.timeEnd > from && p.timeBegin < to)
            continue;
        e.tags.append(lesserIncidentTag());
        e.relevance = Relevance::Low;
        e.reason += QStringLiteral(" — This concerns %1–%2, outside the principal incident (%3, the most requests lost "
                                   "or failed): suggested for "
                                   "review, not weighed with the principal incident's findings unless accepted.")
                        .arg(formatUtc(p.timeBegin), formatUtc(p.timeEnd, false), principalSpan);
        e.description = e.reason;
        ++marked;
    }
    return marked;
}

} // namespace inquest

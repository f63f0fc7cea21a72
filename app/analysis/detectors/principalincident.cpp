#include "principalincident.h"

#include <utility>

namespace inquest {

namespace {

constexpr int64_t Minute = 60'000'000;
// The system-log reading looks back 30 minutes before the errors and 5 after (SyslogSignature-
// Detector's lookback and lead): the principal's stretch reaches as far.
constexpr int64_t LookBack = 35 * Minute;
constexpr int64_t After = 5 * Minute;

// The sentence a mark appends to a finding's reason begins so.
QString markLead() { return QStringLiteral(" — This concerns "); }

// A finding as the run knows it before and after a mark (its title and time range).
QString findingKey(const Evidence &e)
{
    return QStringLiteral("%1\n%2\n%3\n%4")
        .arg(e.origin, e.title)
        .arg(e.provenance.timeBegin)
        .arg(e.provenance.timeEnd);
}

// Requests not served (lost or failed) first, slow responses after: users turned away outweigh
// users served slowly, so a crawler's half hour of slow pages is not the incident under
// investigation beside a deploy that failed the checkout on four sites.
std::pair<double, double> impactOrder(const Incident &inc)
{
    double unserved = 0;
    for (const Incident::SiteWindow &w : inc.windows)
        unserved += w.lost + w.excessFailures;
    return {unserved, inc.impact()};
}

} // namespace

QString lesserIncidentTag() { return QStringLiteral("lesser-incident"); }

void clearLesserIncidentMarks(DetectorOutput &output)
{
    for (Evidence &e : output.evidence) {
        if (!e.tags.removeOne(lesserIncidentTag()))
            continue;
        e.relevance = output.relevanceBeforeLesser.value(findingKey(e), e.relevance);
        const qsizetype at = e.reason.lastIndexOf(markLead());
        if (at >= 0)
            e.reason.truncate(at);
        e.description = e.reason;
    }
    output.relevanceBeforeLesser.clear();
}

int markLesserIncidentFindings(DetectorOutput &output)
{
    clearLesserIncidentMarks(output);
    if (output.incidents.size() < 2)
        return 0;
    const Incident *principal = &output.incidents.front();
    for (const Incident &inc : output.incidents) {
        if (impactOrder(inc) > impactOrder(*principal))
            principal = &inc;
    }
    const int64_t from = std::min(principal->begin, principal->errorsBegin() - LookBack);
    const int64_t to = principal->end + After;
    const QString principalSpan =
        QStringLiteral("%1–%2").arg(formatUtc(principal->begin), formatUtc(principal->end, false));
    int marked = 0;
    for (Evidence &e : output.evidence) {
        const Provenance &p = e.provenance;
        if (!e.origin.startsWith(QStringLiteral("detector:")) || !p.hasTimeRange())
            continue;
        if (p.timeEnd > from && p.timeBegin < to)
            continue;
        e.tags.append(lesserIncidentTag());
        output.relevanceBeforeLesser.insert(findingKey(e), e.relevance);
        e.relevance = Relevance::Low;
        e.reason += markLead() + QStringLiteral("%1–%2, outside the largest incident (%3): suggested for review, not "
                                                "weighed with the largest incident's findings unless accepted.")
                                     .arg(formatUtc(p.timeBegin), formatUtc(p.timeEnd, false), principalSpan);
        e.description = e.reason;
        ++marked;
    }
    return marked;
}

} // namespace inquest

#include "principalincident.h"

#include <array>

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

} // namespace

const Incident &principalIncident(const std::vector<Incident> &incidents)
{
    // Ranked by evidence first, then by requests: the order of the keys below.
    const auto key = [](const Incident &inc) {
        return std::array<double, 3>{inc.unavailabilityEvidence(), unavailability(inc), inc.impact()};
    };
    const Incident *principal = &incidents.front();
    for (const Incident &inc : incidents) {
        if (key(inc) > key(*principal))
            principal = &inc;
    }
    return *principal;
}

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
    const Incident *principal = &principalIncident(output.incidents);
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
        e.reason +=
            markLead() + QStringLiteral("%1–%2, outside the principal incident (%3, the strongest evidence of "
                                        "requests lost or failed): suggested for "
                                        "review, not weighed with the principal incident's findings unless accepted.")
                             .arg(formatUtc(p.timeBegin), formatUtc(p.timeEnd, false), principalSpan);
        e.description = e.reason;
        ++marked;
    }
    return marked;
}

} // namespace inquest

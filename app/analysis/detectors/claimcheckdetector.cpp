#include "claimcheckdetector.h"

#include <cstdlib>

namespace inquest {

namespace {

constexpr int64_t Minute = 60'000'000;

// What a confirmed claim does to the kinds its speaker took a stance on (damped: one statement
// is not decisive), and what a contradicted one does (the account it gives loses support).
QMap<HypothesisKind, Rating> fromStance(const QMap<HypothesisKind, Rating> &stance, bool consistent)
{
    QMap<HypothesisKind, Rating> r = ratings({});
    for (auto it = stance.cbegin(); it != stance.cend(); ++it) {
        const bool supports = it.value() == Rating::CC || it.value() == Rating::C;
        const bool opposes = it.value() == Rating::II || it.value() == Rating::I;
        if (consistent)
            r[it.key()] = supports ? Rating::C : opposes ? Rating::I : Rating::N;
        else if (supports)
            r[it.key()] = Rating::I;
    }
    return r;
}

QString minutes(int64_t us) { return QString::number(double(std::llabs(us)) / Minute, 'f', 0); }

} // namespace

QJsonObject ClaimCheckDetector::parameters() const
{
    return {{QStringLiteral("toleranceMinutes"), params.toleranceMinutes},
            {QStringLiteral("approximateToleranceMinutes"), params.approximateToleranceMinutes}};
}

void ClaimCheckDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    if (context.sites.empty())
        return;
    int64_t covered0 = INT64_MAX, covered1 = INT64_MIN;
    for (const SiteBins &s : context.sites) {
        covered0 = std::min(covered0, s.start);
        covered1 = std::max(covered1, s.end());
    }
    for (const Statement &st : context.data.statements) {
        QStringList findings;
        bool judged = false, consistent = true;
        qint64 rangeBegin = INT64_MAX, rangeEnd = INT64_MIN;
        for (const TimeRef &ref : st.times) {
            if (ref.end < covered0 || ref.begin > covered1)
                continue; // the logs cannot speak to it
            const qint64 tol =
                (ref.approximate ? params.approximateToleranceMinutes : params.toleranceMinutes) * Minute;
            judged = true;
            rangeBegin = std::min(rangeBegin, ref.begin);
            rangeEnd = std::max(rangeEnd, ref.end);
            // The incident nearest to the claimed time.
            const Incident *best = nullptr;
            int64_t bestDistance = INT64_MAX;
            for (const Incident &inc : context.incidents) {
                const int64_t d = ref.end < inc.begin   ? inc.begin - ref.end
                                  : ref.begin > inc.end ? ref.begin - inc.end
                                                        : 0;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = &inc;
                }
            }
            if (!best || bestDistance > tol) {
                consistent = false;
                findings.append(QStringLiteral("\u201c%1\u201d: the logs show no outage then").arg(ref.phrase));
                continue;
            }
            rangeBegin = std::min<qint64>(rangeBegin, best->begin);
            rangeEnd = std::max<qint64>(rangeEnd, best->end);
            const QString window = QStringLiteral("%1–%2").arg(formatUtc(best->begin), formatUtc(best->end, false));
            if (ref.isPeriod()) {
                const qint64 db = ref.begin - best->begin;
                const qint64 de = ref.end - best->end;
                const bool ok = std::llabs(db) <= tol && std::llabs(de) <= tol;
                consistent &= ok;
                findings.append(
                    QStringLiteral("\u201c%1\u201d (%2–%3) against the observed outage %4: start %5 min %6, "
                                   "end %7 min %8")
                        .arg(ref.phrase, formatUtc(ref.begin), formatUtc(ref.end, false), window, minutes(db),
                             db >= 0 ? QStringLiteral("later") : QStringLiteral("earlier"), minutes(de),
                             de >= 0 ? QStringLiteral("later") : QStringLiteral("earlier")));
            } else {
                findings.append(QStringLiteral("\u201c%1\u201d (%2) falls %3 the observed outage %4")
                                    .arg(ref.phrase, formatUtc(ref.begin),
                                         bestDistance == 0 ? QStringLiteral("within") : QStringLiteral("just outside"),
                                         window));
            }
        }
        if (!judged)
            continue;
        const QString who = speakerOf(st);
        Evidence e = suggest(consistent ? QStringLiteral("Claim by %1 matches the logs").arg(who)
                                        : QStringLiteral("Claim by %1 contradicted by the logs").arg(who),
                             QStringLiteral("%1 %2.").arg(quotedSentence(st), findings.join(QStringLiteral("; "))),
                             fromStance(st.stance, consistent));
        e.reliability = st.reliability;
        e.credibility = consistent ? std::min(st.credibility, 2) : 5;
        e.provenance.statementId = st.id;
        e.provenance.sourceId = 0;
        e.provenance.timeBegin = rangeBegin;
        e.provenance.timeEnd = std::max(rangeEnd, rangeBegin + 1);
        e.provenance.metric = QStringLiteral("claim");
        out.evidence.append(e);
    }
}

} // namespace inquest

#include "reportscoring.h"

#include "model/casedata.h"
#include "scoring/scoreexplanation.h"

#include <cmath>

namespace inquest {

ReportScores scoreCaseForReport(const CaseData &data)
{
    const ScoringSettings settings = ScoringSettings::fromJson(data.meta.scoringSettings);
    const ScoreResult result = computeScores(data.hypotheses, data.evidence, settings);
    ReportScores scores;
    if (result.ranked.isEmpty())
        return scores;
    for (const HypothesisScore &h : result.ranked)
        scores.ranked.append({h.id, h.name, h.kind, h.rank, h.inconsistency, h.support, h.posterior});
    scores.margin = result.margin;
    scores.critical = result.critical;
    auto nameOf = [&](Id id) {
        const HypothesisScore *h = result.find(id);
        return h ? h->name : QString();
    };
    for (const EvidenceSensitivity &e : result.evidence)
        scores.sensitivity.append({e.id, e.critical, e.flipFactor, nameOf(e.flipsTo)});
    const ScoreExplanation why = explainScores(data.hypotheses, data.evidence, result);
    scores.whySummary = why.summary();
    if (why.runnerUp()) {
        auto cell = [](const ScoreExplanation::Item &item, Id h) {
            const QString rating = toString(item.ratings.value(h));
            return QStringLiteral("%1 %2").arg(signedNumber(item.contribution.value(h)),
                                               rating.isEmpty() ? QStringLiteral("\u2014") : rating);
        };
        for (const ScoreExplanation::Item &item : why.items) {
            if (std::abs(item.difference) < 0.005) {
                ++scores.whyOthers;
                continue;
            }
            scores.why.append({item.evidence, item.title, item.weight, item.difference, signedNumber(item.difference),
                               cell(item, why.leader()->id), cell(item, why.runnerUp()->id)});
        }
    }
    scores.rankBy = result.rankBy == ScoringSettings::RankBy::Posterior ? QStringLiteral("posterior probability")
                                                                        : QStringLiteral("weighted inconsistency");
    scores.formulas = {inconsistencyFormula(), supportFormula(), posteriorFormula(), diagnosticityFormula(),
                       sensitivityFormula()};
    return scores;
}

} // namespace inquest

#include "reportscoring.h"

#include "model/casedata.h"
#include "scoring/scores.h"

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
    scores.rankBy = result.rankBy == ScoringSettings::RankBy::Posterior ? QStringLiteral("posterior probability")
                                                                        : QStringLiteral("weighted inconsistency");
    scores.formulas = {inconsistencyFormula(), supportFormula(), posteriorFormula(), diagnosticityFormula(),
                       sensitivityFormula()};
    return scores;
}

} // namespace inquest

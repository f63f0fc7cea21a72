#pragma once

#include "scoringsettings.h"

#include "model/hypothesis.h"

#include <QMap>

#include <optional>

namespace inquest {

// The scores of an ACH matrix. Only ACCEPTED evidence counts; suggested and rejected items,
// unrated cells, NA cells and ratings for hypotheses no longer in the case contribute nothing.
//
// Each accepted item e carries a weight w(e) = credibility weight × relevance weight
// (ScoringSettings::weight). With the numeric value of a rating
//   CC = +2, C = +1, N = 0, I = −1, II = −2   (NA and unrated have none)
// the scores of hypothesis h are:
//
//   weighted inconsistency  WI(h) = Σe w(e) · min(value(e,h), 0)         (≤ 0; PARC ACH)
//   support                 S(h)  = Σe w(e) · max(value(e,h), 0)         (≥ 0; never mixed into WI)
//   log score               L(h)  = ln prior(h) + Σe w(e) · ln LR(rating(e,h))
//   posterior               P(h)  = exp(L(h) − max L) / Σh' exp(L(h') − max L)
//
// LR comes from the editable likelihood table; the weight acts as an exponent on it, so a
// fully credible medium-relevance item applies its whole ratio and a doubtful one part of it.
// Priors: a hypothesis whose prior is 0 is "unspecified" and those share equally whatever mass
// the specified priors leave (all 0 = uniform); the priors are then normalised to sum 1.
//
// Ranking: by WI (closest to 0 first) or, in posterior mode, by L; equal scores share a rank
// and are ordered by support, then by the analyst's order. The first hypothesis leads.
struct HypothesisScore
{
    Id id = 0;
    QString name;
    HypothesisKind kind = HypothesisKind::Other;
    int rank = 0; // 1-based; equal ranking scores share a rank
    double inconsistency = 0.0;
    double support = 0.0;
    double logScore = 0.0;
    double posterior = 0.0;
};

// How much one accepted item matters (see computeScores).
struct EvidenceSensitivity
{
    Id id = 0;
    double weight = 0.0;
    double diagnosticity = 0.0;
    // Leave-one-out: without this item another hypothesis would lead.
    bool critical = false;
    Id leaderWithout = 0; // who leads when the item is left out
    // The factor k (≥ 0) on this item's weight, nearest to 1 (in ratio terms), at which another
    // hypothesis reaches the leader's score; empty when no scaling of this item can do that.
    std::optional<double> flipFactor;
    Id flipsTo = 0; // the hypothesis that would then lead
    // What the item adds to each hypothesis's ranking score (WI, or L in posterior mode), by
    // hypothesis id: the terms of the sums above. Their sum over the items (plus ln prior in
    // posterior mode) is each hypothesis's score.
    QMap<Id, double> contribution;
};

struct ScoreResult
{
    QList<HypothesisScore> ranked;       // in rank order
    QList<EvidenceSensitivity> evidence; // the accepted items, in case order
    QList<Id> critical;                  // ids of critical items, in case order
    double margin = 0.0;                 // ranking score of the first minus the second; 0 = tie
    int counted = 0;                     // accepted items scored
    ScoringSettings::RankBy rankBy = ScoringSettings::RankBy::Inconsistency;

    const HypothesisScore *leading() const { return ranked.isEmpty() ? nullptr : &ranked.first(); }
    // True when another hypothesis has the same rank as this one: a tie, which no list order breaks.
    bool tied(const HypothesisScore &score) const;
    // The hypotheses that share rank 1 when more than one does (empty when one leads alone).
    QList<HypothesisScore> tiedForFirst() const;
    const HypothesisScore *find(Id hypothesis) const;
    const EvidenceSensitivity *sensitivity(Id evidence) const;
    // The item whose weight needs the smallest relative change to flip the lead, if any.
    const EvidenceSensitivity *mostSensitive() const;
};

ScoreResult computeScores(const QList<Hypothesis> &hypotheses, const QList<Evidence> &evidence,
                          const ScoringSettings &settings);

// CC +2, C +1, N 0, I −1, II −2; none for NA and unrated.
std::optional<int> ratingValue(Rating r);

// Diagnosticity of an item: the spread max − min of value(e,h) over the hypotheses it is
// rated against (0..4). An item rated the same against every hypothesis, or rated against
// fewer than two, cannot tell them apart and scores 0. Unweighted: it describes the ratings.
double diagnosticity(const Evidence &e, const QList<Hypothesis> &hypotheses);

// The formulas above in one line each, for tool tips and reports.
QString inconsistencyFormula();
QString supportFormula();
QString posteriorFormula();
QString diagnosticityFormula();
QString sensitivityFormula();

} // namespace inquest

#include "scores.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace inquest {

namespace {

// Smallest prior used in log space: a prior of 0 (nothing left for unspecified hypotheses)
// would be −∞ and turn score differences into NaN; e^−690 is 0 for every practical purpose.
constexpr double MinPrior = 1e-300;

bool nearlyEqual(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

std::vector<double> normalisedPriors(const QList<Hypothesis> &hs)
{
    double specified = 0.0;
    int unspecified = 0;
    for (const Hypothesis &h : hs) {
        if (h.prior > 0 && std::isfinite(h.prior))
            specified += h.prior;
        else
            ++unspecified;
    }
    const double share = unspecified ? std::max(0.0, 1.0 - specified) / unspecified : 0.0;
    std::vector<double> priors;
    priors.reserve(std::size_t(hs.size()));
    for (const Hypothesis &h : hs)
        priors.push_back(h.prior > 0 && std::isfinite(h.prior) ? h.prior : share);
    const double sum = std::accumulate(priors.begin(), priors.end(), 0.0);
    for (double &p : priors)
        p = std::max(sum > 0 ? p / sum : 1.0 / double(priors.size()), MinPrior);
    return priors;
}

// The ranking order over hypothesis indexes: ranking score descending, then support, then
// the analyst's order.
std::vector<int> rankOrder(const std::vector<double> &primary, const std::vector<double> &support)
{
    std::vector<int> order(primary.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (!nearlyEqual(primary[std::size_t(a)], primary[std::size_t(b)]))
            return primary[std::size_t(a)] > primary[std::size_t(b)];
        if (!nearlyEqual(support[std::size_t(a)], support[std::size_t(b)]))
            return support[std::size_t(a)] > support[std::size_t(b)];
        return false;
    });
    return order;
}

int leaderOf(const std::vector<double> &primary, const std::vector<double> &support)
{
    return primary.empty() ? -1 : rankOrder(primary, support).front();
}

} // namespace

bool ScoreResult::tied(const HypothesisScore &score) const
{
    int same = 0;
    for (const HypothesisScore &s : ranked)
        same += s.rank == score.rank;
    return same > 1;
}

QList<HypothesisScore> ScoreResult::tiedForFirst() const
{
    QList<HypothesisScore> list;
    for (const HypothesisScore &s : ranked) {
        if (s.rank == 1)
            list.append(s);
    }
    return list.size() > 1 ? list : QList<HypothesisScore>{};
}

std::optional<int> ratingValue(Rating r)
{
    switch (r) {
    case Rating::CC:
        return 2;
    case Rating::C:
        return 1;
    case Rating::N:
        return 0;
    case Rating::I:
        return -1;
    case Rating::II:
        return -2;
    case Rating::NA:
    case Rating::Unrated:
        break;
    }
    return std::nullopt;
}

double diagnosticity(const Evidence &e, const QList<Hypothesis> &hypotheses)
{
    int lo = 3, hi = -3, rated = 0;
    for (const Hypothesis &h : hypotheses) {
        if (const auto v = ratingValue(e.rating(h.id))) {
            lo = std::min(lo, *v);
            hi = std::max(hi, *v);
            ++rated;
        }
    }
    return rated >= 2 ? double(hi - lo) : 0.0;
}

ScoreResult computeScores(const QList<Hypothesis> &hypotheses, const QList<Evidence> &evidence,
                          const ScoringSettings &settings)
{
    ScoreResult result;
    result.rankBy = settings.rankBy;
    const std::size_t H = std::size_t(hypotheses.size());
    const bool byPosterior = settings.rankBy == ScoringSettings::RankBy::Posterior;

    std::vector<double> logLr(7);
    for (std::size_t r = 0; r < logLr.size(); ++r)
        logLr[r] = std::log(settings.likelihood[r]);

    std::vector<double> inconsistency(H, 0.0), support(H, 0.0), logScore(H, 0.0);
    const std::vector<double> priors = H ? normalisedPriors(hypotheses) : std::vector<double>{};
    for (std::size_t j = 0; j < H; ++j)
        logScore[j] = std::log(priors[j]);

    // Per accepted item: its weight and its per-hypothesis contributions, kept for sensitivity.
    struct Row
    {
        const Evidence *e;
        double weight;
        std::vector<double> primary; // contribution to the ranking score
        std::vector<double> support;
    };
    std::vector<Row> rows;
    rows.reserve(std::size_t(evidence.size()));
    for (const Evidence &e : evidence) {
        if (e.state != EvidenceState::Accepted)
            continue;
        Row row{&e, settings.weight(e), std::vector<double>(H), std::vector<double>(H)};
        for (std::size_t j = 0; j < H; ++j) {
            const Rating r = e.rating(hypotheses[qsizetype(j)].id);
            const int v = ratingValue(r).value_or(0);
            const double inc = row.weight * std::min(v, 0);
            const double sup = row.weight * std::max(v, 0);
            const double lr = row.weight * logLr[std::size_t(r)];
            inconsistency[j] += inc;
            support[j] += sup;
            logScore[j] += lr;
            row.primary[j] = byPosterior ? lr : inc;
            row.support[j] = sup;
        }
        rows.push_back(std::move(row));
    }
    result.counted = int(rows.size());
    if (H == 0)
        return result;

    // Posterior in log space: subtract the maximum before exponentiating.
    const double maxLog = *std::max_element(logScore.begin(), logScore.end());
    std::vector<double> posterior(H);
    double total = 0.0;
    for (std::size_t j = 0; j < H; ++j)
        total += posterior[j] = std::exp(logScore[j] - maxLog);

    const std::vector<double> &primary = byPosterior ? logScore : inconsistency;
    const std::vector<int> order = rankOrder(primary, support);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t j = std::size_t(order[k]);
        const Hypothesis &h = hypotheses[qsizetype(j)];
        HypothesisScore s{
            h.id, h.name, h.kind, int(k) + 1, inconsistency[j], support[j], logScore[j], posterior[j] / total};
        if (k > 0 && nearlyEqual(primary[j], primary[std::size_t(order[k - 1])]))
            s.rank = result.ranked.back().rank;
        result.ranked.append(s);
    }
    const int leader = order.front();
    if (H > 1) // equal ranks are a tie: the margin is exactly 0, not a rounding residue
        result.margin = result.ranked[1].rank == result.ranked[0].rank
                            ? 0.0
                            : primary[std::size_t(leader)] - primary[std::size_t(order[1])];

    // Sensitivity, per item: leave it out, and find the nearest weight factor that flips.
    std::vector<double> p(H), s(H);
    for (const Row &row : rows) {
        EvidenceSensitivity es;
        es.id = row.e->id;
        es.weight = row.weight;
        es.diagnosticity = diagnosticity(*row.e, hypotheses);
        for (std::size_t j = 0; j < H; ++j)
            es.contribution.insert(hypotheses[qsizetype(j)].id, row.primary[j]);
        for (std::size_t j = 0; j < H; ++j) {
            p[j] = primary[j] - row.primary[j];
            s[j] = support[j] - row.support[j];
        }
        const int without = leaderOf(p, s);
        es.leaderWithout = hypotheses[without].id;
        es.critical = without != leader;
        if (es.critical)
            result.critical.append(es.id);

        // Scaling the item's weight by k moves each score linearly:
        //   d_h(k) = (P_L − P_h) + (k − 1)(c_L − c_h);  the lead changes where d_h(k) = 0.
        double up = std::numeric_limits<double>::infinity(), down = -1.0;
        Id upTo = 0, downTo = 0;
        const double cL = row.primary[std::size_t(leader)];
        for (std::size_t j = 0; j < H; ++j) {
            const double slope = cL - row.primary[j];
            if (int(j) == leader || slope == 0.0)
                continue;
            const double k = 1.0 - (primary[std::size_t(leader)] - primary[j]) / slope;
            if (k > 1.0 && k < up)
                up = k, upTo = hypotheses[qsizetype(j)].id;
            else if (k >= 0.0 && k <= 1.0 && k > down)
                down = k, downTo = hypotheses[qsizetype(j)].id;
        }
        const bool hasUp = std::isfinite(up), hasDown = down >= 0.0;
        if (hasUp && (!hasDown || down == 0.0 || up <= 1.0 / down))
            es.flipFactor = up, es.flipsTo = upTo;
        else if (hasDown)
            es.flipFactor = down, es.flipsTo = downTo;
        result.evidence.append(es);
    }
    return result;
}

const HypothesisScore *ScoreResult::find(Id hypothesis) const
{
    for (const HypothesisScore &s : ranked) {
        if (s.id == hypothesis)
            return &s;
    }
    return nullptr;
}

const EvidenceSensitivity *ScoreResult::sensitivity(Id evidence) const
{
    for (const EvidenceSensitivity &s : this->evidence) {
        if (s.id == evidence)
            return &s;
    }
    return nullptr;
}

const EvidenceSensitivity *ScoreResult::mostSensitive() const
{
    const EvidenceSensitivity *best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const EvidenceSensitivity &s : evidence) {
        if (!s.flipFactor)
            continue;
        const double k = *s.flipFactor;
        const double distance = k == 0.0 ? std::numeric_limits<double>::max() : std::abs(std::log(k));
        if (!best || distance < bestDistance)
            best = &s, bestDistance = distance;
    }
    return best;
}

QString inconsistencyFormula()
{
    return QCoreApplication::translate(
        "inquest::scores",
        "Weighted inconsistency WI(h) = \u03a3 w(e)\u00b7min(v(e,h),0) over accepted evidence; II = \u22122, I = "
        "\u22121, "
        "others 0; w(e) = \u221a(reliability factor \u00d7 credibility factor) \u00d7 relevance weight. "
        "Closest to 0 leads.");
}

QString supportFormula()
{
    return QCoreApplication::translate(
        "inquest::scores",
        "Support S(h) = \u03a3 w(e)\u00b7max(v(e,h),0) over accepted evidence; CC = +2, C = +1, others 0; same "
        "weights as WI, shown beside it and never added to it.");
}

QString posteriorFormula()
{
    return QCoreApplication::translate(
        "inquest::scores",
        "Posterior P(h) \u221d prior(h) \u00b7 \u03a0 LR(rating(e,h))^w(e), normalised over hypotheses in log space; "
        "LR from the likelihood table, unspecified priors share the remaining mass.");
}

QString diagnosticityFormula()
{
    return QCoreApplication::translate(
        "inquest::scores",
        "Diagnosticity = max \u2212 min of the item's rating values (CC +2 \u2026 II \u22122) over the hypotheses it "
        "is rated against (NA/blank skipped); 0 when fewer than two ratings.");
}

QString sensitivityFormula()
{
    return QCoreApplication::translate(
        "inquest::scores",
        "Critical: removing the item changes the leading hypothesis. Flip factor: the multiple k of the item's "
        "weight, nearest to 1, at which another hypothesis reaches the leader's score.");
}

} // namespace inquest

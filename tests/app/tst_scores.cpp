// The scoring formulas against matrices computed by hand (comments show the arithmetic).
#include "scoring/scores.h"

#include <QtTest>

#include <cmath>

using namespace inquest;

namespace {

QList<Hypothesis> hypotheses(int n)
{
    QList<Hypothesis> hs;
    for (int i = 0; i < n; ++i)
        hs.append(Hypothesis{Id(i + 1), QStringLiteral("H%1").arg(i + 1), HypothesisKind::Other, 0.0, {}});
    return hs;
}

// A1, medium relevance: weight exactly 1 with the default settings.
Evidence item(Id id, const QList<Rating> &ratings, EvidenceState state = EvidenceState::Accepted)
{
    Evidence e;
    e.id = id;
    e.title = QStringLiteral("E%1").arg(id);
    e.reliability = u'A';
    e.credibility = 1;
    e.state = state;
    for (int i = 0; i < ratings.size(); ++i) {
        if (ratings[i] != Rating::Unrated)
            e.ratings.insert(Id(i + 1), ratings[i]);
    }
    return e;
}

QStringList order(const ScoreResult &r)
{
    QStringList names;
    for (const HypothesisScore &s : r.ranked)
        names.append(s.name);
    return names;
}

// H1: C N I   H2: I II CC   H3: II C NA  (rows e1 e2 e3)
QList<Evidence> threeByThree()
{
    using enum Rating;
    return {item(101, {C, I, II}), item(102, {N, II, C}), item(103, {I, CC, NA})};
}

} // namespace

class TestScores : public QObject
{
    Q_OBJECT
private slots:
    void weightedInconsistencyAndSupport()
    {
        const ScoreResult r = computeScores(hypotheses(3), threeByThree(), {});
        // WI: H1 = −1 (e3), H2 = −1 −2 = −3, H3 = −2.  Support: H1 = 1, H2 = 2, H3 = 1.
        QCOMPARE(order(r), (QStringList{QStringLiteral("H1"), QStringLiteral("H3"), QStringLiteral("H2")}));
        QCOMPARE(r.find(1)->inconsistency, -1.0);
        QCOMPARE(r.find(2)->inconsistency, -3.0);
        QCOMPARE(r.find(3)->inconsistency, -2.0);
        QCOMPARE(r.find(1)->support, 1.0);
        QCOMPARE(r.find(2)->support, 2.0);
        QCOMPARE(r.find(3)->support, 1.0);
        QCOMPARE(r.ranked[0].rank, 1);
        QCOMPARE(r.ranked[2].rank, 3);
        QCOMPARE(r.margin, 1.0);
        QCOMPARE(r.counted, 3);
    }

    void posteriorFromLikelihoodRatios()
    {
        const ScoreResult r = computeScores(hypotheses(3), threeByThree(), {});
        // LR products: H1 = 2·1·0.5 = 1, H2 = 0.5·0.25·4 = 0.5, H3 = 0.25·2·1 = 0.5 → 1/2, 1/4, 1/4.
        QCOMPARE(r.find(1)->posterior, 0.5);
        QCOMPARE(r.find(2)->posterior, 0.25);
        QCOMPARE(r.find(3)->posterior, 0.25);
    }

    void leaveOneOutAndFlipFactors()
    {
        const ScoreResult r = computeScores(hypotheses(3), threeByThree(), {});
        // Without e1: H1 −1, H2 −2, H3 0 → H3 leads.  Without e2: H1 −1, H2 −1 tie, support
        // H2 2 > H1 1 → H2 leads.  Without e3: H1 0 still leads.
        QCOMPARE(r.critical, (QList<Id>{101, 102}));
        QVERIFY(r.sensitivity(101)->critical);
        QVERIFY(!r.sensitivity(103)->critical);
        // e1 contributes (0, −1, −2): H3 catches up when −2 + (k−1)(−2) = −1 → k = 0.5.
        QCOMPARE(*r.sensitivity(101)->flipFactor, 0.5);
        QCOMPARE(r.sensitivity(101)->flipsTo, Id(3));
        // e2 contributes (0, −2, 0): H2 reaches H1 only at k = 0 (removal).
        QCOMPARE(*r.sensitivity(102)->flipFactor, 0.0);
        QCOMPARE(r.sensitivity(102)->flipsTo, Id(2));
        // e3 contributes (−1, 0, 0): H3 ties at k = 2 (−1 + (k−1)(−1) = −2), H2 only at k = 3.
        QCOMPARE(*r.sensitivity(103)->flipFactor, 2.0);
        QCOMPARE(r.sensitivity(103)->flipsTo, Id(3));
        // Nearest flip in ratio terms: ×0.5 and ×2 are equally far; the first such item wins.
        QCOMPARE(r.mostSensitive()->id, Id(101));
    }

    void weightsFromGradesAndRelevance()
    {
        Evidence e = item(1, {Rating::II, Rating::CC});
        e.reliability = u'B';
        e.credibility = 2;
        e.relevance = Relevance::High;
        const ScoreResult r = computeScores(hypotheses(2), {e}, {});
        // w = √(0.8·0.8) · √2 = 0.8·1.41421…
        const double w = 0.8 * std::sqrt(2.0);
        QCOMPARE(r.evidence.first().weight, w);
        QCOMPARE(r.find(1)->inconsistency, -2 * w);
        QCOMPARE(r.find(2)->support, 2 * w);
        // The default for a manual note, F6: √(0.5·0.5) = 0.5; low relevance √½.
        Evidence f;
        f.relevance = Relevance::Low;
        QCOMPARE(ScoringSettings{}.weight(f), 0.5 * std::sqrt(0.5));
        // Configured factors are used.
        ScoringSettings s;
        s.reliability[1] = 0.2;
        s.credibility[1] = 0.8;
        s.relevance[2] = 3.0;
        QCOMPARE(s.weight(e), std::sqrt(0.2 * 0.8) * 3.0);
    }

    void onlyAcceptedEvidenceCounts()
    {
        using enum Rating;
        const QList<Evidence> ev{item(1, {II, N}, EvidenceState::Suggested), item(2, {II, N}, EvidenceState::Rejected),
                                 item(3, {N, I})};
        const ScoreResult r = computeScores(hypotheses(2), ev, {});
        QCOMPARE(r.counted, 1);
        QCOMPARE(r.find(1)->inconsistency, 0.0);
        QCOMPARE(r.find(2)->inconsistency, -1.0);
        QCOMPARE(r.leading()->id, Id(1));
        QCOMPARE(r.evidence.size(), 1);
        // Without e3 both are at 0 with no support: H1 still leads by analyst order.
        QVERIFY(r.critical.isEmpty());
    }

    void tiesShareRankAndKeepAnalystOrder()
    {
        using enum Rating;
        // H1 and H2 both −1 with support 1; H3 −2.
        const ScoreResult r = computeScores(hypotheses(3), {item(1, {I, C, II}), item(2, {C, I, N})}, {});
        QCOMPARE(order(r), (QStringList{QStringLiteral("H1"), QStringLiteral("H2"), QStringLiteral("H3")}));
        QCOMPARE(r.ranked[0].rank, 1);
        QCOMPARE(r.ranked[1].rank, 1);
        QCOMPARE(r.ranked[2].rank, 3);
        QCOMPARE(r.margin, 0.0);
        // At a tie any item that separates the two flips the lead at once (k = 1).
        QCOMPARE(*r.sensitivity(1)->flipFactor, 1.0);
    }

    void supportBreaksEqualInconsistency()
    {
        using enum Rating;
        // Both −1; H2 has support 2, H1 none: H2 first, the rank is still shared.
        const ScoreResult r = computeScores(hypotheses(2), {item(1, {I, I}), item(2, {N, CC})}, {});
        QCOMPARE(r.leading()->id, Id(2));
        QCOMPARE(r.ranked[1].rank, 1);
        // Support is never mixed into the inconsistency.
        QCOMPARE(r.find(2)->inconsistency, -1.0);
    }

    void allNaAndUnratedRowsContributeNothing()
    {
        using enum Rating;
        const QList<Evidence> ev{item(1, {NA, NA, NA}), item(2, {Unrated, Unrated, Unrated}), item(3, {I, N, Unrated})};
        const ScoreResult r = computeScores(hypotheses(3), ev, {});
        QCOMPARE(r.counted, 3);
        QCOMPARE(r.find(1)->inconsistency, -1.0);
        QCOMPARE(r.find(3)->inconsistency, 0.0);
        QCOMPARE(r.leading()->id, Id(2)); // H2 and H3 tie at 0 and 0 support: analyst order
        QCOMPARE(r.sensitivity(1)->diagnosticity, 0.0);
        QVERIFY(!r.sensitivity(1)->critical);
        QVERIFY(!r.sensitivity(1)->flipFactor);
        QVERIFY(!r.sensitivity(2)->flipFactor);
        // Unrated cells take the "unrated" likelihood ratio, NA cells the "NA" one.
        ScoringSettings s;
        s.likelihood[int(Unrated)] = 2.0;
        const ScoreResult r2 = computeScores(hypotheses(3), ev, s);
        // LR: H1 = 1·2·0.5 = 1, H2 = 1·2·1 = 2, H3 = 1·2·2 = 4 → 1 : 2 : 4.
        QCOMPARE(r2.find(3)->posterior, 4.0 / 7.0);
        QCOMPARE(r2.find(1)->posterior, 1.0 / 7.0);
    }

    void singleHypothesis()
    {
        const ScoreResult r = computeScores(hypotheses(1), {item(1, {Rating::II})}, {});
        QCOMPARE(r.ranked.size(), 1);
        QCOMPARE(r.ranked[0].rank, 1);
        QCOMPARE(r.ranked[0].inconsistency, -2.0);
        QCOMPARE(r.ranked[0].posterior, 1.0);
        QCOMPARE(r.margin, 0.0);
        QVERIFY(r.critical.isEmpty());
        QVERIFY(!r.sensitivity(1)->flipFactor);
    }

    void zeroEvidenceAndNoHypotheses()
    {
        const ScoreResult r = computeScores(hypotheses(2), {}, {});
        QCOMPARE(r.counted, 0);
        QCOMPARE(r.ranked.size(), 2);
        QCOMPARE(r.ranked[1].rank, 1);
        QCOMPARE(r.leading()->id, Id(1));
        QCOMPARE(r.find(2)->posterior, 0.5);
        QVERIFY(r.critical.isEmpty());
        QVERIFY(!r.mostSensitive());

        const ScoreResult none = computeScores({}, threeByThree(), {});
        QVERIFY(!none.leading());
        QCOMPARE(none.counted, 3);
    }

    void priorsAndUnspecifiedShare()
    {
        QList<Hypothesis> hs = hypotheses(3);
        hs[0].prior = 0.6; // H2 and H3 unspecified: share 0.4
        ScoreResult r = computeScores(hs, {}, {});
        QCOMPARE(r.find(1)->posterior, 0.6);
        QCOMPARE(r.find(2)->posterior, 0.2);
        // Priors over 1 are normalised; nothing is left for the unspecified one.
        hs[1].prior = 0.9;
        r = computeScores(hs, {}, {});
        QCOMPARE(r.find(1)->posterior, 0.4);
        QCOMPARE(r.find(2)->posterior, 0.6);
        QCOMPARE(r.find(3)->posterior, 0.0);
        // Evidence updates the prior: H1 0.6 with C (×2) vs H2, H3 0.2 with N (×1) → 1.2 : 0.2 : 0.2.
        hs = hypotheses(3);
        hs[0].prior = 0.6;
        r = computeScores(hs, {item(1, {Rating::C, Rating::N, Rating::N})}, {});
        QCOMPARE(r.find(1)->posterior, 1.2 / 1.6);
    }

    void posteriorModeRanksByLikelihood()
    {
        using enum Rating;
        // H1: C C I → WI −1, LR 2·2·0.5 = 2.  H2: N N N → WI 0, LR 1.
        const QList<Evidence> ev{item(1, {C, N}), item(2, {C, N}), item(3, {I, N})};
        ScoringSettings s;
        QCOMPARE(computeScores(hypotheses(2), ev, s).leading()->id, Id(2));
        s.rankBy = ScoringSettings::RankBy::Posterior;
        const ScoreResult r = computeScores(hypotheses(2), ev, s);
        QCOMPARE(r.leading()->id, Id(1));
        QCOMPARE(r.find(1)->posterior, 2.0 / 3.0);
        QCOMPARE(r.margin, std::log(2.0));
        // Without e3 H1 leads by more; without e1 H1 (LR 1) ties H2 on score and support 1 > 0.
        QVERIFY(r.critical.isEmpty());
    }

    void posteriorStaysFiniteForLongChains()
    {
        QList<Evidence> ev;
        for (int i = 0; i < 2000; ++i)
            ev.append(item(i + 1, {Rating::CC, Rating::II}));
        const ScoreResult r = computeScores(hypotheses(2), ev, {});
        QCOMPARE(r.find(1)->posterior, 1.0);
        QCOMPARE(r.find(2)->posterior, 0.0);
        QVERIFY(std::isfinite(r.find(2)->logScore));
    }

    void diagnosticitySpread()
    {
        using enum Rating;
        const QList<Hypothesis> hs = hypotheses(4);
        QCOMPARE(diagnosticity(item(1, {CC, II, N, NA}), hs), 4.0);
        QCOMPARE(diagnosticity(item(1, {C, I, Unrated, NA}), hs), 2.0);
        QCOMPARE(diagnosticity(item(1, {C, C, C, C}), hs), 0.0);
        QCOMPARE(diagnosticity(item(1, {II, NA, NA, NA}), hs), 0.0); // one rating only
        QCOMPARE(diagnosticity(item(1, {}), hs), 0.0);
    }

    void ratingsForDeletedHypothesesAreIgnored()
    {
        Evidence e = item(1, {Rating::I, Rating::N});
        e.ratings.insert(99, Rating::II);
        const ScoreResult r = computeScores(hypotheses(2), {e}, {});
        QCOMPARE(r.find(1)->inconsistency, -1.0);
        QCOMPARE(r.find(2)->inconsistency, 0.0);
    }

    void settingsJsonRoundTripAndFallbacks()
    {
        ScoringSettings s;
        s.rankBy = ScoringSettings::RankBy::Posterior;
        s.relevance[0] = 0.5;
        s.reliability[5] = 0.3;
        s.credibility[0] = 0.9;
        s.likelihood[int(Rating::CC)] = 10;
        QCOMPARE(ScoringSettings::fromJson(s.toJson()), s);
        QCOMPARE(ScoringSettings::fromJson({}), ScoringSettings{});
        // Negative weights, zero or text ratios fall back to the defaults.
        const QJsonObject bad{{QStringLiteral("relevance"), QJsonObject{{QStringLiteral("low"), -1}}},
                              {QStringLiteral("likelihood"),
                               QJsonObject{{QStringLiteral("CC"), 0}, {QStringLiteral("II"), QStringLiteral("x")}}}};
        QCOMPARE(ScoringSettings::fromJson(bad), ScoringSettings{});
        QCOMPARE(s.toJson().value(QStringLiteral("reliability")).toObject().value(QStringLiteral("F")).toDouble(), 0.3);
    }
};

QTEST_GUILESS_MAIN(TestScores)
#include "tst_scores.moc"

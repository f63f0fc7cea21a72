// Why the leader leads, against matrices computed by hand (comments show the arithmetic).
#include "scoring/scoreexplanation.h"

#include <QtTest>

#include <cmath>

using namespace inquest;

namespace {

QList<Hypothesis> hypotheses()
{
    return {Hypothesis{1, QStringLiteral("Hardware failure"), HypothesisKind::Hardware, 0.0, {}},
            Hypothesis{2, QStringLiteral("DDoS attack"), HypothesisKind::Ddos, 0.0, {}},
            Hypothesis{3, QStringLiteral("Flash crowd"), HypothesisKind::FlashCrowd, 0.0, {}}};
}

// Grade A1: weight = the relevance weight (low √½, medium 1, high √2) with the default settings.
Evidence item(Id id, const char *title, Relevance relevance, Rating hw, Rating ddos, Rating crowd,
              EvidenceState state = EvidenceState::Accepted)
{
    Evidence e;
    e.id = id;
    e.title = QString::fromUtf8(title);
    e.reliability = u'A';
    e.credibility = 1;
    e.relevance = relevance;
    e.state = state;
    e.ratings = {{1, hw}, {2, ddos}, {3, crowd}};
    return e;
}

ScoreExplanation explain(const QList<Hypothesis> &hs, const QList<Evidence> &ev, ScoringSettings settings = {})
{
    return explainScores(hs, ev, computeScores(hs, ev, settings));
}

} // namespace

class TestScoreExplanation : public QObject
{
    Q_OBJECT
private slots:
    void theGapIsTheSumOfTheItems()
    {
        using enum Rating;
        // WI: hardware = −√2·2 (SMART clean, high) = −2.83; DDoS = −1 (newsletter, medium) − 0.71·1
        // (status page, low) = −1.71; crowd = −2 (SYN backlog II, medium) −1 = −3.
        const QList<Evidence> ev{item(10, "No SMART errors", Relevance::High, II, N, N),
                                 item(11, "Newsletter, no spike", Relevance::Medium, N, I, I),
                                 item(12, "Status page: attack", Relevance::Low, N, I, N),
                                 item(13, "SYN backlog full", Relevance::Medium, N, C, II),
                                 item(14, "Suggested only", Relevance::High, II, CC, II, EvidenceState::Suggested)};
        const ScoreExplanation x = explain(hypotheses(), ev);
        QCOMPARE(x.leader()->name, QStringLiteral("DDoS attack"));
        QCOMPARE(x.runnerUp()->name, QStringLiteral("Hardware failure"));
        QVERIFY(!x.tie);
        QCOMPARE(x.items.size(), 4); // accepted only
        // Differences DDoS − hardware: SMART 0 − (−2.83) = +2.83; newsletter −1; status page −0.71;
        // SYN backlog 0 (C adds nothing to an inconsistency score).
        QCOMPARE(x.items[0].evidence, Id(10));
        QVERIFY(std::abs(x.items[0].difference - 2 * std::sqrt(2.0)) < 1e-9);
        QCOMPARE(x.items[1].evidence, Id(11));
        QVERIFY(std::abs(x.items[1].difference + 1.0) < 1e-9);
        QCOMPARE(x.items[2].evidence, Id(12));
        QVERIFY(std::abs(x.items[2].difference + std::sqrt(0.5)) < 1e-9);
        QCOMPARE(x.items[3].evidence, Id(13));
        QCOMPARE(x.items[3].difference, 0.0);
        double sum = 0;
        for (const auto &i : x.items)
            sum += i.difference;
        QVERIFY(std::abs(sum - x.margin) < 1e-9); // 2.83 − 1 − 0.71 = 1.12
        QVERIFY(std::abs(x.margin - (2 * std::sqrt(2.0) - 1 - std::sqrt(0.5))) < 1e-9);
        // Every hypothesis's contribution, not only the two at the top.
        QCOMPARE(x.items[3].contribution.value(3), -2.0);
        QVERIFY(x.items[0].ratings.value(1) == Rating::II);
        QCOMPARE(x.summary(), QStringLiteral("DDoS attack leads Hardware failure by 1.12 in weighted inconsistency. "
                                             "Most of the gap: \u201cNo SMART errors\u201d +2.83, "
                                             "\u201cNewsletter, no spike\u201d \u22121.00."));
    }

    void aTieIsSaidToBeATie()
    {
        using enum Rating;
        // Hardware and DDoS both −1; whichever is first in the list, neither leads.
        const QList<Evidence> ev{item(10, "A", Relevance::Medium, I, N, II), item(11, "B", Relevance::Medium, N, I, N)};
        for (bool swapped : {false, true}) {
            QList<Hypothesis> hs = hypotheses();
            if (swapped)
                hs.swapItemsAt(0, 1);
            const ScoreExplanation x = explain(hs, ev);
            QVERIFY(x.tie);
            QCOMPARE(x.margin, 0.0);
            QVERIFY2(x.summary().startsWith(QStringLiteral("Tie: ")), qPrintable(x.summary()));
            QVERIFY(x.summary().contains(QStringLiteral("Hardware failure")));
            QVERIFY(x.summary().contains(QStringLiteral("DDoS attack")));
            QVERIFY(!x.summary().contains(QStringLiteral("leads ")));
        }
    }

    void aSharedSecondPlaceIsNamed()
    {
        using enum Rating;
        // Hardware 0, DDoS −1, crowd −1: DDoS and crowd share second place.
        const ScoreExplanation x = explain(hypotheses(), {item(10, "A", Relevance::Medium, N, I, I)});
        QVERIFY(!x.tie);
        QVERIFY2(x.summary().startsWith(QStringLiteral("Hardware failure leads DDoS attack (tied for second with "
                                                       "Flash crowd; the shares below are against DDoS attack) by "
                                                       "1.00")),
                 qPrintable(x.summary()));
    }

    void posteriorGapsIncludeThePriors()
    {
        using enum Rating;
        QList<Hypothesis> hs = hypotheses();
        hs[0].prior = 0.6; // hardware 0.6; the other two share 0.4
        ScoringSettings settings;
        settings.rankBy = ScoringSettings::RankBy::Posterior;
        // One item, C for hardware, I for DDoS, N for crowd, weight 1: ln 2 − ln ½ = 1.386.
        const ScoreExplanation x = explain(hs, {item(10, "A", Relevance::Medium, C, I, N)}, settings);
        QCOMPARE(x.leader()->name, QStringLiteral("Hardware failure"));
        QCOMPARE(x.runnerUp()->name, QStringLiteral("Flash crowd"));
        QVERIFY(std::abs(x.items[0].difference - std::log(2.0)) < 1e-9);
        QVERIFY(std::abs(x.priorDifference - std::log(0.6 / 0.2)) < 1e-9);
        QVERIFY(std::abs(x.margin - (x.items[0].difference + x.priorDifference)) < 1e-9);
        QVERIFY(x.summary().contains(QStringLiteral("log posterior")));
        QVERIFY(x.summary().contains(QStringLiteral("Priors: +1.10")));
    }

    void noHypothesesOrOne()
    {
        QCOMPARE(explain({}, {}).summary(), QStringLiteral("No hypotheses."));
        const ScoreExplanation one = explain({hypotheses().first()}, {});
        QVERIFY(one.summary().contains(QStringLiteral("only hypothesis")));
        QCOMPARE(signedNumber(-0.001), QStringLiteral("0"));
        QCOMPARE(signedNumber(1.5), QStringLiteral("+1.50"));
    }
};

QTEST_GUILESS_MAIN(TestScoreExplanation)
#include "tst_scoreexplanation.moc"

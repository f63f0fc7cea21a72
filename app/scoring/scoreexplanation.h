#pragma once

#include "scores.h"

namespace inquest {

// Why the leader leads: each accepted item's contribution to every hypothesis's ranking score
// (from ScoreResult, so it cannot disagree with the scores), and what it does to the gap
// between the leader and the runner-up. With a tie, "leader" and "runner-up" are the first two
// of the tied hypotheses in the list, the gap is 0 and `tie` says so: neither leads.
struct ScoreExplanation
{
    struct Item
    {
        Id evidence = 0;
        QString title;
        double weight = 0;
        QMap<Id, Rating> ratings;      // by hypothesis id
        QMap<Id, double> contribution; // to each hypothesis's ranking score
        double difference = 0;         // contribution to the leader − to the runner-up
    };
    QList<HypothesisScore> hypotheses; // in rank order
    const HypothesisScore *leader() const { return hypotheses.isEmpty() ? nullptr : &hypotheses[0]; }
    const HypothesisScore *runnerUp() const { return hypotheses.size() < 2 ? nullptr : &hypotheses[1]; }
    bool tie = false;
    double margin = 0;          // ranking score of the leader − of the runner-up
    double priorDifference = 0; // posterior mode: ln prior(leader) − ln prior(runner-up); else 0
    QString measure;            // "weighted inconsistency" or "log posterior"
    // Accepted items, those that separate the two most first (|difference| descending; equal
    // ones in case order).
    QList<Item> items;

    // One sentence: who leads whom by how much and the items that make most of the gap, or
    // that the first two are tied.
    QString summary(int mentioned = 2) const;
    // The items that make most of the gap with their share of it ("“A” +2.83, “B” −1.00"); empty
    // when none separates the first two.
    QString gapItems(int mentioned = 2) const;
};

ScoreExplanation explainScores(const QList<Hypothesis> &hypotheses, const QList<Evidence> &evidence,
                               const ScoreResult &result);

// "+1.41" / "−0.50" / "0": a contribution or difference as the panel, report and CLI print it.
QString signedNumber(double value);

} // namespace inquest

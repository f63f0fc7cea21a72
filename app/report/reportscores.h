#pragma once

#include "model/kinds.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace inquest {

// The scoring summary the findings report prints: plain numbers, filled by the caller from
// app/scoring's result. The report never scores; an empty `ranked` means "not scored".
struct ReportScores
{
    struct Row
    {
        Id hypothesis = 0; // the hypothesis id in the case (0 if unknown: matched by name)
        QString name;
        HypothesisKind kind = HypothesisKind::Other;
        int rank = 0;                     // 1 = leading
        double weightedInconsistency = 0; // lower is better (ACH)
        double support = 0;               // weighted consistency
        double posterior = 0;             // likelihood-ratio mode; 0..1
    };
    // Hypotheses in rank order (ranked.first() leads).
    QList<Row> ranked;
    // Gap between the leader and the runner-up in the ranking measure (rankBy units).
    double margin = 0;
    // Evidence whose removal or re-weighting changes the leader.
    QList<Id> critical;

    struct Sensitivity
    {
        Id evidence = 0;
        bool critical = false;
        // The factor this item's weight must be multiplied by to change the leader (none: it cannot).
        std::optional<double> flipFactor;
        QString flipsTo; // the hypothesis that would then lead
    };
    QList<Sensitivity> sensitivity;

    // Why the leader leads (scoring/scoreexplanation): one sentence, and the accepted items that
    // separate the first two, the largest share of the gap first.
    struct Contribution
    {
        Id evidence = 0;
        QString title;
        double weight = 0;
        double difference = 0;  // to the leader − to the runner-up, in ranking units
        QString differenceText; // the same, signed, as printed ("+1.41", "−0.50")
        QString leader;         // "+0.00 CC": contribution and rating for the leader
        QString runnerUp;       // the same for the runner-up
    };
    QString whySummary;
    QList<Contribution> why;
    int whyOthers = 0;    // accepted items that do not separate the first two (not listed)
    QString rankBy;       // e.g. "weighted inconsistency"
    QStringList formulas; // how each printed score is computed, one line each

    bool isScored() const { return !ranked.isEmpty(); }
};

} // namespace inquest

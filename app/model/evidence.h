#pragma once

#include "kinds.h"
#include "provenance.h"

#include <QMap>
#include <QStringList>

namespace inquest {

struct Evidence
{
    Id id = 0;
    QString title;
    QString description;
    QString origin; // "manual", "statement", "chart", "log-lines", or "detector:<name>@<version>"
    QString reason; // a detector's human-readable reason, with its numbers
    Provenance provenance;

    QChar reliability = u'F'; // Admiralty source reliability A (reliable) .. F (cannot be judged)
    int credibility = 6;      // Admiralty information credibility 1 (confirmed) .. 6 (cannot be judged)
    Relevance relevance = Relevance::Medium;
    QStringList tags;
    bool starred = false;
    QString comments;
    EvidenceState state = EvidenceState::Accepted;

    QMap<Id, Rating> ratings;                 // per hypothesis id; missing = unrated
    QMap<HypothesisKind, Rating> kindRatings; // a detector's ratings per kind, applied to new hypotheses

    Rating rating(Id hypothesis) const { return ratings.value(hypothesis, Rating::Unrated); }
    bool operator==(const Evidence &) const = default;
};

} // namespace inquest

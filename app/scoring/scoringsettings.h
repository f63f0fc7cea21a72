#pragma once

#include "model/evidence.h"

#include <QJsonObject>

#include <array>
#include <optional>

namespace inquest {

// The weights and likelihood-ratio table the scores use, stored with the case in
// CaseMeta::scoringSettings. Missing or invalid entries fall back to the defaults, so an old
// case or a hand-edited file always scores.
//
// JSON shape (every key optional):
//   {"rankBy": "inconsistency"|"posterior",
//    "relevance":   {"low": 0.7071, "medium": 1, "high": 1.4142},
//    "reliability": {"A": 1, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5},
//    "credibility": {"1": 1, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2, "6": 0.5},
//    "likelihood":  {"CC": 4, "C": 2, "N": 1, "I": 0.5, "II": 0.25, "NA": 1, "unrated": 1}}
struct ScoringSettings
{
    enum class RankBy { Inconsistency, Posterior };

    RankBy rankBy = RankBy::Inconsistency;
    // Low, Medium, High: PARC ACH's √½, 1, √2, so High counts twice as much as Low.
    std::array<double, 3> relevance{0.70710678118654752, 1.0, 1.41421356237309505};
    // Admiralty source reliability A..F. F ("cannot be judged") sits in the middle rather than
    // at the bottom: unknown is not the same as known-unreliable (E).
    std::array<double, 6> reliability{1.0, 0.8, 0.6, 0.4, 0.2, 0.5};
    // Admiralty information credibility 1..6; 6 ("cannot be judged") likewise in the middle.
    std::array<double, 6> credibility{1.0, 0.8, 0.6, 0.4, 0.2, 0.5};
    // Likelihood ratio per Rating, indexed by int(Rating): Unrated, CC, C, N, I, II, NA.
    std::array<double, 7> likelihood{1.0, 4.0, 2.0, 1.0, 0.5, 0.25, 1.0};

    static ScoringSettings fromJson(const QJsonObject &json);
    // For settings a person wrote (`inquest case --scoring FILE`): every key must be known and
    // every value valid; otherwise nullopt and `error` names the first key at fault. Keys left
    // out keep their defaults.
    static std::optional<ScoringSettings> fromJsonStrict(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    // Credibility weight = √(reliability factor × credibility factor): the geometric mean keeps
    // it on the same 0..1 scale as each factor (A1 = 1, F6 = 0.5, E5 = 0.2).
    double credibilityWeight(const Evidence &e) const;
    double relevanceWeight(Relevance r) const { return relevance[std::size_t(r)]; }
    // The weight an item carries in every score: credibility weight × relevance weight.
    double weight(const Evidence &e) const { return credibilityWeight(e) * relevanceWeight(e.relevance); }
    double likelihoodRatio(Rating r) const { return likelihood[std::size_t(r)]; }

    bool operator==(const ScoringSettings &) const = default;
};

// Names for the JSON keys, shared by the settings editor and the file format.
QString reliabilityKey(int index); // "A".."F"
QString credibilityKey(int index); // "1".."6"
QString relevanceKey(int index);   // "low", "medium", "high"
QString likelihoodKey(Rating r);   // "CC".."NA", "unrated"

} // namespace inquest

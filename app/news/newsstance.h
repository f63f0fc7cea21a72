#pragma once

#include "model/kinds.h"

#include <QMap>
#include <QStringList>

namespace inquest::news {

struct StanceSuggestion
{
    QMap<HypothesisKind, Rating> stance; // C/CC consistent with a kind, I/II against it
    QStringList triggers;                // the words that made the suggestion, as written
};

// Suggests what a statement says about the hypothesis kinds. A trigger ("hardware failure",
// "DDoS", "attack Amazon", "surge in traffic", …) supports its kind unless a negation governs it
// ("not the result of a DDoS attempt", "chose not to attack"), which makes it speak against the
// kind. A negated capability or a hedge ("may not have been able to take Amazon down") is no
// claim either way and suggests nothing. Causal framing ("because of", "blaming … on", "the
// result of") makes the rating strong (CC/II). When a statement both supports and denies a
// kind, the denial wins: people deny a cause after having mentioned it. A denied surge of traffic
// ("we saw no unusual traffic") speaks against a DDoS as well as a flash crowd: a flood is traffic.
StanceSuggestion suggestStance(QStringView text);

} // namespace inquest::news

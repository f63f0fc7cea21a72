#pragma once

#include "kinds.h"

namespace inquest {

struct Hypothesis
{
    Id id = 0;
    QString name;
    HypothesisKind kind = HypothesisKind::Other;
    double prior = 0.0; // prior probability for the likelihood-ratio mode; 0 = uniform
    QString notes;

    bool operator==(const Hypothesis &) const = default;
};

} // namespace inquest

#pragma once

#include "eventstore.h"

#include <vector>

namespace inquest {

// Which values of which dimensions explain a change in a count between a baseline window and an
// anomalous one — Adtributor (Bhagwan et al., NSDI 2014).
//
// For a dimension with values j: the forecast F_j is the baseline count scaled to the window's
// length, A_j the count seen; F = Σ F_j, A = Σ A_j.
//   explanatory power  EP_j = (A_j − F_j) / (A − F)      (the share of the change value j carries)
//   surprise           S_j  = ½·[p_j·log(2p_j/(p_j+q_j)) + q_j·log(2q_j/(p_j+q_j))],
//                      p_j = F_j/F, q_j = A_j/A           (value j's term of the Jensen–Shannon divergence)
// Per dimension, values are taken in order of surprise while each explains at least `minValueShare`
// of the change, until together they explain `explainShare`; the dimension's surprise is the sum
// of theirs. Dimensions that explain the change are ranked by surprise: the most surprising
// explanation is the most informative one (a change spread evenly over a dimension's values does
// not surprise, a change carried by one value does).
struct Attribution
{
    struct Value
    {
        QString value;
        double expected = 0; // F_j
        double actual = 0;   // A_j
        double explanatory = 0;
        double surprise = 0;
    };
    EventStore::Dimension dimension = EventStore::Dimension::Site;
    double explanatory = 0; // Σ EP of the chosen values
    double surprise = 0;    // Σ S of the chosen values
    std::vector<Value> values;
};

struct AttributionParameters
{
    double explainShare = 0.67; // T_EEP
    double minValueShare = 0.1; // T_EP
    int maxValues = 3;
};

// The explaining dimensions, most surprising first. `sites` empty: all sites.
std::vector<Attribution> attribute(const EventStore &store, const QStringList &sites, EventStore::Filter filter,
                                   std::pair<int64_t, int64_t> window, std::pair<int64_t, int64_t> baseline,
                                   const AttributionParameters &params = {});

QString dimensionName(EventStore::Dimension dimension);

} // namespace inquest

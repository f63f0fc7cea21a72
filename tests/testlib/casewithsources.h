#pragma once
// A case with one hypothesis of every kind and the given sources (ids assigned in order): what
// detector tests run on.

#include "model/casedata.h"

namespace inquest::testing {

inline CaseData caseWithAllKinds(const QList<Source> &sources)
{
    QList<Hypothesis> hs;
    for (HypothesisKind k : allHypothesisKinds())
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseData d = CaseData::create(QStringLiteral("t"), hs);
    for (Source s : sources) {
        s.id = d.nextId++;
        d.sources.append(s);
    }
    return d;
}

} // namespace inquest::testing

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

// A case weighing two hypotheses only, Hardware failure (id 1) and DDoS attack (id 2): the
// small matrix the scoring and model tests reason about by hand.
inline CaseData twoHypothesisCase(const QString &title)
{
    return CaseData::create(title,
                            {Hypothesis{0, displayName(HypothesisKind::Hardware), HypothesisKind::Hardware, 0.0, {}},
                             Hypothesis{0, displayName(HypothesisKind::Ddos), HypothesisKind::Ddos, 0.0, {}}});
}

} // namespace inquest::testing

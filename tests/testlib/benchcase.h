#pragma once
// The 5M-event case the analyze benchmarks share: a hardware incident with decoys over six
// storefront sites, scaled to about `events` requests, with hypotheses of every kind.
#include "model/casedata.h"
#include "scenario/scenariobuilder.h"

#include <optional>

namespace inquest::testing {

inline std::optional<CaseData> analyzeBenchCase(double events, qint64 *scenarioBegin = nullptr)
{
    using namespace inquest::scenario;
    ScenarioSpec spec = randomScenario(IncidentKind::Hardware, 42);
    spec.sites.clear();
    const char *names[] = {"shop.example.co.uk", "shop.example.de", "shop.example.fr",
                           "shop.example.es",    "shop.example.it", "shop.example.com"};
    // ~0.8 of the peak on average over the evening hours generated here.
    const double seconds = double(spec.end - spec.begin) / 1e6;
    const double peak = events / seconds / 6 / 0.8;
    for (int i = 0; i < 6; ++i)
        spec.sites.append({QString::fromLatin1(names[i]), peak, i < 4, {}});
    if (scenarioBegin)
        *scenarioBegin = spec.begin;

    QString error;
    auto sources = generateSources(spec, {}, &error);
    if (!sources)
        return std::nullopt;
    QList<Hypothesis> hs;
    for (HypothesisKind k : allHypothesisKinds())
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseData data = CaseData::create(QStringLiteral("bench"), hs);
    for (Source &s : *sources) {
        s.id = data.nextId++;
        // Generated without files: a case file still needs a path and a hash to refer to.
        s.path = QStringLiteral("/nonexistent/bench/%1.log").arg(s.site.isEmpty() ? QStringLiteral("syslog") : s.site);
        s.sha256 = QString(64, u'0');
        data.sources.append(s);
    }
    return data;
}

} // namespace inquest::testing

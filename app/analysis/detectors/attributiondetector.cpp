#include "attributiondetector.h"

namespace inquest {

QJsonObject AttributionDetector::parameters() const
{
    return {{QStringLiteral("explainShare"), params.attribution.explainShare},
            {QStringLiteral("minValueShare"), params.attribution.minValueShare},
            {QStringLiteral("maxValues"), params.attribution.maxValues},
            {QStringLiteral("baselineMinutes"), params.baselineMinutes}};
}

void AttributionDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    for (const Incident &inc : context.incidents) {
        bool errors = false;
        for (const auto &w : inc.windows)
            errors |= w.errors;
        const auto baseline = context.baselineFor(inc, int64_t(params.baselineMinutes) * 60'000'000, 5 * 60'000'000LL);
        if (baseline.second <= baseline.first)
            continue;
        const EventStore::Filter filter = errors ? EventStore::Filter::Failures : EventStore::Filter::All;
        const auto found =
            attribute(*context.events, inc.affected, filter, {inc.begin, inc.end}, baseline, params.attribution);
        if (found.empty())
            continue;
        QStringList parts;
        for (std::size_t i = 0; i < found.size() && int(i) < params.maxDimensions; ++i) {
            const Attribution &a = found[i];
            QStringList values;
            for (const auto &v : a.values)
                values.append(
                    QStringLiteral("%1 (%2 of the change; expected %3, seen %4; surprise %5)")
                        .arg(v.value.isEmpty() ? QStringLiteral("(none)") : v.value, formatPercent(v.explanatory))
                        .arg(qRound64(v.expected))
                        .arg(qRound64(v.actual))
                        .arg(v.surprise, 0, 'f', 3));
            parts.append(QStringLiteral("%1: %2").arg(dimensionName(a.dimension), values.join(QStringLiteral(", "))));
        }
        const Attribution &top = found.front();
        const QString what = errors ? QStringLiteral("failures") : QStringLiteral("requests");
        Evidence e = suggest(
            QStringLiteral("The change in %1 is explained by %2 %3")
                .arg(what, dimensionName(top.dimension), top.values.empty() ? QString() : top.values.front().value),
            QStringLiteral("Adtributor over %1 in %2–%3 against the %4 minutes before (explanatory power ≥ %5 "
                           "per dimension, values ranked by Jensen–Shannon surprise): %6. The dimensions a change "
                           "falls on describe it; the cause is weighed by the findings on endpoints and clients, "
                           "so this finding rates no hypothesis itself.")
                .arg(what, formatUtc(inc.begin), formatUtc(inc.end, false))
                .arg(params.baselineMinutes)
                .arg(formatPercent(params.attribution.explainShare), parts.join(QStringLiteral("; "))),
            ratings({}));
        e.provenance.timeBegin = inc.begin;
        e.provenance.timeEnd = inc.end;
        e.provenance.metric = errors ? QStringLiteral("errors") : QStringLiteral("requests");
        e.provenance.site = inc.affected.join(u',');
        context.citeLines(e, inc.affected, inc.begin, inc.end);
        out.evidence.append(e);
    }
}

} // namespace inquest

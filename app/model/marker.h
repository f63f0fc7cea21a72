#pragma once

#include "kinds.h"

namespace inquest {

enum class MarkerKind { Outage, Note, Finding };

// A span or instant on the timeline: an outage window, an analyst's note, a detector finding.
struct Marker
{
    Id id = 0;
    MarkerKind kind = MarkerKind::Outage;
    qint64 begin = 0; // µs UTC
    qint64 end = 0;
    QString label;
    QString site;   // empty = all sites
    QString origin; // "manual" or "detector:<name>"

    bool operator==(const Marker &) const = default;
};

QString toString(MarkerKind kind);
std::optional<MarkerKind> markerKindFromString(const QString &text);

} // namespace inquest

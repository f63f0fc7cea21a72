#include "marker.h"

namespace inquest {

QString toString(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Outage:
        return QStringLiteral("outage");
    case MarkerKind::Note:
        return QStringLiteral("note");
    case MarkerKind::Finding:
        return QStringLiteral("finding");
    }
    return {};
}

std::optional<MarkerKind> markerKindFromString(const QString &text)
{
    for (MarkerKind k : {MarkerKind::Outage, MarkerKind::Note, MarkerKind::Finding}) {
        if (toString(k) == text)
            return k;
    }
    return std::nullopt;
}

} // namespace inquest

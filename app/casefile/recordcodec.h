#pragma once

#include "model/kinds.h"
#include "model/timeref.h"

#include <QMap>
#include <QStringList>

#include <optional>

namespace inquest::recordcodec {

// JSON text for the few list- and map-valued fields of case records.
QString kindRatingsToJson(const QMap<HypothesisKind, Rating> &map);
std::optional<QMap<HypothesisKind, Rating>> kindRatingsFromJson(const QString &json);
QString timesToJson(const QList<TimeRef> &times);
std::optional<QList<TimeRef>> timesFromJson(const QString &json);
QString stringsToJson(const QStringList &list);
std::optional<QStringList> stringsFromJson(const QString &json);

} // namespace inquest::recordcodec

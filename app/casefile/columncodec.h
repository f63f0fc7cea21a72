#pragma once

#include "model/eventtable.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace inquest::columncodec {

// An event table as named, zlib-compressed blobs (little-endian arrays; the string pool as
// length-prefixed UTF-8), the form the case file stores.
QList<QPair<QString, QByteArray>> encode(const EventTable &table);
// Rebuilds the table; nullopt (with a reason) when a blob is damaged or columns disagree in length.
std::optional<EventTable> decode(const QList<QPair<QString, QByteArray>> &columns, QString *error);

} // namespace inquest::columncodec

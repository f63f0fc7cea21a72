#pragma once

#include "model/eventtable.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>
#include <vector>

namespace inquest::columncodec {

// An event table as named, zlib-compressed blobs (little-endian arrays; the string pool as
// length-prefixed UTF-8), the form the case file stores.
using Columns = QList<QPair<QString, QByteArray>>;

Columns encode(const EventTable &table);
// The names of the blobs encode() gives for table, in its order.
QStringList columnNames(const EventTable &table);
// Rebuilds the table; nullopt (with a reason) when a blob is damaged or columns disagree in length.
std::optional<EventTable> decode(const Columns &columns, QString *error);
// Rebuilds several tables at once, their columns in parallel; errors gets one message per table
// (empty for the ones that decoded).
std::vector<std::optional<EventTable>> decode(const QList<Columns> &tables, QStringList *errors);

} // namespace inquest::columncodec

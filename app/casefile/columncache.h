#pragma once

#include "model/eventtable.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <memory>
#include <optional>

namespace inquest::columncache {

using Blobs = QList<QPair<QString, QByteArray>>;

// The compressed column blobs (columncodec's form) of event tables that were read from or
// written to a case file, so that saving a case again — every save, autosave and `analyze` —
// stores an unchanged table's blobs instead of compressing its ~64 bytes per event again.
// Keyed by the table object: a table in a Source is immutable once shared
// (std::shared_ptr<const EventTable>), and an entry lives no longer than its table.
// Thread-safe (saves run off the GUI thread).

// The blobs of a table: remembered ones, or freshly encoded (and then remembered).
Blobs encoded(const std::shared_ptr<const EventTable> &table);
// Records that `blobs` decode to `table` (the reader calls it with what it read).
void remember(const std::shared_ptr<const EventTable> &table, Blobs blobs);
// Whether blobs of `table` are remembered (for tests).
bool contains(const std::shared_ptr<const EventTable> &table);

} // namespace inquest::columncache

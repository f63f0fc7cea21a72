#pragma once

#include "importer.h"

namespace inquest {

class CaseDocument;

// The settings a source was read with (format, zone, year, site): the start for editing them.
ImportOptions optionsOf(const Source &source);

// Reads a source again from its file with new settings. Fails with a message naming the file
// when the file is gone or is no longer the file imported (its SHA-256 differs); the new
// Source keeps the old one's id and import time.
ImportResult rereadSource(const Source &source, const ImportOptions &options, const ImportProgress &progress = {});

// What differs between a source and its re-read ("year 2026 → 2010", "site a → b", …).
QStringList sourceChanges(const Source &before, const Source &after);

namespace edit {
// Puts `source` in place of the source with its id, as one undo step, and writes a custody row.
void replaceSource(CaseDocument *doc, Source source);
} // namespace edit

} // namespace inquest

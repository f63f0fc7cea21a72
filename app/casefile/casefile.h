#pragma once

#include "model/casedata.h"
#include "model/diskidentity.h"

#include <optional>

namespace inquest {
class CaseDocument;

namespace casefile {

constexpr auto Suffix = "inquest";

// Reads a case file. Never modifies the file: an older schema is migrated in a temporary copy.
// On failure returns nullopt and sets *error to a message naming the file and the problem
// (not a case file, damaged, newer schema, unreadable).
std::optional<CaseData> read(const QString &path, QString *error, int *fileVersion = nullptr);

// Writes the whole case to a temporary file beside `path` in one transaction, syncs it, then
// renames it over `path`: the old file stays intact until the new one is complete.
// With `expected`, the file at `path` must still be that one just before the rename; if someone
// else replaced or changed it, nothing is replaced, *error says so and *conflict is set.
bool write(const CaseData &data, const QString &path, QString *error, const DiskIdentity *expected = nullptr,
           bool *conflict = nullptr);

// Save / Open for a document: custody rows for the edits and the save are written with it.
// Open records the file's identity in the document; a save over the same path refuses to
// replace a file that is no longer that one (*conflict), and records the new identity.
bool save(CaseDocument &doc, const QString &path, QString *error, bool *conflict = nullptr);
bool open(CaseDocument &doc, const QString &path, QString *error);

} // namespace casefile
} // namespace inquest

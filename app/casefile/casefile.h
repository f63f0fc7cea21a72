#pragma once

#include "model/casedata.h"

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
bool write(const CaseData &data, const QString &path, QString *error);

// Save / Open for a document: custody rows for the edits and the save are written with it.
bool save(CaseDocument &doc, const QString &path, QString *error);
bool open(CaseDocument &doc, const QString &path, QString *error);

} // namespace casefile
} // namespace inquest

#pragma once

#include "model/diskidentity.h"

#include <optional>

namespace inquest::casefile {

// The identity of the case file at `path` now; nullopt when there is no such file. withHead
// also reads the hash of its last custody row (one small query).
std::optional<DiskIdentity> identify(const QString &path, bool withHead);

// Empty when the file at `path` is still the one `expected` describes (or it is gone: nothing of
// anyone's would be overwritten); otherwise why a save must not replace it.
QString changedSince(const QString &path, const DiskIdentity &expected);

} // namespace inquest::casefile

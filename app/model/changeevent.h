#pragma once

#include "kinds.h"

#include <QMetaType>

namespace inquest {

enum class Entity { Case, Source, Hypothesis, Evidence, Statement, Marker, Curve, EventMark, RemoteSource };
enum class ChangeAction { Added, Removed, Modified, Moved, Reset };

// What changed in a CaseDocument. `index` is the row in the entity's list where that helps
// adapters (the row added, removed or moved to); -1 when not meaningful.
struct ChangeEvent
{
    Entity entity = Entity::Case;
    ChangeAction action = ChangeAction::Reset;
    Id id = 0;
    int index = -1;
    int fromIndex = -1; // for Moved
};

} // namespace inquest

Q_DECLARE_METATYPE(inquest::ChangeEvent)

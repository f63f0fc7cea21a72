#pragma once

#include "scenariospec.h"

#include "model/eventtable.h"

#include <QByteArray>

#include <memory>

namespace inquest::scenario {

// Generates one site's access log for a scenario: the events as an EventTable and, when `file`
// is given, the same events as Apache "combined" lines (one file per site, no virtual host
// prefix). Times in the file carry the servers' UTC offset; the table holds UTC.
std::shared_ptr<EventTable> generateAccessLog(const ScenarioSpec &spec, int site, QByteArray *file);

} // namespace inquest::scenario

#pragma once

#include "scenariospec.h"

#include "model/source.h"

#include <QList>
#include <QString>

namespace inquest::scenario {

// Generates a scenario's logs: one Apache combined log per site and, when spec.syslog, one
// RFC 3164 system log for the datacenter. With a directory, writes the files there and fills
// each Source's path, SHA-256 and size from the bytes written; without one, builds the event
// tables only (for tests and benchmarks that need volume but no files). Source ids are 0.
// Returns nullopt and sets *error when a file cannot be written.
std::optional<QList<Source>> generateSources(const ScenarioSpec &spec, const QString &directory, QString *error);

} // namespace inquest::scenario

#pragma once

#include "scenariospec.h"

#include "model/eventtable.h"

#include <QByteArray>

#include <memory>

namespace inquest::scenario {

// Generates the datacenter's system log for a scenario: routine chatter from switches, load
// balancers and servers, the incident's own messages and the decoys'. The file is RFC 3164
// ("<PRI>Mmm dd hh:mm:ss host tag: text") in the datacenter's zone, without a year; the table
// holds UTC times, severity, host and the message (tag and text) in `message`.
std::shared_ptr<EventTable> generateSyslog(const ScenarioSpec &spec, QByteArray *file);

} // namespace inquest::scenario

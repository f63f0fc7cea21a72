#pragma once

#include <QString>

namespace inquest {

// The part a host plays, guessed from its name (the first label: "core-sw1", "edge-rtr1",
// "lb-02", "web03", "db3", "ns1") and else from the program that logged (bgpd, haproxy, named,
// mysqld, nginx). Host names are conventions, not facts: the role is a guess and says so.
enum class HostRole { Switch, Router, LoadBalancer, Web, Database, Dns, Other };

QString toString(HostRole role); // "switch", "router", "lb", "web", "db", "dns", "other"

// The role of `host` (a syslog HOSTNAME), with `program` (the message's tag, may be empty)
// consulted when the name says nothing.
HostRole hostRole(const QString &host, const QString &program = {});

} // namespace inquest

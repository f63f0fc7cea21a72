#pragma once

#include <string>

namespace inquest::scenario {

// The same system-log event as another vendor's gear or software writes it: datacenters mix
// Cisco, Juniper, Arista, Linux, BIRD, unbound, puppet and fail2ban. Dialect 0 keeps the line
// (Cisco IOS, Quagga, BIND, the generator's own deploy tool); 1 is Junos, unbound, puppet and
// fail2ban; 2 is Arista, Linux bonding and e1000e, IPMI, BIRD and php-fpm. Lines of other events
// are returned as they are.
std::string inDialect(std::string msg, int dialect);

} // namespace inquest::scenario

#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>
#include <vector>

namespace inquest {

// What a system-log message means, whichever vendor wrote it: the families an outage analysis
// reads (Cisco/Arista %FAC-SEV-MNEMONIC, Junos, Linux kernel and NIC drivers, EDAC, smartd/md,
// HAProxy, nginx, php-fpm, MySQL, Nagios, puppet, BIND, …). A message that reports a recovery
// ("changed state to up", "NIC Link is Up", "Established") belongs to no family.
enum class LogFamily {
    LinkDown,         // interface / line protocol / port down or flapping
    Nic,              // NIC driver faults: Tx hang, reset adapter, firmware error
    Memory,           // uncorrectable ECC, machine check
    Power,            // PSU / power / fan / temperature
    Fabric,           // switch fabric, linecard, module failure
    Disk,             // RAID degraded, disk I/O errors, SMART failures
    Routing,          // BGP / OSPF / IS-IS session down, routes withdrawn
    Dns,              // name resolution failures
    SynFlood,         // SYN flood, conntrack or socket table full
    RateLimit,        // rate limiting, bans, blacklisting
    Change,           // deploy, release, rollback, configuration commit or reload, restarts
    WorkerExhaustion, // worker / connection pools full
    HealthCheck,      // load-balancer backends failing health checks
};

// The hypothesis-facing group of a family.
enum class LogFamilyGroup { Hardware, Network, Attack, Change, Capacity };

LogFamilyGroup groupOf(LogFamily family);
QString toString(LogFamily family);        // "link-down", …
QString displayName(LogFamily family);     // "link or interface down", …
QString displayName(LogFamilyGroup group); // "Hardware faults", …

class LogFamilies
{
public:
    LogFamilies();
    // The family of a message (program tag and text), if it has one.
    std::optional<LogFamily> classify(const QString &message) const;

private:
    std::vector<std::pair<LogFamily, QRegularExpression>> m_patterns;
    QRegularExpression m_recovery;
    QRegularExpression m_corrected;
    QRegularExpression m_session; // logins and sessions: never a family
};

} // namespace inquest

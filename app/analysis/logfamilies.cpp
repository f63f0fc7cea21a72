#include "logfamilies.h"

namespace inquest {

LogFamilyGroup groupOf(LogFamily family)
{
    switch (family) {
    case LogFamily::LinkDown:
    case LogFamily::Nic:
    case LogFamily::Memory:
    case LogFamily::Power:
    case LogFamily::Fabric:
    case LogFamily::Disk:
        return LogFamilyGroup::Hardware;
    case LogFamily::Routing:
    case LogFamily::Dns:
        return LogFamilyGroup::Network;
    case LogFamily::SynFlood:
    case LogFamily::RateLimit:
        return LogFamilyGroup::Attack;
    case LogFamily::Change:
        return LogFamilyGroup::Change;
    case LogFamily::WorkerExhaustion:
    case LogFamily::HealthCheck:
        return LogFamilyGroup::Capacity;
    }
    return LogFamilyGroup::Capacity;
}

QString toString(LogFamily family)
{
    static const char16_t *Names[] = {u"link-down",   u"nic",        u"memory",  u"power",
                                      u"fabric",      u"disk",       u"routing", u"dns",
                                      u"syn-flood",   u"rate-limit", u"change",  u"worker-exhaustion",
                                      u"health-check"};
    return QString::fromUtf16(Names[int(family)]);
}

QString displayName(LogFamily family)
{
    static const char16_t *Names[] = {u"link or interface down",
                                      u"NIC fault",
                                      u"uncorrectable memory error",
                                      u"power, fan or temperature fault",
                                      u"fabric or linecard fault",
                                      u"disk or RAID fault",
                                      u"routing session down or routes withdrawn",
                                      u"name resolution failures",
                                      u"SYN flood or connection table full",
                                      u"rate limiting or bans",
                                      u"deploy, release, rollback or configuration change",
                                      u"worker or connection pool exhausted",
                                      u"load-balancer health checks failing"};
    return QString::fromUtf16(Names[int(family)]);
}

QString displayName(LogFamilyGroup group)
{
    static const char16_t *Names[] = {u"Hardware faults", u"Network faults", u"Attack signs", u"Changes",
                                      u"Capacity exhausted"};
    return QString::fromUtf16(Names[int(group)]);
}

LogFamilies::LogFamilies()
{
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    auto re = [&](const char16_t *pattern, bool caseless = true) {
        return QRegularExpression(QString::fromUtf16(pattern), caseless ? ci : QRegularExpression::NoPatternOption);
    };
    // A configuration-management run is a change only when it changed something: Puppet ends every
    // run with "Applied catalog in N seconds" (older: "Finished catalog run"), Chef with "Chef Run
    // complete" or "0/N resources updated", whether or not anything changed; the changes are the
    // resource lines ("ensure changed", "content changed", "Triggered 'refresh'") and a non-zero
    // count of updated resources. Without a baseline to show such runs as routine, counting the
    // run itself made every half-hourly run "a change before the outage".
    // Checked in this order: the first family whose pattern matches. Name resolution comes
    // before routing (BIND writes "network unreachable resolving …"), bans before floods
    // (mod_evasive writes "Blacklisting … possible DoS attack").
    m_patterns = {
        {LogFamily::Dns,
         re(uR"(resolving '[^']*'|SERVFAIL|name resolution (fail|error)|could not resolve|Temporary failure in name )"
            uR"(resolution|Name or service not known|host not found in (upstream|resolver)|no servers could be reached|)"
            uR"(\bDNS\b.*(timed? ?out|fail|error|unreachable))")},
        {LogFamily::Routing,
         re(uR"(BGP.*(\bDown\b|NOTIFICATION|to Idle|from Established)|bgp_hold|hold time(r)? expired|)"
            uR"(withdraw(ing|n)?\b.*\broutes?\b|\broutes? withdrawn|OSPF.*(to DOWN|NBRDOWN|Dead timer)|)"
            uR"(ADJCHG.*to DOWN|NBRCHANGE.*is down|ISIS.*adjacency.*down|ISIS-\d-ADJCHANGE.*Down|)"
            uR"(network (is )?unreachable|no route to host)")},
        {LogFamily::RateLimit,
         re(uR"(limiting (requests|connections)|rate.?limit|blacklist|\bBan \d|\bbanned\b|too many requests|)"
            uR"(throttl(ed|ing) (client|request|connection))")},
        {LogFamily::SynFlood,
         re(uR"(SYN flood|conntrack.*table full|table full, dropping packet|too many orphaned sockets|)"
            uR"(drop open request|neighbou?r table overflow|\bDDoS\b|TCP: request_sock_TCP: Possible)")},
        {LogFamily::LinkDown,
         re(uR"(changed state to down|LINK_DOWN|LINKDOWN|\bIF_DOWN|INTF_DOWN|link (status )?(is |definitely )?down|)"
            uR"(ifOperStatus down|link flap|err-?disable|carrier (lost|loss)|lost carrier|is now off-?line|)"
            uR"(Link Down)")},
        {LogFamily::Nic,
         re(uR"(Tx Unit Hang|Hardware Unit Hang|NETDEV WATCHDOG|transmit (queue \d+ )?timed out|reset(ting)? adapter|)"
            uR"(adapter reset|\bNIC\b.*(error|fail|reset)|firmware (error|fault|crash)|PCIe Bus Error|)"
            uR"(health compromised|mlx\d_core.*(fatal|syndrome))")},
        {LogFamily::Memory,
         re(uR"(EDAC.*\bUE\b|uncorrect(ed|able) (ECC|memory)|memory.*uncorrect|machine check|Hardware Error|)"
            uR"(\bECC\b.*(error|fail))")},
        {LogFamily::Power,
         re(uR"(PSFAIL|PWR.*FAIL|power supply.*(fail|lost|removed|fault|\boff\b)|\bPSU\b.*(fail|fault|lost)|)"
            uR"(PEM \d+.*(Not OK|fail|removed)|power (loss|failure|outage)|fan.*fail|over.?temp|)"
            uR"(temperature.*(alarm|critical|exceed)|thermal shutdown)")},
        {LogFamily::Fabric,
         re(uR"(fabric.*(error|fail|down)|line ?card.*(fail|down|crash|reset)|FPC \d+.*(offline|fail|error)|)"
            uR"(module \d+.*(fail|powered down|reset)|MODULE.*(FAIL|PWRDN)|%OIR-\d-REM|ASIC Error|)"
            uR"(PFE.*(error|fail)|FRU_OFFLINE)")},
        {LogFamily::Disk,
         re(uR"(RAID.*(degraded|fail)|md/raid.*(degraded|fail)|Disk failure|I/O error|SMART.*fail|)"
            uR"((unreadable|uncorrectable|pending).*sectors|medium error|failed command|)"
            uR"(Remounting filesystem read-only|read-only file system|EXT4-fs error|XFS.*(corruption|I/O))")},
        {LogFamily::Change,
         re(uR"(\bdeploy(ing|ed|ment)?\b|release \S+ (activated|deployed|live)|roll(ing|ed)? ?back|)"
            uR"(ensure changed|content changed|Triggered 'refresh' from|Chef (Infra )?Client finished, [1-9]\d*/\d+ resources updated|)"
            uR"(CONFIG_I|Configured from|UI_COMMIT|)"
            uR"(commit complete|config(uration)? (re)?load|reload(ing|ed)? (config|configuration|service)|)"
            uR"(Reloaded .*service|graceful restart|SIGHUP|SIGUSR[12]|reconfiguring|)"
            uR"(restart(ing|ed)? (the )?(service|daemon|server)|%SYS-5-(RELOAD|RESTART)|\bupgraded?\b .*package|)"
            uR"(Scaled (up|down) )")},
        {LogFamily::WorkerExhaustion,
         re(uR"(MaxClients|MaxRequestWorkers|max_children|worker_connections are not enough|too many connections|)"
            uR"(too many open files|pool (is )?(exhausted|full)|no (free|idle) (workers|slots|threads)|)"
            uR"(out of memory|oom-kill|Killed process)")},
        {LogFamily::HealthCheck,
         re(uR"(\bis DOWN\b|has no server available|no live upstreams|upstream server temporarily disabled|)"
            uR"(health.?check.*(fail|down)|monitor status down|SERVICE ALERT: [^;]*;[^;]*;CRITICAL|)"
            uR"(HOST ALERT: [^;]*;DOWN|Entering FAULT STATE)")},
    };
    // Reports of a recovery: a state going up, back or OK.
    m_recovery = re(uR"(changed state to up|Link is Up|link (status )?(is )?up\b|ifOperStatus up|LINK_UP|INTF_UP|)"
                    uR"(\bis UP\b|to Established|neighbor \S+ (vpn vrf \S+ )?Up\b|PSOK|turned on|recovered|)"
                    uR"(restored|back online|is now on-?line|;OK;|;UP;|RECOVERY)");
    // A corrected error is the hardware working as designed (EDAC "CE", "corrected").
    m_corrected = re(uR"(\bCE\b|\bcorrected\b)", false);
    // Logins and sessions say who came, not what failed or changed: "Accepted publickey for
    // deploy" is the deploy account logging in (sshd, PAM, su, sudo, systemd-logind).
    m_session =
        re(uR"(\b(Accepted|Failed) (publickey|password|keyboard-interactive\S*|none) for |)"
           uR"(\bsession (opened|closed) for user |\bInvalid user |Disconnected from (authenticating |invalid )?user |)"
           uR"(Received disconnect from |\bNew session \S+ of user |\b(Started|Stopped) Session \S+ of user |)"
           uR"(Removed session |pam_unix\(\S+:auth\))");
}

std::optional<LogFamily> LogFamilies::classify(const QString &message) const
{
    if (m_recovery.match(message).hasMatch() || m_session.match(message).hasMatch())
        return std::nullopt;
    for (const auto &[family, pattern] : m_patterns) {
        if (!pattern.match(message).hasMatch())
            continue;
        if (family == LogFamily::Memory && m_corrected.match(message).hasMatch())
            return std::nullopt;
        return family;
    }
    return std::nullopt;
}

} // namespace inquest

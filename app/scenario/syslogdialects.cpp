#include "syslogdialects.h"

#include <cstring>

namespace inquest::scenario {

std::string inDialect(std::string msg, int dialect)
{
    if (dialect == 0)
        return msg;
    const bool j = dialect == 1; // else 2
    auto has = [&](const char *s) { return msg.find(s) != std::string::npos; };
    auto after = [&](const char *s) {
        const std::size_t at = msg.find(s);
        return at == std::string::npos ? std::string() : msg.substr(at + std::strlen(s));
    };
    if (has("%LINK-3-UPDOWN") || has("%LINEPROTO-5-UPDOWN")) {
        const bool down = has("to down");
        if (j) // Junos traps the port once, from mib2d
            return std::string("mib2d[1844]: SNMP_TRAP_LINK_") + (down ? "DOWN" : "UP") +
                   ": ifIndex 521, ifAdminStatus up(1), ifOperStatus " + (down ? "down(2)" : "up(1)") +
                   ", ifName xe-0/0/1";
        return has("LINEPROTO")
                   ? std::string("Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet12, changed state "
                                 "to ") +
                         (down ? "down" : "up")
                   : std::string("kernel: bond0: link status definitely ") + (down ? "down" : "up") +
                         " for interface eth1" + (down ? ", disabling it" : ", 10000 Mbps full duplex");
    }
    if (has("NIC Link is Down"))
        return j ? "kernel: NETDEV WATCHDOG: eth0 (ixgbe): transmit queue 3 timed out"
                 : "kernel: e1000e 0000:00:19.0 eth0: Reset adapter unexpectedly";
    if (has("NIC Link is Up"))
        return "kernel: ixgbe 0000:04:00.0 eth0: NIC Link is Up 10 Gbps, Flow Control: RX/TX";
    if (has("EDAC MC0: 1 UE"))
        return j ? "kernel: mce: [Hardware Error]: CPU 2: Machine Check Exception: 5 Bank 8: be00000000800090"
                 : "kernel: {1}[Hardware Error]: event severity: fatal";
    if (has("PSFAIL"))
        return j ? "craftd[1510]: Major alarm set, PEM 1 Not OK"
                 : "ipmievd[812]: Power Supply #0x51 Failure detected, Asserted";
    if (has("%FABRIC-SP-3-ERROR"))
        return j ? "chassisd[1367]: CHASSISD_FRU_OFFLINE_NOTICE: Taking FPC 3 offline: Error"
                 : "%MODULE-2-MOD_DIAG_FAIL: Module 3 reported failure due to fabric errors";
    if (has("%BGP-3-NOTIFICATION") || (has("%BGP-5-ADJCHANGE") && has(" Down"))) {
        const std::string peer = after("neighbor ").substr(0, after("neighbor ").find(' '));
        return j ? "rpd[1527]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer " + peer +
                       " (External AS 65001) changed state from Established to Idle (event HoldTime)"
                 : "bird: bgp_" + peer + ": Error: Hold timer expired";
    }
    if (has("%BGP-5-ADJCHANGE") && has(" Up")) {
        const std::string peer = after("neighbor ").substr(0, after("neighbor ").find(' '));
        return j ? "rpd[1527]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer " + peer +
                       " (External AS 65001) changed state from OpenConfirm to Established (event RecvKeepAlive)"
                 : "bird: bgp_" + peer + ": BGP session established";
    }
    if (has("error (network unreachable) resolving") && j)
        return "unbound[812:0]: error: SERVFAIL <" + after("resolving '").substr(0, after("resolving '").find('/')) +
               ". A IN>: all servers for this domain failed";
    if (has("deploying release r") && j)
        return "puppet-agent[2210]: (/Stage[main]/Shop::Web/Package[shop-web]/ensure) ensure changed '" +
               after("release ").substr(0, after("release ").find(' ')) + "-rc' to '" +
               after("release ").substr(0, after("release ").find(' ')) + "'";
    if (has("]: release r") && has("activated") && j)
        return "puppet-agent[2210]: (/Stage[main]/Shop::Web/Service[shop-web]) Triggered 'refresh' from 1 event";
    if (has("limiting requests") && j)
        return "fail2ban.actions[901]: WARNING [nginx-limit-req] Ban 91.200." + after("*").substr(0, 2) + ".7";
    if (has("MaxClients") && !j)
        return "php-fpm[1090]: [WARNING] [pool www] server reached pm.max_children setting (50), consider raising "
               "it";
    return msg;
}

} // namespace inquest::scenario

#include "sysloggenerator.h"

#include "civiltime.h"
#include "rng.h"
#include "syslogdialects.h"

#include <algorithm>

namespace inquest::scenario {

namespace {

constexpr int64_t Micro = 1'000'000;

struct Entry
{
    int64_t time; // µs UTC, whole seconds
    int facility;
    int severity;
    std::string host;
    std::string message;
};

class SyslogBuilder
{
public:
    explicit SyslogBuilder(const ScenarioSpec &spec)
        : m_spec(spec)
        , m_rng(Rng(spec.seed).fork(977))
        , m_dc(spec.datacenter.toStdString())
    {
        m_dialect = int(Rng(spec.seed).fork(983).below(3));
    }

    std::string host(const std::string &name) const { return name + "." + m_dc; }
    void add(int64_t t, int facility, int severity, const std::string &h, std::string msg)
    {
        if (t >= m_spec.begin && t < m_spec.end)
            m_entries.push_back({t / Micro * Micro, facility, severity, h, inDialect(std::move(msg), m_dialect)});
    }

    int pid() { return 900 + int(m_rng.below(30000)); }
    std::string num(uint64_t v) const { return std::to_string(v); }

    void routine()
    {
        static const char *Hosts[] = {"core-sw1", "core-sw2", "lb1", "web01",    "web02",
                                      "web03",    "web04",    "db3", "edge-rtr1"};
        for (const char *h : Hosts) {
            for (int64_t t = m_spec.begin + int64_t(m_rng.below(300)) * Micro; t < m_spec.end;
                 t += int64_t(120 + m_rng.below(360)) * Micro) {
                const std::string name = host(h);
                switch (m_rng.below(6)) {
                case 0:
                    add(t, 9, 6, name,
                        "CRON[" + num(pid()) + "]: (root) CMD (/usr/local/sbin/rotate-sessions >/dev/null 2>&1)");
                    break;
                case 1:
                    add(t, 3, 6, name, "ntpd[812]: synchronized to 10.20.0." + num(5 + m_rng.below(3)) + ", stratum 2");
                    break;
                case 2:
                    add(t, 10, 6, name,
                        "sshd[" + num(pid()) + "]: Accepted publickey for ops from 10.20.4." +
                            num(10 + m_rng.below(20)) + " port " + num(40000 + m_rng.below(20000)) + " ssh2");
                    break;
                case 3:
                    add(t, 0, 4, name,
                        "kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113." + num(m_rng.below(250)) + " DST=10.20.1." +
                            num(m_rng.below(250)) + " PROTO=TCP SPT=" + num(1024 + m_rng.below(60000)) + " DPT=23");
                    break;
                case 4:
                    add(t, 3, 6, name,
                        "snmpd[1311]: Connection from UDP: [10.20.0.9]:" + num(30000 + m_rng.below(30000)) +
                            "->[10.20.1.2]:161");
                    break;
                default:
                    add(t, 23, 5, name,
                        "%SEC-6-IPACCESSLOGP: list 110 denied tcp 198.51.100." + num(m_rng.below(250)) + "(" +
                            num(1024 + m_rng.below(60000)) + ") -> 10.20.1.1(22), 1 packet");
                    break;
                }
            }
        }
    }

    // Picks `count` distinct entries of 0..n-1.
    std::vector<int> pick(int n, int count)
    {
        std::vector<int> all(std::size_t(n), 0);
        for (int i = 0; i < n; ++i)
            all[std::size_t(i)] = i;
        for (int i = 0; i < n; ++i)
            std::swap(all[std::size_t(i)], all[std::size_t(i) + m_rng.below(uint64_t(n - i))]);
        all.resize(std::size_t(std::min(n, count)));
        return all;
    }

    void incident()
    {
        const int64_t b = m_spec.incidentBegin;
        const int64_t e = m_spec.incidentEnd;
        auto every = [&](int64_t from, int64_t to, int64_t minGap, int64_t maxGap, auto fn) {
            for (int64_t t = from; t < to; t += (minGap + int64_t(m_rng.below(uint64_t(maxGap - minGap)))) * Micro)
                fn(t);
        };
        const std::string site =
            m_spec.sites.isEmpty() ? std::string("www.example.com") : "www." + m_spec.sites.first().name.toStdString();
        switch (m_spec.kind) {
        case IncidentKind::Hardware: {
            const int64_t first = b - int64_t(5 + m_rng.below(85)) * Micro;
            for (int which : pick(4, 2 + int(m_rng.below(3)))) {
                const int64_t start = first + int64_t(m_rng.below(40)) * Micro;
                if (which == 0) {
                    const std::string port =
                        "TenGigabitEthernet" + num(1 + m_rng.below(4)) + "/" + num(1 + m_rng.below(8));
                    every(start, e, 60, 240, [&](int64_t t) {
                        add(t, 23, 3, host("core-sw1"),
                            "%LINK-3-UPDOWN: Interface " + port + ", changed state to down");
                        add(t + Micro, 23, 5, host("core-sw1"),
                            "%LINEPROTO-5-UPDOWN: Line protocol on Interface " + port + ", changed state to down");
                        add(t + int64_t(20 + m_rng.below(30)) * Micro, 23, 3, host("core-sw1"),
                            "%LINK-3-UPDOWN: Interface " + port + ", changed state to up");
                    });
                    add(e + 5 * Micro, 23, 5, host("core-sw1"),
                        "%LINEPROTO-5-UPDOWN: Line protocol on Interface " + port + ", changed state to up");
                } else if (which == 1) {
                    every(start, e, 90, 400, [&](int64_t t) {
                        add(t, 0, 3, host("lb1"), "kernel: bnx2 0000:05:00.0: eth0: NIC Link is Down");
                        add(t + int64_t(3 + m_rng.below(10)) * Micro, 0, 6, host("lb1"),
                            "kernel: bnx2 0000:05:00.0: eth0: NIC Link is Up, 10000 Mbps full duplex");
                    });
                    add(start + 30 * Micro, 0, 3, host("lb1"),
                        "kernel: ixgbe 0000:04:00.1: eth1: Detected Tx Unit Hang");
                } else if (which == 2) {
                    every(start, e, 120, 600, [&](int64_t t) {
                        add(t, 0, 2, host("core-sw1"),
                            "kernel: EDAC MC0: 1 UE memory read error on CPU_SrcID#0_Channel#1_DIMM#0 "
                            "(channel:1 slot:0 page:0x4d2 offset:0x0 grain:32)");
                    });
                    add(start + 2 * Micro, 0, 2, host("core-sw1"),
                        "kernel: mce: [Hardware Error]: Machine check events logged");
                } else {
                    add(start, 23, 2, host("core-sw2"), "%C6KPWR-SP-4-PSFAIL: power supply 2 output failed.");
                    every(start + 10 * Micro, e, 120, 500, [&](int64_t t) {
                        add(t, 23, 3, host("core-sw2"),
                            "%FABRIC-SP-3-ERROR: Switch fabric channel error on module 3, channel 1");
                    });
                    add(e + 20 * Micro, 23, 5, host("core-sw2"), "%C6KPWR-SP-4-PSOK: power supply 2 turned on.");
                }
            }
            break;
        }
        case IncidentKind::VolumetricDdos:
            for (int which : pick(3, 2 + int(m_rng.below(2)))) {
                const int64_t start = b + int64_t(m_rng.below(120)) * Micro - 20 * Micro;
                if (which == 0)
                    every(start, e, 30, 180, [&](int64_t t) {
                        add(t, 0, 6, host("lb1"), "kernel: TCP: Possible SYN flooding on port 80. Sending cookies.");
                    });
                else if (which == 1)
                    every(start, e, 20, 120, [&](int64_t t) {
                        add(t, 0, 4, host("lb1"), "kernel: nf_conntrack: table full, dropping packet.");
                    });
                else
                    every(start, e, 20, 90, [&](int64_t t) {
                        add(t, 3, 3, host("lb1"),
                            "nginx: [error] 2213#0: *" + num(m_rng.below(900000)) +
                                " limiting requests, excess: " + num(20 + m_rng.below(80)) + ".450 by zone \"perip\"");
                    });
            }
            break;
        case IncidentKind::AppFlood: {
            const int64_t start = b + int64_t(m_rng.below(180)) * Micro;
            every(start, e, 20, 120, [&](int64_t t) {
                if (m_rng.chance(0.5))
                    add(t, 3, 3, host("lb1"),
                        "nginx: [error] 2213#0: *" + num(m_rng.below(900000)) +
                            " limiting requests, excess: " + num(5 + m_rng.below(40)) + ".120 by zone \"perip\"");
                else
                    add(t, 3, 4, host("web0" + num(1 + m_rng.below(4))),
                        "mod_evasive[" + num(pid()) + "]: Blacklisting address 91.200." + num(m_rng.below(250)) + "." +
                            num(m_rng.below(250)) + ": possible DoS attack.");
            });
            break;
        }
        case IncidentKind::FlashCrowd:
            every(b + int64_t(m_rng.below(120)) * Micro, e, 60, 300, [&](int64_t t) {
                add(t, 3, 3, host("web0" + num(1 + m_rng.below(4))),
                    "apache2[" + num(pid()) +
                        "]: [error] server reached MaxClients setting, consider raising the MaxClients "
                        "setting");
            });
            break;
        case IncidentKind::BadDeploy: {
            const uint64_t release = 4000 + m_rng.below(900);
            const int64_t start = b - int64_t(60 + m_rng.below(420)) * Micro;
            add(start, 1, 5, host("web01"),
                "deploy[" + num(pid()) + "]: deploying release r" + num(release) + " to web-eu (change " +
                    num(8000 + m_rng.below(999)) + ")");
            for (int i = 1; i <= 4; ++i)
                add(start + int64_t(10 + 8 * i) * Micro, 3, 5, host("web0" + num(uint64_t(i))),
                    "apache2[" + num(pid()) + "]: [notice] Graceful restart requested, doing restart");
            add(start + 55 * Micro, 1, 5, host("web01"),
                "deploy[" + num(pid()) + "]: release r" + num(release) + " activated on web01-web04");
            add(e - int64_t(60 + m_rng.below(60)) * Micro, 1, 4, host("web01"),
                "deploy[" + num(pid()) + "]: rolling back web-eu to release r" + num(release - 1));
            add(e - 5 * Micro, 1, 5, host("web01"),
                "deploy[" + num(pid()) + "]: rollback to r" + num(release - 1) + " complete");
            break;
        }
        case IncidentKind::Upstream: {
            const int64_t start = b - int64_t(m_rng.below(60)) * Micro;
            const std::string peer = "195.66.224." + num(10 + m_rng.below(200));
            for (int which : pick(3, 2 + int(m_rng.below(2)))) {
                if (which == 0) {
                    add(start, 23, 3, host("edge-rtr1"),
                        "bgpd[733]: %BGP-3-NOTIFICATION: received from neighbor " + peer +
                            " 4/0 (hold time expired) 0 bytes");
                    add(start + Micro, 23, 5, host("edge-rtr1"),
                        "bgpd[733]: %BGP-5-ADJCHANGE: neighbor " + peer + " Down BGP Notification sent");
                    add(e + 10 * Micro, 23, 5, host("edge-rtr1"),
                        "bgpd[733]: %BGP-5-ADJCHANGE: neighbor " + peer + " Up");
                } else if (which == 1) {
                    every(start + 2 * Micro, e, 120, 600, [&](int64_t t) {
                        add(t, 23, 4, host("edge-rtr1"), "bgpd[733]: withdrawing route 203.0.113.0/24 via " + peer);
                    });
                } else {
                    every(start + int64_t(m_rng.below(30)) * Micro, e, 15, 90, [&](int64_t t) {
                        add(t, 3, 3, host("web0" + num(1 + m_rng.below(4))),
                            "named[1021]: error (network unreachable) resolving '" + site + "/A/IN': 198.51.100.53#53");
                    });
                }
            }
            break;
        }
        case IncidentKind::None:
            break;
        }
    }

    void decoys()
    {
        for (const DecoySpec &d : m_spec.decoys) {
            switch (d.kind) {
            case DecoyKind::DiskWarning:
                add(d.at, 3, 4, host("db3"),
                    "smartd[812]: Device: /dev/sdb [SAT], 8 Currently unreadable (pending) sectors");
                add(d.at + 1800 * Micro, 3, 4, host("db3"),
                    "smartd[812]: Device: /dev/sdb [SAT], 8 Offline uncorrectable sectors");
                break;
            case DecoyKind::ConfigReload:
                add(d.at, 23, 5, host("core-sw2"),
                    "%SYS-5-CONFIG_I: Configured from console by netops on vty0 (10.20.4.11)");
                add(d.at + 40 * Micro, 3, 5, host("web02"),
                    "apache2[" + num(pid()) + "]: [notice] SIGUSR1 received.  Doing graceful restart");
                break;
            case DecoyKind::SingleEccError:
                add(d.at, 0, 4, host("web03"),
                    "kernel: EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Channel#0_DIMM#1 (corrected)");
                break;
            case DecoyKind::ErrorBlip:
                add(d.at + 3 * Micro, 3, 3, host("web02"),
                    "apache2[" + num(pid()) +
                        "]: [error] (104)Connection reset by peer: proxy: error reading status line from "
                        "remote server app02");
                break;
            case DecoyKind::Deploy: {
                const std::string release = num(3000 + m_rng.below(900));
                add(d.at, 1, 5, host("web01"),
                    "deploy[" + num(pid()) + "]: deploying release r" + release + " to web-eu (change " +
                        num(7000 + m_rng.below(999)) + ")");
                for (int i = 1; i <= 4; ++i)
                    add(d.at + int64_t(12 + 7 * i) * Micro, 3, 5, host("web0" + num(uint64_t(i))),
                        "apache2[" + num(pid()) + "]: [notice] Graceful restart requested, doing restart");
                add(d.at + 50 * Micro, 1, 5, host("web01"),
                    "deploy[" + num(pid()) + "]: release r" + release + " activated on web01-web04");
                break;
            }
            case DecoyKind::LinkFlap: {
                const std::string port = "GigabitEthernet" + num(1 + m_rng.below(3)) + "/" + num(1 + m_rng.below(48));
                add(d.at, 23, 3, host("core-sw2"), "%LINK-3-UPDOWN: Interface " + port + ", changed state to down");
                add(d.at + int64_t(5 + m_rng.below(40)) * Micro, 23, 3, host("core-sw2"),
                    "%LINK-3-UPDOWN: Interface " + port + ", changed state to up");
                break;
            }
            case DecoyKind::RouteReset: {
                const std::string peer = "80.81.192." + num(10 + m_rng.below(200));
                add(d.at, 23, 5, host("edge-rtr1"),
                    "bgpd[733]: %BGP-5-ADJCHANGE: neighbor " + peer + " Down User reset");
                add(d.at + int64_t(20 + m_rng.below(60)) * Micro, 23, 5, host("edge-rtr1"),
                    "bgpd[733]: %BGP-5-ADJCHANGE: neighbor " + peer + " Up");
                break;
            }
            case DecoyKind::RateLimitBurst:
                for (int64_t t = d.at; t < d.at + int64_t(60 + m_rng.below(240)) * Micro;
                     t += int64_t(5 + m_rng.below(40)) * Micro)
                    add(t, 3, 3, host("lb1"),
                        "nginx: [error] 2213#0: *" + num(m_rng.below(900000)) +
                            " limiting requests, excess: " + num(5 + m_rng.below(30)) + ".250 by zone \"perip\"");
                break;
            case DecoyKind::CrawlerBurst:
                break;
            }
        }
    }

    std::shared_ptr<EventTable> build(QByteArray *file)
    {
        routine();
        incident();
        decoys();
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry &a, const Entry &b) { return a.time < b.time; });
        auto table = std::make_shared<EventTable>();
        table->reserve(m_entries.size());
        ZoneClock clock{QTimeZone(m_spec.timeZone.toLatin1())};
        uint32_t line = 0;
        for (const Entry &e : m_entries) {
            const uint64_t offset = file ? uint64_t(file->size()) : 0;
            const std::size_t row = table->appendRow(e.time, offset, ++line);
            table->severity[row] = uint8_t(e.severity);
            table->host[row] = table->strings.intern(e.host);
            table->message[row] = table->strings.intern(e.message);
            if (file) {
                const int64_t sec = e.time / Micro;
                const Civil c = civilFromSeconds(sec + clock.offsetAt(sec));
                char stamp[48];
                std::snprintf(stamp, sizeof stamp, "<%d>%s %2d %02d:%02d:%02d ", e.facility * 8 + e.severity,
                              monthAbbreviation(c.month), c.day, c.hour, c.minute, c.second);
                file->append(stamp);
                file->append(e.host.data(), qsizetype(e.host.size()));
                file->append(' ');
                file->append(e.message.data(), qsizetype(e.message.size()));
                file->append('\n');
            }
        }
        return table;
    }

private:
    const ScenarioSpec &m_spec;
    Rng m_rng;
    std::string m_dc;
    int m_dialect = 0; // the vendors' wording (syslogdialects.h)
    std::vector<Entry> m_entries;
};

} // namespace

std::shared_ptr<EventTable> generateSyslog(const ScenarioSpec &spec, QByteArray *file)
{
    return SyslogBuilder(spec).build(file);
}

} // namespace inquest::scenario

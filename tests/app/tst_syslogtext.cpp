// System logs read as text: families by meaning across vendors, host roles, template frequencies
// compared against a baseline, and the syslog detector's findings and their order against the
// onset, on hand-written multi-vendor syslogs (tests/data/syslogtext) and on real samples.
#include "analysis/detectors/syslogsignaturedetector.h"
#include "analysis/hostroles.h"
#include "analysis/logfamilies.h"
#include "analysis/templatecompare.h"
#include "ingest/importer.h"
#include "model/sites.h"
#include "scoring/scores.h"
#include "testlib/casewithsources.h"
#include "testlib/testprinters.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace inquest;
using K = HypothesisKind;

namespace {

constexpr qint64 Minute = 60'000'000;

qint64 at(int hour, int minute)
{
    return QDateTime(QDate(2011, 5, 4), QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

Source importSyslog(const QString &name)
{
    ImportOptions options;
    options.year = 2011;
    const QString path = QFileInfo(name).isAbsolute() ? name : QStringLiteral(INQUEST_TEST_DATA "/syslogtext/") + name;
    ImportResult r = importLogFile(path, options);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return *r.source;
}

// The syslog detector alone over one hand-written file, with the outage the access logs would
// have shown: failing requests on one site from 12:30 to 13:00.
// The lines of a hand-written file from `firstKept` ("May  4 12:10") on, written to `dir`.
QString tail(const QString &name, const QByteArray &firstKept, const QString &dir)
{
    QFile in(QStringLiteral(INQUEST_TEST_DATA "/syslogtext/") + name);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(in.fileName()));
    QByteArray kept;
    for (const QByteArray &line : in.readAll().split('\n')) {
        if (!line.isEmpty() && line.left(firstKept.size()) >= firstKept)
            kept += line + '\n';
    }
    const QString out = dir + u'/' + name;
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(kept) != kept.size())
        qFatal("cannot write %s", qPrintable(out));
    return out;
}

QList<Evidence> findings(const QString &file, bool drop = false)
{
    const CaseData data = testing::caseWithAllKinds({importSyslog(file)});
    AnalysisContext context(data);
    Incident inc;
    inc.begin = at(12, 30);
    inc.end = at(13, 0);
    Incident::SiteWindow w;
    w.site = QStringLiteral("www.example.com");
    w.begin = inc.begin;
    w.end = inc.end;
    w.errors = !drop;
    w.drop = drop;
    inc.windows.push_back(w);
    inc.affected = {w.site};
    context.incidents.push_back(inc);
    DetectorOutput out;
    SyslogSignatureDetector().run(context, out);
    return out.evidence;
}

const Evidence *titled(const QList<Evidence> &list, const QString &start)
{
    for (const Evidence &e : list) {
        if (e.title.startsWith(start))
            return &e;
    }
    return nullptr;
}

// Who leads when every finding is accepted (ties named).
QString leader(QList<Evidence> list)
{
    QList<Hypothesis> hs;
    Id id = 1;
    for (K k : allHypothesisKinds())
        hs.append({id++, displayName(k), k, 0.0, {}});
    for (Evidence &e : list) {
        e.id = id++;
        e.state = EvidenceState::Accepted;
        for (const Hypothesis &h : hs)
            e.ratings.insert(h.id, e.kindRatings.value(h.kind, Rating::N));
    }
    const ScoreResult s = computeScores(hs, list, {});
    QStringList tied;
    for (const HypothesisScore &h : s.tiedForFirst())
        tied.append(toString(h.kind));
    tied.sort();
    return tied.isEmpty() ? toString(s.leading()->kind) : QStringLiteral("tie: ") + tied.join(u',');
}

} // namespace

class TestSyslogText : public QObject
{
    Q_OBJECT

private slots:
    void families_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("family"); // "" = none
        QTest::newRow("cisco link") << "%LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down"
                                    << "link-down";
        QTest::newRow("cisco link up") << "%LINK-3-UPDOWN: Interface Gi1/0/1, changed state to up"
                                       << "";
        QTest::newRow("arista lineproto")
            << "Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet12, changed state to down"
            << "link-down";
        QTest::newRow("junos link") << "mib2d[1844]: SNMP_TRAP_LINK_DOWN: ifIndex 523, ifAdminStatus up(1), "
                                       "ifOperStatus down(2), ifName xe-0/0/3"
                                    << "link-down";
        QTest::newRow("junos link up") << "mib2d[1844]: SNMP_TRAP_LINK_UP: ifIndex 523, ifAdminStatus up(1), "
                                          "ifOperStatus up(1), ifName xe-0/0/3"
                                       << "";
        QTest::newRow("bond") << "kernel: bond0: link status definitely down for interface eth1, disabling it"
                              << "link-down";
        QTest::newRow("nic down") << "kernel: [8812230.114] bnx2x 0000:04:00.0: eth2: NIC Link is Down"
                                  << "link-down";
        QTest::newRow("nic up") << "kernel: bnx2 0000:05:00.0: eth0: NIC Link is Up, 1000 Mbps full duplex"
                                << "";
        QTest::newRow("tx hang") << "kernel: ixgbe 0000:04:00.1: eth1: Detected Tx Unit Hang"
                                 << "nic";
        QTest::newRow("watchdog") << "kernel: NETDEV WATCHDOG: eth0 (e1000e): transmit queue 0 timed out"
                                  << "nic";
        QTest::newRow("edac ue") << "kernel: EDAC MC0: 1 UE memory read error on CPU_SrcID#0_Channel#1_DIMM#0"
                                 << "memory";
        QTest::newRow("edac ce") << "kernel: EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Channel#1_DIMM#0 "
                                    "(corrected)"
                                 << "";
        QTest::newRow("mce") << "kernel: mce: [Hardware Error]: Machine check events logged"
                             << "memory";
        QTest::newRow("cisco psu") << "%C6KPWR-SP-4-PSFAIL: power supply 2 output failed."
                                   << "power";
        QTest::newRow("cisco psu ok") << "%C6KPWR-SP-4-PSOK: power supply 2 turned on."
                                      << "";
        QTest::newRow("platform psu") << "%PLATFORM_ENV-1-PWR: Power supply 2 failed (PSU serial LIT1234ABC)"
                                      << "power";
        QTest::newRow("junos pem") << "craftd[1510]: Major alarm set, PEM 1 Not OK"
                                   << "power";
        QTest::newRow("fabric") << "%FABRIC-SP-3-ERROR: Switch fabric channel error on module 3, channel 1"
                                << "fabric";
        QTest::newRow("junos fpc") << "chassisd[1367]: CHASSISD_FRU_OFFLINE_NOTICE: Taking FPC 2 offline: Error"
                                   << "fabric";
        QTest::newRow("raid") << "kernel: md/raid1:md0: Disk failure on sdb1, disabling device."
                              << "disk";
        QTest::newRow("io") << "kernel: blk_update_request: I/O error, dev sdb, sector 1953519872"
                            << "disk";
        QTest::newRow("smart") << "smartd[812]: Device: /dev/sdb [SAT], 8 Currently unreadable (pending) sectors"
                               << "disk";
        QTest::newRow("bgp down") << "bgpd[733]: %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down BGP Notification sent"
                                  << "routing";
        QTest::newRow("bgp up") << "bgpd[733]: %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Up"
                                << "";
        QTest::newRow("junos bgp") << "rpd[1527]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 192.0.2.1 (External AS "
                                      "65001) changed state from Established to Idle (event HoldTime)"
                                   << "routing";
        QTest::newRow("junos bgp up") << "rpd[1527]: RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 192.0.2.1 (External "
                                         "AS 65001) changed state from OpenConfirm to Established (event RecvKeepAlive)"
                                      << "";
        QTest::newRow("ospf") << "%OSPF-5-ADJCHG: Process 1, Nbr 10.0.0.2 on Gi0/0 from FULL to DOWN, Neighbor "
                                 "Down: Dead timer expired"
                              << "routing";
        QTest::newRow("withdraw") << "bird: bgp1 > withdrawing route 203.0.113.0/24"
                                  << "routing";
        QTest::newRow("bind") << "named[1021]: error (network unreachable) resolving 'www.example.com/A/IN': "
                                 "198.51.100.53#53"
                              << "dns";
        QTest::newRow("resolver") << "nginx: 2011/05/04 12:31:02 [error] 2203#0: *88 www.example.com could not be "
                                     "resolved (110: Operation timed out)"
                                  << "";
        QTest::newRow("syn") << "kernel: TCP: Possible SYN flooding on port 80. Sending cookies."
                             << "syn-flood";
        QTest::newRow("conntrack") << "kernel: nf_conntrack: table full, dropping packet."
                                   << "syn-flood";
        QTest::newRow("nginx limit") << "nginx: [error] 2213#0: *4 limiting requests, excess: 20.450 by zone \"perip\""
                                     << "rate-limit";
        QTest::newRow("evasive") << "mod_evasive[2211]: Blacklisting address 91.200.1.2: possible DoS attack."
                                 << "rate-limit";
        QTest::newRow("fail2ban") << "fail2ban.actions[901]: WARNING [nginx-limit-req] Ban 203.0.113.5"
                                  << "rate-limit";
        QTest::newRow("deploy") << "deploy[42]: deploying release r4411 to web-eu (change 8812)"
                                << "change";
        QTest::newRow("puppet run") << "puppet-agent[2210]: Applied catalog in 4.21 seconds"
                                    << ""; // every run ends so, changed or not
        QTest::newRow("puppet run, old") << "puppet-agent[5512]: Finished catalog run in 12.34 seconds"
                                         << "";
        QTest::newRow("puppet content")
            << "puppet-agent[2210]: (/Stage[main]/Nginx/File[/etc/nginx/nginx.conf]/content) "
               "content changed '{md5}0f3a' to '{md5}9b1c'"
            << "change";
        QTest::newRow("chef nothing") << "chef-client[77]: Chef Client finished, 0/112 resources updated in 09 seconds"
                                      << "";
        QTest::newRow("chef updated") << "chef-client[77]: Chef Client finished, 3/112 resources updated in 41 seconds"
                                      << "change";
        QTest::newRow("puppet resource") << "puppet-agent[2210]: (/Stage[main]/Shop::Web/Package[shop-web]/ensure) "
                                            "ensure changed '4.1.2' to '4.1.3'"
                                         << "change";
        QTest::newRow("bird hold") << "bird: bgp_transit1: Error: Hold timer expired"
                                   << "routing";
        QTest::newRow("unbound") << "unbound[812:0]: error: SERVFAIL <www.example.com. A IN>: all servers for this "
                                    "domain failed"
                                 << "dns";
        QTest::newRow("cisco config") << "%SYS-5-CONFIG_I: Configured from console by netops on vty0"
                                      << "change";
        QTest::newRow("junos commit") << "mgd[4310]: UI_COMMIT: User 'netops' requested 'commit' operation"
                                      << "change";
        QTest::newRow("nginx hup") << "nginx: signal 1 (SIGHUP) received, reconfiguring"
                                   << "change";
        QTest::newRow("rollback") << "deploy[5301]: rolling back web-eu to release r4411"
                                  << "change";
        QTest::newRow("maxclients") << "apache2[9]: [error] server reached MaxClients setting"
                                    << "worker-exhaustion";
        QTest::newRow("php-fpm") << "php-fpm[1090]: [WARNING] [pool www] server reached pm.max_children setting (50)"
                                 << "worker-exhaustion";
        QTest::newRow("mysql") << "mysqld[1201]: [ERROR] Too many connections"
                               << "worker-exhaustion";
        QTest::newRow("haproxy down") << "haproxy[3131]: Server web/web02 is DOWN, reason: Layer4 timeout"
                                      << "health-check";
        QTest::newRow("haproxy up") << "haproxy[3131]: Server web/web02 is UP, reason: Layer4 check passed"
                                    << "";
        QTest::newRow("nagios") << "nagios: SERVICE ALERT: web01;HTTP;CRITICAL;HARD;3;CRITICAL - Socket timeout"
                                << "health-check";
        QTest::newRow("nagios ok") << "nagios: SERVICE ALERT: web01;HTTP;OK;HARD;3;HTTP OK: 200"
                                   << "";
        QTest::newRow("ssh") << "sshd[31]: Accepted publickey for ops from 10.20.4.11 port 52814 ssh2"
                             << "";
        QTest::newRow("ufw") << "kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=10.20.1.4 PROTO=TCP DPT=23"
                             << "";
        QTest::newRow("cron") << "CRON[77]: (root) CMD (/usr/local/sbin/rotate-sessions)"
                              << "";
        QTest::newRow("acl") << "%SEC-6-IPACCESSLOGP: list 110 denied tcp 198.51.100.7(4412) -> 10.20.1.1(22), 1 packet"
                             << "";
        // The deploy account logging in is a login, not a deploy.
        QTest::newRow("ssh login as deploy")
            << "sshd[2727]: Accepted publickey for deploy from 10.1.0.3 port 42436 ssh2: RSA SHA256:x1"
            << "";
        QTest::newRow("pam session of deploy")
            << "sshd[2727]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)"
            << "";
        QTest::newRow("failed login")
            << "sshd[88]: Failed password for invalid user deploy from 203.0.113.4 port 5 ssh2"
            << "";
        QTest::newRow("logind") << "systemd-logind[512]: New session 1187 of user deploy."
                                << "";
        QTest::newRow("deploy after a login")
            << "deploy[22110]: deployed shop-web 2010.12.12-3 to web03 (requested by deploy@10.1.0.3)"
            << "change";
    }

    void families()
    {
        QFETCH(QString, message);
        QFETCH(QString, family);
        const auto f = LogFamilies().classify(message);
        QCOMPARE(f ? toString(*f) : QString(), family);
    }

    void hostRoles_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("role");
        QTest::newRow("core switch") << "dc1-core-sw-01"
                                     << ""
                                     << "switch";
        QTest::newRow("arista agg") << "dc1-agg-02"
                                    << "Ebra"
                                    << "switch";
        QTest::newRow("edge") << "dc1-edge-01.example.net"
                              << "mib2d"
                              << "router";
        QTest::newRow("rtr") << "edge-rtr1.dub"
                             << ""
                             << "router";
        QTest::newRow("lb") << "lb-02"
                            << ""
                            << "lb";
        QTest::newRow("web") << "web-eu-07"
                             << ""
                             << "web";
        QTest::newRow("db") << "db3.dub"
                            << ""
                            << "db";
        QTest::newRow("ns") << "ns1"
                            << ""
                            << "dns";
        QTest::newRow("by program") << "host-17"
                                    << "haproxy[3131]"
                                    << "lb";
        QTest::newRow("unknown") << "bastion-01"
                                 << "sshd"
                                 << "other";
    }

    void hostRoles()
    {
        QFETCH(QString, host);
        QFETCH(QString, program);
        QFETCH(QString, role);
        QCOMPARE(toString(hostRole(host, program)), role);
    }

    // The exact test of two rates on counts: a rise well past the baseline's rate is a burst, a
    // count in line with it is steady, a template that falls silent has stopped, and one never
    // seen before is new.
    void templateFrequencies()
    {
        auto table = std::make_shared<EventTable>();
        uint32_t line = 0;
        auto add = [&](qint64 time, const char *host, const char *tag) {
            const size_t r = table->appendRow(time, line * 80, line + 1);
            ++line;
            table->severity[r] = 5;
            table->host[r] = table->strings.intern(host);
            table->message[r] = table->strings.intern(tag);
        };
        const qint64 w = at(12, 0);
        for (int i = 0; i < 240; i += 40) // 6 in the 4 h baseline …
            add(at(8, 0) + i * Minute, "web01", "burst");
        for (int i = 0; i < 30; ++i) // … 30 in the hour
            add(w + i * 2 * Minute, "web01", "burst");
        for (int i = 0; i < 240; i += 40)
            add(at(8, 0) + i * Minute + 1, "web02", "steady");
        add(w + 20 * Minute, "web02", "steady");
        add(w + 50 * Minute, "web02", "steady");
        for (int i = 0; i < 240; i += 4) // 60 in the baseline, none after
            add(at(8, 0) + i * Minute + 2, "db1", "stopped");
        add(w + 5 * Minute, "lb1", "fresh");
        Source s;
        s.format = QStringLiteral("syslog-rfc3164");
        s.table = table;
        const CaseData data = testing::caseWithAllKinds({s});
        const TemplateComparison c = compareTemplates(data, at(8, 0), w, w + 60 * Minute, LogFamilies());
        QCOMPARE(c.templatesCompared, 4);
        QCOMPARE(c.hostsLoggingThrough, 2); // web01 and web02; db1 fell silent, lb1 is new
        QMap<QString, TemplateActivity> by;
        for (const TemplateActivity &a : c.templates)
            by.insert(a.text, a);
        QCOMPARE(toString(by[QStringLiteral("burst")].change), QStringLiteral("burst"));
        QVERIFY(by[QStringLiteral("burst")].pValue < 1e-6);
        QVERIFY(by[QStringLiteral("burst")].logLikelihoodRatio > 10);
        QCOMPARE(toString(by[QStringLiteral("steady")].change), QStringLiteral("steady"));
        QCOMPARE(toString(by[QStringLiteral("stopped")].change), QStringLiteral("stopped"));
        QCOMPARE(toString(by[QStringLiteral("fresh")].change), QStringLiteral("new"));
        QCOMPARE(by[QStringLiteral("fresh")].first, w + 5 * Minute);
        QCOMPARE(toString(by[QStringLiteral("fresh")].role), QStringLiteral("lb"));
    }

    // "Above its usual rate" is said of a rare event seen again (a deploy every few hours, once in
    // the window), not of a routine that logs dozens of times at its rate (a configuration run
    // every half hour on every host, a couple more than usual): at the median alone, every steady
    // template was above its usual rate half the time, and a half-hourly puppet run was reported
    // as "a change before the outage".
    void aboveUsualRate()
    {
        auto table = std::make_shared<EventTable>();
        uint32_t line = 0;
        auto add = [&](qint64 time, const std::string &host, const char *tag) {
            const size_t r = table->appendRow(time, line * 80, line + 1);
            ++line;
            table->severity[r] = 5;
            table->host[r] = table->strings.intern(host);
            table->message[r] = table->strings.intern(tag);
        };
        const qint64 w = at(12, 0);
        for (int h = 0; h < 16; ++h) {
            for (int i = 0; i < 300; i += 30) // 8 runs in the 4 h baseline, 2 in the hour
                add(at(8, 0) + i * Minute + h * 1000, "web" + std::to_string(h), "puppet catalog run");
        }
        add(w + 7 * Minute, "web0", "puppet catalog run"); // two more than usual
        add(w + 9 * Minute, "web1", "puppet catalog run");
        add(at(9, 0), "deploy01", "deploying release");
        add(at(11, 0), "deploy01", "deploying release");
        add(w + 30 * Minute, "deploy01", "deploying release");
        Source s;
        s.format = QStringLiteral("syslog-rfc3164");
        s.table = table;
        const CaseData data = testing::caseWithAllKinds({s});
        const TemplateComparison c = compareTemplates(data, at(8, 0), w, w + 60 * Minute, LogFamilies());
        QMap<QString, TemplateActivity> by;
        for (const TemplateActivity &a : c.templates)
            by.insert(a.text, a);
        QCOMPARE(by[QStringLiteral("puppet catalog run")].windowCount, 34);
        QCOMPARE(toString(by[QStringLiteral("puppet catalog run")].change), QStringLiteral("steady"));
        QVERIFY(!by[QStringLiteral("puppet catalog run")].aboveUsual);
        QCOMPARE(toString(by[QStringLiteral("deploying release")].change), QStringLiteral("steady"));
        QVERIFY(by[QStringLiteral("deploying release")].aboveUsual);
    }

    // The hand-written hardware file: which templates are new, by role and family, with the
    // corrected ECC error and the routine lines left alone.
    void templatesOfTheHardwareFile()
    {
        const CaseData data = testing::caseWithAllKinds({importSyslog(QStringLiteral("hardware.syslog"))});
        const TemplateComparison c = compareTemplates(data, at(8, 0), at(12, 0), at(13, 5), LogFamilies());
        QSet<QString> newFamilies;
        for (const TemplateActivity &a : c.templates) {
            if (a.family && a.change == TemplateActivity::Change::New)
                newFamilies.insert(toString(*a.family) + u'@' + toString(a.role));
            if (a.text.startsWith(QStringLiteral("CRON")) || a.text.startsWith(QStringLiteral("named")))
                QVERIFY2(a.change == TemplateActivity::Change::Steady, qPrintable(a.text));
            if (a.example.contains(QStringLiteral(" CE ")))
                QVERIFY2(!a.family, qPrintable(a.example));
        }
        for (const char *expected : {"power@switch", "link-down@switch", "link-down@router", "nic@web",
                                     "health-check@lb", "change@web", "fabric@switch"})
            QVERIFY2(newFamilies.contains(QLatin1StringView(expected)), expected);
        // The deploy at 09:12 is in the baseline, not the window.
        for (const TemplateActivity &a : c.templates) {
            if (a.text.startsWith(QStringLiteral("deploy")))
                QCOMPARE(a.windowCount, 0);
        }
    }

    // A device fault before the first errors, active through them, with a deploy hours earlier
    // and a catalog run during the outage: hardware leads alone; the run is the response.
    void hardwareBeforeTheErrors()
    {
        const QList<Evidence> list = findings(QStringLiteral("hardware.syslog"));
        const Evidence *hw = titled(list, QStringLiteral("Hardware faults"));
        QVERIFY(hw);
        QCOMPARE_ENUM(hw->kindRatings.value(K::Hardware), Rating::CC);
        QCOMPARE_ENUM(hw->kindRatings.value(K::Change), Rating::I);
        QVERIFY2(hw->reason.contains(QStringLiteral("before the errors began")), qPrintable(hw->reason));
        QVERIFY(hw->reason.contains(QStringLiteral("power, fan or temperature fault")));
        QVERIFY(hw->reason.contains(QStringLiteral("switch")));
        QCOMPARE(hw->provenance.firstLine, 140); // the PSFAIL line
        const Evidence *during = titled(list, QStringLiteral("Changes during the outage"));
        QVERIFY(during);
        for (K k : allHypothesisKinds())
            QCOMPARE_ENUM(during->kindRatings.value(k), Rating::N);
        QVERIFY(!titled(list, QStringLiteral("Changes before")));
        QVERIFY(titled(list, QStringLiteral("No change logged")));
        QVERIFY(!titled(list, QStringLiteral("No device fault")));
        QCOMPARE(leader(list), QStringLiteral("hardware"));
    }

    // A deploy minutes before the errors, a disk warning and corrected ECC before it that did not
    // last, a rollback during: hardware and "other" fall behind; the system log alone cannot tell
    // a change from the causes it says nothing about (the access logs do that), so those tie.
    void changeBeforeTheErrors()
    {
        const QList<Evidence> list = findings(QStringLiteral("change.syslog"));
        const Evidence *change = titled(list, QStringLiteral("Changes before the outage"));
        QVERIFY(change);
        QCOMPARE_ENUM(change->kindRatings.value(K::Change), Rating::CC);
        QVERIFY(change->reason.contains(QStringLiteral("5 min 29 s before the errors began")));
        const Evidence *hw = titled(list, QStringLiteral("Hardware faults"));
        QVERIFY(hw); // the pending sectors at 12:05, cleared long before
        QCOMPARE_ENUM(hw->kindRatings.value(K::Hardware), Rating::C);
        QCOMPARE_ENUM(hw->kindRatings.value(K::Change), Rating::N);
        QVERIFY(titled(list, QStringLiteral("No device fault logged")));
        QVERIFY(titled(list, QStringLiteral("Changes during the outage")));
        QVERIFY(!titled(list, QStringLiteral("No routing"))); // asked only of a collapse
        QCOMPARE(leader(list), QStringLiteral("tie: change,ddos,flash-crowd,network"));
        // Before a collapse of requests, no session drop or withdrawn route counts against the network.
        const QList<Evidence> collapse = findings(QStringLiteral("change.syslog"), true);
        const Evidence *routing = titled(collapse, QStringLiteral("No routing or name-resolution failure logged"));
        QVERIFY(routing);
        QCOMPARE_ENUM(routing->kindRatings.value(K::Network), Rating::I);
    }

    // A system log that begins inside the compared stretch has no baseline: its templates are
    // "seen", never "new", no p-value is printed, the finding says there was nothing to compare
    // with, and a fault may have been logged all along, so it is weaker (C, not CC) and makes no
    // other cause inconsistent.
    void noBaselineIsSaid()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString trimmed = tail(QStringLiteral("hardware.syslog"), "May  4 12:10", dir.path());
        const CaseData data = testing::caseWithAllKinds({importSyslog(trimmed)});
        const TemplateComparison c = compareTemplates(data, at(12, 0), at(12, 0), at(13, 0), LogFamilies());
        QVERIFY(!c.hasBaseline());
        QVERIFY(c.templatesCompared > 0);
        for (const TemplateActivity &a : c.templates)
            QCOMPARE(toString(a.change), QStringLiteral("seen (no baseline)"));

        const QList<Evidence> list = findings(trimmed);
        const Evidence *hw = titled(list, QStringLiteral("Hardware faults"));
        QVERIFY(hw);
        QCOMPARE_ENUM(hw->kindRatings.value(K::Hardware), Rating::C);
        for (K k : {K::Change, K::Ddos, K::FlashCrowd, K::Network})
            QCOMPARE_ENUM(hw->kindRatings.value(k), Rating::N);
        QVERIFY2(hw->reason.contains(QStringLiteral("no earlier system log to compare with")), qPrintable(hw->reason));
        QVERIFY2(!hw->reason.contains(QStringLiteral("compared with 0 s")), qPrintable(hw->reason));
        const Evidence *listed = titled(list, QStringLiteral("System-log templates with a known meaning"));
        QVERIFY(listed);
        QVERIFY2(listed->title.contains(QStringLiteral("no baseline")), qPrintable(listed->title));
        QVERIFY2(!listed->reason.contains(QStringLiteral("p = ")), qPrintable(listed->reason));
        QVERIFY(!titled(list, QStringLiteral("System-log templates that changed")));
        QVERIFY(!titled(list, QStringLiteral("No "))); // no host logged before the stretch
    }

    // With no incident there is nothing to say; with a syslog that does not cover the stretch,
    // absence says nothing.
    void silenceIsNotAFinding()
    {
        const CaseData data = testing::caseWithAllKinds({importSyslog(QStringLiteral("hardware.syslog"))});
        AnalysisContext context(data);
        DetectorOutput out;
        SyslogSignatureDetector().run(context, out);
        QVERIFY(out.evidence.isEmpty());

        Incident late;
        late.begin = at(20, 0);
        late.end = at(20, 30);
        context.incidents.push_back(late);
        SyslogSignatureDetector().run(context, out);
        QVERIFY(!titled(out.evidence, QStringLiteral("No ")));
    }

    // Real system logs (tests are not generated by the code under test): every template is
    // counted once, and what the families find in them is only what their lines say.
    void realSyslogs()
    {
        const QString root = QStringLiteral(INQUEST_REALDATA "/logs");
        if (!QFileInfo::exists(root))
            QSKIP("no realdata");
        const LogFamilies families;
        int files = 0;
        QDirIterator it(root, {QStringLiteral("*syslog*"), QStringLiteral("Linux*.log")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            ImportOptions options;
            options.year = 2011;
            ImportResult r = importLogFile(path, options);
            if (!r.ok() || !isSystemLog(*r.source))
                continue;
            ++files;
            const EventTable &t = *r.source->table;
            const CaseData data = testing::caseWithAllKinds({*r.source});
            const TemplateComparison c = compareTemplates(
                data, t.minTime(), t.minTime() + (t.maxTime() - t.minTime()) / 2, t.maxTime() + 1, families);
            qint64 counted = 0;
            for (const TemplateActivity &a : c.templates) {
                counted += a.baselineCount + a.windowCount;
                if (a.family && *a.family == LogFamily::LinkDown)
                    QVERIFY2(a.example.contains(QStringLiteral("down"), Qt::CaseInsensitive) ||
                                 a.example.contains(QStringLiteral("carrier"), Qt::CaseInsensitive),
                             qPrintable(a.example));
            }
            QCOMPARE(counted, qint64(t.size()));
        }
        QVERIFY(files > 0);
    }
};

QTEST_GUILESS_MAIN(TestSyslogText)
#include "tst_syslogtext.moc"

#include "analysis/eventfilter.h"
#include "analysis/timelineindex.h"
#include "casefile/casefile.h"
#include "casefile/schema.h"
#include "casefile/sqlconnection.h"
#include "ingest/logtemplates.h"
#include "ingest/severityinference.h"
#include "testlib/ingestfixtures.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace inquest;
using namespace inquest::testing;

namespace {

QString realdata(const char *rel)
{
    return qEnvironmentVariable("INQUEST_REALDATA", QStringLiteral(INQUEST_REALDATA)) + QStringLiteral("/logs/") +
           QLatin1StringView(rel);
}

// Mines `lines` into a fresh table, one row each.
EventTable mine(const QList<QByteArray> &lines)
{
    EventTable t;
    LogTemplateMiner miner;
    for (const QByteArray &line : lines) {
        const std::size_t row = t.appendRow(0, 0, 1);
        miner.add(t, row, std::string_view(line.constData(), std::size_t(line.size())));
    }
    return t;
}

// The raw line of an event, read back by its offset.
QByteArray rawLine(const QByteArray &file, const EventTable &t, std::size_t row)
{
    const auto begin = qsizetype(t.offset[row]);
    qsizetype end = file.indexOf('\n', begin);
    if (end < 0)
        end = file.size();
    if (end > begin && file[end - 1] == '\r')
        --end; // CRLF files (loghub's)
    return file.mid(begin, end - begin);
}

// A case holding the vendor syslog.
CaseData vendorCase()
{
    ImportOptions o;
    o.year = 2010;
    ImportResult r = importLogFile(fixture(QStringLiteral("vendors.syslog")), o);
    CaseData data = CaseData::create(QStringLiteral("Templates"));
    if (r.ok()) {
        r.source->id = data.nextId++;
        data.sources.append(*r.source);
    }
    return data;
}

} // namespace

class TestLogTemplates : public QObject
{
    Q_OBJECT
private slots:
    void sameTemplateForLinesThatDifferInValues()
    {
        const EventTable t = mine({"Accepted publickey for deploy from 192.0.2.55 port 51234 ssh2",
                                   "Accepted publickey for backup from 192.0.2.56 port 40022 ssh2",
                                   "Accepted publickey for root from 10.0.0.1 port 22 ssh2"});
        QCOMPARE(t.texts.templates.size(), std::size_t(1));
        QCOMPARE(t.texts.templateOf(0), t.texts.templateOf(2));
        QCOMPARE(t.texts.templateText(t.strings, 0), std::string("Accepted publickey for <*> from <*> port <*> ssh2"));
    }

    void differentTemplatesForDifferentEvents()
    {
        const EventTable t = mine({"Accepted publickey for deploy from 192.0.2.55 port 51234 ssh2",
                                   "Connection closed by 192.0.2.55 port 51234 [preauth]", "NIC Link is Down",
                                   "NIC Link is Up 10 Gbps, Flow Control: None",
                                   "Accepted publickey for backup from 192.0.2.56 port 40022 ssh2"});
        QCOMPARE(t.texts.templates.size(), std::size_t(4));
        QCOMPARE(t.texts.templateOf(0), t.texts.templateOf(4));
        QVERIFY(t.texts.templateOf(0) != t.texts.templateOf(1));
        QVERIFY(t.texts.templateOf(2) != t.texts.templateOf(3));
    }

    // A template widened by a later line leaves earlier events as they were written.
    void textRebuildsExactlyAfterTheTemplateWidens()
    {
        const QList<QByteArray> lines = {"session opened for user root by (uid=0)",
                                         "session opened for user deploy by (uid=0)",
                                         "session opened for user  deploy by (uid=1001)", // two spaces
                                         " leading space and trailing space ", ""};
        const EventTable t = mine(lines);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(QByteArray::fromStdString(t.messageText(std::size_t(i))), lines[i]);
        QVERIFY(!t.texts.hasText(4)); // an empty text is no text
        QCOMPARE(t.texts.templateOf(0), t.texts.templateOf(1));
        QVERIFY(t.texts.variantOf(0) != t.texts.variantOf(1)); // the first line keeps "root"
    }

    void deterministic()
    {
        const QList<QByteArray> lines = {"a b c 1", "a b d 2", "x y z", "a b c 3", "x y w"};
        const EventTable one = mine(lines), two = mine(lines);
        QVERIFY(one.texts == two.texts);
    }

    void masksValues()
    {
        QVERIFY(LogTemplateMiner::looksVariable("10.0.0.1"));
        QVERIFY(LogTemplateMiner::looksVariable("0x4b4c3"));
        QVERIFY(LogTemplateMiner::looksVariable("21:40:13"));
        QVERIFY(LogTemplateMiner::looksVariable("00:1b:21:3a:4f:10"));
        QVERIFY(!LogTemplateMiner::looksVariable("eth0"));
        QVERIFY(!LogTemplateMiner::looksVariable("%LINK-3-UPDOWN:"));
        QVERIFY(!LogTemplateMiner::looksVariable("deadbeef")); // no digit: a word
    }

    // Hand-written lines as the devices write them, without <PRI>.
    void inferredSeverity_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("severity");
        QTest::newRow("Cisco IOS") << "4471"
                                   << "core-sw1: *Dec 12 21:40:01.123: %LINK-3-UPDOWN: Interface "
                                      "GigabitEthernet1/0/24, changed state to down"
                                   << 3;
        QTest::newRow("Cisco tag") << "%SYS-5-CONFIG_I"
                                   << "Configured from console by admin on vty0 (10.0.0.5)" << 5;
        QTest::newRow("Arista EOS")
            << "Ebra"
            << "%LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet12, changed state to down" << 5;
        QTest::newRow("Junos event") << "mib2d"
                                     << "SNMP_TRAP_LINK_DOWN: ifIndex 531, ifAdminStatus up(1), ifOperStatus down(2), "
                                        "ifName xe-0/0/1"
                                     << 3;
        QTest::newRow("Junos PFE mnemonic") << "fpc0"
                                            << "%PFE-3-FW_ERR: firewall filter install failed" << 3;
        QTest::newRow("kernel level") << "kernel"
                                      << "<3>[8412346.100000] ata1.00: failed command: READ FPDMA" << 3;
        QTest::newRow("kernel NIC down") << "kernel"
                                         << "[8412345.123456] ixgbe 0000:03:00.0 eth0: NIC Link is Down" << -1;
        QTest::newRow("kernel SCSI") << "kernel"
                                     << "[84.1] sd 0:0:0:0: [sda] tag#0 FAILED Result: hostbyte=DID_OK" << 3;
        QTest::newRow("EDAC") << "kernel"
                              << "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#1_DIMM#0" << 3;
        QTest::newRow("nginx error") << "nginx"
                                     << "2010/12/12 21:40:11 [error] 2211#0: *8812 upstream timed out" << 3;
        QTest::newRow("php-fpm") << "php-fpm"
                                 << "[WARNING] [pool www] server reached pm.max_children setting (50)" << 4;
        QTest::newRow("MySQL note") << "mysqld"
                                    << "101212 21:40:13 [Note] Aborted connection 1234 to db: 'shop'" << 5;
        QTest::newRow("Nagios") << "nagios"
                                << "SERVICE ALERT: web-03;HTTP;CRITICAL;SOFT;1;CRITICAL - Socket timeout" << 2;
        QTest::newRow("puppet") << "puppet-agent"
                                << "Could not retrieve catalog from remote server: Error 500 on SERVER" << 3;
        QTest::newRow("puppet ok") << "puppet-agent"
                                   << "Finished catalog run in 12.34 seconds" << -1;
        QTest::newRow("BIND") << "named"
                              << "client 192.0.2.10#53211 (www.example.co.uk): query failed (SERVFAIL)" << 3;
        QTest::newRow("HAProxy alert") << "haproxy"
                                       << "[ALERT] 345/214009 (4242) : parsing [haproxy.cfg:40]" << 1;
        QTest::newRow("negated") << "fsck"
                                 << "/dev/sda1: clean, no errors found" << -1;
        QTest::newRow("kernel panic") << "kernel"
                                      << "Kernel panic - not syncing: Fatal exception" << 0;
    }
    void inferredSeverity()
    {
        QFETCH(QString, tag);
        QFETCH(QString, text);
        QFETCH(int, severity);
        const QByteArray t = tag.toUtf8(), m = text.toUtf8();
        const uint8_t got = inferSeverity(std::string_view(t.constData(), std::size_t(t.size())),
                                          std::string_view(m.constData(), std::size_t(m.size())));
        QCOMPARE(int(got == NoSeverity ? -1 : got), severity);
    }

    // A datacenter syslog without <PRI>: the text is kept and rebuilt exactly, the program tag
    // stays, severity is inferred and marked so; a PRI severity is the logged one.
    void vendorSyslog()
    {
        ImportOptions o;
        o.year = 2010;
        const QString path = fixture(QStringLiteral("vendors.syslog"));
        const ImportResult r = importOk(path, o);
        QVERIFY(r.ok());
        QCOMPARE(r.source->format, QStringLiteral("syslog-rfc3164"));
        QCOMPARE(r.source->malformed, 0);
        const EventTable &t = *r.source->table;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray file = f.readAll();
        QCOMPARE(t.size(), std::size_t(22));
        for (std::size_t row = 0; row < t.size(); ++row) {
            const QByteArray text = QByteArray::fromStdString(t.messageText(row));
            QVERIFY2(!text.isEmpty() && rawLine(file, t, row).endsWith(": " + text), text.constData());
        }
        QCOMPARE(str(t, t.message[2]), QStringLiteral("mib2d"));
        QCOMPARE(t.messageLine(7), QStringLiteral("ipmiseld: PSU 2 Power Supply Failure Detected: Asserted"));
        QCOMPARE(t.messageText(21), std::string("(root) CMD (  /usr/lib/php5/maxlifetime)"));
        // Severity: inferred and marked, or logged.
        QCOMPARE(severityLevel(t.severity[0]), uint8_t(3)); // %LINK-3-UPDOWN
        QVERIFY(isSeverityInferred(t.severity[0]));
        QCOMPARE(severityLabel(t.severity[0]), QStringLiteral("err (inferred)"));
        QCOMPARE(severityLevel(t.severity[12]), uint8_t(2)); // Nagios CRITICAL
        QCOMPARE(t.severity[3], NoSeverity);                 // "NIC Link is Down": no word to go by
        QCOMPARE(t.severity[19], uint8_t(3));                // <11>: logged err
        QVERIFY(!isSeverityInferred(t.severity[19]));
        QCOMPARE(t.severity[20], uint8_t(6)); // <14> info, although the text says "error"
        QCOMPARE(severityLabel(t.severity[20]), QStringLiteral("info"));
        // The two sshd logins share a template; the rest are different events.
        QCOMPARE(t.texts.templateOf(17), t.texts.templateOf(18));
        QVERIFY(t.texts.templateOf(15) != t.texts.templateOf(16));
    }

    // loghub and lnav syslogs: every event's text is the exact end of its line.
    void realSyslogTextRebuilds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("maxTemplates");
        QTest::newRow("loghub Linux") << realdata("loghub/Linux/Linux_2k.log") << 200;
        QTest::newRow("loghub OpenSSH") << realdata("loghub/OpenSSH/OpenSSH_2k.log") << 80;
        QTest::newRow("lnav syslog") << realdata("lnav/logfile_syslog.0") << 10;
        QTest::newRow("lnav syslog 1") << realdata("lnav/logfile_syslog.1") << 10;
        QTest::newRow("lnav rfc5424") << realdata("lnav/logfile_with_zones.0") << 10;
        QTest::newRow("loghub Apache error log") << realdata("loghub/Apache/Apache_2k.log") << 40;
    }
    void realSyslogTextRebuilds()
    {
        QFETCH(QString, path);
        QFETCH(int, maxTemplates);
        if (!QFileInfo::exists(path))
            QSKIP("../shared/realdata is not present");
        ImportOptions o;
        o.year = 2020;
        const ImportResult r = importOk(path, o);
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray file = f.readAll();
        std::size_t withText = 0;
        for (std::size_t row = 0; row < t.size(); ++row) {
            const QByteArray text = QByteArray::fromStdString(t.messageText(row));
            withText += !text.isEmpty();
            QVERIFY2(rawLine(file, t, row).endsWith(text), text.constData());
        }
        QVERIFY(withText * 10 >= t.size() * 9);
        QVERIFY2(t.texts.templates.size() <= std::size_t(maxTemplates),
                 qPrintable(QString::number(t.texts.templates.size())));
        QVERIFY(t.texts.templates.size() >= 2);
    }

    // loghub's Linux sample logs with no PRI: severities come from the text, all marked.
    void realSyslogSeverityIsInferred()
    {
        const QString path = realdata("loghub/Linux/Linux_2k.log");
        if (!QFileInfo::exists(path))
            QSKIP("../shared/realdata is not present");
        ImportOptions o;
        o.year = 2020;
        const ImportResult r = importOk(path, o);
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        std::size_t inferred = 0, errors = 0;
        for (std::size_t row = 0; row < t.size(); ++row) {
            QVERIFY(t.severity[row] == NoSeverity || isSeverityInferred(t.severity[row]));
            inferred += t.severity[row] != NoSeverity;
            errors += severityLevel(t.severity[row]) == 3;
        }
        // "authentication failure" lines are hundreds of this sample.
        QVERIFY2(errors > 300, qPrintable(QString::number(errors)));
        QVERIFY(inferred >= errors);
    }

    // A file of several import chunks: an event type mined before and after its template
    // widened is one template, and every line still rebuilds exactly.
    void oneTemplateAcrossChunks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("auth.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray all;
        for (int i = 0; i < 40000; ++i) { // ~3.5 MB: the first 2 MiB chunk sees only "deploy"
            const char *user = i < 30000 ? "deploy" : (i % 2 ? "backup" : "root");
            all += QStringLiteral(
                       "Dec 12 21:%1:%2 web-01 sshd[%3]: Accepted publickey for %4 from 192.0.2.%5 port %6 ssh2\n")
                       .arg(i / 60 % 60, 2, 10, QChar(u'0'))
                       .arg(i % 60, 2, 10, QChar(u'0'))
                       .arg(1000 + i)
                       .arg(QLatin1StringView(user))
                       .arg(i % 250)
                       .arg(20000 + i)
                       .toLatin1();
        }
        f.write(all);
        f.close();
        ImportOptions o;
        o.year = 2010;
        const ImportResult r = importOk(path, o);
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(t.size(), std::size_t(40000));
        QCOMPARE(t.texts.templates.size(), std::size_t(1));
        QCOMPARE(t.texts.templateText(t.strings, 0), std::string("Accepted publickey for <*> from <*> port <*> ssh2"));
        for (std::size_t row : {std::size_t(0), std::size_t(29999), std::size_t(30000), std::size_t(39999)})
            QVERIFY(rawLine(all, t, row).endsWith(QByteArray::fromStdString(": " + t.messageText(row))));
    }

    void mergeGeneralizedKeepsText()
    {
        EventTable t = mine({"port 1 of eth0 is down", "port 2 of eth1 is down"});
        EventTable other = mine({"port 3 of eth0 is down"}); // still "eth0" constant
        const std::size_t before = t.size();
        t.append(other);
        QCOMPARE(t.texts.templates.size(), std::size_t(2));
        t.texts.mergeGeneralized();
        QCOMPARE(t.texts.templates.size(), std::size_t(1));
        QCOMPARE(t.texts.templateOf(before), t.texts.templateOf(0));
        QCOMPARE(t.texts.templateText(t.strings, 0), std::string("port <*> of <*> is down"));
        QCOMPARE(t.messageText(before), std::string("port 3 of eth0 is down"));
        QCOMPARE(t.messageText(0), std::string("port 1 of eth0 is down"));
    }

    // The message text is searchable: in a token, in an argument, across tokens, any case.
    void textSearchFindsTheMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("word of a template") << "PSU" << 1;
        QTest::newRow("an argument") << "192.0.2.56" << 1;
        QTest::newRow("across tokens, any case") << "power supply FAILURE" << 1;
        QTest::newRow("two vendors") << "changed state to down" << 2;
        QTest::newRow("the program tag") << "mib2d" << 1;
        QTest::newRow("nowhere") << "no such text" << 0;
    }
    void textSearchFindsTheMessage()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        const CaseData data = vendorCase();
        QCOMPARE(data.sources.size(), 1);
        const auto index = TimelineIndex::build(timelineSources(data.sources));
        EventFilter f;
        f.text = text;
        const auto found = applyFilter(*index, f);
        QVERIFY(found);
        QCOMPARE(int(found->size()), rows);
    }

    // The text columns survive save and reopen; the templates are readable by SQL.
    void caseFileRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("t.inquest"));
        const CaseData data = vendorCase();
        QCOMPARE(data.sources.size(), 1);
        QString error;
        QVERIFY2(casefile::write(data, file, &error), qPrintable(error));
        int version = 0;
        const auto back = casefile::read(file, &error, &version);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(version, schema::CurrentVersion);
        const EventTable &a = *data.sources[0].table, &b = *back->sources[0].table;
        QVERIFY(a.sameContent(b));
        for (std::size_t r = 0; r < a.size(); ++r) {
            QCOMPARE(b.messageText(r), a.messageText(r));
            QCOMPARE(b.texts.templateOf(r), a.texts.templateOf(r));
            QCOMPARE(b.severity[r], a.severity[r]); // the inferred bit too
        }
        QVERIFY(a.texts == b.texts);
        SqlConnection c(file, SqlConnection::Mode::ReadOnly);
        QSqlQuery q(c.db());
        QVERIFY(q.exec(QStringLiteral("SELECT events FROM source_templates WHERE template = "
                                      "'Accepted publickey for <*> from <*> port <*> ssh2'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    // A case saved before message texts were kept (schema 3) opens, and gains them on no
    // account; saved again it is schema 4.
    void olderCaseOpens()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("v3.inquest"));
        QString error;
        QVERIFY2(casefile::write(vendorCase(), file, &error), qPrintable(error));
        {
            // What a version-3 build wrote: no template table, no text columns.
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE source_templates")));
            for (const char *later : {"curves", "event_marks", "evidence_filters", // schema 5
                                      "remote_sources", "remote_results"})         // schema 6
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1StringView(later))));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE statements DROP COLUMN organisation_basis"))); // schema 7
            QVERIFY(q.exec(QStringLiteral("DELETE FROM source_columns WHERE name LIKE 'text_%'")));
            QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '3' WHERE key = 'schema_version'")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
        }
        int version = 0;
        const auto old = casefile::read(file, &error, &version);
        QVERIFY2(old, qPrintable(error));
        QCOMPARE(version, 3);
        const EventTable &t = *old->sources[0].table;
        QCOMPARE(t.size(), std::size_t(22));
        QVERIFY(t.texts.empty());
        QCOMPARE(t.messageLine(2), QStringLiteral("mib2d")); // the program tag, as before
        QVERIFY(isSeverityInferred(t.severity[0]));
        const QString saved = dir.filePath(QStringLiteral("v3-saved.inquest"));
        QVERIFY2(casefile::write(*old, saved, &error), qPrintable(error));
        const auto again = casefile::read(saved, &error, &version);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(version, schema::CurrentVersion);
        QCOMPARE(again->sources[0].table->size(), std::size_t(22));
    }

    // Damaged template blobs are refused with a reason, not read as wrong text.
    void damagedTemplatesAreRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.inquest"));
        QString error;
        QVERIFY2(casefile::write(vendorCase(), file, &error), qPrintable(error));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("DELETE FROM source_columns WHERE name = 'text_args'")));
        }
        const auto data = casefile::read(file, &error);
        QVERIFY(!data);
        QVERIFY2(error.contains(QStringLiteral("template")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLogTemplates)
#include "tst_logtemplates.moc"

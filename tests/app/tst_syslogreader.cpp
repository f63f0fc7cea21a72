#include "model/sites.h"
#include "testlib/ingestfixtures.h"

using namespace inquest;
using namespace inquest::testing;

class TestSyslogReader : public QObject
{
    Q_OBJECT
private slots:
    void newYearRollOver()
    {
        ImportOptions o;
        o.year = 2023;
        const ImportResult r = importOk(fixture(QStringLiteral("newyear.syslog")), o);
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("syslog-rfc3164"));
        QCOMPARE(r.source->events, 4);
        QCOMPARE(t.time[0], utc("2023-12-31T23:59:58Z"));
        QCOMPARE(t.time[2], utc("2024-01-01T00:00:01Z")); // Dec -> Jan: next year
        QCOMPARE(str(t, t.host[0]), QStringLiteral("web1"));
        QCOMPARE(str(t, t.message[0]), QStringLiteral("sshd")); // program, pid dropped
        QCOMPARE(str(t, t.message[3]), QStringLiteral("kernel"));
        QCOMPARE(r.source->year, 2023);
    }

    void yearFromFileTime()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("newyear.syslog")));
        QVERIFY(r.ok());
        QVERIFY(r.notes.join(u' ').contains(u"--year"));
    }

    // Without --year, a year-less log joins the year of the case's other logs, nearest to where
    // they end: files are copied before they reach an analyst, so their time says little.
    void yearFromTheCase_data()
    {
        QTest::addColumn<QString>("caseEnds");
        QTest::addColumn<QString>("firstEvent");
        QTest::newRow("case ends in the same December") << "2010-12-31T12:00:00Z"
                                                        << "2010-12-31T23:59:58Z";
        QTest::newRow("case ends the next January") << "2011-01-01T00:30:00Z"
                                                    << "2010-12-31T23:59:58Z";
        QTest::newRow("case ends in March: December is the one before") << "2011-03-02T08:00:00Z"
                                                                        << "2010-12-31T23:59:58Z";
        QTest::newRow("case ends in October: December comes after") << "2010-10-20T08:00:00Z"
                                                                    << "2010-12-31T23:59:58Z";
    }

    void yearFromTheCase()
    {
        QFETCH(QString, caseEnds);
        QFETCH(QString, firstEvent);
        Source access;
        access.kind = SourceKind::Log;
        access.format = QStringLiteral("combined");
        access.events = 10;
        access.firstTime = utc("2009-01-01T00:00:00Z");
        access.lastTime = utc(qPrintable(caseEnds));
        Source otherSyslog = access; // a year-less log of the case is no anchor
        otherSyslog.format = QStringLiteral("syslog-rfc3164");
        otherSyslog.lastTime = utc("2030-06-01T00:00:00Z");
        ImportOptions o;
        o.caseTime = caseYearAnchor({access, otherSyslog});
        QCOMPARE(o.caseTime, access.lastTime);
        const ImportResult r = importOk(fixture(QStringLiteral("newyear.syslog")), o);
        const EventTable &t = *r.source->table;
        QCOMPARE(t.time[0], utc(qPrintable(firstEvent)));
        QCOMPARE(t.time[3] - t.time[0], qint64(4'000'000)); // still rolls over into January
        QVERIFY2(r.notes.join(u' ').contains(u"case's other logs"), qPrintable(r.notes.join(u' ')));

        o.year = 2023; // a declared year wins
        QCOMPARE(importOk(fixture(QStringLiteral("newyear.syslog")), o).source->table->time[0],
                 utc("2023-12-31T23:59:58Z"));
    }

    void dstFallBackBerlin()
    {
        ImportOptions o;
        o.year = 2023;
        o.timeZone = QStringLiteral("Europe/Berlin");
        const ImportResult r = importOk(fixture(QStringLiteral("dst_fallback.syslog")), o);
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(t.size(), std::size_t(6));
        QCOMPARE(t.time[0], utc("2023-10-28T23:59:00Z")); // 01:59 CEST
        QCOMPARE(t.time[1], utc("2023-10-29T00:10:00Z")); // 02:10 CEST
        QCOMPARE(t.time[2], utc("2023-10-29T00:50:00Z")); // 02:50 CEST
        QCOMPARE(t.time[3], utc("2023-10-29T01:05:00Z")); // 02:05 CET, clock went back
        QCOMPARE(t.time[4], utc("2023-10-29T01:55:00Z")); // 02:55 CET
        QCOMPARE(t.time[5], utc("2023-10-29T02:10:00Z")); // 03:10 CET
        QVERIFY(t.isSortedByTime());
    }

    void fixedOffsetZone()
    {
        ImportOptions o;
        o.year = 2023;
        o.timeZone = QStringLiteral("+01:00");
        const ImportResult r = importOk(fixture(QStringLiteral("newyear.syslog")), o);
        QCOMPARE(r.source->table->time[0], utc("2023-12-31T22:59:58Z"));
    }

    void lnavSyslog()
    {
        ImportOptions o;
        o.year = 2007;
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/logfile_syslog.0")), o);
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 4);
        QCOMPARE(r.source->malformed, 0);
        QCOMPARE(r.source->table->time[0], utc("2007-11-03T09:23:38Z"));
        // A system log is no site: its events keep their own host.
        QCOMPARE(r.source->site, QString());
        QCOMPARE(SiteRule().eventName(*r.source, 0), QStringLiteral("veridian"));
    }

    void ciscoSequenceNumberIsNoProgram()
    {
        // Cisco IOS puts a message sequence number where other devices put the program tag
        // ("host 85132: *Dec 12 ...: %LINK-3-UPDOWN: ..."). A counter is no program: taken as one,
        // every line would be its own program and its own message template.
        ImportOptions o;
        o.year = 2010;
        const ImportResult r = importOk(fixture(QStringLiteral("cisco_sequence.syslog")), o);
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 5);
        const EventTable &t = *r.source->table;
        for (std::size_t row = 0; row < 4; ++row)
            QCOMPARE(t.strings.view(t.message[row]), std::string_view());
        QCOMPARE(t.strings.view(t.message[4]), std::string_view("sshd"));
        // The two link-down lines of one router are one template; the text keeps the device's
        // own time stamp and message.
        QCOMPARE(t.texts.templateOf(0), t.texts.templateOf(1));
        QVERIFY(t.texts.templateOf(2) != t.texts.templateOf(0));
        QCOMPARE(t.messageText(0), std::string("Dec 12 20:28:24.160 UTC: %LINK-3-UPDOWN: Interface "
                                               "TenGigabitEthernet0/1/0, changed state to down"));
        // The severity the mnemonic carries (%LINK-3: err), inferred.
        QCOMPARE(t.severity[0] & ~SeverityInferredBit, 3);
        QCOMPARE(t.severity[3] & ~SeverityInferredBit, 3);
    }

    void plasoSyslogMalformed()
    {
        // plaso's syslog: 13 records; malformed are the tag-less "Job `cron.daily' terminated",
        // two "Mmm dd HH:MM:SS: ---" comment lines and a "MMM 22" month; the tab-indented
        // continuation line is part of the message before it, not a problem.
        ImportOptions o;
        o.year = 2012;
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/plaso_syslog")), o);
        QVERIFY(r.ok());
        QCOMPARE(r.source->lines, 18);
        QCOMPARE(r.source->events, 13);
        QCOMPARE(r.source->malformed, 4);
        QCOMPARE(r.source->table->time[0], utc("2012-01-22T07:52:33Z"));
        // The same file gzip-compressed (plaso's syslog.gz is a shorter variant of it).
        const ImportResult gz = importOk(fixture(QStringLiteral("realdata/plaso_syslog.gz")), o);
        QVERIFY(gz.ok());
        QCOMPARE(gz.source->format, QStringLiteral("syslog-rfc3164"));
        QVERIFY(gz.notes.filter(u"gzip").isEmpty());
    }

    void rfc5424()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("rfc5424.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("syslog-rfc5424"));
        QCOMPARE(t.time[0], utc("2023-10-12T07:15:00.500Z"));
        QCOMPARE(t.severity[0], 5); // 165 = local4.notice
        QCOMPARE(str(t, t.host[0]), QStringLiteral("lb1"));
        QCOMPARE(str(t, t.message[0]), QStringLiteral("haproxy"));
    }

    void plasoRfc5424()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/plaso_syslog_rfc5424")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->format, QStringLiteral("syslog-rfc5424"));
        QCOMPARE(r.source->events, 9);
        QCOMPARE(r.source->malformed, 1); // "with another line": the 2nd line of a message
        QCOMPARE(r.source->issues[0].line, 3);
    }

    void lnavMixedZones()
    {
        // RFC 5424 bodies without PRI, mixing Z and +03:00: all in UTC.
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/logfile_with_zones.0")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(t.time[0], utc("2022-08-27T14:22:01.613Z"));
        QCOMPARE(t.time[1], utc("2022-08-27T14:22:01.694Z") + 554);
    }
};

QTEST_GUILESS_MAIN(TestSyslogReader)
#include "tst_syslogreader.moc"

#include "model/httpstatus.h"
#include "model/sites.h"
#include "testlib/ingestfixtures.h"
#include "testlib/testprinters.h"

#include <cmath>

using namespace inquest;
using namespace inquest::testing;

// W3C (IIS), AWS ELB, web-server error logs, JSON lines and CSV metrics.
class TestStructuredReaders : public QObject
{
    Q_OBJECT
private slots:
    void w3c()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("iis.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("w3c"));
        QCOMPARE(r.source->events, 1);
        QCOMPARE(r.source->malformed, 1);
        QCOMPARE(r.source->issues[0].line, 6);
        QCOMPARE(t.time[0], utc("2023-10-12T00:00:01Z"));
        QCOMPARE(str(t, t.client[0]), QStringLiteral("198.51.100.20"));
        QCOMPARE(str(t, t.path[0]), QStringLiteral("/default.aspx?id=7"));
        QCOMPARE(t.status[0], 500);
        QCOMPARE(t.bytes[0], 1234u);
        QCOMPARE(t.responseUs[0], 47000u); // time-taken is milliseconds
        QCOMPARE(str(t, t.host[0]), QStringLiteral("www.example.org"));
        QCOMPARE(SiteRule().eventName(*r.source, 0), QStringLiteral("www.example.org")); // the line's host
    }

    void plasoIisEdgeCases()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/plaso_iis10_edge_cases.log")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->format, QStringLiteral("w3c"));
        QCOMPARE(r.source->events, 15);
        QCOMPARE(r.source->malformed, 0);
    }

    void elb()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("elb.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("aws-elb"));
        QCOMPARE(t.time[0], utc("2023-10-12T09:15:00.123Z") + 456);
        QCOMPARE(str(t, t.client[0]), QStringLiteral("192.0.2.1"));
        QCOMPARE(t.status[0], 503);
        QCOMPARE(t.bytes[0], 366u);
        QCOMPARE(t.responseUs[0], 201000u);
        QCOMPARE(str(t, t.path[0]), QStringLiteral("/status?x=1"));
        QCOMPARE(str(t, t.host[0]), QStringLiteral("www.example.com"));
        QCOMPARE(str(t, t.agent[0]), QStringLiteral("curl/7.46.0"));
    }

    void plasoElb()
    {
        // Two Network-LB TLS lines ("tls 2.0 …") are not HTTP access lines.
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/plaso_aws_elb_access.log")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->format, QStringLiteral("aws-elb"));
        QCOMPARE(r.source->lines, 16);
        QCOMPARE(r.source->malformed, 2);
        QCOMPARE(r.source->table->time[0], utc("2020-01-11T16:55:20.356Z") + 586);
        // Line 13's status is "-": the balancer closed the connection before any response.
        const EventTable &t = *r.source->table;
        const auto row = std::size_t(std::find(t.line.begin(), t.line.end(), 13u) - t.line.begin());
        QVERIFY(row < t.size());
        QCOMPARE_ENUM(statusClass(t.status[row]), StatusClass::NoResponse);
        QCOMPARE(statusText(t.status[row]), QStringLiteral("000"));
    }

    void nginxError()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("nginx_error.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("nginx-error"));
        QCOMPARE(t.time[0], utc("2023-10-12T09:15:00Z"));
        QCOMPARE(t.severity[0], 3);
        QCOMPARE(str(t, t.client[0]), QStringLiteral("203.0.113.9"));
        QCOMPARE(str(t, t.path[0]), QStringLiteral("/checkout"));
        QCOMPARE(t.method[0], HttpMethod::Get);
        QCOMPARE(str(t, t.host[0]), QStringLiteral("shop.example.com"));
        // The text is kept once, on the message templates: no tag, so the line shows it once.
        QCOMPARE(t.message[0], 0u);
        QVERIFY(t.messageLine(0).startsWith(u"*5 upstream timed out"));
        QVERIFY(!t.messageLine(0).contains(u": *5 upstream"));
        // With the server's zone declared.
        ImportOptions o;
        o.timeZone = QStringLiteral("Europe/Berlin");
        QCOMPARE(importOk(fixture(QStringLiteral("nginx_error.log")), o).source->table->time[0],
                 utc("2023-10-12T07:15:00Z"));
    }

    void beatsNginxError()
    {
        // A FastCGI stderr message spans lines; its two continuation lines are counted.
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/beats_nginx_error.log")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 4);
        QCOMPARE(r.source->malformed, 2);
    }

    void apacheError()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("apache_error.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("apache-error"));
        QCOMPARE(t.time[0], utc("2023-10-12T09:15:00.123Z") + 456);
        QCOMPARE(t.severity[0], 3);
        QCOMPARE(str(t, t.message[0]), QStringLiteral("proxy"));
        QCOMPARE(str(t, t.client[0]), QStringLiteral("203.0.113.9"));
        const ImportResult beats = importOk(fixture(QStringLiteral("realdata/beats_apache_error.log")));
        QCOMPARE(beats.source->events, 3);
        QCOMPARE(beats.source->malformed, 0);
    }

    void jsonEcs()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("ecs.json")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("json-lines"));
        QCOMPARE(r.source->events, 1);
        QCOMPARE(r.source->malformed, 2); // broken JSON; an object without a time
        QVERIFY(r.source->issues[0].reason.startsWith(u"invalid JSON"));
        QVERIFY(r.source->issues[1].reason.contains(u"time"));
        QCOMPARE(t.time[0], utc("2023-10-12T09:15:00.250Z"));
        QCOMPARE(t.status[0], 502);
        QCOMPARE(t.bytes[0], 17u);
        QCOMPARE(t.method[0], HttpMethod::Post);
        QCOMPARE(t.severity[0], 3);
        QCOMPARE(str(t, t.path[0]), QStringLiteral("/pay"));
        QCOMPARE(str(t, t.client[0]), QStringLiteral("192.0.2.77"));
        QCOMPARE(str(t, t.host[0]), QStringLiteral("api-1"));
        QCOMPARE(t.messageLine(0), QStringLiteral("payment failed"));
    }

    void jsonFieldMapOverride()
    {
        ImportOptions o;
        o.fieldMap = QStringLiteral("message=log.level");
        const ImportResult r = importOk(fixture(QStringLiteral("ecs.json")), o);
        QCOMPARE(r.source->table->messageLine(0), QStringLiteral("error"));
    }

    void jsonBunyanAndLnavInvalid()
    {
        const ImportResult bunyan = importOk(fixture(QStringLiteral("realdata/logfile_bunyan.0")));
        QVERIFY(bunyan.ok());
        QCOMPARE(bunyan.source->events, 10);
        const EventTable &t = *bunyan.source->table;
        QCOMPARE(t.time[0], utc("2023-03-24T14:26:16.243Z"));
        QCOMPARE(t.severity[0], 7); // bunyan 20 = debug
        QCOMPARE(str(t, t.host[0]), QStringLiteral("renovate-gitlab-67c4bcb5-9ggbv"));
        const ImportResult invalid = importOk(fixture(QStringLiteral("realdata/logfile_invalid_json.json")));
        QVERIFY(invalid.ok());
        QCOMPARE(invalid.source->lines, 5);
        QCOMPARE(invalid.source->malformed, 1);
        const ImportResult ecs = importOk(fixture(QStringLiteral("realdata/logfile_ecs_log.json")));
        QCOMPARE(ecs.source->events, 5);
        QCOMPARE(ecs.source->table->severity[0], 7);
    }

    void csvMetrics()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("metrics.csv")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("csv-metrics"));
        QCOMPARE(r.source->events, 2);
        QCOMPARE(r.source->malformed, 1); // "abc,def"
        QCOMPARE(t.numeric.size(), std::size_t(2));
        QCOMPARE(t.numeric[0].name, QStringLiteral("requests"));
        QCOMPARE(t.numeric[0].values[0], 120.0);
        QVERIFY(std::isnan(t.numeric[0].values[1])); // a gap
        QCOMPARE(t.numeric[1].values[1], 5.0);
        QCOMPARE(t.time[1], utc("2023-10-12T09:05:00Z"));
    }

    void nabCsv()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/nab_ec2_request_latency.csv")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 4032);
        QCOMPARE(r.source->malformed, 0);
        QCOMPARE(r.source->table->numeric[0].name, QStringLiteral("value"));
        QCOMPARE(r.source->table->numeric[0].values[0], 45.868);
        QCOMPARE(r.source->table->time[0], utc("2014-03-07T03:41:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestStructuredReaders)
#include "tst_structuredreaders.moc"

#include "model/sites.h"
#include "testlib/ingestfixtures.h"

#include "ingest/formatregistry.h"

using namespace inquest;
using namespace inquest::testing;

class TestAccessLogReader : public QObject
{
    Q_OBJECT
private slots:
    void combinedGolden()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("mixed_zones.log")));
        QVERIFY(r.ok());
        const Source &s = *r.source;
        QCOMPARE(s.format, QStringLiteral("combined"));
        QCOMPARE(s.lines, 3);
        QCOMPARE(s.events, 3);
        QCOMPARE(s.malformed, 0);
        const EventTable &t = *s.table;
        // +0200, -0700 and +0000 all land in UTC.
        QCOMPARE(t.time[0], utc("2023-10-10T11:55:36Z"));
        QCOMPARE(t.time[1], utc("2023-10-10T20:55:37Z"));
        QCOMPARE(t.time[2], utc("2023-10-10T13:55:38Z"));
        QCOMPARE(str(t, t.client[0]), QStringLiteral("192.0.2.1"));
        QCOMPARE(str(t, t.client[1]), QStringLiteral("2001:db8::7"));
        QCOMPARE(t.method[0], HttpMethod::Get);
        QCOMPARE(t.method[1], HttpMethod::Post);
        QCOMPARE(t.method[2], HttpMethod::None); // request "-"
        QCOMPARE(str(t, t.path[0]), QStringLiteral("/index.html"));
        QCOMPARE(str(t, t.path[1]), QStringLiteral("/api/login?x=1"));
        QCOMPARE(t.status[0], 200);
        QCOMPARE(t.status[1], 503);
        QCOMPARE(t.status[2], 408);
        QCOMPARE(t.bytes[0], 2326u);
        QCOMPARE(t.bytes[1], 0u); // "-"
        QCOMPARE(str(t, t.referer[0]), QStringLiteral("https://ref.example/"));
        QCOMPARE(t.referer[1], 0u); // "-" is no referer
        QCOMPARE(str(t, t.agent[1]), QStringLiteral("curl/8.0"));
        QCOMPARE(t.offset[0], 0u);
        QCOMPARE(t.line[2], 3u);
        QCOMPARE(qint64(t.offset[1]),
                 qint64(QByteArray("192.0.2.1 - alice [10/Oct/2023:13:55:36 +0200] \"GET /index.html HTTP/1.1\" 200 "
                                   "2326 \"https://ref.example/\" \"Mozilla/5.0 (X11)\"\n")
                            .size()));
        QCOMPARE(s.firstTime, utc("2023-10-10T11:55:36Z"));
        QCOMPARE(s.lastTime, utc("2023-10-10T20:55:37Z"));
        QCOMPARE(s.sha256.size(), 64);
    }

    void vhostAndResponseTime()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("vhost_response_time.log")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("vhost-combined"));
        // The file names no host: the source's site is its name; each line's site is its vhost.
        QCOMPARE(r.source->site, QStringLiteral("vhost_response_time.log"));
        QCOMPARE(SiteRule().eventName(*r.source, 0), QStringLiteral("shop.example.com")); // port dropped
        QCOMPARE(str(t, t.host[0]), QStringLiteral("shop.example.com:443"));
        QCOMPARE(t.responseUs[0], 123456u); // integer: Apache %D microseconds
        QCOMPARE(t.responseUs[1], 250000u); // decimal: nginx $request_time seconds
        QCOMPARE(t.status[1], 502);
    }

    void siteOptionWins()
    {
        ImportOptions o;
        o.site = QStringLiteral("example.org");
        const ImportResult r = importOk(fixture(QStringLiteral("vhost_response_time.log")), o);
        QCOMPARE(r.source->site, QStringLiteral("example.org"));
    }

    void lnavBadAccessLog()
    {
        // lnav's fixture: the second line lacks the ident and user fields.
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/logfile_bad_access_log.0")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->lines, 3);
        QCOMPARE(r.source->events, 2);
        QCOMPARE(r.source->malformed, 1);
        QCOMPARE(r.source->issues.size(), 1);
        QCOMPARE(r.source->issues[0].line, 2);
        QVERIFY(r.source->issues[0].reason.contains(u"ident"));
        QVERIFY(r.source->issues[0].excerpt.startsWith("192.168.202.254 [20/Jul/2009"));
    }

    void lnavVhostWithResponseTime()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/logfile_regexp_access_log.0")));
        QVERIFY(r.ok());
        const EventTable &t = *r.source->table;
        QCOMPARE(r.source->format, QStringLiteral("vhost-combined"));
        QCOMPARE(t.time[0], utc("2023-07-26T07:01:26Z")); // -0700
        QCOMPARE(str(t, t.client[0]), QStringLiteral("178.20.184.42"));
        QCOMPARE(t.responseUs[0], 116075u);
    }

    void goaccessSample()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("realdata/goaccess_access.log")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->format, QStringLiteral("vhost-combined"));
        QCOMPARE(r.source->events, 4);
        QCOMPARE(r.source->malformed, 0);
    }

    void forwardedForLists()
    {
        // nginx logging $http_x_forwarded_for: the first address is the client.
        const std::vector<std::string_view> lines{
            R"(10.0.0.2, 10.0.0.1, 127.0.0.1 - - [07/Dec/2016:11:05:07 +0100] "GET /ocelot HTTP/1.1" 200 571 "-" "UA")",
            R"("10.5.102.222, 199.96.1.1" 10.2.1.185 - - [22/Jan/2016:13:18:29 +0000] "GET /a HTTP/1.1" 200 5 "-" "UA")"};
        const LogReader *reader = FormatRegistry::instance().find(QStringLiteral("combined"));
        auto parser = reader->createParser({});
        EventTable t;
        std::string reason;
        QCOMPARE(parser->parse(lines[0], 0, 1, t, &reason), LineResult::Event);
        QCOMPARE(parser->parse(lines[1], 0, 2, t, &reason), LineResult::Event);
        QCOMPARE(str(t, t.client[0]), QStringLiteral("10.0.0.2"));
        QCOMPARE(str(t, t.client[1]), QStringLiteral("10.5.102.222"));
    }

    void sniffing()
    {
        const auto &registry = FormatRegistry::instance();
        const std::vector<std::string_view> common{
            R"(::1 - - [26/Dec/2016:16:16:29 +0200] "GET /favicon.ico HTTP/1.1" 404 209)"};
        QCOMPARE(registry.sniff(common).front().reader->name(), QStringLiteral("common"));
        const std::vector<std::string_view> combined{
            R"(::1 - - [26/Dec/2016:16:16:29 +0200] "GET / HTTP/1.1" 200 209 "-" "UA")"};
        QCOMPARE(registry.sniff(combined).front().reader->name(), QStringLiteral("combined"));
        QCOMPARE(registry.sniff(combined).front().confidence, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestAccessLogReader)
#include "tst_accesslogreader.moc"

// The WHERE condition `inquest events` and the timeline's remote rows send for a filter
// (remote/remoteevents): each part of the filter in ClickHouse terms, literals quoted so that a
// value cannot end its string, the grep on the raw line when the mapping has one (else the path),
// and what a remote table cannot be asked. The expected SQL is written out by hand.
#include "remote/remoteevents.h"

#include "model/httpstatus.h"

#include <QTest>

using namespace inquest;
using namespace inquest::remote;

class TstRemoteEventSql : public QObject
{
    Q_OBJECT
    ColumnMapping m_map;
    RemoteSql m_sql{QStringLiteral("logs.requests"), m_map, QStringLiteral("shop")};

    QString condition(const EventFilter &f, const QString &grep = {}, QString *error = nullptr)
    {
        QString unused;
        return eventCondition(m_sql, m_map, f, grep, error ? error : &unused);
    }

private slots:
    void timeWindowOnTheColumn()
    {
        EventFilter f;
        f.from = 1292140800'000'000;
        f.to = 1292140860'500'000; // a part second: the next whole second is the end
        QCOMPARE(condition(f), u"(time) >= toDateTime(1292140800) AND (time) < toDateTime(1292140861)"_qs);
    }

    void statusClassesAndCodes()
    {
        EventFilter f;
        QVERIFY(parseStatusFilter(u"5xx,no-response,404,000"_qs, &f));
        const QString c = condition(f);
        const QString st = u"toUInt16OrZero(toString(status))"_qs;
        QVERIFY2(c.contains(u"(%1 BETWEEN 500 AND 599 OR %1 IN (0, 444, 499) OR %1 IN (404, 0))"_qs.arg(st)),
                 qPrintable(c));
        EventFilter four;
        QVERIFY(parseStatusFilter(u"4xx"_qs, &four));
        QVERIFY2(condition(four).contains(u"(%1 BETWEEN 400 AND 499 AND %1 NOT IN (444, 499))"_qs.arg(st)),
                 qPrintable(condition(four)));
    }

    void valuesAreQuoted()
    {
        EventFilter f;
        f.site = u"it's\\"_qs;
        f.path = u"/a' OR 1=1 --"_qs;
        const QString c = condition(f);
        QVERIFY2(c.contains(u"toString(site) = 'it\\'s\\\\'"_qs), qPrintable(c));
        QVERIFY2(c.contains(u"toString(path) = '/a\\' OR 1=1 --'"_qs), qPrintable(c));
    }

    void clientBlocks()
    {
        EventFilter f;
        f.client = u"10.1.2.3/16"_qs;
        QVERIFY2(condition(f).contains(
                     u"IPv4StringToNum(toString(client)) BETWEEN 167837696 AND 167903231"_qs), // 10.1.0.0–10.1.255.255
                 qPrintable(condition(f)));
        f.client = u"2001:db8:abcd::/48"_qs;
        QVERIFY2(condition(f).contains(u"startsWith(hex(IPv6StringToNum(toString(client))), '20010DB8ABCD')"_qs),
                 qPrintable(condition(f)));
        f.client = u"2001:db8::/33"_qs;
        QString error;
        QVERIFY(condition(f, {}, &error).isEmpty());
        QVERIFY2(error.contains(u"4-bit boundary"_qs), qPrintable(error));
        f.client = u"192.0.2.7"_qs;
        QVERIFY(condition(f).contains(u"toString(client) = '192.0.2.7'"_qs));
    }

    void grepOnRawElsePath()
    {
        QCOMPARE(grepColumn(m_map), u"path"_qs);
        QVERIFY(condition({}, u"^/api/"_qs).endsWith(u"match(toString(path), '^/api/')"_qs));
        // A flag group: an alternative that never matches keeps ClickHouse from pre-filtering
        // on a case-sensitive literal.
        QVERIFY2(
            condition({}, u"(?i)CHECKOUT"_qs).endsWith(u"match(toString(path), '(?:(?i)CHECKOUT)|[^\\\\s\\\\S]')"_qs),
            qPrintable(condition({}, u"(?i)CHECKOUT"_qs)));
        ColumnMapping withRaw;
        QVERIFY(withRaw.apply(u"raw=line"_qs).isEmpty());
        QCOMPARE(grepColumn(withRaw), u"raw"_qs);
        const RemoteSql sql(u"logs.requests"_qs, withRaw, u"shop"_qs);
        QString error;
        QVERIFY(
            eventCondition(sql, withRaw, {}, u"\\d{3}"_qs, &error).endsWith(u"match(toString(line), '\\\\d{3}')"_qs));
        QVERIFY(sql.eventRows(u"1"_qs, 0, 10).contains(u"toString(line) FROM"_qs));
        QVERIFY(m_sql.eventRows(u"1"_qs, 0, 10).contains(u"NULL FROM"_qs));
        // Mappings kept before the raw field existed compare equal to those read back.
        QVERIFY(!ColumnMapping().toJson().contains(u"raw"_qs));
        QCOMPARE(ColumnMapping::fromJson(withRaw.toJson()), withRaw);
    }

    void pagesAreCutOnTheServer()
    {
        const QString sql = m_sql.eventRows(u"%1 and %2"_qs, 400, 200); // user text with %N stays as it is
        QVERIFY2(sql.contains(u"WHERE %1 and %2 ORDER BY t_, s_, c_, m_, p_, st_, b_, a_, r_ LIMIT 400, 200"_qs),
                 qPrintable(sql));
    }

    void whatARemoteTableCannotBeAsked()
    {
        EventFilter f;
        QVERIFY(remoteFilterGap(f).isEmpty());
        f.host = u"db1"_qs;
        QVERIFY(remoteFilterGap(f).contains(u"host"_qs));
        QVERIFY(condition(f).contains(u" AND 0"_qs)); // selects none of its rows
        EventFilter sev;
        sev.severities = EventFilter::severityBit(3);
        QVERIFY(remoteFilterGap(sev).contains(u"severity"_qs));
    }
};

QTEST_GUILESS_MAIN(TstRemoteEventSql)
#include "tst_remoteeventsql.moc"

// Column mappings and the SQL built from them, without a server: the `--map` syntax, time
// windows in every unit (bounds on the column itself, as integers), bins without the server's
// time zone, and literals quoted so that a site name cannot end the string.
#include "remote/columnmapping.h"
#include "remote/remotesql.h"

#include <QTest>

using namespace inquest;
using namespace inquest::remote;

class TstColumnMapping : public QObject
{
    Q_OBJECT
private slots:
    void applyKeepsCommasInsideExpressions()
    {
        ColumnMapping m;
        QCOMPARE(m.apply(QStringLiteral("time=ts, time_unit=ms, site=Headers['host'], path=substring(url, 1, 200),"
                                        "client=concat(a, ',', b)")),
                 QString());
        QCOMPARE(m.time, QStringLiteral("ts"));
        QVERIFY(m.timeUnit == ColumnMapping::TimeUnit::Milliseconds);
        QCOMPARE(m.site, QStringLiteral("Headers['host']"));
        QCOMPARE(m.path, QStringLiteral("substring(url, 1, 200)"));
        QCOMPARE(m.client, QStringLiteral("concat(a, ',', b)"));
        QCOMPARE(m.status, QStringLiteral("status")); // untouched fields keep the standard shape
        QCOMPARE(ColumnMapping::fromJson(m.toJson()), m);
    }
    void applyErrorsNameThePart()
    {
        ColumnMapping m;
        QVERIFY(m.apply(QStringLiteral("stauts=code")).contains(u"unknown field \"stauts\""_qs));
        QVERIFY(m.apply(QStringLiteral("time_unit=fortnights")).contains(u"fortnights"_qs));
        QVERIFY(m.apply(QStringLiteral("pathonly")).contains(u"\"pathonly\" is not FIELD=EXPRESSION"_qs));
        QVERIFY(m.apply(QStringLiteral("path=")).contains(u"needs an expression"_qs));
        QCOMPARE(m.apply(QStringLiteral("site=")), QString()); // one site: the source's name
        QVERIFY(m.site.isEmpty());
    }
    void timeWindowInEveryUnit_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("window");
        QTest::addColumn<QString>("us");
        // [21:45:00.250, 21:46:00) on 2010-12-12
        QTest::newRow("datetime") << "datetime"
                                  << "(t) >= toDateTime(1292190301) AND (t) < toDateTime(1292190360)"
                                  << "(toInt64(toUInt32((t))) * 1000000)";
        QTest::newRow("s") << "s"
                           << "(t) >= 1292190301 AND (t) < 1292190360"
                           << "(toInt64((t)) * 1000000)";
        QTest::newRow("ms") << "ms"
                            << "(t) >= 1292190300250 AND (t) < 1292190360000"
                            << "(toInt64((t)) * 1000)";
        QTest::newRow("us") << "us"
                            << "(t) >= 1292190300250000 AND (t) < 1292190360000000"
                            << "toInt64((t))";
        QTest::newRow("ns") << "ns"
                            << "(t) >= 1292190300250000000 AND (t) < 1292190360000000000"
                            << "intDiv(toInt64((t)), 1000)";
    }
    void timeWindowInEveryUnit()
    {
        QFETCH(QString, unit);
        QFETCH(QString, window);
        QFETCH(QString, us);
        ColumnMapping m;
        QCOMPARE(m.apply(u"time=t,time_unit="_qs + unit), QString());
        QCOMPARE(m.timeWindow(1292190300'250'000, 1292190360'000'000), window);
        QCOMPARE(m.timeUs(), us);
    }
    void countsBinByIntegerDivision()
    {
        const RemoteSql sql(QStringLiteral("logs.requests"), ColumnMapping(), QStringLiteral("shop"));
        const QString q = sql.counts(QStringLiteral("a'b"), EventStore::Filter::Failures, 1292190300'000'000,
                                     1292193900'000'000, 60'000'000);
        QVERIFY2(q.startsWith(u"SELECT intDiv(toUInt32(time) - 1292190300, 60) AS b"_qs), qPrintable(q));
        // Off the whole-second grid: on µs.
        const QString fine =
            sql.counts({}, EventStore::Filter::All, 1292190300'250'000, 1292193900'000'000, 60'000'000);
        QVERIFY2(fine.startsWith(
                     u"SELECT intDiv((toInt64(toUInt32((time))) * 1000000) - 1292190300250000, 60000000) AS b"_qs),
                 qPrintable(fine));
        QVERIFY2(q.contains(u"toString(site) = 'a\\'b'"_qs), qPrintable(q));
        QVERIFY(q.contains(u"BETWEEN 500 AND 599 OR st_ IN (0, 444, 499)"_qs));
        QVERIFY(!q.contains(u"toStartOfInterval"_qs));
        QVERIFY(!q.contains(u"skip_unavailable_shards"_qs));
    }
    void exactAggregatesOnly()
    {
        const RemoteSql sql(QStringLiteral("t"), ColumnMapping(), QStringLiteral("shop"));
        const QString top = sql.topValues({}, EventStore::Dimension::ClientNet, EventStore::Filter::All, 0, 1, 10);
        QVERIFY2(top.contains(u"GROUP BY v ORDER BY c DESC, v LIMIT 10"_qs), qPrintable(top));
        QVERIFY(!top.contains(u"topK"_qs));
        QVERIFY(sql.distinct({}, EventStore::Dimension::Agent, 0, 1).contains(u"uniqExact("_qs));
    }
    void siteFromTheSourceName()
    {
        ColumnMapping m;
        m.apply(QStringLiteral("site="));
        const RemoteSql sql(QStringLiteral("t"), m, QStringLiteral("O'Brien shop"));
        QCOMPARE(sql.site(), QStringLiteral("'O\\'Brien shop'"));
    }
};

QTEST_GUILESS_MAIN(TstColumnMapping)
#include "tst_columnmapping.moc"

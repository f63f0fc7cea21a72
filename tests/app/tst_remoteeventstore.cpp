// The ClickHouse store against the local one on the same real logs (tests/../shared/realdata),
// loaded through a Distributed table over two shards: bins at the detectors' width and at an
// odd width, top values and distinct counts of every dimension, per-client summaries, and the
// errors a person sees for a wrong table, column or password. Needs a server:
// INQUEST_CLICKHOUSE_URL (tests/remote/clickhouse-server.sh start DIR prints one; .ci/run sets
// it). Without it the test says so and does not run.
#include "testlib/twoshardtable.h"

#include "testlib/ingestfixtures.h"

#include "analysis/localeventstore.h"
#include "analysis/sitebins.h"
#include "remote/combinedeventstore.h"
#include "remote/remoteeventstore.h"
#include "remote/tableloader.h"

#include <QTest>

using namespace inquest;
using namespace inquest::remote;
using namespace inquest::testing;
using D = EventStore::Dimension;
using F = EventStore::Filter;

namespace {

} // namespace

class TstRemoteEventStore : public QObject
{
    Q_OBJECT
    CaseData m_case;
    std::vector<SiteBins> m_bins;
    std::unique_ptr<LocalEventStore> m_local;
    std::unique_ptr<RemoteEventStore> m_remote;
    ServerAccess m_access;
    QString m_suffix;
    TwoShardTable m_shards;
    QString table(const char *db) const { return QStringLiteral("%1.requests_%2").arg(QLatin1String(db), m_suffix); }
    QueryRun run(const QString &sql)
    {
        ClickHouseClient client(m_access);
        QueryRun r = client.run(sql);
        if (!r.ok())
            qWarning("%s", qPrintable(r.error()));
        return r;
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, the remote store was NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_access = {QUrl(clickHouseUrl()), QStringLiteral("default"), {}, 60};
        m_suffix = QString::number(QCoreApplication::applicationPid());
        const QString real = QStringLiteral(INQUEST_REALDATA "/logs/");
        for (auto [file, site] :
             {std::pair{"elastic-examples/apache_logs", "blog"}, std::pair{"lnav/logfile_access_log.0", "edge"}}) {
            ImportOptions options;
            options.site = QLatin1String(site);
            ImportResult r = testing::importOk(real + QLatin1String(file), options);
            QVERIFY(r.ok());
            m_case.sources.append(*r.source);
        }
        {
            // A shop that logs its response times (hand-written, Apache %D-style trailing field).
            ImportOptions options;
            options.site = QStringLiteral("shop");
            ImportResult r =
                testing::importOk(QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log"), options);
            QVERIFY(r.ok());
            m_case.sources.append(*r.source);
        }
        m_bins = SiteBins::build(m_case);
        m_local = std::make_unique<LocalEventStore>(m_bins);

        QString error;
        QVERIFY2(m_shards.create(QStringLiteral("requests_") + m_suffix, &error), qPrintable(error));
        ClickHouseClient client(m_access);
        const qint64 loaded = loadAccessEvents(m_case, client, table("default"), &error, 3000);
        QVERIFY2(loaded > 10000, qPrintable(error));
        // Both shards hold rows: the answers below are merged by the cluster.
        for (const char *db : {"shard1", "shard2"}) {
            const QueryRun r = run(QStringLiteral("SELECT count() FROM %1").arg(table(db)));
            QVERIFY(r.ok() && r.reply.rows.front().front().toLongLong() > 1000);
        }
        m_remote = std::make_unique<RemoteEventStore>(m_access, table("default"), ColumnMapping(), QStringLiteral("x"));
        QVERIFY2(m_remote->open(), qPrintable(m_remote->lastError()));
        QCOMPARE(m_remote->rows(), quint64(loaded));
    }
    void cleanupTestCase() { m_shards.drop(); }
    void sitesAndSpans()
    {
        QCOMPARE(m_remote->sites(), m_local->sites());
        QCOMPARE(m_remote->span(), m_local->span());
        for (const QString &site : m_local->sites())
            QCOMPARE(m_remote->span(site), m_local->span(site));
    }
    void counts_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<qint64>("width");
        QTest::addColumn<qint64>("shift");
        QTest::newRow("all sites, minutes") << QString() << qint64(60'000'000) << qint64(0);
        QTest::newRow("blog, minutes") << QStringLiteral("blog") << qint64(60'000'000) << qint64(0);
        QTest::newRow("blog, 7 min off the grid")
            << QStringLiteral("blog") << qint64(420'000'000) << qint64(13'000'000);
        QTest::newRow("all sites, hours") << QString() << qint64(3600'000'000) << qint64(0);
    }
    void counts()
    {
        QFETCH(QString, site);
        QFETCH(qint64, width);
        QFETCH(qint64, shift);
        const auto [first, last] = m_local->span(site);
        const int64_t from = first / width * width + shift - width;
        for (F filter : {F::All, F::Failures}) {
            const auto local = m_local->counts(site, filter, from, last, width);
            const auto remote = m_remote->counts(site, filter, from, last, width);
            QCOMPARE(remote, local);
            QVERIFY(std::accumulate(local.begin(), local.end(), 0.0) > 0);
        }
        QVERIFY(!m_remote->failed());
    }
    void responseTimes()
    {
        const auto [first, last] = m_local->span(QStringLiteral("shop"));
        QVERIFY(first < last);
        for (const QString &site : m_local->sites()) {
            for (double q : {0.0, 0.5, 0.9, 1.0})
                QCOMPARE(m_remote->responseQuantile(site, q, first - 60'000'000, last),
                         m_local->responseQuantile(site, q, first - 60'000'000, last));
        }
        const uint32_t p50 = m_local->responseQuantile(QStringLiteral("shop"), 0.5, first, last);
        QVERIFY(p50 != NoResponseTime);
        for (uint32_t slower : {0u, p50}) {
            const auto local = m_local->responseCounts(QStringLiteral("shop"), slower, first, last, 60'000'000);
            QCOMPARE(m_remote->responseCounts(QStringLiteral("shop"), slower, first, last, 60'000'000), local);
            QVERIFY(std::accumulate(local.begin(), local.end(), 0.0) > 0);
        }
        // The merged answer of two stores holding one site is the element of the merged times.
        CombinedEventStore both({m_local.get(), m_remote.get()});
        const uint32_t merged = both.responseQuantile(QStringLiteral("shop"), 0.5, first, last);
        const auto slowerThanMerged = both.responseCounts(QStringLiteral("shop"), merged, first, last, last - first);
        const auto all = both.responseCounts(QStringLiteral("shop"), 0, first, last, last - first);
        const double n = all.front();
        QVERIFY(n > 0);
        QVERIFY(slowerThanMerged.front() <= n - std::floor(0.5 * (n - 1)) - 1);
        QCOMPARE(merged, p50); // every time twice: the same median
        QVERIFY(!m_remote->failed());
    }
    void topValuesAndDistinct_data()
    {
        QTest::addColumn<int>("dimension");
        for (auto [d, name] :
             {std::pair{D::Site, "site"}, std::pair{D::Endpoint, "endpoint"}, std::pair{D::Status, "status"},
              std::pair{D::ClientNet, "client net"}, std::pair{D::Agent, "agent"}, std::pair{D::Referer, "referer"},
              std::pair{D::Method, "method"}, std::pair{D::Static, "static"}})
            QTest::newRow(name) << int(d);
    }
    void topValuesAndDistinct()
    {
        QFETCH(int, dimension);
        const D d = D(dimension);
        const auto [first, last] = m_local->span(QStringLiteral("blog"));
        const int64_t mid = first + (last - first) / 3;
        for (const auto &[from, to] : {std::pair{first, last}, std::pair{mid, mid + 3600'000'000}}) {
            for (F filter : {F::All, F::Failures}) {
                for (int n : {10, 0}) {
                    const auto local = m_local->topValues({}, d, filter, from, to, n);
                    const auto remote = m_remote->topValues({}, d, filter, from, to, n);
                    QCOMPARE(remote.size(), local.size());
                    for (std::size_t i = 0; i < local.size(); ++i) {
                        QCOMPARE(remote[i].value, local[i].value);
                        QCOMPARE(remote[i].count, local[i].count);
                    }
                }
            }
            QCOMPARE(m_remote->distinct(QStringLiteral("blog"), d, from, to),
                     m_local->distinct(QStringLiteral("blog"), d, from, to));
        }
        QVERIFY(!m_remote->failed());
    }
    void clientSummaries()
    {
        const auto [first, last] = m_local->span(QStringLiteral("blog"));
        const int64_t from = first + (last - first) / 2, to = from + 2 * 3600'000'000LL;
        auto local = m_local->clients(QStringLiteral("blog"), from, to);
        auto remote = m_remote->clients(QStringLiteral("blog"), from, to);
        QVERIFY(!m_remote->failed());
        QCOMPARE(remote.size(), local.size());
        QVERIFY(local.size() > 10);
        // Same clients, same counts (order: by client id locally, by address remotely).
        auto key = [](const EventStore::ClientSummary &c) {
            return std::tuple(c.requests, c.failures, c.pages, c.assets, c.endpoints, c.seenBefore, c.agent);
        };
        std::vector<decltype(key(local[0]))> a, b;
        for (const auto &c : local)
            a.push_back(key(c));
        for (const auto &c : remote)
            b.push_back(key(c));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        QVERIFY(a == b);
        double gl = 0, gr = 0;
        for (const auto &c : local)
            gl += c.gapMean;
        for (const auto &c : remote)
            gr += c.gapMean;
        QVERIFY(std::abs(gl - gr) < 1e-6 * std::max(1.0, gl));
    }
    void errorsAreClearAndSticky_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown table") << "default.nope_requests"
                                       << ""
                                       << ""
                                       << "unknown table";
        QTest::newRow("unknown column") << ""
                                        << "status=stauts"
                                        << ""
                                        << "unknown column";
        QTest::newRow("wrong password") << ""
                                        << ""
                                        << "wrong"
                                        << "wrong user or password";
    }
    void errorsAreClearAndSticky()
    {
        QFETCH(QString, table);
        QFETCH(QString, map);
        QFETCH(QString, password);
        QFETCH(QString, message);
        ColumnMapping m;
        QCOMPARE(m.apply(map), QString());
        ServerAccess access = m_access;
        access.password = password;
        RemoteEventStore store(access, table.isEmpty() ? this->table("default") : table, m, QStringLiteral("x"));
        const bool opened = store.open();
        if (opened) // a bad status expression shows at the first question that uses it
            QVERIFY(store.counts({}, F::Failures, 0, 3600'000'000, 60'000'000).size() == 60);
        QVERIFY(store.failed());
        QVERIFY2(store.lastError().contains(message), qPrintable(store.lastError()));
        QVERIFY(store.topValues({}, D::Status, F::All, 0, INT64_MAX / 2, 0).empty()); // nothing after a failure
    }
};

QTEST_GUILESS_MAIN(TstRemoteEventStore)
#include "tst_remoteeventstore.moc"

#pragma once
// What the remote-source tests share: the test server (INQUEST_CLICKHOUSE_URL, started by
// tests/remote/clickhouse-server.sh with a cluster "two" of two shards, databases shard1 and
// shard2 on the same server) and a table of the standard shape over both shards behind a
// Distributed table, as a real cluster holds request logs.

#include "remote/clickhouseclient.h"
#include "remote/columnmapping.h"

#include <QString>
#include <QUrl>

namespace inquest::testing {

// The test server's URL; empty when no server was started (the remote tests skip and say so).
inline QString clickHouseUrl() { return qEnvironmentVariable("INQUEST_CLICKHOUSE_URL"); }

// The test server as its default user.
inline remote::ServerAccess clickHouseAdmin()
{
    remote::ServerAccess access;
    access.url = QUrl(clickHouseUrl());
    return access;
}

// One statement on the test server as its default user.
inline remote::QueryRun onClickHouse(const QString &sql)
{
    remote::ClickHouseClient client(clickHouseAdmin());
    return client.run(sql);
}

// default.NAME (Distributed over cluster "two") on shard1.NAME and shard2.NAME (MergeTree ordered
// by site and time). create() makes all three; the destructor drops them.
class TwoShardTable
{
public:
    TwoShardTable() = default;
    TwoShardTable(const TwoShardTable &) = delete;
    TwoShardTable &operator=(const TwoShardTable &) = delete;
    ~TwoShardTable() { drop(); }

    // False with the server's message in `error` when a statement fails.
    bool create(const QString &name, QString *error = nullptr)
    {
        drop();
        m_name = name;
        const QString engine = QStringLiteral("MergeTree() ORDER BY (site, time)");
        QStringList statements;
        for (const char *db : {"shard1", "shard2"}) {
            statements << QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(QLatin1String(db))
                       << remote::standardTableDdl(QStringLiteral("%1.%2").arg(QLatin1String(db), name), engine);
        }
        statements << remote::standardTableDdl(qualified(),
                                               QStringLiteral("Distributed(two, '', %1, rand())").arg(name));
        for (const QString &sql : std::as_const(statements)) {
            const remote::QueryRun r = onClickHouse(sql);
            if (!r.ok()) {
                if (error)
                    *error = QStringLiteral("%1: %2").arg(sql.left(80), r.error());
                return false;
            }
        }
        m_created = true;
        return true;
    }
    // "default.NAME", as `--table` takes it.
    QString qualified() const { return QStringLiteral("default.") + m_name; }
    const QString &name() const { return m_name; }
    void drop()
    {
        if (!m_created)
            return;
        m_created = false;
        onClickHouse(QStringLiteral("DROP TABLE IF EXISTS %1").arg(qualified()));
        for (const char *db : {"shard1", "shard2"})
            onClickHouse(QStringLiteral("DROP TABLE IF EXISTS %1.%2").arg(QLatin1String(db), m_name));
    }

private:
    QString m_name;
    bool m_created = false;
};

} // namespace inquest::testing

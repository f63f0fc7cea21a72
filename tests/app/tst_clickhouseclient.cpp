// The ClickHouse HTTP client against a fake server (a QTcpServer in this test) that answers
// each edge case the way ClickHouse 18.16 does, and records what the client sent: the
// credentials up front, the query id and settings, and the KILL QUERY of a cancel or timeout.
#include "remote/clickhouseclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

using namespace inquest::remote;

namespace {

struct Request
{
    QByteArray target; // path and query
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
    QString param(const char *name) const
    {
        return QUrlQuery(QUrl(QString::fromLatin1(target)))
            .queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    }
};

// Answers each request with what `answer` returns (a raw HTTP response; empty: stay silent).
class FakeServer : public QTcpServer
{
public:
    std::function<QByteArray(const Request &)> answer;
    std::vector<Request> requests;

    FakeServer()
    {
        QVERIFY(listen(QHostAddress::LocalHost));
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, s, [this, s] { read(s); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }
    const Request *kill() const
    {
        for (const Request &r : requests) {
            if (r.body.startsWith("KILL QUERY"))
                return &r;
        }
        return nullptr;
    }

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request r;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        r.target = lines.first().split(' ').value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            r.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        r.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        requests.push_back(r);
        const QByteArray response = r.body.startsWith("KILL QUERY") ? reply(200, "") : answer(r);
        if (!response.isEmpty())
            s->write(response);
    }
    QMap<QTcpSocket *, QByteArray> m_buffers;

public:
    static QByteArray reply(int status, const QByteArray &body, const QByteArray &extra = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\nX-ClickHouse-Server-Display-Name: fake\r\n" + extra + "\r\n" + body;
    }
};

ServerAccess accessTo(const FakeServer &server, int timeout = 5)
{
    return {server.url(), QStringLiteral("analyst"), QStringLiteral("s3cret"), timeout};
}

} // namespace

class TstClickHouseClient : public QObject
{
    Q_OBJECT
private slots:
    void sendsCredentialsIdAndSettings()
    {
        FakeServer server;
        server.answer = [](const Request &) {
            return FakeServer::reply(200, "1\tx\n",
                                     "X-ClickHouse-Progress: {\"read_rows\":\"10\"}\r\n"
                                     "X-ClickHouse-Progress: {\"read_rows\":\"2500\",\"read_bytes\":\"9\"}\r\n");
        };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT 1, 'x'"), 2);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.reply.rows.size(), std::size_t(1));
        QCOMPARE(server.requests.size(), std::size_t(1));
        const Request &q = server.requests.front();
        QCOMPARE(q.headers.value("x-clickhouse-user"), QByteArray("analyst"));
        QCOMPARE(q.headers.value("x-clickhouse-key"), QByteArray("s3cret"));
        QCOMPARE(q.body, QByteArray("SELECT 1, 'x'"));
        QCOMPARE(q.param("query_id"), r.queryId);
        QCOMPARE(q.param("wait_end_of_query"), QStringLiteral("1"));
        QCOMPARE(q.param("max_execution_time"), QStringLiteral("5"));
        QVERIFY(!q.target.contains("skip_unavailable_shards"));
        QCOMPARE(r.rowsRead, 2500);
        QCOMPARE(r.serverName, QStringLiteral("fake"));
        QCOMPARE(r.sha256, QCryptographicHash::hash("1\tx\n", QCryptographicHash::Sha256).toHex());
    }
    void trailingErrorAfterHttp200()
    {
        FakeServer server;
        server.answer = [](const Request &) {
            return FakeServer::reply(200, "1\n2\nCode: 241, e.displayText() = DB::Exception: Memory limit (for query) "
                                          "exceeded, e.what() = DB::Exception\n");
        };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT n"), 1);
        QVERIFY(!r.ok());
        QCOMPARE(r.reply.errorCode, 241);
        QVERIFY(r.reply.rows.empty());
        QVERIFY2(r.error().contains(u"Memory limit"_qs), qPrintable(r.error()));
    }
    void wrongPasswordWithoutChallenge()
    {
        FakeServer server;
        server.answer = [](const Request &) {
            return FakeServer::reply(401, "Code: 193, e.displayText() = DB::Exception: Wrong password for user "
                                          "analyst, e.what() = DB::Exception\n");
        };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT 1"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"refused user \"analyst\": wrong user or password"_qs), qPrintable(r.error()));
        QVERIFY(!r.error().contains(u"s3cret"_qs));
        QCOMPARE(server.requests.size(), std::size_t(1)); // no retry, no challenge round
    }
    void unknownTable()
    {
        FakeServer server;
        server.answer = [](const Request &) {
            return FakeServer::reply(404, "Code: 60, e.displayText() = DB::Exception: Table logs.nope doesn't "
                                          "exist., e.what() = DB::Exception\n");
        };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT count() FROM logs.nope"));
        QVERIFY2(r.error().contains(u"unknown table"_qs) && r.error().contains(u"logs.nope"_qs), qPrintable(r.error()));
    }
    void unknownColumn()
    {
        FakeServer server;
        server.answer = [](const Request &) {
            return FakeServer::reply(500, "Code: 47, e.displayText() = DB::Exception: Unknown identifier: stauts, "
                                          "e.what() = DB::Exception\n");
        };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT stauts FROM t"));
        QVERIFY2(r.error().contains(u"unknown column"_qs) && r.error().contains(u"stauts"_qs), qPrintable(r.error()));
    }
    void notClickHouse_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("404 empty") << 404 << QByteArray();
        QTest::newRow("500 html") << 500 << QByteArray("<html>Internal Server Error</html>");
    }
    void notClickHouse()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        FakeServer server;
        server.answer = [&](const Request &) { return FakeServer::reply(status, body); };
        ClickHouseClient client(accessTo(server));
        const QueryRun r = client.run(QStringLiteral("SELECT 1"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"HTTP %1"_qs.arg(status)) && r.error().contains(u"ClickHouse HTTP interface"_qs),
                 qPrintable(r.error()));
    }
    void unreachable()
    {
        quint16 port = 0;
        {
            QTcpServer probe; // a port that was free a moment ago
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ClickHouseClient client({QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), {}, {}, 5});
        const QueryRun r = client.run(QStringLiteral("SELECT 1"));
        QVERIFY2(r.error().startsWith(u"cannot reach the ClickHouse server at http://127.0.0.1:"_qs),
                 qPrintable(r.error()));
    }
    void silentServerTimesOutAndKills()
    {
        FakeServer server;
        server.answer = [](const Request &) { return QByteArray(); };
        ClickHouseClient client(accessTo(server, 1));
        QElapsedTimer t;
        t.start();
        const QueryRun r = client.run(QStringLiteral("SELECT sleep(3)"));
        QVERIFY(t.elapsed() < 4000);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"no complete answer within 1 s"_qs), qPrintable(r.error()));
        QVERIFY(r.killed);
        const Request *kill = server.kill();
        QVERIFY(kill);
        QCOMPARE(kill->body, "KILL QUERY WHERE query_id = '" + r.queryId.toLatin1() + "' SYNC");
        QCOMPARE(kill->headers.value("x-clickhouse-key"), QByteArray("s3cret"));
    }
    void cancelLeavesNoQueryRunning()
    {
        FakeServer server;
        server.answer = [](const Request &) { return QByteArray(); };
        ClickHouseClient client(accessTo(server, 30));
        QString started;
        connect(&client, &ClickHouseClient::queryStarted, this, [&](const QString &id) {
            started = id;
            QTimer::singleShot(100, &client, &ClickHouseClient::cancel);
        });
        QElapsedTimer t;
        t.start();
        const QueryRun r = client.run(QStringLiteral("SELECT count() FROM big"));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY2(r.error().startsWith(u"cancelled"_qs), qPrintable(r.error()));
        QCOMPARE(started, r.queryId);
        const Request *kill = server.kill();
        QVERIFY2(kill, "the cancel sent no KILL QUERY");
        QVERIFY(kill->body.contains(r.queryId.toLatin1()));
        QVERIFY(kill->body.endsWith(" SYNC"));
    }
    void quoting() { QCOMPARE(quoted(QStringLiteral("it's a \\ path")), QStringLiteral("'it\\'s a \\\\ path'")); }
};

QTEST_GUILESS_MAIN(TstClickHouseClient)
#include "tst_clickhouseclient.moc"

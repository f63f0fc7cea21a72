#pragma once

#include "clickhousereply.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace inquest::remote {

// Where a ClickHouse server is and who asks. The password lives here only while a command or
// a dialog runs; nothing writes it anywhere.
struct ServerAccess
{
    QUrl url; // the HTTP interface, e.g. http://127.0.0.1:8123
    QString user = QStringLiteral("default");
    QString password;
    int timeoutSeconds = 60; // the client gives up (and kills the query) after this long
};

// One query as it ran: what was asked, what came back, and the facts a case keeps as its
// provenance.
struct QueryRun
{
    QString sql;
    QString queryId;
    QDateTime started;
    QDateTime finished;
    int httpStatus = 0;
    QByteArray body;
    QByteArray sha256;    // of the body, hex
    qint64 rowsRead = -1; // as the server reported it (-1: not reported)
    QString serverName;   // X-ClickHouse-Server-Display-Name
    TsvReply reply;       // rows, or the error
    bool killed = false;  // a KILL QUERY was sent (cancel or timeout)

    bool ok() const { return reply.ok(); }
    const QString &error() const { return reply.error; }
};

// Runs queries on a ClickHouse server over its HTTP interface. Credentials go in the
// X-ClickHouse-User/Key headers up front (a wrong password is a 401 without a challenge, so
// Qt's authentication signal never fires). Every query has an id; when the client gives up (its
// timeout, or cancel()) it sends KILL QUERY for that id, since closing the connection does not
// stop a query on the server, and max_execution_time on the server is the backstop.
class ClickHouseClient : public QObject
{
    Q_OBJECT
public:
    explicit ClickHouseClient(ServerAccess access, QObject *parent = nullptr);
    ~ClickHouseClient() override;

    // Runs `sql` and waits for the whole answer (wait_end_of_query=1: an error is an HTTP error,
    // not a trailing line after rows that are already out). `columns` > 0 checks every row.
    QueryRun run(const QString &sql, int columns = 0);
    // The same with a body that is a query followed by its data (INSERT … FORMAT TabSeparated).
    QueryRun run(const QByteArray &body, int columns = 0);

    const ServerAccess &access() const { return m_access; }
    // Queries run with readonly=2: the server refuses anything that writes (a query read from a
    // case file, which travels, is run this way).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

public slots:
    // Stops the running query (from this object's thread, or queued from another one).
    void cancel();

signals:
    void queryStarted(const QString &queryId);

private:
    QNetworkReply *post(const QByteArray &body, const QString &queryId, bool settings);
    void kill(const QString &queryId);
    QString describe(const QueryRun &run, int networkError, const QString &networkText) const;

    ServerAccess m_access;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_running;
    bool m_cancelled = false;
    bool m_readOnly = false;
};

// Single-quoted SQL string literal with ClickHouse's backslash escapes.
QString quoted(const QString &text);

} // namespace inquest::remote

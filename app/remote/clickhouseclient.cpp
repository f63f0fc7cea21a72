#include "clickhouseclient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace inquest::remote {

namespace {

// Server error codes a person can act on (ClickHouse's ErrorCodes.cpp).
constexpr int UnknownIdentifier = 47;
constexpr int UnknownTable = 60;
constexpr int UnknownDatabase = 81;
constexpr int TimeoutExceeded = 159;
constexpr int UnknownUser = 192;
constexpr int WrongPassword = 193;
constexpr int QueryWasCancelled = 394;
constexpr int AuthenticationFailed = 516;

qint64 rowsRead(const QNetworkReply *reply)
{
    // X-ClickHouse-Progress headers (one per progress packet, Qt joins them) or X-ClickHouse-Summary:
    // the last "read_rows" is the total.
    static const QRegularExpression read(QStringLiteral("\"read_rows\":\"?(\\d+)"));
    qint64 rows = -1;
    for (const char *header : {"X-ClickHouse-Progress", "X-ClickHouse-Summary"}) {
        auto it = read.globalMatch(QString::fromLatin1(reply->rawHeader(header)));
        while (it.hasNext())
            rows = it.next().captured(1).toLongLong();
    }
    return rows;
}

} // namespace

QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (QChar c : text) {
        if (c == u'\\' || c == u'\'')
            out += u'\\';
        if (c == u'\0')
            out += QStringLiteral("\\0");
        else
            out += c;
    }
    out += u'\'';
    return out;
}

ClickHouseClient::ClickHouseClient(ServerAccess access, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_network(new QNetworkAccessManager(this))
{
}

ClickHouseClient::~ClickHouseClient() = default;

QNetworkReply *ClickHouseClient::post(const QByteArray &body, const QString &queryId, bool settings)
{
    QUrl url = m_access.url;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("query_id"), queryId);
    if (settings) {
        if (m_readOnly)
            query.addQueryItem(QStringLiteral("readonly"), QStringLiteral("2"));
        query.addQueryItem(QStringLiteral("wait_end_of_query"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("send_progress_in_http_headers"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("max_execution_time"), QString::number(m_access.timeoutSeconds));
        // An INSERT through a Distributed table returns once every shard has its rows.
        query.addQueryItem(QStringLiteral("insert_distributed_sync"), QStringLiteral("1"));
    }
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("X-ClickHouse-User", m_access.user.toUtf8());
    request.setRawHeader("X-ClickHouse-Key", m_access.password.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return m_network->post(request, body);
}

QueryRun ClickHouseClient::run(const QString &sql, int columns) { return run(sql.toUtf8(), columns); }

QueryRun ClickHouseClient::run(const QByteArray &body, int columns)
{
    QueryRun r;
    // An INSERT's data is not part of its SQL.
    const qsizetype data = body.startsWith("INSERT") ? body.indexOf('\n') : -1;
    r.sql = QString::fromUtf8(data < 0 ? body : body.left(data));
    r.queryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.started = QDateTime::currentDateTimeUtc();
    m_cancelled = false;

    QNetworkReply *reply = post(body, r.queryId, true);
    m_running = reply;
    emit queryStarted(r.queryId);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(m_access.timeoutSeconds * 1000);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();
    m_running = nullptr;

    r.finished = QDateTime::currentDateTimeUtc();
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply is closed; reading it would only print Qt's "device not open".
    if (reply->isOpen())
        r.body = reply->readAll();
    r.sha256 = QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex();
    r.rowsRead = rowsRead(reply);
    r.serverName = QString::fromUtf8(reply->rawHeader("X-ClickHouse-Server-Display-Name"));
    const int networkError = reply->error();
    const QString networkText = reply->errorString();
    reply->deleteLater();

    if (timedOut || m_cancelled) {
        kill(r.queryId);
        r.killed = true;
        r.reply = {};
        r.reply.error = timedOut ? QStringLiteral("%1 gave no complete answer within %2 s; the query was stopped")
                                       .arg(m_access.url.toDisplayString(QUrl::RemoveUserInfo))
                                       .arg(m_access.timeoutSeconds)
                                 : QStringLiteral("cancelled; the query was stopped on the server");
        return r;
    }
    if (networkError == QNetworkReply::NoError && r.httpStatus == 200) {
        r.reply = parseTsv(r.body, columns);
        return r;
    }
    r.reply.error = describe(r, networkError, networkText);
    const ServerError e = parseServerError(r.body);
    r.reply.errorCode = e.code;
    return r;
}

QString ClickHouseClient::describe(const QueryRun &run, int networkError, const QString &networkText) const
{
    const QString where = m_access.url.toDisplayString(QUrl::RemoveUserInfo);
    if (run.httpStatus == 0)
        return QStringLiteral("cannot reach the ClickHouse server at %1: %2").arg(where, networkText);
    const ServerError e = parseServerError(run.body);
    switch (e.code) {
    case UnknownUser:
    case WrongPassword:
    case AuthenticationFailed:
        return QStringLiteral("%1 refused user \"%2\": wrong user or password (%3)")
            .arg(where, m_access.user, e.message);
    case UnknownTable:
    case UnknownDatabase:
        return QStringLiteral("unknown table at %1: %2").arg(where, e.message);
    case UnknownIdentifier:
        return QStringLiteral("unknown column in the table or the mapping at %1: %2").arg(where, e.message);
    case TimeoutExceeded:
        return QStringLiteral("the query ran over its time limit (%1 s) at %2: %3")
            .arg(m_access.timeoutSeconds)
            .arg(where, e.message);
    case QueryWasCancelled:
        return QStringLiteral("the query was cancelled on %1").arg(where);
    default:
        break;
    }
    if (e.code)
        return QStringLiteral("%1 answered HTTP %2: %3 (code %4)")
            .arg(where)
            .arg(run.httpStatus)
            .arg(e.message)
            .arg(e.code);
    if (run.httpStatus == 401 || run.httpStatus == 403)
        return QStringLiteral("%1 refused user \"%2\": wrong user or password (HTTP %3)")
            .arg(where, m_access.user)
            .arg(run.httpStatus);
    Q_UNUSED(networkError);
    const QString body = QString::fromUtf8(run.body.left(200)).trimmed();
    return QStringLiteral("%1 answered HTTP %2%3; is it a ClickHouse HTTP interface?")
        .arg(where)
        .arg(run.httpStatus)
        .arg(body.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(body));
}

void ClickHouseClient::cancel()
{
    m_cancelled = true;
    if (m_running)
        m_running->abort();
}

void ClickHouseClient::kill(const QString &queryId)
{
    // Its own short wait: a server that ignores the kill must not hold the caller for long.
    QNetworkReply *reply = post(QStringLiteral("KILL QUERY WHERE query_id = %1 SYNC").arg(quoted(queryId)).toUtf8(),
                                QUuid::createUuid().toString(QUuid::WithoutBraces), false);
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    reply->deleteLater();
}

} // namespace inquest::remote

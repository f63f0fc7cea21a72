#include "remoterecords.h"
#include "sqlinsert.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace inquest::casefile {

namespace {

QString isoOrEmpty(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }

} // namespace

bool writeRemoteRecords(QSqlDatabase &db, const CaseData &data, QString *error)
{
    int position = 0;
    for (const RemoteSource &s : data.remoteSources) {
        if (!insertRow(db,
                       QStringLiteral("INSERT INTO remote_sources (id, position, name, url, table_name, mapping, user, "
                                      "password_env, server_version, added, rows, first_time, last_time) "
                                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                       {s.id, position++, s.name, s.url, s.table,
                        QString::fromUtf8(QJsonDocument(s.mapping).toJson(QJsonDocument::Compact)), s.user,
                        s.passwordEnv, s.serverVersion, isoOrEmpty(s.added), s.rows, s.firstTime, s.lastTime},
                       error))
            return false;
    }
    qint64 seq = 0;
    for (const RemoteResult &r : data.remoteResults) {
        if (!insertRow(db,
                       QStringLiteral("INSERT INTO remote_results (seq, source_id, server, server_version, table_name, "
                                      "sql, query_id, started, finished, rows_read, sha256, approximate) "
                                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                       {++seq, r.sourceId, r.server, r.serverVersion, r.table, r.sql, r.queryId, isoOrEmpty(r.started),
                        isoOrEmpty(r.finished), r.rowsRead, r.sha256, int(r.approximate)},
                       error))
            return false;
    }
    return true;
}

bool readRemoteRecords(QSqlDatabase &db, CaseData &data, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, url, table_name, mapping, user, server_version, added, rows, "
                               "first_time, last_time, password_env FROM remote_sources ORDER BY position"))) {
        *error = QStringLiteral("cannot read: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        RemoteSource s;
        s.id = q.value(0).toLongLong();
        s.name = q.value(1).toString();
        s.url = q.value(2).toString();
        s.table = q.value(3).toString();
        QJsonParseError parse;
        const QJsonDocument mapping = QJsonDocument::fromJson(q.value(4).toString().toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError || !mapping.isObject()) {
            *error = QStringLiteral("remote source row %1: its column mapping is not a JSON object").arg(s.id);
            return false;
        }
        s.mapping = mapping.object();
        s.user = q.value(5).toString();
        s.serverVersion = q.value(6).toString();
        s.added = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        s.rows = q.value(8).toLongLong();
        s.firstTime = q.value(9).toLongLong();
        s.lastTime = q.value(10).toLongLong();
        s.passwordEnv = q.value(11).toString();
        data.remoteSources.append(s);
    }
    if (!q.exec(QStringLiteral("SELECT source_id, server, server_version, table_name, sql, query_id, started, "
                               "finished, rows_read, sha256, approximate FROM remote_results ORDER BY seq"))) {
        *error = QStringLiteral("cannot read: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        RemoteResult r;
        r.sourceId = q.value(0).toLongLong();
        r.server = q.value(1).toString();
        r.serverVersion = q.value(2).toString();
        r.table = q.value(3).toString();
        r.sql = q.value(4).toString();
        r.queryId = q.value(5).toString();
        r.started = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        r.finished = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        r.rowsRead = q.value(8).toLongLong();
        r.sha256 = q.value(9).toString();
        r.approximate = q.value(10).toInt() != 0;
        data.remoteResults.append(r);
    }
    return true;
}

} // namespace inquest::casefile

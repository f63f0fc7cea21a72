#pragma once

#include "kinds.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace inquest {

// A table of request logs kept on a ClickHouse server, analysed where it lives: the case holds
// where it is and how its columns map (app/remote/columnmapping), never its rows and never a
// password.
struct RemoteSource
{
    Id id = 0;
    QString name;  // the site of its rows when the mapping has no site expression
    QString url;   // the server's HTTP interface
    QString table; // DB.TABLE (usually a Distributed table)
    QJsonObject mapping;
    QString user;
    QString passwordEnv;   // the name of the environment variable that holds the password (not the password)
    QString serverVersion; // when it was added
    QDateTime added;
    qint64 rows = 0;      // when it was added
    qint64 firstTime = 0; // µs UTC, when it was added
    qint64 lastTime = 0;

    bool operator==(const RemoteSource &) const = default;
};

// One answer a remote source gave, kept as provenance: what was asked, of which server, and a
// hash of exactly what came back, so a re-run can tell whether the result changed.
struct RemoteResult
{
    Id sourceId = 0;
    QString server; // URL
    QString serverVersion;
    QString table;
    QString sql;
    QString queryId;
    QDateTime started;
    QDateTime finished;
    qint64 rowsRead = -1; // as reported by the server (-1: not reported)
    QString sha256;       // of the response body
    bool approximate = false;

    bool operator==(const RemoteResult &) const = default;
};

} // namespace inquest

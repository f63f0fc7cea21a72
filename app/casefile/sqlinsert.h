#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace inquest::casefile {

// Runs one prepared statement with `values` bound in order (a row of a case-file table). On
// failure, `error` gets SQLite's message and the result is false.
bool insertRow(QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error);

} // namespace inquest::casefile

#include "sqlinsert.h"

#include <QSqlError>
#include <QSqlQuery>

namespace inquest::casefile {

bool insertRow(QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace inquest::casefile

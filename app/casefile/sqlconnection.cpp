#include "sqlconnection.h"

#include <QSqlError>
#include <QUuid>

namespace inquest {

SqlConnection::SqlConnection(const QString &path, Mode mode)
    : m_name(QStringLiteral("inquest-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    if (mode == Mode::ReadOnly)
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    m_db.open();
}

SqlConnection::~SqlConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QString SqlConnection::errorText() const { return m_db.lastError().text(); }

} // namespace inquest

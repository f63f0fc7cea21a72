#pragma once

#include <QSqlDatabase>
#include <QString>

namespace inquest {

// A uniquely named QSqlDatabase connection that is closed and removed on scope exit,
// so case files can be opened from any thread without clashing connection names.
class SqlConnection
{
public:
    enum class Mode { ReadOnly, ReadWrite };
    SqlConnection(const QString &path, Mode mode);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QString errorText() const;
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace inquest

#pragma once

#include "remote/remotecheck.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace inquest {

class CaseDocument;
namespace remote {
class RemoteCheckJob;
}

// File ▸ Add ClickHouse Source…: the server, table, user, password (for this session only,
// never kept in the case), the column mapping (the fields and defaults of `remote add --map`,
// each a column or an expression) and a name. "Test connection" runs the check `remote add`
// runs, off the GUI thread (remote::RemoteCheckJob), and shows the server version, the table's
// rows and time range and a preview of mapped rows, or what went wrong. OK checks (again, if
// anything changed) and adds the source as one undo step; a failed check adds nothing.
class ClickHouseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ClickHouseDialog(CaseDocument *doc, QWidget *parent = nullptr);
    ~ClickHouseDialog() override;

    // The request as the fields stand; empty optional (with `error`) when the mapping is bad.
    std::optional<remote::RemoteSourceRequest> request(QString *error) const;
    QLineEdit *field(const QString &name) const; // "url", "table", "user", "password", "password_env",
                                                 // "name", or a mapping field ("time", "status", …)
    QPushButton *testButton() const { return m_test; }
    QLabel *message() const { return m_message; }
    QTableWidget *preview() const { return m_preview; }
    remote::RemoteCheckJob *job() const { return m_job; }
    bool isChecking() const;
    Id addedId() const { return m_added; }

    void testConnection();
    void accept() override;
    void reject() override;

signals:
    void checked(bool ok);

private:
    void start(bool addWhenOk);
    void finished();
    void showCheck(const remote::RemoteCheck &check);
    void showError(const QString &text);

    CaseDocument *m_doc;
    remote::RemoteCheckJob *m_job;
    QMap<QString, QLineEdit *> m_fields;
    QComboBox *m_timeUnit;
    QComboBox *m_responseUnit;
    QSpinBox *m_timeout;
    QPushButton *m_test;
    QDialogButtonBox *m_buttons;
    QLabel *m_message;
    QTableWidget *m_preview;
    bool m_addWhenOk = false;
    Id m_added = 0;
};

} // namespace inquest

#include "remotepasswordprompt.h"

#include "remote/remotepasswords.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QPointer>

namespace inquest {

void installRemotePasswordPrompt(QWidget *parent)
{
    remote::RemotePasswords::setAsker([window = QPointer<QWidget>(parent)](
                                          const RemoteSource &source, const QString &why) -> std::optional<QString> {
        const auto tr = [](const char *text) { return QCoreApplication::translate("inquest::RemotePassword", text); };
        bool ok = false;
        const QString label =
            tr("Password of user \u201c%1\u201d at %2 for the remote source \u201c%3\u201d%4.\n"
               "It is kept in memory for this session only (leave empty if the user has none).")
                .arg(source.user, source.url, source.name, why.isEmpty() ? QString() : u" ("_qs + why + u')');
        const QString password =
            QInputDialog::getText(window, tr("ClickHouse Password"), label, QLineEdit::Password, QString(), &ok);
        return ok ? std::optional<QString>(password) : std::nullopt;
    });
}

} // namespace inquest

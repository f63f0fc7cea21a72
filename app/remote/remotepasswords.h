#pragma once

#include "clickhouseclient.h"

#include "model/remotesource.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace inquest {
class CaseDocument;
}

namespace inquest::remote {

// The passwords of a case's remote sources for this session, in memory only (never in the case,
// an autosave or a setting). One per open case, a child of its document, forgotten when another
// case is opened. A source's password is the one given when it was added or asked for, else its
// environment variable (as the CLI reads it), else the asker's answer (the workbench prompts).
class RemotePasswords : public QObject
{
    Q_OBJECT
public:
    // The passwords of `doc` (created on first use).
    static RemotePasswords *of(CaseDocument *doc);

    // Asks for a password (GUI thread); nullopt when the person declined.
    using Asker = std::function<std::optional<QString>(const RemoteSource &source, const QString &why)>;
    static void setAsker(Asker asker);

    void set(Id source, const QString &password);
    void forget(Id source);
    bool knows(Id source) const { return m_passwords.contains(source); }
    // How to reach `source` now: nullopt (with `error`) when no password is known and the asker
    // declined or there is none.
    std::optional<ServerAccess> access(const RemoteSource &source, QString *error);
    // Forgets a password that the server refused (the next access asks again).
    void refused(Id source) { forget(source); }

private:
    explicit RemotePasswords(CaseDocument *doc);
    QHash<Id, QString> m_passwords;
};

struct SourceAccess;
// The case's remote sources that can be reached now (a password known, from its variable, or
// given when asked); `errors` names the others.
std::vector<SourceAccess> reachableSources(CaseDocument *doc, QStringList *errors);

} // namespace inquest::remote

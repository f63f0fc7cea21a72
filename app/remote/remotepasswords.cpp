#include "remotepasswords.h"

#include "remotechartbins.h"
#include "remotesources.h"

#include "model/casedocument.h"

namespace inquest::remote {

namespace {
RemotePasswords::Asker &asker()
{
    static RemotePasswords::Asker a;
    return a;
}
} // namespace

RemotePasswords::RemotePasswords(CaseDocument *doc)
    : QObject(doc)
{
    setObjectName(QStringLiteral("remotePasswords"));
    connect(doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case && e.action == ChangeAction::Reset)
            m_passwords.clear();
    });
}

RemotePasswords *RemotePasswords::of(CaseDocument *doc)
{
    if (auto *p = doc->findChild<RemotePasswords *>(QString(), Qt::FindDirectChildrenOnly))
        return p;
    return new RemotePasswords(doc);
}

void RemotePasswords::setAsker(Asker a) { asker() = std::move(a); }

void RemotePasswords::set(Id source, const QString &password) { m_passwords.insert(source, password); }

void RemotePasswords::forget(Id source) { m_passwords.remove(source); }

std::optional<ServerAccess> RemotePasswords::access(const RemoteSource &source, QString *error)
{
    ServerAccess access;
    access.url = QUrl(source.url);
    access.user = source.user.isEmpty() ? QStringLiteral("default") : source.user;
    if (const auto it = m_passwords.constFind(source.id); it != m_passwords.constEnd()) {
        access.password = *it;
        return access;
    }
    if (!source.passwordEnv.isEmpty() && qEnvironmentVariableIsSet(source.passwordEnv.toLocal8Bit().constData())) {
        QString unused;
        return accessFor(source, &unused);
    }
    const QString why =
        source.passwordEnv.isEmpty() ? QString() : QStringLiteral("$%1 is not set").arg(source.passwordEnv);
    const std::optional<QString> answer = asker() ? asker()(source, why) : std::nullopt;
    if (!answer) {
        *error = QStringLiteral("remote source #%1 \"%2\": no password given for user \"%3\" at %4")
                     .arg(source.id)
                     .arg(source.name, access.user, source.url);
        return std::nullopt;
    }
    m_passwords.insert(source.id, *answer);
    access.password = *answer;
    return access;
}

std::vector<SourceAccess> reachableSources(CaseDocument *doc, QStringList *errors)
{
    std::vector<SourceAccess> out;
    RemotePasswords *passwords = RemotePasswords::of(doc);
    for (const RemoteSource &s : doc->remoteSources()) {
        QString error;
        if (auto access = passwords->access(s, &error))
            out.push_back({s, *access, SiteRule::of(doc->meta())});
        else
            errors->append(error);
    }
    return out;
}

} // namespace inquest::remote

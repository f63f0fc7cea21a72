#include "remotecheck.h"

#include "remoteeventstore.h"
#include "remotesources.h"

#include "model/casedocument.h"
#include "model/remotesourceedits.h"

#include <QRegularExpression>

namespace inquest::remote {

QString checkServerUrl(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return QStringLiteral("the server's HTTP interface is wanted, e.g. http://127.0.0.1:8123/");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("put no user or password in the URL");
    return {};
}

QString checkTableName(const QString &table)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$"));
    return name.match(table).hasMatch() ? QString() : QStringLiteral("the table wants DB.TABLE (letters, digits, _)");
}

RemoteCheck checkRemoteSource(const RemoteSourceRequest &request, int previewRows,
                              std::shared_ptr<QueryCanceller> canceller)
{
    RemoteCheck check;
    RemoteSource &source = check.source;
    source.url = request.url.toString();
    source.table = request.table;
    source.mapping = request.mapping.toJson();
    source.user = request.user.isEmpty() ? QStringLiteral("default") : request.user;
    source.passwordEnv = request.passwordEnv;
    source.name = request.name.isEmpty() ? request.table.section(u'.', -1) : request.name;
    if (QString why = checkServerUrl(request.url); !why.isEmpty()) {
        check.error = why;
        return check;
    }
    if (QString why = checkTableName(request.table); !why.isEmpty()) {
        check.error = why;
        return check;
    }
    ServerAccess access;
    access.url = request.url;
    access.user = source.user;
    access.password = request.password;
    access.timeoutSeconds = request.timeoutSeconds;

    RemoteEventStore store(access, source.table, request.mapping, source.name);
    store.setCanceller(canceller);
    const auto version = store.query(QStringLiteral("SELECT version() FORMAT TabSeparated"), 1);
    if (!store.failed() && version.empty()) {
        check.error = QStringLiteral("no version in the reply of %1").arg(source.url);
        return check;
    }
    if (!store.failed()) {
        source.serverVersion = version.front().front();
        store.open();
    }
    if (!store.failed()) {
        check.preview = store.query(store.sql().preview(previewRows), 9);
        store.topValues({}, EventStore::Dimension::Status, EventStore::Filter::Failures, 0, INT64_MAX / 4, 1);
    }
    if (store.failed()) {
        check.error = store.lastError();
        return check;
    }
    if (store.rows() == 0) {
        check.error =
            QStringLiteral("%1 at %2 has no rows under this mapping; nothing was added").arg(source.table, source.url);
        return check;
    }
    const auto [first, last] = store.span();
    source.rows = qint64(store.rows());
    source.firstTime = first;
    source.lastTime = last - 1;
    source.added = QDateTime::currentDateTimeUtc();
    check.sites = store.sites();
    for (const QueryRun &run : store.runs())
        check.results.append(provenance(source, run, source.serverVersion));
    return check;
}

const RemoteSource *sameRemoteSource(const CaseData &data, const RemoteSource &source)
{
    for (const RemoteSource &s : data.remoteSources) {
        if (s.url == source.url && s.table == source.table && s.mapping == source.mapping)
            return &s;
    }
    return nullptr;
}

Id addCheckedSource(CaseDocument &doc, const RemoteCheck &check)
{
    const RemoteSource &s = check.source;
    const Id id = edit::addRemoteSource(&doc, s, check.results);
    doc.recordCustody(QStringLiteral("remote add"),
                      QStringLiteral("remote source #%1 \"%2\": %3 at %4 (ClickHouse %5), %6 rows")
                          .arg(id)
                          .arg(s.name, s.table, s.url, s.serverVersion)
                          .arg(s.rows));
    return id;
}

} // namespace inquest::remote

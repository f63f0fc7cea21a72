#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/isotime.h"
#include "remote/remotesources.h"
#include "remote/tableloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

// Adds a remote source once the server, the table and the mapping answer; the case is saved
// only then, with the check's queries as the first provenance rows.
int add(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"clickhouse"_s, u"table"_s, u"user"_s, u"password-env"_s, u"map"_s, u"name"_s, u"timeout"_s},
                   {u"json"_s});
    cl.acceptWait();
    if (!cl.parseOneCase("remote add", args, err))
        return Usage;
    const QUrl url(cl.value(u"clickhouse"_s));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        err << "inquest remote add: --clickhouse wants the server's HTTP interface, e.g. http://127.0.0.1:8123/"
            << (cl.has(u"clickhouse"_s) ? u", not \""_s + cl.value(u"clickhouse"_s) + u'"' : QString()) << '\n';
        return Usage;
    }
    if (!url.userInfo().isEmpty()) {
        err << "inquest remote add: put no user or password in the URL (--user, --password-env)\n";
        return Usage;
    }
    static const QRegularExpression tableName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$"));
    const QString table = cl.value(u"table"_s);
    if (!tableName.match(table).hasMatch()) {
        err << "inquest remote add: --table wants DB.TABLE (letters, digits, _)"
            << (table.isEmpty() ? QString() : u", not \""_s + table + u'"') << '\n';
        return Usage;
    }
    remote::ColumnMapping mapping;
    if (const QString why = mapping.apply(cl.value(u"map"_s)); !why.isEmpty()) {
        err << "inquest remote add: --map: " << why << '\n';
        return Usage;
    }
    bool timeoutOk = true;
    const int timeout = cl.has(u"timeout"_s) ? cl.value(u"timeout"_s).toInt(&timeoutOk) : 60;
    if (!timeoutOk || timeout < 1) {
        err << "inquest remote add: --timeout wants seconds (1 or more)\n";
        return Usage;
    }

    RemoteSource source;
    source.url = url.toString();
    source.table = table;
    source.mapping = mapping.toJson();
    source.user = cl.value(u"user"_s, u"default"_s);
    source.passwordEnv = cl.value(u"password-env"_s);
    source.name = cl.value(u"name"_s, table.section(u'.', -1));
    QString error;
    remote::ServerAccess access = remote::accessFor(source, &error);
    if (!error.isEmpty()) {
        err << "inquest remote add: " << error << '\n';
        return BadInput;
    }
    access.timeoutSeconds = timeout;

    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("remote add", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest remote add: " << error << '\n';
        return BadInput;
    }
    for (const RemoteSource &s : doc.data().remoteSources) {
        if (s.url == source.url && s.table == source.table && s.mapping == source.mapping) {
            err << "inquest remote add: " << path << ": remote source #" << s.id << " \"" << s.name
                << "\" already reads " << table << " at " << s.url << " with this mapping\n";
            return BadInput;
        }
    }

    // The check: the server (its version), the table and time column (sites and spans), and
    // every mapped field (a few rows, and the failure condition over the whole table).
    remote::ClickHouseClient client(access);
    const remote::QueryRun version = client.run(QStringLiteral("SELECT version() FORMAT TabSeparated"), 1);
    if (!version.ok() || version.reply.rows.empty()) {
        err << "inquest remote add: " << (version.ok() ? u"no version in the reply"_s : version.error()) << '\n';
        return BadInput;
    }
    source.serverVersion = version.reply.rows.front().front();
    remote::RemoteEventStore store(access, table, mapping, source.name);
    store.open();
    if (!store.failed()) {
        store.query(store.sql().preview(5), 9);
        store.topValues({}, EventStore::Dimension::Status, EventStore::Filter::Failures, 0, INT64_MAX / 4, 1);
    }
    if (store.failed()) {
        err << "inquest remote add: " << store.lastError() << '\n';
        return BadInput;
    }
    if (store.rows() == 0) {
        err << "inquest remote add: " << table << " at " << source.url
            << " has no rows under this mapping; nothing was added\n";
        return BadInput;
    }
    const auto [first, last] = store.span();
    source.rows = qint64(store.rows());
    source.firstTime = first;
    source.lastTime = last - 1;
    source.added = QDateTime::currentDateTimeUtc();

    const DiskIdentity identity = doc.diskIdentity();
    CaseData data = doc.data();
    source.id = data.nextId++;
    data.remoteSources.append(source);
    data.remoteResults.append(remote::provenance(source, version, source.serverVersion));
    for (const remote::QueryRun &run : store.runs())
        data.remoteResults.append(remote::provenance(source, run, source.serverVersion));
    doc.reset(std::move(data), path, true);
    doc.setDiskIdentity(identity);
    doc.recordCustody(u"remote add"_s, u"remote source #%1 \"%2\": %3 at %4 (ClickHouse %5), %6 rows"_s.arg(source.id)
                                           .arg(source.name, table, source.url, source.serverVersion)
                                           .arg(source.rows));
    if (!casefile::save(doc, path, &error)) {
        err << "inquest remote add: " << error << '\n';
        return BadInput;
    }
    if (cl.has(u"json"_s)) {
        out << QJsonDocument(QJsonObject{{u"id"_s, qint64(source.id)},
                                         {u"name"_s, source.name},
                                         {u"server_version"_s, source.serverVersion},
                                         {u"rows"_s, source.rows},
                                         {u"first"_s, isoUtc(source.firstTime)},
                                         {u"last"_s, isoUtc(source.lastTime)},
                                         {u"sites"_s, QJsonArray::fromStringList(store.sites())}})
                   .toJson(QJsonDocument::Indented);
        return Success;
    }
    out << "remote source #" << source.id << " \"" << source.name << "\": " << table << " at " << source.url
        << " (ClickHouse " << source.serverVersion << ")\n"
        << "  " << source.rows << " rows from " << isoUtc(source.firstTime) << " to " << isoUtc(source.lastTime)
        << "\n  sites: " << store.sites().join(u", ") << '\n';
    return Success;
}

int list(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({}, {u"json"_s});
    if (!cl.parseOneCase("remote list", args, err))
        return Usage;
    const auto data = readCase("remote list", cl.casePath(), err);
    if (!data)
        return BadInput;
    QJsonArray list;
    for (const RemoteSource &s : data->remoteSources) {
        qint64 results = 0;
        for (const RemoteResult &r : data->remoteResults)
            results += r.sourceId == s.id;
        if (cl.has(u"json"_s)) {
            list.append(QJsonObject{{u"id"_s, qint64(s.id)},
                                    {u"name"_s, s.name},
                                    {u"url"_s, s.url},
                                    {u"table"_s, s.table},
                                    {u"user"_s, s.user},
                                    {u"password_env"_s, s.passwordEnv},
                                    {u"mapping"_s, s.mapping},
                                    {u"server_version"_s, s.serverVersion},
                                    {u"rows"_s, s.rows},
                                    {u"first"_s, isoUtc(s.firstTime)},
                                    {u"last"_s, isoUtc(s.lastTime)},
                                    {u"results"_s, results}});
            continue;
        }
        out << '#' << s.id << "  " << s.name << "  " << s.table << " at " << s.url << "  user " << s.user
            << (s.passwordEnv.isEmpty() ? QString() : u" (password from $"_s + s.passwordEnv + u')') << "\n    "
            << s.rows << " rows from " << isoUtc(s.firstTime) << " to " << isoUtc(s.lastTime) << " when added ("
            << isoUtc(s.added.toMSecsSinceEpoch() * 1000) << ", ClickHouse " << s.serverVersion << "), " << results
            << " result(s) kept\n";
    }
    if (cl.has(u"json"_s))
        out << QJsonDocument(QJsonObject{{u"remote_sources"_s, list}}).toJson(QJsonDocument::Indented);
    else if (data->remoteSources.isEmpty())
        out << cl.casePath() << ": no remote sources\n";
    return Success;
}

// Loads the case's access-log events, as Inquest's readers parsed them, into a table of the
// standard shape (remote/columnmapping.h), e.g. a Distributed table over a cluster.
int load(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"clickhouse"_s, u"table"_s, u"user"_s, u"password-env"_s}, {});
    if (!cl.parseOneCase("remote load", args, err))
        return Usage;
    const auto data = readCase("remote load", cl.casePath(), err);
    if (!data)
        return BadInput;
    RemoteSource target;
    target.url = cl.value(u"clickhouse"_s);
    target.user = cl.value(u"user"_s, u"default"_s);
    target.passwordEnv = cl.value(u"password-env"_s);
    QString error;
    const remote::ServerAccess access = remote::accessFor(target, &error);
    if (!error.isEmpty() || !access.url.isValid() || cl.value(u"table"_s).isEmpty()) {
        err << "inquest remote load: "
            << (error.isEmpty() ? u"--clickhouse URL and --table DB.TABLE are required"_s : error) << '\n';
        return error.isEmpty() ? Usage : BadInput;
    }
    remote::ClickHouseClient client(access);
    const qint64 rows = remote::loadAccessEvents(*data, client, cl.value(u"table"_s), &error);
    if (rows < 0) {
        err << "inquest remote load: " << error << '\n';
        return BadInput;
    }
    out << rows << " events loaded into " << cl.value(u"table"_s) << " at " << access.url.toString() << '\n';
    return Success;
}

} // namespace

// inquest remote add|list|load CASE …
int remoteSources(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    if (sub == u"add")
        return add(args.mid(1), out, err);
    if (sub == u"list")
        return list(args.mid(1), out, err);
    if (sub == u"load")
        return load(args.mid(1), out, err);
    err << "inquest remote: add, list or load, not \"" << sub << "\"\n";
    return Usage;
}

} // namespace inquest::cli

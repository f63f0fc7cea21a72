#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/isotime.h"
#include "model/sites.h"
#include "remote/remotecheck.h"
#include "remote/remotererun.h"
#include "remote/remotesources.h"
#include "remote/tableloader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

// Adds a remote source once the server, the table and the mapping answer (remote/remotecheck,
// the check the Connect dialog runs too); the case is saved only then, with the check's queries
// as the first provenance rows.
int add(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"clickhouse"_s, u"table"_s, u"user"_s, u"password-env"_s, u"map"_s, u"name"_s, u"timeout"_s},
                   {u"json"_s});
    cl.acceptWait();
    if (!cl.parseOneCase("remote add", args, err))
        return Usage;
    const QUrl url(cl.value(u"clickhouse"_s));
    if (!remote::checkServerUrl(url).isEmpty()) {
        if (!url.userInfo().isEmpty()) {
            err << "inquest remote add: put no user or password in the URL (--user, --password-env)\n";
            return Usage;
        }
        err << "inquest remote add: --clickhouse wants the server's HTTP interface, e.g. http://127.0.0.1:8123/"
            << (cl.has(u"clickhouse"_s) ? u", not \""_s + cl.value(u"clickhouse"_s) + u'"' : QString()) << '\n';
        return Usage;
    }
    const QString table = cl.value(u"table"_s);
    if (!remote::checkTableName(table).isEmpty()) {
        err << "inquest remote add: --table wants DB.TABLE (letters, digits, _)"
            << (table.isEmpty() ? QString() : u", not \""_s + table + u'"') << '\n';
        return Usage;
    }
    remote::RemoteSourceRequest request;
    request.url = url;
    request.table = table;
    if (const QString why = request.mapping.apply(cl.value(u"map"_s)); !why.isEmpty()) {
        err << "inquest remote add: --map: " << why << '\n';
        return Usage;
    }
    bool timeoutOk = true;
    request.timeoutSeconds = cl.has(u"timeout"_s) ? cl.value(u"timeout"_s).toInt(&timeoutOk) : 60;
    if (!timeoutOk || request.timeoutSeconds < 1) {
        err << "inquest remote add: --timeout wants seconds (1 or more)\n";
        return Usage;
    }
    request.user = cl.value(u"user"_s, u"default"_s);
    request.passwordEnv = cl.value(u"password-env"_s);
    request.name = cl.value(u"name"_s);

    RemoteSource named;
    named.name = request.name.isEmpty() ? table.section(u'.', -1) : request.name;
    named.passwordEnv = request.passwordEnv;
    named.url = url.toString();
    QString error;
    request.password = remote::accessFor(named, &error).password;
    if (!error.isEmpty()) {
        err << "inquest remote add: " << error << '\n';
        return BadInput;
    }

    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("remote add", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest remote add: " << error << '\n';
        return BadInput;
    }
    named.table = table;
    named.mapping = request.mapping.toJson();
    if (const RemoteSource *s = remote::sameRemoteSource(doc.data(), named)) {
        err << "inquest remote add: " << path << ": remote source #" << s->id << " \"" << s->name << "\" already reads "
            << table << " at " << s->url << " with this mapping\n";
        return BadInput;
    }

    const remote::RemoteCheck check = remote::checkRemoteSource(request);
    if (!check.ok()) {
        err << "inquest remote add: " << check.error << '\n';
        return BadInput;
    }
    RemoteSource source = check.source;
    source.id = remote::addCheckedSource(doc, check);
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
                                         {u"sites"_s, QJsonArray::fromStringList(check.sites)}})
                   .toJson(QJsonDocument::Indented);
        return Success;
    }
    out << "remote source #" << source.id << " \"" << source.name << "\": " << table << " at " << source.url
        << " (ClickHouse " << source.serverVersion << ")\n"
        << "  " << source.rows << " rows from " << isoUtc(source.firstTime) << " to " << isoUtc(source.lastTime)
        << "\n  sites: " << check.sites.join(u", ") << '\n';
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
    CommandLine cl({u"clickhouse"_s, u"table"_s, u"user"_s, u"password-env"_s, u"source"_s}, {});
    if (!cl.parseOneCase("remote load", args, err))
        return Usage;
    // --source ID,…: those sources only (the Load dialog's ticks); every access log without it.
    QList<Id> ids;
    for (const QString &id : cl.value(u"source"_s).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        ids << id.trimmed().toLongLong(&ok);
        if (!ok) {
            err << "inquest remote load: --source wants source ids (ID,ID,…), not \"" << id << "\"\n";
            return Usage;
        }
    }
    if (const QString bad = remote::checkTableName(cl.value(u"table"_s)); cl.has(u"table"_s) && !bad.isEmpty()) {
        err << "inquest remote load: " << bad << '\n';
        return Usage;
    }
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
    for (Id id : ids) {
        if (!std::any_of(data->sources.begin(), data->sources.end(),
                         [id](const Source &s) { return s.id == id && isAccessLog(s); })) {
            err << "inquest remote load: " << cl.casePath() << " has no access log with id " << id << '\n';
            return BadInput;
        }
    }
    remote::ClickHouseClient client(access);
    const qint64 rows = remote::loadAccessEvents(remote::withSources(*data, ids), client, cl.value(u"table"_s), &error);
    if (rows < 0) {
        err << "inquest remote load: " << error << '\n';
        return BadInput;
    }
    out << rows << " events loaded into " << cl.value(u"table"_s) << " at " << access.url.toString() << '\n';
    return Success;
}

// Asks each kept query again and says per query whether the answer is the same (its SHA-256);
// the new records are kept beside the old ones. Exit 1 when any answer changed or failed.
int rerun(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"name"_s}, {u"json"_s});
    cl.acceptWait();
    if (!cl.parseOneCase("remote rerun", args, err))
        return Usage;
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("remote rerun", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest remote rerun: " << error << '\n';
        return BadInput;
    }
    const QString name = cl.value(u"name"_s);
    if (!name.isEmpty() && std::none_of(doc.remoteSources().begin(), doc.remoteSources().end(),
                                        [&name](const RemoteSource &s) { return s.name == name; })) {
        QStringList names;
        for (const RemoteSource &s : doc.remoteSources())
            names << s.name;
        err << "inquest remote rerun: " << path << ": no remote source named \"" << name
            << "\" (remote sources: " << (names.isEmpty() ? u"none"_s : names.join(u", ")) << ")\n";
        return BadInput;
    }
    std::vector<remote::SourceAccess> sources;
    for (const RemoteSource &s : doc.remoteSources()) {
        QString why;
        const remote::ServerAccess access = remote::accessFor(s, &why);
        if (why.isEmpty())
            sources.push_back({s, access});
        else
            err << "inquest remote rerun: " << why << '\n';
    }
    const std::vector<RemoteResult> targets = remote::rerunTargets(doc.data(), name);
    const remote::RerunReport report = remote::rerunQueries(doc.data(), targets, sources);
    remote::keepRerun(doc, report);
    if (!report.newRecords().isEmpty() && !casefile::save(doc, path, &error)) {
        err << "inquest remote rerun: " << error << '\n';
        return BadInput;
    }
    const auto seqOf = [&doc](const RemoteResult &r) {
        return doc.data().remoteResults.indexOf(r) + 1; // its place in the case (the report's "#")
    };
    using State = remote::RerunOutcome::State;
    if (cl.has(u"json"_s)) {
        QJsonArray list;
        for (const remote::RerunOutcome &o : report.outcomes) {
            QJsonObject item{{u"seq"_s, qint64(seqOf(o.before))},
                             {u"source_id"_s, qint64(o.before.sourceId)},
                             {u"source"_s, o.sourceName},
                             {u"query_id"_s, o.before.queryId},
                             {u"sql"_s, o.before.sql},
                             {u"status"_s, o.state == State::Unchanged ? u"unchanged"_s
                                           : o.state == State::Changed ? u"changed"_s
                                                                       : u"failed"_s},
                             {u"sha256_before"_s, o.before.sha256},
                             {u"rows_read_before"_s, o.before.rowsRead}};
            if (o.after) {
                item.insert(u"new_seq"_s, qint64(seqOf(*o.after)));
                item.insert(u"new_query_id"_s, o.after->queryId);
                item.insert(u"sha256_after"_s, o.after->sha256);
                item.insert(u"rows_read_after"_s, o.after->rowsRead);
            } else {
                item.insert(u"message"_s, o.error);
            }
            list.append(item);
        }
        out << QJsonDocument(QJsonObject{{u"results"_s, list},
                                         {u"unchanged"_s, report.count(State::Unchanged)},
                                         {u"changed"_s, report.count(State::Changed)},
                                         {u"failed"_s, report.count(State::Failed)}})
                   .toJson(QJsonDocument::Indented);
    } else {
        for (const remote::RerunOutcome &o : report.outcomes)
            out << '#' << seqOf(o.before) << "  remote source #" << o.before.sourceId << " \"" << o.sourceName
                << "\"  query " << o.before.queryId << ": " << o.text() << '\n';
        out << report.outcomes.size() << " queries asked again: " << report.count(State::Unchanged) << " unchanged, "
            << report.count(State::Changed) << " changed, " << report.count(State::Failed) << " failed"
            << (report.newRecords().isEmpty() ? QString() : u"; the new answers are kept beside the old ones"_s)
            << '\n';
    }
    return report.count(State::Unchanged) == int(report.outcomes.size()) ? Success : BadInput;
}

} // namespace

// inquest remote add|list|load|rerun CASE …
int remoteSources(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    if (sub == u"add")
        return add(args.mid(1), out, err);
    if (sub == u"list")
        return list(args.mid(1), out, err);
    if (sub == u"load")
        return load(args.mid(1), out, err);
    if (sub == u"rerun")
        return rerun(args.mid(1), out, err);
    err << "inquest remote: add, list, load or rerun, not \"" << sub << "\"\n";
    return Usage;
}

} // namespace inquest::cli

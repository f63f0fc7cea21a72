#include "schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace inquest::schema {

namespace {

const QStringList Version1 = {
    QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE sources (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, "
                   "path TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, format TEXT, site TEXT, "
                   "time_zone TEXT, year INTEGER, imported_at TEXT, lines INTEGER, events INTEGER, "
                   "malformed INTEGER, first_time INTEGER, last_time INTEGER, title TEXT, outlet TEXT, "
                   "published TEXT, text TEXT)"),
    QStringLiteral("CREATE TABLE hypotheses (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, "
                   "kind TEXT NOT NULL, prior REAL NOT NULL DEFAULT 0, notes TEXT)"),
    QStringLiteral("CREATE TABLE evidence (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, "
                   "description TEXT, origin TEXT, reason TEXT, source_id INTEGER, source_sha256 TEXT, "
                   "first_line INTEGER, last_line INTEGER, offset_begin INTEGER, offset_end INTEGER, "
                   "time_begin INTEGER, time_end INTEGER, metric TEXT, site TEXT, statement_id INTEGER, "
                   "reliability TEXT, credibility INTEGER, relevance TEXT, tags TEXT, starred INTEGER, "
                   "comments TEXT, state TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE ratings (evidence_id INTEGER NOT NULL, hypothesis_id INTEGER NOT NULL, "
                   "rating TEXT NOT NULL, PRIMARY KEY (evidence_id, hypothesis_id))"),
    QStringLiteral("CREATE TABLE statements (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, source_id INTEGER, "
                   "offset INTEGER, length INTEGER, speaker TEXT, role TEXT, organisation TEXT, quote TEXT, "
                   "direct INTEGER, times TEXT, stance TEXT, stance_triggers TEXT, stance_confirmed INTEGER, "
                   "reliability TEXT, credibility INTEGER)"),
    QStringLiteral("CREATE TABLE markers (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, "
                   "begin_time INTEGER NOT NULL, end_time INTEGER NOT NULL, label TEXT, site TEXT)"),
    QStringLiteral("CREATE TABLE custody (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, action TEXT NOT NULL, "
                   "detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
};

const QStringList Version1To2 = {
    QStringLiteral("ALTER TABLE evidence ADD COLUMN kind_ratings TEXT"),
    QStringLiteral("ALTER TABLE markers ADD COLUMN origin TEXT"),
    QStringLiteral("CREATE TABLE source_columns (source_id INTEGER NOT NULL, name TEXT NOT NULL, "
                   "data BLOB NOT NULL, PRIMARY KEY (source_id, name))"),
    QStringLiteral("CREATE TABLE source_issues (source_id INTEGER NOT NULL, seq INTEGER NOT NULL, line INTEGER, "
                   "byte_offset INTEGER, reason TEXT, excerpt BLOB, PRIMARY KEY (source_id, seq))"),
};

const QStringList Version2To3 = {
    QStringLiteral("ALTER TABLE sources ADD COLUMN published_time TEXT"),
    QStringLiteral("ALTER TABLE sources ADD COLUMN url TEXT"),
};

const QStringList Version3To4 = {
    QStringLiteral("CREATE TABLE source_templates (source_id INTEGER NOT NULL, template_id INTEGER NOT NULL, "
                   "template TEXT NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (source_id, template_id))"),
};

const QStringList Version4To5 = {
    QStringLiteral("CREATE TABLE curves (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, "
                   "filter TEXT NOT NULL, aggregate TEXT NOT NULL, field TEXT NOT NULL, percentile REAL NOT NULL, "
                   "colour TEXT, style TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE event_marks (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, "
                   "source_id INTEGER NOT NULL, source_sha256 TEXT NOT NULL, line INTEGER NOT NULL, "
                   "byte_offset INTEGER, time INTEGER NOT NULL, starred INTEGER NOT NULL, tags TEXT, comment TEXT)"),
    QStringLiteral("CREATE TABLE evidence_filters (evidence_id INTEGER PRIMARY KEY, filter TEXT NOT NULL)"),
};

const QStringList Version5To6 = {
    QStringLiteral(
        "CREATE TABLE remote_sources (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, "
        "url TEXT NOT NULL, table_name TEXT NOT NULL, mapping TEXT NOT NULL, user TEXT, password_env TEXT, "
        "server_version TEXT, added TEXT, rows INTEGER, first_time INTEGER, last_time INTEGER)"),
    QStringLiteral("CREATE TABLE remote_results (seq INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, server TEXT, "
                   "server_version TEXT, table_name TEXT, sql TEXT NOT NULL, query_id TEXT, started TEXT, "
                   "finished TEXT, rows_read INTEGER, sha256 TEXT, approximate INTEGER NOT NULL)"),
};

const QStringList Version6To7 = {
    QStringLiteral("ALTER TABLE statements ADD COLUMN organisation_basis TEXT"),
};

const QList<QStringList> Steps = {Version1,    Version1To2, Version2To3, Version3To4,
                                  Version4To5, Version5To6, Version6To7};

bool exec(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = q.lastError().text() + QStringLiteral(" (in: ") + sql.left(60) + u')';
            return false;
        }
    }
    return true;
}

bool setVersion(QSqlDatabase &db, int version, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)"));
    q.addBindValue(QString::number(version));
    if (!q.exec() || !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QStringList ddlForVersion(int version)
{
    QStringList all;
    for (int i = 0; i < version && i < Steps.size(); ++i)
        all += Steps[i];
    return all;
}

bool create(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId))) {
        *error = q.lastError().text();
        return false;
    }
    return exec(db, ddlForVersion(CurrentVersion), error) && setVersion(db, CurrentVersion, error);
}

bool migrate(QSqlDatabase &db, int fromVersion, QString *error)
{
    for (int v = fromVersion; v < CurrentVersion; ++v) {
        if (!exec(db, Steps[v], error) || !setVersion(db, v + 1, error))
            return false;
    }
    return true;
}

} // namespace inquest::schema

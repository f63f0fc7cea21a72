// Writing a case: every table in one transaction into a fresh database file.
#include "annotationrows.h"
#include "casefile.h"
#include "columncache.h"
#include "recordcodec.h"
#include "remoterecords.h"
#include "schema.h"
#include "sqlconnection.h"
#include "sqlinsert.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace inquest::casefile {

namespace {

class Writer
{
public:
    explicit Writer(QSqlDatabase &db)
        : m_db(db)
    {
    }

    bool run(const CaseData &d, QString *error)
    {
        if (!schema::create(m_db, error))
            return false;
        const bool ok = writeMeta(d) && writeSources(d) && writeHypotheses(d) && writeEvidence(d) &&
                        writeStatements(d) && writeMarkers(d) && writeCustody(d) &&
                        writeAnnotations(m_db, d, &m_error) && writeRemoteRecords(m_db, d, &m_error);
        if (!ok)
            *error = m_error;
        return ok;
    }

private:
    bool insert(const QString &sql, const QVariantList &values) { return insertRow(m_db, sql, values, &m_error); }

    bool writeMeta(const CaseData &d)
    {
        const CaseMeta &m = d.meta;
        const QList<QPair<QString, QString>> rows = {
            {QStringLiteral("case_id"), m.caseId},
            {QStringLiteral("title"), m.title},
            {QStringLiteral("analyst"), m.analyst},
            {QStringLiteral("case_number"), m.caseNumber},
            {QStringLiteral("description"), m.description},
            {QStringLiteral("created"), m.created.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("display_time_zone"), m.displayTimeZone},
            {QStringLiteral("scoring_settings"),
             QString::fromUtf8(QJsonDocument(m.scoringSettings).toJson(QJsonDocument::Compact))},
            {QStringLiteral("view_settings"),
             QString::fromUtf8(QJsonDocument(m.viewSettings).toJson(QJsonDocument::Compact))},
            {QStringLiteral("next_id"), QString::number(d.nextId)},
        };
        for (const auto &[key, value] : rows) {
            if (!insert(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                        {key, value.isNull() ? QStringLiteral("") : value}))
                return false;
        }
        return true;
    }

    bool writeSources(const CaseData &d)
    {
        int position = 0;
        for (const Source &s : d.sources) {
            if (!insert(QStringLiteral("INSERT INTO sources (id, position, kind, path, sha256, size, format, site, "
                                       "time_zone, year, imported_at, lines, events, malformed, first_time, "
                                       "last_time, title, outlet, published, text, published_time, url) "
                                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                        {s.id,
                         position++,
                         toString(s.kind),
                         s.path,
                         s.sha256,
                         s.size,
                         s.format,
                         s.site,
                         s.timeZone,
                         s.year,
                         s.importedAt.toUTC().toString(Qt::ISODateWithMs),
                         s.lines,
                         s.events,
                         s.malformed,
                         s.firstTime,
                         s.lastTime,
                         s.title,
                         s.outlet,
                         s.published.toString(Qt::ISODate),
                         s.text,
                         s.publishedTime.isValid() ? s.publishedTime.toString(Qt::ISODate) : QString(),
                         s.url}))
                return false;
            int seq = 0;
            for (const ImportIssue &issue : s.issues) {
                if (!insert(QStringLiteral("INSERT INTO source_issues (source_id, seq, line, byte_offset, reason, "
                                           "excerpt) VALUES (?,?,?,?,?,?)"),
                            {s.id, seq++, issue.line, issue.offset, issue.reason, issue.excerpt}))
                    return false;
            }
            if (s.table) {
                for (const auto &[name, blob] : columncache::encoded(s.table)) {
                    if (!insert(QStringLiteral("INSERT INTO source_columns (source_id, name, data) VALUES (?,?,?)"),
                                {s.id, name, blob}))
                        return false;
                }
                if (!writeTemplates(s.id, *s.table))
                    return false;
            }
        }
        return true;
    }

    bool writeTemplates(Id source, const EventTable &t)
    {
        const MessageTemplates &m = t.texts;
        std::vector<qint64> events(m.templates.size(), 0);
        for (uint32_t v : m.rowVariant) {
            if (v != MessageTemplates::NoText)
                ++events[m.variants[v].templateId];
        }
        for (uint32_t id = 0; id < m.templates.size(); ++id) {
            if (!insert(QStringLiteral("INSERT INTO source_templates (source_id, template_id, template, events) "
                                       "VALUES (?,?,?,?)"),
                        {source, id, QString::fromStdString(m.templateText(t.strings, id)), events[id]}))
                return false;
        }
        return true;
    }

    bool writeHypotheses(const CaseData &d)
    {
        int position = 0;
        for (const Hypothesis &h : d.hypotheses) {
            if (!insert(QStringLiteral("INSERT INTO hypotheses (id, position, name, kind, prior, notes) "
                                       "VALUES (?,?,?,?,?,?)"),
                        {h.id, position++, h.name, toString(h.kind), h.prior, h.notes}))
                return false;
        }
        return true;
    }

    bool writeEvidence(const CaseData &d)
    {
        int position = 0;
        for (const Evidence &e : d.evidence) {
            const Provenance &p = e.provenance;
            if (!insert(QStringLiteral("INSERT INTO evidence (id, position, title, description, origin, reason, "
                                       "source_id, source_sha256, first_line, last_line, offset_begin, offset_end, "
                                       "time_begin, time_end, metric, site, statement_id, reliability, credibility, "
                                       "relevance, tags, starred, comments, state, kind_ratings) "
                                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                        {e.id,
                         position++,
                         e.title,
                         e.description,
                         e.origin,
                         e.reason,
                         p.sourceId,
                         p.sourceSha256,
                         p.firstLine,
                         p.lastLine,
                         p.offsetBegin,
                         p.offsetEnd,
                         p.timeBegin,
                         p.timeEnd,
                         p.metric,
                         p.site,
                         p.statementId,
                         QString(e.reliability),
                         e.credibility,
                         toString(e.relevance),
                         recordcodec::stringsToJson(e.tags),
                         e.starred ? 1 : 0,
                         e.comments,
                         toString(e.state),
                         recordcodec::kindRatingsToJson(e.kindRatings)}))
                return false;
            for (auto it = e.ratings.begin(); it != e.ratings.end(); ++it) {
                if (it.value() == Rating::Unrated)
                    continue;
                if (!insert(QStringLiteral("INSERT INTO ratings (evidence_id, hypothesis_id, rating) VALUES (?,?,?)"),
                            {e.id, it.key(), toString(it.value())}))
                    return false;
            }
        }
        return true;
    }

    bool writeStatements(const CaseData &d)
    {
        int position = 0;
        for (const Statement &s : d.statements) {
            if (!insert(QStringLiteral("INSERT INTO statements (id, position, source_id, offset, length, speaker, "
                                       "role, organisation, quote, direct, times, stance, stance_triggers, "
                                       "stance_confirmed, reliability, credibility, organisation_basis) "
                                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                        {s.id, position++, s.sourceId, s.offset, s.length, s.speaker, s.role, s.organisation, s.quote,
                         s.direct ? 1 : 0, recordcodec::timesToJson(s.times), recordcodec::kindRatingsToJson(s.stance),
                         recordcodec::stringsToJson(s.stanceTriggers), s.stanceConfirmed ? 1 : 0,
                         QString(s.reliability), s.credibility, s.organisationBasis}))
                return false;
        }
        return true;
    }

    bool writeMarkers(const CaseData &d)
    {
        int position = 0;
        for (const Marker &m : d.markers) {
            if (!insert(QStringLiteral("INSERT INTO markers (id, position, kind, begin_time, end_time, label, site, "
                                       "origin) VALUES (?,?,?,?,?,?,?,?)"),
                        {m.id, position++, toString(m.kind), m.begin, m.end, m.label, m.site, m.origin}))
                return false;
        }
        return true;
    }

    bool writeCustody(const CaseData &d)
    {
        for (const CustodyEntry &c : d.custody) {
            if (!insert(QStringLiteral("INSERT INTO custody (seq, time, action, detail, prev_hash, hash) "
                                       "VALUES (?,?,?,?,?,?)"),
                        {c.seq, c.time.toUTC().toString(Qt::ISODateWithMs), c.action, c.detail, c.prevHash, c.hash}))
                return false;
        }
        return true;
    }

    QSqlDatabase &m_db;
    QString m_error;
};

} // namespace

bool writeDatabase(const CaseData &data, const QString &path, QString *error)
{
    SqlConnection conn(path, SqlConnection::Mode::ReadWrite);
    if (!conn.isOpen()) {
        *error = conn.errorText();
        return false;
    }
    QSqlQuery q(conn.db());
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
    q.finish(); // the pragma returns a row; an open statement would block the commit
    if (!conn.db().transaction()) {
        *error = conn.db().lastError().text();
        return false;
    }
    Writer writer(conn.db());
    if (!writer.run(data, error)) {
        conn.db().rollback();
        return false;
    }
    if (!conn.db().commit()) {
        *error = conn.db().lastError().text();
        return false;
    }
    return true;
}

} // namespace inquest::casefile

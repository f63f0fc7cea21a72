// Reading a case: validate every row, so a damaged file is refused with a reason instead of
// opening half a case.
#include "annotationrows.h"
#include "casefile.h"
#include "columncache.h"
#include "columncodec.h"
#include "recordcodec.h"
#include "remoterecords.h"
#include "schema.h"
#include "sqlconnection.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <vector>

namespace inquest::casefile {

namespace {

class Reader
{
public:
    explicit Reader(QSqlDatabase &db)
        : m_db(db)
    {
    }

    std::optional<CaseData> run(QString *error)
    {
        CaseData d;
        d.custody.clear();
        if (readMeta(d) && readSources(d) && readHypotheses(d) && readEvidence(d) && readStatements(d) &&
            readMarkers(d) && readCustody(d) && readAnnotations(m_db, d, &m_error) &&
            readRemoteRecords(m_db, d, &m_error))
            return d;
        *error = m_error;
        return std::nullopt;
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool select(QSqlQuery &q, const QString &sql)
    {
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return fail(QStringLiteral("cannot read: %1").arg(q.lastError().text()));
        return true;
    }

    qint64 integer(const QSqlQuery &q, int column, const QString &where, bool *ok)
    {
        const QVariant v = q.value(column);
        if (v.isNull())
            return 0;
        bool good = false;
        const qint64 n = v.toLongLong(&good);
        if (!good) {
            *ok = false;
            fail(QStringLiteral("%1: %2 is not a number").arg(where, q.record().fieldName(column)));
        }
        return n;
    }

    template <typename E, typename F>
    bool enumValue(const QSqlQuery &q, int column, const QString &where, F parse, E *out)
    {
        const auto v = parse(q.value(column).toString());
        if (!v)
            return fail(QStringLiteral("%1: unknown %2 \"%3\"")
                            .arg(where, q.record().fieldName(column), q.value(column).toString().left(40)));
        *out = *v;
        return true;
    }

    bool grade(const QSqlQuery &q, int relCol, int credCol, const QString &where, QChar *rel, int *cred)
    {
        const QString r = q.value(relCol).toString();
        const int c = q.value(credCol).toInt();
        if (r.size() != 1 || r[0] < u'A' || r[0] > u'F' || c < 1 || c > 6)
            return fail(
                QStringLiteral("%1: grade \"%2%3\" is not on the Admiralty scale (A-F, 1-6)").arg(where, r).arg(c));
        *rel = r[0];
        *cred = c;
        return true;
    }

    bool readMeta(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT key, value FROM meta")))
            return false;
        QHash<QString, QString> meta;
        while (q.next())
            meta.insert(q.value(0).toString(), q.value(1).toString());
        d.meta.caseId = meta.value(QStringLiteral("case_id"));
        d.meta.title = meta.value(QStringLiteral("title"));
        d.meta.analyst = meta.value(QStringLiteral("analyst"));
        d.meta.caseNumber = meta.value(QStringLiteral("case_number"));
        d.meta.description = meta.value(QStringLiteral("description"));
        d.meta.created = QDateTime::fromString(meta.value(QStringLiteral("created")), Qt::ISODateWithMs);
        d.meta.displayTimeZone = meta.value(QStringLiteral("display_time_zone"), QStringLiteral("UTC"));
        d.meta.scoringSettings =
            QJsonDocument::fromJson(meta.value(QStringLiteral("scoring_settings")).toUtf8()).object();
        d.meta.viewSettings = QJsonDocument::fromJson(meta.value(QStringLiteral("view_settings")).toUtf8()).object();
        bool ok = false;
        d.nextId = meta.value(QStringLiteral("next_id")).toLongLong(&ok);
        if (d.meta.caseId.isEmpty() || !ok || d.nextId < 1)
            return fail(QStringLiteral("the case's identity (meta table) is missing or damaged"));
        return true;
    }

    bool readSources(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT id, kind, path, sha256, size, format, site, time_zone, year, "
                                      "imported_at, lines, events, malformed, first_time, last_time, title, outlet, "
                                      "published, text, published_time, url FROM sources ORDER BY position")))
            return false;
        QList<columncodec::Columns> columns; // per source, decoded after the loop
        while (q.next()) {
            Source s;
            bool ok = true;
            const QString where = QStringLiteral("source row %1").arg(q.value(0).toString());
            s.id = integer(q, 0, where, &ok);
            if (!enumValue(q, 1, where, sourceKindFromString, &s.kind))
                return false;
            s.path = q.value(2).toString();
            s.sha256 = q.value(3).toString();
            s.size = integer(q, 4, where, &ok);
            s.format = q.value(5).toString();
            s.site = q.value(6).toString();
            s.timeZone = q.value(7).toString();
            s.year = int(integer(q, 8, where, &ok));
            s.importedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
            s.lines = integer(q, 10, where, &ok);
            s.events = integer(q, 11, where, &ok);
            s.malformed = integer(q, 12, where, &ok);
            s.firstTime = integer(q, 13, where, &ok);
            s.lastTime = integer(q, 14, where, &ok);
            s.title = q.value(15).toString();
            s.outlet = q.value(16).toString();
            s.published = QDate::fromString(q.value(17).toString(), Qt::ISODate);
            s.text = q.value(18).toString();
            s.publishedTime = QTime::fromString(q.value(19).toString(), Qt::ISODate);
            s.url = q.value(20).toString();
            if (!ok)
                return false;
            if (!readIssues(s) || !readColumns(s, columns))
                return false;
            d.sources.append(s);
        }
        return decodeColumns(d.sources, columns);
    }

    bool readIssues(Source &s)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT line, byte_offset, reason, excerpt FROM source_issues WHERE source_id = ? "
                                 "ORDER BY seq"));
        q.addBindValue(s.id);
        if (!q.exec())
            return fail(QStringLiteral("cannot read import issues: %1").arg(q.lastError().text()));
        while (q.next())
            s.issues.append(
                {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toByteArray()});
        return true;
    }

    bool readColumns(const Source &s, QList<columncodec::Columns> &columns)
    {
        // Read in index order and put back in the order written: "ORDER BY rowid" would make SQLite
        // copy every blob through a temporary sort tree.
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT rowid, name, data FROM source_columns WHERE source_id = ?"));
        q.addBindValue(s.id);
        if (!q.exec())
            return fail(QStringLiteral("cannot read event columns: %1").arg(q.lastError().text()));
        std::vector<std::pair<qint64, QPair<QString, QByteArray>>> rows;
        while (q.next())
            rows.push_back({q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toByteArray()}});
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        columncodec::Columns blobs;
        blobs.reserve(qsizetype(rows.size()));
        for (auto &row : rows)
            blobs.append(std::move(row.second));
        columns.append(std::move(blobs));
        return true;
    }

    // Decodes the event columns of all sources together (in parallel).
    bool decodeColumns(QList<Source> &sources, QList<columncodec::Columns> &columns)
    {
        QList<columncodec::Columns> stored;
        QList<qsizetype> sourceOf;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (!columns[i].isEmpty()) {
                stored.append(std::move(columns[i]));
                sourceOf.append(i);
            }
        }
        columns.clear();
        QStringList errors;
        auto tables = columncodec::decode(stored, &errors);
        for (qsizetype k = 0; k < stored.size(); ++k) {
            Source &s = sources[sourceOf[k]];
            auto &table = tables[std::size_t(k)];
            if (!table)
                return fail(
                    QStringLiteral("event columns of source %1 (%2) are damaged: %3").arg(s.id).arg(s.path, errors[k]));
            s.table = std::make_shared<const EventTable>(std::move(*table));
            // Saving this case again stores these blobs instead of compressing the table again
            // (unless the file holds other columns than this version writes).
            QStringList names;
            for (const auto &column : std::as_const(stored[k]))
                names.append(column.first);
            if (names == columncodec::columnNames(*s.table))
                columncache::remember(s.table, std::move(stored[k]));
        }
        return true;
    }

    bool readHypotheses(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT id, name, kind, prior, notes FROM hypotheses ORDER BY position")))
            return false;
        while (q.next()) {
            Hypothesis h;
            bool ok = true;
            const QString where = QStringLiteral("hypothesis row %1").arg(q.value(0).toString());
            h.id = integer(q, 0, where, &ok);
            h.name = q.value(1).toString();
            if (!ok || !enumValue(q, 2, where, hypothesisKindFromString, &h.kind))
                return false;
            h.prior = q.value(3).toDouble();
            h.notes = q.value(4).toString();
            d.hypotheses.append(h);
        }
        return true;
    }

    bool readEvidence(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT id, title, description, origin, reason, source_id, source_sha256, "
                                      "first_line, last_line, offset_begin, offset_end, time_begin, time_end, metric, "
                                      "site, statement_id, reliability, credibility, relevance, tags, starred, "
                                      "comments, state, kind_ratings FROM evidence ORDER BY position")))
            return false;
        QHash<Id, int> rowOf;
        while (q.next()) {
            Evidence e;
            bool ok = true;
            const QString where = QStringLiteral("evidence row %1").arg(q.value(0).toString());
            e.id = integer(q, 0, where, &ok);
            e.title = q.value(1).toString();
            e.description = q.value(2).toString();
            e.origin = q.value(3).toString();
            e.reason = q.value(4).toString();
            Provenance &p = e.provenance;
            p.sourceId = integer(q, 5, where, &ok);
            p.sourceSha256 = q.value(6).toString();
            p.firstLine = integer(q, 7, where, &ok);
            p.lastLine = integer(q, 8, where, &ok);
            p.offsetBegin = integer(q, 9, where, &ok);
            p.offsetEnd = integer(q, 10, where, &ok);
            p.timeBegin = integer(q, 11, where, &ok);
            p.timeEnd = integer(q, 12, where, &ok);
            p.metric = q.value(13).toString();
            p.site = q.value(14).toString();
            p.statementId = integer(q, 15, where, &ok);
            if (!ok || !grade(q, 16, 17, where, &e.reliability, &e.credibility) ||
                !enumValue(q, 18, where, relevanceFromString, &e.relevance) ||
                !enumValue(q, 22, where, evidenceStateFromString, &e.state))
                return false;
            const auto tags = recordcodec::stringsFromJson(q.value(19).toString());
            const auto kindRatings = recordcodec::kindRatingsFromJson(q.value(23).toString());
            if (!tags || !kindRatings)
                return fail(QStringLiteral("%1: tags or detector ratings are damaged").arg(where));
            e.tags = *tags;
            e.kindRatings = *kindRatings;
            e.starred = q.value(20).toInt() != 0;
            e.comments = q.value(21).toString();
            rowOf.insert(e.id, int(d.evidence.size()));
            d.evidence.append(e);
        }
        QSqlQuery r(m_db);
        if (!select(r, QStringLiteral("SELECT evidence_id, hypothesis_id, rating FROM ratings")))
            return false;
        while (r.next()) {
            const Id evidence = r.value(0).toLongLong();
            const auto rating = ratingFromString(r.value(2).toString());
            if (!rowOf.contains(evidence) || !rating)
                return fail(QStringLiteral("rating for evidence %1 is damaged").arg(evidence));
            d.evidence[rowOf.value(evidence)].ratings.insert(r.value(1).toLongLong(), *rating);
        }
        return true;
    }

    bool readStatements(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT id, source_id, offset, length, speaker, role, organisation, quote, "
                                      "direct, times, stance, stance_triggers, stance_confirmed, reliability, "
                                      "credibility, organisation_basis FROM statements ORDER BY position")))
            return false;
        while (q.next()) {
            Statement s;
            bool ok = true;
            const QString where = QStringLiteral("statement row %1").arg(q.value(0).toString());
            s.id = integer(q, 0, where, &ok);
            s.sourceId = integer(q, 1, where, &ok);
            s.offset = integer(q, 2, where, &ok);
            s.length = integer(q, 3, where, &ok);
            s.speaker = q.value(4).toString();
            s.role = q.value(5).toString();
            s.organisation = q.value(6).toString();
            s.organisationBasis = q.value(15).toString();
            s.quote = q.value(7).toString();
            s.direct = q.value(8).toInt() != 0;
            const auto times = recordcodec::timesFromJson(q.value(9).toString());
            const auto stance = recordcodec::kindRatingsFromJson(q.value(10).toString());
            const auto triggers = recordcodec::stringsFromJson(q.value(11).toString());
            if (!ok || !times || !stance || !triggers)
                return fail(QStringLiteral("%1 is damaged").arg(where));
            s.times = *times;
            s.stance = *stance;
            s.stanceTriggers = *triggers;
            s.stanceConfirmed = q.value(12).toInt() != 0;
            if (!grade(q, 13, 14, where, &s.reliability, &s.credibility))
                return false;
            d.statements.append(s);
        }
        return true;
    }

    bool readMarkers(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT id, kind, begin_time, end_time, label, site, origin FROM markers "
                                      "ORDER BY position")))
            return false;
        while (q.next()) {
            Marker m;
            bool ok = true;
            const QString where = QStringLiteral("marker row %1").arg(q.value(0).toString());
            m.id = integer(q, 0, where, &ok);
            if (!ok || !enumValue(q, 1, where, markerKindFromString, &m.kind))
                return false;
            m.begin = integer(q, 2, where, &ok);
            m.end = integer(q, 3, where, &ok);
            m.label = q.value(4).toString();
            m.site = q.value(5).toString();
            m.origin = q.value(6).toString();
            if (!ok)
                return false;
            d.markers.append(m);
        }
        return true;
    }

    bool readCustody(CaseData &d)
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral("SELECT seq, time, action, detail, prev_hash, hash FROM custody ORDER BY seq")))
            return false;
        while (q.next()) {
            CustodyEntry c;
            c.seq = q.value(0).toLongLong();
            c.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
            c.action = q.value(2).toString();
            c.detail = q.value(3).toString();
            c.prevHash = q.value(4).toString();
            c.hash = q.value(5).toString();
            d.custody.append(c);
        }
        return true;
    }

    QSqlDatabase &m_db;
    QString m_error;
};

} // namespace

std::optional<CaseData> readDatabase(QSqlDatabase &db, QString *error)
{
    Reader reader(db);
    return reader.run(error);
}

} // namespace inquest::casefile

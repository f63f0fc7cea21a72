#include "annotationrows.h"
#include "recordcodec.h"
#include "sqlinsert.h"

#include <QSqlError>
#include <QSqlQuery>

namespace inquest::casefile {

namespace {

// A null QString binds as SQL NULL; an empty text column (a curve of every event has no
// filter) must be '' under its NOT NULL.
QString nonNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

bool select(QSqlDatabase &db, QSqlQuery &q, const QString &sql, QString *error)
{
    q = QSqlQuery(db);
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("cannot read: %1").arg(q.lastError().text());
    return false;
}

bool readCurves(QSqlDatabase &db, CaseData &d, QString *error)
{
    QSqlQuery q;
    if (!select(db, q,
                QStringLiteral("SELECT id, name, filter, aggregate, field, percentile, colour, style "
                               "FROM curves ORDER BY position"),
                error))
        return false;
    while (q.next()) {
        CurveSpec c;
        c.id = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.filter = q.value(2).toString();
        const auto aggregate = curveAggregateFromString(q.value(3).toString());
        const auto field = curveFieldFromString(q.value(4).toString());
        const auto style = curveStyleFromString(q.value(7).toString());
        bool ok = false;
        c.percentile = q.value(5).toDouble(&ok);
        if (c.id <= 0 || !aggregate || !field || !style || !ok) {
            *error = QStringLiteral("curve row %1 is damaged (aggregate, field, percentile or style)")
                         .arg(q.value(0).toString());
            return false;
        }
        c.aggregate = *aggregate;
        c.field = *field;
        c.style = *style;
        c.colour = q.value(6).toString();
        d.curves.append(c);
    }
    return true;
}

bool readMarks(QSqlDatabase &db, CaseData &d, QString *error)
{
    QSqlQuery q;
    if (!select(db, q,
                QStringLiteral("SELECT id, source_id, source_sha256, line, byte_offset, time, starred, tags, comment "
                               "FROM event_marks ORDER BY position"),
                error))
        return false;
    while (q.next()) {
        EventMark m;
        m.id = q.value(0).toLongLong();
        m.sourceId = q.value(1).toLongLong();
        m.sourceSha256 = q.value(2).toString();
        m.line = q.value(3).toLongLong();
        m.offset = q.value(4).toLongLong();
        m.time = q.value(5).toLongLong();
        m.starred = q.value(6).toInt() != 0;
        const auto tags = recordcodec::stringsFromJson(q.value(7).toString());
        if (m.id <= 0 || m.line <= 0 || !tags) {
            *error = QStringLiteral("event mark row %1 is damaged (line or tags)").arg(q.value(0).toString());
            return false;
        }
        m.tags = *tags;
        m.comment = q.value(8).toString();
        d.eventMarks.append(m);
    }
    return true;
}

bool readEvidenceFilters(QSqlDatabase &db, CaseData &d, QString *error)
{
    QSqlQuery q;
    if (!select(db, q, QStringLiteral("SELECT evidence_id, filter FROM evidence_filters"), error))
        return false;
    while (q.next()) {
        const Id id = q.value(0).toLongLong();
        auto it = std::find_if(d.evidence.begin(), d.evidence.end(), [id](const Evidence &e) { return e.id == id; });
        if (it == d.evidence.end()) {
            *error = QStringLiteral("evidence filter row %1 names no evidence").arg(id);
            return false;
        }
        it->provenance.filter = q.value(1).toString();
    }
    return true;
}

} // namespace

bool writeAnnotations(QSqlDatabase &db, const CaseData &d, QString *error)
{
    int position = 0;
    for (const CurveSpec &c : d.curves) {
        if (!insertRow(db,
                       QStringLiteral("INSERT INTO curves (id, position, name, filter, aggregate, field, percentile, "
                                      "colour, style) VALUES (?,?,?,?,?,?,?,?,?)"),
                       {c.id, position++, c.name, nonNull(c.filter), toString(c.aggregate), toString(c.field),
                        c.percentile, c.colour, toString(c.style)},
                       error))
            return false;
    }
    position = 0;
    for (const EventMark &m : d.eventMarks) {
        if (!insertRow(db,
                       QStringLiteral("INSERT INTO event_marks (id, position, source_id, source_sha256, line, "
                                      "byte_offset, time, starred, tags, comment) VALUES (?,?,?,?,?,?,?,?,?,?)"),
                       {m.id, position++, m.sourceId, m.sourceSha256, m.line, m.offset, m.time, m.starred ? 1 : 0,
                        recordcodec::stringsToJson(m.tags), m.comment},
                       error))
            return false;
    }
    for (const Evidence &e : d.evidence) {
        if (!e.provenance.filter.isEmpty() &&
            !insertRow(db, QStringLiteral("INSERT INTO evidence_filters (evidence_id, filter) VALUES (?,?)"),
                       {e.id, e.provenance.filter}, error))
            return false;
    }
    return true;
}

bool readAnnotations(QSqlDatabase &db, CaseData &d, QString *error)
{
    return readCurves(db, d, error) && readMarks(db, d, error) && readEvidenceFilters(db, d, error);
}

} // namespace inquest::casefile

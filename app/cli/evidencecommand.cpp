#include "commandline.h"
#include "commands.h"
#include "hypothesisspec.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/evidenceedits.h"
#include "model/isotime.h"
#include "scoring/scores.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace inquest::cli {

namespace {

QJsonObject provenanceJson(const Provenance &p)
{
    QJsonObject o;
    if (p.hasLines()) {
        o.insert(QStringLiteral("source_sha256"), p.sourceSha256);
        o.insert(QStringLiteral("source_id"), p.sourceId);
        o.insert(QStringLiteral("first_line"), p.firstLine);
        o.insert(QStringLiteral("last_line"), p.lastLine);
        if (p.offsetBegin >= 0) {
            o.insert(QStringLiteral("offset_begin"), p.offsetBegin);
            o.insert(QStringLiteral("offset_end"), p.offsetEnd);
        }
    }
    if (p.hasTimeRange()) {
        o.insert(QStringLiteral("time_begin"), isoUtc(p.timeBegin));
        o.insert(QStringLiteral("time_end"), isoUtc(p.timeEnd));
        if (!p.metric.isEmpty())
            o.insert(QStringLiteral("metric"), p.metric);
        if (!p.site.isEmpty())
            o.insert(QStringLiteral("site"), p.site);
        if (!p.filter.isEmpty())
            o.insert(QStringLiteral("filter"), p.filter);
    }
    if (p.hasStatement())
        o.insert(QStringLiteral("statement_id"), p.statementId);
    return o;
}

QJsonObject evidenceJson(const Evidence &e, const QList<Hypothesis> &hypotheses)
{
    QJsonObject ratings;
    for (const Hypothesis &h : hypotheses) {
        const Rating r = e.rating(h.id);
        ratings.insert(h.name, r == Rating::Unrated ? QJsonValue(QJsonValue::Null) : QJsonValue(toString(r)));
    }
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("state"), toString(e.state)},
            {QStringLiteral("origin"), e.origin},
            {QStringLiteral("reason"), e.reason},
            {QStringLiteral("reliability"), QString(e.reliability)},
            {QStringLiteral("credibility"), e.credibility},
            {QStringLiteral("grade"), QStringLiteral("%1%2").arg(e.reliability).arg(e.credibility)},
            {QStringLiteral("relevance"), toString(e.relevance)},
            {QStringLiteral("provenance"), provenanceJson(e.provenance)},
            {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
            {QStringLiteral("starred"), e.starred},
            {QStringLiteral("diagnosticity"), diagnosticity(e, hypotheses)},
            {QStringLiteral("ratings"), ratings}};
}

// Evidence ids given as "3,5,8": every one must name an evidence item of the case.
std::optional<QList<Id>> evidenceIds(const QString &text, const QList<Evidence> &evidence, QString *error)
{
    QList<Id> ids;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const Id id = part.trimmed().toLongLong(&ok);
        if (!ok || std::none_of(evidence.begin(), evidence.end(), [id](const Evidence &e) { return e.id == id; })) {
            *error = QStringLiteral("no evidence item \"%1\" (see `inquest evidence CASE`)").arg(part.trimmed());
            return std::nullopt;
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty()) {
        *error = QStringLiteral("no evidence id given");
        return std::nullopt;
    }
    return ids;
}

// The analyst's decisions from the command line, as the Evidence dock makes them: accept,
// reject or return to suggested, remove, and rate items against one hypothesis. Everything is
// checked before anything changes; each kind of change is one undo step.
int changeEvidence(const CommandLine &cl, QTextStream &err)
{
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("evidence", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest evidence: " << error << '\n';
        return BadInput;
    }
    struct StateChange
    {
        const char *option;
        EvidenceState state;
        QList<Id> ids;
    };
    std::vector<StateChange> states{{"accept", EvidenceState::Accepted, {}},
                                    {"reject", EvidenceState::Rejected, {}},
                                    {"suggest", EvidenceState::Suggested, {}}};
    QSet<Id> seen;
    for (StateChange &c : states) {
        if (!cl.has(QLatin1String(c.option)))
            continue;
        const auto ids = evidenceIds(cl.value(QLatin1String(c.option)), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --" << c.option << ": " << error << '\n';
            return BadInput;
        }
        for (Id id : *ids) {
            if (seen.contains(id)) {
                err << "inquest evidence: evidence item " << id << " is given two states\n";
                return Usage;
            }
            seen.insert(id);
        }
        c.ids = *ids;
    }
    QList<Id> removed;
    if (cl.has(QStringLiteral("remove"))) {
        const auto ids = evidenceIds(cl.value(QStringLiteral("remove")), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --remove: " << error << '\n';
            return BadInput;
        }
        removed = *ids;
    }
    QList<std::pair<Id, Id>> cells;
    Rating rating = Rating::Unrated;
    if (cl.has(QStringLiteral("rate"))) {
        if (!cl.has(QStringLiteral("hypothesis")) || !cl.has(QStringLiteral("rating"))) {
            err << "inquest evidence: --rate IDS needs --hypothesis NAME|ID and --rating CC|C|N|I|II|NA|none\n";
            return Usage;
        }
        const auto ids = evidenceIds(cl.value(QStringLiteral("rate")), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --rate: " << error << '\n';
            return BadInput;
        }
        const Hypothesis *h = findHypothesis(doc.hypotheses(), cl.value(QStringLiteral("hypothesis")));
        if (!h) {
            err << "inquest evidence: no hypothesis \"" << cl.value(QStringLiteral("hypothesis"))
                << "\" in the case (it has: " << hypothesisNames(doc.hypotheses()) << ")\n";
            return BadInput;
        }
        const QString text = cl.value(QStringLiteral("rating"));
        const auto r = text.compare(u"none", Qt::CaseInsensitive) == 0 ? std::optional(Rating::Unrated)
                                                                       : ratingFromString(text.toUpper());
        if (!r || (text.trimmed().isEmpty())) {
            err << "inquest evidence: --rating \"" << text << "\": expected CC, C, N, I, II, NA or none\n";
            return Usage;
        }
        rating = *r;
        for (Id id : *ids)
            cells.append({id, h->id});
    }
    // "IDS=B2" and "IDS=high": the source grade (Admiralty reliability A–F, credibility 1–6) and
    // the relevance, as the evidence detail sets them.
    const auto split = [&](const char *option, QList<Id> *ids, QString *value) {
        const QString spec = cl.value(QLatin1String(option));
        const qsizetype eq = spec.lastIndexOf(u'=');
        *value = eq > 0 ? spec.mid(eq + 1).trimmed() : QString();
        if (eq <= 0 || value->isEmpty()) {
            error = QStringLiteral("--%1 \"%2\": expected IDS=VALUE").arg(QLatin1String(option), spec);
            return false;
        }
        const auto parsed = evidenceIds(spec.left(eq), doc.evidence(), &error);
        if (!parsed) {
            error = QStringLiteral("--%1: %2").arg(QLatin1String(option), error);
            return false;
        }
        *ids = *parsed;
        return true;
    };
    QList<Id> graded, weighed;
    QChar reliability;
    int credibility = 0;
    std::optional<Relevance> relevance;
    if (cl.has(QStringLiteral("grade"))) {
        QString grade;
        if (!split("grade", &graded, &grade)) {
            err << "inquest evidence: " << error << '\n';
            return BadInput;
        }
        const QString upper = grade.toUpper();
        if (upper.size() != 2 || upper[0] < u'A' || upper[0] > u'F' || upper[1] < u'1' || upper[1] > u'6') {
            err << "inquest evidence: --grade \"" << grade
                << "\": expected reliability A–F and credibility 1–6, e.g. B2\n";
            return Usage;
        }
        reliability = upper[0];
        credibility = upper[1].digitValue();
    }
    if (cl.has(QStringLiteral("relevance"))) {
        QString text;
        if (!split("relevance", &weighed, &text)) {
            err << "inquest evidence: " << error << '\n';
            return BadInput;
        }
        relevance = relevanceFromString(text.toLower());
        if (!relevance) {
            err << "inquest evidence: --relevance \"" << text << "\": expected low, medium or high\n";
            return Usage;
        }
    }
    for (Id id : graded + weighed)
        seen.insert(id);
    for (Id id : std::as_const(removed)) {
        if (seen.contains(id) ||
            std::any_of(cells.begin(), cells.end(), [id](const auto &c) { return c.first == id; })) {
            err << "inquest evidence: evidence item " << id << " is both removed and changed\n";
            return Usage;
        }
    }
    for (const StateChange &c : states) {
        if (!c.ids.isEmpty())
            edit::setEvidenceStates(&doc, c.ids, c.state);
    }
    if (!cells.isEmpty())
        edit::setRatings(&doc, cells, rating);
    if (!graded.isEmpty() || !weighed.isEmpty()) {
        doc.undoStack()->beginMacro(QStringLiteral("Change grade and relevance"));
        for (Id id : std::as_const(graded)) {
            edit::setValue(&doc, id, &Evidence::reliability, reliability, QStringLiteral("Change reliability"));
            edit::setValue(&doc, id, &Evidence::credibility, credibility, QStringLiteral("Change credibility"));
        }
        for (Id id : std::as_const(weighed))
            edit::setValue(&doc, id, &Evidence::relevance, *relevance, QStringLiteral("Change relevance"));
        doc.undoStack()->endMacro();
    }
    if (!removed.isEmpty())
        edit::removeEvidence(&doc, removed);
    if (!casefile::save(doc, path, &error)) {
        err << "inquest evidence: " << error << '\n';
        return BadInput;
    }
    return Success;
}

} // namespace

int evidence(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("accept"), QStringLiteral("reject"), QStringLiteral("suggest"),
                    QStringLiteral("remove"), QStringLiteral("rate"), QStringLiteral("hypothesis"),
                    QStringLiteral("grade"), QStringLiteral("relevance"), QStringLiteral("rating")},
                   {QStringLiteral("json")});
    cl.acceptWait();
    if (!cl.parseOneCase("evidence", args, err))
        return Usage;
    if (!cl.has(QStringLiteral("rate")) && (cl.has(QStringLiteral("hypothesis")) || cl.has(QStringLiteral("rating")))) {
        err << "inquest evidence: --hypothesis and --rating go with --rate IDS\n";
        return Usage;
    }
    for (const char *option : {"accept", "reject", "suggest", "remove", "rate", "grade", "relevance"}) {
        if (cl.has(QLatin1String(option))) {
            if (const int status = changeEvidence(cl, err); status != Success)
                return status;
            break;
        }
    }
    const auto data = readCase("evidence", cl.casePath(), err);
    if (!data)
        return BadInput;
    if (cl.has(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Evidence &e : data->evidence)
            list.append(evidenceJson(e, data->hypotheses));
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    QStringList names;
    for (const Hypothesis &h : data->hypotheses)
        names.append(h.name);
    out << "id    state      grade relevance  ratings (" << names.join(QStringLiteral(" | ")) << ")  title\n";
    for (const Evidence &e : data->evidence) {
        QStringList cells;
        for (const Hypothesis &h : data->hypotheses) {
            const QString r = toString(e.rating(h.id));
            cells.append(r.isEmpty() ? QStringLiteral("-") : r);
        }
        out << QString::number(e.id).leftJustified(5) << ' ' << toString(e.state).leftJustified(10) << ' '
            << QStringLiteral("%1%2").arg(e.reliability).arg(e.credibility).leftJustified(5) << ' '
            << toString(e.relevance).leftJustified(10) << ' ' << cells.join(u' ') << "  " << e.title << '\n';
    }
    out << data->evidence.size() << " evidence item(s)\n";
    return Success;
}

} // namespace inquest::cli

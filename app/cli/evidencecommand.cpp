#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
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

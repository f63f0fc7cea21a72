#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "scoring/scores.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace inquest::cli {

namespace {

QJsonObject toJson(const HypothesisScore &s)
{
    return {{QStringLiteral("name"), s.name},       {QStringLiteral("kind"), toString(s.kind)},
            {QStringLiteral("rank"), s.rank},       {QStringLiteral("weighted_inconsistency"), s.inconsistency},
            {QStringLiteral("support"), s.support}, {QStringLiteral("posterior"), s.posterior}};
}

void printText(const CaseData &data, const ScoreResult &r, QTextStream &out)
{
    out << "Scored " << r.counted << " accepted evidence item(s) against " << r.ranked.size()
        << " hypotheses, ranked by "
        << (r.rankBy == ScoringSettings::RankBy::Posterior ? "posterior" : "weighted inconsistency") << ".\n";
    out << QStringLiteral("%1  %2 %3 %4  %5\n")
               .arg(QStringLiteral("rank"), QStringLiteral("inconsistency").rightJustified(13),
                    QStringLiteral("support").rightJustified(9), QStringLiteral("posterior").rightJustified(9),
                    QStringLiteral("hypothesis"));
    for (const HypothesisScore &s : r.ranked) {
        out << QStringLiteral("%1  %2 %3 %4  %5 (%6)\n")
                   .arg(QString::number(s.rank).rightJustified(4),
                        QString::number(s.inconsistency, 'f', 3).rightJustified(13),
                        QString::number(s.support, 'f', 3).rightJustified(9),
                        QString::number(s.posterior, 'f', 3).rightJustified(9), s.name, toString(s.kind));
    }
    if (r.ranked.size() > 1)
        out << "Margin between first and second: " << QString::number(r.margin, 'f', 3)
            << (r.margin == 0.0 ? " (tie)" : "") << '\n';
    for (Id id : r.critical) {
        for (const Evidence &e : data.evidence) {
            if (e.id == id)
                out << "critical: #" << id << ' ' << e.title << '\n';
        }
    }
}

} // namespace

int score(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({}, {QStringLiteral("json")});
    if (!cl.parseOneCase("score", args, err))
        return Usage;
    const auto data = readCase("score", cl.casePath(), err);
    if (!data)
        return BadInput;
    const ScoreResult r =
        computeScores(data->hypotheses, data->evidence, ScoringSettings::fromJson(data->meta.scoringSettings));
    if (!cl.has(QStringLiteral("json"))) {
        printText(*data, r, out);
        return Success;
    }
    QJsonArray hypotheses;
    for (const HypothesisScore &s : r.ranked)
        hypotheses.append(toJson(s));
    QJsonArray critical;
    for (Id id : r.critical)
        critical.append(id);
    QJsonObject doc{{QStringLiteral("hypotheses"), hypotheses},
                    {QStringLiteral("critical_evidence"), critical},
                    {QStringLiteral("margin"), r.margin},
                    {QStringLiteral("evidence_scored"), r.counted},
                    {QStringLiteral("rank_by"), r.rankBy == ScoringSettings::RankBy::Posterior
                                                    ? QStringLiteral("posterior")
                                                    : QStringLiteral("weighted_inconsistency")}};
    if (const HypothesisScore *lead = r.leading())
        doc.insert(QStringLiteral("leading"),
                   QJsonObject{{QStringLiteral("name"), lead->name}, {QStringLiteral("kind"), toString(lead->kind)}});
    else
        doc.insert(QStringLiteral("leading"), QJsonValue::Null);
    out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    return Success;
}

} // namespace inquest::cli

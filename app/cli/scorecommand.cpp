#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "scoring/scores.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace inquest::cli {

namespace {

QJsonObject toJson(const ScoreResult &r, const HypothesisScore &s)
{
    return {{QStringLiteral("name"), s.name},       {QStringLiteral("kind"), toString(s.kind)},
            {QStringLiteral("rank"), s.rank},       {QStringLiteral("weighted_inconsistency"), s.inconsistency},
            {QStringLiteral("support"), s.support}, {QStringLiteral("posterior"), s.posterior},
            {QStringLiteral("tie"), r.tied(s)}};
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
        // A shared rank reads "=1": equal scores, whatever the list order.
        const QString rank = (r.tied(s) ? QStringLiteral("=") : QString()) + QString::number(s.rank);
        out << QStringLiteral("%1  %2 %3 %4  %5 (%6)%7\n")
                   .arg(rank.rightJustified(4), QString::number(s.inconsistency, 'f', 3).rightJustified(13),
                        QString::number(s.support, 'f', 3).rightJustified(9),
                        QString::number(s.posterior, 'f', 3).rightJustified(9), s.name, toString(s.kind),
                        r.tied(s) ? QStringLiteral("  tie") : QString());
    }
    if (const QList<HypothesisScore> tie = r.tiedForFirst(); !tie.isEmpty()) {
        QStringList names;
        for (const HypothesisScore &s : tie)
            names.append(s.name);
        out << "Tie for first: " << names.join(QStringLiteral(", ")) << " (no hypothesis leads)\n";
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
        hypotheses.append(toJson(r, s));
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
    QJsonArray tiedFirst;
    for (const HypothesisScore &s : r.tiedForFirst())
        tiedFirst.append(s.name);
    doc.insert(QStringLiteral("tied_for_first"), tiedFirst);
    if (const HypothesisScore *lead = r.leading())
        doc.insert(QStringLiteral("leading"), QJsonObject{{QStringLiteral("name"), lead->name},
                                                          {QStringLiteral("kind"), toString(lead->kind)},
                                                          {QStringLiteral("tie"), r.tied(*lead)}});
    else
        doc.insert(QStringLiteral("leading"), QJsonValue::Null);
    out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    return Success;
}

} // namespace inquest::cli

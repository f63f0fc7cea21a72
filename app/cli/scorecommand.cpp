#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "scoring/scoreexplanation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace inquest::cli {

namespace {

QJsonObject toJson(const ScoreResult &r, const HypothesisScore &s)
{
    return {{QStringLiteral("name"), s.name},       {QStringLiteral("kind"), toString(s.kind)},
            {QStringLiteral("rank"), s.rank},       {QStringLiteral("weighted_inconsistency"), s.inconsistency},
            {QStringLiteral("support"), s.support}, {QStringLiteral("posterior"), s.posterior},
            {QStringLiteral("tie"), r.tied(s)}};
}

// Why the leader leads: the sentence, then each item that separates the first two, with what
// it adds to the gap and to each of them.
void printWhy(const ScoreExplanation &why, QTextStream &out)
{
    if (!why.runnerUp())
        return;
    out << "Why: " << why.summary() << '\n';
    int others = 0;
    for (const ScoreExplanation::Item &item : why.items) {
        if (std::abs(item.difference) < 0.005) {
            ++others;
            continue;
        }
        QStringList cells;
        for (const HypothesisScore *h : {why.leader(), why.runnerUp()})
            cells.append(
                QStringLiteral("%1 %2 %3")
                    .arg(h->name, toString(item.ratings.value(h->id)), signedNumber(item.contribution.value(h->id))));
        out << QStringLiteral("  %1  #%2 %3 (weight %4; %5)\n")
                   .arg(signedNumber(item.difference).rightJustified(6))
                   .arg(item.evidence)
                   .arg(item.title, QString::number(item.weight, 'f', 2), cells.join(QStringLiteral(", ")));
    }
    if (others)
        out << "  " << others << " other item(s) add the same to both\n";
}

QJsonObject toJson(const ScoreExplanation &why)
{
    QJsonArray items;
    for (const ScoreExplanation::Item &item : why.items) {
        QJsonObject contributions, ratings;
        for (const HypothesisScore &h : why.hypotheses) {
            contributions.insert(h.name, item.contribution.value(h.id));
            ratings.insert(h.name, toString(item.ratings.value(h.id)));
        }
        items.append(QJsonObject{{QStringLiteral("id"), item.evidence},
                                 {QStringLiteral("title"), item.title},
                                 {QStringLiteral("weight"), item.weight},
                                 {QStringLiteral("difference"), item.difference},
                                 {QStringLiteral("contributions"), contributions},
                                 {QStringLiteral("ratings"), ratings}});
    }
    return {{QStringLiteral("summary"), why.summary()},
            {QStringLiteral("leader"), why.leader() ? QJsonValue(why.leader()->name) : QJsonValue()},
            {QStringLiteral("runner_up"), why.runnerUp() ? QJsonValue(why.runnerUp()->name) : QJsonValue()},
            {QStringLiteral("tie"), why.tie},
            {QStringLiteral("measure"), why.measure},
            {QStringLiteral("prior_difference"), why.priorDifference},
            {QStringLiteral("items"), items}};
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
    printWhy(explainScores(data.hypotheses, data.evidence, r), out);
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
    doc.insert(QStringLiteral("explanation"), toJson(explainScores(data->hypotheses, data->evidence, r)));
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

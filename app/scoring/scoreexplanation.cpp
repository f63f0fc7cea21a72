#include "scoreexplanation.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::scores", text); }
} // namespace

QString signedNumber(double value)
{
    if (std::abs(value) < 0.005)
        return QStringLiteral("0");
    return (value > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + QString::number(std::abs(value), 'f', 2);
}

ScoreExplanation explainScores(const QList<Hypothesis> &hypotheses, const QList<Evidence> &evidence,
                               const ScoreResult &result)
{
    ScoreExplanation x;
    x.hypotheses = result.ranked;
    const bool byPosterior = result.rankBy == ScoringSettings::RankBy::Posterior;
    x.measure = byPosterior ? tr("log posterior") : tr("weighted inconsistency");
    x.margin = result.margin;
    x.tie = result.ranked.size() > 1 && result.tied(result.ranked[0]);
    const Id lead = x.leader() ? x.leader()->id : 0;
    const Id second = x.runnerUp() ? x.runnerUp()->id : 0;
    for (const EvidenceSensitivity &s : result.evidence) {
        ScoreExplanation::Item item;
        item.evidence = s.id;
        item.weight = s.weight;
        item.contribution = s.contribution;
        for (const Evidence &e : evidence) {
            if (e.id != s.id)
                continue;
            item.title = e.title;
            for (const Hypothesis &h : hypotheses)
                item.ratings.insert(h.id, e.rating(h.id));
        }
        if (second)
            item.difference = s.contribution.value(lead) - s.contribution.value(second);
        x.items.append(item);
    }
    std::stable_sort(x.items.begin(), x.items.end(), [](const auto &a, const auto &b) {
        return std::abs(a.difference) > std::abs(b.difference) + 1e-12;
    });
    if (byPosterior && second) {
        // L(h) = ln prior(h) + Σ contributions: what the items leave of the gap is the priors'.
        double items = 0;
        for (const ScoreExplanation::Item &item : std::as_const(x.items))
            items += item.difference;
        x.priorDifference = (x.leader()->logScore - x.runnerUp()->logScore) - items;
    }
    return x;
}

QString ScoreExplanation::gapItems(int mentioned) const
{
    QStringList parts;
    for (const Item &item : items) {
        if (parts.size() >= mentioned || std::abs(item.difference) < 0.005)
            break;
        parts.append(tr("\u201c%1\u201d %2").arg(item.title, signedNumber(item.difference)));
    }
    return parts.join(QStringLiteral(", "));
}

QString ScoreExplanation::summary(int mentioned) const
{
    if (!leader())
        return tr("No hypotheses.");
    if (!runnerUp())
        return tr("%1 is the only hypothesis.").arg(leader()->name);
    if (tie) {
        QStringList names;
        for (const HypothesisScore &h : hypotheses) {
            if (h.rank == 1)
                names.append(h.name);
        }
        return tr("Tie: %1 have the same %2; no hypothesis leads, whatever their order in the list.")
            .arg(names.join(QStringLiteral(", ")), measure);
    }
    // The runner-up may share its rank: the gap is the same to each, the items' shares are not.
    QStringList alsoSecond;
    for (const HypothesisScore &h : hypotheses) {
        if (h.rank == runnerUp()->rank && h.id != runnerUp()->id)
            alsoSecond.append(h.name);
    }
    const QString second = alsoSecond.isEmpty() ? runnerUp()->name
                                                : tr("%1 (tied for second with %2; the shares below are against %1)")
                                                      .arg(runnerUp()->name, alsoSecond.join(QStringLiteral(", ")));
    QString text = tr("%1 leads %2 by %3 in %4.").arg(leader()->name, second, QString::number(margin, 'f', 2), measure);
    const QString gap = gapItems(mentioned);
    text += u' ' + (gap.isEmpty() ? tr("No item separates them.") : tr("Most of the gap: %1.").arg(gap));
    if (std::abs(priorDifference) >= 0.005)
        text += u' ' + tr("Priors: %1.").arg(signedNumber(priorDifference));
    return text;
}

} // namespace inquest

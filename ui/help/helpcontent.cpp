#include "helpcontent.h"

#include "scoring/scoringsettings.h"

#include <QAction>
#include <QFile>
#include <QWidget>

#include <map>

namespace inquest::help {

namespace {

QString row(const QString &a, const QString &b) { return QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(a, b); }

QString table(const QString &head1, const QString &head2, const QString &rows)
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th align=\"left\">%1</th>"
                          "<th align=\"left\">%2</th></tr>%3</table>")
        .arg(head1, head2, rows);
}

QString number(double v) { return QString::number(v, 'g', 3); }

} // namespace

QString ratingsPage()
{
    const ScoringSettings defaults;
    QString rows;
    const struct
    {
        Rating rating;
        const char *meaning;
    } scale[] = {
        {Rating::CC, "very consistent: this evidence is what you would expect to see if the hypothesis were true"},
        {Rating::C, "consistent"},
        {Rating::N, "neutral: as likely with or without the hypothesis"},
        {Rating::I, "inconsistent: you would not expect to see this if the hypothesis were true"},
        {Rating::II, "very inconsistent: hard to explain if the hypothesis were true"},
        {Rating::NA, "not applicable: the item says nothing about this hypothesis (not counted)"},
    };
    for (const auto &s : scale)
        rows += row(QStringLiteral("<b>%1</b>").arg(toString(s.rating)), QString::fromUtf8(s.meaning));
    return QStringLiteral("<h2>The rating scale</h2><p>Each cell of the evidence matrix says how the item bears "
                          "on one hypothesis (Analysis of Competing Hypotheses, as in PARC ACH). A blank cell "
                          "is not rated and counts for nothing.</p>") +
           table(QStringLiteral("Rating"), QStringLiteral("Meaning"), rows) +
           QStringLiteral("<p>ACH looks for the hypothesis with the <i>least</i> evidence against it: "
                          "consistent evidence is often consistent with several hypotheses, while one "
                          "well-founded inconsistency can rule a hypothesis out.</p>");
}

QString scoresPage(const ScoringSettings &s)
{
    QString ratios;
    for (Rating r : {Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II})
        ratios += row(toString(r), QStringLiteral("×%1").arg(number(s.likelihoodRatio(r))));
    return QStringLiteral(
               "<h2>What the scores mean</h2><p>Only <b>accepted</b> evidence is scored. Each item has a "
               "<i>weight</i>: its source's credibility weight (from the grade) times its relevance weight "
               "(low %1, medium %2, high %3).</p><ul>"
               "<li><b>Weighted inconsistency</b> adds, for every I or II cell, −1 or −2 times the item's "
               "weight. It is never positive; the hypothesis closest to 0 has the least evidence against it "
               "and leads.</li>"
               "<li><b>Support</b> adds the C and CC cells the same way. It is shown but does not decide the "
               "lead.</li>"
               "<li><b>Posterior</b> (when ranking by posterior) starts from the priors and multiplies, for "
               "each cell, the likelihood ratio of its rating raised to the item's weight:</li></ul>")
               .arg(number(s.relevance[0]), number(s.relevance[1]), number(s.relevance[2])) +
           table(QStringLiteral("Rating"), QStringLiteral("Likelihood ratio"), ratios) +
           QStringLiteral("<p>Hypotheses with equal scores share a rank and are shown as a tie; no hypothesis "
                          "leads by its place in the list. An item is <b>critical</b> when, without it, another "
                          "hypothesis would lead. Diagnosticity says how much an item's ratings differ across "
                          "the hypotheses: an item rated the same for all of them cannot help you choose.</p>");
}

QString gradesPage(const ScoringSettings &s)
{
    static const char *reliability[] = {"completely reliable",  "usually reliable", "fairly reliable",
                                        "not usually reliable", "unreliable",       "reliability cannot be judged"};
    static const char *credibility[] = {
        "confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable",
        "truth cannot be judged"};
    QString rel, cred;
    for (int i = 0; i < 6; ++i) {
        rel += row(QStringLiteral("<b>%1</b> %2").arg(QChar(u'A' + i)).arg(QString::fromUtf8(reliability[i])),
                   number(s.reliability[std::size_t(i)]));
        cred += row(QStringLiteral("<b>%1</b> %2").arg(i + 1).arg(QString::fromUtf8(credibility[i])),
                    number(s.credibility[std::size_t(i)]));
    }
    return QStringLiteral("<h2>Source grades</h2><p>Each evidence item carries a grade in the Admiralty (NATO) "
                          "system: a letter for how reliable its source is, a digit for how credible the "
                          "information itself is. A log file you hold is usually A1; a news report quoting an "
                          "unnamed insider perhaps C3.</p>") +
           table(QStringLiteral("Source reliability"), QStringLiteral("Factor"), rel) + QStringLiteral("<br>") +
           table(QStringLiteral("Information credibility"), QStringLiteral("Factor"), cred) +
           QStringLiteral("<p>The credibility weight of an item is the square root of the two factors' product "
                          "(their geometric mean). The factors can be changed per case in the Scoring dock's "
                          "weights; F and 6 weigh 0.5 by default, an unknown between reliable and not.</p>");
}

QString shortcutsPage(const QWidget *window)
{
    std::map<QString, QString> byAction; // sorted by name
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        QString name = a->text();
        name.remove(u'&');
        name.remove(QStringLiteral("\u2026"));
        byAction[name] = a->shortcut().toString(QKeySequence::NativeText);
    }
    QString rows;
    for (const auto &[name, keys] : byAction)
        rows += row(name.toHtmlEscaped(), keys.toHtmlEscaped());
    QString matrix;
    matrix +=
        row(QStringLiteral("C"), QStringLiteral("rate the cell consistent; C again, or Shift+C: very consistent"));
    matrix +=
        row(QStringLiteral("I"), QStringLiteral("rate the cell inconsistent; I again, or Shift+I: very inconsistent"));
    matrix += row(QStringLiteral("N"), QStringLiteral("neutral"));
    matrix += row(QStringLiteral("A"), QStringLiteral("not applicable"));
    matrix += row(QStringLiteral("Delete, Backspace"), QStringLiteral("clear the rating"));
    QString chart;
    chart += row(QStringLiteral("+ or =, −"), QStringLiteral("zoom in, out"));
    chart += row(QStringLiteral("←, →"), QStringLiteral("pan by a tenth of the view; with Shift, by half"));
    chart += row(QStringLiteral("0"), QStringLiteral("show the whole case"));
    chart += row(QStringLiteral("Esc"), QStringLiteral("cancel a drag, clear the selection"));
    chart += row(QStringLiteral("wheel, drag"), QStringLiteral("zoom, pan the time axis"));
    return QStringLiteral("<h2>Shortcuts</h2><h3>Commands</h3>") +
           table(QStringLiteral("Action"), QStringLiteral("Keys"), rows) +
           QStringLiteral("<h3>Evidence matrix (a cell selected)</h3>") +
           table(QStringLiteral("Key"), QStringLiteral("Does"), matrix) +
           QStringLiteral("<h3>Chart (the chart focused)</h3>") +
           table(QStringLiteral("Key"), QStringLiteral("Does"), chart);
}

QList<Page> pages(const QWidget *window, const ScoringSettings &settings)
{
    QFile guide(QStringLiteral(":/help/first-case.html"));
    const QString guideHtml = guide.open(QIODevice::ReadOnly) ? QString::fromUtf8(guide.readAll())
                                                              : QStringLiteral("<h2>Your first case</h2>");
    return {
        {QStringLiteral("first-case"), QStringLiteral("Your first case"), guideHtml},
        {QStringLiteral("ratings"), QStringLiteral("The rating scale"), ratingsPage()},
        {QStringLiteral("scores"), QStringLiteral("What the scores mean"), scoresPage(settings)},
        {QStringLiteral("grades"), QStringLiteral("Source grades"), gradesPage(settings)},
        {QStringLiteral("shortcuts"), QStringLiteral("Shortcuts"), shortcutsPage(window)},
    };
}

} // namespace inquest::help

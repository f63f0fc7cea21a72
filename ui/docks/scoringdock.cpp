#include "scoringdock.h"
#include "hypothesiseditor.h"
#include "scoreexplanationview.h"
#include "weightseditor.h"

#include "charts/scorechart.h"
#include "models/scoretablemodel.h"

#include "model/casedocument.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace inquest {

ScoringDock::ScoringDock(CaseDocument *doc, QWidget *parent)
    : QDockWidget(tr("Scoring"), parent)
    , m_doc(doc)
    , m_summary(new QLabel)
    , m_rankingModel(new ScoreTableModel(this))
    , m_rankingView(new QTableView)
    , m_chart(new ScoreChart)
    , m_critical(new QListWidget)
    , m_explanation(new ScoreExplanationView)
    , m_tabs(new QTabWidget)
    , m_hypotheses(new HypothesisEditor(doc))
    , m_weights(new WeightsEditor(doc))
{
    setObjectName(QStringLiteral("scoringDock"));
    m_summary->setObjectName(QStringLiteral("scoreSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMargin(6);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setToolTip(sensitivityFormula());

    m_rankingView->setObjectName(QStringLiteral("rankingView"));
    m_rankingView->setModel(m_rankingModel);
    m_rankingView->verticalHeader()->hide();
    m_rankingView->verticalHeader()->setDefaultSectionSize(m_rankingView->fontMetrics().height() + 6);
    m_rankingView->setSelectionMode(QAbstractItemView::NoSelection);
    m_rankingView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The dock is narrow in the default layout (about 340 px at 1600x1000): the names get the
    // room. The kind is in the name's tooltip; the numbers are as wide as their values or short
    // header labels (the header tooltips explain them). Columns stay resizable.
    QHeaderView *header = m_rankingView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ScoreTableModel::Rank, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ScoreTableModel::Hypothesis, QHeaderView::Stretch);
    m_rankingView->setColumnHidden(ScoreTableModel::Kind, true);

    m_critical->setObjectName(QStringLiteral("criticalList"));
    m_critical->setToolTip(sensitivityFormula());
    connect(m_critical, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const Id id = item->data(Qt::UserRole).value<Id>())
            emit evidenceActivated(id);
    });

    connect(m_explanation, &ScoreExplanationView::evidenceActivated, this, &ScoringDock::evidenceActivated);
    m_tabs->addTab(m_explanation, tr("Why"));
    m_tabs->setTabToolTip(0, tr("Why the leader leads: each accepted item's contribution to every hypothesis "
                                "and to the gap between the first two"));
    m_tabs->addTab(m_critical, tr("Critical evidence"));
    m_tabs->addTab(m_hypotheses, tr("Hypotheses"));
    // The weights need more room than the tab usually has: scroll rather than squash.
    auto *weightsScroll = new QScrollArea;
    weightsScroll->setWidget(m_weights);
    weightsScroll->setWidgetResizable(true);
    weightsScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(weightsScroll, tr("Weights"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_rankingView);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setChildrenCollapsible(false);
    m_chart->setMinimumHeight(180);
    m_tabs->setMinimumHeight(160);
    splitter->setSizes({m_rankingView->minimumHeight(), 240, 320});

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    // A short or narrow dock scrolls instead of forcing its minimum on the whole window row.
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setWidget(scroll);

    // Every change can move a score (a title only changes the critical list's text); the
    // computation is cheap enough to run on each one.
    // Scores come from hypotheses, evidence and the case's settings, never from sources (a
    // folder import adds thousands of those in one go).
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity != Entity::Source)
            recompute();
    });
    recompute();
}

void ScoringDock::recompute()
{
    m_result =
        computeScores(m_doc->hypotheses(), m_doc->evidence(), ScoringSettings::fromJson(m_doc->meta().scoringSettings));
    m_rankingModel->setResult(m_result);
    fitRanking();
    m_chart->setResult(m_result);
    m_explanation->setExplanation(explainScores(m_doc->hypotheses(), m_doc->evidence(), m_result));
    updateSummary();
    updateCritical();
}

void ScoringDock::fitRanking()
{
    // Every hypothesis visible without scrolling (up to ten; more scroll); the numbers as
    // wide as their values.
    const int rows = std::clamp(int(m_result.ranked.size()), 1, 10);
    const int height = m_rankingView->horizontalHeader()->sizeHint().height() +
                       rows * m_rankingView->verticalHeader()->defaultSectionSize() + 2 * m_rankingView->frameWidth() +
                       2;
    m_rankingView->setMinimumHeight(height);
    m_rankingView->setMaximumHeight(height);
    QAbstractItemView *view = m_rankingView; // sizeHintForColumn is public here, protected in QTableView
    for (int c : {ScoreTableModel::Inconsistency, ScoreTableModel::Support, ScoreTableModel::Posterior})
        m_rankingView->setColumnWidth(
            c, std::max(m_rankingView->horizontalHeader()->sectionSizeHint(c), view->sizeHintForColumn(c)));
}

QString ScoringDock::evidenceTitle(Id id) const
{
    const Evidence *e = m_doc->find<Evidence>(id);
    return e ? e->title : QString();
}

QString ScoringDock::hypothesisName(Id id) const
{
    const Hypothesis *h = m_doc->find<Hypothesis>(id);
    return h ? h->name : QString();
}

// How far the weight of the most sensitive item would have to move for another hypothesis to
// draw level with the leader, said as a person would say it.
QString ScoringDock::sensitivitySentence(const QString &item, double factor, const QString &rival)
{
    const QString quoted = QStringLiteral("\u201c%1\u201d").arg(item.toHtmlEscaped());
    const QString who = rival.toHtmlEscaped();
    if (factor < 0.005)
        return tr("Most sensitive item: if %1 were not counted at all, %2 would draw level with the leader.")
            .arg(quoted, who);
    if (factor < 1.0)
        return tr("Most sensitive item: if %1 counted for only %2% of its weight, %3 would draw level with the leader.")
            .arg(quoted)
            .arg(qRound(factor * 100))
            .arg(who);
    return tr("Most sensitive item: if %1 counted %2 times as much, %3 would draw level with the leader.")
        .arg(quoted)
        .arg(factor, 0, 'f', factor < 10 ? 1 : 0)
        .arg(who);
}

void ScoringDock::updateSummary()
{
    const HypothesisScore *lead = m_result.leading();
    if (!lead) {
        m_summary->setText(tr("No hypotheses: add some under <i>Hypotheses</i>."));
        return;
    }
    const bool byPosterior = m_result.rankBy == ScoringSettings::RankBy::Posterior;
    QString text = tr("Leading: <b>%1</b> (%2)").arg(lead->name.toHtmlEscaped(), toString(lead->kind));
    if (m_result.ranked.size() > 1) {
        const HypothesisScore &second = m_result.ranked[1];
        if (m_result.margin == 0.0) {
            // Every hypothesis tied for first is named: a tie of five is not a tie of two.
            QStringList names;
            for (const HypothesisScore &h : m_result.tiedForFirst())
                names.append(QStringLiteral("<b>%1</b>").arg(h.name.toHtmlEscaped()));
            const QString last = names.takeLast();
            text = names.isEmpty() ? tr("<b>Tie</b>: %1").arg(last)
                                   : tr("<b>Tie</b> between %1 and %2").arg(names.join(QStringLiteral(", ")), last);
        } else if (byPosterior)
            text += tr(" \u2014 odds %1 : 1 over %2")
                        .arg(std::exp(m_result.margin), 0, 'f', 2)
                        .arg(second.name.toHtmlEscaped());
        else
            text += tr(" \u2014 margin %1 over %2").arg(m_result.margin, 0, 'f', 2).arg(second.name.toHtmlEscaped());
    }
    text += tr("<br>%1 accepted item(s) scored, ranked by %2; %3 critical.")
                .arg(m_result.counted)
                .arg(byPosterior ? tr("posterior") : tr("weighted inconsistency"))
                .arg(m_result.critical.size());
    if (const ScoreExplanation &why = m_explanation->explanation(); !why.tie && why.runnerUp()) {
        if (const QString gap = why.gapItems(); !gap.isEmpty())
            text += QStringLiteral("<br>") + tr("Most of the margin (see <i>Why</i>): %1").arg(gap.toHtmlEscaped());
    }
    if (const EvidenceSensitivity *s = m_result.mostSensitive())
        text += QStringLiteral("<br>") +
                sensitivitySentence(evidenceTitle(s->id), *s->flipFactor, hypothesisName(s->flipsTo));
    m_summary->setText(text);
}

void ScoringDock::updateCritical()
{
    m_critical->clear();
    for (Id id : std::as_const(m_result.critical)) {
        const EvidenceSensitivity *s = m_result.sensitivity(id);
        auto *item = new QListWidgetItem(
            tr("#%1 %2 \u2014 without it %3 leads").arg(id).arg(evidenceTitle(id), hypothesisName(s->leaderWithout)));
        item->setData(Qt::UserRole, id);
        m_critical->addItem(item);
    }
    if (m_result.critical.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No single item changes the leader when left out."));
        item->setFlags(Qt::NoItemFlags);
        m_critical->addItem(item);
    }
    m_tabs->setTabText(m_tabs->indexOf(m_critical), tr("Critical evidence (%1)").arg(m_result.critical.size()));
}

} // namespace inquest

#include "scoreexplanationview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace inquest {

namespace {
enum Column { Title, Gap, FirstHypothesis };

QString ratingText(Rating r)
{
    const QString t = toString(r);
    return t.isEmpty() ? QStringLiteral("\u2014") : t;
}
} // namespace

ScoreExplanationView::ScoreExplanationView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_table(new QTableWidget)
{
    setObjectName(QStringLiteral("scoreExplanation"));
    m_summary->setObjectName(QStringLiteral("explanationSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMargin(4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("explanationTable"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setMinimumSectionSize(36);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (const QTableWidgetItem *item = m_table->item(row, Title))
            emit evidenceActivated(item->data(Qt::UserRole).value<Id>());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void ScoreExplanationView::setExplanation(const ScoreExplanation &x)
{
    m_explanation = x;
    m_summary->setText(x.summary());
    const HypothesisScore *lead = x.leader();
    const HypothesisScore *second = x.runnerUp();
    const int columns = FirstHypothesis + int(x.hypotheses.size());
    m_table->clear();
    m_table->setColumnCount(columns);
    m_table->setRowCount(int(x.items.size()));
    QStringList header{tr("Evidence"), tr("\u0394")};
    for (const HypothesisScore &h : x.hypotheses)
        header.append(h.name);
    m_table->setHorizontalHeaderLabels(header);
    if (lead && second) {
        m_table->horizontalHeaderItem(Gap)->setToolTip(
            x.tie ? tr("What the item adds to %1 minus what it adds to %2 (tied: the sum is 0)")
                        .arg(lead->name, second->name)
                  : tr("What the item adds to %1 (leading) minus what it adds to %2 (second), in %3: the "
                       "column sums to the margin %4")
                        .arg(lead->name, second->name, x.measure, QString::number(x.margin, 'f', 2)));
    }
    for (int j = 0; j < int(x.hypotheses.size()); ++j) {
        const HypothesisScore &h = x.hypotheses[j];
        m_table->horizontalHeaderItem(FirstHypothesis + j)
            ->setToolTip(tr("%1 (rank %2%3): each item's contribution to its %4, and its rating")
                             .arg(h.name)
                             .arg(h.rank)
                             .arg(x.tie && h.rank == 1 ? tr(", tied") : QString())
                             .arg(x.measure));
    }
    for (int r = 0; r < int(x.items.size()); ++r) {
        const ScoreExplanation::Item &item = x.items[r];
        const QString tip = rowToolTip(item);
        auto *title = new QTableWidgetItem(item.title);
        title->setData(Qt::UserRole, item.evidence);
        m_table->setItem(r, Title, title);
        auto *gap = new QTableWidgetItem(second ? signedNumber(item.difference) : QString());
        gap->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (std::abs(item.difference) >= 0.005)
            gap->setForeground(item.difference > 0 ? QColor(0x1b, 0x7a, 0x2e) : QColor(0xb0, 0x2a, 0x1e));
        m_table->setItem(r, Gap, gap);
        for (int j = 0; j < int(x.hypotheses.size()); ++j) {
            const Id h = x.hypotheses[j].id;
            auto *cell = new QTableWidgetItem(QStringLiteral("%1 %2").arg(signedNumber(item.contribution.value(h)),
                                                                          ratingText(item.ratings.value(h))));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, FirstHypothesis + j, cell);
        }
        for (int c = 0; c < columns; ++c)
            m_table->item(r, c)->setToolTip(tip);
    }
    m_table->resizeColumnsToContents();
    fitColumns();
}

void ScoreExplanationView::fitColumns()
{
    // The title takes what the numbers leave, but keeps room for a few words: in a narrow
    // dock the hypotheses scroll sideways rather than squeeze the title to nothing.
    int numbers = 0;
    for (int c = Gap; c < m_table->columnCount(); ++c)
        numbers += m_table->columnWidth(c);
    const int room = m_table->viewport()->width() - numbers;
    m_table->setColumnWidth(Title, std::max(m_table->fontMetrics().averageCharWidth() * 20, room));
}

void ScoreExplanationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

QString ScoreExplanationView::rowToolTip(const ScoreExplanation::Item &item) const
{
    QStringList lines{QStringLiteral("<b>%1</b>").arg(item.title.toHtmlEscaped()),
                      tr("weight %1 (grade \u00d7 relevance)").arg(item.weight, 0, 'f', 2)};
    for (const HypothesisScore &h : m_explanation.hypotheses)
        lines.append(tr("%1: %2 \u2192 %3")
                         .arg(h.name.toHtmlEscaped(), ratingText(item.ratings.value(h.id)),
                              signedNumber(item.contribution.value(h.id))));
    if (const HypothesisScore *second = m_explanation.runnerUp())
        lines.append(tr("\u0394 %1 \u2212 %2: <b>%3</b>")
                         .arg(m_explanation.leader()->name.toHtmlEscaped(), second->name.toHtmlEscaped(),
                              signedNumber(item.difference)));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace inquest

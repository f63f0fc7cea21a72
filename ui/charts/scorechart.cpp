#include "scorechart.h"

#include "scoring/scores.h"

#include <algorithm>

namespace inquest {

ScoreChart::ScoreChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_inconsistency(new QCPBars(yAxis, xAxis))
    , m_support(new QCPBars(yAxis, xAxis))
{
    setObjectName(QStringLiteral("scoreChart"));
    m_inconsistency->setName(tr("Weighted inconsistency"));
    m_inconsistency->setPen(QPen(QColor(0xb2, 0x3a, 0x2e)));
    m_inconsistency->setBrush(QColor(0xe0, 0x6c, 0x5c));
    m_support->setName(tr("Support"));
    m_support->setPen(QPen(QColor(0x2e, 0x7d, 0x32)));
    m_support->setBrush(QColor(0x81, 0xc7, 0x84));
    for (QCPBars *bars : {m_inconsistency, m_support})
        bars->setWidth(0.6);
    yAxis->setRangeReversed(true); // rank 1 on top
    yAxis->grid()->setVisible(false);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    xAxis->grid()->setZeroLinePen(QPen(Qt::black));
    xAxis->setLabel(tr("\u2190 inconsistency   |   support \u2192"));
    // The legend goes in a row of its own under the axis rect, so it never covers a bar.
    legend->setVisible(true);
    legend->setFont(font());
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    axisRect()->insetLayout()->take(legend);
    auto *legendRow = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, legendRow);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    legendRow->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    setMinimumHeight(140);
    setToolTip(inconsistencyFormula() + u'\n' + supportFormula());
}

void ScoreChart::setResult(const ScoreResult &result)
{
    QVector<double> keys, inconsistency, support;
    QVector<QString> labels;
    double extent = 1.0;
    for (qsizetype i = 0; i < result.ranked.size(); ++i) {
        const HypothesisScore &s = result.ranked[i];
        keys.append(double(i + 1));
        inconsistency.append(s.inconsistency);
        support.append(s.support);
        labels.append(QStringLiteral("%1. %2").arg(s.rank).arg(s.name));
        extent = std::max({extent, -s.inconsistency, s.support});
    }
    m_inconsistency->setData(keys, inconsistency, true);
    m_support->setData(keys, support, true);
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(yAxis->ticker());
    ticker->setTicks(keys, labels);
    yAxis->setRange(0.4, std::max<double>(1, double(keys.size())) + 0.6);
    xAxis->setRange(-extent * 1.08, extent * 1.08);
    replot(rpQueuedReplot);
}

} // namespace inquest

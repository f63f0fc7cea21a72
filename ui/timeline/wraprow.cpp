#include "wraprow.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QResizeEvent>

namespace inquest {

WrapRow::WrapRow(QWidget *parent)
    : QWidget(parent)
    , m_leadBox(new QWidget)
    , m_trailBox(new QWidget)
    , m_lead(new QHBoxLayout(m_leadBox))
    , m_trail(new QHBoxLayout(m_trailBox))
{
    m_lead->setContentsMargins(0, 0, 0, 0);
    m_trail->setContentsMargins(0, 0, 0, 0);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    arrange(false);
}

QSize WrapRow::minimumSizeHint() const
{
    // As narrow as the longer line; as tall as the lines are now (one or two).
    const QSize lead = m_leadBox->minimumSizeHint(), trail = m_trailBox->minimumSizeHint();
    const int height = m_wrapped ? lead.height() + 2 + trail.height() : qMax(lead.height(), trail.height());
    return {qMax(lead.width(), trail.width()), height};
}

QSize WrapRow::oneLineSize() const
{
    const int spacing = layout()->spacing() > 0 ? layout()->spacing() : 6;
    const QSize lead = m_leadBox->minimumSizeHint(), trail = m_trailBox->minimumSizeHint();
    return {lead.width() + spacing + trail.width(), qMax(lead.height(), trail.height())};
}

void WrapRow::arrange(bool wrapped)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    grid->removeWidget(m_leadBox);
    grid->removeWidget(m_trailBox);
    grid->addWidget(m_leadBox, 0, 0);
    grid->addWidget(m_trailBox, wrapped ? 1 : 0, wrapped ? 0 : 1);
    grid->setColumnStretch(0, wrapped ? 1 : 3);
    grid->setColumnStretch(1, wrapped ? 0 : 2);
    m_wrapped = wrapped;
    updateGeometry(); // the height hint changed with the lines
}

void WrapRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Whether both fit side by side depends on the width alone, so this never flips back and forth.
    const bool wrap = event->size().width() < oneLineSize().width();
    if (wrap != m_wrapped)
        arrange(wrap);
}

} // namespace inquest

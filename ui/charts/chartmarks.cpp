#include "chartmarks.h"
#include "chartplot.h"

#include "model/casedata.h"

#include <QFontMetrics>
#include <QHash>

namespace inquest {

namespace {

constexpr int MaxLabelRows = 4;
constexpr int MaxLabelChars = 30;

QColor colourOf(ChartMarks::Mark::Kind kind)
{
    switch (kind) {
    case ChartMarks::Mark::Statement:
        return QColor(0x45, 0x2E, 0x8C);
    case ChartMarks::Mark::Outage:
        return QColor(0xB0, 0x00, 0x20);
    case ChartMarks::Mark::Finding:
        return QColor(0xD5, 0x5E, 0x00);
    case ChartMarks::Mark::Note:
        return QColor(0x55, 0x55, 0x55);
    case ChartMarks::Mark::Evidence:
        return QColor(0x00, 0x80, 0x50);
    }
    return Qt::black;
}

QString shortLabel(const QString &text)
{
    const QString simple = text.simplified();
    return simple.size() <= MaxLabelChars ? simple : simple.left(MaxLabelChars - 1) + u'\u2026';
}

} // namespace

ChartMarks::ChartMarks(ChartPlot *plot)
    : QObject(plot)
    , m_plot(plot)
{
    // Labels are placed in pixels, so redo it whenever the layout may have moved the axes.
    connect(m_plot, &QCustomPlot::afterLayout, this, &ChartMarks::layoutLabels);
}

ChartMarks::~ChartMarks() = default;

QList<ChartMarks::Mark> ChartMarks::fromCase(const CaseData &data)
{
    QList<Mark> marks;
    for (const Statement &s : data.statements) {
        const QString who = !s.organisation.isEmpty() ? s.organisation : s.speaker;
        for (const TimeRef &t : s.times)
            marks.append(
                {Mark::Statement, s.id, t.begin, t.end, who.isEmpty() ? QObject::tr("statement") : who, s.quote});
    }
    for (const Marker &m : data.markers) {
        const Mark::Kind kind = m.kind == MarkerKind::Outage    ? Mark::Outage
                                : m.kind == MarkerKind::Finding ? Mark::Finding
                                                                : Mark::Note;
        QString label = m.label;
        if (label.isEmpty())
            label = kind == Mark::Outage ? QObject::tr("outage") : toString(m.kind);
        if (!m.site.isEmpty())
            label += QStringLiteral(" (%1)").arg(m.site);
        marks.append({kind, m.id, m.begin, m.end, label, m.origin});
    }
    for (const Evidence &e : data.evidence) {
        if (e.provenance.hasTimeRange())
            marks.append({Mark::Evidence, e.id, e.provenance.timeBegin, e.provenance.timeEnd, e.title, e.description});
    }
    return marks;
}

void ChartMarks::clear()
{
    for (const auto &items : std::as_const(m_items)) {
        for (QCPAbstractItem *item : items)
            m_plot->removeItem(item);
    }
    m_items.clear();
    m_labels.clear();
}

void ChartMarks::setMarks(const QList<Mark> &marks)
{
    clear();
    m_marks = marks;
    // Several marks over one range (the outage, its findings, the evidence resting on them)
    // are shaded once, by the first of the strongest kind: stacked fills turned the window so
    // dark that the curves in it were hard to read.
    const auto strength = [](Mark::Kind k) {
        return k == Mark::Outage ? 4 : k == Mark::Finding ? 3 : k == Mark::Note ? 2 : k == Mark::Evidence ? 1 : 0;
    };
    QHash<QPair<qint64, qint64>, qsizetype> shading; // range → the mark that shades it
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const auto range = qMakePair(qint64(marks[i].begin), qint64(marks[i].end));
        const auto it = shading.constFind(range);
        if (it == shading.cend() || strength(marks[i].kind) > strength(marks[*it].kind))
            shading.insert(range, i);
    }
    for (qsizetype index = 0; index < marks.size(); ++index) {
        const Mark &mark = marks[index];
        const bool shades = shading.value(qMakePair(qint64(mark.begin), qint64(mark.end))) == index;
        const QColor colour = colourOf(mark.kind);
        const bool span = mark.end > mark.begin;
        QList<QCPAbstractItem *> items;
        for (int p = 0; p < ChartPlot::PaneCount; ++p) {
            QCPAxisRect *rect = m_plot->pane(ChartPlot::Pane(p));
            QCPAbstractItem *item = nullptr;
            QList<QCPItemPosition *> positions;
            if (span) {
                auto *r = new QCPItemRect(m_plot);
                QColor fill = colour;
                // Evidence ranges often repeat an outage or a finding: kept faint so that several
                // stacked over one window still let the curves through.
                fill.setAlpha(mark.kind == Mark::Outage ? 45 : mark.kind == Mark::Evidence ? 14 : 22);
                r->setBrush(shades ? QBrush(fill) : QBrush(Qt::NoBrush));
                r->setPen(mark.kind == Mark::Outage ? QPen(colour, 1) : Qt::NoPen);
                positions = {r->topLeft, r->bottomRight};
                item = r;
            } else {
                auto *l = new QCPItemLine(m_plot);
                l->setPen(QPen(colour, 1.2, mark.kind == Mark::Statement ? Qt::DashLine : Qt::SolidLine));
                positions = {l->start, l->end};
                item = l;
            }
            for (QCPItemPosition *pos : positions) {
                pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
                pos->setAxisRect(rect);
                pos->setTypeX(QCPItemPosition::ptPlotCoords);
                pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            // Coordinates after the types: changing a type keeps the pixel position instead.
            positions[0]->setCoords(double(mark.begin) / 1e6, 0);
            positions[1]->setCoords(double(span ? mark.end : mark.begin) / 1e6, 1);
            item->setClipAxisRect(rect);
            item->setLayer(QStringLiteral("grid")); // under the curves
            item->setSelectable(false);
            items.append(item);
        }
        // The label, top of the traffic pane, drawn above the curves.
        auto *text = new QCPItemText(m_plot);
        QCPAxisRect *top = m_plot->pane(ChartPlot::Traffic);
        text->position->setAxes(top->axis(QCPAxis::atBottom), top->axis(QCPAxis::atLeft));
        text->position->setAxisRect(top);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->setClipAxisRect(top);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        text->setText(shortLabel(mark.label));
        text->setColor(colour);
        QFont f = m_plot->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        text->setFont(f);
        text->setBrush(QColor(255, 255, 255, 215));
        text->setPadding(QMargins(3, 1, 3, 1));
        text->setLayer(QStringLiteral("legend"));
        text->setSelectable(false);
        items.append(text);
        m_items.append(items);
        m_labels.append(text);
    }
    layoutLabels();
}

void ChartMarks::layoutLabels()
{
    // Greedy rows: a label goes into the first row whose previous label ends before it starts.
    QCPAxis *x = m_plot->timeAxis();
    QCPAxisRect *top = m_plot->pane(ChartPlot::Traffic);
    QList<int> order;
    for (int i = 0; i < m_labels.size(); ++i)
        order.append(i);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_marks[a].begin < m_marks[b].begin; });
    double rowEnd[MaxLabelRows];
    std::fill(std::begin(rowEnd), std::end(rowEnd), -1e9);
    const double rowHeight = QFontMetrics(m_labels.isEmpty() ? m_plot->font() : m_labels.first()->font()).height() + 3;
    const double height = qMax(1, top->height());
    // The pane's caption (top right) is no place for a label: rows it reaches skip its width.
    const QCPItemText *caption = m_plot->caption(ChartPlot::Traffic);
    const double captionLeft = caption->topLeft->pixelPosition().x();
    const double captionBottom = caption->bottomLeft->pixelPosition().y() - top->top();
    auto hitsCaption = [&](int row, double px, double w) {
        const double y = 2 + row * rowHeight;
        return caption->visible() && y < captionBottom + 3 && px + w > captionLeft;
    };
    for (int i : order) {
        QCPItemText *text = m_labels[i];
        const double px = x->coordToPixel(double(m_marks[i].begin) / 1e6) + 3;
        const double w = QFontMetrics(text->font()).horizontalAdvance(text->text()) + 8;
        int row = 0;
        while (row < MaxLabelRows && (rowEnd[row] > px || hitsCaption(row, px, w)))
            ++row;
        const bool onScreen = px + w > top->left() && px < top->right();
        text->setVisible(row < MaxLabelRows && onScreen);
        if (row >= MaxLabelRows)
            continue;
        rowEnd[row] = px + w;
        text->position->setCoords(x->pixelToCoord(qMax(px, double(top->left()) + 2)), (2 + row * rowHeight) / height);
    }
}

Id ChartMarks::markerAt(const QPoint &pos) const
{
    const double key = m_plot->timeAxis()->pixelToCoord(pos.x()) * 1e6;
    const double slop =
        m_plot->timeAxis()->range().size() * 1e6 * 4 / qMax(1, m_plot->pane(ChartPlot::Traffic)->width());
    for (const Mark &m : m_marks) {
        if (m.kind != Mark::Outage && m.kind != Mark::Finding && m.kind != Mark::Note)
            continue;
        if (key >= double(m.begin) - slop && key <= double(m.end) + slop)
            return m.id;
    }
    return 0;
}

void ChartMarks::setHighlight(qint64 beginUs, qint64 endUs)
{
    for (QCPAbstractItem *item : std::as_const(m_highlightItems))
        m_plot->removeItem(item);
    m_highlightItems.clear();
    m_highlight = endUs > beginUs ? std::pair(beginUs, endUs) : std::pair<qint64, qint64>(0, 0);
    if (endUs <= beginUs)
        return;
    const QColor colour(0x00, 0x72, 0xB2);
    QColor fill = colour;
    fill.setAlpha(40);
    for (int p = 0; p < ChartPlot::PaneCount; ++p) {
        QCPAxisRect *rect = m_plot->pane(ChartPlot::Pane(p));
        auto *r = new QCPItemRect(m_plot);
        r->setBrush(fill);
        r->setPen(QPen(colour, 2));
        for (QCPItemPosition *pos : {r->topLeft, r->bottomRight}) {
            pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            pos->setAxisRect(rect);
            pos->setTypeX(QCPItemPosition::ptPlotCoords);
            pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        r->topLeft->setCoords(double(beginUs) / 1e6, 0);
        r->bottomRight->setCoords(double(endUs) / 1e6, 1);
        r->setClipAxisRect(rect);
        r->setLayer(QStringLiteral("grid")); // under the curves, like the other marks
        r->setSelectable(false);
        m_highlightItems.append(r);
    }
}

QList<QCPItemText *> ChartMarks::labels() const { return m_labels; }

void ChartMarks::moveMark(int index, qint64 beginUs, qint64 endUs)
{
    if (index < 0 || index >= m_marks.size())
        return;
    m_marks[index].begin = beginUs;
    m_marks[index].end = endUs;
    for (QCPAbstractItem *item : std::as_const(m_items[index])) {
        if (auto *r = qobject_cast<QCPItemRect *>(item)) {
            r->topLeft->setCoords(double(beginUs) / 1e6, 0);
            r->bottomRight->setCoords(double(endUs) / 1e6, 1);
        }
    }
    layoutLabels();
}

} // namespace inquest

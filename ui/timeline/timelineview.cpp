#include "timelineview.h"
#include "analysis/filterexpression.h"
#include "rawlinepanel.h"
#include "remoterowspanel.h"
#include "timelinefilterbar.h"
#include "timelinefindbar.h"
#include "timelinerowactions.h"

#include "models/timelinemodel.h"

#include "analysis/searchcontroller.h"
#include "analysis/timelinecontroller.h"
#include "model/casedocument.h"
#include "model/sites.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace inquest {

TimelineView::TimelineView(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_controller(new TimelineController(this))
    , m_model(new TimelineModel(this))
    , m_filterBar(new TimelineFilterBar)
    , m_view(new QTableView)
    , m_rawLine(new RawLinePanel)
    , m_remoteRows(new RemoteRowsPanel(doc))
    , m_findBar(new TimelineFindBar)
    , m_search(new SearchController(this))
    , m_rowActions(new TimelineRowActions(doc, this))
    , m_count(new QLabel)
    , m_emptyHint(new QLabel(tr("All imported log lines, merged by time.\nImport logs (File \u2192 Import "
                                "Logs\u2026) to fill it.")))
    , m_rawToggle(new QToolButton)
{
    setObjectName(QStringLiteral("timelineDock"));
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several lines: evidence, marks
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Millions of rows: fixed, uniform row heights and fixed column widths, never measured
    // from the contents.
    QHeaderView *rows = m_view->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    setColumnWidths();

    m_emptyHint->setObjectName(QStringLiteral("timelineEmptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setEnabled(false);
    auto *hintLayout = new QVBoxLayout(m_view->viewport());
    hintLayout->addWidget(m_emptyHint);

    m_count->setObjectName(QStringLiteral("timelineCount"));
    m_rawToggle->setText(tr("Raw line"));
    m_rawToggle->setToolTip(tr("Show the original line of the selected event"));
    m_rawToggle->setCheckable(true);
    m_rawToggle->setChecked(true);
    connect(m_rawToggle, &QToolButton::toggled, m_rawLine, &QWidget::setVisible);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 4, 0);
    top->addWidget(m_filterBar, 1);
    top->addWidget(m_count);
    top->addWidget(m_rawToggle);

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(m_remoteRows);
    splitter->addWidget(m_rawLine);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1); // the remote rows, hidden without remote sources
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({700, 250, m_rawLine->sizeHint().height()});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_findBar);
    layout->addWidget(splitter, 1);
    m_findBar->hide();

    // Shortcuts of the timeline as a whole, whichever of its widgets has focus.
    auto shortcut = [this](const QKeySequence &keys, void (TimelineView::*slot)()) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, &TimelineView::openFind);
    shortcut(QKeySequence(Qt::Key_F3), &TimelineView::findNext);
    shortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), &TimelineView::findPrevious);
    connect(m_findBar, &TimelineFindBar::patternChanged, this, &TimelineView::startSearch);
    connect(m_findBar, &TimelineFindBar::next, this, &TimelineView::findNext);
    connect(m_findBar, &TimelineFindBar::previous, this, &TimelineView::findPrevious);
    connect(m_findBar, &TimelineFindBar::closed, this, [this] {
        m_search->search(m_controller->index(), m_controller->rows(), QString());
        m_view->setFocus();
    });
    connect(m_search, &SearchController::updated, this, &TimelineView::searchUpdated);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TimelineView::showRowMenu);
    // A bare clock time typed into the filter is on the day shown, in the case's display zone.
    applyDisplayZone();
    m_filterBar->setClockDay([this] {
        ClockDay day;
        day.zone = m_doc->meta().displayTimeZone.toUtf8();
        QModelIndex at = m_view->currentIndex();
        if (!at.isValid())
            at = m_view->indexAt(QPoint(0, 0));
        if (at.isValid())
            day.referenceUs = m_model->timelineIndex()->timeOf(m_model->entryAt(at.row()));
        else if (m_controller->index()->size() > 0)
            day.referenceUs = m_controller->index()->timeOf(m_controller->index()->entries().front());
        return day;
    });

    connect(m_filterBar, &TimelineFilterBar::filterChanged, m_controller, &TimelineController::setFilter);
    connect(m_filterBar, &TimelineFilterBar::filterChanged, m_remoteRows, &RemoteRowsPanel::setFilter);
    connect(m_controller, &TimelineController::updated, this, &TimelineView::timelineUpdated);
    connect(m_controller, &TimelineController::busyChanged, this, &TimelineView::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelineView::currentRowChanged);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const uint64_t e = m_model->entryAt(index.row());
        emit rowActivated(m_model->timelineIndex()->sourceOf(e).id, qint64(timeline::rowOf(e)));
    });
    connect(m_doc, &CaseDocument::changed, this, &TimelineView::documentChanged);
    rebuild();
}

QSize TimelineView::sizeForRows(int rows) const
{
    const QSize filters = m_filterBar->oneLineSize();
    // The event count and the Raw line button beside the filters; a count of a few million.
    const int beside = m_count->fontMetrics().horizontalAdvance(tr("%L1 events").arg(9999999)) +
                       m_rawToggle->sizeHint().width() + 2 * style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
    const int table = 2 * m_view->frameWidth() + m_view->horizontalHeader()->sizeHint().height() +
                      style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                      rows * m_view->verticalHeader()->defaultSectionSize();
    const int height = qMax(filters.height(), m_rawToggle->sizeHint().height()) + table + m_splitter->handleWidth() +
                       m_rawLine->sizeHint().height();
    return {filters.width() + beside + 4, height};
}

TimelineView::~TimelineView() = default;

void TimelineView::showTimeRange(qint64 beginUs, qint64 endUs, const QString &site)
{
    m_scrollTo = beginUs;
    m_selectEntry.reset();
    m_filterBar->setTimeRange(beginUs, endUs, site);
    goIfUnchanged();
}

bool TimelineView::showFilter(const QString &expression, qint64 beginUs, qint64 endUs)
{
    EventFilter f;
    QString error;
    if (!parseFilterExpression(expression, &f, &error))
        return false;
    f.from = beginUs;
    f.to = endUs;
    m_scrollTo = beginUs;
    m_selectEntry.reset();
    m_filterBar->setFilter(f);
    goIfUnchanged();
    return true;
}

void TimelineView::goIfUnchanged()
{
    // The same filter again brings no new result (and no busy filtering is under way): go now.
    if ((m_scrollTo || m_selectEntry) && !m_controller->isBusy())
        timelineUpdated();
}

bool TimelineView::showSourceLines(Id sourceId, qint64 firstLine, qint64 lastLine)
{
    const TimelineIndex &index = *m_controller->index();
    const auto &sources = index.sources();
    const auto it =
        std::find_if(sources.begin(), sources.end(), [sourceId](const TimelineSource &s) { return s.id == sourceId; });
    if (it == sources.end() || lastLine < firstLine)
        return false;
    // Rows are in file order, so line numbers ascend; the times of those rows need not.
    const std::vector<uint32_t> &lines = it->table->line;
    const auto b =
        std::lower_bound(lines.begin(), lines.end(), uint64_t(firstLine), [](uint32_t l, uint64_t v) { return l < v; });
    const auto e = std::upper_bound(b, lines.end(), uint64_t(lastLine), [](uint64_t v, uint32_t l) { return v < l; });
    if (b == e)
        return false;
    const std::size_t first = std::size_t(b - lines.begin());
    const auto &time = it->table->time;
    const auto [lo, hi] = std::minmax_element(time.begin() + std::ptrdiff_t(first), time.begin() + (e - lines.begin()));
    m_scrollTo.reset();
    m_selectEntry = timeline::pack(uint32_t(it - sources.begin()), first);
    m_filterBar->setSourceRange(sourceId, *lo, *hi + 1);
    goIfUnchanged();
    return true;
}

void TimelineView::documentChanged(const ChangeEvent &event)
{
    applyDisplayZone();
    // Another case (New, Open, Reload): the last case's filters would hide its lines.
    if (event.entity == Entity::Case && event.action == ChangeAction::Reset)
        m_filterBar->clear();
    if (event.entity == Entity::EventMark || event.action == ChangeAction::Reset)
        m_model->setEventMarks(m_doc->eventMarks());
    // Coalesced: importing a folder adds thousands of sources in one go, and the index is
    // rebuilt once when control returns to the event loop rather than once per source.
    const bool renamed = event.entity == Entity::Case && SiteRule::of(m_doc->meta()).renames() != m_siteRenames;
    if ((event.entity == Entity::Source || renamed ||
         (event.entity == Entity::Case && event.action == ChangeAction::Reset)) &&
        !std::exchange(m_rebuildQueued, true)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_rebuildQueued = false;
                rebuild();
            },
            Qt::QueuedConnection);
    }
}

void TimelineView::rebuild()
{
    const SiteRule rule = SiteRule::of(m_doc->meta());
    m_siteRenames = rule.renames();
    m_controller->setSources(timelineSources(m_doc->sources(), rule));
}

void TimelineView::timelineUpdated()
{
    const TimelineIndex *index = m_controller->index().get();
    // Keep the selected event selected when only the filter changed.
    std::optional<uint64_t> selected = std::exchange(m_selectEntry, std::nullopt);
    const QModelIndex current = m_view->currentIndex();
    if (!selected && current.isValid() && m_model->timelineIndex() == index)
        selected = m_model->entryAt(current.row());

    m_model->setRows(m_controller->index(), m_controller->rows());
    startSearch(); // the hits were positions in the rows just replaced
    if (m_shownIndex != index) {
        m_shownIndex = index;
        m_filterBar->setChoices(index->sites(), index->sources());
    }
    updateCount();

    int row = -1;
    if (m_scrollTo) {
        row = m_model->rowAtOrAfter(*m_scrollTo);
        m_scrollTo.reset();
    } else if (selected) {
        const auto &rows = *m_controller->rows();
        for (std::size_t i = index->lowerBound(rows, index->timeOf(*selected));
             i < rows.size() && index->timeOf(rows[i]) == index->timeOf(*selected); ++i) {
            if (rows[i] == *selected) {
                row = int(i);
                break;
            }
        }
    }
    if (row >= 0 && row < m_model->rowCount()) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    } else {
        m_rawLine->clear();
    }
}

void TimelineView::openFind() { m_findBar->activate(); }

void TimelineView::findNext() { goToHit(true); }

void TimelineView::findPrevious() { goToHit(false); }

void TimelineView::startSearch()
{
    if (m_findBar->isVisible())
        m_search->search(m_controller->index(), m_controller->rows(), m_findBar->pattern());
}

void TimelineView::searchUpdated()
{
    m_model->setHits(m_search->hits());
    if (!m_search->error().isEmpty()) {
        m_findBar->showError(m_search->error());
        return;
    }
    updateFindCount();
}

void TimelineView::updateFindCount()
{
    if (!m_search->error().isEmpty())
        return;
    const std::vector<std::size_t> &hits = *m_search->hits();
    const QModelIndex current = m_view->currentIndex();
    std::size_t n = 0;
    if (current.isValid()) {
        const auto it = std::lower_bound(hits.begin(), hits.end(), std::size_t(current.row()));
        if (it != hits.end() && *it == std::size_t(current.row()))
            n = std::size_t(it - hits.begin()) + 1;
    }
    m_findBar->showCount(n, hits.size(), m_search->isBusy());
}

void TimelineView::goToHit(bool forward)
{
    if (!m_findBar->isVisible()) {
        openFind();
        return;
    }
    const std::vector<std::size_t> &hits = *m_search->hits();
    if (hits.empty() || m_search->isBusy())
        return;
    const QModelIndex current = m_view->currentIndex();
    std::size_t target;
    if (forward) {
        const auto it =
            current.isValid() ? std::upper_bound(hits.begin(), hits.end(), std::size_t(current.row())) : hits.begin();
        target = it == hits.end() ? hits.front() : *it; // past the last hit: wrap to the first
    } else {
        const auto it =
            current.isValid() ? std::lower_bound(hits.begin(), hits.end(), std::size_t(current.row())) : hits.end();
        target = it == hits.begin() ? hits.back() : *(it - 1);
    }
    if (target >= std::size_t(m_model->rowCount()))
        return;
    const QModelIndex index = m_model->index(int(target), current.isValid() ? current.column() : 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

std::vector<EventRef> TimelineView::selectedEvents() const
{
    std::vector<EventRef> out;
    const auto index = m_model->timelineIndex();
    if (!index)
        return out;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        const uint64_t e = m_model->entryAt(i.row());
        out.push_back({index->sourceOf(e).id, std::size_t(timeline::rowOf(e))});
    }
    return out;
}

void TimelineView::showRowMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    if (!at.isValid())
        return;
    const uint64_t e = m_model->entryAt(at.row());
    const EventTable &t = *m_model->timelineIndex()->sourceOf(e).table;
    const std::size_t r = timeline::rowOf(e);
    QMenu menu(this);
    auto offer = [&](const QString &label, uint32_t id, TimelineFilterBar::Exact column) {
        if (id == 0)
            return; // the row has no such value
        const std::string_view v = t.strings.view(id);
        const QString value = QString::fromUtf8(v.data(), qsizetype(v.size()));
        QAction *action = menu.addAction(label.arg(value.size() > 60 ? value.left(57) + u"\u2026"_qs : value));
        connect(action, &QAction::triggered, this, [this, column, value] { m_filterBar->setExact(column, value); });
    };
    offer(tr("Filter by this host (%1)"), t.host[r], TimelineFilterBar::Exact::Host);
    offer(tr("Filter by this client (%1)"), t.client[r], TimelineFilterBar::Exact::Client);
    offer(tr("Filter by this path (%1)"), t.path[r], TimelineFilterBar::Exact::Path);
    m_rowActions->addToMenu(&menu, selectedEvents(), this);
    if (!menu.isEmpty())
        menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TimelineView::currentRowChanged()
{
    if (m_findBar->isVisible())
        updateFindCount();
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_rawLine->clear();
        return;
    }
    const uint64_t e = m_model->entryAt(current.row());
    m_rawLine->showLine(m_model->timelineIndex()->sourceOf(e), timeline::rowOf(e));
}

void TimelineView::updateCount()
{
    const std::size_t total = m_controller->index()->size();
    const std::size_t shown = m_controller->rows()->size();
    QString text = shown == total ? tr("%L1 events").arg(total) : tr("%L1 of %L2 events").arg(shown).arg(total);
    if (m_controller->isBusy())
        text += tr(" (working\u2026)");
    m_count->setText(text);
    m_emptyHint->setVisible(total == 0 && !m_controller->isBusy());
}

void TimelineView::setColumnWidths()
{
    const QFontMetrics fm = m_view->fontMetrics();
    auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 18; };
    // Sized for typical values, not measured from millions of rows; people can drag them.
    const int widths[] = {
        width(QStringLiteral("2010-12-12 21:45:00.000")), // time
        width(QStringLiteral("www.shop.example")),        // site
        width(QStringLiteral("access.log.1.gz")),         // source
        width(QStringLiteral("2001:db8::8a2e:370")),      // client
        width(QStringLiteral("OPTIONS")),                 // method
        width(QString(34, u'x')),                         // path
        width(QStringLiteral("Status")),                  // status
        width(QStringLiteral("12345678")),                // bytes
        width(QStringLiteral("Resp. (ms)")),              // response
        width(QStringLiteral("warning")),                 // severity
    };
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_view->horizontalHeader()->resizeSection(c, widths[c]);
}

void TimelineView::applyDisplayZone()
{
    const DisplayZone zone = DisplayZone::of(m_doc->meta());
    m_model->setDisplayZone(zone);
    m_filterBar->setDisplayZone(zone);
    m_rawLine->setDisplayZone(zone);
}

} // namespace inquest

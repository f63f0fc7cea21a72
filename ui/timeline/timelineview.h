#pragma once

#include "analysis/lineevidence.h"
#include "model/kinds.h"

#include <QHash>

#include <QWidget>

#include <optional>

class QLabel;
class QSplitter;
class QTableView;
class QToolButton;

namespace inquest {

class CaseDocument;
class RawLinePanel;
class RemoteRowsPanel;
class SearchController;
class TimelineController;
class TimelineFindBar;
class TimelineFilterBar;
class TimelineModel;
class TimelineRowActions;
struct ChangeEvent;

// The timeline: every event of every log source of the case in one table, merged by time,
// with a filter bar above and the original line of the selected event below. The main window
// puts it in its central area.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(CaseDocument *doc, QWidget *parent = nullptr);
    ~TimelineView() override;

    // Filters to [beginUs, endUs) (and to `site`, if not empty) and scrolls to the first
    // matching event; what the charts call when a person picks a time range.
    void showTimeRange(qint64 beginUs, qint64 endUs, const QString &site);
    // Filters to one source around lines [firstLine, lastLine] (1-based, inclusive) and selects
    // the first of them; what the evidence board calls for an item that rests on log lines.
    // Returns false if the source or the lines are not in the timeline.
    bool showSourceLines(inquest::Id sourceId, qint64 firstLine, qint64 lastLine);
    // Filters to an evidence item's own filter (analysis/filterexpression) over [beginUs, endUs)
    // and scrolls to the first match. Returns false (the filter unchanged) when it cannot be read.
    bool showFilter(const QString &expression, qint64 beginUs, qint64 endUs);

    QTableView *view() const { return m_view; }
    TimelineModel *model() const { return m_model; }
    TimelineController *controller() const { return m_controller; }
    TimelineFilterBar *filterBar() const { return m_filterBar; }
    RawLinePanel *rawLinePanel() const { return m_rawLine; }
    // The remote sources' rows that pass the same filter (hidden without remote sources).
    RemoteRowsPanel *remoteRows() const { return m_remoteRows; }
    TimelineFindBar *findBar() const { return m_findBar; }
    SearchController *search() const { return m_search; }
    TimelineRowActions *rowActions() const { return m_rowActions; }
    // The least size that shows `rows` log lines under a one-line filter bar, with the raw line
    // below them (the main window's first layout gives it this much where it can).
    QSize sizeForRows(int rows) const;
    // The events of the selected rows (source id and table row), in timeline order.
    std::vector<EventRef> selectedEvents() const;

    // Opens the find bar (Ctrl+F); steps to the next / previous hit after the current row,
    // wrapping around (F3, Shift+F3).
    void openFind();
    void findNext();
    void findPrevious();

signals:
    // An event was double-clicked: its source and its row in that source's EventTable.
    void rowActivated(inquest::Id sourceId, qint64 row);

private:
    // Times in the case's display zone (models/displayzone).
    void applyDisplayZone();
    void documentChanged(const ChangeEvent &event);
    void rebuild();
    void timelineUpdated();
    void goIfUnchanged();
    void currentRowChanged();
    void updateCount();
    void setColumnWidths();
    void startSearch();
    void searchUpdated();
    void updateFindCount();
    void goToHit(bool forward);
    void showRowMenu(const QPoint &pos);

    CaseDocument *m_doc;
    TimelineController *m_controller;
    TimelineModel *m_model;
    TimelineFilterBar *m_filterBar;
    QTableView *m_view;
    RawLinePanel *m_rawLine;
    RemoteRowsPanel *m_remoteRows;
    TimelineFindBar *m_findBar;
    SearchController *m_search;
    TimelineRowActions *m_rowActions;
    QLabel *m_count;
    QLabel *m_emptyHint;
    QToolButton *m_rawToggle;
    QSplitter *m_splitter;
    bool m_rebuildQueued = false;
    QHash<QString, QString> m_siteRenames; // the site renames the index was built with
    const void *m_shownIndex = nullptr;    // the index the filter bar's choices were made from
    std::optional<qint64> m_scrollTo;      // after the next filter result, go to this time
    std::optional<uint64_t> m_selectEntry; // after the next filter result, select this entry
};

} // namespace inquest

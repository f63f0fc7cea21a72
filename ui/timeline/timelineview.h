#pragma once

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
class TimelineController;
class TimelineFilterBar;
class TimelineModel;
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

    QTableView *view() const { return m_view; }
    TimelineModel *model() const { return m_model; }
    TimelineController *controller() const { return m_controller; }
    TimelineFilterBar *filterBar() const { return m_filterBar; }
    RawLinePanel *rawLinePanel() const { return m_rawLine; }

signals:
    // An event was double-clicked: its source and its row in that source's EventTable.
    void rowActivated(inquest::Id sourceId, qint64 row);

private:
    void documentChanged(const ChangeEvent &event);
    void rebuild();
    void timelineUpdated();
    void goIfUnchanged();
    void currentRowChanged();
    void updateCount();
    void setColumnWidths();

    CaseDocument *m_doc;
    TimelineController *m_controller;
    TimelineModel *m_model;
    TimelineFilterBar *m_filterBar;
    QTableView *m_view;
    RawLinePanel *m_rawLine;
    QLabel *m_count;
    QLabel *m_emptyHint;
    QToolButton *m_rawToggle;
    bool m_rebuildQueued = false;
    QHash<QString, QString> m_siteRenames; // the site renames the index was built with
    const void *m_shownIndex = nullptr;    // the index the filter bar's choices were made from
    std::optional<qint64> m_scrollTo;      // after the next filter result, go to this time
    std::optional<uint64_t> m_selectEntry; // after the next filter result, select this entry
};

} // namespace inquest

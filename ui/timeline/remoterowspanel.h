#pragma once

#include "analysis/eventfilter.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace inquest {

class CaseDocument;
class RemoteRowsModel;
struct ChangeEvent;
namespace remote {
class RemoteRowsQuery;
}

// Under the timeline: the rows of the case's remote sources that pass the timeline's filter (a
// chart bin's time range and site, a status…), a page at a time, asked of the servers off the GUI
// thread (remote/remoterowsquery; never the whole table). Hidden while the case has no remote
// source. "Keep queries" keeps the page's queries as provenance in the case (one undo step).
class RemoteRowsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultPageSize = 200;

    explicit RemoteRowsPanel(CaseDocument *doc, QWidget *parent = nullptr);
    ~RemoteRowsPanel() override;

    // Asks for the first page of the rows that pass `filter` (after a short pause, so that typing
    // in the filter bar does not ask for every key).
    void setFilter(const EventFilter &filter);
    void nextPage();
    void previousPage();
    void keepQueries();
    void setPageSize(qint64 rows) { m_pageSize = rows; }

    RemoteRowsModel *model() const { return m_model; }
    remote::RemoteRowsQuery *query() const { return m_query; }
    // A new filter waits out a short pause before it is asked (typing, dragging): true until then.
    bool askPending() const;
    QString statusText() const;

private:
    void documentChanged(const ChangeEvent &event);
    void ask();
    void answered();
    void updateButtons();

    CaseDocument *m_doc;
    RemoteRowsModel *m_model;
    remote::RemoteRowsQuery *m_query;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_keep;
    QTimer *m_pause;
    EventFilter m_filter;
    qint64 m_offset = 0;
    qint64 m_pageSize = DefaultPageSize;
    bool m_sourcesKnown = false;
    bool m_kept = false;
};

} // namespace inquest

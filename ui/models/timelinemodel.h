#pragma once

#include "displayzone.h"

#include "analysis/timelinecontroller.h"
#include "model/eventmark.h"

#include <QHash>

#include <QAbstractTableModel>

namespace inquest {

// A virtual table over the filtered timeline: a row is a position in the controller's row
// vector, every data() call is a couple of array lookups.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Time,
        Site,
        SourceName,
        Client,
        Method,
        Path,
        Status,
        Bytes,
        ResponseTime,
        Severity,
        Message,
        ColumnCount
    };

    explicit TimelineModel(QObject *parent = nullptr);

    // Shows `rows` (entries of `index`); resets the model.
    void setRows(std::shared_ptr<const TimelineIndex> index, TimelineController::Rows rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const TimelineIndex *timelineIndex() const { return m_index.get(); }
    uint64_t entryAt(int row) const { return (*m_rows)[std::size_t(row)]; }
    // The first row at or after `micros`, or rowCount() if there is none.
    int rowAtOrAfter(qint64 micros) const;

    // Marks these rows (ascending) as search hits: painted with a highlight background.
    void setHits(std::shared_ptr<const std::vector<std::size_t>> hits);
    bool isHit(int row) const;
    // The analyst's marks: a marked row's time shows a star (★) or a diamond (◆, tags or a
    // comment only) and its tooltip the tags and the comment.
    void setEventMarks(const QList<EventMark> &marks);

    // "2010-12-12 21:45:00.123", UTC; fast enough to call for every painted cell.
    static QString formatTime(qint64 micros);

    // What a cell of `column` shows for `row` of `source`, times in `zone`.
    static QVariant display(int column, const TimelineSource &source, std::size_t row, const DisplayZone &zone = {});
    // The case's display zone: the Time column and its header.
    void setDisplayZone(const DisplayZone &zone);
    const DisplayZone &displayZone() const { return m_zone; }

private:
    std::shared_ptr<const TimelineIndex> m_index;
    TimelineController::Rows m_rows;
    std::shared_ptr<const std::vector<std::size_t>> m_hits;
    DisplayZone m_zone;
    QHash<QPair<Id, qint64>, EventMark> m_marks; // by source id and line
};

} // namespace inquest

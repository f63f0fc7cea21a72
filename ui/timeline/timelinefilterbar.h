#pragma once

#include "models/displayzone.h"

#include "analysis/eventfilter.h"
#include "model/timeinput.h"

#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QLineEdit;
class QTimer;
class QToolButton;

namespace inquest {

struct TimelineSource;
class WrapRow;

// The row of filter inputs above the timeline: text, status (a class or codes, typed or picked),
// site, source, severity, a time range, and exact host/client/path values set from the table.
// Emits the complete filter whenever the person changes something (typing is debounced).
class TimelineFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineFilterBar(QWidget *parent = nullptr);

    EventFilter filter() const;
    // Refills the site and source lists, keeping the current choices where they still exist.
    void setChoices(const QStringList &sites, const std::vector<TimelineSource> &sources);
    // Sets the range (and the site, if not empty) and emits the new filter at once.
    void setTimeRange(qint64 beginUs, qint64 endUs, const QString &site);
    // Shows one source's events in [beginUs, endUs) (all sites) and emits the new filter at once.
    void setSourceRange(Id source, qint64 beginUs, qint64 endUs);
    // Keeps only rows whose host / client / path is exactly `value` (with the rest of the filter)
    // and emits the new filter at once.
    enum class Exact { Host, Client, Path };
    void setExact(Exact column, const QString &value);
    // Shows `filter` whole (an evidence item's own filter: text, status, site, exact values,
    // methods, range) and emits it at once; sources and severities are reset.
    void setFilter(const EventFilter &filter);
    void clear();
    // Where a bare clock time ("21:05") typed into the time fields falls: asked when one is typed.
    void setClockDay(std::function<ClockDay()> day) { m_clockDay = std::move(day); }
    // Times are shown and read in this zone (a typed zone still wins).
    void setDisplayZone(const DisplayZone &zone);
    // The least size that keeps every input on one line (narrower, the times wrap to a second).
    QSize oneLineSize() const;
    // What the time fields accept: model/timeinput, with the clock day when one is set.
    std::optional<qint64> parseTime(const QString &text) const;

signals:
    void filterChanged(const inquest::EventFilter &filter);

private:
    void timeEdited(QLineEdit *edit, std::optional<qint64> &value);
    void statusEdited();
    void updateExactButton();
    void emitChanged();

    QLineEdit *m_text;
    QComboBox *m_status;
    QComboBox *m_site;
    QComboBox *m_source;
    QComboBox *m_severity;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QToolButton *m_exact; // shows the exact values; a click removes them
    WrapRow *m_row;
    QTimer *m_typing;
    EventFilter m_statusParsed; // its status parts: what the status box last parsed to
    QString m_host, m_client, m_path;
    uint16_t m_methods = 0; // set only with a whole filter (setFilter); shown with the exact values
    std::function<ClockDay()> m_clockDay;
    DisplayZone m_zone;
    std::optional<qint64> m_fromUs;
    std::optional<qint64> m_toUs;
};

} // namespace inquest

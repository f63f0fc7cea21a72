#pragma once

#include "analysis/eventfilter.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;
class QTimer;

namespace inquest {

struct TimelineSource;

// The row of filter inputs above the timeline: text, status class, site, source, severity and
// a UTC time range. Emits the complete filter whenever the person changes something (typing
// is debounced).
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
    void clear();

    // "2010-12-12 21:45:00", "…:00.250", "2010-12-12T21:45:00Z", "2010-12-12" (all UTC).
    static std::optional<qint64> parseTime(const QString &text);

signals:
    void filterChanged(const inquest::EventFilter &filter);

private:
    void timeEdited(QLineEdit *edit, std::optional<qint64> &value);
    void emitChanged();

    QLineEdit *m_text;
    QComboBox *m_status;
    QComboBox *m_site;
    QComboBox *m_source;
    QComboBox *m_severity;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QTimer *m_typing;
    std::optional<qint64> m_fromUs;
    std::optional<qint64> m_toUs;
};

} // namespace inquest

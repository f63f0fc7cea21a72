#pragma once

#include "analysis/rawline.h"
#include "analysis/timelineindex.h"
#include "models/displayzone.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace inquest {

// Read-only panel under the timeline: the original line of the selected event, read back from
// its source file by byte offset (off the GUI thread: a .gz file is inflated up to the offset),
// or the parsed fields when the file is gone or changed.
class RawLinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RawLinePanel(QWidget *parent = nullptr);
    ~RawLinePanel() override;

    // Shows the line of `row` of `source` (after a short delay, so scrolling with the
    // keyboard does not read every line passed).
    void showLine(const TimelineSource &source, std::size_t row);
    void clear();
    // The zone the parsed fields' time is shown in (when the line itself cannot be read).
    void setDisplayZone(const DisplayZone &zone) { m_zone = zone; }

    QString infoText() const;
    QString lineText() const;

    // Where it is and two lines of text (a longer line scrolls): the table above keeps the height.
    QSize sizeHint() const override;

signals:
    void lineShown();

private:
    void load();
    void present(const RawLine &line);

    QLabel *m_info;
    QPlainTextEdit *m_text;
    QTimer *m_delay;
    TimelineSource m_source;
    std::size_t m_row = 0;
    DisplayZone m_zone;
    quint64 m_request = 0;
    QFuture<RawLine> m_reading;
};

} // namespace inquest

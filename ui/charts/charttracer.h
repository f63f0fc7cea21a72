#pragma once

#include <QObject>
#include <QPoint>
#include <QString>

#include <vector>

class QCPItemLine;
class QCPItemText;

namespace inquest {

class ChartPlot;

// The hover crosshair: a vertical line through every pane at the mouse and a box with the
// time, the bin and the value of every curve there. It lives on the buffered "overlay" layer
// and redraws only that layer, so following the mouse never replots the curves.
class ChartTracer : public QObject
{
    Q_OBJECT

public:
    explicit ChartTracer(ChartPlot *plot);
    void follow(const QPoint &pos);
    void hide();
    QString text() const;
    bool isShown() const;

private:
    void create();

    ChartPlot *m_plot;
    std::vector<QCPItemLine *> m_lines;
    QCPItemText *m_box = nullptr;
};

} // namespace inquest

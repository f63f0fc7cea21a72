#pragma once

#include "report/figurerenderer.h"

namespace inquest {

// FigureRenderer with the same ChartPlot as the Charts dock, drawn through QCPPainter, so a
// report figure looks like the screen and stays vector (no pixmap on the way).
class ChartFigureRenderer : public FigureRenderer
{
public:
    bool render(const ChartSpec &spec, QPainter *painter, const QRectF &target) override;
    QPicture picture(const ChartSpec &spec) override;
};

} // namespace inquest

#pragma once

#include <functional>
#include <memory>

namespace inquest {

class FigureRenderer;

// The report (CLI command and export dialog) draws its figures with ui's chart renderer, which
// is plugged in here at start-up so that app/ never depends on ui/; without it the report has
// no charts.
using FigureRendererFactory = std::function<std::unique_ptr<FigureRenderer>()>;

void setFigureRendererFactory(FigureRendererFactory factory);
std::unique_ptr<FigureRenderer> figureRendererForReport(); // null when no factory is set

} // namespace inquest

#include "reporthooks.h"

#include "figurerenderer.h"

namespace inquest {

namespace {

FigureRendererFactory &figuresHook()
{
    static FigureRendererFactory hook;
    return hook;
}

} // namespace

void setFigureRendererFactory(FigureRendererFactory factory) { figuresHook() = std::move(factory); }

std::unique_ptr<FigureRenderer> figureRendererForReport() { return figuresHook() ? figuresHook()() : nullptr; }

} // namespace inquest

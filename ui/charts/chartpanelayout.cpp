#include "chartpanelayout.h"

#include <QCoreApplication>

namespace inquest {

int ChartPaneLayout::collapseNext(const std::array<bool, Count> &shown, const std::function<int(int)> &heightOf,
                                  bool legendCut)
{
    bool tooShort = legendCut;
    for (int p = 0; p < Count; ++p)
        tooShort = tooShort || (shown[std::size_t(p)] && heightOf(p) < MinimumHeight[std::size_t(p)]);
    if (!tooShort)
        return -1;
    for (int p : DropOrder) {
        if (shown[std::size_t(p)])
            return p;
    }
    return -1;
}

QString ChartPaneLayout::name(int pane)
{
    static const char *const names[Count] = {
        QT_TRANSLATE_NOOP("ChartPaneLayout", "Requests"), QT_TRANSLATE_NOOP("ChartPaneLayout", "Failed"),
        QT_TRANSLATE_NOOP("ChartPaneLayout", "Clients"),  QT_TRANSLATE_NOOP("ChartPaneLayout", "Response time"),
        QT_TRANSLATE_NOOP("ChartPaneLayout", "Metrics"),  QT_TRANSLATE_NOOP("ChartPaneLayout", "Syslog")};
    return QCoreApplication::translate("ChartPaneLayout", names[pane]);
}

} // namespace inquest

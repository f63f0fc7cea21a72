#include "templatebench.h"
#include "logtemplates.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace inquest {

TemplateBench measureTemplateMining(const QByteArray &data)
{
    TemplateBench b;
    QElapsedTimer timer;
    timer.start();
    for (const char *p = data.constData(), *end = p + data.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)))); ++p)
        ++b.lines;
    b.scanSeconds = double(timer.nsecsElapsed()) / 1e9;

    EventTable table; // only its texts and strings are filled: the miner's own work is timed
    LogTemplateMiner miner;
    std::size_t row = 0;
    const std::string_view all(data.constData(), std::size_t(data.size()));
    timer.start();
    for (std::size_t pos = 0; pos < all.size();) {
        std::size_t nl = all.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = all.size();
        const std::string_view line = all.substr(pos, nl - pos);
        const std::size_t colon = line.find(": ");
        miner.add(table, row++, colon == std::string_view::npos ? line : line.substr(colon + 2));
        pos = nl + 1;
    }
    b.miningSeconds = double(timer.nsecsElapsed()) / 1e9;
    b.templates = table.texts.templates.size();
    b.variants = table.texts.variants.size() - 1;
    b.bytesPerLine =
        double(table.texts.memoryUsage() + table.strings.memoryUsage()) / double(std::max<int64_t>(1, b.lines));
    return b;
}

} // namespace inquest

#include "eventmarklist.h"
#include "rawline.h"

#include <QFileInfo>

#include <algorithm>

namespace inquest {

std::optional<std::size_t> rowOfLine(const Source &source, qint64 line)
{
    if (!source.table || line <= 0)
        return std::nullopt;
    const std::vector<uint32_t> &lines = source.table->line;
    // Rows are in file order, so lines ascend.
    const auto it = std::lower_bound(lines.begin(), lines.end(), uint32_t(line));
    if (it == lines.end() || *it != uint32_t(line))
        return std::nullopt;
    return std::size_t(it - lines.begin());
}

QList<EventMarkEntry> eventMarkEntries(const CaseData &data)
{
    QList<EventMarkEntry> out;
    for (const EventMark &m : data.eventMarks) {
        EventMarkEntry e;
        e.mark = m;
        const auto source =
            std::find_if(data.sources.begin(), data.sources.end(), [&](const Source &s) { return s.id == m.sourceId; });
        if (source == data.sources.end()) {
            e.problem = QStringLiteral("source #%1 is no longer in the case").arg(m.sourceId);
        } else {
            e.sourcePath = source->path;
            e.sourceName = QFileInfo(source->path).fileName();
            if (source->sha256 != m.sourceSha256) {
                e.problem = QStringLiteral("the source was replaced since the mark was set");
            } else if (const auto bad = sourceUnreadable(source->path, source->size)) {
                e.problem = bad->message;
            } else {
                const RawLine line = readRawLine(source->path, source->size, quint64(m.offset));
                if (line.status == RawLine::Status::Ok)
                    e.raw = displayRawBytes(line.bytes);
                else
                    e.problem = line.message;
            }
        }
        out.append(e);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const EventMarkEntry &a, const EventMarkEntry &b) { return a.mark.time < b.mark.time; });
    return out;
}

} // namespace inquest

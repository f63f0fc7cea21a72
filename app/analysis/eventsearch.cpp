#include "eventsearch.h"
#include "sourcetext.h"
#include "timelineindex.h"

#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>

namespace inquest {

namespace {

// One source's part of a search: which table rows are asked about, and which matched.
struct SourceSearch
{
    std::size_t index = 0;
    const TimelineSource *source = nullptr;
    bool involved = false; // some of the searched rows are this source's
    std::vector<uint8_t> matched;
    std::optional<QString> problem;
};

// Table rows by line offset (rows are in file order, so usually already ascending).
std::vector<uint32_t> rowsByOffset(const EventTable &t)
{
    std::vector<uint32_t> order(t.size());
    std::iota(order.begin(), order.end(), 0u);
    if (!std::is_sorted(t.offset.begin(), t.offset.end()))
        std::stable_sort(order.begin(), order.end(),
                         [&t](uint32_t a, uint32_t b) { return t.offset[a] < t.offset[b]; });
    return order;
}

void searchSource(SourceSearch &s, const LinePattern &pattern, const std::function<bool()> &stopped)
{
    const EventTable &t = *s.source->table;
    SourceText text(s.source->path, s.source->size);
    if (!text.isOpen()) {
        s.problem = text.problem().message;
        return;
    }
    s.matched.assign(t.size(), 0);
    const std::vector<uint32_t> order = rowsByOffset(t);
    auto offsetOf = [&t](uint32_t row) { return t.offset[row]; };
    LinePattern::Matcher matcher(pattern);
    auto cursor = order.begin();
    while (const std::optional<SourceText::Block> block = text.next()) {
        if (stopped())
            return;
        const std::string_view b = block->text;
        std::size_t from = 0;
        while (from < b.size()) {
            const auto hit = matcher.find(b, from);
            if (!hit)
                break;
            // The line the match starts on.
            std::size_t start = hit->first;
            while (start > from && b[start - 1] != '\n')
                --start;
            const void *nl = std::memchr(b.data() + hit->first, '\n', b.size() - hit->first);
            const std::size_t end = nl ? std::size_t(static_cast<const char *>(nl) - b.data()) : b.size();
            from = end + 1;
            const quint64 lineOffset = block->offset + start;
            cursor = std::lower_bound(cursor, order.end(), lineOffset,
                                      [&](uint32_t row, quint64 o) { return offsetOf(row) < o; });
            if (cursor == order.end() || offsetOf(*cursor) != lineOffset)
                continue; // a line that is no event (a header, a line the reader skipped)
            std::string_view line = b.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            // A match that ran over the line break may not be a match of the line alone.
            const bool withinLine = hit->second <= start + line.size();
            if (withinLine || matcher.matches(line)) {
                for (auto r = cursor; r != order.end() && offsetOf(*r) == lineOffset; ++r)
                    s.matched[*r] = 1;
            }
        }
    }
}

} // namespace

std::optional<EventSearchResult> searchRawLines(const TimelineIndex &index, const std::vector<uint64_t> &rows,
                                                const LinePattern &pattern, const std::function<bool()> &canceled)
{
    std::vector<SourceSearch> searches(index.sources().size());
    for (std::size_t i = 0; i < searches.size(); ++i) {
        searches[i].index = i;
        searches[i].source = &index.sources()[i];
    }
    for (const uint64_t e : rows)
        searches[timeline::sourceOf(e)].involved = true;
    std::vector<SourceSearch *> work;
    for (SourceSearch &s : searches) {
        if (s.involved)
            work.push_back(&s);
    }
    std::atomic<bool> stop = false;
    auto stopped = [&] {
        if (!stop && canceled && canceled())
            stop = true;
        return bool(stop);
    };
    parallel::forEach(work, [&](SourceSearch *s) { searchSource(*s, pattern, stopped); });
    if (stopped())
        return std::nullopt;

    EventSearchResult result;
    for (const SourceSearch &s : searches) {
        if (s.problem)
            result.unreadable.push_back({s.index, *s.problem});
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SourceSearch &s = searches[timeline::sourceOf(rows[i])];
        if (!s.matched.empty() && s.matched[timeline::rowOf(rows[i])])
            result.hits.push_back(i);
    }
    return result;
}

} // namespace inquest

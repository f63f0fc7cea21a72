#include "logreader.h"

namespace inquest {

double LogReader::sniff(const std::vector<std::string_view> &lines) const
{
    ParseContext context;
    context.year = 2000;
    context.headLines = lines;
    auto parser = createParser(context);
    EventTable scratch;
    parser->prepareTable(scratch);
    std::string reason;
    int tried = 0, parsed = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LineResult r = parser->parse(lines[i], 0, uint32_t(i + 1), scratch, &reason);
        if (r == LineResult::Skip)
            continue;
        ++tried;
        parsed += r == LineResult::Event;
    }
    if (tried == 0 || parsed == 0)
        return 0.0;
    return specificity() * double(parsed) / double(tried);
}

} // namespace inquest

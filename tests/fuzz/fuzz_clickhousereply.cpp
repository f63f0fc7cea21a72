// The parser of ClickHouse's TabSeparated replies, fed arbitrary bodies. The first byte picks
// the expected column count (0: any). A reply is either rows or an error, never both, and every
// row has the expected number of fields.
#include "fuzzsupport.h"

#include "remote/clickhousereply.h"

using namespace inquest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int columns = data[0] % 8;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const remote::TsvReply r = remote::parseTsv(body, columns);
    FUZZ_CHECK(r.ok() || r.rows.empty());
    FUZZ_CHECK(r.errorCode == 0 || !r.ok());
    for (const auto &row : r.rows)
        FUZZ_CHECK(columns == 0 || int(row.size()) == columns);
    if (r.ok() && !body.isEmpty())
        FUZZ_CHECK(body.endsWith('\n'));
    return 0;
}

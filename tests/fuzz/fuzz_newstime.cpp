// The time-expression parser alone (it also runs inside fuzz_news, but there it only sees
// sentences that survive extraction). The first two bytes pick a publication date across
// 1990–2079, or none; the rest is UTF-8 text. Every phrase found must lie in the text, and
// its period must not run backwards.
#include "fuzzsupport.h"

#include "news/newstime.h"

using namespace inquest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    if (size < 2)
        return 0;
    const int day = (data[0] << 8 | data[1]);
    const QDate published = day == 0 ? QDate() : QDate(1990, 1, 1).addDays(day % (90 * 365));
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    for (const TimeRef &t : news::findTimes(text, published)) {
        FUZZ_CHECK(t.begin <= t.end);
        FUZZ_CHECK(t.offset >= 0 && t.offset + t.phrase.size() <= text.size());
        FUZZ_CHECK(!t.phrase.isEmpty());
    }
    return 0;
}

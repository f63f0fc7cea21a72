// Article files (HTML, Markdown, plain text; the first byte picks the name) through decoding,
// markup stripping and statement extraction. Checks that sentences and quotes lie inside the
// text in order and that every statement's span is inside the text it was found in, so the
// Statements dock can always highlight it.
#include "fuzzsupport.h"

#include "news/newsarticle.h"
#include "news/newsextractor.h"

using namespace inquest;
using namespace inquest::news;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    if (size < 1)
        return 0;
    static const char *const names[] = {"article.html", "article.md", "article.txt", "article"};
    const QString name = QString::fromLatin1(names[data[0] % 4]);
    const QByteArray raw(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Article article = parseArticle(raw, name);
    const QString &text = article.text;

    qsizetype previous = 0;
    for (const Span &s : splitSentences(text)) {
        FUZZ_CHECK(s.begin >= previous && s.begin <= s.end && s.end <= text.size());
        previous = s.end;
    }
    for (const Span &q : findQuotes(text))
        FUZZ_CHECK(q.begin >= 0 && q.begin <= q.end && q.end <= text.size());

    ExtractOptions options;
    options.published = article.published.isValid() ? article.published : QDate(2010, 12, 13);
    options.outlet = article.outlet;
    for (const Statement &st : extractStatements(text, options)) {
        FUZZ_CHECK(st.offset >= 0 && st.length >= 0 && st.offset + st.length <= text.size());
        FUZZ_CHECK(st.reliability == u'F' && st.credibility == 6); // ungraded until the analyst grades
        for (const TimeRef &t : st.times)
            FUZZ_CHECK(t.begin <= t.end && t.offset < text.size());
    }
    return 0;
}

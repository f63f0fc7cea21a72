// Whole-file import with format sniffing: encodings (BOMs, UTF-16, invalid UTF-8), gzip
// (the input is also tried as a .gz file), CRLF, missing final newlines. An import either
// gives a source whose counts add up or fails with a message naming the file.
#include "fuzzsupport.h"

#include "ingest/importer.h"

#include <QTemporaryDir>

using namespace inquest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    static QTemporaryDir dir;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const char *name : {"fuzzed.log", "fuzzed.log.gz"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        fuzz::writeInput(path, bytes);
        ImportOptions options;
        options.year = 2010;
        const ImportResult r = importLogFile(path, options);
        if (r.ok()) {
            const Source &s = *r.source;
            FUZZ_CHECK(s.table != nullptr);
            FUZZ_CHECK(qint64(s.table->size()) == s.events);
            FUZZ_CHECK(s.events + s.malformed <= s.lines);
            FUZZ_CHECK(s.events == 0 || s.firstTime <= s.lastTime);
            FUZZ_CHECK(s.sha256.size() == 64);
        } else {
            FUZZ_CHECK(!r.error.isEmpty());
            FUZZ_CHECK(r.error.contains(QString::fromLatin1(name)));
        }
    }
    return 0;
}

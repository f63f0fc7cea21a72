// A case file as found on disk, whatever its bytes: opening must either give a case or an
// error that names the file, and must never change the file (the analyst's copy is evidence).
#include "fuzzsupport.h"

#include "casefile/casefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

using namespace inquest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzzed.inquest"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::writeInput(path, bytes);
    QString error;
    const auto loaded = casefile::read(path, &error);
    FUZZ_CHECK(loaded.has_value() != !error.isEmpty());
    if (!loaded)
        FUZZ_CHECK(error.contains(QStringLiteral("fuzzed.inquest")));
    QFile after(path);
    FUZZ_CHECK(after.open(QIODevice::ReadOnly));
    FUZZ_CHECK(after.readAll() == bytes);
    return 0;
}

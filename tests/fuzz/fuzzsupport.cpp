#include "fuzzsupport.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace inquest::fuzz {

void writeInput(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    FUZZ_CHECK(f.write(bytes) == bytes.size());
}

void invariantBroken(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace inquest::fuzz

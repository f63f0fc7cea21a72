#pragma once
// Shared by the fuzz harnesses: the libFuzzer entry points, and a QCoreApplication so Qt's
// SQL drivers and time zones behave as in the program.
#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace inquest::fuzz {

inline void ensureApplication()
{
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "inquest-fuzz";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
}

// Writes the input to `path` (replacing it), for harnesses whose code under test reads files.
void writeInput(const QString &path, const QByteArray &bytes);

// Fails the run the way a sanitizer does (libFuzzer records the input) when an invariant of
// the code under test does not hold: a crash is not the only bug a fuzzer can find.
[[noreturn]] void invariantBroken(const char *what);

} // namespace inquest::fuzz

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::inquest::fuzz::invariantBroken(#condition);                                                              \
    } while (false)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size);

// A child process for the save-interruption tests: it saves cases in a loop until it is
// killed, or saves once under a file-size limit (a stand-in for a full disk).
#include "casefile/casefile.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace inquest;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QString error;
    if (args.size() == 4 && args[0] == u"loop") {
        // loop TARGET A B: alternately writes the cases read from A and B to TARGET, forever.
        const auto a = casefile::read(args[2], &error);
        const auto b = casefile::read(args[3], &error);
        if (!a || !b) {
            out << "cannot read variants: " << error << Qt::endl;
            return 2;
        }
        for (qint64 i = 0;; ++i) {
            if (!casefile::write(i % 2 ? *b : *a, args[1], &error)) {
                out << "save failed: " << error << Qt::endl;
                return 1;
            }
            if (i == 0)
                out << "ready" << Qt::endl;
        }
    }
    if (args.size() == 4 && args[0] == u"limited") {
        // limited TARGET SOURCE BYTES: writes SOURCE's case to TARGET with files capped at BYTES.
        const auto data = casefile::read(args[2], &error);
        if (!data) {
            out << "cannot read source: " << error << Qt::endl;
            return 2;
        }
        std::signal(SIGXFSZ, SIG_IGN); // make the write fail with EFBIG instead of killing us
        const rlim_t limit = args[3].toULongLong();
        const rlimit rl{limit, limit};
        setrlimit(RLIMIT_FSIZE, &rl);
        if (casefile::write(*data, args[1], &error)) {
            out << "saved" << Qt::endl;
            return 0;
        }
        out << error << Qt::endl;
        return 3;
    }
    out << "usage: savechild loop TARGET A B | limited TARGET SOURCE BYTES" << Qt::endl;
    return 2;
}

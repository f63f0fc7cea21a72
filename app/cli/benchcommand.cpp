#include "commandline.h"
#include "commands.h"

#include "ingest/importer.h"
#include "ingest/templatebench.h"
#include "news/newsaccuracy.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstring>

namespace inquest::cli {

namespace {

// Peak resident set size of this process (VmHWM), in MiB.
double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0.0;
}

// The floor any line-based reader pays: read the file and find every line break with memchr.
double memchrScanSeconds(const QString &path, qint64 *lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0.0;
    QElapsedTimer timer;
    timer.start();
    QByteArray block(16 << 20, Qt::Uninitialized);
    qint64 count = 0, n;
    while ((n = file.read(block.data(), block.size())) > 0) {
        const char *p = block.constData(), *end = p + n;
        while ((p = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p))))) {
            ++count;
            ++p;
        }
    }
    *lines = count;
    return double(timer.nsecsElapsed()) / 1e9;
}

int benchTemplates(const QString &path, QTextStream &out, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "inquest bench: " << path << ": " << file.errorString() << '\n';
        return BadInput;
    }
    const QByteArray data = file.readAll();
    const TemplateBench b = measureTemplateMining(data);
    const double mb = double(data.size()) / 1e6;
    out << path << " (" << QString::number(mb, 'f', 1) << " MB, " << b.lines << " lines, " << b.templates
        << " templates, " << b.variants << " variants)\n"
        << "  mining      " << QString::number(b.miningSeconds, 'f', 3) << " s  "
        << QString::number(mb / b.miningSeconds, 'f', 1) << " MB/s on one core\n"
        << "  memchr scan " << QString::number(b.scanSeconds, 'f', 3) << " s  "
        << QString::number(mb / b.scanSeconds, 'f', 1) << " MB/s  (mining takes "
        << QString::number(b.miningSeconds / b.scanSeconds, 'f', 1) << "x a bare line scan)\n"
        << "  text kept   " << QString::number(b.bytesPerLine, 'f', 1)
        << " bytes/line (template ids, arguments, interned tokens)\n";
    return Success;
}

// The extractor scored against hand-written articles with answer sidecars (news/newsaccuracy.h).
int benchNewsPatterns(const QString &dir, bool misses, QTextStream &out, QTextStream &err)
{
    QString error;
    const news::AccuracyReport report = news::scoreArticleFolder(dir, &error);
    if (!error.isEmpty()) {
        err << "inquest bench: " << error << '\n';
        return BadInput;
    }
    out << news::formatAccuracy(report, misses);
    return Success;
}

} // namespace

int bench(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("format"), QStringLiteral("tz"), QStringLiteral("repeat")},
                   {QStringLiteral("misses")});
    QString error;
    const bool templates =
        cl.parse(args, &error) && cl.positional().size() == 2 && cl.positional().first() == u"templates";
    if (templates)
        return benchTemplates(cl.positional().at(1), out, err);
    if (error.isEmpty() && cl.positional().size() == 2 && cl.positional().first() == u"news-patterns")
        return benchNewsPatterns(cl.positional().at(1), cl.has(QStringLiteral("misses")), out, err);
    if (!error.isEmpty() || cl.positional().size() < 2 || cl.positional().first() != u"ingest") {
        err << "inquest bench: "
            << (error.isEmpty() ? QStringLiteral("usage: inquest bench ingest FILE… | inquest bench templates FILE | "
                                                 "inquest bench news-patterns DIR [--misses]")
                                : error)
            << '\n';
        return Usage;
    }
    ImportOptions options;
    options.format = cl.value(QStringLiteral("format"), QStringLiteral("auto"));
    options.timeZone = cl.value(QStringLiteral("tz"));
    const int repeat = std::max(1, cl.value(QStringLiteral("repeat"), QStringLiteral("1")).toInt());
    int failures = 0;
    for (const QString &file : cl.positional().mid(1)) {
        qint64 lines = 0;
        double scan = memchrScanSeconds(file, &lines);
        double best = 0.0;
        ImportResult result;
        for (int i = 0; i < repeat; ++i) {
            result = importLogFile(file, options);
            if (!result.ok())
                break;
            best = i == 0 ? result.seconds : std::min(best, result.seconds);
            scan = std::min(scan, memchrScanSeconds(file, &lines));
        }
        if (!result.ok()) {
            err << "inquest bench: " << result.error << '\n';
            ++failures;
            continue;
        }
        const Source &s = *result.source;
        const auto &table = *s.table;
        const double mb = double(s.size) / 1e6;
        const double stringBytes = double(table.strings.memoryUsage());
        out << file << " (" << s.format << ", " << QString::number(mb, 'f', 1) << " MB, " << s.events << " events)\n"
            << "  ingest      " << QString::number(best, 'f', 3) << " s  " << QString::number(mb / best, 'f', 1)
            << " MB/s  " << QString::number(double(s.events) / best / 1e6, 'f', 2) << " M events/s\n"
            << "  memchr scan " << QString::number(scan, 'f', 3) << " s  " << QString::number(mb / scan, 'f', 1)
            << " MB/s  (ingest takes " << QString::number(best / scan, 'f', 1) << "x a bare line scan)\n"
            << "  memory      "
            << QString::number(double(table.memoryUsage() - table.strings.memoryUsage()) /
                                   double(std::max<qint64>(1, s.events)),
                               'f', 1)
            << " bytes/event in columns + " << QString::number(stringBytes / 1048576.0, 'f', 1)
            << " MiB interned strings ("
            << QString::number(double(table.memoryUsage()) / double(std::max<qint64>(1, s.events)), 'f', 1)
            << " bytes/event in all); peak RSS " << QString::number(peakRssMiB(), 'f', 1) << " MiB\n";
        if (!table.texts.empty())
            out << "  text        " << table.texts.templates.size() << " message templates, "
                << QString::number(double(table.texts.memoryUsage()) / double(std::max<qint64>(1, s.events)), 'f', 1)
                << " bytes/event for template ids and arguments (tokens are in the interned strings)\n";
    }
    return failures ? BadInput : Success;
}

} // namespace inquest::cli

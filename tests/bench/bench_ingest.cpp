// Ingest benchmark: generates a deterministic combined access log and measures importLogFile
// against a bare memchr line scan of the same bytes in the same process.
//   bench_ingest                      generate 200k lines in a temp dir and measure
//   bench_ingest --lines N            the same with N lines
//   bench_ingest --generate FILE [N] [--distinct-clients]
//                                     only write FILE (N lines, default 1,000,000); with
//                                     --distinct-clients every line comes from another address
//   bench_ingest --file FILE          measure an existing file (any format, e.g. a syslog
//                                     written by gen_syslog.py)
//   bench_ingest --templates FILE     template mining alone on one core (a system log)
#include "ingest/importer.h"
#include "ingest/templatebench.h"
#include "support/memorytuning.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <string>

using namespace inquest;

namespace {

struct Lcg
{
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    uint32_t next()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return uint32_t(state >> 33);
    }
};

bool generate(const QString &path, long lines, bool distinctClients = false)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    static const char *Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char *Methods[] = {"GET", "GET", "GET", "GET", "POST", "HEAD", "PUT"};
    static const int Statuses[] = {200, 200, 200, 200, 200, 200, 304, 301, 404, 500, 502, 503};
    static const char *Agents[] = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
        "Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "curl/8.4.0",
    };
    Lcg rng;
    std::string buffer;
    buffer.reserve(1 << 22);
    // 1,000,000 lines span about a day starting 2024-03-10 00:00:00 +0000.
    int64_t t = 0;
    char line[1024];
    for (long i = 0; i < lines; ++i) {
        t += rng.next() % 173; // ~86 ms per line on average -> ~1 day per million lines
        const int64_t secs = t / 1000;
        const int day = 10 + int(secs / 86400), h = int(secs / 3600 % 24), m = int(secs / 60 % 60), s = int(secs % 60);
        const uint32_t c = distinctClients ? uint32_t(i) : rng.next() % 50000;
        const uint32_t p = rng.next() % 3000;
        const int n = std::snprintf(
            line, sizeof line,
            "%u.%u.%u.%u - - [%02d/%s/2024:%02d:%02d:%02d +0000] \"%s /shop/item/%u?ref=%u HTTP/1.1\" %d %u "
            "\"https://www.example.com/page/%u\" \"%s\"\n",
            10 + c % 200, c / 200 % 256, distinctClients ? c / 51200 % 256 : c % 7,
            distinctClients ? c / 13107200 % 256 : c % 251, day, Months[2], h, m, s, Methods[rng.next() % 7], p, p % 17,
            Statuses[rng.next() % 12], 200 + rng.next() % 40000, rng.next() % 100, Agents[rng.next() % 5]);
        buffer.append(line, std::size_t(n));
        if (buffer.size() > (1 << 22) - 1024) {
            out.write(buffer.data(), qint64(buffer.size()));
            buffer.clear();
        }
    }
    out.write(buffer.data(), qint64(buffer.size()));
    return true;
}

double memchrScan(const QString &path, long *count)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QByteArray block(16 << 20, Qt::Uninitialized);
    QElapsedTimer timer;
    timer.start();
    long lines = 0;
    qint64 n;
    while ((n = file.read(block.data(), block.size())) > 0) {
        const char *p = block.constData(), *end = p + n;
        while ((p = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p))))) {
            ++lines;
            ++p;
        }
    }
    *count = lines;
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    inquest::tuneAllocatorForBulkWork(); // as the inquest executable does
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 2 && args[0] == u"--generate") {
        const long lines = args.size() > 2 ? args[2].toLong() : 1'000'000;
        return generate(args[1], lines, args.contains(u"--distinct-clients")) ? 0 : 1;
    }
    if (args.size() >= 2 && args[0] == u"--templates") {
        QFile file(args[1]);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        const QByteArray data = file.readAll();
        const TemplateBench b = measureTemplateMining(data);
        const double mb = double(data.size()) / 1e6;
        std::printf("%lld lines, %.1f MB, %zu templates, %zu variants\n", qlonglong(b.lines), mb, b.templates,
                    b.variants);
        std::printf("mining   %.3f s  %.1f MB/s on one core\n", b.miningSeconds, mb / b.miningSeconds);
        std::printf("memchr   %.3f s  %.1f MB/s\n", b.scanSeconds, mb / b.scanSeconds);
        std::printf("ratio    mining takes %.1fx the bare line scan\n", b.miningSeconds / b.scanSeconds);
        std::printf("memory   %.1f bytes/line for template ids, arguments and interned tokens\n", b.bytesPerLine);
        return 0;
    }
    const long lines = args.size() >= 2 && args[0] == u"--lines" ? args[1].toLong() : 200'000;
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("combined.log"));
    if (args.size() >= 2 && args[0] == u"--file")
        path = args[1];
    else
        generate(path, lines);
    long scanned = 0;
    double scan = memchrScan(path, &scanned);
    double best = 1e9;
    ImportResult first;
    for (int i = 0; i < 3; ++i) {
        ImportResult r = importLogFile(path, {});
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return 1;
        }
        best = std::min(best, r.seconds);
        scan = std::min(scan, memchrScan(path, &scanned));
        if (i == 0)
            first = std::move(r);
        else if (!first.source->table->sameContent(*r.source->table))
            std::fprintf(stderr, "NOT DETERMINISTIC: run %d differs\n", i + 1);
    }
    const Source &s = *first.source;
    const double mb = double(s.size) / 1e6;
    const auto &table = *s.table;
    std::printf("%ld lines, %.1f MB, %lld events, %lld malformed\n", scanned, mb, qlonglong(s.events),
                qlonglong(s.malformed));
    std::printf("ingest   %.3f s  %.1f MB/s  %.2f M events/s\n", best, mb / best, double(s.events) / best / 1e6);
    std::printf("memchr   %.3f s  %.1f MB/s\n", scan, mb / scan);
    std::printf("ratio    ingest takes %.1fx the bare line scan\n", best / scan);
    std::printf("memory   %.1f bytes/event in columns, %.1f MiB interned strings, %.1f bytes/event in all\n",
                double(table.memoryUsage() - table.strings.memoryUsage()) / double(s.events),
                double(table.strings.memoryUsage()) / 1048576.0, double(table.memoryUsage()) / double(s.events));
    if (!table.texts.empty())
        std::printf("text     %zu templates, %.1f bytes/event for template ids and arguments\n",
                    table.texts.templates.size(), double(table.texts.memoryUsage()) / double(s.events));
    return 0;
}

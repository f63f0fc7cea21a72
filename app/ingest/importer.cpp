#include "importer.h"

#include "model/sites.h"

#include "chunkparser.h"
#include "formatregistry.h"
#include "loginput.h"
#include "support/hugepages.h"
#include "support/threadpoolloan.h"
#include "support/tsanhooks.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace inquest {

namespace {

// Fixed sizes (not derived from the core count) keep chunk boundaries, and so the merged
// table, identical on every machine.
constexpr qsizetype BlockBytes = 16 << 20;
constexpr qsizetype ChunkBytes = 2 << 20;
constexpr qsizetype SniffBytes = 256 << 10;
// Sniffing skips lines longer than this and looks this far into a mapped file for short ones.
constexpr std::size_t SniffLineBytes = 64 << 10;
constexpr std::size_t SniffScanBytes = std::size_t(256) << 20;
constexpr qsizetype SampleBytes = 2 << 20; // for the line-length estimate
constexpr std::size_t SniffLines = 64;

QThreadPool *ingestPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(QThread::idealThreadCount());
        return p;
    }();
    return pool;
}

std::string_view viewOf(const QByteArray &bytes, qsizetype from = 0)
{
    return std::string_view(bytes.constData() + from, std::size_t(bytes.size() - from));
}

// UTF-16 files (a BOM, or the NUL-every-other-byte pattern of ASCII text) are decoded to UTF-8
// before parsing. Returns 0 (not UTF-16), 1 (little endian) or 2 (big endian).
int detectUtf16(std::string_view bytes)
{
    if (bytes.starts_with("\xff\xfe"))
        return 1;
    if (bytes.starts_with("\xfe\xff"))
        return 2;
    const qsizetype n = std::min<qsizetype>(qsizetype(bytes.size()) & ~qsizetype(1), 512);
    if (n < 16)
        return 0;
    int evenNul = 0, oddNul = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenNul += bytes[std::size_t(i)] == 0;
        oddNul += bytes[std::size_t(i) + 1] == 0;
    }
    const int pairs = int(n / 2);
    if (oddNul * 10 > pairs * 7 && evenNul * 20 < pairs)
        return 1;
    if (evenNul * 10 > pairs * 7 && oddNul * 20 < pairs)
        return 2;
    return 0;
}

QByteArray decodeUtf16(const QByteArray &bytes, bool littleEndian)
{
    const qsizetype skip = (bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff")) ? 2 : 0;
    const qsizetype units = (bytes.size() - skip) / 2;
    std::u16string text(std::size_t(units), u'\0');
    for (qsizetype i = 0; i < units; ++i) {
        const uchar a = uchar(bytes[skip + 2 * i]), b = uchar(bytes[skip + 2 * i + 1]);
        text[std::size_t(i)] = littleEndian ? char16_t(a | (b << 8)) : char16_t((a << 8) | b);
    }
    return QString::fromUtf16(text.data(), qsizetype(text.size())).toUtf8();
}

// The workers' ParseLanes. Chunk k always uses lane k % n and waits until that lane has
// finished chunk k - n, so each lane sees its chunks in file order, as mergeChunk requires,
// whatever the scheduling. No deadlock: the pool starts tasks in submission order, so the
// task chunk k waits for is already running.
class Lanes
{
public:
    explicit Lanes(int count)
        : m_lanes(std::size_t(std::max(1, count)))
    {
        for (std::size_t i = 0; i < m_lanes.size(); ++i)
            m_lanes[i].next = i;
    }
    ParseLane &acquire(std::size_t chunk)
    {
        Slot &slot = m_lanes[chunk % m_lanes.size()];
        std::unique_lock lock(m_mutex);
        m_turn.wait(lock, [&] { return slot.next == chunk; });
        return slot.lane;
    }
    void release(std::size_t chunk)
    {
        const std::lock_guard lock(m_mutex);
        m_lanes[chunk % m_lanes.size()].next = chunk + m_lanes.size();
        m_turn.notify_all();
    }

private:
    struct Slot
    {
        ParseLane lane;
        std::size_t next = 0;
    };
    // Standard primitives rather than QMutex + QWaitCondition: ThreadSanitizer sees every lock
    // and unlock of these (QWaitCondition::wait re-locks a QMutex out of its sight).
    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::vector<Slot> m_lanes;
};

class Importer
{
public:
    Importer(const QString &path, const ImportOptions &options, const ImportProgress &progress)
        : m_path(path)
        , m_options(options)
        , m_progress(progress)
    {
    }

    ImportResult run(uint32_t previewLines);

private:
    // The steps of run(), in order.
    bool openHead(uint32_t previewLines);
    bool chooseReader(std::string_view sample);
    bool prepareContext();
    void reserveFor(EventTable &table) const;
    bool parseAll(ChunkResult &total); // false: cancelled
    bool failIfEmpty(const ChunkResult &total);
    Source makeSource(ChunkResult total, bool preview);
    void fail(const QString &message)
    {
        m_result.error = QStringLiteral("%1: %2").arg(m_path, message);
        if (!m_result.notes.isEmpty())
            m_result.error += QStringLiteral(" [%1]").arg(m_result.notes.join(u"; "));
    }

    QString m_path;
    ImportOptions m_options;
    ImportProgress m_progress;
    ImportResult m_result;
    LogInput m_input;
    const LogReader *m_reader = nullptr;
    ParseContext m_context;
    // What openHead() found: the first block (unless the file is parsed from its mapping) and
    // where the text starts in the (decompressed, decoded) stream.
    bool m_mappedText = false;   // plain UTF-8 (or ASCII) file, read through its mapping
    bool m_direct = false;       // a full import parsed straight from the mapping
    QByteArray m_first;          // the first block read into a buffer
    std::string_view m_head;     // the start of the text
    uint64_t m_streamOffset = 0; // 3 after a UTF-8 byte order mark
};

bool Importer::chooseReader(std::string_view sample)
{
    std::size_t skipped = 0;
    const auto lines = sampleLines(sample, SniffLines, SniffLineBytes, SniffScanBytes, &skipped);
    const auto &registry = FormatRegistry::instance();
    if (m_options.format.isEmpty() || m_options.format == u"auto") {
        const auto guesses = registry.sniff(lines);
        for (const auto &g : guesses)
            m_result.formatsTried.append(QStringLiteral("%1 (%2)").arg(g.reader->name()).arg(g.confidence, 0, 'f', 2));
        if (guesses.empty() || guesses.front().confidence < FormatRegistry::MinConfidence) {
            const QString longLines =
                skipped == 0 ? QString()
                             : QStringLiteral(
                                   "; %1 longer line(s) of over %2 KiB were not sampled, name the format with --format")
                                   .arg(skipped)
                                   .arg(SniffLineBytes >> 10);
            fail(QStringLiteral("no known log format recognised in the first %1 lines%2 (formats tried: %3)")
                     .arg(lines.size())
                     .arg(longLines, registry.names().join(u", ")));
            return false;
        }
        m_reader = guesses.front().reader;
        m_result.confidence = guesses.front().confidence;
    } else {
        m_reader = registry.find(m_options.format);
        if (!m_reader) {
            fail(QStringLiteral("unknown format \"%1\" (known: %2)")
                     .arg(m_options.format, registry.names().join(u", ")));
            return false;
        }
        m_result.formatsTried = {m_reader->name()};
        m_result.confidence = 1.0;
    }
    return true;
}

bool Importer::prepareContext()
{
    QString error;
    const auto zone = ZoneConverter::fromSpec(m_options.timeZone, &error);
    if (!zone) {
        fail(error);
        return false;
    }
    m_context.zone = *zone;
    m_context.fieldMap = m_options.fieldMap;
    if (m_reader->capabilities() & CapNeedsYear) {
        if (m_options.year > 0) {
            m_context.year = m_options.year;
        } else if (m_options.caseTime != 0) {
            const QDate anchor = QDateTime::fromMSecsSinceEpoch(m_options.caseTime / 1000, Qt::UTC).date();
            m_context.year = anchor.year();
            m_context.yearAnchorMonth = anchor.month();
            m_context.yearNearestAnchor = true;
            m_result.notes.append(
                QStringLiteral("timestamps carry no year: year %1 from the %2, which end %3 (pass --year to set it)")
                    .arg(QString::number(m_context.year),
                         m_options.anchorFromBatch ? QStringLiteral("other files of this import")
                                                   : QStringLiteral("case's other logs"),
                         anchor.toString(Qt::ISODate)));
        } else {
            const QDateTime mtime = QFileInfo(m_path).lastModified().toUTC();
            m_context.year = mtime.date().year();
            m_context.yearAnchorMonth = mtime.date().month();
            m_result.notes.append(QStringLiteral("timestamps carry no year: took %1 from the file's modification time "
                                                 "(pass --year to set it)")
                                      .arg(m_context.year));
        }
    }
    if ((m_reader->capabilities() & CapLocalTime) && m_options.zoneFromBatch)
        m_result.notes.append(QStringLiteral("timestamps without a UTC offset were read at %1, the offset the other "
                                             "files of this import state (pass --tz to declare the zone)")
                                  .arg(m_options.timeZone));
    if ((m_reader->capabilities() & CapLocalTime) && m_context.zone.isUtc() && m_options.timeZone.isEmpty())
        m_result.notes.append(
            QStringLiteral("timestamps without a UTC offset were read as UTC (pass --tz to declare the zone)"));
    return true;
}

ImportResult Importer::run(uint32_t previewLines)
{
    QElapsedTimer timer;
    timer.start();
    if (!openHead(previewLines))
        return m_result;
    // A mapped file is sniffed from its whole start, so huge first lines can be stepped over.
    const std::string_view sniffFrom =
        m_mappedText ? m_input.mappedBytes().substr(std::size_t(m_streamOffset)) : m_head;
    if (!chooseReader(sniffFrom) || !prepareContext())
        return m_result;
    m_context.headLines = firstLines(m_head.substr(0, std::size_t(SniffBytes)), SniffLines);

    ChunkResult total;
    if (previewLines) {
        auto parser = m_reader->createParser(m_context);
        parseChunk(*parser, m_head, m_streamOffset, total, previewLines);
    } else {
        reserveFor(total.table);
        if (!parseAll(total))
            return m_result;
    }
    if (!m_input.problem().isEmpty())
        m_result.notes.append(m_input.problem());
    if (failIfEmpty(total))
        return m_result;
    m_result.source = makeSource(std::move(total), previewLines > 0);
    m_result.seconds = double(timer.nsecsElapsed()) / 1e9;
    return m_result;
}

// Opens the file and finds the start of its text: the encoding (UTF-16 is decoded, a UTF-8
// byte order mark stepped over) and the first block, which decides the format. A plain file is
// parsed straight from its mapping (no copy); a compressed or UTF-16 one goes through blocks read
// into buffers. A preview of a mapped file reads its lines from the mapping too, so that it sees
// past huge first lines exactly as the import does.
bool Importer::openHead(uint32_t previewLines)
{
    QString error;
    if (!m_input.open(m_path, &error)) {
        m_result.error = error;
        return false;
    }
    m_mappedText = m_input.mapped() && !detectUtf16(m_input.mappedBytes());
    m_direct = !previewLines && m_mappedText;
    bool decoded = false; // from UTF-16
    if (m_direct) {
        m_head = m_input.mappedBytes().substr(0, std::size_t(BlockBytes));
    } else if (previewLines && m_mappedText) {
        m_head = m_input.mappedBytes();
    } else {
        m_input.read(m_first, previewLines ? SniffBytes : BlockBytes);
        if (m_first.isEmpty() && m_input.problem().isEmpty()) {
            fail(QStringLiteral("the file is empty (no lines to import)"));
            return false;
        }
        if (const int utf16 = detectUtf16(viewOf(m_first))) {
            while (!previewLines && m_input.read(m_first, BlockBytes)) {
            }
            m_first = decodeUtf16(m_first, utf16 == 1);
            decoded = true;
            m_result.notes.append(QStringLiteral("the file is %1 text: it was decoded to UTF-8 first, so byte offsets "
                                                 "refer to the UTF-8 text, not the file")
                                      .arg(utf16 == 1 ? u"UTF-16LE" : u"UTF-16BE"));
        }
        m_head = viewOf(m_first);
    }
    if (!decoded && m_head.starts_with("\xef\xbb\xbf")) {
        m_head.remove_prefix(3); // UTF-8 byte order mark
        m_streamOffset = 3;
    }
    return true;
}

// Sizes the result once from the line length of a sample, instead of regrowing it.
void Importer::reserveFor(EventTable &t) const
{
    const std::string_view sample = m_head.substr(0, std::size_t(SampleBytes));
    const auto nl = std::count(sample.begin(), sample.end(), '\n');
    if (nl == 0 || m_input.rawSize() <= 0 || m_input.compressed())
        return;
    t.reserve(std::size_t(double(m_input.rawSize()) / (double(sample.size()) / double(nl)) * 1.02) + 16);
    auto advise = [](const auto &column) { adviseHugePages(column.data(), column.capacity() * sizeof(column[0])); };
    advise(t.time), advise(t.offset), advise(t.line), advise(t.status), advise(t.bytes), advise(t.method);
    advise(t.severity), advise(t.responseUs), advise(t.client), advise(t.path), advise(t.agent);
    advise(t.referer), advise(t.host), advise(t.message);
}

// Reads the file block by block; each block is split into chunks of whole lines, parsed in
// parallel where the format allows (CapSplittable), and merged in order while the next block
// is read.
bool Importer::parseAll(ChunkResult &total)
{
    const bool parallel = m_reader->capabilities() & CapSplittable;
    std::unique_ptr<LineParser> sequential = parallel ? nullptr : m_reader->createParser(m_context);
    struct Pending
    {
        QByteArray data;
        std::string_view mapped;                  // the block, when parsed from the mapping
        std::vector<QFuture<ChunkResult>> chunks; // parallel formats
        std::vector<ChunkResult> parsed;          // sequential formats
    };
    // Declared before `inflight`: running tasks use it, and the cancel path waits for them.
    Lanes lanes(ingestPool()->maxThreadCount());
    std::size_t chunkCount = 0;
    std::deque<Pending> inflight;
    // This loop waits on chunk tasks in the global pool, possibly from a pool thread itself.
    const ThreadPoolLoan loan; // see threadpoolloan.h
    // Block buffers are recycled: fresh 16 MiB allocations would page-fault every block.
    std::vector<QByteArray> spare;
    auto mergeFront = [&] {
        for (auto &r : inflight.front().parsed)
            mergeChunk(total, std::move(r));
        for (auto &f : inflight.front().chunks) {
            ChunkResult r = f.takeResult();
            tsan::takeOver();
            mergeChunk(total, std::move(r));
        }
        if (!inflight.front().mapped.empty())
            m_input.releaseMapped(inflight.front().mapped);
        spare.push_back(std::move(inflight.front().data));
        inflight.pop_front();
    };
    auto submit = [&](Pending &pending, std::string_view all) {
        for (std::size_t from = 0; from < all.size();) {
            std::size_t to = std::min(all.size(), from + std::size_t(ChunkBytes));
            if (to < all.size()) {
                const void *nl = std::memchr(all.data() + to - 1, '\n', all.size() - to + 1);
                to = nl ? std::size_t(static_cast<const char *>(nl) - all.data()) + 1 : all.size();
            }
            const std::string_view piece = all.substr(from, to - from);
            const uint64_t offset = m_streamOffset + from;
            if (parallel) {
                tsan::handOver();
                pending.chunks.push_back(
                    QtConcurrent::run(ingestPool(), [this, piece, offset, &lanes, chunk = chunkCount++] {
                        const tsan::TaskScope scope;
                        ChunkResult r;
                        auto parser = m_reader->createParser(m_context);
                        parseChunkInLane(*parser, lanes.acquire(chunk), piece, offset, r);
                        lanes.release(chunk);
                        return r;
                    }));
            } else {
                pending.parsed.emplace_back();
                parseChunk(*sequential, piece, offset, pending.parsed.back());
            }
            from = to;
        }
        m_streamOffset += all.size();
    };
    QByteArray carry = std::move(m_first);
    bool more = true, firstPass = true;
    while (more) {
        Pending pending;
        if (m_direct) {
            // takeMapped hashes the block on this thread while the workers parse the last one.
            std::string_view all = m_input.takeMapped(BlockBytes);
            more = !m_input.atEnd();
            if (firstPass && m_streamOffset == 3)
                all.remove_prefix(3);
            firstPass = false;
            m_result.bytesRead += qint64(all.size());
            pending.mapped = all;
            submit(pending, all);
        } else {
            QByteArray data;
            if (firstPass) {
                data = std::move(carry);
            } else {
                if (!spare.empty()) {
                    data = std::move(spare.back());
                    spare.pop_back();
                }
                data.resize(0);
                data.append(carry);
                m_input.read(data, BlockBytes);
            }
            carry = QByteArray();
            if (firstPass && m_streamOffset == 3)
                data.remove(0, 3);
            firstPass = false;
            more = !m_input.atEnd();
            if (more) { // keep the unfinished last line for the next block
                const qsizetype nl = data.lastIndexOf('\n');
                if (nl < 0) {
                    carry = std::move(data);
                    continue;
                }
                carry = data.mid(nl + 1);
                data.truncate(nl + 1);
            }
            m_result.bytesRead += data.size();
            pending.data = std::move(data);
            submit(pending, viewOf(pending.data));
        }
        inflight.push_back(std::move(pending));
        // Read the next block while this one is parsed; merge the one before.
        while (inflight.size() > 1)
            mergeFront();
        if (m_progress && !m_progress(m_input.rawConsumed(), m_input.rawSize())) {
            while (!inflight.empty()) {
                for (auto &f : inflight.front().chunks)
                    f.waitForFinished();
                tsan::takeOver();
                inflight.pop_front();
            }
            m_result.cancelled = true;
            m_result.error = QStringLiteral("%1: import cancelled").arg(m_path);
            return false;
        }
    }
    while (!inflight.empty())
        mergeFront();
    return true;
}

bool Importer::failIfEmpty(const ChunkResult &total)
{
    if (!total.table.empty())
        return false;
    QString detail;
    if (!total.issues.isEmpty())
        detail = QStringLiteral("; first problem: line %1: %2")
                     .arg(total.issues.first().line)
                     .arg(total.issues.first().reason);
    fail(QStringLiteral("no line could be read as %1 (%2 lines, %3 malformed%4; formats tried: %5)")
             .arg(m_reader->name())
             .arg(total.lines)
             .arg(total.malformed)
             .arg(detail, m_result.formatsTried.join(u", ")));
    return true;
}

Source Importer::makeSource(ChunkResult total, bool preview)
{
    Source source;
    source.kind = SourceKind::Log;
    source.path = QFileInfo(m_path).absoluteFilePath();
    source.size = m_input.rawSize();
    source.sha256 = preview ? QString() : QString::fromLatin1(m_input.finishSha256());
    source.format = m_reader->name();
    source.timeZone = m_options.timeZone;
    source.year = m_context.year;
    source.importedAt = QDateTime::currentDateTimeUtc();
    source.lines = total.lines;
    source.events = qint64(total.table.size());
    source.malformed = total.malformed;
    source.firstTime = total.table.minTime();
    source.lastTime = total.table.maxTime();
    source.issues = std::move(total.issues);
    total.table.texts.mergeGeneralized(); // one template per event type across the chunks
    total.table.shrinkToFit();
    source.table = std::make_shared<const EventTable>(std::move(total.table));
    // What the analyst named, else the host the file is named after; a system log names hosts.
    source.site = m_options.site;
    if (source.site.isEmpty() && !isSystemLog(source))
        source.site = siteFromFileName(source.path);
    return source;
}

} // namespace

qint64 caseYearAnchor(const QList<Source> &sources)
{
    qint64 end = 0;
    for (const Source &s : sources) {
        const LogReader *reader = FormatRegistry::instance().find(s.format);
        if (s.kind == SourceKind::Log && s.events > 0 && reader && !(reader->capabilities() & CapNeedsYear))
            end = std::max(end, s.lastTime);
    }
    return end;
}

ImportResult importLogFile(const QString &path, const ImportOptions &options, const ImportProgress &progress)
{
    return Importer(path, options, progress).run(0);
}

ImportResult previewLogFile(const QString &path, const ImportOptions &options, int maxLines)
{
    return Importer(path, options, {}).run(uint32_t(std::max(1, maxLines)));
}

} // namespace inquest

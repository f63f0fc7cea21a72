#include "columncodec.h"

#include "support/hugepages.h"
#include "support/parallel.h"

#include <QHash>
#include <QtEndian>

#include <zlib.h>

#include <cstring>
#include <functional>

namespace inquest::columncodec {

namespace {

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "column blobs are stored little-endian");

// A column blob is qCompress's format: the uncompressed length (4 bytes, big-endian), then a
// zlib stream. Encoding and decoding work on the column vectors directly (no intermediate
// copy of the raw bytes), one column per task.
QByteArray compress(const char *data, std::size_t size)
{
    return qCompress(reinterpret_cast<const uchar *>(data), qsizetype(size), 1);
}

template <typename T> QByteArray pack(const std::vector<T> &v)
{
    return compress(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(T));
}

template <typename T> bool unpack(const QByteArray &blob, std::vector<T> &out, QString *error, const QString &name)
{
    out.clear();
    // Fewer than 5 bytes or a zero length: an empty column (what qCompress writes for no data).
    if (blob.size() <= 4 || qFromBigEndian<quint32>(blob.constData()) == 0)
        return true;
    const quint32 length = qFromBigEndian<quint32>(blob.constData());
    if (length % sizeof(T) != 0) {
        *error = QStringLiteral("column %1 has a length that is not a whole number of values").arg(name);
        return false;
    }
    // zlib expands at most ~1032:1; a larger claim is damage, not a reason to allocate gigabytes.
    if (double(length) > 1100.0 * double(blob.size())) {
        *error = QStringLiteral("column %1 cannot be decompressed").arg(name);
        return false;
    }
    // A 5M-event case faults in ~300 MB of columns; with 4 KiB pages the faults cost more than
    // zlib does, so ask for huge pages before the first touch.
    out.reserve(length / sizeof(T));
    adviseHugePages(out.data(), length);
    out.resize(length / sizeof(T));
    uLongf produced = length;
    const int status = ::uncompress(reinterpret_cast<Bytef *>(out.data()), &produced,
                                    reinterpret_cast<const Bytef *>(blob.constData() + 4), uLong(blob.size() - 4));
    if (status != Z_OK || produced != length) {
        out.clear();
        *error = QStringLiteral("column %1 cannot be decompressed").arg(name);
        return false;
    }
    return true;
}

QByteArray packStrings(const StringPool &pool)
{
    QByteArray raw;
    for (uint32_t i = 1; i < pool.size(); ++i) {
        const std::string_view s = pool.view(i);
        const quint32 len = quint32(s.size());
        raw.append(reinterpret_cast<const char *>(&len), 4);
        raw.append(s.data(), qsizetype(s.size()));
    }
    return qCompress(raw, 1);
}

bool unpackStrings(const QByteArray &blob, StringPool &pool, QString *error)
{
    std::vector<char> raw;
    if (!unpack(blob, raw, error, QStringLiteral("strings")))
        return false;
    // Counted first, so that the pool is sized once instead of growing string by string.
    std::size_t count = 0, bytes = 0;
    for (std::size_t pos = 0; raw.size() - pos >= 4;) {
        quint32 len;
        std::memcpy(&len, raw.data() + pos, 4);
        pos += 4;
        if (len > raw.size() - pos)
            break;
        ++count;
        bytes += len;
        pos += len;
    }
    pool.reserve(count, bytes);
    std::size_t pos = 0;
    while (pos < raw.size()) {
        if (raw.size() - pos < 4) {
            *error = QStringLiteral("string pool is truncated");
            return false;
        }
        quint32 len;
        std::memcpy(&len, raw.data() + pos, 4);
        pos += 4;
        if (len > raw.size() - pos) {
            *error = QStringLiteral("string pool is truncated");
            return false;
        }
        if (!pool.appendUnique(std::string_view(raw.data() + pos, len))) {
            *error = QStringLiteral("string pool holds a duplicate string");
            return false;
        }
        pos += len;
    }
    return true;
}

// The message templates flattened into two arrays: per variant (from 1) its template id, token
// count and tokens; per template its token count and tokens (pool ids, or Wildcard).
struct TextBlobs
{
    std::vector<uint32_t> variants;
    std::vector<uint32_t> templates;
};

TextBlobs flatten(const MessageTemplates &m)
{
    TextBlobs b;
    for (std::size_t i = 1; i < m.variants.size(); ++i) {
        b.variants.push_back(m.variants[i].templateId);
        b.variants.push_back(uint32_t(m.variants[i].tokens.size()));
        b.variants.insert(b.variants.end(), m.variants[i].tokens.begin(), m.variants[i].tokens.end());
    }
    for (const auto &t : m.templates) {
        b.templates.push_back(uint32_t(t.size()));
        b.templates.insert(b.templates.end(), t.begin(), t.end());
    }
    return b;
}

// Reads what flatten() wrote; false when the arrays do not hold whole records.
bool unflatten(const TextBlobs &b, MessageTemplates &m)
{
    for (std::size_t p = 0; p < b.templates.size();) {
        const std::size_t n = b.templates[p++];
        if (n > b.templates.size() - p)
            return false;
        m.templates.emplace_back(b.templates.begin() + qsizetype(p), b.templates.begin() + qsizetype(p + n));
        p += n;
    }
    for (std::size_t p = 0; p < b.variants.size();) {
        if (b.variants.size() - p < 2)
            return false;
        MessageTemplates::Variant v;
        v.templateId = b.variants[p++];
        const std::size_t n = b.variants[p++];
        if (n > b.variants.size() - p)
            return false;
        v.tokens.assign(b.variants.begin() + qsizetype(p), b.variants.begin() + qsizetype(p + n));
        for (uint32_t t : v.tokens)
            v.wildcards += t == MessageTemplates::Wildcard;
        m.variants.push_back(std::move(v));
        p += n;
    }
    return true;
}

// Runs independent per-column jobs on the global pool (the calling thread takes part).
template <typename Job> void runAll(QList<Job> &jobs)
{
    if (jobs.size() < 2) {
        for (Job &job : jobs)
            job();
        return;
    }
    parallel::forEach(jobs, [](Job &job) { job(); });
}

} // namespace

QStringList columnNames(const EventTable &t)
{
    QStringList names = {QStringLiteral("time"),     QStringLiteral("offset"),      QStringLiteral("line"),
                         QStringLiteral("status"),   QStringLiteral("bytes"),       QStringLiteral("method"),
                         QStringLiteral("severity"), QStringLiteral("response_us"), QStringLiteral("client"),
                         QStringLiteral("path"),     QStringLiteral("agent"),       QStringLiteral("referer"),
                         QStringLiteral("host"),     QStringLiteral("message"),     QStringLiteral("strings")};
    if (!t.texts.templates.empty())
        names << QStringLiteral("text_variant") << QStringLiteral("text_args") << QStringLiteral("text_variants")
              << QStringLiteral("text_templates");
    for (const NumericColumn &c : t.numeric)
        names.append(QStringLiteral("num:") + c.name);
    return names;
}

QList<QPair<QString, QByteArray>> encode(const EventTable &t)
{
    QList<QPair<QString, QByteArray>> out;
    for (const QString &name : columnNames(t))
        out.append({name, {}});
    // Every job writes only its own element of `out`, which is not resized while they run.
    QPair<QString, QByteArray> *slot = out.data();
    QList<std::function<void()>> jobs;
    const auto add = [&jobs, slot](qsizetype i, const auto &column) {
        jobs.append([slot, i, &column] { slot[i].second = pack(column); });
    };
    add(0, t.time);
    add(1, t.offset);
    add(2, t.line);
    add(3, t.status);
    add(4, t.bytes);
    add(5, t.method);
    add(6, t.severity);
    add(7, t.responseUs);
    add(8, t.client);
    add(9, t.path);
    add(10, t.agent);
    add(11, t.referer);
    add(12, t.host);
    add(13, t.message);
    jobs.append([slot, &t] { slot[14].second = packStrings(t.strings); });
    qsizetype next = 15;
    if (!t.texts.templates.empty()) {
        add(next++, t.texts.rowVariant);
        add(next++, t.texts.args);
        jobs.append([slot, i = next, &t] {
            const TextBlobs flat = flatten(t.texts);
            slot[i].second = pack(flat.variants);
            slot[i + 1].second = pack(flat.templates);
        });
        next += 2;
    }
    for (std::size_t c = 0; c < t.numeric.size(); ++c)
        add(next + qsizetype(c), t.numeric[c].values);
    runAll(jobs);
    return out;
}

namespace {

// One column to decode, with its own error slot.
struct Job
{
    std::size_t table = 0;
    std::function<bool(QString *)> run;
    QString error;
    bool ok = true;
    void operator()() { ok = run(&error); }
};

// Adds the jobs that fill t from columns. A name given twice is decoded once (the last blob
// wins), so that no two jobs fill the same column.
void addJobs(const Columns &columns, EventTable &t, TextBlobs &text, std::size_t table, QList<Job> &jobs)
{
    // Numeric columns first, so that the jobs can hold references into a vector that no
    // longer grows.
    for (const auto &[name, blob] : columns) {
        if (name.startsWith(u"num:"))
            t.numeric.push_back({name.mid(4), {}});
    }
    QHash<QString, qsizetype> jobOf;
    std::size_t numeric = 0;
    for (const auto &[name, blob] : columns) {
        std::function<bool(QString *)> run;
        const auto column = [&run, b = &blob, n = name](auto &into) {
            run = [b, n, &into](QString *e) { return unpack(*b, into, e, n); };
        };
        if (name == u"time")
            column(t.time);
        else if (name == u"offset")
            column(t.offset);
        else if (name == u"line")
            column(t.line);
        else if (name == u"status")
            column(t.status);
        else if (name == u"bytes")
            column(t.bytes);
        else if (name == u"method")
            column(t.method);
        else if (name == u"severity")
            column(t.severity);
        else if (name == u"response_us")
            column(t.responseUs);
        else if (name == u"client")
            column(t.client);
        else if (name == u"path")
            column(t.path);
        else if (name == u"agent")
            column(t.agent);
        else if (name == u"referer")
            column(t.referer);
        else if (name == u"host")
            column(t.host);
        else if (name == u"message")
            column(t.message);
        else if (name == u"text_variant")
            column(t.texts.rowVariant);
        else if (name == u"text_args")
            column(t.texts.args);
        else if (name == u"text_variants")
            column(text.variants);
        else if (name == u"text_templates")
            column(text.templates);
        else if (name == u"strings")
            run = [b = &blob, &t](QString *e) { return unpackStrings(*b, t.strings, e); };
        else if (name.startsWith(u"num:")) {
            column(t.numeric[numeric++].values);
            jobs.append({table, std::move(run), {}, true});
            continue;
        } else
            continue; // a column this version does not know
        if (const auto it = jobOf.constFind(name); it != jobOf.cend()) {
            jobs[*it].run = std::move(run);
        } else {
            jobOf.insert(name, jobs.size());
            jobs.append({table, std::move(run), {}, true});
        }
    }
}

// Whether the decoded columns of t fit together.
bool consistent(const EventTable &t, QString *error)
{
    const std::size_t n = t.time.size();
    auto sameLength = [n](const auto &v) { return v.size() == n; };
    if (!(sameLength(t.offset) && sameLength(t.line) && sameLength(t.status) && sameLength(t.bytes) &&
          sameLength(t.method) && sameLength(t.severity) && sameLength(t.responseUs) && sameLength(t.client) &&
          sameLength(t.path) && sameLength(t.agent) && sameLength(t.referer) && sameLength(t.host) &&
          sameLength(t.message))) {
        *error = QStringLiteral("event columns have different lengths");
        return false;
    }
    for (const auto &c : t.numeric) {
        if (c.values.size() != n) {
            *error = QStringLiteral("numeric column %1 has the wrong length").arg(c.name);
            return false;
        }
    }
    const uint32_t pool = t.strings.size();
    for (const auto *col : {&t.client, &t.path, &t.agent, &t.referer, &t.host, &t.message}) {
        for (uint32_t id : *col) {
            if (id >= pool) {
                *error = QStringLiteral("an event refers to a string that is not in the pool");
                return false;
            }
        }
    }
    if (!t.texts.consistent(n, pool)) {
        *error = QStringLiteral("the message templates do not fit the events");
        return false;
    }
    for (HttpMethod m : t.method) {
        if (uint8_t(m) > uint8_t(HttpMethod::Other)) {
            *error = QStringLiteral("an event has an unknown HTTP method code");
            return false;
        }
    }
    return true;
}

} // namespace

std::vector<std::optional<EventTable>> decode(const QList<Columns> &tables, QStringList *errors)
{
    // The columns of all tables share the pool: a small table's columns do not leave a core idle
    // while a big table's string pool is still being read.
    std::vector<EventTable> decoded(std::size_t(tables.size())); // not resized while jobs run
    std::vector<TextBlobs> texts(decoded.size());
    QList<Job> jobs;
    for (qsizetype i = 0; i < tables.size(); ++i)
        addJobs(tables[i], decoded[std::size_t(i)], texts[std::size_t(i)], std::size_t(i), jobs);
    runAll(jobs);
    errors->clear();
    std::vector<std::optional<EventTable>> result(decoded.size());
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        QString error;
        for (const Job &job : std::as_const(jobs)) {
            if (job.table == i && !job.ok && error.isEmpty())
                error = job.error;
        }
        MessageTemplates &m = decoded[i].texts;
        if (error.isEmpty() && (!unflatten(texts[i], m) || !m.rebuildArgIndex()))
            error = QStringLiteral("the message templates are damaged");
        if (error.isEmpty() && consistent(decoded[i], &error))
            result[i] = std::move(decoded[i]);
        errors->append(error);
    }
    return result;
}

std::optional<EventTable> decode(const Columns &columns, QString *error)
{
    QStringList errors;
    auto result = decode(QList<Columns>{columns}, &errors);
    if (!result.front())
        *error = errors.front();
    return std::move(result.front());
}

} // namespace inquest::columncodec

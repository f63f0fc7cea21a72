#include "columncodec.h"

#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

namespace inquest::columncodec {

namespace {

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "column blobs are stored little-endian");

template <typename T>
QByteArray pack(const std::vector<T> &v)
{
    return qCompress(QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * sizeof(T))), 1);
}

template <typename T>
bool unpack(const QByteArray &blob, std::vector<T> &out, QString *error, const QString &name)
{
    const QByteArray raw = qUncompress(blob);
    if (raw.isEmpty() && !blob.isEmpty() && blob.size() > 4 && qFromBigEndian<quint32>(blob.constData()) != 0) {
        *error = QStringLiteral("column %1 cannot be decompressed").arg(name);
        return false;
    }
    if (raw.size() % qsizetype(sizeof(T)) != 0) {
        *error = QStringLiteral("column %1 has a length that is not a whole number of values").arg(name);
        return false;
    }
    out.resize(std::size_t(raw.size()) / sizeof(T));
    if (!out.empty())
        std::memcpy(out.data(), raw.constData(), std::size_t(raw.size()));
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
    const QByteArray raw = qUncompress(blob);
    qsizetype pos = 0;
    while (pos < raw.size()) {
        if (raw.size() - pos < 4) {
            *error = QStringLiteral("string pool is truncated");
            return false;
        }
        quint32 len;
        std::memcpy(&len, raw.constData() + pos, 4);
        pos += 4;
        if (qsizetype(len) > raw.size() - pos) {
            *error = QStringLiteral("string pool is truncated");
            return false;
        }
        const uint32_t expected = pool.size();
        if (pool.intern(std::string_view(raw.constData() + pos, len)) != expected) {
            *error = QStringLiteral("string pool holds a duplicate string");
            return false;
        }
        pos += len;
    }
    return true;
}

} // namespace

QList<QPair<QString, QByteArray>> encode(const EventTable &t)
{
    QList<QPair<QString, QByteArray>> out = {
        {QStringLiteral("time"), pack(t.time)},
        {QStringLiteral("offset"), pack(t.offset)},
        {QStringLiteral("line"), pack(t.line)},
        {QStringLiteral("status"), pack(t.status)},
        {QStringLiteral("bytes"), pack(t.bytes)},
        {QStringLiteral("method"), pack(t.method)},
        {QStringLiteral("severity"), pack(t.severity)},
        {QStringLiteral("response_us"), pack(t.responseUs)},
        {QStringLiteral("client"), pack(t.client)},
        {QStringLiteral("path"), pack(t.path)},
        {QStringLiteral("agent"), pack(t.agent)},
        {QStringLiteral("referer"), pack(t.referer)},
        {QStringLiteral("host"), pack(t.host)},
        {QStringLiteral("message"), pack(t.message)},
        {QStringLiteral("strings"), packStrings(t.strings)},
    };
    for (const NumericColumn &c : t.numeric)
        out.append({QStringLiteral("num:") + c.name, pack(c.values)});
    return out;
}

std::optional<EventTable> decode(const QList<QPair<QString, QByteArray>> &columns, QString *error)
{
    EventTable t;
    for (const auto &[name, blob] : columns) {
        bool ok = true;
        if (name == u"time")
            ok = unpack(blob, t.time, error, name);
        else if (name == u"offset")
            ok = unpack(blob, t.offset, error, name);
        else if (name == u"line")
            ok = unpack(blob, t.line, error, name);
        else if (name == u"status")
            ok = unpack(blob, t.status, error, name);
        else if (name == u"bytes")
            ok = unpack(blob, t.bytes, error, name);
        else if (name == u"method")
            ok = unpack(blob, t.method, error, name);
        else if (name == u"severity")
            ok = unpack(blob, t.severity, error, name);
        else if (name == u"response_us")
            ok = unpack(blob, t.responseUs, error, name);
        else if (name == u"client")
            ok = unpack(blob, t.client, error, name);
        else if (name == u"path")
            ok = unpack(blob, t.path, error, name);
        else if (name == u"agent")
            ok = unpack(blob, t.agent, error, name);
        else if (name == u"referer")
            ok = unpack(blob, t.referer, error, name);
        else if (name == u"host")
            ok = unpack(blob, t.host, error, name);
        else if (name == u"message")
            ok = unpack(blob, t.message, error, name);
        else if (name == u"strings")
            ok = unpackStrings(blob, t.strings, error);
        else if (name.startsWith(u"num:")) {
            t.numeric.push_back({name.mid(4), {}});
            ok = unpack(blob, t.numeric.back().values, error, name);
        }
        if (!ok)
            return std::nullopt;
    }
    const std::size_t n = t.time.size();
    auto sameLength = [n](const auto &v) { return v.size() == n; };
    if (!(sameLength(t.offset) && sameLength(t.line) && sameLength(t.status) && sameLength(t.bytes) &&
          sameLength(t.method) && sameLength(t.severity) && sameLength(t.responseUs) && sameLength(t.client) &&
          sameLength(t.path) && sameLength(t.agent) && sameLength(t.referer) && sameLength(t.host) &&
          sameLength(t.message))) {
        *error = QStringLiteral("event columns have different lengths");
        return std::nullopt;
    }
    for (const auto &c : t.numeric) {
        if (c.values.size() != n) {
            *error = QStringLiteral("numeric column %1 has the wrong length").arg(c.name);
            return std::nullopt;
        }
    }
    const uint32_t pool = t.strings.size();
    for (const auto *col : {&t.client, &t.path, &t.agent, &t.referer, &t.host, &t.message}) {
        for (uint32_t id : *col) {
            if (id >= pool) {
                *error = QStringLiteral("an event refers to a string that is not in the pool");
                return std::nullopt;
            }
        }
    }
    for (HttpMethod m : t.method) {
        if (uint8_t(m) > uint8_t(HttpMethod::Other)) {
            *error = QStringLiteral("an event has an unknown HTTP method code");
            return std::nullopt;
        }
    }
    return t;
}

} // namespace inquest::columncodec

#include "eventtable.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace inquest {

namespace {
constexpr std::array<std::pair<std::string_view, HttpMethod>, 9> Methods{{
    {"GET", HttpMethod::Get},
    {"HEAD", HttpMethod::Head},
    {"POST", HttpMethod::Post},
    {"PUT", HttpMethod::Put},
    {"DELETE", HttpMethod::Delete},
    {"OPTIONS", HttpMethod::Options},
    {"PATCH", HttpMethod::Patch},
    {"CONNECT", HttpMethod::Connect},
    {"TRACE", HttpMethod::Trace},
}};

template <typename T> std::size_t bytesOf(const std::vector<T> &v) { return v.capacity() * sizeof(T); }
} // namespace

HttpMethod httpMethodFromBytes(std::string_view text)
{
    if (text.empty() || text == "-")
        return HttpMethod::None;
    for (const auto &[name, method] : Methods) {
        if (text == name)
            return method;
    }
    return HttpMethod::Other;
}

const char *toString(HttpMethod method)
{
    for (const auto &[name, m] : Methods) {
        if (m == method)
            return name.data();
    }
    return method == HttpMethod::None ? "" : "OTHER";
}

QString severityLabel(uint8_t stored)
{
    static const char *const Names[] = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
    const uint8_t level = severityLevel(stored);
    if (level >= 8)
        return QString();
    const QString name = QString::fromLatin1(Names[level]);
    return isSeverityInferred(stored) ? name + QStringLiteral(" (inferred)") : name;
}

QString EventTable::messageLine(std::size_t row) const
{
    const std::string_view tag = strings.view(message[row]);
    if (!texts.hasText(row))
        return QString::fromUtf8(tag.data(), qsizetype(tag.size()));
    std::string line(tag);
    if (!line.empty())
        line += ": ";
    texts.appendText(strings, row, line);
    return QString::fromStdString(line);
}

void EventTable::reserve(std::size_t rows)
{
    time.reserve(rows);
    offset.reserve(rows);
    line.reserve(rows);
    status.reserve(rows);
    bytes.reserve(rows);
    method.reserve(rows);
    severity.reserve(rows);
    responseUs.reserve(rows);
    client.reserve(rows);
    path.reserve(rows);
    agent.reserve(rows);
    referer.reserve(rows);
    host.reserve(rows);
    message.reserve(rows);
    for (auto &c : numeric)
        c.values.reserve(rows);
}

void EventTable::shrinkToFit()
{
    auto shrink = [](auto &column) { column.shrink_to_fit(); };
    shrink(time), shrink(offset), shrink(line), shrink(status), shrink(bytes), shrink(method), shrink(severity);
    shrink(responseUs), shrink(client), shrink(path), shrink(agent), shrink(referer), shrink(host), shrink(message);
    for (auto &c : numeric)
        c.values.shrink_to_fit();
}

std::size_t EventTable::appendRow(int64_t t, uint64_t byteOffset, uint32_t lineNumber)
{
    time.push_back(t);
    offset.push_back(byteOffset);
    line.push_back(lineNumber);
    status.push_back(0);
    bytes.push_back(0);
    method.push_back(HttpMethod::None);
    severity.push_back(NoSeverity);
    responseUs.push_back(NoResponseTime);
    client.push_back(0);
    path.push_back(0);
    agent.push_back(0);
    referer.push_back(0);
    host.push_back(0);
    message.push_back(0);
    for (auto &c : numeric)
        c.values.push_back(std::numeric_limits<double>::quiet_NaN());
    return time.size() - 1;
}

void EventTable::append(const EventTable &other)
{
    std::vector<uint32_t> remap(other.strings.size());
    for (uint32_t i = 0; i < other.strings.size(); ++i)
        remap[i] = strings.intern(other.strings.view(i));
    auto copy = [](auto &dst, const auto &src) { dst.insert(dst.end(), src.begin(), src.end()); };
    auto copyIds = [&remap](std::vector<uint32_t> &dst, const std::vector<uint32_t> &src) {
        if (dst.capacity() < dst.size() + src.size()) // grow geometrically, as insert() does
            dst.reserve(std::max(dst.size() + src.size(), dst.capacity() * 2));
        for (uint32_t id : src)
            dst.push_back(remap[id]);
    };
    const std::size_t before = size();
    copy(time, other.time);
    copy(offset, other.offset);
    copy(line, other.line);
    copy(status, other.status);
    copy(bytes, other.bytes);
    copy(method, other.method);
    copy(severity, other.severity);
    copy(responseUs, other.responseUs);
    copyIds(client, other.client);
    copyIds(path, other.path);
    copyIds(agent, other.agent);
    copyIds(referer, other.referer);
    copyIds(host, other.host);
    copyIds(message, other.message);
    texts.append(other.texts, remap, before, other.size());
    for (const auto &col : other.numeric) {
        auto it = std::find_if(numeric.begin(), numeric.end(), [&](const auto &c) { return c.name == col.name; });
        if (it == numeric.end()) {
            numeric.push_back({col.name, std::vector<double>(before, std::numeric_limits<double>::quiet_NaN())});
            it = numeric.end() - 1;
        }
        copy(it->values, col.values);
    }
    for (auto &col : numeric)
        col.values.resize(size(), std::numeric_limits<double>::quiet_NaN());
}

std::size_t EventTable::memoryUsage() const
{
    std::size_t total = bytesOf(time) + bytesOf(offset) + bytesOf(line) + bytesOf(status) + bytesOf(bytes) +
                        bytesOf(method) + bytesOf(severity) + bytesOf(responseUs) + bytesOf(client) + bytesOf(path) +
                        bytesOf(agent) + bytesOf(referer) + bytesOf(host) + bytesOf(message) + texts.memoryUsage();
    for (const auto &c : numeric)
        total += bytesOf(c.values);
    return total + strings.memoryUsage();
}

int64_t EventTable::minTime() const { return time.empty() ? 0 : *std::min_element(time.begin(), time.end()); }

int64_t EventTable::maxTime() const { return time.empty() ? 0 : *std::max_element(time.begin(), time.end()); }

bool EventTable::isSortedByTime() const { return std::is_sorted(time.begin(), time.end()); }

bool EventTable::sameContent(const EventTable &other) const
{
    if (time != other.time || offset != other.offset || line != other.line || status != other.status ||
        bytes != other.bytes || method != other.method || severity != other.severity ||
        responseUs != other.responseUs || numeric.size() != other.numeric.size())
        return false;
    for (std::size_t c = 0; c < numeric.size(); ++c) {
        if (numeric[c].name != other.numeric[c].name || numeric[c].values.size() != other.numeric[c].values.size())
            return false;
        for (std::size_t i = 0; i < numeric[c].values.size(); ++i) {
            const double a = numeric[c].values[i], b = other.numeric[c].values[i];
            if (!(a == b || (std::isnan(a) && std::isnan(b))))
                return false;
        }
    }
    auto sameStrings = [&](const std::vector<uint32_t> &a, const std::vector<uint32_t> &b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (strings.view(a[i]) != other.strings.view(b[i]))
                return false;
        }
        return true;
    };
    for (std::size_t r = 0; r < size(); ++r) {
        if (texts.hasText(r) != other.texts.hasText(r) || messageText(r) != other.messageText(r))
            return false;
    }
    return sameStrings(client, other.client) && sameStrings(path, other.path) && sameStrings(agent, other.agent) &&
           sameStrings(referer, other.referer) && sameStrings(host, other.host) && sameStrings(message, other.message);
}

} // namespace inquest

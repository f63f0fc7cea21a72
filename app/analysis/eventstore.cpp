#include "eventstore.h"

#include <algorithm>

#include <array>

namespace inquest {

namespace {

bool endsWith(std::string_view s, std::string_view tail)
{
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string_view urlHost(std::string_view url)
{
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    return url.substr(0, url.find_first_of("/?:"));
}

} // namespace

bool isStaticPath(std::string_view path)
{
    path = path.substr(0, path.find('?'));
    static constexpr std::array Extensions{".css",  ".js",    ".png", ".jpg",  ".jpeg", ".gif", ".svg", ".ico",
                                           ".woff", ".woff2", ".ttf", ".webp", ".map",  ".mp4", ".swf"};
    for (std::string_view ext : Extensions) {
        if (endsWith(path, ext))
            return true;
    }
    return false;
}

EventStore::RefererKind refererKind(std::string_view referer, std::string_view site)
{
    if (referer.empty() || referer == "-")
        return EventStore::NoReferer;
    const std::string_view host = urlHost(referer);
    if (host == site ||
        (host.size() > site.size() && endsWith(host, site) && host[host.size() - site.size() - 1] == '.'))
        return EventStore::Internal;
    for (std::string_view s : {"google.", "bing.", "yahoo.", "duckduckgo.", "yandex.", "baidu.", "ask."}) {
        if (contains(host, s))
            return EventStore::Search;
    }
    for (std::string_view s : {"facebook.", "twitter.", "t.co", "reddit.", "instagram.", "linkedin.", "pinterest.",
                               "tumblr.", "news.ycombinator.", "digg."}) {
        if (contains(host, s))
            return EventStore::Social;
    }
    for (std::string_view s : {"mail.", "outlook.", "webmail", "hotmail."}) {
        if (contains(host, s))
            return EventStore::Webmail;
    }
    return EventStore::OtherReferer;
}

QString clientNetwork(std::string_view address)
{
    if (address.find(':') != std::string_view::npos) { // IPv6: first three groups (48 bits)
        std::size_t pos = 0;
        for (int groups = 0; groups < 3 && pos != std::string_view::npos; ++groups)
            pos = address.find(':', pos ? pos + 1 : 0);
        const std::string_view net = address.substr(0, pos);
        return QString::fromLatin1(net.data(), qsizetype(net.size())) + QStringLiteral("::/48");
    }
    const auto last = address.rfind('.');
    int dots = 0;
    for (char c : address)
        dots += c == '.';
    if (dots != 3 || last == std::string_view::npos)
        return QString::fromUtf8(address.data(), qsizetype(address.size()));
    const std::string_view net = address.substr(0, last);
    return QString::fromLatin1(net.data(), qsizetype(net.size())) + QStringLiteral(".0/24");
}

std::vector<EventStore::ValueCount> rankValueCounts(const std::map<QString, double> &byValue, int n)
{
    std::vector<EventStore::ValueCount> out;
    out.reserve(byValue.size());
    for (const auto &[value, count] : byValue)
        out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(), [](const EventStore::ValueCount &a, const EventStore::ValueCount &b) {
        return a.count > b.count; // byValue is in value order: equal counts keep it
    });
    if (n > 0 && out.size() > std::size_t(n))
        out.resize(std::size_t(n));
    return out;
}

} // namespace inquest

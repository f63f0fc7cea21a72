#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <vector>

namespace inquest {

// The aggregate questions the detectors ask of a case's web traffic. Answers are counts, never
// rows, so that a store which keeps events elsewhere (a database) can answer them with one
// query each. Times are µs UTC, windows half-open [from, to). An empty site means all sites.
class EventStore
{
public:
    // What is counted.
    enum class Filter { All, Failures };
    // What requests are grouped by.
    enum class Dimension {
        Site,
        Endpoint,  // path without query
        Status,    // the code as logged ("503", "000")
        ClientNet, // client /24 (IPv4) or /48 (IPv6); other client ids as they are
        Agent,
        Referer,
        Method,
        Static, // "static" (assets) or "dynamic"
    };
    struct ValueCount
    {
        QString value;
        double count = 0;
    };
    // What one client did in a window (client behaviour features; one row per client, so a
    // store answers it with one GROUP BY).
    struct ClientSummary
    {
        uint32_t requests = 0;
        bool seenBefore = false; // had requests before `from`
        double gapMean = 0;      // seconds between its requests (0 with fewer than 2)
        double gapCv = 0;        // coefficient of variation of those gaps
        uint32_t endpoints = 0;  // distinct endpoints asked for
        uint32_t pages = 0;      // dynamic requests
        uint32_t assets = 0;     // static requests
        uint32_t failures = 0;
        uint32_t repeats = 0;    // requests for the same endpoint as its previous one within 10 s (retries)
        uint8_t refererKind = 0; // RefererKind of its first request
        QString topEndpoint;     // the endpoint it asked for most
        QString agent;           // its first agent
    };
    enum RefererKind : uint8_t { NoReferer, Internal, Search, Social, Webmail, OtherReferer };

    virtual ~EventStore() = default;

    virtual QStringList sites() const = 0;
    // First and one past the last event time over all sites (0, 0 when empty).
    virtual std::pair<int64_t, int64_t> span() const = 0;
    // First and one past the last event time of one site.
    virtual std::pair<int64_t, int64_t> span(const QString &site) const = 0;
    // Requests per bin of `width` from `from` (bins cover [from, to)).
    virtual std::vector<double> counts(const QString &site, Filter filter, int64_t from, int64_t to,
                                       int64_t width) const = 0;
    // Every value of a dimension in a window with its count, most frequent first, at most n
    // (n ≤ 0: all).
    virtual std::vector<ValueCount> topValues(const QString &site, Dimension dimension, Filter filter, int64_t from,
                                              int64_t to, int n) const = 0;
    // How many distinct values of a dimension occur in the window.
    virtual uint64_t distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const = 0;
    // Per-client summaries of a window.
    virtual std::vector<ClientSummary> clients(const QString &site, int64_t from, int64_t to) const = 0;
    // Response times (where the log has them): the q-quantile (0..1) of the site's response times
    // in the window, in µs, or UINT32_MAX when none is logged.
    virtual uint32_t responseQuantile(const QString &site, double q, int64_t from, int64_t to) const = 0;
    // Per bin: requests with a logged response time slower than `slowerThanUs` (0: every request
    // with a response time).
    virtual std::vector<double> responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from, int64_t to,
                                               int64_t width) const = 0;
};

// Value counts ranked as topValues answers: most frequent first, ties by value, at most n
// (n ≤ 0: all).
std::vector<EventStore::ValueCount> rankValueCounts(const std::map<QString, double> &byValue, int n);

// "static" for assets by extension (.css, .js, images, fonts), else "dynamic".
bool isStaticPath(std::string_view path);
// The kind of a referer URL relative to the site it was sent to.
EventStore::RefererKind refererKind(std::string_view referer, std::string_view site);
// A client address reduced to its network: a.b.c.0/24 for IPv4, the first 48 bits for IPv6.
QString clientNetwork(std::string_view address);

} // namespace inquest

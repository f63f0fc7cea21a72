#pragma once

#include "rng.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace inquest::scenario {

// Samples an index 0..n-1 with weight 1/(i+1)^s (Zipf-like), by binary search on the CDF.
class ZipfSampler
{
public:
    ZipfSampler(std::size_t n, double s);
    std::size_t sample(Rng &rng) const;
    std::size_t size() const { return m_cdf.size(); }

private:
    std::vector<double> m_cdf;
};

enum class PageKind : uint8_t { Home, Page, Product, Search, Cart, Checkout, Static, Api };

struct Endpoint
{
    std::string path;
    PageKind kind = PageKind::Page;
    uint32_t bytes = 0; // typical response size
};

// The things a storefront serves and the people and programs that ask for them.
namespace traffic {

// A catalogue of a storefront's URLs, most popular first.
std::vector<Endpoint> catalogue(Rng &rng, std::size_t products);

// Browser user agents of the time with their weights (most common first).
const std::vector<std::pair<const char *, double>> &browserAgents();
// Agents seen in floods (scripted clients, old spoofed browsers).
const std::vector<const char *> &attackAgents();
const std::vector<const char *> &crawlerAgents();
// Search terms for search-engine referers and the site's own search.
const std::vector<const char *> &searchTerms();
// External pages that link to shops (news, blogs, forums).
const std::vector<const char *> &externalReferers();

// A plausible public IPv4 address for a client, stable for (salt, client).
std::string clientAddress(uint64_t salt, uint64_t client);

} // namespace traffic
} // namespace inquest::scenario

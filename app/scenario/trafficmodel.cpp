#include "trafficmodel.h"

#include <algorithm>
#include <cmath>

namespace inquest::scenario {

ZipfSampler::ZipfSampler(std::size_t n, double s)
{
    m_cdf.resize(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += 1.0 / std::pow(double(i + 1), s);
        m_cdf[i] = sum;
    }
    for (double &c : m_cdf)
        c /= sum;
}

std::size_t ZipfSampler::sample(Rng &rng) const
{
    const double u = rng.uniform();
    const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
    return std::min<std::size_t>(std::size_t(it - m_cdf.begin()), m_cdf.size() - 1);
}

namespace traffic {

namespace {

std::string productId(Rng &rng)
{
    static const char Alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string id = "B00";
    for (int i = 0; i < 7; ++i)
        id += Alphabet[rng.below(sizeof(Alphabet) - 1)];
    return id;
}

} // namespace

std::vector<Endpoint> catalogue(Rng &rng, std::size_t products)
{
    std::vector<Endpoint> list;
    // The head of the distribution: pages and assets every visit touches.
    list.push_back({"/", PageKind::Home, 48000});
    list.push_back({"/favicon.ico", PageKind::Static, 1150});
    list.push_back({"/images/G/02/nav2/gamma/nav-sprite.png", PageKind::Static, 18800});
    list.push_back({"/css/site-min.css", PageKind::Static, 31200});
    list.push_back({"/js/site-min.js", PageKind::Static, 88400});
    list.push_back({"/gp/cart/view.html", PageKind::Cart, 21500});
    list.push_back({"/gp/yourstore/home", PageKind::Page, 35100});
    list.push_back({"/gp/buy/spc/handlers/display.html", PageKind::Checkout, 27300});
    list.push_back({"/gp/cart/add-to-cart.html", PageKind::Cart, 2400});
    list.push_back({"/gp/buy/thankyou/handlers/display.html", PageKind::Checkout, 19800});
    list.push_back({"/gp/css/homepage.html", PageKind::Page, 22600});
    list.push_back({"/gp/help/customer/display.html", PageKind::Page, 17400});
    list.push_back({"/ap/signin", PageKind::Page, 12900});
    list.push_back({"/robots.txt", PageKind::Static, 2100});
    list.push_back({"/gp/bestsellers/", PageKind::Page, 39800});
    list.push_back({"/gp/deals/", PageKind::Page, 41700});
    list.push_back({"/gp/aw/ajax/nav-flyout", PageKind::Api, 3800});
    list.push_back({"/gp/recsv2/widget", PageKind::Api, 6100});
    const auto &terms = searchTerms();
    for (const char *term : terms)
        list.push_back({std::string("/s?k=") + term, PageKind::Search, uint32_t(30000 + rng.below(20000))});
    for (std::size_t i = 0; i < products; ++i) {
        const std::string id = productId(rng);
        list.push_back({"/gp/product/" + id, PageKind::Product, uint32_t(40000 + rng.below(40000))});
        if (i % 3 == 0)
            list.push_back({"/images/I/" + id + "._SL500_.jpg", PageKind::Static, uint32_t(15000 + rng.below(60000))});
        if (i % 5 == 0)
            list.push_back({"/product-reviews/" + id, PageKind::Page, uint32_t(25000 + rng.below(30000))});
    }
    // Interleave so that products are not all at the tail of the popularity curve.
    for (std::size_t i = 18; i + 1 < list.size(); ++i)
        std::swap(list[i], list[i + rng.below(list.size() - i)]);
    return list;
}

const std::vector<std::pair<const char *, double>> &browserAgents()
{
    static const std::vector<std::pair<const char *, double>> Agents{
        {"Mozilla/5.0 (Windows; U; Windows NT 6.1; en-GB; rv:1.9.2.12) Gecko/20101026 Firefox/3.6.12", 18},
        {"Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0; SLCC2; .NET CLR 2.0.50727)", 16},
        {"Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US) AppleWebKit/534.10 (KHTML, like Gecko) "
         "Chrome/8.0.552.215 Safari/534.10",
         12},
        {"Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1; .NET CLR 1.1.4322)", 9},
        {"Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10_6_5; en-us) AppleWebKit/533.19.4 (KHTML, like Gecko) "
         "Version/5.0.3 Safari/533.19.4",
         8},
        {"Mozilla/5.0 (iPhone; U; CPU iPhone OS 4_2_1 like Mac OS X; en-gb) AppleWebKit/533.17.9 (KHTML, "
         "like Gecko) Version/5.0.2 Mobile/8C148 Safari/6533.18.5",
         7},
        {"Mozilla/5.0 (Windows; U; Windows NT 6.1; de; rv:1.9.2.13) Gecko/20101203 Firefox/3.6.13", 7},
        {"Mozilla/5.0 (Linux; U; Android 2.2; en-gb; GT-I9000 Build/FROYO) AppleWebKit/533.1 (KHTML, like "
         "Gecko) Version/4.0 Mobile Safari/533.1",
         5},
        {"Opera/9.80 (Windows NT 6.1; U; fr) Presto/2.7.62 Version/11.00", 4},
        {"Mozilla/5.0 (X11; U; Linux x86_64; en-US; rv:1.9.2.12) Gecko/20101027 Ubuntu/10.10 (maverick) "
         "Firefox/3.6.12",
         3},
        {"Mozilla/5.0 (iPad; U; CPU OS 4_2_1 like Mac OS X; en-us) AppleWebKit/533.17.9 (KHTML, like Gecko) "
         "Version/5.0.2 Mobile/8C148 Safari/6533.18.5",
         3},
        {"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)", 2},
        {"Mozilla/5.0 (Windows; U; Windows NT 6.0; es-ES; rv:1.9.2.12) Gecko/20101026 Firefox/3.6.12", 3},
        {"Mozilla/5.0 (BlackBerry; U; BlackBerry 9800; en-GB) AppleWebKit/534.1+ (KHTML, like Gecko) "
         "Version/6.0.0.246 Mobile Safari/534.1+",
         1.5},
    };
    return Agents;
}

const std::vector<const char *> &attackAgents()
{
    static const std::vector<const char *> Agents{
        "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)",
        "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.8.1.1) Gecko/20061204 Firefox/2.0.0.1",
        "libwww-perl/5.836",
    };
    return Agents;
}

const std::vector<const char *> &crawlerAgents()
{
    static const std::vector<const char *> Agents{
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    };
    return Agents;
}

const std::vector<const char *> &searchTerms()
{
    static const std::vector<const char *> Terms{
        "kindle",       "ipod+nano",  "christmas+lights", "lego",        "harry+potter+dvd",
        "usb+stick",    "headphones", "xbox+360",         "nikon+d3100", "advent+calendar",
        "sat+nav",      "ugg+boots",  "electric+blanket", "board+games", "toaster",
        "snow+chains",  "wii+fit",    "gift+card",        "perfume",     "kettle",
        "mobile+phone", "laptop+bag", "bluray+player",    "cookbook",    "jigsaw+puzzle",
    };
    return Terms;
}

const std::vector<const char *> &externalReferers()
{
    static const std::vector<const char *> Referers{
        "http://www.hotukdeals.com/deals/",
        "http://www.facebook.com/",
        "http://www.bbc.co.uk/news/technology/",
        "http://forums.digitalspy.co.uk/showthread.php",
        "http://www.pricerunner.co.uk/",
        "http://www.idealo.de/preisvergleich/",
        "http://www.leboncoin.fr/",
        "http://www.kelkoo.co.uk/",
    };
    return Referers;
}

std::string clientAddress(uint64_t salt, uint64_t client)
{
    Rng r(salt ^ (client * 0x9E3779B97F4A7C15ull));
    // Public unicast ranges only: skip 0/8, 10/8, 127/8, 169.254, 172.16/12, 192.168 and 224+.
    static const int FirstOctets[] = {2,   5,   24,  31,  37,  46,  62,  66,  77,  78,  79, 80, 81,  82,
                                      83,  84,  85,  86,  87,  88,  89,  90,  91,  92,  93, 94, 95,  109,
                                      151, 176, 178, 188, 193, 194, 195, 212, 213, 217, 98, 71, 173, 121};
    const int a = FirstOctets[r.below(sizeof(FirstOctets) / sizeof(int))];
    std::string s = std::to_string(a);
    s += '.';
    s += std::to_string(r.below(256));
    s += '.';
    s += std::to_string(r.below(256));
    s += '.';
    s += std::to_string(1 + r.below(254));
    return s;
}

} // namespace traffic
} // namespace inquest::scenario

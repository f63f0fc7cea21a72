#include "accessloggenerator.h"

#include "civiltime.h"
#include "trafficmodel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace inquest::scenario {

namespace {

constexpr int64_t Micro = 1'000'000;

enum class Stream { Normal, Bot, Flood, Crowd, Crawler };

// Share of a day's peak traffic by local hour (hourly anchors, linear between them): lowest
// before dawn, a morning climb, a plateau through the afternoon, the peak in the evening.
double diurnal(double hour)
{
    static const double Anchors[25] = {0.55, 0.38, 0.26, 0.19, 0.16, 0.17, 0.24, 0.38, 0.52, 0.63, 0.71, 0.76, 0.80,
                                       0.80, 0.77, 0.76, 0.77, 0.80, 0.86, 0.94, 1.00, 0.99, 0.90, 0.73, 0.55};
    const int h = std::clamp(int(hour), 0, 23);
    const double f = hour - h;
    return Anchors[h] * (1 - f) + Anchors[h + 1] * f;
}

struct Session
{
    uint64_t client = 0;
    uint32_t endpoint = 0;
};

struct Retry
{
    uint64_t client;
    uint32_t endpoint;
    int attempt;
};

class SiteGenerator
{
public:
    SiteGenerator(const ScenarioSpec &spec, int site, QByteArray *file)
        : m_spec(spec)
        , m_site(spec.sites[site])
        , m_siteIndex(site)
        , m_rng(Rng(spec.seed).fork(uint64_t(site) + 1))
        , m_catalogue(traffic::catalogue(m_rng, 1500))
        , m_paths(m_catalogue.size(), 1.05)
        , m_population(std::size_t(std::max(3000.0, m_site.peakRate * 2400)), 0.85)
        , m_clock(QTimeZone((m_site.timeZone.isEmpty() ? spec.timeZone : m_site.timeZone).toLatin1()))
        , m_file(file)
        , m_table(std::make_shared<EventTable>())
    {
        m_pathIds.assign(m_catalogue.size(), UINT32_MAX);
        m_internalRefIds.assign(m_catalogue.size(), UINT32_MAX);
        double sum = 0;
        for (const auto &[agent, weight] : traffic::browserAgents())
            m_agentCdf.push_back(sum += weight);
        for (double &c : m_agentCdf)
            c /= sum;
        m_salt = spec.seed * 31 + uint64_t(site);
        m_sitePrefix = "http://www." + m_site.name.toStdString();
        m_depress = m_rng.uniform(0.8, 1.0);
        m_floodHits = m_rng.uniform(0.5, 0.9);
        m_floodSpill = m_rng.uniform(0.0, 0.06);
        m_floodStyle = int(m_rng.below(3));
        m_deployBreaksSearch = m_rng.chance(0.5);
        m_linked = uint32_t(150 + m_rng.below(300));
        m_botnet = 800 + m_rng.below(5000);
        m_floodBots = 40 + m_rng.below(400);
        static const std::array<const char *, 4> Links{
            "http://twitter.com/dealsdaily/status/", "http://www.hotukdeals.com/deals/",
            "http://news.ycombinator.com/item?id=", "http://newsletter.example.net/click?c="};
        m_link = std::string(Links[m_rng.below(Links.size())]) + std::to_string(10000 + m_rng.below(90000));
    }

    std::shared_ptr<EventTable> run()
    {
        const int64_t first = m_spec.begin / Micro;
        const int64_t last = m_spec.end / Micro;
        const double expected = m_site.peakRate * double(last - first) * 0.9;
        m_table->reserve(std::size_t(expected));
        if (m_file)
            m_file->reserve(qsizetype(expected * 230));
        double noise = 0;
        for (int64_t sec = first; sec < last; ++sec) {
            if (sec % 60 == 0)
                noise = 0.8 * noise + 0.2 * 0.08 * m_rng.normal();
            m_second = sec;
            m_offset = m_clock.offsetAt(sec);
            m_stamp.clear();
            const double hour = double(((sec + m_offset) % 86400 + 86400) % 86400) / 3600.0;
            generateSecond(m_site.peakRate * diurnal(hour) * std::exp(noise));
        }
        return m_table;
    }

private:
    bool incidentActive() const
    {
        const int64_t us = m_second * Micro;
        return m_spec.kind != IncidentKind::None && m_site.affected && us >= m_spec.incidentBegin &&
               us < m_spec.incidentEnd;
    }
    // 0 → 1 over the first minute of the incident: failures and floods build up, not switch on.
    double ramp() const { return std::min(1.0, double(m_second * Micro - m_spec.incidentBegin) / (60.0 * Micro)); }
    const DecoySpec *decoy(DecoyKind kind, int64_t length) const
    {
        for (const DecoySpec &d : m_spec.decoys) {
            if (d.kind == kind && d.site == m_siteIndex && m_second * Micro >= d.at && m_second * Micro < d.at + length)
                return &d;
        }
        return nullptr;
    }

    void generateSecond(double base)
    {
        std::array<double, 5> rate{base, 0, 0, 0, 0};
        m_errorShare = 0;
        if (incidentActive()) {
            const double r = ramp();
            const double k = m_spec.intensity;
            switch (m_spec.kind) {
            case IncidentKind::Hardware:
                rate[0] *= 1.0 - (1.0 - m_depress) * r;
                m_errorShare = k * r;
                break;
            case IncidentKind::VolumetricDdos:
                rate[1] = (k - 1) * base * r;
                m_errorShare = std::clamp(0.1 + 0.04 * k, 0.15, 0.7) * r;
                break;
            case IncidentKind::AppFlood:
                rate[2] = (k - 1) * base * r;
                break;
            case IncidentKind::FlashCrowd:
                rate[3] = (k - 1) * base * r;
                m_errorShare = std::clamp(0.04 + 0.045 * k, 0.1, 0.45) * r;
                break;
            case IncidentKind::Upstream:
                rate[0] *= 1.0 - (1.0 - k) * r;
                break;
            case IncidentKind::BadDeploy:
            case IncidentKind::None:
                break;
            }
        }
        if (decoy(DecoyKind::CrawlerBurst, 12 * 60 * Micro))
            rate[4] = 1.5 + 2.5 * double((m_spec.seed + uint64_t(m_siteIndex)) % 7) / 6.0;
        m_blip = decoy(DecoyKind::ErrorBlip, 45 * Micro) != nullptr;

        const double total = rate[0] + rate[1] + rate[2] + rate[3] + rate[4];
        const int n = m_rng.poisson(total);
        for (int i = 0; i < n; ++i) {
            double u = m_rng.uniform() * total;
            int s = 0;
            while (s < 4 && u >= rate[std::size_t(s)]) {
                u -= rate[std::size_t(s)];
                ++s;
            }
            generate(Stream(s));
        }
        auto &due = m_retries[std::size_t(m_second % 8)];
        const std::vector<Retry> now = std::move(due);
        due.clear();
        for (const Retry &r : now)
            request(Stream::Normal, r.client, r.endpoint, uint32_t(internalRef(r.endpoint)), r.attempt);
    }

    void generate(Stream stream)
    {
        switch (stream) {
        case Stream::Normal: {
            if (m_sessions.size() > 64 && m_rng.chance(0.6)) {
                // A visitor clicks on: same client, the previous page as referer.
                Session &s = m_sessions[m_rng.below(m_sessions.size())];
                const uint32_t next = uint32_t(m_paths.sample(m_rng));
                request(stream, s.client, next, internalRef(s.endpoint), 0);
                if (m_catalogue[next].kind != PageKind::Static)
                    s.endpoint = next;
                return;
            }
            const uint64_t client = m_population.sample(m_rng);
            const uint32_t endpoint = uint32_t(m_paths.sample(m_rng));
            request(stream, client, endpoint, entryReferer(), 0);
            remember({client, endpoint});
            return;
        }
        case Stream::Bot:
            request(stream, (1ull << 40) + m_rng.below(m_botnet), m_rng.chance(0.6) ? 0 : uint32_t(m_rng.below(20)), 0,
                    0);
            return;
        case Stream::Flood:
            request(stream, (1ull << 41) + m_rng.below(m_floodBots), 0, 0, 0);
            return;
        case Stream::Crowd: {
            const uint64_t client = (1ull << 42) + m_crowd++;
            request(stream, client, m_linked, m_table->strings.intern(m_link), 0);
            remember({client, m_linked});
            // People in a crowd use browsers: most fetch the page's stylesheets and scripts
            // (the rest have them cached).
            if (m_rng.chance(0.7)) {
                for (uint32_t asset : staticEndpoints(2))
                    request(stream, client, asset, internalRef(m_linked), 0);
            }
            return;
        }
        case Stream::Crawler:
            request(stream, 1ull << 43, uint32_t(m_rng.below(m_catalogue.size())), 0, 0);
            return;
        }
    }

    // The first n static endpoints of the catalogue (a page's common assets).
    std::vector<uint32_t> staticEndpoints(std::size_t n)
    {
        if (m_statics.empty()) {
            for (uint32_t i = 0; i < m_catalogue.size() && m_statics.size() < n; ++i) {
                if (m_catalogue[i].kind == PageKind::Static)
                    m_statics.push_back(i);
            }
        }
        return m_statics;
    }

    void remember(const Session &s)
    {
        if (m_sessions.size() < 512)
            m_sessions.push_back(s);
        else
            m_sessions[m_rng.below(m_sessions.size())] = s;
    }

    uint32_t entryReferer()
    {
        const double u = m_rng.uniform();
        if (u < 0.45)
            return 0;
        if (u < 0.75) {
            const auto &terms = traffic::searchTerms();
            return m_table->strings.intern("http://www.google.com/search?q=" +
                                           std::string(terms[m_rng.below(terms.size())]));
        }
        if (u < 0.85) {
            const auto &refs = traffic::externalReferers();
            return m_table->strings.intern(refs[m_rng.below(refs.size())]);
        }
        return internalRef(0);
    }

    uint32_t internalRef(uint32_t endpoint)
    {
        uint32_t &id = m_internalRefIds[endpoint];
        if (id == UINT32_MAX)
            id = m_table->strings.intern(m_sitePrefix + m_catalogue[endpoint].path);
        return id;
    }

    uint32_t clientId(uint64_t client)
    {
        auto [it, inserted] = m_clients.try_emplace(client, 0);
        if (inserted)
            it->second =
                m_table->strings.intern(client == (1ull << 43) ? "66.249.71." + std::to_string(10 + m_siteIndex)
                                                               : traffic::clientAddress(m_salt, client));
        return it->second;
    }

    uint32_t agentId(Stream stream, uint64_t client)
    {
        const char *agent = nullptr;
        const uint64_t h = (client + m_salt) * 0x9E3779B97F4A7C15ull;
        if (stream == Stream::Bot || stream == Stream::Flood) {
            const auto &list = traffic::attackAgents();
            agent = list[stream == Stream::Flood ? std::size_t(m_floodStyle) % list.size() : (h >> 32) % 2];
        } else if (stream == Stream::Crawler) {
            agent = traffic::crawlerAgents()[std::size_t(m_spec.seed % 3)];
        } else {
            const double u = double(h >> 11) * 0x1.0p-53;
            const auto it = std::upper_bound(m_agentCdf.begin(), m_agentCdf.end(), u);
            agent = traffic::browserAgents()[std::min<std::size_t>(std::size_t(it - m_agentCdf.begin()),
                                                                   m_agentCdf.size() - 1)]
                        .first;
        }
        return m_table->strings.intern(agent);
    }

    uint16_t backgroundStatus(PageKind kind)
    {
        const double u = m_rng.uniform();
        if (kind == PageKind::Static && u < 0.12)
            return 304;
        if (u < 0.008)
            return 404;
        if (u < 0.009)
            return 403;
        if (u < 0.017)
            return 302;
        if (u < 0.0185)
            return 301;
        if (u < 0.0189)
            return m_rng.chance(0.5) ? 500 : 503;
        return 200;
    }

    uint16_t status(Stream stream, PageKind kind, bool hammered)
    {
        uint16_t code = backgroundStatus(kind);
        if (m_blip && m_rng.chance(0.35))
            return 502;
        if (!incidentActive())
            return code;
        static const uint16_t Overload[] = {503, 503, 504, 502};
        switch (m_spec.kind) {
        case IncidentKind::BadDeploy:
            // The release broke the basket and checkout, and with some seeds search as well.
            if ((kind == PageKind::Cart || kind == PageKind::Checkout ||
                 (kind == PageKind::Search && m_deployBreaksSearch)) &&
                m_rng.chance(m_spec.intensity * ramp()))
                return 500;
            return code;
        case IncidentKind::AppFlood:
            if (m_rng.chance((hammered ? m_floodHits : m_floodSpill) * ramp()))
                return Overload[m_rng.below(4)];
            return code;
        default:
            if (m_rng.chance(m_errorShare))
                return Overload[m_rng.below(4)];
            (void)stream;
            return code;
        }
    }

    void request(Stream stream, uint64_t client, uint32_t endpoint, uint32_t referer, int attempt)
    {
        const Endpoint &e = m_catalogue[endpoint];
        uint32_t pathId;
        HttpMethod method = HttpMethod::Get;
        bool hammered = false;
        if (stream == Stream::Flood) {
            hammered = true;
            static const char *Targets[] = {"/s?k=", "/ap/signin", "/gp/cart/add-to-cart.html"};
            std::string target = Targets[m_floodStyle];
            if (m_floodStyle == 0) {
                for (int i = 0, n = 5 + int(m_rng.below(6)); i < n; ++i)
                    target += char('a' + m_rng.below(26));
            } else {
                method = HttpMethod::Post;
            }
            pathId = m_table->strings.intern(target);
        } else if (stream == Stream::Crawler && m_rng.chance(0.08)) {
            pathId =
                m_table->strings.intern("/exec/obidos/ASIN/0" + std::to_string(100000000 + m_rng.below(899999999)));
        } else {
            uint32_t &id = m_pathIds[endpoint];
            if (id == UINT32_MAX)
                id = m_table->strings.intern(e.path);
            pathId = id;
            if (e.kind == PageKind::Cart && e.path.find("add-to-cart") != std::string::npos)
                method = HttpMethod::Post;
            else if ((e.kind == PageKind::Checkout || e.path == "/ap/signin") && m_rng.chance(0.3))
                method = HttpMethod::Post;
            else if (m_rng.chance(0.002))
                method = HttpMethod::Head;
        }
        uint16_t code = status(stream, e.kind, hammered);
        if (stream == Stream::Crawler && pathId != m_pathIds[endpoint])
            code = 404;
        uint64_t size = 0;
        if (code == 200)
            size = uint64_t(double(e.bytes) * m_rng.uniform(0.8, 1.2));
        else if (code == 404 || code == 403)
            size = 8900 + m_rng.below(600);
        else if (code >= 500)
            size = 2100 + m_rng.below(500);
        else if (code == 302 || code == 301)
            size = 230 + m_rng.below(40);
        if (method == HttpMethod::Head)
            size = 0;

        // Visitors who see an error page often try again a few seconds later.
        if (code >= 500 && stream == Stream::Normal && attempt < 2 && m_rng.chance(0.2))
            m_retries[std::size_t((m_second + 1 + int64_t(m_rng.below(4))) % 8)].push_back(
                {client, endpoint, attempt + 1});

        const uint32_t cid = clientId(client);
        const uint32_t aid = agentId(stream, client);
        const uint64_t offset = m_file ? uint64_t(m_file->size()) : 0;
        const std::size_t row = m_table->appendRow(m_second * Micro, offset, ++m_line);
        m_table->status[row] = code;
        m_table->bytes[row] = size;
        m_table->method[row] = method;
        m_table->client[row] = cid;
        m_table->path[row] = pathId;
        m_table->agent[row] = aid;
        m_table->referer[row] = referer;
        const uint32_t micros = m_site.logsResponseTime ? responseTime(e.kind, code) : NoResponseTime;
        m_table->responseUs[row] = micros;
        if (m_file)
            writeLine(cid, method, pathId, code, size, referer, aid, micros);
    }

    // Time to serve a request: log-normal around a typical time for the kind of page; several
    // times slower while the incident lasts on an affected site; a failure is either quick (a
    // refused backend) or a proxy's timeout.
    uint32_t responseTime(PageKind kind, uint16_t code)
    {
        if (code >= 500)
            return m_rng.chance(0.5) ? uint32_t(1000 + m_rng.below(20000))
                                     : uint32_t(30'000'000 + m_rng.below(30'000'000));
        double ms = 40;
        switch (kind) {
        case PageKind::Static:
            ms = 4;
            break;
        case PageKind::Search:
            ms = 120;
            break;
        case PageKind::Cart:
        case PageKind::Checkout:
            ms = 150;
            break;
        case PageKind::Product:
            ms = 60;
            break;
        case PageKind::Api:
            ms = 30;
            break;
        default:
            break;
        }
        ms *= std::exp(0.5 * m_rng.normal());
        if (incidentActive())
            ms *= 1.0 + 5.0 * ramp();
        return uint32_t(std::min(ms * 1000.0, 60e6));
    }

    void append(std::string_view s) { m_file->append(s.data(), qsizetype(s.size())); }
    void appendNumber(uint64_t v)
    {
        char buf[24];
        int n = 0;
        do {
            buf[n++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        while (n)
            m_file->append(buf[--n]);
    }

    const std::string &stamp()
    {
        if (m_stamp.empty()) {
            const Civil c = civilFromSeconds(m_second + m_offset);
            char buf[40];
            const int off = std::abs(m_offset) / 60;
            std::snprintf(buf, sizeof buf, "[%02d/%s/%04d:%02d:%02d:%02d %c%02d%02d]", c.day,
                          monthAbbreviation(c.month), c.year, c.hour, c.minute, c.second, m_offset < 0 ? '-' : '+',
                          off / 60, off % 60);
            m_stamp = buf;
        }
        return m_stamp;
    }

    void writeLine(uint32_t client, HttpMethod method, uint32_t path, uint16_t code, uint64_t size, uint32_t referer,
                   uint32_t agent, uint32_t micros)
    {
        const StringPool &pool = m_table->strings;
        append(pool.view(client));
        append(" - - ");
        append(stamp());
        append(" \"");
        append(toString(method));
        append(" ");
        append(pool.view(path));
        append(" HTTP/1.1\" ");
        appendNumber(code);
        append(" ");
        if (size)
            appendNumber(size);
        else
            append("-");
        append(" \"");
        append(referer ? pool.view(referer) : std::string_view("-"));
        append("\" \"");
        append(pool.view(agent));
        append("\"");
        if (micros != NoResponseTime) {
            append(" ");
            appendNumber(micros);
        }
        append("\n");
    }

    const ScenarioSpec &m_spec;
    const SiteSpec &m_site;
    int m_siteIndex;
    Rng m_rng;
    std::vector<Endpoint> m_catalogue;
    ZipfSampler m_paths;
    ZipfSampler m_population;
    ZoneClock m_clock;
    QByteArray *m_file;
    std::shared_ptr<EventTable> m_table;

    std::vector<uint32_t> m_pathIds;
    std::vector<uint32_t> m_internalRefIds;
    std::vector<double> m_agentCdf;
    std::unordered_map<uint64_t, uint32_t> m_clients;
    std::vector<Session> m_sessions;
    std::array<std::vector<Retry>, 8> m_retries;
    uint64_t m_salt = 0;
    std::string m_sitePrefix;
    std::string m_link;
    std::string m_stamp;

    int64_t m_second = 0;
    int m_offset = 0;
    uint32_t m_line = 0;
    double m_errorShare = 0;
    bool m_blip = false;
    double m_depress = 1;
    double m_floodHits = 0.7;
    double m_floodSpill = 0.02;
    int m_floodStyle = 0;
    bool m_deployBreaksSearch = false;
    uint32_t m_linked = 200;
    std::vector<uint32_t> m_statics;
    uint64_t m_botnet = 1000;
    uint64_t m_floodBots = 100;
    uint64_t m_crowd = 0;
};

} // namespace

std::shared_ptr<EventTable> generateAccessLog(const ScenarioSpec &spec, int site, QByteArray *file)
{
    return SiteGenerator(spec, site, file).run();
}

} // namespace inquest::scenario

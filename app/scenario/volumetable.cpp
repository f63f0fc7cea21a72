#include "volumetable.h"

#include <cstdio>
#include <random>
#include <string>

namespace inquest::scenario {

std::shared_ptr<EventTable> volumeTable(const VolumeSpec &g)
{
    auto t = std::make_shared<EventTable>();
    t->reserve(g.rows);
    std::mt19937_64 rng(g.seed);
    std::exponential_distribution<double> gap(1.0 / double(std::max<int64_t>(g.meanGapUs, 1)));
    std::uniform_int_distribution<int> clientDist(0, g.clients - 1), pathDist(0, g.paths - 1), pct(0, 999);
    std::uniform_int_distribution<int> hostDist(0, std::max(g.hosts, 1) - 1);
    static const char *agents[] = {"Mozilla/5.0 (Windows NT 6.1) Firefox/3.6", "curl/7.21.0", "Googlebot/2.1",
                                   "Mozilla/5.0 (Macintosh) Safari/533", "LOIC/1.0 flood"};
    static const char *programs[] = {"kernel: eth0 link down", "sshd[412]: Accepted publickey",
                                     "CRON[99]: session opened", "nginx: worker process exited",
                                     "kernel: EXT4-fs error (device sda1)"};
    const uint32_t agentIds[] = {t->strings.intern(agents[0]), t->strings.intern(agents[1]),
                                 t->strings.intern(agents[2]), t->strings.intern(agents[3]),
                                 t->strings.intern(agents[4])};
    int64_t time = g.startUs;
    uint64_t offset = 0;
    char buf[96];
    for (std::size_t i = 0; i < g.rows; ++i) {
        // A tenth of the events share the previous timestamp (logs with second precision).
        if (pct(rng) >= 100)
            time += int64_t(gap(rng));
        int64_t rowTime = time;
        if (g.shuffled)
            rowTime = g.startUs + int64_t(rng() % uint64_t(std::max<int64_t>(g.meanGapUs, 1) * int64_t(g.rows)));
        const std::size_t r = t->appendRow(rowTime, offset, uint32_t(i + 1));
        std::snprintf(buf, sizeof buf, "host%d.example.org", hostDist(rng));
        t->host[r] = t->strings.intern(buf);
        if (g.syslog) {
            const int p = pct(rng) % 5;
            t->message[r] = t->strings.intern(programs[p]);
            t->severity[r] = uint8_t(p == 0 || p == 4 ? 3 : (p == 3 ? 4 : 6));
        } else {
            const int c = clientDist(rng);
            std::snprintf(buf, sizeof buf, "10.%d.%d.%d", c / 65536 % 256, c / 256 % 256, c % 256);
            t->client[r] = t->strings.intern(buf);
            std::snprintf(buf, sizeof buf, "/shop/item/%d?ref=home", pathDist(rng));
            t->path[r] = t->strings.intern(buf);
            t->agent[r] = agentIds[pct(rng) % 5];
            const int s = pct(rng);
            t->status[r] = uint16_t(s < 800 ? 200 : s < 880 ? 304 : s < 950 ? 404 : s < 990 ? 503 : 500);
            t->method[r] = s % 7 == 0 ? HttpMethod::Post : HttpMethod::Get;
            t->bytes[r] = uint64_t(s) * 37;
            t->responseUs[r] = uint32_t(1000 + s * 150);
        }
        offset += 120 + (i % 40);
    }
    return t;
}

} // namespace inquest::scenario

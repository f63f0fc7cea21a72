// Timeline merge and filter speed on a generated 5M-event case (6 sources).
// Run the release build: build/release/tests/bench/bench_timeline [events]
// Figures are printed as milliseconds and as ratios to a plain linear pass over the time
// columns in the same process (the least any filter has to do).

#include "analysis/eventfilter.h"
#include "analysis/timelineindex.h"

#include "scenario/volumetable.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace inquest;

namespace {

// Process CPU time (all threads) of the last medianMs() run: on a shared machine the wall
// time also counts the time other processes had the cores.
double g_cpuMs = 0;

double medianMs(const std::function<void()> &run, int repeats = 5)
{
    std::vector<std::pair<double, double>> ms;
    for (int i = 0; i < repeats; ++i) {
        const std::clock_t cpu = std::clock();
        const auto start = std::chrono::steady_clock::now();
        run();
        ms.emplace_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
                        double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
    }
    std::sort(ms.begin(), ms.end());
    g_cpuMs = ms[ms.size() / 2].second;
    return ms[ms.size() / 2].first;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::size_t total = argc > 1 ? std::size_t(std::atoll(argv[1])) : 5'000'000;
    const int sourceCount = 6;
    std::vector<TimelineSource> sources;
    for (int s = 0; s < sourceCount; ++s) {
        scenario::VolumeSpec g;
        g.rows = total / sourceCount;
        g.meanGapUs = 6000;
        g.syslog = s == 5;
        g.shuffled = s == 4; // one source out of time order, like a merged export
        g.clients = 200'000;
        g.paths = 50'000;
        g.hosts = 4;
        g.seed = uint32_t(s + 1);
        sources.push_back({Id(s + 1),
                           QStringLiteral("log%1").arg(s),
                           {},
                           s < 3 ? QStringLiteral("shop.example") : QString(),
                           0,
                           scenario::volumeTable(g)});
    }
    std::printf("events: %zu in %d sources\n", total, sourceCount);

    // Reference: one pass over every time column, counting rows in a range.
    const int64_t mid = sources[0].table->time[sources[0].table->size() / 2];
    std::size_t sink = 0;
    const double reference = medianMs([&] {
        std::size_t n = 0;
        for (const TimelineSource &s : sources)
            for (int64_t t : s.table->time)
                n += t >= mid;
        sink += n;
    });
    std::printf("%-38s %9.1f ms wall %9.1f ms cpu  (reference)\n", "linear pass over time columns", reference, g_cpuMs);

    std::shared_ptr<const TimelineIndex> index;
    const double build = medianMs([&] { index = TimelineIndex::build(sources); }, 3);
    std::printf("%-38s %9.1f ms wall %9.1f ms cpu  %6.1fx reference\n", "merge (build index)", build, g_cpuMs,
                build / reference);

    struct Case
    {
        const char *name;
        EventFilter filter;
    };
    std::vector<Case> cases;
    auto add = [&cases](const char *name, auto set) {
        EventFilter f;
        set(f);
        cases.push_back({name, f});
    };
    add("text 'loic' (agent)", [](EventFilter &f) { f.text = QStringLiteral("loic"); });
    add("text 'item/4711' (path)", [](EventFilter &f) { f.text = QStringLiteral("item/4711"); });
    add("text '10.1.' (client)", [](EventFilter &f) { f.text = QStringLiteral("10.1."); });
    add("status 5xx", [](EventFilter &f) { f.statusClasses = EventFilter::Status5xx; });
    add("severity err and worse", [](EventFilter &f) { f.severities = 0x0F; });
    add("site by host", [](EventFilter &f) { f.site = QStringLiteral("host1.example.org"); });
    add("time range (half)", [mid](EventFilter &f) { f.from = mid; });
    add("text + 5xx + site + range", [mid](EventFilter &f) {
        f.text = QStringLiteral("shop");
        f.statusClasses = EventFilter::Status5xx;
        f.site = QStringLiteral("shop.example");
        f.to = mid;
    });
    double worst = 0, worstCpu = 0;
    for (const Case &c : cases) {
        std::size_t rows = 0;
        const double ms = medianMs([&] { rows = applyFilter(*index, c.filter)->size(); });
        worst = std::max(worst, ms);
        worstCpu = std::max(worstCpu, g_cpuMs);
        std::printf("filter %-31s %9.1f ms wall %9.1f ms cpu  %6.1fx reference  (%zu rows)\n", c.name, ms, g_cpuMs,
                    ms / reference, rows);
    }
    std::printf("slowest filter: %.1f ms wall, %.1f ms cpu (all threads) for %zu events (target < 500 ms)\n", worst,
                worstCpu, index->size());
    return sink == 0 ? 1 : 0;
}

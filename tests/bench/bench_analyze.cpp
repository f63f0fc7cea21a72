// `analyze` on a 5M-event case: the detectors over generated logs of six sites (a hardware
// incident with decoys), against one linear pass over the time columns in the same process.
// Usage: bench_analyze [events, default 5000000]
#include "analysis/detectors/detector.h"
#include "analysis/detectors/detectorrun.h"
#include "model/casedocument.h"
#include "testlib/benchcase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace inquest;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double target = argc > 1 ? std::atof(argv[1]) : 5e6;

    QElapsedTimer timer;
    timer.start();
    qint64 begin = 0;
    auto generated = testing::analyzeBenchCase(target, &begin);
    const double generateMs = double(timer.nsecsElapsed()) / 1e6;
    CaseData data = std::move(*generated);
    qint64 events = 0;
    for (const Source &s : data.sources)
        events += s.events;
    std::printf("generated %lld events over %d sources in %.0f ms\n", static_cast<long long>(events),
                int(data.sources.size()), generateMs);

    // Reference: one linear pass over every time column (per-minute counts, as a bin pass would).
    std::vector<double> refRuns, runRuns;
    volatile uint64_t sink = 0;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        std::vector<uint32_t> perMinute(24 * 60 * 2, 0);
        for (const Source &s : data.sources) {
            const auto &t = s.table->time;
            for (int64_t v : t)
                ++perMinute[size_t((v - begin) / 60'000'000) % perMinute.size()];
        }
        sink = sink + perMinute[7];
        refRuns.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    DetectorOutput out;
    std::vector<double> cpuRuns;
    for (int run = 0; run < 3; ++run) {
        timer.restart();
        const std::clock_t cpu = std::clock();
        out = runDetectors(data);
        runRuns.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpuRuns.push_back(double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
    }
    timer.restart();
    CaseDocument doc(data);
    const DetectorRunSummary summary = applyDetectorOutput(doc, out, true);
    const double applyMs = double(timer.nsecsElapsed()) / 1e6;

    const double ref = median(refRuns);
    const double det = median(runRuns);
    std::printf("linear pass over time columns: %.1f ms (median of 5)\n", ref);
    std::printf("detectors (analyze without file I/O): %.1f ms (median of 3), %.1fx the linear pass, %.0f M "
                "events/s\n",
                det, det / ref, double(events) / det / 1e3);
    std::printf("  process CPU time of the detectors: %.1f ms (median of 3; wall time above includes waiting for a "
                "shared CPU)\n",
                median(cpuRuns));
    std::printf("applying %d findings to the document: %.1f ms\n", summary.added, applyMs);
    std::printf("target: <= 2000 ms for 5M events: %s\n", det <= 2000 ? "met" : "NOT met");
    for (const Evidence &e : out.evidence)
        std::printf("  %s\n", qPrintable(e.title));
    return det <= 2000 ? 0 : 1;
}

// The scenario bench: incidents of every cause at many volumes, with the generator's decoys,
// written to files and imported from their folder as an analyst would (no options), analysed,
// every suggestion accepted and scored. Prints one line per variant, the confusion matrix (true
// cause × leading hypothesis; a tie for first is counted as "tie") and the window-edge errors.
// Not a test: run by hand (tests/bench/scenarios.sh) from a release build.
// Usage: bench_scenarios [seeds per cause and volume, default 3] [first seed, default 101]
// INQUEST_BENCH_CAUSE=hardware runs one cause; INQUEST_BENCH_VERBOSE=1 prints every finding;
// INQUEST_BENCH_KEEP=FOLDER keeps the generated files.
#include "analysis/detectors/detector.h"
#include "analysis/detectors/detectorrun.h"
#include "ingest/importbatch.h"
#include "ingest/importer.h"
#include "ingest/inputfiles.h"
#include "model/casedocument.h"
#include "scenario/scenariobuilder.h"
#include "scoring/scores.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace inquest;
using namespace inquest::scenario;

namespace {

constexpr qint64 Minute = 60'000'000;

struct Outcome
{
    QString leader;                        // a kind name or "tie" / "none"
    double beginError = -1, endError = -1; // minutes, -1 = incident missed
    bool sitesRight = false;
};

Outcome runVariant(const ScenarioSpec &spec, QString *line)
{
    Outcome o;
    QTemporaryDir dir;
    // INQUEST_BENCH_KEEP=FOLDER writes the variant's files there (the last variant run wins).
    const QString keep = qEnvironmentVariable("INQUEST_BENCH_KEEP");
    QString error;
    if (!generateSources(spec, keep.isEmpty() ? dir.path() : keep, &error)) {
        *line = error;
        o.leader = QStringLiteral("error");
        return o;
    }
    QList<Hypothesis> hs;
    for (HypothesisKind k : allHypothesisKinds())
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseDocument doc(CaseData::create(QStringLiteral("bench"), hs));
    CaseData data = doc.data();
    // As `inquest import FOLDER` reads it: dated files first, year-less syslog placed near them.
    QList<ImportRequest> requests;
    for (const QString &file : expandInputPaths({keep.isEmpty() ? dir.path() : keep}).files)
        requests.append({file, {}});
    QList<Source> read;
    for (int i : batchOrder(requests)) {
        ImportResult r = importLogFile(requests[i].path, batchOptions(requests[i], read));
        if (!r.ok())
            continue;
        read.append(*r.source);
        r.source->id = data.nextId++;
        data.sources.append(*r.source);
    }
    CaseDocument analysed(data);
    const DetectorOutput out = runDetectors(analysed.data());
    applyDetectorOutput(analysed, out, true);
    const ScoreResult scores = computeScores(analysed.hypotheses(), analysed.evidence(), {});
    if (qEnvironmentVariableIsSet("INQUEST_BENCH_VERBOSE")) {
        for (const Evidence &e : analysed.evidence()) {
            QStringList r;
            for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it) {
                if (it.value() != Rating::N)
                    r.append(toString(it.key()) + u'=' + toString(it.value()));
            }
            std::printf("  [%s] %s\n", qPrintable(r.join(u' ')), qPrintable(e.title));
        }
    }
    QStringList tied;
    for (const HypothesisScore &h : scores.tiedForFirst())
        tied.append(toString(h.kind));
    if (!tied.isEmpty())
        o.leader = QStringLiteral("tie");
    else if (const HypothesisScore *lead = scores.leading())
        o.leader = toString(lead->kind);
    // The incident that overlaps the truth.
    for (const Incident &inc : out.incidents) {
        if (inc.begin < spec.incidentEnd && inc.end > spec.incidentBegin) {
            o.beginError = double(std::abs(inc.begin - spec.incidentBegin)) / Minute;
            o.endError = double(std::abs(inc.end - spec.incidentEnd)) / Minute;
            int right = 0;
            for (const SiteSpec &s : spec.sites) {
                bool named = false;
                for (const QString &a : inc.affected)
                    named |= a.startsWith(s.name);
                right += named == s.affected;
            }
            o.sitesRight = right == spec.sites.size();
        }
    }
    double peak = 0;
    for (const SiteSpec &s : spec.sites)
        peak = std::max(peak, s.peakRate * 60);
    // Decoys within an hour of the incident, by kind number (scenario/scenariospec.h).
    QStringList near;
    for (const DecoySpec &d : spec.decoys) {
        if (d.at > spec.incidentBegin - 60 * Minute && d.at < spec.incidentEnd + 60 * Minute)
            near.append(QStringLiteral("%1@%2min").arg(int(d.kind)).arg((d.at - spec.incidentBegin) / Minute));
    }
    *line =
        QStringLiteral("%1 seed %2 sites %3 peak %4/min zone %5: leader %6, edges %7/%8 min, sites %9, incidents %10, "
                       "near decoys [%11]")
            .arg(toString(spec.kind))
            .arg(spec.seed)
            .arg(spec.sites.size())
            .arg(peak, 0, 'f', 0)
            .arg(spec.timeZone, tied.isEmpty() ? o.leader : QStringLiteral("tie (%1)").arg(tied.join(u'+')))
            .arg(o.beginError, 0, 'f', 1)
            .arg(o.endError, 0, 'f', 1)
            .arg(o.sitesRight ? QStringLiteral("right") : QStringLiteral("wrong"))
            .arg(out.incidents.size())
            .arg(near.join(u' '));
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seeds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const int firstSeed = argc > 2 ? std::atoi(argv[2]) : 101;
    // From about 2 requests a minute at the daily peak to a few thousand.
    const std::vector<double> volumes{0.012, 0.15, 1.0, 4.0};

    std::map<QString, std::map<QString, int>> matrix;
    std::vector<double> beginErrors, endErrors;
    int variants = 0, missed = 0, wrongSites = 0;
    const QString only = qEnvironmentVariable("INQUEST_BENCH_CAUSE"); // one cause only, e.g. "hardware"
    for (IncidentKind kind : allIncidentKinds()) {
        if (!only.isEmpty() && toString(kind) != only)
            continue;
        for (double volume : volumes) {
            for (int s = 0; s < seeds; ++s) {
                const ScenarioSpec spec = randomScenario(kind, uint64_t(firstSeed + s), volume);
                QString line;
                const Outcome o = runVariant(spec, &line);
                std::printf("%s\n", qPrintable(line));
                std::fflush(stdout);
                ++variants;
                ++matrix[toString(hypothesisKindOf(kind))][o.leader.isEmpty() ? QStringLiteral("none") : o.leader];
                if (o.beginError < 0) {
                    ++missed;
                    continue;
                }
                beginErrors.push_back(o.beginError);
                endErrors.push_back(o.endError);
                wrongSites += !o.sitesRight;
            }
        }
    }

    const QStringList columns{QStringLiteral("hardware"), QStringLiteral("ddos"),    QStringLiteral("flash-crowd"),
                              QStringLiteral("change"),   QStringLiteral("network"), QStringLiteral("other"),
                              QStringLiteral("tie"),      QStringLiteral("none")};
    std::printf("\nconfusion matrix over %d variants (rows: true cause; columns: leading hypothesis)\n", variants);
    std::printf("%-12s", "");
    for (const QString &c : columns)
        std::printf("%12s", qPrintable(c));
    std::printf("\n");
    int right = 0;
    for (const auto &[truth, row] : matrix) {
        std::printf("%-12s", qPrintable(truth));
        for (const QString &c : columns) {
            const int n = row.count(c) ? row.at(c) : 0;
            std::printf("%12d", n);
            right += c == truth ? n : 0;
        }
        std::printf("\n");
    }
    auto quantile = [](std::vector<double> v, double q) {
        if (v.empty())
            return -1.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, std::size_t(q * double(v.size())))];
    };
    std::printf("true cause leads alone: %d of %d\n", right, variants);
    std::printf("incident missed: %d of %d; affected/unaffected sites wrong: %d\n", missed, variants, wrongSites);
    const int within2 = int(std::count_if(beginErrors.begin(), beginErrors.end(), [](double e) { return e <= 2; }));
    const int within2End = int(std::count_if(endErrors.begin(), endErrors.end(), [](double e) { return e <= 2; }));
    std::printf("window begin error (min): median %.1f, p90 %.1f, max %.1f; within 2 min: %d of %zu\n",
                quantile(beginErrors, 0.5), quantile(beginErrors, 0.9), quantile(beginErrors, 1.0), within2,
                beginErrors.size());
    std::printf("window end error (min):   median %.1f, p90 %.1f, max %.1f; within 2 min: %d of %zu\n",
                quantile(endErrors, 0.5), quantile(endErrors, 0.9), quantile(endErrors, 1.0), within2End,
                endErrors.size());
    return 0;
}

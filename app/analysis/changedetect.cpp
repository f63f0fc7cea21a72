#include "changedetect.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace inquest {

namespace {

// Variance of a standard normal winsorized at its 5% and 95% points: rescales the winsorized
// variance to the full one.
constexpr double WinsorizedVariance = 0.831;
// Median of χ²(1): a robust per-bin Pearson residual² rescaled to the dispersion.
constexpr double MedianChiSquare1 = 0.455;

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Why a bin has no judgement: too few baseline bins yet (the logs began, or the bins before were
// anomalous), or a baseline too quiet to judge volumes by.
enum class Baseline { Usable, TooShort, TooQuiet };

// The CUSUM pair over bins: `llr(i)` is the evidence of bin i against the baseline frozen by
// `freeze(i)`. `expect(i)` and `observe(i)` describe the segment's size.
struct Engine
{
    std::function<Baseline(int, const std::vector<uint8_t> &)> freeze;
    std::function<double(int)> llr;
    std::function<double(int)> expect;
    std::function<double(int)> observe;
    // For the end of a change in volume: bin i's (count, exposure) — (requests, 1) — and the
    // maximised log-likelihood of a run of bins as one regime from their sums (its level at the
    // MLE: count / exposure). Unset for shares: a share is relative to the site's own traffic,
    // so the evening's decline and the sessions that return slowly cancel out of it, and after
    // an outage it does return to its baseline; a failing share that tapers off (a crowd that
    // thins) is still failing users until it is back.
    std::function<std::pair<double, double>(int)> bin;
    std::function<double(double, double)> regime;
    bool fall = false; // the change lowers the level

    // Where a change ended (Hinkley's maximum-likelihood change point, here between the level
    // during the change and the level after it, both estimated from the bins): the reverse
    // CUSUM ends a change when the bins have returned to the baseline frozen before it. After an
    // outage they often do not: sessions abandoned during it come back over many minutes, the
    // evening's decline has begun, traffic resumes at half its old rate. Judged against the old
    // baseline those bins still speak for the change, and the window ran on for half an hour or
    // more. The end is the most likely split of [b, after) into two levels, the level before it
    // the changed one (lower for a fall, higher for a rise), among the splits from the change's
    // minBins-th bin to the reverse CUSUM's end e; `after` is up to minBaselineBins bins past e.
    // It can only bring the end forward: a split earlier than e must be more likely than the
    // split at e. When the logs end less than minBins bins after e (the alarm never closed, or
    // barely), nothing after e shows the level after: a split within the change must then beat
    // one level by the CUSUM's threshold h, the test of "the change ended before the logs did".
    int refinedEnd(int b, int e, int n, const CusumParameters &p) const
    {
        const bool open = std::min(n, e + p.minBaselineBins) - e < p.minBins;
        const int after = open ? n : std::min(n, e + p.minBaselineBins);
        const int last = open ? std::min(e, n - p.minBins) : e; // splits before it are tried
        if (last - b <= p.minBins)
            return e;
        std::vector<double> count(std::size_t(after - b + 1), 0), exposure(count.size(), 0);
        for (int i = b; i < after; ++i) {
            const auto [c, x] = bin(i);
            count[std::size_t(i - b + 1)] = count[std::size_t(i - b)] + c;
            exposure[std::size_t(i - b + 1)] = exposure[std::size_t(i - b)] + x;
        }
        const double totalCount = count.back(), totalExposure = exposure.back();
        const auto split = [&](int m) {
            const double c1 = count[std::size_t(m - b)], x1 = exposure[std::size_t(m - b)];
            const double c2 = totalCount - c1, x2 = totalExposure - x1;
            if (x1 <= 0 || x2 <= 0 || (fall ? c1 / x1 >= c2 / x2 : c1 / x1 <= c2 / x2))
                return -HUGE_VAL;
            return regime(c1, x1) + regime(c2, x2);
        };
        double best = open ? regime(totalCount, totalExposure) + p.threshold : split(e);
        int end = e;
        for (int m = b + p.minBins; m < last; ++m) {
            const double two = split(m);
            if (two > best) {
                best = two;
                end = m;
            }
        }
        return end;
    }

    // The maximum-likelihood change point (Hinkley) among the bins before `candidate` that had
    // no judgement for want of a baseline: the CUSUM's last zero is that change point over the
    // bins it watched, but when its alarm has run since the first bin it could judge, the change
    // may have begun before (logs that start 29 minutes before an outage, judged from minute 33
    // on). Those bins are weighed under the baseline frozen now; a bin judged, flagged or too
    // quiet stops the search. Returns the first bin and adds the evidence gained to `gain`.
    int changeBegin(int candidate, const std::vector<uint8_t> &unjudged, const std::vector<uint8_t> &flagged,
                    double *gain) const
    {
        int begin = candidate;
        double sum = 0, best = 0;
        for (int j = candidate - 1; j >= 0 && unjudged[std::size_t(j)] && !flagged[std::size_t(j)]; --j) {
            sum += llr(j);
            if (sum > best) {
                best = sum;
                begin = j;
            }
        }
        *gain = best;
        return begin;
    }

    std::vector<ChangeSegment> run(int n, const CusumParameters &p, const KnownBins &known) const
    {
        std::vector<ChangeSegment> out;
        std::vector<uint8_t> flagged(std::size_t(std::max(n, 0)), 0);
        if (known.size() == flagged.size())
            flagged = known;
        std::vector<uint8_t> unjudged(flagged.size(), 0);
        double s = 0, peak = 0, r = 0;
        int candidate = 0, lastNormalZero = 0, watchedFrom = 0;
        bool alarm = false;
        auto close = [&](int endBin) {
            int b = candidate;
            int e = bin ? refinedEnd(candidate, endBin, n, p) : endBin;
            while (b < e && llr(b) <= 0) // trim edges that speak against the change
                ++b;
            while (e > b && llr(e - 1) <= 0)
                --e;
            if (e - b >= p.minBins) {
                ChangeSegment seg{b, e, peak, 0, 0};
                for (int i = b; i < e; ++i) {
                    seg.expected += expect(i);
                    seg.observed += observe(i);
                }
                out.push_back(seg);
            }
            for (int i = candidate; i < endBin; ++i)
                flagged[std::size_t(i)] = 1;
            alarm = false;
            s = peak = r = 0;
        };
        for (int i = 0; i < n; ++i) {
            if (!alarm) {
                const Baseline b = freeze(i, flagged);
                if (b != Baseline::Usable) {
                    unjudged[std::size_t(i)] = b == Baseline::TooShort;
                    s = 0;
                    watchedFrom = i + 1;
                    continue;
                }
                if (s <= 0)
                    candidate = i;
                s = std::max(0.0, s + llr(i));
                peak = std::max(peak, s);
                if (s > p.threshold) {
                    alarm = true;
                    r = 0;
                    lastNormalZero = i;
                    if (candidate == watchedFrom) {
                        double gain = 0;
                        candidate = changeBegin(candidate, unjudged, flagged, &gain);
                        s += gain;
                        peak = std::max(peak, s);
                    }
                }
                if (s <= 0)
                    peak = 0;
                continue;
            }
            const double l = llr(i);
            s += std::max(l, 0.0);
            peak = std::max(peak, s);
            r = std::max(0.0, r - l);
            if (r <= 0)
                lastNormalZero = i;
            if (r > p.threshold)
                close(lastNormalZero + 1);
        }
        if (alarm)
            close(lastNormalZero + 1);
        return out;
    }
};

// The unflagged bins of [i − gap − length, i − gap).
template <typename F> int baselineBins(int i, const CusumParameters &p, const std::vector<uint8_t> &flagged, F take)
{
    int used = 0;
    for (int j = std::max(0, i - p.gapBins - p.baselineBins); j < i - p.gapBins; ++j) {
        if (!flagged[std::size_t(j)] && take(j))
            ++used;
    }
    return used;
}

} // namespace

NbBaseline estimateNb(std::vector<double> counts)
{
    NbBaseline b;
    if (counts.empty())
        return b;
    std::sort(counts.begin(), counts.end());
    const std::size_t n = counts.size();
    const double lo = counts[n / 20];
    const double hi = counts[n - 1 - n / 20];
    double sum = 0, sum2 = 0;
    for (double x : counts) {
        const double w = std::clamp(x, lo, hi);
        sum += w;
        sum2 += w * w;
    }
    b.mean = sum / double(n);
    const double var = n > 1 ? (sum2 - sum * sum / double(n)) / double(n - 1) / WinsorizedVariance : b.mean;
    // Var = μ + μ²/k: k = μ² / (Var − μ); no extra variance is Poisson.
    b.size = var > b.mean * 1.0001 ? b.mean * b.mean / (var - b.mean) : 1e9;
    b.size = std::clamp(b.size, 0.5, 1e9);
    b.valid = true;
    return b;
}

double nbShiftLlr(double x, double mu0, double mu1, double k)
{
    if (k >= 1e8) // Poisson limit
        return x * std::log(mu1 / mu0) - (mu1 - mu0);
    return x * std::log(mu1 * (k + mu0) / (mu0 * (k + mu1))) + k * std::log((k + mu0) / (k + mu1));
}

double binomialShiftLlr(double f, double n, double p0, double p1, double phi)
{
    return (f * std::log(p1 / p0) + (n - f) * std::log((1 - p1) / (1 - p0))) / phi;
}

double nbRegimeLogLikelihood(double total, double bins, double k)
{
    if (bins <= 0 || total <= 0)
        return 0;
    const double mu = total / bins;
    if (k >= 1e8)
        return total * std::log(mu) - total;
    return bins * k * std::log(k / (k + mu)) + total * std::log(mu / (k + mu));
}

std::vector<ChangeSegment> detectVolumeShift(const std::vector<double> &counts, double ratio,
                                             const CusumParameters &params, const KnownBins &known)
{
    NbBaseline base;
    std::vector<double> window;
    Engine e;
    e.freeze = [&](int i, const std::vector<uint8_t> &flagged) {
        window.clear();
        const int used = baselineBins(i, params, flagged, [&](int j) {
            window.push_back(counts[std::size_t(j)]);
            return true;
        });
        if (used < params.minBaselineBins)
            return Baseline::TooShort;
        base = estimateNb(window);
        return base.mean >= params.minMean ? Baseline::Usable : Baseline::TooQuiet;
    };
    e.llr = [&](int i) { return nbShiftLlr(counts[std::size_t(i)], base.mean, ratio * base.mean, base.size); };
    e.expect = [&](int) { return base.mean; };
    e.observe = [&](int i) { return counts[std::size_t(i)]; };
    e.bin = [&](int i) { return std::pair{counts[std::size_t(i)], 1.0}; };
    e.regime = [&](double total, double bins) { return nbRegimeLogLikelihood(total, bins, base.size); };
    e.fall = ratio < 1;
    return e.run(int(counts.size()), params, known);
}

std::vector<ChangeSegment> detectShareRise(const std::vector<double> &failures, const std::vector<double> &requests,
                                           const CusumParameters &params, const KnownBins &known)
{
    double p0 = 0, p1 = 0, phi = 1;
    std::vector<double> residuals;
    std::vector<int> bins;
    Engine e;
    e.freeze = [&](int i, const std::vector<uint8_t> &flagged) {
        bins.clear();
        const int used = baselineBins(i, params, flagged, [&](int j) {
            if (requests[std::size_t(j)] < params.minShareRequests)
                return false;
            bins.push_back(j);
            return true;
        });
        if (used < params.minBaselineBins)
            return Baseline::TooShort;
        double f = 0, n = 0;
        for (int j : bins) {
            f += failures[std::size_t(j)];
            n += requests[std::size_t(j)];
        }
        // A floor of one failure in a thousand: a clean baseline does not make one 5xx a change.
        p0 = std::clamp(f / n, 0.001, 0.9);
        p1 = std::min(0.99, std::max(p0 + params.shareShift, params.shareFactor * p0));
        residuals.clear();
        for (int j : bins) {
            const double nj = requests[std::size_t(j)];
            const double d = failures[std::size_t(j)] - nj * p0;
            residuals.push_back(d * d / (nj * p0 * (1 - p0)));
        }
        phi = std::clamp(medianOf(residuals) / MedianChiSquare1, 1.0, 50.0);
        return Baseline::Usable;
    };
    e.llr = [&](int i) {
        const double n = requests[std::size_t(i)];
        return n < params.minShareRequests ? 0.0 : binomialShiftLlr(failures[std::size_t(i)], n, p0, p1, phi);
    };
    e.expect = [&](int i) { return requests[std::size_t(i)] * p0; };
    e.observe = [&](int i) { return failures[std::size_t(i)]; };
    return e.run(int(failures.size()), params, known);
}

void markKnown(KnownBins &known, const std::vector<ChangeSegment> &segments, int n)
{
    known.resize(std::size_t(n), 0);
    for (const ChangeSegment &s : segments) {
        for (int i = std::max(0, s.begin); i < std::min(n, s.end); ++i)
            known[std::size_t(i)] = 1;
    }
}

} // namespace inquest

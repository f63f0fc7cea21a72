#pragma once

#include <cstdint>
#include <vector>

namespace inquest {

// Change detection on per-bin counts of web traffic: Page's CUSUM with a negative-binomial
// likelihood ratio (for volumes) and a quasi-binomial one (for the failing share).
//
// Why this method: request counts of real sites are overdispersed (visitors arrive in sessions,
// retry, crawlers come in bursts), so a per-bin z-score against a median and MAD either misses a
// sustained fall from 80 to 7 requests a minute or fires on every burst. A CUSUM accumulates the
// evidence of many bins, each weighed by the likelihood of its count under "as before" against
// "changed by a given factor", so a long moderate change is found as surely as a short strong
// one, and the threshold is a log-likelihood ratio that means the same at 2 and at 5,000 requests
// a minute. The negative binomial's dispersion, estimated from the baseline, keeps bursty sites
// from alarming on their ordinary bursts.
//
// Counts x ~ NB(mean μ, size k), Var x = μ + μ²/k (k → ∞ is Poisson):
//   log P(x | μ, k) = lgamma(x+k) − lgamma(k) − lgamma(x+1) + k·log(k/(k+μ)) + x·log(μ/(k+μ))
// The log-likelihood ratio of one bin for a shift μ0 → μ1 = ρ·μ0 at the same k:
//   llr(x) = x·log(μ1(k+μ0) / (μ0(k+μ1))) + k·log((k+μ0) / (k+μ1))
// Failing share: f failures of n requests, quasi-binomial with dispersion φ ≥ 1:
//   llr(f, n) = [f·log(p1/p0) + (n−f)·log((1−p1)/(1−p0))] / φ
// CUSUM: S_t = max(0, S_{t−1} + llr_t); an alarm when S_t > h. The change began after the last
// time S was 0 — the maximum-likelihood change point over the bins S watched (Hinkley 1971).
// When S has been above 0 since the first bin it could judge (the logs began too shortly before
// for a baseline), the search for that maximum goes on back over the bins that had none, under
// the baseline of the alarm, so that an outage 29 minutes into the logs begins at minute 29 and
// not at the first bin with 30 minutes of baseline. While in alarm the reverse statistic
// R_t = max(0, R_{t−1} − llr_t) watches for the return to normal; the change ended after the
// last time R was 0 when R exceeds h — or, for volumes, earlier, at the maximum-likelihood split between the
// level during the change and the level after it (both estimated, not the old baseline; Hinkley
// 1970's change point in level with both levels unknown), when a split before is more likely:
// traffic that resumes at half its old rate after an outage, or the evening's decline, no longer
// keeps the change running.
// The baseline (μ0, k; or p0, φ) is estimated from the bins before, skipping bins already
// found anomalous and a short gap right before the bin (slow onsets), and frozen during an alarm.

struct NbBaseline
{
    double mean = 0;
    double size = 1e9; // k; large = Poisson
    bool valid = false;
};

// μ from a 10%-trimmed mean, k by the method of moments on the same trimmed bins (the trimmed
// variance rescaled to the full one), so that one burst in the baseline does not set it.
NbBaseline estimateNb(std::vector<double> counts);

// llr of one count for μ0 → μ1 at size k (formula above).
double nbShiftLlr(double x, double mu0, double mu1, double k);
// llr of f failures out of n for p0 → p1, divided by the dispersion φ.
double binomialShiftLlr(double f, double n, double p0, double p1, double phi);

// The log-likelihood, without the terms every split shares, of bins holding `total` counts in
// `bins` bins as one negative-binomial level (its MLE total / bins, size k).
double nbRegimeLogLikelihood(double total, double bins, double k);

struct ChangeSegment
{
    int begin = 0;       // first bin of the change
    int end = 0;         // one past the last
    double evidence = 0; // peak of the CUSUM statistic (log-likelihood ratio)
    double expected = 0; // baseline expectation summed over the segment (requests or failures)
    double observed = 0; // what was seen
};

struct CusumParameters
{
    int baselineBins = 120;   // bins before a bin that form its baseline
    int gapBins = 3;          // skipped right before it
    int minBaselineBins = 30; // fewer usable bins: no judgement
    double threshold = 12.0;  // h, a log-likelihood ratio (e^12: odds of about 160,000 to 1)
    int minBins = 3;          // shorter segments are blips
    double dropRatio = 0.3;   // ρ for a collapse: the alternative is 30% of the baseline
    double surgeRatio = 2.5;  // ρ for a surge
    double minMean = 0.5;     // volumes are judged where the baseline mean is at least this per bin
    double shareShift = 0.08; // p1 = max(p0 + shift, shareFactor·p0)
    double shareFactor = 4.0;
    double minShareRequests = 2; // bins with fewer requests carry no share evidence
};

// Bins already known to be anomalous (found by another test) are kept out of baselines, so that
// the hour after a flood is not read as a fall against the flood. Empty: none.
using KnownBins = std::vector<uint8_t>;

// Segments where counts fell (ratio < 1) or rose (ratio > 1) by about `ratio` against the baseline.
std::vector<ChangeSegment> detectVolumeShift(const std::vector<double> &counts, double ratio,
                                             const CusumParameters &params, const KnownBins &known = {});
// Segments where the failing share of requests rose.
std::vector<ChangeSegment> detectShareRise(const std::vector<double> &failures, const std::vector<double> &requests,
                                           const CusumParameters &params, const KnownBins &known = {});
// Marks the bins of `segments` in `known` (sized to n on first use).
void markKnown(KnownBins &known, const std::vector<ChangeSegment> &segments, int n);

} // namespace inquest

#pragma once

#include "hostroles.h"
#include "logfamilies.h"

#include "model/casedata.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace inquest {

// LogCompare over the system logs of a case: the frequency of each message template (a Drain
// cluster, rebuilt as text so that templates from several files meet; the program tag for lines
// without text), per host role, in a window against a baseline stretch before it.
//
// The test: if a template logs at one steady rate, its count in the window given its count in
// both stretches is binomial, k_w ~ Bin(k_w + k_b, T_w / (T_w + T_b)) (the conditional test for
// two Poisson rates; it needs no dispersion estimate and is exact for small counts). A rise is
// a *burst* when P(X ≥ k_w) is below alpha divided by the number of templates compared
// (Bonferroni), a template absent from the baseline is *new*, and one whose count fell so that
// P(X ≤ k_w) is below the same level has *stopped*. The log-likelihood ratio of the two rates
// against one is given as the strength of the change.
//
// Rare events (a deploy, a link flap, a session reset) cannot reach significance one at a time:
// one deploy in the stretch and one in the hours before is no burst, yet each is an event. A
// template is *above its usual rate* when P(X ≥ k_w) ≤ 1/2 for X ~ Poisson(λ), λ the baseline's
// rate ((k_b + ½) / T_b, Jeffreys) times the window's length, and k_w + ½ ≥ 2λ (about twice its
// usual count): a deploy that happens every few hours is, once in the window; a configuration
// run every half hour on every host (dozens in the window, as usual) is not — at the median
// alone, any steady template would be above its usual rate every other time.
//
// Where the system logs begin inside the window there is nothing to compare with: every template
// in the window is *unbaselined* (seen, new or not unknown), no p-value is computed, and
// TemplateComparison::hasBaseline() is false. Callers must say so rather than call it new.
struct TemplateActivity
{
    enum class Change { Steady, New, Burst, Stopped, Unbaselined };

    QString text;                    // "tag: constant <*> words"
    HostRole role = HostRole::Other; // of the hosts that logged it (one role per entry)
    std::optional<LogFamily> family; // what it means, when it is a known family
    int baselineCount = 0;
    int windowCount = 0;
    Change change = Change::Steady;
    bool aboveUsual = false; // the window's count is above what the baseline rate makes usual (see above)
    double pValue = 1;       // one-sided: of the rise for New/Burst/Steady, of the fall for Stopped; 1 when unbaselined
    double logLikelihoodRatio = 0;
    int64_t first = 0; // µs UTC of the first and last line in the window (0 when none)
    int64_t last = 0;
    QStringList hosts; // sorted
    QString example;   // the first line in the window, else in the baseline
    // Provenance of the lines in the window: one source, its first and last such line.
    int source = -1;
    qint64 firstLine = 0, lastLine = 0, firstOffset = -1, lastOffset = -1;
};

struct TemplateComparison
{
    int64_t baselineBegin = 0, baselineEnd = 0, windowBegin = 0, windowEnd = 0;
    int templatesCompared = 0;
    double threshold = 0;                    // the per-template significance level used
    int hostsLoggingThrough = 0;             // hosts with lines both in the baseline and in the window
    std::vector<TemplateActivity> templates; // every template seen in either stretch
    bool hasBaseline() const { return baselineEnd > baselineBegin; }
};

struct TemplateCompareOptions
{
    double alpha = 0.01; // family-wise error over all templates compared
};

// Compares [windowBegin, windowEnd) with [baselineBegin, windowBegin) over the case's system
// logs, classifying each template with `families`.
TemplateComparison compareTemplates(const CaseData &data, int64_t baselineBegin, int64_t windowBegin, int64_t windowEnd,
                                    const LogFamilies &families, const TemplateCompareOptions &options = {});

// "steady", "new", "burst", "stopped", "seen (no baseline)"
QString toString(TemplateActivity::Change change);

} // namespace inquest

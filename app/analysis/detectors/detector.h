#pragma once

#include "analysis/localeventstore.h"
#include "analysis/sitebins.h"
#include "analysis/windowprofile.h"

#include "model/casedata.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace inquest {

// One outage found by the incident-window detector, merged across sites.
struct Incident
{
    struct SiteWindow
    {
        QString site;
        int64_t begin = 0;
        int64_t end = 0;
        bool errors = false;       // flagged for a raised failing share (5xx, no response)
        bool drop = false;         // flagged for a fall in requests
        bool surge = false;        // requests rose during (or right before) the window
        bool slow = false;         // flagged for a raised share of slow responses (latency)
        double lost = 0;           // requests missing against the baseline
        double excessFailures = 0; // failures above the baseline's share
        double excessSlow = 0;     // responses slower than the site's usual 90th percentile, above the baseline's share
        double evidence = 0;       // strongest CUSUM statistic (log-likelihood ratio)
        // Strongest CUSUM statistic of the failing share or the fall of requests alone: the
        // evidence that users could not get what they asked for (slow responses excluded).
        double unavailabilityEvidence = 0;
        double impact() const { return lost + excessFailures + excessSlow; }
    };
    int64_t begin = 0; // µs UTC
    int64_t end = 0;
    // The first minute with a failing request in a window flagged for failures (none: a collapse
    // with few errors, a latency rise).
    std::optional<int64_t> firstFailure;
    std::vector<SiteWindow> windows; // affected sites
    QStringList affected;
    QStringList unaffected;
    double impact() const;
    // Evidence of the incident in nats: the sum over its sites of each site's CUSUM statistic.
    // Sites' logs are independent but for a common cause, so the log-likelihood ratio of "these
    // sites changed in these minutes" against "none did" is the sum of theirs (the SUM of local
    // CUSUM statistics for many streams, Mei, Biometrika 2010): three shops each failing a few
    // carts together weigh more than one shop's burst.
    double evidence() const;
    // The same sum over each site's evidence of failures and lost requests only.
    double unavailabilityEvidence() const;
    // When the errors began: what came "before the errors" is judged against this. The merged
    // window starts at the earliest site's change point, which on sparse traffic can be a lull
    // minutes before anything failed.
    int64_t errorsBegin() const { return firstFailure.value_or(begin); }
};

// What the detectors share: the case, the per-site bins, and the incidents found first.
struct AnalysisContext
{
    explicit AnalysisContext(const CaseData &caseData);

    AnalysisContext(const AnalysisContext &) = delete;
    AnalysisContext &operator=(const AnalysisContext &) = delete;

    const CaseData &data;
    std::vector<SiteBins> sites;
    LocalEventStore store{sites}; // the case's own events, for counts, top values and clients
    // What the store-based detectors (incident window, attribution, client behaviour) ask: the
    // local store, or the case's events and its remote tables together when remote sources are
    // analysed (remote/remoteanalysis.h).
    const EventStore *events = &store;
    std::vector<Incident> incidents;

    SiteBins *site(const QString &name);
    // A site's profile of [begin, end), computed once and shared by the detectors.
    const WindowProfile &profile(SiteBins &site, int64_t begin, int64_t end, int64_t newSince);
    // Profiles of the incident window and of its baseline stretch for every affected site.
    struct Comparison
    {
        QString site;
        const WindowProfile *window;
        const WindowProfile *baseline;
        int64_t history = 0; // how long the site's events run before the baseline begins (µs)
    };
    std::vector<Comparison> compare(const Incident &incident, int64_t baselineLength, bool equalLength);
    // The stretch before an incident used as its baseline: up to `length` before its start,
    // ending `gap` before it, clipped to the data and cut short at an earlier incident.
    std::pair<int64_t, int64_t> baselineFor(const Incident &incident, int64_t length, int64_t gap) const;
    // Points `e` at the log lines it rests on. Provenance holds one source: of the access-log
    // sources of `sites`, the one with the most events in [begin, end), with the first and last
    // line of those events and their byte range. Other sources with events in the window are
    // named in the description.
    void citeLines(Evidence &e, const QStringList &sites, int64_t begin, int64_t end) const;

private:
    std::map<std::tuple<QString, int64_t, int64_t, int64_t>, WindowProfile> m_profiles;
};

struct DetectorOutput
{
    QList<Evidence> evidence;
    QList<Marker> markers;
    std::vector<Incident> incidents;   // as found by the incident-window detector
    QList<RemoteResult> remoteResults; // provenance of what remote sources answered for the run
    // What each finding tagged lesser-incident weighed before (principalincident.h), by origin,
    // title and time range, so that a later marking over other incidents can undo it.
    QHash<QString, Relevance> relevanceBeforeLesser;
};

// A detector turns a pattern in the case into suggested evidence with a reason and ratings per
// hypothesis kind. It emits nothing when it finds nothing.
class Detector
{
public:
    virtual ~Detector() = default;
    virtual QString name() const = 0;
    virtual QString version() const = 0;
    virtual QJsonObject parameters() const = 0;
    virtual void run(AnalysisContext &context, DetectorOutput &out) const = 0;

    QString origin() const { return QStringLiteral("detector:%1@%2").arg(name(), version()); }

protected:
    // A suggested evidence item from this detector.
    Evidence suggest(const QString &title, const QString &reason, const QMap<HypothesisKind, Rating> &ratings) const;
};

// The standard detectors, in the order they must run (the incident window first).
std::vector<std::unique_ptr<Detector>> standardDetectors();

// Runs every standard detector over the case.
DetectorOutput runDetectors(const CaseData &data);
// The same, step by step: step(i, steps, name) is asked before each step (i = 0 builds the
// per-site bins, then one step per detector, named) and stops the run when it returns false.
using DetectorStep = std::function<bool(int step, int steps, const QString &detector)>;
std::optional<DetectorOutput> runDetectors(const CaseData &data, const DetectorStep &step);

// For findings about a statement: who made it ("Amazon (a spokeswoman)"), and the sentence that
// quotes it ("Amazon (a spokeswoman) said “… not a DDoS attack”."), with the commas, stops and
// closing quote marks the quote was cut with dropped, so that the sentence ends once.
QString speakerOf(const Statement &statement);
QString quotedSentence(const Statement &statement);

// Shorthand for rating maps: ratings({{Hardware, C}, {Ddos, I}}) fills the rest with N; a map
// with a CC rates "other" I unless it rates "other" itself (see detector.cpp).
QMap<HypothesisKind, Rating> ratings(std::initializer_list<std::pair<HypothesisKind, Rating>> list);

} // namespace inquest

#include "detector.h"
#include "principalincident.h"

#include "attributiondetector.h"
#include "claimcheckdetector.h"
#include "clientbehaviourdetector.h"
#include "clientpopulationdetector.h"
#include "endpointdetector.h"
#include "incidentwindowdetector.h"
#include "statedcausedetector.h"
#include "syslogsignaturedetector.h"
#include "trafficvolumedetector.h"

#include <QFileInfo>

namespace inquest {

namespace {

// The rows of one source with time in [begin, end): how many, and the first and last of them in
// file order.
struct RowsInWindow
{
    std::size_t events = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

RowsInWindow rowsInWindow(const SiteBins &site, std::size_t part, int64_t begin, int64_t end)
{
    const auto [rb, re] = site.rows(part, begin, end);
    const SiteBins::Part &pt = site.parts[part];
    if (pt.sorted && pt.hosts.empty())
        return re > rb ? RowsInWindow{re - rb, rb, re - 1} : RowsInWindow{};
    RowsInWindow r;
    const std::vector<int64_t> &time = pt.table->time;
    for (std::size_t i = rb; i < re; ++i) {
        if (time[i] < begin || time[i] >= end || !pt.includes(i))
            continue;
        if (!r.events++)
            r.first = i;
        r.last = i;
    }
    return r;
}

QString sourceName(const Source &s)
{
    const QString name = QFileInfo(s.path).fileName();
    return name.isEmpty() ? QStringLiteral("source #%1").arg(s.id) : name;
}

} // namespace

AnalysisContext::AnalysisContext(const CaseData &caseData)
    : data(caseData)
    , sites(SiteBins::build(caseData))
{
}

double Incident::impact() const
{
    double sum = 0;
    for (const SiteWindow &w : windows)
        sum += w.impact();
    return sum;
}

double Incident::evidence() const
{
    double sum = 0;
    for (const SiteWindow &w : windows)
        sum += w.evidence;
    return sum;
}

double Incident::unavailabilityEvidence() const
{
    double sum = 0;
    for (const SiteWindow &w : windows)
        sum += w.unavailabilityEvidence;
    return sum;
}

SiteBins *AnalysisContext::site(const QString &name)
{
    for (SiteBins &s : sites) {
        if (s.site == name)
            return &s;
    }
    return nullptr;
}

std::pair<int64_t, int64_t> AnalysisContext::baselineFor(const Incident &incident, int64_t length, int64_t gap) const
{
    int64_t end = incident.begin - gap;
    int64_t begin = end - length;
    // Not before the first event of any store asked (the local bins' start, or an earlier
    // remote table's).
    int64_t first = sites.empty() ? 0 : sites.front().start;
    if (events != &store) {
        const int64_t all = events->span().first;
        if (all && (!first || all < first))
            first = all;
    }
    if (first)
        begin = std::max(begin, first);
    for (const Incident &other : incidents) {
        if (other.end <= incident.begin && other.end > begin)
            begin = std::min(end, other.end + gap);
    }
    return {begin, std::max(begin, end)};
}

void AnalysisContext::citeLines(Evidence &e, const QStringList &siteNames, int64_t begin, int64_t end) const
{
    struct Candidate
    {
        const SiteBins *site;
        std::size_t part;
        RowsInWindow rows;
    };
    std::vector<Candidate> found;
    for (const SiteBins &s : sites) {
        if (!siteNames.contains(s.site))
            continue;
        for (std::size_t p = 0; p < s.parts.size(); ++p) {
            const RowsInWindow r = rowsInWindow(s, p, begin, end);
            if (r.events)
                found.push_back({&s, p, r});
        }
    }
    // Most events first; ties keep the order of the sites and their sources.
    std::stable_sort(found.begin(), found.end(),
                     [](const Candidate &a, const Candidate &b) { return a.rows.events > b.rows.events; });
    if (found.empty() || found.front().site->parts[found.front().part].source->sha256.isEmpty())
        return;
    const Candidate &best = found.front();
    const Source &source = *best.site->parts[best.part].source;
    const EventTable &t = *best.site->parts[best.part].table;
    Provenance &p = e.provenance;
    p.sourceId = source.id;
    p.sourceSha256 = source.sha256;
    p.firstLine = t.line[best.rows.first];
    p.lastLine = t.line[best.rows.last];
    p.offsetBegin = qint64(t.offset[best.rows.first]);
    // The last line ends where the next parsed line starts; after the last row, at the end of the
    // file (the recorded size; for a compressed source that undercounts, so never before the line).
    p.offsetEnd = best.rows.last + 1 < t.size() ? qint64(t.offset[best.rows.last + 1])
                                                : std::max(source.size, qint64(t.offset[best.rows.last]) + 1);
    if (found.size() > 1) {
        std::size_t total = 0;
        QStringList others;
        for (const Candidate &c : found) {
            total += c.rows.events;
            if (&c != &best)
                others.append(
                    QStringLiteral("%1 (%2)").arg(sourceName(*c.site->parts[c.part].source)).arg(c.rows.events));
        }
        e.description += QStringLiteral("\n\nLines cited from %1, the source with the most events in the "
                                        "window (%2 of %3); %4 other source(s) also contributed: %5.")
                             .arg(sourceName(source))
                             .arg(best.rows.events)
                             .arg(total)
                             .arg(others.size())
                             .arg(others.join(QStringLiteral(", ")));
    }
}

const WindowProfile &AnalysisContext::profile(SiteBins &s, int64_t begin, int64_t end, int64_t newSince)
{
    const auto key = std::make_tuple(s.site, begin, end, newSince);
    auto it = m_profiles.find(key);
    if (it == m_profiles.end())
        it = m_profiles.emplace(key, profileWindow(s, begin, end, newSince)).first;
    return it->second;
}

std::vector<AnalysisContext::Comparison> AnalysisContext::compare(const Incident &incident, int64_t baselineLength,
                                                                  bool equalLength)
{
    constexpr int64_t Gap = 5 * 60 * int64_t(1'000'000);
    const int64_t length = equalLength ? incident.end - incident.begin : baselineLength;
    const auto [bb, be] = baselineFor(incident, length, Gap);
    std::vector<Comparison> list;
    for (const QString &name : incident.affected) {
        SiteBins *s = site(name);
        if (!s || be <= bb)
            continue;
        const WindowProfile &w = profile(*s, incident.begin, incident.end, incident.begin);
        const WindowProfile &b = profile(*s, bb, be, bb);
        list.push_back({name, &w, &b, bb - store.span(name).first});
    }
    return list;
}

Evidence Detector::suggest(const QString &title, const QString &reason,
                           const QMap<HypothesisKind, Rating> &kindRatings) const
{
    Evidence e;
    e.title = title;
    e.reason = reason;
    e.description = reason;
    e.origin = origin();
    e.state = EvidenceState::Suggested;
    e.kindRatings = kindRatings;
    // Log-derived findings: the logs are first-hand (B), the reading is probably true (2).
    e.reliability = u'B';
    e.credibility = 2;
    e.tags = {QStringLiteral("detector"), name()};
    return e;
}

std::vector<std::unique_ptr<Detector>> standardDetectors()
{
    std::vector<std::unique_ptr<Detector>> list;
    list.push_back(std::make_unique<IncidentWindowDetector>());
    list.push_back(std::make_unique<TrafficVolumeDetector>());
    list.push_back(std::make_unique<ClientPopulationDetector>());
    list.push_back(std::make_unique<EndpointDetector>());
    list.push_back(std::make_unique<AttributionDetector>());
    list.push_back(std::make_unique<ClientBehaviourDetector>());
    list.push_back(std::make_unique<SyslogSignatureDetector>());
    list.push_back(std::make_unique<ClaimCheckDetector>());
    list.push_back(std::make_unique<StatedCauseDetector>()); // reads the findings above
    return list;
}

DetectorOutput runDetectors(const CaseData &data)
{
    return *runDetectors(data, [](int, int, const QString &) { return true; });
}

std::optional<DetectorOutput> runDetectors(const CaseData &data, const DetectorStep &step)
{
    const auto detectors = standardDetectors();
    const int steps = int(detectors.size()) + 1;
    if (!step(0, steps, QString()))
        return std::nullopt;
    AnalysisContext context(data);
    DetectorOutput out;
    for (int i = 0; i < int(detectors.size()); ++i) {
        const Detector &detector = *detectors[std::size_t(i)];
        if (!step(i + 1, steps, detector.name()))
            return std::nullopt;
        detector.run(context, out);
    }
    out.incidents = context.incidents;
    markLesserIncidentFindings(out);
    return out;
}

QString speakerOf(const Statement &statement)
{
    return statement.organisation.isEmpty() ? statement.speaker
                                            : QStringLiteral("%1 (%2)").arg(statement.organisation, statement.speaker);
}

QString quotedSentence(const Statement &statement)
{
    QString quote = statement.quote.trimmed();
    while (!quote.isEmpty() && QStringView(u",;:.\u201d\"").contains(quote.back()))
        quote.chop(1);
    return QStringLiteral("%1 said \u201c%2\u201d.").arg(speakerOf(statement), quote);
}

QMap<HypothesisKind, Rating> ratings(std::initializer_list<std::pair<HypothesisKind, Rating>> list)
{
    QMap<HypothesisKind, Rating> map;
    for (HypothesisKind k : allHypothesisKinds())
        map.insert(k, Rating::N);
    bool signature = false;
    bool otherRated = false;
    for (const auto &[kind, rating] : list) {
        map.insert(kind, rating);
        signature |= rating == Rating::CC;
        otherRated |= kind == HypothesisKind::Other;
    }
    // A finding that is the signature of one named cause (CC) is unlikely under a cause nobody
    // named: P(signature | other) is low, so it counts against "other" as well. Without this, a
    // hypothesis no finding mentions would lead every case.
    if (signature && !otherRated)
        map.insert(HypothesisKind::Other, Rating::I);
    return map;
}

} // namespace inquest

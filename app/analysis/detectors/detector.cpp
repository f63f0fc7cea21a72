#include "detector.h"

#include "claimcheckdetector.h"
#include "clientpopulationdetector.h"
#include "endpointdetector.h"
#include "incidentwindowdetector.h"
#include "syslogsignaturedetector.h"
#include "trafficvolumedetector.h"

namespace inquest {

AnalysisContext::AnalysisContext(const CaseData &caseData) : data(caseData), sites(SiteBins::build(caseData))
{
}

SiteBins *AnalysisContext::site(const QString &name)
{
    for (SiteBins &s : sites) {
        if (s.site == name)
            return &s;
    }
    return nullptr;
}

std::pair<int64_t, int64_t> AnalysisContext::baselineFor(const Incident &incident, int64_t length,
                                                         int64_t gap) const
{
    int64_t end = incident.begin - gap;
    int64_t begin = end - length;
    if (!sites.empty())
        begin = std::max(begin, sites.front().start);
    for (const Incident &other : incidents) {
        if (other.end <= incident.begin && other.end > begin)
            begin = std::min(end, other.end + gap);
    }
    return {begin, std::max(begin, end)};
}

const WindowProfile &AnalysisContext::profile(SiteBins &s, int64_t begin, int64_t end, int64_t newSince)
{
    const auto key = std::make_tuple(s.site, begin, end, newSince);
    auto it = m_profiles.find(key);
    if (it == m_profiles.end())
        it = m_profiles.emplace(key, profileWindow(s, begin, end, newSince)).first;
    return it->second;
}

std::vector<AnalysisContext::Comparison> AnalysisContext::compare(const Incident &incident,
                                                                  int64_t baselineLength, bool equalLength)
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
        list.push_back({name, &w, &b});
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
    list.push_back(std::make_unique<SyslogSignatureDetector>());
    list.push_back(std::make_unique<ClaimCheckDetector>());
    return list;
}

DetectorOutput runDetectors(const CaseData &data)
{
    AnalysisContext context(data);
    DetectorOutput out;
    for (const auto &detector : standardDetectors())
        detector->run(context, out);
    return out;
}

QMap<HypothesisKind, Rating> ratings(std::initializer_list<std::pair<HypothesisKind, Rating>> list)
{
    QMap<HypothesisKind, Rating> map;
    for (HypothesisKind k : allHypothesisKinds())
        map.insert(k, Rating::N);
    for (const auto &[kind, rating] : list)
        map.insert(kind, rating);
    return map;
}

} // namespace inquest

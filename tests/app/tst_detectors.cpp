// Each detector on small hand-built logs: what it finds, what it does not, and its ratings.
#include "analysis/detectors/claimcheckdetector.h"
#include "analysis/detectors/clientbehaviourdetector.h"
#include "analysis/detectors/clientpopulationdetector.h"
#include "analysis/detectors/detectorrun.h"
#include "analysis/detectors/endpointdetector.h"
#include "analysis/detectors/incidentwindowdetector.h"
#include "analysis/detectors/principalincident.h"
#include "analysis/detectors/statedcausedetector.h"
#include "analysis/detectors/syslogsignaturedetector.h"
#include "analysis/detectors/trafficvolumedetector.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "testlib/casewithsources.h"
#include "testlib/testprinters.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace inquest;
using K = HypothesisKind;

namespace {

constexpr qint64 Minute = 60'000'000;
const qint64 T0 = QDateTime(QDate(2011, 5, 4), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;

// One site's access log, minute by minute.
struct Site
{
    std::shared_ptr<EventTable> t = std::make_shared<EventTable>();
    uint32_t line = 0;

    void add(qint64 time, const std::string &client, const std::string &path, uint16_t status, const std::string &agent,
             const std::string &referer = {})
    {
        const size_t r = t->appendRow(time, line * 100, line + 1);
        ++line;
        t->status[r] = status;
        t->method[r] = HttpMethod::Get;
        t->client[r] = t->strings.intern(client);
        t->path[r] = t->strings.intern(path);
        t->agent[r] = t->strings.intern(agent);
        t->referer[r] = referer.empty() ? 0 : t->strings.intern(referer);
    }
    // n ordinary requests from a returning population of 3000; the first errorShare of them fail;
    // with confined, only the /checkout requests (every tenth) fail.
    void minute(int m, int n, double errorShare = 0, bool confined = false)
    {
        static const char *Agents[] = {"Firefox/3.6", "MSIE 8.0", "Chrome/8", "Safari/533", "MSIE 7.0", "Opera/9.80"};
        for (int k = 0; k < n; ++k) {
            const int c = int((uint64_t(m) * 7919 + uint64_t(k) * 104729) % 3000);
            const bool checkout = k % 10 == 0;
            const bool fail = confined ? checkout && k < n * errorShare * 10 : k < n * errorShare;
            add(T0 + m * Minute + k * (Minute / n), "10.1." + std::to_string(c / 250) + "." + std::to_string(c % 250),
                checkout ? "/checkout" : "/p" + std::to_string(k % 40) + "?x=" + std::to_string(k), fail ? 503 : 200,
                Agents[k % 6]);
        }
    }
    Source source(const QString &name, Id id) const
    {
        Source s;
        s.id = id;
        s.format = QStringLiteral("combined");
        s.site = name;
        s.sha256 = QStringLiteral("%1").arg(id, 64, 10, QLatin1Char('0'));
        s.events = qint64(t->size());
        s.table = t;
        return s;
    }
};

// Four hours of steady traffic; site A fails (70% 5xx) from minute 150 to 180 unless told otherwise.
CaseData outageCase(double errorShare = 0.7, int from = 150, int to = 180)
{
    Site a, b;
    for (int m = 0; m < 240; ++m) {
        a.minute(m, 200, m >= from && m < to ? errorShare : 0);
        b.minute(m, 150);
    }
    return testing::caseWithAllKinds(
        {a.source(QStringLiteral("a.example"), 0), b.source(QStringLiteral("b.example"), 0)});
}

const Evidence *findTitled(const DetectorOutput &out, const QString &prefix)
{
    for (const Evidence &e : out.evidence) {
        if (e.title.startsWith(prefix))
            return &e;
    }
    return nullptr;
}

DetectorOutput runUpTo(const CaseData &data, const Detector &last)
{
    AnalysisContext ctx(data);
    DetectorOutput out;
    IncidentWindowDetector().run(ctx, out);
    if (last.name() != u"incident-window")
        last.run(ctx, out);
    return out;
}

} // namespace

class TestDetectors : public QObject
{
    Q_OBJECT

private slots:
    void incidentWindowFindsTheOutage()
    {
        const CaseData data = outageCase();
        const DetectorOutput out = runUpTo(data, IncidentWindowDetector());
        QCOMPARE(out.markers.size(), 1);
        const Marker &m = out.markers.first();
        QCOMPARE_ENUM(m.kind, MarkerKind::Outage);
        QCOMPARE(m.origin, QStringLiteral("detector:incident-window"));
        QVERIFY(std::abs(m.begin - (T0 + 150 * Minute)) <= Minute);
        QVERIFY(std::abs(m.end - (T0 + 180 * Minute)) <= Minute);
        QCOMPARE(out.evidence.size(), 1);
        const Evidence &e = out.evidence.first();
        QCOMPARE_ENUM(e.state, EvidenceState::Suggested);
        QCOMPARE(e.origin, QStringLiteral("detector:incident-window@6"));
        QVERIFY(e.title.contains(QStringLiteral("1 of 2")));
        QVERIFY(e.reason.contains(QStringLiteral("not affected: b.example")));
        QVERIFY(e.reason.contains(QStringLiteral("70%")));
        QCOMPARE(e.provenance.site, QStringLiteral("a.example"));
        QVERIFY(e.provenance.hasTimeRange());
    }

    void incidentWindowIgnoresBlipsAndQuietLogs()
    {
        QVERIFY(runUpTo(outageCase(1.0, 100, 102), IncidentWindowDetector()).evidence.isEmpty()); // two minutes
        QVERIFY(runUpTo(outageCase(0.0), IncidentWindowDetector()).evidence.isEmpty());
        QVERIFY(runUpTo(outageCase(0.01), IncidentWindowDetector()).evidence.isEmpty()); // 1% is not an outage
        QVERIFY(runDetectors(testing::caseWithAllKinds({})).evidence.isEmpty());
    }

    // A day's logs hold lesser incidents beside the outage (a crawler's burst at 14:25, a widget
    // failing at 21:24). Their findings are marked, weigh less, and stay suggested with accept;
    // the largest incident's findings, and the system-log reading of the stretch before it, do not.
    void lesserIncidentFindingsAreMarked()
    {
        DetectorOutput out;
        Incident big, small;
        big.begin = T0 + 240 * Minute;
        big.end = big.begin + 40 * Minute;
        big.windows.push_back({QStringLiteral("a"), big.begin, big.end, true, true, false, false, 900, 400});
        small.begin = T0 + 30 * Minute;
        small.end = small.begin + 15 * Minute;
        small.windows.push_back({QStringLiteral("b"), small.begin, small.end, false, false, true, false, 0, 60});
        out.incidents = {small, big};
        const auto finding = [&](const QString &title, qint64 b, qint64 e) {
            Evidence x;
            x.title = title;
            x.origin = QStringLiteral("detector:test@1");
            x.relevance = Relevance::Medium;
            x.state = EvidenceState::Suggested; // as Detector::suggest makes them
            x.tags = {QStringLiteral("detector"), QStringLiteral("test")};
            x.provenance.timeBegin = b;
            x.provenance.timeEnd = e;
            out.evidence.append(x);
        };
        finding(QStringLiteral("crawler clients"), small.begin, small.end);
        finding(QStringLiteral("outage clients"), big.begin, big.end);
        finding(QStringLiteral("fault before"), big.begin - 20 * Minute, big.begin - 19 * Minute);
        Evidence stated;
        stated.title = QStringLiteral("a statement's claim");
        stated.origin = QStringLiteral("detector:test@1");
        out.evidence.append(stated); // no time range: about no incident in particular
        QCOMPARE(markLesserIncidentFindings(out), 1);
        QVERIFY(out.evidence[0].tags.contains(lesserIncidentTag()));
        QCOMPARE_ENUM(out.evidence[0].relevance, Relevance::Low);
        QVERIFY(out.evidence[0].reason.contains(QStringLiteral("outside the principal incident")));
        for (int i = 1; i < 4; ++i)
            QVERIFY2(!out.evidence[i].tags.contains(lesserIncidentTag()), qPrintable(out.evidence[i].title));

        CaseDocument doc(testing::caseWithAllKinds({}));
        const DetectorRunSummary summary = applyDetectorOutput(doc, out, true);
        QCOMPARE(summary.added, 4);
        QCOMPARE(summary.lesser, 1);
        for (const Evidence &e : doc.evidence())
            QCOMPARE_ENUM(e.state, e.title == QStringLiteral("crawler clients") ? EvidenceState::Suggested
                                                                                : EvidenceState::Accepted);

        // A lesser-incident suggestion left from that run is the run's, not the analyst's work:
        // a re-run replaces it.
        for (const Evidence &e : doc.evidence())
            QVERIFY2(!analystEdited(e, doc.hypotheses()) || e.state == EvidenceState::Accepted, qPrintable(e.title));

        // Marked again over other incidents (the remote step's, over every store), where the
        // crawler's stretch is now the principal: the earlier marks are undone, not left stale.
        Incident bigger = small;
        bigger.windows.front().excessFailures = 5000;
        out.incidents = {bigger, big};
        QCOMPARE(markLesserIncidentFindings(out), 2);
        QVERIFY(!out.evidence[0].tags.contains(lesserIncidentTag()));
        QCOMPARE_ENUM(out.evidence[0].relevance, Relevance::Medium);
        QVERIFY(!out.evidence[0].reason.contains(QStringLiteral("outside the principal incident")));
        QVERIFY(out.evidence[1].tags.contains(lesserIncidentTag()));
        QCOMPARE(out.evidence[1].tags.count(lesserIncidentTag()), 1);
        QCOMPARE_ENUM(out.evidence[1].relevance, Relevance::Low);

        // The next run's output applied to the case: the crawler's finding, no longer lesser,
        // replaces the suggestion tagged by the first run.
        applyDetectorOutput(doc, out, false);
        for (const Evidence &e : doc.evidence()) {
            if (e.title == QStringLiteral("crawler clients"))
                QVERIFY(!e.tags.contains(lesserIncidentTag()));
        }

        // One incident: nothing is lesser, and no mark of before stays.
        out.incidents = {big};
        out.evidence.removeFirst();
        QCOMPARE(markLesserIncidentFindings(out), 0);
        for (const Evidence &e : out.evidence) {
            QVERIFY(!e.tags.contains(lesserIncidentTag()));
            QCOMPARE_ENUM(e.relevance, Relevance::Medium);
        }
    }

    // An outage is what users could not get. A crawler's surge answered slowly on a healthy site
    // (512 slow responses, 21 failures on a widget) has the larger sum of lost, failed and slow
    // requests than a 27-minute outage of two shops (225 failures, 30 requests lost), but it is not
    // the incident under investigation; among incidents that lost and failed nothing, the slowest
    // leads, and a full tie keeps the earliest. Incidents are ranked by their evidence of
    // unavailability first, summed over sites.
    void principalIncidentIsTheOneUsersCouldNotReach()
    {
        Incident outage, surge, slowOnly, slowest;
        outage.begin = T0 + 60 * Minute;
        outage.windows.push_back({QStringLiteral("fr"), 0, 0, true, false, false, false, 20, 125});
        outage.windows.push_back({QStringLiteral("uk"), 0, 0, true, false, false, false, 10, 100});
        surge.begin = T0 + 140 * Minute;
        surge.windows.push_back({QStringLiteral("es"), 0, 0, true, false, false, false, 0, 21});
        surge.windows.push_back({QStringLiteral("com"), 0, 0, false, false, true, true, 0, 0, 512});
        QVERIFY(surge.impact() > outage.impact());
        QCOMPARE(principalIncident({surge, outage}).begin, outage.begin);
        QCOMPARE(principalIncident({outage, surge}).begin, outage.begin);

        slowOnly.begin = T0 + 10 * Minute;
        slowOnly.windows.push_back({QStringLiteral("com"), 0, 0, false, false, false, true, 0, 0, 300});
        slowest = slowOnly;
        slowest.begin = T0 + 20 * Minute;
        slowest.windows.front().excessSlow = 400;
        QCOMPARE(principalIncident({slowOnly, slowest}).begin, slowest.begin);
        Incident sameLater = slowOnly;
        sameLater.begin = T0 + 30 * Minute;
        QCOMPARE(principalIncident({slowOnly, sameLater}).begin, slowOnly.begin);

        // On small traffic: a lull of one bursty shop, 90 requests "lost" with 13 nats of evidence
        // (barely past the threshold), and a deploy failing 5 and 8 requests on two shops at
        // once (14 and 16 nats). The two shops' evidence adds up; the deploy is the incident.
        Incident lull, deploy;
        lull.begin = T0 + 100 * Minute;
        lull.windows.push_back({QStringLiteral("de"), 0, 0, false, true, false, false, 90, 0, 0, 13, 13});
        deploy.begin = T0 + 200 * Minute;
        deploy.windows.push_back({QStringLiteral("uk"), 0, 0, true, false, false, false, 0, 5, 0, 14, 14});
        deploy.windows.push_back({QStringLiteral("es"), 0, 0, true, false, false, false, 0, 8, 0, 16, 16});
        QCOMPARE(principalIncident({lull, deploy}).begin, deploy.begin);
        QCOMPARE(principalIncident({deploy, lull}).begin, deploy.begin);
        // Slow responses are no evidence of unavailability: 90 nats of a crawler answered slowly
        // do not outrank the deploy.
        Incident crawler;
        crawler.windows.push_back({QStringLiteral("es"), 0, 0, false, false, true, true, 0, 0, 101, 94, 0});
        QCOMPARE(principalIncident({crawler, deploy}).begin, deploy.begin);
    }

    // A crowd at 1.5x the usual traffic while a third of the site's requests fail: the window is
    // found for its errors (no minute crosses the change detection's 2.5x surge), yet the traffic
    // rose as the traffic-volume finding counts it, so the newcomers' rhythm is read. People
    // arriving in a crowd click at irregular intervals: a human cadence, for a flash crowd. The
    // same failures without the crowd ask nothing about a surge.
    void aModestCrowdIsASurgeForTheClientReading()
    {
        for (const bool crowd : {true, false}) {
            Site a;
            for (int m = 0; m < 240; ++m)
                a.minute(m, 100, m >= 150 && m < 180 ? 0.3 : 0);
            if (crowd) {
                // 300 newcomers over the half hour, 5 pages each at irregular gaps (17 s to 2 min).
                for (int c = 0; c < 300; ++c) {
                    qint64 t = T0 + 150 * Minute + (c % 30) * Minute + (c * 7) % 50 * 1'000'000;
                    for (int k = 0; k < 5 && t < T0 + 180 * Minute; ++k) {
                        a.add(t, "203.0." + std::to_string(c / 200) + "." + std::to_string(c % 200),
                              "/offer?k=" + std::to_string(k), 200, "Firefox/3.6");
                        t += (17 + (c * 31 + k * 53) % 103) * 1'000'000LL;
                    }
                }
            }
            const CaseData data = testing::caseWithAllKinds({a.source(QStringLiteral("a.example"), 0)});
            AnalysisContext ctx(data);
            DetectorOutput out;
            IncidentWindowDetector().run(ctx, out);
            ClientBehaviourDetector().run(ctx, out);
            QCOMPARE(ctx.incidents.size(), size_t(1));
            QVERIFY(!ctx.incidents.front().windows.front().surge); // not a surge to the change detection
            const Evidence *human = findTitled(out, QStringLiteral("The surge has a human cadence"));
            QCOMPARE(human != nullptr, crowd);
            if (human)
                QCOMPARE_ENUM(human->kindRatings.value(HypothesisKind::FlashCrowd), Rating::C);
        }
    }

    void trafficDropPointsUpstream()
    {
        Site a;
        for (int m = 0; m < 240; ++m)
            a.minute(m, m >= 150 && m < 180 ? 20 : 200);
        const CaseData data = testing::caseWithAllKinds({a.source(QStringLiteral("a.example"), 0)});
        const DetectorOutput out = runUpTo(data, TrafficVolumeDetector());
        const Evidence *e = findTitled(out, QStringLiteral("Traffic fell"));
        QVERIFY(e);
        QCOMPARE_ENUM(e->kindRatings.value(K::Network), Rating::CC);
        QCOMPARE_ENUM(e->kindRatings.value(K::Ddos), Rating::II);
    }

    // A collapse to 1% of the traffic (2 requests a minute for half an hour) whose first
    // requests time out: 3 failures of 60 are 5% by count, yet no evidence that the few requests
    // that came reached a failing service. Still "fell", pointing upstream.
    void aFewFailuresOnACollapseAreNoFailingService()
    {
        Site a;
        for (int m = 0; m < 240; ++m) {
            const bool gone = m >= 150 && m < 180;
            a.minute(m, gone ? 2 : 200, m == 150 ? 1.0 : (m == 151 ? 0.5 : 0));
        }
        const CaseData data = testing::caseWithAllKinds({a.source(QStringLiteral("a.example"), 0)});
        const DetectorOutput out = runUpTo(data, TrafficVolumeDetector());
        QVERIFY(!findTitled(out, QStringLiteral("Traffic fell and failed")));
        const Evidence *e = findTitled(out, QStringLiteral("Traffic fell during"));
        QVERIFY(e);
        QCOMPARE_ENUM(e->kindRatings.value(K::Network), Rating::CC);

        // The bound itself, on counts worked by hand: 3 of 75 is 4% by count, 1.6% at least
        // (one-sided 95%); 300 of 7,500 is still about 3.6%; nothing of nothing is 0.
        QVERIFY(std::abs(wilsonLowerBound(3, 75) - 0.016) < 0.001);
        QVERIFY(std::abs(wilsonLowerBound(300, 7500) - 0.0364) < 0.001);
        QCOMPARE(wilsonLowerBound(0, 0), 0.0);
    }

    // Half the requests gone and half of the rest failing: the requests reached a failing service.
    // Read as "never arrived" (upstream) it rated a failed storage array against hardware.
    void trafficDropWithFailuresPointsAtTheService()
    {
        Site a;
        for (int m = 0; m < 240; ++m)
            a.minute(m, m >= 150 && m < 180 ? 90 : 200, m >= 150 && m < 180 ? 0.5 : 0);
        const CaseData data = testing::caseWithAllKinds({a.source(QStringLiteral("a.example"), 0)});
        const DetectorOutput out = runUpTo(data, TrafficVolumeDetector());
        QVERIFY(!findTitled(out, QStringLiteral("Traffic fell during")));
        const Evidence *e = findTitled(out, QStringLiteral("Traffic fell and failed"));
        QVERIFY(e);
        QCOMPARE_ENUM(e->kindRatings.value(K::Hardware), Rating::C);
        QCOMPARE_ENUM(e->kindRatings.value(K::Change), Rating::C);
        QCOMPARE_ENUM(e->kindRatings.value(K::Network), Rating::N);
        QCOMPARE_ENUM(e->kindRatings.value(K::FlashCrowd), Rating::I);
    }

    void errorsAtNormalVolumeAndSpread()
    {
        const CaseData data = outageCase();
        const DetectorOutput volume = runUpTo(data, TrafficVolumeDetector());
        const Evidence *e = findTitled(volume, QStringLiteral("Errors at normal traffic volume"));
        QVERIFY(e);
        QCOMPARE_ENUM(e->kindRatings.value(K::Hardware), Rating::C);
        // A saturated server logs about what it can serve: a crowd is unlikely here, not excluded.
        QCOMPARE_ENUM(e->kindRatings.value(K::FlashCrowd), Rating::I);
        const DetectorOutput paths = runUpTo(data, EndpointDetector());
        QVERIFY(findTitled(paths, QStringLiteral("Errors spread over all endpoints")));
        QVERIFY(!findTitled(paths, QStringLiteral("Errors confined")));
        const DetectorOutput clients = runUpTo(data, ClientPopulationDetector());
        QVERIFY(findTitled(clients, QStringLiteral("Client population unchanged")));
    }

    void errorsConfinedToOnePath()
    {
        Site a;
        for (int m = 0; m < 240; ++m)
            a.minute(m, 200, m >= 150 && m < 180 ? 0.9 : 0, true);
        const DetectorOutput out =
            runUpTo(testing::caseWithAllKinds({a.source(QStringLiteral("a.example"), 0)}), EndpointDetector());
        const Evidence *e = findTitled(out, QStringLiteral("Errors confined"));
        QVERIFY2(e, out.evidence.isEmpty() ? "no evidence" : qPrintable(out.evidence.last().title));
        QVERIFY(e->reason.contains(QStringLiteral("/checkout")));
        QCOMPARE_ENUM(e->kindRatings.value(K::Change), Rating::C);
        QCOMPARE_ENUM(e->kindRatings.value(K::Hardware), Rating::I);
    }

    void crowdFromALinkAndFloodOnOneEndpoint()
    {
        Site crowd, flood;
        for (int m = 0; m < 240; ++m) {
            crowd.minute(m, 200, m >= 150 && m < 180 ? 0.2 : 0);
            flood.minute(m, 200, m >= 150 && m < 180 ? 0.2 : 0);
            if (m >= 150 && m < 180) {
                for (int k = 0; k < 600; ++k) {
                    const qint64 t = T0 + m * Minute + k * (Minute / 600);
                    crowd.add(t, "172.16." + std::to_string(m) + "." + std::to_string(k), "/deal", 200,
                              k % 2 ? "Firefox/3.6" : "Chrome/8", "http://twitter.com/deals/status/1");
                    flood.add(t, "91.200.0." + std::to_string(k % 20), "/search?q=" + std::to_string(k), 503,
                              "libwww-perl/5.836");
                }
            }
        }
        const DetectorOutput c = runUpTo(testing::caseWithAllKinds({crowd.source(QStringLiteral("a.example"), 0)}),
                                         ClientPopulationDetector());
        const Evidence *spike = findTitled(c, QStringLiteral("Referer spike"));
        QVERIFY(spike);
        QCOMPARE_ENUM(spike->kindRatings.value(K::FlashCrowd), Rating::CC);
        QVERIFY(findTitled(c, QStringLiteral("Influx of new clients")));
        QVERIFY(!findTitled(c, QStringLiteral("Client population unchanged")));
        const DetectorOutput cp =
            runUpTo(testing::caseWithAllKinds({crowd.source(QStringLiteral("a.example"), 0)}), EndpointDetector());
        QVERIFY(findTitled(cp, QStringLiteral("Visitors converge on a linked page")));

        const DetectorOutput f =
            runUpTo(testing::caseWithAllKinds({flood.source(QStringLiteral("a.example"), 0)}), EndpointDetector());
        const Evidence *hammered = findTitled(f, QStringLiteral("One endpoint hammered"));
        QVERIFY(hammered);
        QVERIFY(hammered->reason.contains(QStringLiteral("/search")));
        QCOMPARE_ENUM(hammered->kindRatings.value(K::Ddos), Rating::CC);
        const DetectorOutput fc = runUpTo(testing::caseWithAllKinds({flood.source(QStringLiteral("a.example"), 0)}),
                                          ClientPopulationDetector());
        QVERIFY(findTitled(fc, QStringLiteral("Traffic concentrated on few clients")));
        QVERIFY(findTitled(fc, QStringLiteral("User agents less diverse")));
        QVERIFY(!findTitled(fc, QStringLiteral("Referer spike")));
    }

    void accessLogFindingsCiteTheirLines_data()
    {
        QTest::addColumn<bool>("unsortedBiggest");
        QTest::newRow("time-ordered source") << false;
        QTest::newRow("source out of time order") << true;
    }

    // Site a.example is served from two logs (big, small); b.example is fine. Every access-log
    // finding must cite the big log's lines inside its window, as a scan of the table finds them.
    void accessLogFindingsCiteTheirLines()
    {
        QFETCH(bool, unsortedBiggest);
        Site big, small, other;
        for (int m = 0; m < 240; ++m) {
            const bool out = m >= 150 && m < 180;
            big.minute(m, 140, out ? 0.7 : 0);
            small.minute(m, 60, out ? 0.7 : 0);
            other.minute(m, 150);
        }
        if (unsortedBiggest) {
            // Neighbouring rows swap times: line order stays, time order breaks.
            for (std::size_t r = 0; r + 1 < big.t->size(); r += 2)
                std::swap(big.t->time[r], big.t->time[r + 1]);
        }
        QList<Source> sources = {big.source(QStringLiteral("a.example"), 0),
                                 small.source(QStringLiteral("a.example"), 0),
                                 other.source(QStringLiteral("b.example"), 0)};
        const QStringList files = {QStringLiteral("web1-access.log"), QStringLiteral("web2-access.log"),
                                   QStringLiteral("b-access.log")};
        for (int i = 0; i < sources.size(); ++i) {
            sources[i].path = QStringLiteral("/logs/") + files[i];
            sources[i].sha256 = QString(64, QChar(u'a' + i));
            sources[i].size = qint64(sources[i].table->size()) * 100;
        }
        const CaseData data = testing::caseWithAllKinds(sources);
        const DetectorOutput out = runDetectors(data);

        QStringList cited;
        for (const Evidence &e : out.evidence) {
            const QString detector = e.origin.section(u':', 1).section(u'@', 0, 0);
            if (!QStringList{QStringLiteral("incident-window"), QStringLiteral("traffic-volume"),
                             QStringLiteral("client-population"), QStringLiteral("endpoints")}
                     .contains(detector))
                continue;
            cited.append(detector);
            const Provenance &p = e.provenance;
            QVERIFY2(p.hasLines(), qPrintable(e.title));
            QCOMPARE(p.sourceId, data.sources[0].id);
            QCOMPARE(p.sourceSha256, data.sources[0].sha256);
            // Brute force: events of each source inside the window.
            std::vector<std::size_t> counts;
            for (const Source &s : data.sources) {
                std::size_t n = 0;
                for (int64_t t : s.table->time)
                    n += t >= p.timeBegin && t < p.timeEnd;
                counts.push_back(n);
            }
            QVERIFY(counts[0] > counts[1] && counts[1] > 0);
            const EventTable &t = *data.sources[0].table;
            qint64 first = -1, last = -1;
            for (std::size_t r = 0; r < t.size(); ++r) {
                if (t.time[r] >= p.timeBegin && t.time[r] < p.timeEnd) {
                    if (first < 0)
                        first = qint64(r);
                    last = qint64(r);
                }
            }
            QVERIFY(first >= 0);
            QCOMPARE(p.firstLine, qint64(t.line[std::size_t(first)]));
            QCOMPARE(p.lastLine, qint64(t.line[std::size_t(last)]));
            QCOMPARE(p.offsetBegin, qint64(t.offset[std::size_t(first)]));
            QCOMPARE(p.offsetEnd, qint64(t.offset[std::size_t(last) + 1]));
            QVERIFY2(e.description.contains(QStringLiteral("Lines cited from web1-access.log")),
                     qPrintable(e.description));
            QVERIFY(e.description.contains(QStringLiteral("web2-access.log (%1)").arg(counts[1])));
            QVERIFY(e.description.contains(QStringLiteral("(%1 of %2)").arg(counts[0]).arg(counts[0] + counts[1])));
            QVERIFY(!e.description.contains(QStringLiteral("b-access.log")));
        }
        for (const char *d : {"incident-window", "traffic-volume", "client-population", "endpoints"})
            QVERIFY2(cited.contains(QLatin1StringView(d)), d);
    }

    void syslogOrderDecidesStrength()
    {
        for (const int lead : {-2, 12}) {
            CaseData data = outageCase();
            auto sys = std::make_shared<EventTable>();
            // A routine line an hour before gives the comparison its baseline (without one the
            // finding is weaker whatever the order: see noBaselineIsSaid in tst_syslogtext).
            const size_t b = sys->appendRow(T0 + 60 * Minute, 0, 1);
            sys->severity[b] = 6;
            sys->host[b] = sys->strings.intern("core-sw1");
            sys->message[b] = sys->strings.intern("%SYS-6-LOGGINGHOST_STARTSTOP: Logging to host 10.0.0.5 started");
            const size_t r = sys->appendRow(T0 + (150 + lead) * Minute, 100, 2);
            sys->severity[r] = 3;
            sys->host[r] = sys->strings.intern("core-sw1");
            sys->message[r] = sys->strings.intern("%LINK-3-UPDOWN: Interface Te1/1, changed state to down");
            Source s;
            s.id = data.nextId++;
            s.format = QStringLiteral("syslog-rfc3164");
            s.sha256 = QStringLiteral("ab").repeated(32);
            s.size = 80;
            s.table = sys;
            data.sources.append(s);
            const DetectorOutput out = runUpTo(data, SyslogSignatureDetector());
            const Evidence *e = findTitled(out, QStringLiteral("Hardware faults"));
            QVERIFY(e);
            QCOMPARE_ENUM(e->kindRatings.value(K::Hardware), lead < 0 ? Rating::CC : Rating::C);
            QCOMPARE(e->provenance.sourceSha256, s.sha256);
            QCOMPARE(e->provenance.firstLine, 2);
            QVERIFY(e->reason.contains(lead < 0 ? QStringLiteral("before the errors")
                                                : QStringLiteral("after the errors")));
        }
    }

    void claimsAgainstTheWindow()
    {
        CaseData data = outageCase();
        auto claim = [&](qint64 b, qint64 e, const QString &phrase) {
            Statement s;
            s.id = data.nextId++;
            s.organisation = QStringLiteral("Example Corp");
            s.speaker = QStringLiteral("a spokesman");
            s.quote = phrase;
            s.times = {{phrase, b, e, true, -1}};
            s.stance = {{K::Hardware, Rating::CC}, {K::Ddos, Rating::II}};
            data.statements.append(s);
            return s.id;
        };
        const Id good = claim(T0 + 152 * Minute, T0 + 181 * Minute, QStringLiteral("for about 30 minutes"));
        const Id bad = claim(T0 + 60 * Minute, T0 + 100 * Minute, QStringLiteral("between 11:00 and 11:40"));
        claim(T0 - 48 * 60 * Minute, T0 - 47 * 60 * Minute, QStringLiteral("two days earlier"));
        const DetectorOutput out = runUpTo(data, ClaimCheckDetector());
        QList<const Evidence *> claims;
        for (const Evidence &e : out.evidence) {
            if (e.origin.startsWith(QStringLiteral("detector:claim-check")))
                claims.append(&e);
        }
        QCOMPARE(claims.size(), 2); // the third lies outside the logs
        QCOMPARE(claims[0]->provenance.statementId, good);
        QVERIFY(claims[0]->title.contains(QStringLiteral("matches")));
        QCOMPARE_ENUM(claims[0]->kindRatings.value(K::Hardware), Rating::C);
        QCOMPARE_ENUM(claims[0]->kindRatings.value(K::Ddos), Rating::I);
        QCOMPARE(claims[1]->provenance.statementId, bad);
        QVERIFY(claims[1]->title.contains(QStringLiteral("contradicted")));
        QCOMPARE_ENUM(claims[1]->kindRatings.value(K::Hardware), Rating::I);
    }

    // A statement's stated cause against the log findings of the run: agreement, contradiction,
    // kinds the logs do not speak to, and statements (claim checks) not counted as logs.
    void statedCauseAgainstTheLogFindings()
    {
        CaseData data;
        auto statement = [&](const QString &org, QMap<K, Rating> stance) {
            Statement s;
            s.id = data.nextId++;
            s.organisation = org;
            s.speaker = QStringLiteral("a spokesperson");
            s.quote = QStringLiteral("words of ") + org + QStringLiteral(".\u201d,"); // as cut from prose
            s.stance = stance;
            s.credibility = 3;
            data.statements.append(s);
            return s.id;
        };
        const Id operatorSays =
            statement(QStringLiteral("Operator"), {{K::Hardware, Rating::CC}, {K::Ddos, Rating::II}});
        const Id attackerSays = statement(QStringLiteral("Attackers"), {{K::Ddos, Rating::C}});
        const Id denialSays = statement(QStringLiteral("Activists"), {{K::Ddos, Rating::I}});
        statement(QStringLiteral("Bystander"), {{K::Ddos, Rating::N}, {K::Hardware, Rating::N}});
        statement(QStringLiteral("Marketing"), {{K::FlashCrowd, Rating::C}}); // the logs say nothing on it

        AnalysisContext context(data);
        const StatedCauseDetector detector;
        DetectorOutput out;
        detector.run(context, out);
        QVERIFY(out.evidence.isEmpty()); // no log findings, nothing to compare with

        auto finding = [&](const QString &title, QMap<K, Rating> r, qint64 b, qint64 e, Id statementId = 0) {
            Evidence f;
            f.title = title;
            f.kindRatings = ratings({});
            for (auto it = r.cbegin(); it != r.cend(); ++it)
                f.kindRatings[it.key()] = it.value();
            f.provenance.timeBegin = b;
            f.provenance.timeEnd = e;
            f.provenance.statementId = statementId;
            out.evidence.append(f);
        };
        finding(QStringLiteral("Hardware faults"), {{K::Hardware, Rating::CC}, {K::Ddos, Rating::I}}, T0 + 10 * Minute,
                T0 + 40 * Minute);
        finding(QStringLiteral("Normal volume"), {{K::Ddos, Rating::I}}, T0 + 5 * Minute, T0 + 20 * Minute);
        // A claim check rests on a statement: were it counted, DDoS would sum to zero.
        finding(QStringLiteral("Claim by someone"), {{K::Ddos, Rating::CC}}, T0, T0 + Minute, operatorSays);
        const qsizetype before = out.evidence.size();
        detector.run(context, out);
        const QList<Evidence> found = out.evidence.mid(before);
        QCOMPARE(found.size(), 3);

        QCOMPARE(found[0].provenance.statementId, operatorSays);
        QVERIFY(found[0].title.contains(QStringLiteral("agrees")));
        // The sentence ends once, whatever punctuation the quote was cut with.
        QVERIFY2(found[0].reason.startsWith(
                     QStringLiteral("Operator (a spokesperson) said \u201cwords of Operator\u201d. The logs agree")),
                 qPrintable(found[0].reason));
        QVERIFY2(found[0].reason.contains(QStringLiteral("for Hardware failure (log findings +2: Hardware faults)")),
                 qPrintable(found[0].reason));
        QVERIFY2(found[0].reason.contains(
                     QStringLiteral("against DDoS attack (log findings \u22122: Hardware faults; Normal volume)")),
                 qPrintable(found[0].reason));
        QCOMPARE(found[0].credibility, 2);
        QVERIFY(!found[0].provenance.hasTimeRange()); // the findings keep their own ranges

        QCOMPARE(found[1].provenance.statementId, attackerSays);
        QVERIFY(found[1].title.contains(QStringLiteral("contradicted")));
        QVERIFY(found[1].reason.contains(QStringLiteral("The logs disagree: it speaks for DDoS attack")));
        QCOMPARE(found[1].credibility, 5);

        QCOMPARE(found[2].provenance.statementId, denialSays);
        QVERIFY(found[2].title.contains(QStringLiteral("agrees")));

        for (const Evidence &e : found) {
            QCOMPARE(e.origin, QStringLiteral("detector:stated-cause@1"));
            for (K k : allHypothesisKinds())
                QCOMPARE_ENUM(e.kindRatings.value(k), Rating::N); // never counted twice
        }
    }

    void rerunReplacesSuggestionsAndKeepsDecisions()
    {
        CaseDocument doc(outageCase());
        const DetectorRunSummary first = applyDetectorOutput(doc, runDetectors(doc.data()), false);
        QVERIFY(first.added >= 3);
        QCOMPARE(doc.markers().size(), 1);
        const Evidence &e0 = doc.evidence().first();
        QVERIFY(!e0.ratings.isEmpty()); // kind ratings were mapped onto the hypotheses
        edit::setEvidenceState(&doc, e0.id, EvidenceState::Accepted);
        const qsizetype before = doc.evidence().size();
        const DetectorRunSummary second = applyDetectorOutput(doc, runDetectors(doc.data()), false);
        QCOMPARE(second.kept, 1);
        QCOMPARE(doc.evidence().size(), before);
        QCOMPARE(doc.markers().size(), 1);
        doc.undoStack()->undo(); // the whole run is one step
        QCOMPARE(doc.evidence().size(), before);
        QCOMPARE_ENUM(doc.evidence().first().state, EvidenceState::Accepted);
        // A suggestion the analyst starred (or tagged, commented, re-rated) stays as it is.
        const Id starred = doc.evidence().last().id;
        QCOMPARE_ENUM(doc.find<Evidence>(starred)->state, EvidenceState::Suggested);
        QVERIFY(!analystEdited(*doc.find<Evidence>(starred), doc.hypotheses()));
        edit::setValue(&doc, starred, &Evidence::starred, true, QStringLiteral("Star"));
        QVERIFY(analystEdited(*doc.find<Evidence>(starred), doc.hypotheses()));
        QCOMPARE(applyDetectorOutput(doc, runDetectors(doc.data()), false).kept, 2);
        QVERIFY(doc.find<Evidence>(starred));
        QCOMPARE(doc.evidence().size(), before);
        const DetectorRunSummary accepted = applyDetectorOutput(doc, runDetectors(doc.data()), true);
        for (Id id : accepted.addedIds)
            QCOMPARE_ENUM(doc.find<Evidence>(id)->state, EvidenceState::Accepted);
    }

    void detectorsDescribeThemselves()
    {
        for (const auto &d : standardDetectors()) {
            QVERIFY(!d->name().isEmpty());
            QVERIFY(!d->parameters().isEmpty());
            QCOMPARE(d->origin(), QStringLiteral("detector:%1@%2").arg(d->name(), d->version()));
        }
    }
};

QTEST_GUILESS_MAIN(TestDetectors)
#include "tst_detectors.moc"

// The change detector, incidents, attribution and client behaviour on traffic written here by
// a session model of shoppers (not the scenario generator): visitors arrive at random, browse a
// few pages with human think times, fetch each page's assets, and come back; programs request
// at a fixed rhythm. What the detectors find must hold on bursty traffic from 2 to 5,000
// requests a minute, with window edges within two minutes.
#include "analysis/attribution.h"
#include "analysis/changedetect.h"
#include "analysis/clientfeatures.h"
#include "analysis/detectors/clientpopulationdetector.h"
#include "analysis/detectors/detector.h"
#include "analysis/detectors/incidentwindowdetector.h"
#include "analysis/localeventstore.h"
#include "testlib/casewithsources.h"
#include "testlib/testprinters.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <random>

using namespace inquest;

namespace {

constexpr qint64 Minute = 60'000'000;
constexpr qint64 Second = 1'000'000;
const qint64 T0 = QDateTime(QDate(2013, 3, 8), QTime(8, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;

struct Row
{
    qint64 time;
    std::string client, path, agent, referer;
    uint16_t status;
};

// Shoppers' sessions at a site. `rate(t)` scales the arrival of sessions (1 = the usual
// number), `fail(t, path)` says whether a request fails.
struct SessionTraffic
{
    double requestsPerMinute = 80;
    qint64 begin = T0, end = T0 + 6 * 60 * Minute;
    std::function<double(qint64)> rate = [](qint64) { return 1.0; };
    std::function<bool(qint64, const std::string &, std::mt19937_64 &)> fail = [](qint64, const std::string &,
                                                                                  std::mt19937_64 &) { return false; };
    uint64_t seed = 1;
    std::string prefix = "81.2.";
    double stay = 0.75; // chance of another page after each page
    int assets = 3;     // per page
    int visitors = 1000;

    std::vector<Row> rows() const
    {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0, 1);
        // A session: geometric number of pages (mean 4 by default), three assets per page, think
        // times log-normal around 30 s. Mean requests per session ≈ 4 × 4 = 16.
        const double sessionsPerSecond = requestsPerMinute / 60.0 / ((1 + assets) / (1 - stay));
        std::vector<Row> out;
        const char *Agents[] = {"Mozilla/5.0 (Windows NT 6.1) Firefox/19.0", "Mozilla/5.0 (Macintosh) Safari/536",
                                "Mozilla/5.0 (Windows NT 6.1) Chrome/25.0", "Mozilla/4.0 (compatible; MSIE 8.0)"};
        const double maxRate = 4.0;
        std::exponential_distribution<double> gap(sessionsPerSecond * maxRate);
        std::lognormal_distribution<double> think(std::log(30.0), 1.0);
        std::uniform_int_distribution<int> returning(0, visitors - 1);
        double t = double(begin) / 1e6;
        while (true) {
            t += gap(rng);
            const qint64 start = qint64(t * 1e6);
            if (start >= end)
                break;
            if (u(rng) * maxRate > rate(start)) // thinning: a time-varying arrival rate
                continue;
            const int visitor = returning(rng);
            const std::string client = prefix + std::to_string(visitor / 200) + "." + std::to_string(visitor % 200);
            const std::string agent = Agents[visitor % 4];
            double at = t;
            std::string referer = u(rng) < 0.3 ? "http://www.google.com/search?q=shoes" : "";
            do {
                const int page = int(u(rng) * u(rng) * 60);
                const std::string path =
                    page % 7 == 0 ? "/search?q=" + std::to_string(page) : "/product/" + std::to_string(page);
                const qint64 pt = qint64(at * 1e6);
                if (pt >= end)
                    break;
                out.push_back({pt, client, path, agent, referer, uint16_t(fail(pt, path, rng) ? 503 : 200)});
                for (int a = 0; a < assets; ++a) {
                    const std::string asset = "/static/" + std::to_string(a) + (a == 2 ? ".js" : ".css");
                    out.push_back({pt + (a + 1) * 80'000, client, asset, agent, "http://shop/" + path,
                                   uint16_t(fail(pt, asset, rng) ? 503 : 200)});
                }
                referer = "http://shop" + path;
                at += think(rng);
            } while (u(rng) < stay);
        }
        return out;
    }
};

// Programs at a fixed rhythm on one endpoint: `clients` of them, one request every `period`.
std::vector<Row> machineClients(int clients, double periodSeconds, qint64 begin, qint64 end, const std::string &path)
{
    std::vector<Row> out;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> jitter(-0.05, 0.05);
    for (int c = 0; c < clients; ++c) {
        const std::string client = "203.0." + std::to_string(113 + c / 250) + "." + std::to_string(c % 250);
        for (double t = double(begin) / 1e6 + c * 0.37; t < double(end) / 1e6; t += periodSeconds * (1 + jitter(rng)))
            out.push_back({qint64(t * 1e6), client, path + "?q=" + std::to_string(c), "python-requests/2.0", "", 200});
    }
    return out;
}

Source sourceOf(std::vector<Row> rows, const QString &site)
{
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time < b.time; });
    auto t = std::make_shared<EventTable>();
    uint32_t line = 0;
    for (const Row &row : rows) {
        const size_t r = t->appendRow(row.time, uint64_t(line) * 120, line + 1);
        ++line;
        t->status[r] = row.status;
        t->method[r] = HttpMethod::Get;
        t->client[r] = t->strings.intern(row.client);
        t->path[r] = t->strings.intern(row.path);
        t->agent[r] = t->strings.intern(row.agent);
        t->referer[r] = row.referer.empty() ? 0 : t->strings.intern(row.referer);
    }
    Source s;
    s.format = QStringLiteral("combined");
    s.site = site;
    s.sha256 = QString(64, u'a');
    s.events = qint64(t->size());
    s.table = t;
    return s;
}

bool within(qint64 a, qint64 b, qint64 tolerance) { return std::abs(a - b) <= tolerance; }

QString describe(const std::vector<Incident> &list)
{
    QString text;
    for (const Incident &inc : list)
        text += QStringLiteral("[%1 .. %2 min] %3 / %4 impact %5\n")
                    .arg(double(inc.begin - T0) / Minute)
                    .arg(double(inc.end - T0) / Minute)
                    .arg(inc.affected.join(u','), inc.unaffected.join(u','))
                    .arg(inc.impact());
    return text;
}

} // namespace

class TestIncidentAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void likelihoodRatioMatchesTheFormula()
    {
        // Poisson limit: x·log(μ1/μ0) − (μ1 − μ0).
        QVERIFY(std::abs(nbShiftLlr(3, 10, 20, 1e9) - (3 * std::log(2.0) - 10)) < 1e-9);
        // Overdispersion weakens the evidence of a low count: NB(k=2) against Poisson.
        QVERIFY(nbShiftLlr(0, 80, 24, 2) < nbShiftLlr(0, 80, 24, 1e9));
        QVERIFY(nbShiftLlr(0, 80, 24, 2) > 0);
        // A count at the baseline speaks against a collapse.
        QVERIFY(nbShiftLlr(80, 80, 24, 5) < 0);
        // Dispersion is found in bursty counts and not in Poisson ones.
        std::mt19937_64 rng(3);
        std::vector<double> poisson, bursty;
        std::poisson_distribution<int> p(50);
        std::gamma_distribution<double> g(2.0, 25.0); // mean 50, k = 2
        for (int i = 0; i < 400; ++i) {
            poisson.push_back(p(rng));
            bursty.push_back(std::poisson_distribution<int>(g(rng))(rng));
        }
        QVERIFY(estimateNb(poisson).size > 50);
        const NbBaseline b = estimateNb(bursty);
        QVERIFY2(b.size > 0.8 && b.size < 5, qPrintable(QString::number(b.size)));
        QVERIFY(std::abs(b.mean - 50) < 10);
    }

    // Four sites fall from ~80 to ~7 requests a minute for 40 minutes with almost no errors; a
    // fifth is a control; an hour earlier a widget on one site answers 500 for 12 minutes.
    void collapseOnBurstyTrafficIsTheIncident()
    {
        const qint64 cb = T0 + 200 * Minute, ce = cb + 40 * Minute;
        const qint64 db = T0 + 130 * Minute, de = db + 12 * Minute;
        QList<Source> sources;
        for (int s = 0; s < 5; ++s) {
            SessionTraffic traffic;
            traffic.seed = uint64_t(11 + s);
            traffic.prefix = "81." + std::to_string(2 + s) + ".";
            if (s < 4)
                traffic.rate = [=](qint64 t) { return t >= cb && t < ce ? 7.0 / 80.0 : 1.0; };
            if (s == 1)
                traffic.fail = [=](qint64 t, const std::string &path, std::mt19937_64 &) {
                    return t >= db && t < de && path.rfind("/static/2", 0) == 0;
                };
            sources.append(sourceOf(traffic.rows(), QStringLiteral("shop%1.example").arg(s)));
        }
        const CaseData data = testing::caseWithAllKinds(sources);
        AnalysisContext context(data);
        const auto list = IncidentWindowDetector().incidents(context.store);
        QVERIFY2(list.size() == 1, qPrintable(describe(list)));
        const Incident &inc = list.front();
        QVERIFY2(within(inc.begin, cb, 2 * Minute) && within(inc.end, ce, 2 * Minute), qPrintable(describe(list)));
        QCOMPARE(inc.affected.size(), 4);
        QCOMPARE(inc.unaffected, QStringList{QStringLiteral("shop4.example")});
        for (const auto &w : inc.windows)
            QVERIFY(w.drop);

        // Alone, the widget's errors are an error-share change of that site, far smaller.
        const auto widget = IncidentWindowDetector().siteWindows(context.store, QStringLiteral("shop1.example"));
        bool widgetFound = false;
        for (const auto &w : widget)
            widgetFound |= w.errors && within(w.begin, db, 2 * Minute);
        QVERIFY(widgetFound);
    }

    // The merged window starts at the earliest site's change point; on one site a lull came
    // minutes before anything failed. "Before the errors" (what the system-log reading asks of
    // a device fault or a deploy) is judged from the first failing minute, not from the lull.
    void errorsBeginAtTheFirstFailure()
    {
        const qint64 cb = T0 + 200 * Minute, ce = cb + 40 * Minute, lull = cb - 10 * Minute;
        QList<Source> sources;
        for (int s = 0; s < 4; ++s) {
            SessionTraffic traffic;
            traffic.seed = uint64_t(61 + s);
            traffic.prefix = "82." + std::to_string(2 + s) + ".";
            if (s == 0)
                traffic.rate = [=](qint64 t) { return t >= lull && t < cb ? 0.0 : 1.0; };
            if (s < 3)
                traffic.fail = [=](qint64 t, const std::string &, std::mt19937_64 &rng) {
                    return t >= cb && t < ce && rng() % 10 < 6;
                };
            sources.append(sourceOf(traffic.rows(), QStringLiteral("shop%1.example").arg(s)));
        }
        const CaseData data = testing::caseWithAllKinds(sources);
        AnalysisContext context(data);
        const auto list = IncidentWindowDetector().incidents(context.store);
        QVERIFY2(list.size() == 1, qPrintable(describe(list)));
        const Incident &inc = list.front();
        QVERIFY2(inc.begin <= cb - 5 * Minute, qPrintable(describe(list))); // the lull opened the window
        QVERIFY(inc.firstFailure.has_value());
        QVERIFY2(within(inc.errorsBegin(), cb, Minute), qPrintable(formatUtc(inc.errorsBegin())));
    }

    void quietBurstyDayHasNoIncident()
    {
        QList<Source> sources;
        for (int s = 0; s < 3; ++s) {
            SessionTraffic traffic;
            traffic.seed = uint64_t(40 + s);
            traffic.requestsPerMinute = s == 0 ? 3 : s == 1 ? 80 : 900;
            // A slow daily rise, a lunchtime hump.
            traffic.rate = [](qint64 t) {
                const double h = double(t - T0) / (60.0 * Minute);
                return 0.7 + 0.1 * h + 0.3 * std::exp(-(h - 4) * (h - 4));
            };
            sources.append(sourceOf(traffic.rows(), QStringLiteral("quiet%1.example").arg(s)));
        }
        const CaseData data = testing::caseWithAllKinds(sources);
        AnalysisContext context(data);
        const auto list = IncidentWindowDetector().incidents(context.store);
        QVERIFY2(list.empty(), qPrintable(describe(list)));
    }

    // Logs collected up to a moment taper on every site as sessions stop being logged: that is
    // the logs ending, reported as such, not an outage. The same fall on two sites of three (a
    // control still busy) is an outage under way when the logs end, and stays one.
    void theLogsEndingIsNoOutage()
    {
        const qint64 end = T0 + 240 * Minute, taper = end - 8 * Minute;
        const auto sites = [&](int falling) {
            QList<Source> sources;
            for (int s = 0; s < 3; ++s) {
                SessionTraffic traffic;
                traffic.seed = uint64_t(70 + s);
                traffic.requestsPerMinute = 120;
                traffic.end = end;
                if (s < falling)
                    traffic.rate = [=](qint64 t) { return t >= taper ? 0.05 : 1.0; };
                sources.append(sourceOf(traffic.rows(), QStringLiteral("shop%1.example").arg(s)));
            }
            return testing::caseWithAllKinds(sources);
        };
        {
            const CaseData data = sites(3);
            AnalysisContext context(data);
            std::vector<Incident> tails;
            const auto list = IncidentWindowDetector().incidents(context.store, 60 * Second, &tails);
            QVERIFY2(list.empty(), qPrintable(describe(list)));
            QCOMPARE(tails.size(), std::size_t(1));
            QVERIFY2(within(tails.front().begin, taper, 3 * Minute), qPrintable(describe(tails)));

            DetectorOutput out;
            IncidentWindowDetector().run(context, out);
            QVERIFY(out.markers.isEmpty());
            QCOMPARE(out.evidence.size(), 1);
            QVERIFY2(
                out.evidence.front().title.startsWith(QStringLiteral("Requests fall on every site as the logs end")),
                qPrintable(out.evidence.front().title));
            QVERIFY(context.incidents.empty());
        }
        {
            const CaseData data = sites(2);
            AnalysisContext context(data);
            std::vector<Incident> tails;
            const auto list = IncidentWindowDetector().incidents(context.store, 60 * Second, &tails);
            QVERIFY(tails.empty());
            QVERIFY2(list.size() == 1 && list.front().affected.size() == 2, qPrintable(describe(list)));
            QCOMPARE(list.front().unaffected, QStringList{QStringLiteral("shop2.example")});
        }
    }

    void edgesHoldFromTwoToFiveThousandAMinute_data()
    {
        QTest::addColumn<double>("perMinute");
        QTest::addColumn<bool>("collapse");
        for (double rate : {2.0, 5000.0}) {
            QTest::addRow("%g/min errors", rate) << rate << false;
            QTest::addRow("%g/min collapse", rate) << rate << true;
        }
    }

    void edgesHoldFromTwoToFiveThousandAMinute()
    {
        QFETCH(double, perMinute);
        QFETCH(bool, collapse);
        const qint64 ib = T0 + 130 * Minute, ie = ib + 35 * Minute;
        SessionTraffic traffic;
        traffic.requestsPerMinute = perMinute;
        traffic.end = T0 + 210 * Minute;
        traffic.seed = uint64_t(perMinute) + collapse;
        if (perMinute < 10) { // a small shop: short visits, one asset per page
            traffic.stay = 0.3;
            traffic.assets = 1;
        }
        if (collapse)
            traffic.rate = [=](qint64 t) { return t >= ib && t < ie ? 0.03 : 1.0; };
        else
            traffic.fail = [=](qint64 t, const std::string &, std::mt19937_64 &rng) {
                return t >= ib && t < ie && std::uniform_real_distribution<double>(0, 1)(rng) < 0.6;
            };
        const CaseData data = testing::caseWithAllKinds({sourceOf(traffic.rows(), QStringLiteral("one.example"))});
        AnalysisContext context(data);
        const auto list = IncidentWindowDetector().incidents(context.store);
        QVERIFY2(list.size() == 1, qPrintable(describe(list)));
        // At 2 a minute a session takes minutes to show; the edge is where the evidence is.
        const qint64 tolerance = perMinute < 10 ? 4 * Minute : 2 * Minute;
        QVERIFY2(within(list.front().begin, ib, tolerance) && within(list.front().end, ie, tolerance),
                 qPrintable(describe(list)));
    }

    void attributionNamesTheEndpoint()
    {
        const qint64 ib = T0 + 200 * Minute, ie = ib + 30 * Minute;
        SessionTraffic traffic;
        traffic.requestsPerMinute = 300;
        traffic.fail = [=](qint64 t, const std::string &path, std::mt19937_64 &) {
            return t >= ib && t < ie && path.rfind("/search", 0) == 0;
        };
        SessionTraffic other;
        other.requestsPerMinute = 300;
        other.seed = 5;
        other.prefix = "90.1.";
        const CaseData data = testing::caseWithAllKinds({sourceOf(traffic.rows(), QStringLiteral("a.example")),
                                                         sourceOf(other.rows(), QStringLiteral("b.example"))});
        AnalysisContext context(data);
        const auto found =
            attribute(context.store, {}, EventStore::Filter::Failures, {ib, ie}, {ib - 125 * Minute, ib - 5 * Minute});
        QVERIFY(!found.empty());
        bool endpoint = false, site = false;
        for (const Attribution &a : found) {
            if (a.dimension == EventStore::Dimension::Endpoint)
                endpoint =
                    a.values.size() == 1 && a.values.front().value == u"/search" && a.values.front().explanatory > 0.99;
            if (a.dimension == EventStore::Dimension::Site)
                site = a.values.front().value == u"a.example";
        }
        QVERIFY(endpoint);
        QVERIFY(site);
        // The product pages are not named: their failures did not change.
        for (const Attribution &a : found)
            for (const auto &v : a.values)
                QVERIFY(!v.value.startsWith(u"/product"));
    }

    void machineCadenceAgainstHumans()
    {
        const qint64 ib = T0 + 100 * Minute, ie = ib + 20 * Minute;
        SessionTraffic people;
        people.requestsPerMinute = 200;
        people.end = ie;
        std::vector<Row> rows = people.rows();
        const CaseData humansOnly = testing::caseWithAllKinds({sourceOf(rows, QStringLiteral("s.example"))});
        AnalysisContext h(humansOnly);
        const ClientFeatures human = clientFeatures(h.store.clients({}, ib, ie));
        QVERIFY2(human.machineShare < 0.05, qPrintable(QString::number(human.machineShare)));
        QVERIFY(human.assetsPerPage > 2.5);
        QVERIFY(human.seenBeforeShare > 0.3);

        const auto bots = machineClients(300, 2.0, ib, ie, "/search");
        rows.insert(rows.end(), bots.begin(), bots.end());
        const CaseData mixed = testing::caseWithAllKinds({sourceOf(rows, QStringLiteral("s.example"))});
        AnalysisContext m(mixed);
        const ClientFeatures both = clientFeatures(m.store.clients({}, ib, ie));
        QVERIFY2(both.machineShare > 0.8, qPrintable(QString::number(both.machineShare)));
        const ClientFeatures fresh = clientFeatures(m.store.clients({}, ib, ie), true);
        // The new clients are the programs (and a few first-time visitors): no assets, no referer.
        QVERIFY(fresh.clients >= 300);
        QVERIFY(fresh.machineShare > 0.9);
        QCOMPARE(fresh.topEndpoint, QStringLiteral("/search"));
        QVERIFY(fresh.assetsPerPage < 0.2);
        QVERIFY(fresh.noReferer > 0.75);
    }

    // Where nearly every visitor is new anyway (changing addresses, few returning visitors), the
    // share of new clients cannot rise: a crowd shows in their number. Four times the new
    // visitors in the window is an influx, never "the usual visitors".
    void crowdOfNewVisitorsWhereAllAreNew()
    {
        const qint64 ib = T0 + 180 * Minute, ie = ib + 40 * Minute;
        SessionTraffic shop;
        shop.requestsPerMinute = 100;
        shop.visitors = 50'000'000;
        shop.end = T0 + 300 * Minute;
        shop.rate = [=](qint64 t) { return t >= ib && t < ie ? 3.5 : 1.0; };
        shop.fail = [=](qint64 t, const std::string &, std::mt19937_64 &rng) {
            return t >= ib && t < ie && std::uniform_real_distribution<double>(0, 1)(rng) < 0.1;
        };
        const CaseData data = testing::caseWithAllKinds({sourceOf(shop.rows(), QStringLiteral("shop.example"))});
        AnalysisContext context(data);
        DetectorOutput out;
        IncidentWindowDetector().run(context, out);
        QVERIFY2(context.incidents.size() == 1, qPrintable(describe(context.incidents)));
        ClientPopulationDetector().run(context, out);
        QStringList titles;
        for (const Evidence &e : out.evidence)
            titles.append(e.title);
        const auto influx = std::find_if(out.evidence.begin(), out.evidence.end(), [](const Evidence &e) {
            return e.title.startsWith(QStringLiteral("Influx of new clients"));
        });
        QVERIFY2(influx != out.evidence.end(), qPrintable(titles.join(u'|')));
        QCOMPARE_ENUM(influx->kindRatings.value(HypothesisKind::FlashCrowd), Rating::C);
        QCOMPARE_ENUM(influx->kindRatings.value(HypothesisKind::Hardware), Rating::I);
        QVERIFY2(!titles.join(u'|').contains(QStringLiteral("Client population unchanged")),
                 qPrintable(titles.join(u'|')));
    }

    void storeAnswersAggregates()
    {
        SessionTraffic traffic;
        traffic.end = T0 + 60 * Minute;
        const CaseData data = testing::caseWithAllKinds({sourceOf(traffic.rows(), QStringLiteral("s.example"))});
        AnalysisContext context(data);
        const EventStore &store = context.store;
        const auto perMinute = store.counts({}, EventStore::Filter::All, T0, T0 + 60 * Minute, Minute);
        const auto perFive = store.counts({}, EventStore::Filter::All, T0 + 30 * Second, T0 + 60 * Minute, 5 * Minute);
        QCOMPARE(int(perMinute.size()), 60);
        double total = 0;
        for (double c : perMinute)
            total += c;
        const auto &times = data.sources.front().table->time;
        QCOMPARE(total,
                 double(std::count_if(times.begin(), times.end(), [](qint64 t) { return t < T0 + 60 * Minute; })));
        double fives = 0;
        for (double c : perFive)
            fives += c;
        QVERIFY(fives <= total && fives > total * 0.95);
        const auto statics =
            store.topValues({}, EventStore::Dimension::Static, EventStore::Filter::All, T0, T0 + 60 * Minute, 0);
        QCOMPARE(statics.size(), std::size_t(2));
        QCOMPARE(statics.front().value, QStringLiteral("static"));
        QVERIFY(store.distinct({}, EventStore::Dimension::ClientNet, T0, T0 + 60 * Minute) <= 25);
        QCOMPARE(clientNetwork("81.2.3.4"), QStringLiteral("81.2.3.0/24"));
        QCOMPARE(clientNetwork("2001:db8:1:2::5"), QStringLiteral("2001:db8:1::/48"));
        QCOMPARE(refererKind("https://www.facebook.com/x", "s.example"), EventStore::Social);
        QCOMPARE(refererKind("http://www.s.example/p", "s.example"), EventStore::Internal);
        QCOMPARE(refererKind("", "s.example"), EventStore::NoReferer);
    }
};

QTEST_GUILESS_MAIN(TestIncidentAnalysis)
#include "tst_incidentanalysis.moc"

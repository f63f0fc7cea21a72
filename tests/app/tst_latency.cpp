// A latency rise found where response times are logged: a per-site window for a raised share of
// responses slower than the site's usual 90th percentile, merged into incidents like the others.
#include "analysis/detectors/incidentwindowdetector.h"
#include "testlib/casewithsources.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace inquest;

namespace {

constexpr qint64 Minute = 60'000'000;
const qint64 T0 = QDateTime(QDate(2013, 3, 8), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;

// Four hours of `perMinute` requests, every one a 200; response times log-normal around 80 ms,
// around `slowMs` from minute `from` to `to` (none when timed is false).
Source site(const QString &name, int perMinute, int from, int to, double slowMs, bool timed = true)
{
    auto t = std::make_shared<EventTable>();
    QRandomGenerator rng(7);
    uint32_t line = 0;
    for (int m = 0; m < 240; ++m) {
        for (int k = 0; k < perMinute; ++k) {
            const size_t r = t->appendRow(T0 + m * Minute + k * (Minute / perMinute), line * 90, line + 1);
            ++line;
            t->status[r] = 200;
            t->client[r] = t->strings.intern("10.0.0." + std::to_string(k % 200));
            t->path[r] = t->strings.intern("/p" + std::to_string(k % 30));
            const double median = m >= from && m < to ? slowMs : 80.0;
            // exp(N(0, 0.5)) by Box–Muller: heavy right tail, as response times have
            const double u1 = std::max(1e-12, rng.generateDouble()), u2 = rng.generateDouble();
            const double z = std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307 * u2);
            if (timed)
                t->responseUs[r] = uint32_t(median * 1000 * std::exp(0.5 * z));
        }
    }
    Source s;
    s.format = QStringLiteral("combined");
    s.site = name;
    s.sha256 = QString(64, u'c');
    s.table = t;
    return s;
}

} // namespace

class TestLatency : public QObject
{
    Q_OBJECT

private slots:
    // From a few to thousands of requests a minute: the slow stretch is found within two
    // minutes, as a latency window (no errors, no fall), and the control site is unaffected.
    void slowStretchFound_data()
    {
        QTest::addColumn<int>("perMinute");
        QTest::addColumn<double>("slowMs");
        QTest::newRow("4/min, 6x slower") << 4 << 480.0;
        QTest::newRow("60/min, 3x slower") << 60 << 240.0;
        QTest::newRow("1500/min, 2x slower") << 1500 << 160.0;
    }

    void slowStretchFound()
    {
        QFETCH(int, perMinute);
        QFETCH(double, slowMs);
        const CaseData data =
            testing::caseWithAllKinds({site(QStringLiteral("slow.example"), perMinute, 150, 180, slowMs),
                                       site(QStringLiteral("calm.example"), perMinute, 0, 0, 80)});
        AnalysisContext context(data);
        DetectorOutput out;
        IncidentWindowDetector().run(context, out);
        QCOMPARE(int(context.incidents.size()), 1);
        const Incident &inc = context.incidents.front();
        QCOMPARE(inc.affected, QStringList{QStringLiteral("slow.example")});
        QCOMPARE(inc.unaffected, QStringList{QStringLiteral("calm.example")});
        QVERIFY2(std::abs(inc.begin - (T0 + 150 * Minute)) <= 2 * Minute, qPrintable(formatUtc(inc.begin)));
        QVERIFY2(std::abs(inc.end - (T0 + 180 * Minute)) <= 2 * Minute, qPrintable(formatUtc(inc.end)));
        const Incident::SiteWindow &w = inc.windows.front();
        QVERIFY(w.slow);
        QVERIFY(!w.errors);
        QVERIFY(!w.drop);
        QVERIFY(out.evidence.front().reason.contains(QStringLiteral("slower than the site's usual 90th percentile")));
    }

    // No response times logged, or times as usual: no window.
    void nothingWithoutASlowStretch()
    {
        for (const bool timed : {false, true}) {
            const CaseData data =
                testing::caseWithAllKinds({site(QStringLiteral("a.example"), 60, 150, 180, timed ? 80 : 900, timed)});
            AnalysisContext context(data);
            DetectorOutput out;
            IncidentWindowDetector().run(context, out);
            QVERIFY(context.incidents.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestLatency)
#include "tst_latency.moc"

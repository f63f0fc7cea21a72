// The scenario suite: for generated incidents of every kind (random dates, zones, site counts,
// volumes, intensities and decoys, several seeds), the detectors' suggestions, once accepted,
// put the true kind first; on a quiet day no detector fires.
#include "analysis/detectors/detector.h"
#include "analysis/detectors/detectorrun.h"
#include "model/casedocument.h"
#include "scenario/scenariobuilder.h"
#include "testlib/testprinters.h"

#include <QTest>

using namespace inquest;
using namespace inquest::scenario;

namespace {

// More seeds for a robustness run: INQUEST_SCENARIO_SEEDS=20 (the default keeps ctest quick).
// INQUEST_SCENARIO_SEED_BASE=1000 runs seeds that were never looked at while writing the detectors.
const int SeedBase = qEnvironmentVariableIntValue("INQUEST_SCENARIO_SEED_BASE");
const int SeedsPerKind = qEnvironmentVariableIntValue("INQUEST_SCENARIO_SEEDS") > 0
                             ? qEnvironmentVariableIntValue("INQUEST_SCENARIO_SEEDS")
                             : 3;

CaseData caseFor(const ScenarioSpec &spec)
{
    QList<Hypothesis> hs;
    for (HypothesisKind k : allHypothesisKinds())
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseData data = CaseData::create(QStringLiteral("scenario"), hs);
    QString error;
    auto sources = generateSources(spec, {}, &error);
    Q_ASSERT(sources);
    for (Source &s : *sources) {
        s.id = data.nextId++;
        data.sources.append(s);
    }
    return data;
}

// A minimal stand-in for the scoring module: PARC ACH counts only inconsistency (I = -1,
// II = -2) over accepted evidence; the score closest to 0 leads, support (C = +1, CC = +2) breaks ties.
struct Ranked
{
    HypothesisKind kind;
    int inconsistency = 0;
    int support = 0;
};

QList<Ranked> rank(const CaseDocument &doc)
{
    QList<Ranked> list;
    for (const Hypothesis &h : doc.hypotheses()) {
        Ranked r{h.kind};
        for (const Evidence &e : doc.evidence()) {
            if (e.state != EvidenceState::Accepted)
                continue;
            switch (e.rating(h.id)) {
            case Rating::II:
                r.inconsistency -= 2;
                break;
            case Rating::I:
                r.inconsistency -= 1;
                break;
            case Rating::CC:
                r.support += 2;
                break;
            case Rating::C:
                r.support += 1;
                break;
            default:
                break;
            }
        }
        list.append(r);
    }
    std::stable_sort(list.begin(), list.end(), [](const Ranked &a, const Ranked &b) {
        return a.inconsistency != b.inconsistency ? a.inconsistency > b.inconsistency : a.support > b.support;
    });
    return list;
}

QString describe(const ScenarioSpec &spec, const CaseDocument &doc, const QList<Ranked> &ranked)
{
    QString text = QStringLiteral("%1 seed %2 zone %3 sites %4 intensity %5\n")
                       .arg(toString(spec.kind))
                       .arg(spec.seed)
                       .arg(spec.timeZone)
                       .arg(spec.sites.size())
                       .arg(spec.intensity);
    for (const Evidence &e : doc.evidence()) {
        QStringList r;
        for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it)
            if (it.value() != Rating::N)
                r.append(toString(it.key()) + u'=' + toString(it.value()));
        text += QStringLiteral("  [%1] %2 — %3\n").arg(r.join(u' '), e.title, e.reason.left(400));
    }
    for (const Ranked &k : ranked)
        text += QStringLiteral("  %1: %2 / +%3\n").arg(toString(k.kind)).arg(k.inconsistency).arg(k.support);
    return text;
}

} // namespace

class TestScenarios : public QObject
{
    Q_OBJECT

private slots:
    void trueKindLeads_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("seed");
        for (IncidentKind kind : allIncidentKinds()) {
            for (int seed = 1; seed <= SeedsPerKind; ++seed)
                QTest::addRow("%s-%d", qPrintable(toString(kind)), SeedBase + seed) << int(kind) << SeedBase + seed;
        }
    }

    void trueKindLeads()
    {
        QFETCH(int, kind);
        QFETCH(int, seed);
        const ScenarioSpec spec = randomScenario(IncidentKind(kind), uint64_t(seed));
        CaseDocument doc(caseFor(spec));
        applyDetectorOutput(doc, runDetectors(doc.data()), true);
        const QList<Ranked> ranked = rank(doc);
        const QString why = describe(spec, doc, ranked);
        if (qEnvironmentVariableIsSet("INQUEST_SCENARIO_VERBOSE"))
            qDebug().noquote() << why;

        // An outage marker covers the true incident, and every affected site is named.
        bool found = false;
        for (const Marker &m : doc.markers()) {
            if (m.kind == MarkerKind::Outage && m.begin < spec.incidentEnd && m.end > spec.incidentBegin) {
                found = true;
                for (const SiteSpec &s : spec.sites)
                    QVERIFY2(m.label.contains(s.name) == s.affected, qPrintable(why + m.label));
                QVERIFY2(std::abs(m.begin - spec.incidentBegin) <= 3 * 60'000'000LL, qPrintable(why));
                QVERIFY2(std::abs(m.end - spec.incidentEnd) <= 3 * 60'000'000LL, qPrintable(why));
            }
        }
        QVERIFY2(found, qPrintable(why));
        QVERIFY2(ranked.first().kind == hypothesisKindOf(spec.kind), qPrintable(why));
        QVERIFY2(ranked.first().inconsistency > ranked.at(1).inconsistency ||
                     ranked.first().support > ranked.at(1).support,
                 qPrintable(why)); // a clear lead, not a tie decided by list order
    }

    void quietDayFiresNothing_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 2 * SeedsPerKind; ++seed)
            QTest::addRow("quiet-%d", SeedBase + seed) << SeedBase + seed;
    }

    void quietDayFiresNothing()
    {
        QFETCH(int, seed);
        const ScenarioSpec spec = randomScenario(IncidentKind::None, uint64_t(seed));
        QVERIFY(!spec.decoys.isEmpty());
        CaseDocument doc(caseFor(spec));
        const DetectorOutput out = runDetectors(doc.data());
        QString titles;
        for (const Evidence &e : out.evidence)
            titles += e.title + QStringLiteral(": ") + e.reason + u'\n';
        QVERIFY2(out.evidence.isEmpty(), qPrintable(titles));
        QVERIFY(out.markers.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"

// Scoring speed for 500 evidence items × 8 hypotheses (the target: a full recompute,
// with leave-one-out and flip factors, in ≤ 50 ms), compared in the same process with
//  - a bare pass that only sums the weighted matrix (the floor: any scoring reads every cell), and
//  - a reference implementation written for obviousness, not speed: leave-one-out by
//    re-scoring the whole matrix without each item (O(E²·H)), ratings looked up by QMap.
// The reference also checks the fast result (same ranking, scores and critical items).
#include "scoring/scores.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace inquest;

namespace {

struct Reference
{
    QList<double> inconsistency; // per hypothesis, case order
    Id leader = 0;
    QList<Id> critical;
};

Id referenceLeader(const QList<Hypothesis> &hs, const QList<Evidence> &ev, const ScoringSettings &s, Id skip,
                   QList<double> *incOut = nullptr)
{
    QList<double> inc(hs.size(), 0.0), sup(hs.size(), 0.0);
    for (const Evidence &e : ev) {
        if (e.state != EvidenceState::Accepted || e.id == skip)
            continue;
        for (qsizetype j = 0; j < hs.size(); ++j) {
            const int v = ratingValue(e.rating(hs[j].id)).value_or(0);
            inc[j] += s.weight(e) * std::min(v, 0);
            sup[j] += s.weight(e) * std::max(v, 0);
        }
    }
    qsizetype best = 0;
    for (qsizetype j = 1; j < hs.size(); ++j) {
        const double d = inc[j] - inc[best];
        if (d > 1e-9 || (std::abs(d) <= 1e-9 && sup[j] - sup[best] > 1e-9))
            best = j;
    }
    if (incOut)
        *incOut = inc;
    return hs[best].id;
}

Reference reference(const QList<Hypothesis> &hs, const QList<Evidence> &ev, const ScoringSettings &s)
{
    Reference r;
    r.leader = referenceLeader(hs, ev, s, 0, &r.inconsistency);
    for (const Evidence &e : ev) {
        if (e.state == EvidenceState::Accepted && referenceLeader(hs, ev, s, e.id) != r.leader)
            r.critical.append(e.id);
    }
    return r;
}

double bareSum(const QList<Hypothesis> &hs, const QList<Evidence> &ev, const ScoringSettings &s)
{
    double total = 0;
    for (const Evidence &e : ev) {
        const double w = s.weight(e);
        for (const Hypothesis &h : hs)
            total += w * ratingValue(e.rating(h.id)).value_or(0);
    }
    return total;
}

template <typename F> double bestMs(int repeats, F f)
{
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

QList<Evidence> makeMatrix(const QList<Hypothesis> &hs, bool closeRace)
{
    // Dense: every cell random. Close race: no random inconsistency at all (only CC/C/N/NA/blank),
    // plus planted I ratings: H1 −(2√2 + 0.5), H2 −3√2, the others −5√2, so each of H2's three
    // items is critical (without one, H2 leads) and the reference has something to check.
    QRandomGenerator rng(20240611);
    const Rating ratings[] = {Rating::Unrated, Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II, Rating::NA};
    const Rating consistentSide[] = {Rating::Unrated, Rating::CC, Rating::C, Rating::N, Rating::NA};
    QList<Evidence> ev;
    for (int i = 0; i < 500; ++i) {
        Evidence e;
        e.id = 100 + i;
        e.reliability = QChar(u'A' + int(rng.bounded(6)));
        e.credibility = 1 + int(rng.bounded(6));
        e.relevance = Relevance(rng.bounded(3));
        e.state = rng.bounded(10) < 8 ? EvidenceState::Accepted : EvidenceState::Suggested;
        for (const Hypothesis &h : hs) {
            const Rating r = closeRace ? consistentSide[rng.bounded(5)] : ratings[rng.bounded(7)];
            if (r != Rating::Unrated)
                e.ratings.insert(h.id, r);
        }
        ev.append(e);
    }
    if (closeRace) {
        auto plant = [&](int item, qsizetype hypothesis, bool heavy) {
            Evidence &e = ev[item];
            e.state = EvidenceState::Accepted;
            e.reliability = heavy ? u'A' : u'F';
            e.credibility = heavy ? 1 : 6;
            e.relevance = heavy ? Relevance::High : Relevance::Medium;
            e.ratings.insert(hs[hypothesis].id, Rating::I);
        };
        int item = 0;
        for (int k = 0; k < 3; ++k)
            plant(item++, 1, true);
        plant(item++, 0, true);
        plant(item++, 0, true);
        plant(item++, 0, false);
        for (qsizetype h = 2; h < hs.size(); ++h)
            for (int k = 0; k < 5; ++k)
                plant(item++, h, true);
    }
    return ev;
}

bool run(QTextStream &out, const QList<Hypothesis> &hs, const QList<Evidence> &ev, const char *label)
{
    const ScoringSettings settings;
    ScoreResult fast;
    const double fastMs = bestMs(20, [&] { fast = computeScores(hs, ev, settings); });
    volatile double sink = 0;
    const double bareMs = bestMs(20, [&] { sink = sink + bareSum(hs, ev, settings); });
    Reference ref;
    const double refMs = bestMs(3, [&] { ref = reference(hs, ev, settings); });

    // The fast result must agree with the reference.
    bool agree = fast.leading()->id == ref.leader && fast.critical == ref.critical;
    for (qsizetype j = 0; j < hs.size(); ++j)
        agree = agree && std::abs(fast.find(hs[j].id)->inconsistency - ref.inconsistency[j]) < 1e-9;

    out << label << ": 500 evidence x 8 hypotheses (" << fast.counted << " accepted), best of runs:\n";
    out << QStringLiteral("  computeScores (scores, posterior, leave-one-out, flip factors): %1 ms\n")
               .arg(fastMs, 0, 'f', 3);
    out << QStringLiteral(
               "  bare weighted sum over the matrix (floor):                      %1 ms  (computeScores = %2x)\n")
               .arg(bareMs, 0, 'f', 3)
               .arg(fastMs / bareMs, 0, 'f', 1);
    out << QStringLiteral("  reference (naive leave-one-out, O(E^2 H)):                      %1 ms  (computeScores is "
                          "%2x faster)\n")
               .arg(refMs, 0, 'f', 3)
               .arg(refMs / fastMs, 0, 'f', 1);
    out << "  leading " << fast.leading()->name << " by " << fast.margin << ", " << fast.critical.size()
        << " critical, reference agrees: " << (agree ? "yes" : "NO") << '\n';
    out << "  target <= 50 ms: " << (fastMs <= 50.0 ? "met" : "MISSED") << "\n\n";
    out.flush();
    return agree && fastMs <= 50.0;
}

} // namespace

int main()
{
    QTextStream out(stdout);
    QList<Hypothesis> hs;
    for (int j = 0; j < 8; ++j)
        hs.append(Hypothesis{Id(j + 1), QStringLiteral("H%1").arg(j + 1), HypothesisKind::Other, 0.0, {}});
    const bool dense = run(out, hs, makeMatrix(hs, false), "dense random matrix");
    const QList<Evidence> race = makeMatrix(hs, true);
    const bool close = run(out, hs, race, "close race");
    return dense && close ? 0 : 1;
}

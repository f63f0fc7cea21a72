#include "statedcausedetector.h"

#include <algorithm>
#include <cstdlib>

namespace inquest {

namespace {

int weight(Rating r)
{
    switch (r) {
    case Rating::CC:
        return 2;
    case Rating::C:
        return 1;
    case Rating::I:
        return -1;
    case Rating::II:
        return -2;
    default:
        return 0;
    }
}

QString signedWeight(int w) { return w > 0 ? QStringLiteral("+%1").arg(w) : QStringLiteral("\u2212%1").arg(-w); }

// What the log findings of this run say about one kind: the sum of their ratings, and the
// findings that rated it.
struct LogLean
{
    int sum = 0;
    QStringList titles;
};

} // namespace

QJsonObject StatedCauseDetector::parameters() const { return {{QStringLiteral("minLogWeight"), params.minLogWeight}}; }

void StatedCauseDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    // Only findings read from the logs count; statements are not judged by statements.
    QMap<HypothesisKind, LogLean> lean;
    for (const Evidence &e : std::as_const(out.evidence)) {
        if (e.provenance.hasStatement())
            continue;
        for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it) {
            const int w = weight(it.value());
            if (w == 0)
                continue;
            LogLean &l = lean[it.key()];
            l.sum += w;
            l.titles.append(e.title);
        }
    }
    if (lean.isEmpty())
        return;

    for (const Statement &st : context.data.statements) {
        QStringList agree, disagree;
        for (auto it = st.stance.cbegin(); it != st.stance.cend(); ++it) {
            const int said = weight(it.value());
            const LogLean l = lean.value(it.key());
            if (said == 0 || std::abs(l.sum) < params.minLogWeight)
                continue;
            const QString line = QStringLiteral("%1 %2 (log findings %3: %4)")
                                     .arg(said > 0 ? QStringLiteral("for") : QStringLiteral("against"),
                                          displayName(it.key()), signedWeight(l.sum),
                                          l.titles.mid(0, 3).join(QStringLiteral("; ")) +
                                              (l.titles.size() > 3 ? QStringLiteral("; \u2026") : QString()));
            ((said > 0) == (l.sum > 0) ? agree : disagree).append(line);
        }
        if (agree.isEmpty() && disagree.isEmpty())
            continue;
        const bool consistent = disagree.isEmpty();
        const QString who = speakerOf(st);
        QString reason = quotedSentence(st);
        if (!agree.isEmpty())
            reason += QStringLiteral(" The logs agree: it speaks %1.").arg(agree.join(QStringLiteral(", and ")));
        if (!disagree.isEmpty())
            reason += QStringLiteral(" The logs disagree: it speaks %1.").arg(disagree.join(QStringLiteral(", and ")));
        reason += QStringLiteral(" Rated neutral: the log findings are counted in their own rows.");
        Evidence e =
            suggest(consistent ? QStringLiteral("Cause stated by %1 agrees with the log findings").arg(who)
                               : QStringLiteral("Cause stated by %1 is contradicted by the log findings").arg(who),
                    reason, ratings({}));
        e.reliability = st.reliability;
        e.credibility = consistent ? std::min(st.credibility, 2) : 5;
        // It rests on the statement; the findings it was compared with are named in the reason
        // and keep their own time ranges (a range here would only stack another band on them).
        e.provenance.statementId = st.id;
        e.provenance.metric = QStringLiteral("stated-cause");
        out.evidence.append(e);
    }
}

} // namespace inquest

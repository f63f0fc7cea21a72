#include "casedata.h"

#include <QTimeZone>
#include <QUuid>

namespace inquest {

CaseData CaseData::create(const QString &title, const QList<Hypothesis> &hypotheses)
{
    CaseData d;
    d.meta.caseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d.meta.title = title;
    d.meta.created = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    QList<Hypothesis> hs = hypotheses;
    if (hs.isEmpty())
        hs = standardHypotheses();
    for (Hypothesis &h : hs) {
        h.id = d.nextId++;
        d.hypotheses.append(h);
    }
    custody::append(d.custody, QStringLiteral("create"),
                    QStringLiteral("case %1 \"%2\" created").arg(d.meta.caseId, title), d.meta.created);
    return d;
}

QList<Hypothesis> CaseData::standardHypotheses()
{
    // The causes an outage analyst weighs first: with fewer, evidence for the true cause has
    // nowhere to go and the best of the wrong ones leads.
    QList<Hypothesis> hs;
    for (HypothesisKind kind : {HypothesisKind::Hardware, HypothesisKind::Ddos, HypothesisKind::FlashCrowd,
                                HypothesisKind::Change, HypothesisKind::Network})
        hs.append(Hypothesis{0, displayName(kind), kind, 0.0, {}});
    return hs;
}

bool CaseData::sameAs(const CaseData &o) const
{
    if (sources.size() != o.sources.size())
        return false;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        if (!sources[i].sameAs(o.sources[i]))
            return false;
    }
    return meta == o.meta && hypotheses == o.hypotheses && evidence == o.evidence && statements == o.statements &&
           markers == o.markers && curves == o.curves && eventMarks == o.eventMarks && custody == o.custody &&
           remoteSources == o.remoteSources && remoteResults == o.remoteResults && nextId == o.nextId;
}

} // namespace inquest

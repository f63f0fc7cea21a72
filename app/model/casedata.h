#pragma once

#include "curvespec.h"
#include "custody.h"
#include "eventmark.h"
#include "evidence.h"
#include "hypothesis.h"
#include "marker.h"
#include "remotesource.h"
#include "source.h"
#include "statement.h"

#include <QDateTime>
#include <QJsonObject>

namespace inquest {

struct CaseMeta
{
    QString caseId; // a UUID, fixed at creation
    QString title;
    QString analyst;
    QString caseNumber;  // the analyst's own reference (ticket, incident number)
    QString description; // the analyst's notes on the case
    QDateTime created;
    QString displayTimeZone = QStringLiteral("UTC");
    QJsonObject scoringSettings; // weights and likelihood-ratio table, interpreted by app/scoring
    QJsonObject viewSettings;    // chart/view state worth keeping with the case

    bool operator==(const CaseMeta &) const = default;
};

// Everything a case holds, as plain data: what the case file reads and writes.
struct CaseData
{
    CaseMeta meta;
    QList<Source> sources;
    QList<Hypothesis> hypotheses; // in the analyst's order
    QList<Evidence> evidence;
    QList<Statement> statements;
    QList<Marker> markers;
    QList<CurveSpec> curves;     // the analyst's curves, in legend order
    QList<EventMark> eventMarks; // starred, tagged or commented events
    QList<CustodyEntry> custody;
    QList<RemoteSource> remoteSources;
    QList<RemoteResult> remoteResults; // provenance of what remote sources answered, oldest first
    Id nextId = 1;

    // A new case with the given hypotheses (default: Hardware failure, DDoS attack).
    // A new case (one custody row). Without hypotheses it gets standardHypotheses().
    static CaseData create(const QString &title, const QList<Hypothesis> &hypotheses = {});
    // What a new case weighs (the analyst removes or adds): hardware failure, DDoS attack, flash
    // crowd, bad change, network failure, in that order (ids unset).
    static QList<Hypothesis> standardHypotheses();
    bool sameAs(const CaseData &other) const;
};

} // namespace inquest

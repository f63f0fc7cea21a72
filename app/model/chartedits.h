#pragma once

#include "commands.h"

#include <QStringList>

namespace inquest {

// Moves an outage window (or any marker): begin and end change together, as one undo step that
// never merges with the next one, so each drag on the chart is undone on its own.
class SetMarkerSpanCommand : public QUndoCommand
{
public:
    SetMarkerSpanCommand(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs, const QString &text);
    void redo() override;
    void undo() override;

private:
    void apply(qint64 beginUs, qint64 endUs);

    CaseDocument *m_doc;
    Id m_id;
    qint64 m_newBegin, m_newEnd;
    qint64 m_oldBegin = 0, m_oldEnd = 0;
};

// The chart's view state kept with the case, in CaseMeta::viewSettings["chart"]:
// {"hiddenSites": [names]}. No entry means every site is drawn.
QStringList chartHiddenSites(const CaseMeta &meta);
// Sites to draw out of `all`: those not hidden, or all of them when that leaves none.
QStringList chartVisibleSites(const CaseMeta &meta, const QStringList &all);

namespace edit {
// Sets a marker's span; end < begin is swapped into order. Nothing is pushed when unchanged.
void setMarkerSpan(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs);
// "UTC", or an IANA zone id. Kept in CaseMeta::displayTimeZone (the chart and the report use it).
void setDisplayTimeZone(CaseDocument *doc, const QString &zoneId);
void setChartHiddenSites(CaseDocument *doc, QStringList sites);
} // namespace edit

} // namespace inquest

#include "chartedits.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }

const QString ChartKey = QStringLiteral("chart");
const QString HiddenSitesKey = QStringLiteral("hiddenSites");
} // namespace

SetMarkerSpanCommand::SetMarkerSpanCommand(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs,
                                           const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_id(id)
    , m_newBegin(beginUs)
    , m_newEnd(endUs)
{
    const Marker *m = doc->find<Marker>(id);
    Q_ASSERT(m);
    m_oldBegin = m->begin;
    m_oldEnd = m->end;
}

void SetMarkerSpanCommand::redo() { apply(m_newBegin, m_newEnd); }
void SetMarkerSpanCommand::undo() { apply(m_oldBegin, m_oldEnd); }

void SetMarkerSpanCommand::apply(qint64 beginUs, qint64 endUs)
{
    Marker *m = m_doc->mutableRecord<Marker>(m_id);
    m->begin = beginUs;
    m->end = endUs;
    m_doc->notifyModified<Marker>(m_id);
}

QStringList chartHiddenSites(const CaseMeta &meta)
{
    QStringList sites;
    const QJsonArray hidden = meta.viewSettings.value(ChartKey).toObject().value(HiddenSitesKey).toArray();
    for (const QJsonValue &v : hidden) {
        if (v.isString())
            sites.append(v.toString());
    }
    return sites;
}

QStringList chartVisibleSites(const CaseMeta &meta, const QStringList &all)
{
    const QStringList hidden = chartHiddenSites(meta);
    QStringList visible;
    for (const QString &site : all) {
        if (!hidden.contains(site))
            visible.append(site);
    }
    return visible.isEmpty() ? all : visible;
}

namespace edit {

void setMarkerSpan(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs)
{
    const Marker *m = doc->find<Marker>(id);
    if (endUs < beginUs)
        std::swap(beginUs, endUs);
    if (!m || (m->begin == beginUs && m->end == endUs))
        return;
    const bool moved = endUs - beginUs == m->end - m->begin;
    const QString what = m->kind == MarkerKind::Outage ? tr("outage window") : tr("mark");
    const QString text = moved ? tr("Move %1").arg(what) : tr("Resize %1").arg(what);
    doc->undoStack()->push(new SetMarkerSpanCommand(doc, id, beginUs, endUs, text));
}

void setDisplayTimeZone(CaseDocument *doc, const QString &zoneId)
{
    setValue(doc, 0, &CaseMeta::displayTimeZone, zoneId.isEmpty() ? QStringLiteral("UTC") : zoneId,
             tr("Change display time zone"));
}

void setChartHiddenSites(CaseDocument *doc, QStringList sites)
{
    sites.sort();
    sites.removeDuplicates();
    QJsonObject view = doc->meta().viewSettings;
    QJsonObject chart = view.value(ChartKey).toObject();
    if (sites.isEmpty())
        chart.remove(HiddenSitesKey);
    else
        chart.insert(HiddenSitesKey, QJsonArray::fromStringList(sites));
    if (chart.isEmpty())
        view.remove(ChartKey);
    else
        view.insert(ChartKey, chart);
    setValue(doc, 0, &CaseMeta::viewSettings, view, tr("Choose the sites drawn"));
}

} // namespace edit
} // namespace inquest

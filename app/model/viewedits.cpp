#include "viewedits.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }

const QString ChartKey = QStringLiteral("chart");
const QString HiddenSitesKey = QStringLiteral("hiddenSites");
} // namespace

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

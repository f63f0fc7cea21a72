#include "chartsitefilter.h"

#include "model/casedocument.h"
#include "model/viewedits.h"

#include <QMenu>

namespace inquest {

ChartSiteFilter::ChartSiteFilter(CaseDocument *doc, QWidget *parent)
    : QToolButton(parent)
    , m_doc(doc)
{
    setObjectName(QStringLiteral("siteFilter"));
    setPopupMode(QToolButton::InstantPopup);
    setToolTip(tr("Choose the sites drawn in the traffic, error and client panes"));
    setMenu(new QMenu(this));
    rebuildMenu();
}

void ChartSiteFilter::setSites(const QStringList &sites)
{
    if (sites == m_sites)
        return;
    m_sites = sites;
    rebuildMenu();
}

QStringList ChartSiteFilter::visibleSites() const { return chartVisibleSites(m_doc->meta(), m_sites); }

void ChartSiteFilter::setSiteVisible(const QString &site, bool visible)
{
    QStringList hidden = chartHiddenSites(m_doc->meta());
    if (visible) {
        hidden.removeAll(site);
    } else {
        if (!m_sites.contains(site) || hidden.contains(site))
            return;
        // Never hide the last site drawn: an empty chart explains nothing.
        if (visibleSites() == QStringList{site})
            return;
        hidden.append(site);
    }
    edit::setChartHiddenSites(m_doc, hidden);
}

void ChartSiteFilter::rebuildMenu()
{
    QMenu *m = menu();
    m->clear();
    QAction *all = m->addAction(tr("Show all sites"), this, [this] {
        QStringList hidden = chartHiddenSites(m_doc->meta());
        for (const QString &site : std::as_const(m_sites))
            hidden.removeAll(site);
        edit::setChartHiddenSites(m_doc, hidden);
    });
    all->setObjectName(QStringLiteral("showAllSites"));
    m->addSeparator();
    for (const QString &site : std::as_const(m_sites)) {
        QAction *a = m->addAction(site);
        a->setCheckable(true);
        a->setData(site);
        connect(a, &QAction::toggled, this, [this, site](bool on) {
            setSiteVisible(site, on);
            refresh(); // undo a refused uncheck
        });
    }
    refresh();
}

void ChartSiteFilter::refresh()
{
    const QStringList visible = visibleSites();
    for (QAction *a : menu()->actions()) {
        if (!a->isCheckable())
            continue;
        const bool on = visible.contains(a->data().toString());
        if (a->isChecked() != on) {
            const QSignalBlocker block(a);
            a->setChecked(on);
        }
        a->setEnabled(!on || visible.size() > 1);
    }
    setText(visible.size() == m_sites.size() ? tr("Sites: all")
                                             : tr("Sites: %1 of %2").arg(visible.size()).arg(m_sites.size()));
    setEnabled(m_sites.size() > 1);
}

} // namespace inquest

#include "chartsitefilter.h"

#include "model/casedocument.h"
#include "model/viewedits.h"

#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

namespace inquest {

namespace {
// A menu that stays open while the analyst ticks several sites: a checkable entry toggles in
// place (mouse or Space/Return); anything else (Show all, Escape, a click outside) closes it.
class StayOpenMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *a = actionAt(event->position().toPoint());
        if (a && a->isCheckable() && a->isEnabled()) {
            a->trigger();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        QAction *a = activeAction();
        if (a && a->isCheckable() && a->isEnabled() &&
            (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
            a->trigger();
            return;
        }
        QMenu::keyPressEvent(event);
    }
};
} // namespace

ChartSiteFilter::ChartSiteFilter(CaseDocument *doc, QWidget *parent)
    : QToolButton(parent)
    , m_doc(doc)
{
    setObjectName(QStringLiteral("siteFilter"));
    setPopupMode(QToolButton::InstantPopup);
    setToolTip(tr("Choose the sites drawn in the traffic, error and client panes"));
    setMenu(new StayOpenMenu(this));
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

void ChartSiteFilter::soloSite(const QString &site)
{
    if (!m_sites.contains(site))
        return;
    // Grafana's habit: a click on the one site drawn brings every site back.
    const QStringList visible = visibleSites();
    QStringList hidden = chartHiddenSites(m_doc->meta());
    for (const QString &other : std::as_const(m_sites))
        hidden.removeAll(other);
    if (visible != QStringList{site}) {
        for (const QString &other : std::as_const(m_sites))
            if (other != site)
                hidden.append(other);
    }
    edit::setChartHiddenSites(m_doc, hidden);
}

void ChartSiteFilter::toggleSite(const QString &site) { setSiteVisible(site, !visibleSites().contains(site)); }

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

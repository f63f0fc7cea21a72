#pragma once

#include <QStringList>
#include <QToolButton>

namespace inquest {

class CaseDocument;

// The "Sites" button of the chart's tool bar: a menu with one check box per site, which stays
// open while several are ticked. The choice is
// the case's (CaseMeta::viewSettings, through an undoable edit), so it is saved with it; the
// dock re-reads it whenever the case changes. At least one site stays drawn.
class ChartSiteFilter : public QToolButton
{
    Q_OBJECT

public:
    explicit ChartSiteFilter(CaseDocument *doc, QWidget *parent = nullptr);

    // The case's sites, in the chart's order.
    void setSites(const QStringList &sites);
    QStringList sites() const { return m_sites; }
    // The sites drawn, as the case says (all of them by default).
    QStringList visibleSites() const;
    // Shows or hides one site (what a legend click and the menu do).
    void setSiteVisible(const QString &site, bool visible);
    // A legend click: draws only `site`, or every site when it is the only one drawn.
    void soloSite(const QString &site);
    // A legend Ctrl+click: shows or hides `site` (never the last one drawn).
    void toggleSite(const QString &site);
    // Re-reads the case's choice into the menu.
    void refresh();

private:
    void rebuildMenu();

    CaseDocument *m_doc;
    QStringList m_sites;
};

} // namespace inquest

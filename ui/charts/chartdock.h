#pragma once

#include "analysis/chartdata.h"
#include "model/kinds.h"

#include <QDockWidget>
#include <QFutureWatcher>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QToolBar;

namespace inquest {

class CaseDocument;
class ChartController;
class ChartPlot;
class ChartSiteFilter;
class ZonePicker;
class ChartUserCurves;
class CurveDialog;
struct ChangeEvent;

// The Charts dock: the incident chart with its toolbar (time zone, bin width, fit, zoom to the
// outage window, drag modes, evidence from a range, export) and its links to the case:
// statements, outage windows, findings and evidence ranges are drawn as marks, outage windows
// and evidence are created through undoable edits, a click on a bin asks for those log lines.
class ChartDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ChartDock(CaseDocument *doc, QWidget *parent = nullptr);
    ~ChartDock() override;

    ChartPlot *plot() const { return m_plot; }
    ChartController *controller() const { return m_controller; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *newEvidenceAction() const { return m_newEvidence; }
    ChartSiteFilter *siteFilter() const { return m_siteFilter; }
    QLabel *emptyState() const { return m_empty; }
    ChartUserCurves *userCurves() const { return m_userCurves; }
    bool binsReady() const;
    // The dock's height at which every pane of the chart is readable (ChartPlot::readableHeight
    // with the title and the toolbar).
    int readableHeight() const;

    // Actions (also reachable from the toolbar).
    Id createEvidenceFromSelection();
    Id createOutage(qint64 beginUs, qint64 endUs);
    void zoomToOutage();
    // Zooms to [beginUs, endUs) with context either side (half its length, at least five
    // minutes) and highlights it; what "Show on chart" from the evidence board calls. `site`
    // names the site it concerns, if one (for the status line).
    void showTimeRange(qint64 beginUs, qint64 endUs, const QString &site);
    void fitAll();
    // "Show on chart" of an evidence item with its own filter: the range as showTimeRange does,
    // and the filter's events as a dashed count curve named `label` (not kept in the case).
    void showFilteredRange(qint64 beginUs, qint64 endUs, const QString &expression, const QString &label);
    // Opens the dialog of the case's user-defined curves (non-modal, deleted on close).
    CurveDialog *openCurveDialog();
    // The analyst's choice of zone ("UTC", "local" or an IANA id): kept in the case as an
    // undoable edit ("local" as the system's zone id), then shown.
    void setDisplayTimeZone(const QByteArray &zoneId);
    QString visibleCsv() const;
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);

signals:
    // The analyst clicked a bin: show these log lines (site empty = all sites).
    void timeRangeActivated(qint64 beginUs, qint64 endUs, const QString &site);
    void binsBuilt();
    void statusMessage(const QString &message);

private:
    void createToolBar();
    void rebuildBins();
    void refreshMarks();
    // Shows the zone and the sites the case asks for (on open, and after edits and undo).
    void applyViewSettings();
    void onChanged(const ChangeEvent &event);
    void onBinClicked(qint64 timeUs, int pane, const QString &site);
    void onMarkerMenu(qint64 id, const QPoint &globalPos);
    void updateStatus();
    void exportWithDialog(const QString &kind);

    CaseDocument *m_doc;
    ChartPlot *m_plot;
    ChartController *m_controller;
    QToolBar *m_toolBar = nullptr;
    ZonePicker *m_zone = nullptr;
    QComboBox *m_width = nullptr;
    ChartSiteFilter *m_siteFilter = nullptr;
    ChartUserCurves *m_userCurves = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_empty = nullptr; // shown instead of the plot while the case has no events
    QAction *m_newEvidence = nullptr;
    QAction *m_zoomMode = nullptr;
    QAction *m_outageMode = nullptr;
    QFutureWatcher<std::shared_ptr<const CaseBins>> m_binsWatcher;
    bool m_rebuildAgain = false;
    QHash<QString, QString> m_siteRenames;                   // the renames the current bins were built with
    std::optional<std::pair<qint64, qint64>> m_pendingRange; // shown once the bins are there
};

} // namespace inquest

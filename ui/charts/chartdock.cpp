#include "chartdock.h"
#include "analysis/filterexpression.h"
#include "chartcontroller.h"
#include "chartmarks.h"
#include "chartplot.h"
#include "chartsitefilter.h"
#include "chartusercurves.h"
#include "dialogs/curvedialog.h"
#include "zonepicker.h"

#include "models/displayzone.h"

#include "analysis/rangestats.h"
#include "analysis/siteevents.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/markeredits.h"
#include "model/viewedits.h"
#include "remote/remotechartbins.h"
#include "remote/remotepasswords.h"
#include "support/parallel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace inquest {

namespace {
QString widthLabel(int64_t us)
{
    const int64_t s = us / UsPerSecond;
    if (s >= 86400)
        return ChartDock::tr("%1 d").arg(s / 86400);
    if (s >= 3600)
        return ChartDock::tr("%1 h").arg(s / 3600);
    if (s >= 60)
        return ChartDock::tr("%1 min").arg(s / 60);
    return ChartDock::tr("%1 s").arg(s);
}
} // namespace

ChartDock::ChartDock(CaseDocument *doc, QWidget *parent)
    : QDockWidget(tr("Charts"), parent)
    , m_doc(doc)
    , m_plot(new ChartPlot)
    , m_controller(new ChartController(m_plot, this))
{
    setObjectName(QStringLiteral("chartsDock"));
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    createToolBar();
    layout->addWidget(m_toolBar);
    layout->addWidget(m_plot, 1);
    // A case without events has nothing to draw: a sentence says what to do, not empty panes.
    m_empty = new QLabel(tr(
        "<p style='font-size:large'>No events yet</p><p>File \u25b8 Import Logs\u2026 (Ctrl+I) "
        "adds server logs, File \u25b8 Add ClickHouse Source\u2026 a table analysed where it lives; their traffic and "
        "errors appear here, per site.</p>"));
    m_empty->setObjectName(QStringLiteral("chartEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #555; background: palette(base);"));
    m_empty->setMinimumHeight(7 * m_empty->fontMetrics().height());
    m_empty->setVisible(false);
    layout->addWidget(m_empty, 1);
    setWidget(body);

    connect(m_doc, &CaseDocument::changed, this, &ChartDock::onChanged);
    m_userCurves = new ChartUserCurves(m_plot);
    connect(m_plot, &ChartPlot::chartDataSet, m_userCurves, [this] { m_userCurves->followBins(m_plot->chartData()); });
    m_userCurves->setCase(m_doc->data());
    connect(m_plot, &ChartPlot::binClicked, this, &ChartDock::onBinClicked);
    connect(m_plot, &ChartPlot::outageDrawn, this, &ChartDock::createOutage);
    connect(m_plot, &ChartPlot::rangeSelected, this, [this] {
        m_newEvidence->setEnabled(true);
        updateStatus();
    });
    connect(m_plot, &ChartPlot::markerContextMenu, this, &ChartDock::onMarkerMenu);
    connect(m_plot, &ChartPlot::markerSpanEdited, this,
            [this](qint64 id, qint64 begin, qint64 end) { edit::setMarkerSpan(m_doc, id, begin, end); });
    // Grafana's habit: a click on a site in the legend draws that site alone (again: all sites),
    // Ctrl+click shows or hides it.
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *event) {
                auto *p = qobject_cast<QCPPlottableLegendItem *>(item);
                if (!p)
                    return;
                if (event && event->modifiers() & Qt::ControlModifier)
                    m_siteFilter->toggleSite(p->plottable()->name());
                else
                    m_siteFilter->soloSite(p->plottable()->name());
            });
    connect(m_controller, &ChartController::rebinned, this, &ChartDock::updateStatus);
    // Remote sites are known once a view is answered: offer them beside the local ones.
    connect(m_controller, &ChartController::remoteAnswered, this,
            [this](const QStringList &sites, const QStringList &errors) {
                QStringList all = m_siteFilter->sites();
                for (const QString &site : sites) {
                    if (!all.contains(site))
                        all << site;
                }
                if (all != m_siteFilter->sites()) {
                    m_siteFilter->setSites(all);
                    m_plot->setSiteOrder(all);
                    applyViewSettings();
                }
                if (!errors.isEmpty())
                    emit statusMessage(tr("Chart without %1").arg(errors.join(u"; ")));
            });
    connect(&m_binsWatcher, &QFutureWatcher<std::shared_ptr<const CaseBins>>::finished, this, [this] {
        const auto bins = remote::withRemoteSpans(m_binsWatcher.result(), m_doc->remoteSources());
        m_plot->setVisible(!bins->empty());
        m_empty->setVisible(bins->empty());
        m_siteFilter->setSites(bins->curveSiteNames());
        m_plot->setSiteOrder(bins->curveSiteNames());
        applyViewSettings();
        QStringList unreachable;
        m_controller->setRemoteSources(remote::reachableSources(m_doc, &unreachable), SiteRule::of(m_doc->meta()));
        if (!unreachable.isEmpty())
            emit statusMessage(tr("Chart without %1").arg(unreachable.join(u"; ")));
        m_controller->setBins(bins);
        refreshMarks();
        if (const auto range = std::exchange(m_pendingRange, std::nullopt)) // new bins fit all; show it again
            showTimeRange(range->first, range->second, QString());
        emit binsBuilt();
        if (std::exchange(m_rebuildAgain, false))
            rebuildBins();
    });
    applyViewSettings();
    rebuildBins();
}

ChartDock::~ChartDock() { parallel::wait(m_binsWatcher); }

void ChartDock::createToolBar()
{
    m_toolBar = new QToolBar(tr("Chart"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addWidget(new QLabel(tr(" Zone ")));
    m_zone = new ZonePicker;
    m_zone->setMaximumWidth(260);
    connect(m_zone, &QComboBox::activated, this,
            [this](int i) { setDisplayTimeZone(m_zone->itemData(i).toByteArray()); });
    m_toolBar->addWidget(m_zone);

    m_toolBar->addWidget(new QLabel(tr("  Bin ")));
    m_width = new QComboBox;
    m_width->setObjectName(QStringLiteral("binCombo"));
    m_width->addItem(tr("Auto"), qint64(0));
    for (int64_t w : BinPyramid::ladder())
        m_width->addItem(widthLabel(w), qint64(w));
    connect(m_width, &QComboBox::activated, this,
            [this](int i) { m_controller->setPinnedWidth(m_width->itemData(i).toLongLong()); });
    m_toolBar->addWidget(m_width);
    m_siteFilter = new ChartSiteFilter(m_doc);
    m_toolBar->addWidget(m_siteFilter);
    m_toolBar->addSeparator();

    QAction *fit = m_toolBar->addAction(tr("Fit all"), this, &ChartDock::fitAll);
    fit->setShortcut(Qt::Key_0);
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    fit->setToolTip(tr("Show the whole case (0)"));
    m_toolBar->addAction(tr("Zoom to outage"), this, &ChartDock::zoomToOutage)
        ->setToolTip(tr("Zoom to the outage windows, with some context either side"));
    m_zoomMode = m_toolBar->addAction(tr("Box zoom"));
    m_zoomMode->setCheckable(true);
    m_zoomMode->setToolTip(tr("Drag a box to zoom into that time range"));
    m_outageMode = m_toolBar->addAction(tr("Draw outage"));
    m_outageMode->setCheckable(true);
    m_outageMode->setToolTip(tr("Drag to mark an outage window (or Ctrl+drag in any mode)"));
    auto applyMode = [this] {
        m_plot->setDragMode(m_outageMode->isChecked() ? ChartPlot::DragMode::Outage
                            : m_zoomMode->isChecked() ? ChartPlot::DragMode::ZoomBox
                                                      : ChartPlot::DragMode::Pan);
    };
    connect(m_zoomMode, &QAction::toggled, this, [this, applyMode](bool on) {
        if (on)
            m_outageMode->setChecked(false);
        applyMode();
    });
    connect(m_outageMode, &QAction::toggled, this, [this, applyMode](bool on) {
        if (on)
            m_zoomMode->setChecked(false);
        applyMode();
    });
    m_newEvidence = m_toolBar->addAction(tr("New evidence from range"), this, &ChartDock::createEvidenceFromSelection);
    m_toolBar->addAction(tr("Curves\u2026"), this, &ChartDock::openCurveDialog)
        ->setObjectName(QStringLiteral("curvesAction"));
    m_newEvidence->setObjectName(QStringLiteral("actionEvidenceFromRange"));
    m_newEvidence->setEnabled(false);
    m_newEvidence->setToolTip(tr("Shift+drag to select a range first"));

    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("PNG image\u2026"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu->addAction(tr("PDF (vector)\u2026"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu->addAction(tr("CSV of visible series\u2026"), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    menu->addAction(tr("Copy CSV of visible series"), this,
                    [this] { QApplication::clipboard()->setText(visibleCsv()); });
    exportButton->setMenu(menu);
    m_toolBar->addWidget(exportButton);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_status->setContentsMargins(12, 0, 6, 0);
    m_toolBar->addWidget(m_status);
}

bool ChartDock::binsReady() const { return m_controller->bins() && !m_binsWatcher.isRunning(); }

int ChartDock::readableHeight() const
{
    // The title bar and the margins: what the dock has beyond its widget.
    const int frame = qMax(0, height() - widget()->height());
    return m_plot->readableHeight() + m_toolBar->sizeHint().height() + frame + 2 * fontMetrics().height() / 3;
}

void ChartDock::rebuildBins()
{
    if (m_binsWatcher.isRunning()) {
        m_rebuildAgain = true;
        return;
    }
    // Sources share their event tables, so the copy is cheap; binning runs off the GUI thread.
    m_siteRenames = SiteRule::of(m_doc->meta()).renames();
    m_binsWatcher.setFuture(parallel::run(
        [sources = m_doc->sources(), rule = SiteRule::of(m_doc->meta())] { return CaseBins::build(sources, rule); }));
}

void ChartDock::refreshMarks()
{
    m_plot->marks()->setMarks(ChartMarks::fromCase(m_doc->data()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartDock::showFilteredRange(qint64 beginUs, qint64 endUs, const QString &expression, const QString &label)
{
    CurveSpec c;
    c.name = label;
    c.filter = expression;
    c.colour = QStringLiteral("#6a3d9a");
    EventFilter f;
    QString error;
    parseFilterExpression(expression, &f, &error);
    showTimeRange(beginUs, endUs, f.site);
    m_userCurves->setTransientCurve(c);
}

CurveDialog *ChartDock::openCurveDialog()
{
    // The range a curve's evidence covers: the chart's selection, else what it shows.
    auto range = [this] {
        const auto selected = m_plot->selection();
        return selected.second > selected.first
                   ? selected
                   : std::pair<int64_t, int64_t>(m_plot->visibleFromUs(), m_plot->visibleToUs());
    };
    auto *dialog = new CurveDialog(m_doc, range, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void ChartDock::onChanged(const ChangeEvent &event)
{
    if (event.entity == Entity::Source || event.action == ChangeAction::Reset ||
        (event.entity == Entity::RemoteSource && event.action != ChangeAction::Modified)) {
        if (event.action == ChangeAction::Reset)
            applyViewSettings();
        rebuildBins();
    }
    if (event.entity == Entity::Case && event.action == ChangeAction::Modified) {
        applyViewSettings();
        // Renamed or merged sites regroup the curves.
        if (SiteRule::of(m_doc->meta()).renames() != m_siteRenames)
            rebuildBins();
    }
    if (event.action == ChangeAction::Reset)
        m_userCurves->setTransientCurve(std::nullopt);
    if (event.entity == Entity::Curve || event.entity == Entity::EventMark || event.entity == Entity::Source ||
        event.action == ChangeAction::Reset)
        m_userCurves->setCase(m_doc->data());
    if (event.entity != Entity::Hypothesis)
        refreshMarks();
}

void ChartDock::onBinClicked(qint64 timeUs, int pane, const QString &site)
{
    Q_UNUSED(pane);
    const int64_t w = m_controller->currentWidth();
    if (w <= 0)
        return;
    const int64_t begin = floorDiv(timeUs, w) * w;
    emit timeRangeActivated(begin, begin + w, site);
}

Id ChartDock::createEvidenceFromSelection()
{
    const auto [begin, end] = m_plot->selection();
    const auto bins = m_controller->bins();
    if (end <= begin || !bins)
        return 0;
    std::vector<std::shared_ptr<const SiteEvents>> sites;
    for (const auto &p : bins->sites)
        sites.push_back(p->sitePtr());
    const Id id = edit::addEvidence(m_doc, evidenceFromRange(sites, begin, end, QString()));
    emit statusMessage(tr("Evidence created from the selected range"));
    return id;
}

Id ChartDock::createOutage(qint64 beginUs, qint64 endUs)
{
    Marker m;
    m.kind = MarkerKind::Outage;
    m.begin = beginUs;
    m.end = endUs;
    m.label = tr("Outage");
    m.origin = QStringLiteral("manual");
    return edit::addMarker(m_doc, m);
}

void ChartDock::onMarkerMenu(qint64 id, const QPoint &globalPos)
{
    const Marker *marker = m_doc->find<Marker>(id);
    if (!marker)
        return;
    QMenu menu;
    menu.addAction(tr("Rename\u2026"), this, [this, id] {
        const Marker *m = m_doc->find<Marker>(id);
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Rename mark"), tr("Label:"), QLineEdit::Normal,
                                                   m ? m->label : QString(), &ok);
        if (ok && m)
            edit::setValue<Marker, QString>(m_doc, id, &Marker::label, text, tr("Rename mark"));
    });
    const auto [begin, end] = m_plot->selection();
    QAction *toSelection = menu.addAction(tr("Set to selected range"), this, [this, id, b = begin, e = end] {
        m_doc->undoStack()->beginMacro(tr("Move outage window"));
        edit::setValue<Marker, qint64>(m_doc, id, &Marker::begin, b, tr("Move outage window"));
        edit::setValue<Marker, qint64>(m_doc, id, &Marker::end, e, tr("Move outage window"));
        m_doc->undoStack()->endMacro();
    });
    toSelection->setEnabled(end > begin);
    menu.addAction(tr("Delete"), this, [this, id] { edit::removeMarker(m_doc, id); });
    menu.exec(globalPos);
}

void ChartDock::zoomToOutage()
{
    qint64 begin = 0, end = 0;
    for (const Marker &m : m_doc->markers()) {
        if (m.kind != MarkerKind::Outage)
            continue;
        begin = end == 0 ? m.begin : qMin(begin, m.begin);
        end = qMax(end, m.end);
    }
    if (end <= begin) {
        emit statusMessage(tr("No outage window marked yet (Ctrl+drag on the chart to mark one)"));
        return;
    }
    const qint64 context = qMax<qint64>((end - begin) / 2, 60 * UsPerSecond);
    m_plot->setVisibleRange(begin - context, end + context);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartDock::showTimeRange(qint64 beginUs, qint64 endUs, const QString &site)
{
    if (endUs <= beginUs)
        return;
    m_userCurves->setTransientCurve(std::nullopt); // another item's filter no longer applies
    const qint64 context = qMax<qint64>((endUs - beginUs) / 2, 5 * 60 * UsPerSecond);
    m_plot->setVisibleRange(beginUs - context, endUs + context);
    m_plot->marks()->setHighlight(beginUs, endUs);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (!binsReady())
        m_pendingRange = {beginUs, endUs};
    raise();
    const QString range = DisplayZone::of(m_doc->meta()).span(beginUs, endUs);
    emit statusMessage(site.isEmpty() ? tr("Showing %1").arg(range) : tr("Showing %1 (%2)").arg(range, site));
}

void ChartDock::fitAll()
{
    m_controller->fitAll();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartDock::setDisplayTimeZone(const QByteArray &zoneId)
{
    // The case keeps a real zone id, which the report and another machine understand.
    const QByteArray id = zoneId == "local"  ? QTimeZone::systemTimeZoneId()
                          : zoneId.isEmpty() ? QByteArray("UTC")
                                             : zoneId;
    if (id == "UTC" || QTimeZone(id).isValid())
        edit::setDisplayTimeZone(m_doc, QString::fromUtf8(id));
    applyViewSettings();
}

void ChartDock::applyViewSettings()
{
    const QByteArray id = m_doc->meta().displayTimeZone.toUtf8();
    const QTimeZone zone = id.isEmpty() || id == "UTC" ? QTimeZone::utc() : QTimeZone(id);
    if (m_plot->timeZone() != (zone.isValid() ? zone : QTimeZone::utc()))
        m_plot->setTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    QStringList caseZones;
    for (const Source &s : m_doc->sources()) {
        if (!s.timeZone.isEmpty())
            caseZones.append(s.timeZone);
    }
    if (!id.isEmpty())
        caseZones.append(QString::fromUtf8(id));
    m_zone->setCaseZones(caseZones);
    m_zone->showZone(zone.isValid() && !id.isEmpty() ? id : QByteArray("UTC"));

    m_siteFilter->refresh();
    const QStringList visible = m_siteFilter->visibleSites();
    m_controller->setSites(visible.size() == m_siteFilter->sites().size() ? QStringList() : visible);
}

void ChartDock::updateStatus()
{
    const auto [begin, end] = m_plot->selection();
    QString text =
        tr("Bin %1%2")
            .arg(widthLabel(m_controller->currentWidth()), m_controller->pinnedWidth() ? tr(" (pinned)") : QString());
    if (end > begin)
        text += tr(" \u00b7 selected %1 s").arg((end - begin) / UsPerSecond);
    text += tr(
        "   Drag: pan \u00b7 wheel: zoom \u00b7 Shift+drag: select \u00b7 Ctrl+drag: outage \u00b7 click: show lines");
    m_status->setText(text);
}

QString ChartDock::visibleCsv() const
{
    if (!m_controller->bins())
        return {};
    const ChartData visible = buildChartData(*m_controller->bins(), m_plot->chartData().widthUs,
                                             m_plot->visibleFromUs(), m_plot->visibleToUs(), m_controller->sites());
    return seriesCsv(visible.all());
}

bool ChartDock::exportPng(const QString &path, QString *error)
{
    const bool ok = m_plot->savePng(path, 0, 0, 2.0);
    if (!ok && error)
        *error = tr("Could not write %1").arg(path);
    return ok;
}

bool ChartDock::exportPdf(const QString &path, QString *error)
{
    const bool ok = m_plot->savePdf(path, 0, 0, QCP::epNoCosmetic, QStringLiteral("Inquest"), m_doc->displayName());
    if (!ok && error)
        *error = tr("Could not write %1").arg(path);
    return ok;
}

bool ChartDock::exportCsv(const QString &path, QString *error)
{
    if (!m_controller->bins())
        return false;
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        file.write(visibleCsv().toUtf8());
        if (file.commit())
            return true;
    }
    if (error)
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

void ChartDock::exportWithDialog(const QString &kind)
{
    const QString filter = kind == u"png"   ? tr("PNG image (*.png)")
                           : kind == u"pdf" ? tr("PDF (*.pdf)")
                                            : tr("CSV (*.csv)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("chart.") + kind, filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = kind == u"png"   ? exportPng(path, &error)
                    : kind == u"pdf" ? exportPdf(path, &error)
                                     : exportCsv(path, &error);
    if (ok)
        m_doc->recordCustody(QStringLiteral("export"), QStringLiteral("chart %1 to %2").arg(kind, path));
    emit statusMessage(ok ? tr("Exported %1").arg(path) : error);
}

} // namespace inquest

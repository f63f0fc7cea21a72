#include "chartcontroller.h"
#include "chartplot.h"

#include "support/parallel.h"

namespace inquest {

ChartController::ChartController(ChartPlot *plot, QObject *parent)
    : QObject(parent)
    , m_plot(plot)
    , m_remote(new remote::RemoteChartQuery(this))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(CoalesceMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartController::serve);
    connect(m_plot, &ChartPlot::visibleRangeChanged, this, [this] { schedule(Work::Replot); });
    connect(&m_watcher, &QFutureWatcher<ChartData>::finished, this, [this] {
        apply(m_watcher.result());
        if (std::exchange(m_again, false))
            schedule(Work::Rebin);
        else
            startResponses();
    });
    connect(&m_responseWatcher, &QFutureWatcher<std::vector<NamedSeries>>::finished, this,
            &ChartController::applyResponses);
    connect(m_remote, &remote::RemoteChartQuery::answered, this, &ChartController::showWithRemote);
}

ChartController::~ChartController()
{
    parallel::wait(m_watcher);
    parallel::wait(m_responseWatcher);
}

void ChartController::setBins(std::shared_ptr<const CaseBins> bins)
{
    m_bins = std::move(bins);
    fitAll();
    if (!m_bins)
        return;
    // A new case: the curves at once, the response-time pane when its percentiles are in (the
    // pane of the case shown before is not carried over).
    parallel::wait(m_watcher);
    const int64_t from = m_plot->visibleFromUs(), to = m_plot->visibleToUs();
    ChartData data = buildChartData(*m_bins, wantedWidth(), from - (to - from), to + (to - from), m_sites,
                                    ResponsePercentiles::Skip);
    data.responsePending = false;
    apply(data);
    startResponses();
}

void ChartController::setPinnedWidth(int64_t widthUs)
{
    m_pinned = widthUs;
    schedule(Work::Rebin);
}

void ChartController::setSites(const QStringList &sites)
{
    if (sites == m_sites)
        return;
    m_sites = sites;
    schedule(Work::Rebin);
}

std::size_t ChartController::maxBins() const
{
    // About one bin per pixel of the plot, never more than a few thousand.
    return std::size_t(std::clamp(m_plot->pane(ChartPlot::Traffic)->width(), 200, 2500));
}

int64_t ChartController::wantedWidth() const
{
    if (m_pinned > 0)
        return m_pinned;
    int64_t base = UsPerSecond;
    if (m_bins) {
        for (const auto &p : m_bins->sites)
            base = std::max(base, p->baseWidth());
    }
    return BinPyramid::widthFor(m_plot->visibleToUs() - m_plot->visibleFromUs(), maxBins(), base);
}

int64_t ChartController::currentWidth() const { return m_plot->chartData().widthUs; }

void ChartController::fitAll()
{
    if (!m_bins || m_bins->empty())
        return;
    const int64_t span = std::max<int64_t>(m_bins->maxTime - m_bins->minTime, 60 * UsPerSecond);
    m_plot->setVisibleRange(m_bins->minTime - span / 50, m_bins->minTime + span + span / 50);
}

void ChartController::schedule(Work work)
{
    m_pending = std::max(m_pending, work);
    if (!m_timer.isActive())
        m_timer.start();
}

bool ChartController::needsRebin() const
{
    const ChartData &d = m_plot->chartData();
    return m_bins &&
           (d.widthUs != wantedWidth() || m_plot->visibleFromUs() < d.fromUs || m_plot->visibleToUs() > d.toUs);
}

void ChartController::serve()
{
    const Work work = std::exchange(m_pending, Work::None);
    if (work == Work::Rebin || needsRebin()) {
        startRebin();
        return;
    }
    m_plot->fitValueAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartController::startRebin()
{
    if (!m_bins)
        return;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    // Bin a margin of one view either side so that the next pans need no re-bin.
    const int64_t from = m_plot->visibleFromUs(), to = m_plot->visibleToUs();
    const int64_t span = to - from;
    m_busy = true;
    m_watcher.setFuture(parallel::run([bins = m_bins, w = wantedWidth(), a = from - span, b = to + span, s = m_sites] {
        return buildChartData(*bins, w, a, b, s, ResponsePercentiles::Skip);
    }));
}

void ChartController::startResponses()
{
    if (!m_bins || !m_bins->hasResponseTimes())
        return;
    if (m_responseWatcher.isRunning()) { // its result will be stale: start again when it is in
        m_responseAgain = true;
        return;
    }
    m_responseAgain = false;
    m_responseBusy = true;
    const ChartData &shown = m_plot->chartData();
    m_responseFor = {shown.widthUs, shown.fromUs, shown.toUs, m_sites};
    m_responseWatcher.setFuture(parallel::run([bins = m_bins, k = m_responseFor] {
        return buildResponseSeries(*bins, k.widthUs, k.fromUs, k.toUs, k.sites);
    }));
}

void ChartController::applyResponses()
{
    m_responseBusy = false;
    const ChartData &shown = m_plot->chartData();
    if (m_responseFor == ResponseKey{shown.widthUs, shown.fromUs, shown.toUs, m_sites}) {
        ChartData data = shown;
        data.response = m_responseWatcher.result();
        data.responsePending = false;
        if (m_local.widthUs == shown.widthUs && m_local.fromUs == shown.fromUs && m_local.toUs == shown.toUs) {
            m_local.response = data.response;
            m_local.responsePending = false;
            const auto &latest = m_remote->latest();
            if (latest && latest->key == remote::ChartViewKey{m_local.widthUs, m_local.fromUs, m_local.toUs, m_sites}) {
                data = m_local; // the remote sites' percentiles join the local ones again
                remote::addRemoteBins(data, *latest);
            }
        }
        m_plot->setChartData(data);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (std::exchange(m_responseAgain, false))
        startResponses();
}

void ChartController::apply(const ChartData &data)
{
    m_busy = false;
    m_local = data;
    const remote::ChartViewKey key{data.widthUs, data.fromUs, data.toUs, m_sites};
    const auto &latest = m_remote->latest();
    if (latest && latest->key == key) {
        ChartData both = data;
        remote::addRemoteBins(both, *latest);
        m_plot->setChartData(both);
    } else {
        m_plot->setChartData(data);
        m_remote->ask(key);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit rebinned(data.widthUs);
}

void ChartController::setRemoteSources(std::vector<remote::SourceAccess> sources, SiteRule rule)
{
    m_remote->setSources(std::move(sources), std::move(rule));
    if (m_bins)
        schedule(Work::Rebin);
}

void ChartController::showWithRemote()
{
    const auto &latest = m_remote->latest();
    if (!latest || !(latest->key == remote::ChartViewKey{m_local.widthUs, m_local.fromUs, m_local.toUs, m_sites}))
        return;
    ChartData both = m_local; // with the local percentiles, once the second step has them
    remote::addRemoteBins(both, *latest);
    m_plot->setChartData(both);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    QStringList sites;
    for (const auto &site : latest->sites)
        sites << site.name;
    emit remoteAnswered(sites, latest->errors);
}

} // namespace inquest

#pragma once

#include "analysis/chartdata.h"
#include "remote/remotechartquery.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace inquest {

class ChartPlot;

// Decides what the plot needs after a pan or zoom (Wireshark I/O graph style): pending work is
// either a replot (new range, same bins: fit the value axes and redraw) or a re-bin (the bin
// width the zoom calls for changed, or the view left the binned range). One coalescing timer
// serves both, and re-binning runs off the GUI thread, with the result swapped in on it.
class ChartController : public QObject
{
    Q_OBJECT

public:
    explicit ChartController(ChartPlot *plot, QObject *parent = nullptr);
    ~ChartController() override;

    void setBins(std::shared_ptr<const CaseBins> bins);
    std::shared_ptr<const CaseBins> bins() const { return m_bins; }
    // 0 = follow the zoom; otherwise a pinned width in µs.
    void setPinnedWidth(int64_t widthUs);
    int64_t pinnedWidth() const { return m_pinned; }
    // The sites drawn (empty = all).
    void setSites(const QStringList &sites);
    QStringList sites() const { return m_sites; }
    // The width the current view calls for.
    int64_t wantedWidth() const;
    int64_t currentWidth() const;
    // Shows the whole case.
    void fitAll();
    // True while work is pending or a re-bin (with its response-time pane) is not swapped in yet.
    bool isBusy() const { return m_timer.isActive() || m_busy || m_responseBusy || m_remote->isBusy(); }
    // The case's remote sources: their sites' traffic and failures join each view when they
    // answer (remote/remotechartquery, off the GUI thread), under the case's site names (`rule`).
    void setRemoteSources(std::vector<remote::SourceAccess> sources, SiteRule rule = {});
    remote::RemoteChartQuery *remoteQuery() const { return m_remote; }

    static constexpr int CoalesceMs = 15;

signals:
    void rebinned(qint64 widthUs);
    // A view's remote answer is drawn; `errors` names the sources that failed (left out).
    void remoteAnswered(const QStringList &sites, const QStringList &errors);

private:
    enum class Work { None, Replot, Rebin };
    void schedule(Work work);
    void serve();
    bool needsRebin() const;
    void startRebin();
    void apply(const ChartData &data);
    // The local curves of the view with the remote sources' answer for it, once that is in.
    void showWithRemote();
    // Second step of a re-bin: the response-time percentiles of the view just applied.
    void startResponses();
    void applyResponses();
    std::size_t maxBins() const;

    ChartPlot *m_plot;
    std::shared_ptr<const CaseBins> m_bins;
    int64_t m_pinned = 0;
    QStringList m_sites;
    QTimer m_timer;
    Work m_pending = Work::None;
    QFutureWatcher<ChartData> m_watcher;
    QFutureWatcher<std::vector<NamedSeries>> m_responseWatcher;
    struct ResponseKey
    {
        int64_t widthUs = 0, fromUs = 0, toUs = 0;
        QStringList sites;
        bool operator==(const ResponseKey &) const = default;
    };
    ResponseKey m_responseFor; // what m_responseWatcher computes
    bool m_responseAgain = false;
    bool m_responseBusy = false; // until applyResponses ran (the future ends before its signal arrives)
    bool m_again = false;
    bool m_busy = false;
    remote::RemoteChartQuery *m_remote;
    ChartData m_local; // the view's local curves, before the remote sites join
};

} // namespace inquest

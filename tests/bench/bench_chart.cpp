// Chart speed with 5M events over 6 sites (issue 4 targets), against a reference pass.
//   opening the chart for a fresh case   <= 300 ms
//   re-bin after a zoom                  <= 50 ms
//   replot after a pan                   <= 16 ms median
// Reference: one linear pass over every time column (min/max), in the same process.
#include "testlib/syntheticincident.h"

#include "analysis/chartdata.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace inquest;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F> double timeMs(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

class BenchChart : public QObject
{
    Q_OBJECT

    CaseData m_data;
    qint64 m_events = 0;
    double m_referenceMs = 0;

    void report(const char *what, double ms, double target)
    {
        qInfo("%-44s %8.2f ms  (%5.2fx the reference pass; target <= %.0f ms: %s)", what, ms, ms / m_referenceMs,
              target, ms <= target ? "met" : "MISSED");
    }

private slots:
    void initTestCase()
    {
        testing::IncidentSpec spec;
        spec.sites = 6;
        spec.events =
            qEnvironmentVariableIntValue("BENCH_EVENTS") ? qEnvironmentVariableIntValue("BENCH_EVENTS") : 5'000'000;
        m_data = testing::makeIncident(spec);
        for (const Source &s : m_data.sources)
            m_events += qint64(s.table->size());
        std::vector<double> ref;
        for (int i = 0; i < 7; ++i) {
            ref.push_back(timeMs([&] {
                int64_t lo = INT64_MAX, hi = INT64_MIN;
                for (const Source &s : m_data.sources) {
                    for (int64_t t : s.table->time) {
                        lo = std::min(lo, t);
                        hi = std::max(hi, t);
                    }
                }
                QVERIFY(hi > lo);
            }));
        }
        m_referenceMs = median(ref);
        qInfo("%lld events over %d sites + syslog; reference pass over the time columns: %.2f ms median", m_events,
              spec.sites, m_referenceMs);
    }

    void openChart()
    {
        // Fresh case: bin every site (pyramids), build the visible series, draw once, as
        // ChartController::setBins does; the response-time pane follows (timed apart).
        std::vector<double> runs, build, series, draw, response;
        for (int i = 0; i < 5; ++i) {
            ChartPlot plot;
            plot.resize(1600, 1000);
            QElapsedTimer split;
            std::shared_ptr<const CaseBins> bins;
            ChartData data;
            int64_t w = 0;
            runs.push_back(timeMs([&] {
                split.start();
                bins = CaseBins::build(m_data.sources);
                build.push_back(double(split.nsecsElapsed()) / 1e6);
                plot.setVisibleRange(bins->minTime, bins->maxTime + 1);
                w = BinPyramid::widthFor(bins->maxTime - bins->minTime, 1500);
                split.start();
                data = buildChartData(*bins, w, bins->minTime, bins->maxTime + 1, {}, ResponsePercentiles::Skip);
                series.push_back(double(split.nsecsElapsed()) / 1e6);
                split.start();
                plot.setChartData(data);
                plot.replot(QCustomPlot::rpImmediateRefresh);
                draw.push_back(double(split.nsecsElapsed()) / 1e6);
            }));
            response.push_back(timeMs([&] {
                data.response = buildResponseSeries(*bins, w, bins->minTime, bins->maxTime + 1);
                data.responsePending = false;
                plot.setChartData(data);
                plot.replot(QCustomPlot::rpImmediateRefresh);
            }));
        }
        report("open chart (bin 5M events, build, draw)", median(runs), 300);
        qInfo("  open: bins %.2f ms, series %.2f ms, set data + draw %.2f ms (medians); then the response-time "
              "pane %.2f ms",
              median(build), median(series), median(draw), median(response));
        QBENCHMARK_ONCE
        {
            const auto bins = CaseBins::build(m_data.sources);
            Q_UNUSED(bins);
        }
    }

    void rebinAfterZoom()
    {
        const auto bins = CaseBins::build(m_data.sources);
        ChartPlot plot;
        plot.resize(1600, 1000);
        const int64_t full = bins->maxTime - bins->minTime;
        const int64_t centre = bins->minTime + full / 2;
        // Zoom in step by step (x1.5 each, as the + key does); each step that changes the bin
        // width re-bins. "cold" = the first time a width is asked for (distinct clients computed
        // from the events), "warm" = served from the pyramid and cache.
        // The response-time percentiles come in a second step (the chart draws the other
        // curves first): timed apart, after the curves of the same width.
        std::vector<double> cold, warm, coldSeries, coldResponse;
        for (int pass = 0; pass < 2; ++pass) {
            int64_t span = full;
            int64_t lastWidth = 0;
            while (span > 60 * UsPerSecond) {
                span = int64_t(double(span) / 1.5);
                const int64_t w = BinPyramid::widthFor(span, 1500);
                if (w == lastWidth)
                    continue;
                lastWidth = w;
                double seriesMs = 0;
                const double ms = timeMs([&] {
                    plot.setVisibleRange(centre - span / 2, centre + span / 2);
                    ChartData data;
                    seriesMs = timeMs([&] {
                        data = buildChartData(*bins, w, centre - span / 2 - span, centre + span / 2 + span, {},
                                              ResponsePercentiles::Skip);
                    });
                    plot.setChartData(data);
                });
                (pass == 0 ? cold : warm).push_back(ms);
                if (pass == 0) {
                    coldSeries.push_back(seriesMs);
                    coldResponse.push_back(timeMs([&] {
                        ChartData data = plot.chartData();
                        data.response =
                            buildResponseSeries(*bins, w, centre - span / 2 - span, centre + span / 2 + span);
                        data.responsePending = false;
                        plot.setChartData(data);
                    }));
                }
            }
        }
        report("re-bin after zoom, cold width (max)", *std::max_element(cold.begin(), cold.end()), 50);
        report("re-bin after zoom, cold width (median)", median(cold), 50);
        qInfo("  cold: series %.2f ms median, %.2f ms max (the rest is handing the data to the plot)",
              median(coldSeries), *std::max_element(coldSeries.begin(), coldSeries.end()));
        report("re-bin after zoom, warm (median)", median(warm), 50);
        qInfo("  then the response-time pane, cold width: %.2f ms median, %.2f ms max", median(coldResponse),
              *std::max_element(coldResponse.begin(), coldResponse.end()));
        QBENCHMARK
        {
            plot.setChartData(
                buildChartData(*bins, 10 * UsPerSecond, centre - 1800 * UsPerSecond, centre + 1800 * UsPerSecond));
        }
    }

    void replotAfterPan()
    {
        const auto bins = CaseBins::build(m_data.sources);
        ChartPlot plot;
        plot.resize(1600, 1000);
        const int64_t span = (bins->maxTime - bins->minTime) / 3;
        const int64_t from = bins->minTime + span;
        plot.setVisibleRange(from, from + span);
        const int64_t w = BinPyramid::widthFor(span, 1500);
        plot.setChartData(buildChartData(*bins, w, from - span, from + 2 * span));
        plot.replot(QCustomPlot::rpImmediateRefresh);
        std::vector<double> runs;
        for (int i = 0; i < 60; ++i) {
            runs.push_back(timeMs([&] {
                plot.timeAxis()->moveRange(double(span) / 1e6 * (i % 20 < 10 ? 0.02 : -0.02));
                plot.fitValueAxes();
                plot.replot(QCustomPlot::rpImmediateRefresh);
            }));
        }
        report("replot after pan (median)", median(runs), 16);
        std::sort(runs.begin(), runs.end());
        qInfo("  pan replot p90 %.2f ms, max %.2f ms", runs[runs.size() * 9 / 10], runs.back());

        // The hover tracer redraws the overlay layer only: no full replot while the mouse moves
        // (its first appearance adds its items to the layer, which takes one).
        plot.tracer()->follow(plot.pane(ChartPlot::Traffic)->rect().center());
        int fullReplots = 0;
        const auto counter = connect(&plot, &QCustomPlot::afterReplot, this, [&fullReplots] { ++fullReplots; });
        std::vector<double> hover;
        const QRect pane = plot.pane(ChartPlot::Traffic)->rect();
        for (int i = 0; i < 40; ++i) {
            const QPoint at(pane.left() + pane.width() * (i + 1) / 42, pane.center().y());
            hover.push_back(timeMs([&] { plot.tracer()->follow(at); }));
        }
        disconnect(counter);
        QVERIFY(plot.tracer()->isShown());
        qInfo("  hover tracer %.2f ms median, full replots while hovering: %d", median(hover), fullReplots);
        QCOMPARE(fullReplots, 0);
        QBENCHMARK
        {
            plot.timeAxis()->moveRange(1);
            plot.fitValueAxes();
            plot.replot(QCustomPlot::rpImmediateRefresh);
        }
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    BenchChart bench;
    return QTest::qExec(&bench, argc, argv);
}

#include "bench_chart.moc"

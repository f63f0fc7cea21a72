// Every logged status is an event: "000", "0", "-", 444, 499, 520–527, 999 …, with "no response"
// a class of its own that the filters, curves and detectors' bins see.
#include "analysis/eventfilter.h"
#include "analysis/sitebins.h"
#include "analysis/siteevents.h"
#include "analysis/timebins.h"
#include "analysis/windowprofile.h"
#include "model/casedata.h"
#include "model/httpstatus.h"
#include "testlib/ingestfixtures.h"
#include "testlib/testprinters.h"

using namespace inquest;
using namespace inquest::testing;

class TestNoResponse : public QObject
{
    Q_OBJECT
private slots:
    void accessLogStatusesAreEvents()
    {
        const ImportResult r = importOk(fixture(QStringLiteral("no_response.log")));
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 9);
        QCOMPARE(r.source->malformed, 1); // "abc" is not a status
        QCOMPARE(r.source->issues.first().line, 10);
        const EventTable &t = *r.source->table;
        const std::vector<uint16_t> expected = {
            200, StatusNoResponseLogged, StatusNoResponseLogged, 499, 444, 522, 999, StatusNoResponseLogged, 503};
        QCOMPARE(t.status, expected);
        QCOMPARE(statusText(t.status[1]), QStringLiteral("000"));
        int none = 0, failures = 0;
        for (uint16_t s : t.status) {
            none += statusClass(s) == StatusClass::NoResponse;
            failures += isFailure(s);
        }
        QCOMPARE(none, 5);
        QCOMPARE(failures, 7); // + 522, 503
        QCOMPARE_ENUM(statusClass(999), StatusClass::Other);
    }

    void filterHasANoResponseClass()
    {
        QCOMPARE(EventFilter::statusBit(StatusNoResponseLogged), uint8_t(EventFilter::StatusNoResponse));
        QCOMPARE(EventFilter::statusBit(499), uint8_t(EventFilter::StatusNoResponse));
        QCOMPARE(EventFilter::statusBit(444), uint8_t(EventFilter::StatusNoResponse));
        QCOMPARE(EventFilter::statusBit(404), uint8_t(EventFilter::Status4xx));
        QCOMPARE(EventFilter::statusBit(522), uint8_t(EventFilter::Status5xx));
        QCOMPARE(EventFilter::statusBit(999), uint8_t(EventFilter::StatusOther));
        QCOMPARE(EventFilter::statusBit(0), uint8_t(EventFilter::NoStatus));
    }

    // The curves: a no-response metric, and an error rate of 5xx + no response.
    void binsCountNoResponse()
    {
        ImportResult r = importOk(fixture(QStringLiteral("no_response.log")));
        QVERIFY(r.ok());
        r.source->site = QStringLiteral("shop");
        const auto site = SiteEvents::combined({*r.source}, QStringLiteral("shop"));
        const int64_t minute = 60'000'000;
        const BinnedSeries none = binSeries(*site, MetricKey(Metric::NoResponse), minute);
        QCOMPARE(none.size(), std::size_t(1));
        QCOMPARE(none.values[0], 5.0);
        const BinnedSeries rate = binSeries(*site, MetricKey(Metric::ErrorRate), minute);
        QCOMPARE(rate.values[0], 7.0 / 9.0);
        QCOMPARE(binSeries(*site, MetricKey(Metric::Status4xx), minute).values[0], 0.0); // 444, 499 are not 4xx
        QCOMPARE(metricFromName(QStringLiteral("no-response")), std::optional(MetricKey(Metric::NoResponse)));
        QCOMPARE(cliMetric(QStringLiteral("no-response")), std::optional(MetricKey(Metric::NoResponse)));
    }

    // The detectors' bins and window profiles count failures as 5xx + no response.
    void detectorBinsCountFailures()
    {
        ImportResult r = importOk(fixture(QStringLiteral("no_response.log")));
        QVERIFY(r.ok());
        r.source->site = QStringLiteral("shop");
        CaseData data;
        data.sources.append(*r.source);
        std::vector<SiteBins> sites = SiteBins::build(data);
        QCOMPARE(sites.size(), std::size_t(1));
        SiteBins &s = sites.front();
        uint64_t noResponse = 0, failures = 0, serverErrors = 0;
        for (int b = 0; b < s.bins(); ++b) {
            noResponse += s.noResponse[std::size_t(b)];
            failures += s.failures[std::size_t(b)];
            serverErrors += s.status5xx[std::size_t(b)];
        }
        QCOMPARE(noResponse, uint64_t(5));
        QCOMPARE(serverErrors, uint64_t(2));
        QCOMPARE(failures, uint64_t(7));
        const WindowProfile p = profileWindow(s, s.start, s.start + 3600'000'000LL, s.start);
        QCOMPARE(p.errors, uint64_t(7));
        QCOMPARE(p.noResponse, uint64_t(5));
        QCOMPARE(p.clientErrors, uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestNoResponse)
#include "tst_noresponse.moc"

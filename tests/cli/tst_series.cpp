// `inquest series` against brute-force counts over a case written with known events.
#include "testlib/clirunner.h"
#include "testlib/syntheticincident.h"

#include "analysis/seriesexport.h"
#include "casefile/casefile.h"
#include "model/httpstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace inquest;

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }

// bin start (µs) -> value, by looking at every event.
std::map<qint64, double> bruteForce(const CaseData &data, const QString &site, qint64 width, const QString &metric)
{
    std::map<qint64, double> counts, all;
    std::map<qint64, std::set<std::string>> clients;
    for (const Source &s : data.sources) {
        if (!s.table || (!site.isEmpty() && s.site != site))
            continue;
        const EventTable &t = *s.table;
        for (std::size_t r = 0; r < t.size(); ++r) {
            const qint64 bin = (t.time[r] / width) * width; // times are after 1970 here
            if (s.site.isEmpty())
                continue; // the syslog source has no HTTP events and no clients
            all[bin] += 1;
            if (metric == u"requests")
                counts[bin] += 1;
            else if (metric == u"errors")
                counts[bin] += statusClass(t.status[r]) == StatusClass::ServerError;
            else if (metric == u"failures")
                counts[bin] += isFailure(t.status[r]);
            else if (metric == u"no-response")
                counts[bin] += statusClass(t.status[r]) == StatusClass::NoResponse;
            else if (metric == u"bytes")
                counts[bin] += double(t.bytes[r]);
            else if (metric == u"clients")
                clients[bin].insert(std::string(t.strings.view(t.client[r])));
        }
    }
    if (metric == u"clients") {
        for (const auto &[bin, set] : clients)
            counts[bin] = double(set.size());
    }
    if (metric == u"error-rate") {
        std::map<qint64, double> errors = bruteForce(data, site, width, u"failures"_qs); // 5xx + no response
        for (const auto &[bin, n] : all)
            counts[bin] = errors[bin] / n;
    }
    return counts;
}

} // namespace

class TestSeries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    CaseData m_data;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testing::IncidentSpec spec;
        spec.sites = 3;
        spec.events = 30000;
        spec.spanUs = qint64(2) * 3600 * 1'000'000;
        m_data = testing::makeIncident(spec);
        m_case = m_dir.filePath(u"incident.inquest"_qs);
        QString error;
        QVERIFY2(casefile::write(m_data, m_case, &error), qPrintable(error));
    }

    void csvEqualsBruteForce_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("site");
        QTest::addColumn<int>("bin");
        QTest::newRow("requests, all, 300 s") << u"requests"_qs << QString() << 300;
        QTest::newRow("requests, one site, 7 s") << u"requests"_qs << testing::siteName(0) << 7;
        QTest::newRow("errors, one site, 60 s") << u"errors"_qs << testing::siteName(2) << 60;
        QTest::newRow("bytes, all, 900 s") << u"bytes"_qs << QString() << 900;
        QTest::newRow("clients, all, 600 s") << u"clients"_qs << QString() << 600;
        QTest::newRow("no-response, all, 60 s") << u"no-response"_qs << QString() << 60;
        QTest::newRow("error-rate, one site, 120 s") << u"error-rate"_qs << testing::siteName(0) << 120;
    }

    void csvEqualsBruteForce()
    {
        QFETCH(QString, metric);
        QFETCH(QString, site);
        QFETCH(int, bin);
        QStringList args{u"series"_qs, m_case, u"--metric"_qs, metric, u"--bin"_qs, QString::number(bin), u"--csv"_qs};
        if (!site.isEmpty())
            args << u"--site"_qs << site;
        const Run run = inquestRun(args);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        QCOMPARE(lines.first(), u"time,"_qs + (metric == u"errors" ? u"5xx"_qs : metric));
        const auto expected = bruteForce(m_data, site, qint64(bin) * 1'000'000, metric);
        int nonEmpty = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(u',');
            QCOMPARE(cells.size(), 2);
            QVERIFY2(cells[0].endsWith(u'Z'), qPrintable(cells[0]));
            const QDateTime time = QDateTime::fromString(cells[0], Qt::ISODate);
            QVERIFY(time.isValid());
            const qint64 start = time.toMSecsSinceEpoch() * 1000;
            QCOMPARE(start % (qint64(bin) * 1'000'000), 0);
            const auto it = expected.find(start);
            const double want = it == expected.end() ? 0 : it->second;
            if (cells[1].isEmpty()) { // only ratios leave a cell empty (no requests in the bin)
                QCOMPARE(metric, u"error-rate"_qs);
                QVERIFY(it == expected.end());
                continue;
            }
            ++nonEmpty;
            QVERIFY2(qAbs(cells[1].toDouble() - want) <= 1e-9 * qMax(1.0, want),
                     qPrintable(u"%1: %2 vs %3"_qs.arg(cells[0], cells[1]).arg(want)));
        }
        QVERIFY(nonEmpty > 0);
    }

    void jsonCarriesBinsWithEventNumbers()
    {
        const Run run = inquestRun({u"series"_qs, m_case, u"--metric"_qs, u"errors"_qs, u"--site"_qs,
                                    testing::siteName(0), u"--bin"_qs, u"1h"_qs, u"--json"_qs});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(doc.value(u"metric"_qs).toString(), u"5xx"_qs);
        QCOMPARE(doc.value(u"site"_qs).toString(), testing::siteName(0));
        QCOMPARE(doc.value(u"bin_seconds"_qs).toDouble(), 3600.0);
        const QJsonArray bins = doc.value(u"bins"_qs).toArray();
        const auto expected = bruteForce(m_data, testing::siteName(0), qint64(3600) * 1'000'000, u"errors"_qs);
        QCOMPARE(bins.size(), qsizetype(expected.size()));
        for (const QJsonValue &v : bins) {
            const QJsonObject b = v.toObject();
            const qint64 start =
                QDateTime::fromString(b.value(u"time"_qs).toString(), Qt::ISODate).toMSecsSinceEpoch() * 1000;
            QCOMPARE(b.value(u"value"_qs).toDouble(), expected.at(start));
            if (b.value(u"count"_qs).toInt() > 0)
                QVERIFY(b.value(u"first_event"_qs).toInteger() <= b.value(u"last_event"_qs).toInteger());
        }
    }

    void badInputIsReported()
    {
        Run run =
            inquestRun({u"series"_qs, m_case, u"--metric"_qs, u"requests"_qs, u"--site"_qs, u"nosuch.example"_qs});
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains(u"nosuch.example"_qs));
        QVERIFY(run.err.contains(testing::siteName(1))); // lists the sites there are
        run = inquestRun({u"series"_qs, m_case, u"--metric"_qs, u"latency"_qs});
        QCOMPARE(run.status, 2);
        QVERIFY(run.err.contains(u"unknown metric \"latency\""_qs));
        run = inquestRun({u"series"_qs, m_case, u"--metric"_qs, u"requests"_qs, u"--bin"_qs, u"0"_qs});
        QCOMPARE(run.status, 2);
        for (const char *bad : {"5x", "m", "-1h", "367d", "1.5h"}) {
            run = inquestRun(
                {u"series"_qs, m_case, u"--metric"_qs, u"requests"_qs, u"--bin"_qs, QString::fromLatin1(bad)});
            QCOMPARE(run.status, 2);
            QVERIFY2(run.err.contains(u"30s, 5m, 1h, 1d"_qs), qPrintable(run.err));
        }
        run = inquestRun({u"series"_qs, m_case});
        QCOMPARE(run.status, 2);
        QVERIFY(run.err.contains(u"--metric is required"_qs));
        run = inquestRun({u"series"_qs, m_dir.filePath(u"missing.inquest"_qs), u"--metric"_qs, u"requests"_qs});
        QCOMPARE(run.status, 1);
        QVERIFY(run.err.contains(u"missing.inquest"_qs));
    }
};

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_series.moc"

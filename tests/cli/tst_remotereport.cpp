// The findings report on a case whose only source is a ClickHouse table (INQUEST_CLICKHOUSE_URL;
// label clickhouse, skipped and said so without it). A real access log (realdata) is imported
// locally and loaded into a two-shard table; the report of the remote case draws that site's
// requests and failures from what the server answered for the figure's view, bin for bin the
// figure of the local import, and Appendix C lists the query behind it. A source that cannot be
// reached leaves its site out of the figures, says so in the report and on stderr, and exits 1
// with the report written and the case unchanged. A site renamed in the case is asked, listed
// and filtered under its new name by `sites`, `series --site` and `events --site`.
#include "testlib/clirunner.h"
#include "testlib/twoshardtable.h"

#include "casefile/casefile.h"
#include "remote/remotesources.h"
#include "remote/reportfigures.h"
#include "report/figureview.h"
#include "report/reportbuilder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace inquest;
using namespace inquest::testing;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

CaseData readCase(const QString &path)
{
    QString error;
    std::optional<CaseData> data = casefile::read(path, &error);
    if (!data)
        qWarning("%s", qPrintable(error));
    return data ? std::move(*data) : CaseData();
}

const NamedSeries *named(const std::vector<NamedSeries> &list, const QString &name)
{
    const auto it = std::find_if(list.begin(), list.end(), [&name](const NamedSeries &s) { return s.name == name; });
    return it == list.end() ? nullptr : &*it;
}

// The figure blocks of a report, by title.
QList<ChartSpec> figures(const ReportDocument &doc)
{
    QList<ChartSpec> out;
    for (const ReportBlock &b : doc.blocks) {
        if (b.type == ReportBlock::Figure)
            out << b.chart;
    }
    return out;
}

} // namespace

class TstRemoteReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_table;
    TwoShardTable m_shards;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, the report of a remote source was NOT "
                  "tested (tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_table = QStringLiteral("report_%1").arg(QCoreApplication::applicationPid());
        QString error;
        QVERIFY2(m_shards.create(m_table, &error), qPrintable(error));
        const QString local = path(QStringLiteral("local.inquest"));
        QCOMPARE(runInquest({u"new"_qs, local}).status, 0);
        QCOMPARE(runInquest({u"import"_qs, local, QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs"),
                             u"--site"_qs, u"blog"_qs})
                     .status,
                 0);
        const CliRun r = runInquest({u"remote"_qs, u"load"_qs, local, u"--clickhouse"_qs, clickHouseUrl(),
                                     u"--table"_qs, u"default."_qs + m_table});
        QVERIFY2(r.status == 0 && r.out.startsWith(u"9999 events loaded"_qs), qPrintable(r.out + r.err));
    }
    void cleanupTestCase() { m_shards.drop(); }

    void figureDrawsTheRemoteSite()
    {
        const QString remote = path(QStringLiteral("remote.inquest"));
        QCOMPARE(runInquest({u"new"_qs, remote}).status, 0);
        const CliRun added = runInquest({u"remote"_qs, u"add"_qs, remote, u"--clickhouse"_qs, clickHouseUrl(),
                                         u"--table"_qs, u"default."_qs + m_table, u"--name"_qs, u"weblog"_qs});
        QVERIFY2(added.status == 0, qPrintable(added.err));

        // The data the figure is drawn from, as `inquest report` builds it.
        const CaseData data = readCase(remote);
        QCOMPARE(data.sources.size(), 0);
        QCOMPARE(data.remoteSources.size(), 1);
        QString error;
        std::vector<remote::SourceAccess> sources{
            {data.remoteSources[0], remote::accessFor(data.remoteSources[0], &error)}};
        ReportOptions options;
        auto answers =
            std::make_shared<const remote::ReportFigureAnswers>(remote::askForReportFigures(data, options, sources));
        QVERIFY2(answers->errors.isEmpty(), qPrintable(answers->errors.join(u'\n')));
        QCOMPARE(answers->queries.size(), 1);
        options.remoteFigures = answers;
        const ReportDocument doc = buildReport(data, {}, options, true);
        const QList<ChartSpec> specs = figures(doc);
        QCOMPARE(specs.size(), 1); // one site: its figure alone
        QCOMPARE(specs[0].sites, QStringList{u"blog"_qs});
        const auto bins = figureBins(data);
        const FigureView view = figureView(specs[0], *bins);
        const ChartData drawn = figureChartData(specs[0], *bins, view);

        // The local import of the same file, drawn as its report would.
        const CaseData localData = readCase(path(QStringLiteral("local.inquest")));
        const ChartSpec localSpec = ReportBuilder::siteFigure(localData, options, u"blog"_qs);
        const auto localBins = figureBins(localData);
        const FigureView localView = figureView(localSpec, *localBins);
        QCOMPARE(view.widthUs, localView.widthUs);
        QCOMPARE(view.beginUs, localView.beginUs);
        const ChartData expected = figureChartData(localSpec, *localBins, localView);

        const NamedSeries *requests = named(drawn.traffic, u"blog"_qs);
        const NamedSeries *failed = named(drawn.failed, u"blog"_qs);
        QVERIFY(requests && failed);
        const NamedSeries *localRequests = named(expected.traffic, u"blog"_qs);
        QVERIFY(localRequests);
        QVERIFY(requests->series.size() > 50);
        QCOMPARE(std::accumulate(requests->series.values.begin(), requests->series.values.end(), 0.0), 9999.0);
        // Bin for bin, from the first bin of the view on.
        const auto valueAt = [](const BinnedSeries &s, int64_t index) {
            const int64_t i = index - s.firstIndex;
            return i >= 0 && i < int64_t(s.size()) ? s.values[std::size_t(i)] : 0.0;
        };
        const int64_t first = std::min(requests->series.firstIndex, localRequests->series.firstIndex);
        const int64_t last = std::max(requests->series.firstIndex + int64_t(requests->series.size()),
                                      localRequests->series.firstIndex + int64_t(localRequests->series.size()));
        double failures = 0;
        for (int64_t b = first; b < last; ++b) {
            QCOMPARE(valueAt(requests->series, b), valueAt(localRequests->series, b));
            QCOMPARE(valueAt(failed->series, b), valueAt(named(expected.failed, u"blog"_qs)->series, b));
            failures += valueAt(failed->series, b);
        }
        QVERIFY(failures > 0); // the log has a few 5xx: the failures curve is not all zeros

        // Appendix C lists the figure's query with its provenance.
        bool listed = false;
        for (const ReportBlock &b : doc.blocks) {
            for (const QStringList &row : b.rows)
                listed = listed || (row.value(0) == u"F1"_qs && row.value(2) == answers->queries[0].sql &&
                                    row.value(4) == answers->queries[0].sha256);
        }
        QVERIFY(listed);
        QVERIFY(answers->queries[0].sql.contains(u"uniqExact"_qs));

        // The command: a PDF with the figure, the HTML says the same.
        const QByteArray before = fileHash(remote);
        const QString pdf = path(QStringLiteral("remote.pdf")), html = path(QStringLiteral("remote.html"));
        const CliRun report = runInquest({u"report"_qs, remote, u"--pdf"_qs, pdf, u"--html"_qs, html});
        QVERIFY2(report.status == 0, qPrintable(report.err));
        QVERIFY(QFileInfo(pdf).size() > 10000);
        const QString text = readText(html);
        QVERIFY(text.contains(u"Requests and failed (5xx or no response): blog"_qs));
        QVERIFY(text.contains(u"Asked for this report&#x27;s figures"_qs) ||
                text.contains(u"Asked for this report's figures"_qs));
        QVERIFY(!text.contains(u"not drawn"_qs));
        QCOMPARE(fileHash(remote), before); // a report changes no case
    }

    void renamedSiteEverywhere()
    {
        const QString c = path(QStringLiteral("renamed.inquest"));
        QCOMPARE(runInquest({u"new"_qs, c}).status, 0);
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, c, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + m_table})
                     .status,
                 0);
        const auto series = [&c](const QString &site) {
            return runInquest({u"series"_qs, c, u"--metric"_qs, u"requests"_qs, u"--site"_qs, site, u"--bin"_qs,
                               u"3600"_qs, u"--csv"_qs});
        };
        const CliRun before = series(u"blog"_qs);
        QVERIFY2(before.status == 0, qPrintable(before.err));
        CliRun r = runInquest({u"sites"_qs, c});
        const QRegularExpression remoteOnly(QStringLiteral("^blog  \\(remote sources #\\d+\\)$"),
                                            QRegularExpression::MultilineOption);
        QVERIFY2(r.status == 0 && remoteOnly.match(r.out).hasMatch(), qPrintable(r.out + r.err));

        r = runInquest({u"sites"_qs, c, u"--rename"_qs, u"blog=journal"_qs}); // a remote site's name
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"journal  (remote sources #"_qs) && !r.out.contains(u"blog  ("_qs), qPrintable(r.out));
        const CliRun after = series(u"journal"_qs);
        QVERIFY2(after.status == 0, qPrintable(after.err));
        QVERIFY(after.out.count(u'\n') > 50);
        QCOMPARE(after.out, before.out); // the same bins under the new name
        r = series(u"blog"_qs);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"no site \"blog\""_qs) && r.err.contains(u"journal"_qs), qPrintable(r.err));

        r = runInquest({u"events"_qs, c, u"--site"_qs, u"journal"_qs, u"--limit"_qs, u"3"_qs, u"--csv"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4); // the header and three rows
        for (const QString &row : rows.mid(1))
            QVERIFY2(row.contains(u",journal,"_qs), qPrintable(row));
        r = runInquest({u"events"_qs, c, u"--site"_qs, u"blog"_qs, u"--csv"_qs});
        QVERIFY2(!r.out.contains(u",blog,"_qs) && !r.out.contains(u",journal,"_qs), qPrintable(r.out)); // no "blog" now

        // Restored: the table's own name again.
        QCOMPARE(runInquest({u"sites"_qs, c, u"--rename"_qs, u"blog="_qs}).status, 0);
        QCOMPARE(series(u"blog"_qs).out, before.out);
    }

    void unreachableSourceIsSaid()
    {
        // Added with a password variable that is set (empty) now and unset when the report runs.
        const QString c = path(QStringLiteral("nopassword.inquest"));
        QCOMPARE(runInquest({u"new"_qs, c}).status, 0);
        qputenv("INQUEST_TEST_REPORT_PW", "");
        const CliRun added = runInquest({u"remote"_qs, u"add"_qs, c, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                                         u"default."_qs + m_table, u"--password-env"_qs, u"INQUEST_TEST_REPORT_PW"_qs});
        qunsetenv("INQUEST_TEST_REPORT_PW");
        QVERIFY2(added.status == 0, qPrintable(added.err));
        const QByteArray before = fileHash(c);
        const QString pdf = path(QStringLiteral("nopassword.pdf")), html = path(QStringLiteral("nopassword.html"));
        const CliRun report = runInquest({u"report"_qs, c, u"--pdf"_qs, pdf, u"--html"_qs, html});
        QCOMPARE(report.status, 1);
        QVERIFY2(report.err.contains(u"not in the figures: remote source #"_qs) &&
                     report.err.contains(u"$INQUEST_TEST_REPORT_PW, which is not set"_qs),
                 qPrintable(report.err));
        QVERIFY(QFileInfo(pdf).size() > 10000); // written all the same
        QVERIFY(readText(html).contains(u"Not drawn, remote source #"_qs));
        QCOMPARE(fileHash(c), before);
    }
};

QTEST_MAIN(TstRemoteReport)
#include "tst_remotereport.moc"

// `inquest import` and `inquest series` over connections that got no response ("000", "-",
// 444, 499) and over a system log whose severities are inferred from the text.
#include "testlib/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromLatin1(name); }

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }
} // namespace

class TestNoResponseCli : public QObject
{
    Q_OBJECT
private slots:
    void seriesCountsNoResponse()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), c}).status, 0);
        Run r = inquestRun({QStringLiteral("import"), c, fixture("no_response.log"), QStringLiteral("--site"),
                            QStringLiteral("shop"), QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject imported = QJsonDocument::fromJson(r.out.toUtf8())
                                         .object()
                                         .value(QStringLiteral("files"))
                                         .toArray()
                                         .first()
                                         .toObject();
        QCOMPARE(imported.value(QStringLiteral("events")).toInt(), 9);
        QCOMPARE(imported.value(QStringLiteral("malformed")).toInt(), 1);
        QCOMPARE(imported.value(QStringLiteral("no_response")).toInt(), 5);

        r = inquestRun({QStringLiteral("series"), c, QStringLiteral("--metric"), QStringLiteral("no-response"),
                        QStringLiteral("--bin"), QStringLiteral("60"), QStringLiteral("--csv")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("time,no-response\n2010-12-12T21:40:00Z,5\n"));
        r = inquestRun({QStringLiteral("series"), c, QStringLiteral("--metric"), QStringLiteral("error-rate"),
                        QStringLiteral("--bin"), QStringLiteral("60"), QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("0.7777")), qPrintable(r.out)); // (2 × 5xx + 5) / 9
    }

    void importReportsInferredSeverity()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), c}).status, 0);
        const Run r = inquestRun(
            {QStringLiteral("import"), c, fixture("vendors.syslog"), QStringLiteral("--year"), QStringLiteral("2010")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("severity 2 logged, 13 inferred from the text")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(" message templates")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestNoResponseCli)
#include "tst_noresponse.moc"

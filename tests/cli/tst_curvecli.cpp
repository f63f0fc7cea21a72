// `inquest curve`, `inquest series --curve/--filter` and `inquest mark` on a case made from a
// hand-written access log with `inquest import`: round trips through the case file, failures
// that name what is wrong and change nothing, and the report listing both.
#include "testlib/clirunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest::testing;

namespace {
const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");
QJsonObject json(const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestCurveCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    QString m_source;

    QStringList args(std::initializer_list<const char *> list)
    {
        QStringList out;
        for (const char *a : list)
            out.append(QString::fromUtf8(a) == u"CASE" ? m_case : QString::fromUtf8(a));
        return out;
    }

private slots:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("checkout.inquest"));
        QCOMPARE(runInquest({QStringLiteral("new"), m_case}).status, 0);
        const CliRun r = runInquest({QStringLiteral("import"), m_case, Log, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_source = QString::number(
            json(r).value(QStringLiteral("files")).toArray().at(0).toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(m_source != u"0");
    }

    void curveAddListSeriesRemove()
    {
        CliRun r =
            runInquest(args({"curve", "add", "CASE", "--name", "503 checkout", "--filter",
                             "status:503 method:POST path:/checkout", "--colour", "#ff7f0e", "--style", "bars"}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest(args({"curve", "list", "CASE", "--json"}));
        QCOMPARE(r.status, 0);
        const QJsonArray curves = json(r).value(QStringLiteral("curves")).toArray();
        QCOMPARE(curves.size(), 1);
        const QJsonObject c = curves[0].toObject();
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("503 checkout"));
        QCOMPARE(c.value(QStringLiteral("aggregate")).toString(), QStringLiteral("count"));
        QCOMPARE(c.value(QStringLiteral("colour")).toString(), QStringLiteral("#ff7f0e"));
        QCOMPARE(c.value(QStringLiteral("style")).toString(), QStringLiteral("bars"));

        // Three 503s on POST /checkout at 21:02, one at 21:03 (counted by hand from the log).
        r = runInquest(args({"series", "CASE", "--curve", "503 checkout", "--bin", "1m", "--json"}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QMap<QString, double> values;
        for (const QJsonValue &b : json(r).value(QStringLiteral("bins")).toArray())
            values.insert(b[QStringLiteral("time")].toString(), b[QStringLiteral("value")].toDouble());
        QCOMPARE(values.value(QStringLiteral("2010-12-12T21:02:00Z")), 3.0);
        QCOMPARE(values.value(QStringLiteral("2010-12-12T21:03:00Z")), 1.0);
        QCOMPARE(values.value(QStringLiteral("2010-12-12T21:01:00Z")), 0.0);
        QCOMPARE(json(r).value(QStringLiteral("curve")).toString(), QStringLiteral("503 checkout"));

        // An ad-hoc filter and aggregate: the 95th percentile of response times on checkout.
        r = runInquest(args({"series", "CASE", "--filter", "path:/checkout client:10.1.0.0/16", "--agg",
                             "p95(response)", "--bin", "60", "--csv"}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2010-12-12T21:02:00Z,2000")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("2010-12-12T21:03:00Z,3000")), qPrintable(r.out));

        r = runInquest(args({"curve", "add", "CASE", "--name", "gone", "--filter", "site:www.shop.de"}));
        QCOMPARE(r.status, 0);
        r = runInquest(args({"curve", "remove", "CASE", "gone"}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest(args({"curve", "list", "CASE"}));
        QVERIFY(r.out.contains(QStringLiteral("503 checkout")));
        QVERIFY(!r.out.contains(QStringLiteral("gone")));
    }

    void badCurvesAreRefusedAndChangeNothing()
    {
        const QByteArray before = fileHash(m_case);
        CliRun r = runInquest(args({"curve", "add", "CASE", "--name", "x", "--filter", "stauts:503"}));
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("stauts:503")), qPrintable(r.err));
        r = runInquest(args({"curve", "add", "CASE", "--name", "x", "--agg", "median(bytes)"}));
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("median(bytes)")), qPrintable(r.err));
        r = runInquest(args({"curve", "add", "CASE", "--name", "503 checkout"}));
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(r.err));
        r = runInquest(args({"curve", "remove", "CASE", "nothing"}));
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("503 checkout")), qPrintable(r.err)); // names the curves there are
        r = runInquest(args({"series", "CASE", "--curve", "nothing"}));
        QCOMPARE(r.status, 1);
        r = runInquest(args({"series", "CASE", "--curve", "503 checkout", "--metric", "requests"}));
        QCOMPARE(r.status, 2);
        QCOMPARE(fileHash(m_case), before);
    }

    void marksAddListRemove()
    {
        const QString source = m_source;
        CliRun r = runInquest({QStringLiteral("mark"), QStringLiteral("add"), m_case, QStringLiteral("--source"),
                               source, QStringLiteral("--line"), QStringLiteral("5"), QStringLiteral("--star"),
                               QStringLiteral("--tag"), QStringLiteral("first-503,checkout"),
                               QStringLiteral("--comment"), QStringLiteral("checkout fails from here")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest({QStringLiteral("mark"), QStringLiteral("add"), m_case, QStringLiteral("--source"), source,
                        QStringLiteral("--line"), QStringLiteral("11"), QStringLiteral("--tag"),
                        QStringLiteral("502")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest({QStringLiteral("mark"), QStringLiteral("list"), m_case, QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        const QJsonArray marks = json(r).value(QStringLiteral("marks")).toArray();
        QCOMPARE(marks.size(), 2);
        const QJsonObject first = marks[0].toObject();
        QCOMPARE(first.value(QStringLiteral("line")).toInt(), 5);
        QCOMPARE(first.value(QStringLiteral("time")).toString(), QStringLiteral("2010-12-12T21:02:05Z"));
        QCOMPARE(first.value(QStringLiteral("starred")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("tags")).toArray().size(), 2);
        QCOMPARE(first.value(QStringLiteral("comment")).toString(), QStringLiteral("checkout fails from here"));
        QVERIFY(first.value(QStringLiteral("raw"))
                    .toString()
                    .startsWith(QStringLiteral("10.1.2.3 - - [12/Dec/2010:21:02:05")));
        QCOMPARE(first.value(QStringLiteral("source")).toString(), QStringLiteral("www.shop.de-access.log"));

        // A line that holds no event, a source that is not there: named, nothing changed.
        const QByteArray before = fileHash(m_case);
        r = runInquest({QStringLiteral("mark"), QStringLiteral("add"), m_case, QStringLiteral("--source"), source,
                        QStringLiteral("--line"), QStringLiteral("99"), QStringLiteral("--star")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("www.shop.de-access.log:99")), qPrintable(r.err));
        r = runInquest({QStringLiteral("mark"), QStringLiteral("add"), m_case, QStringLiteral("--source"),
                        QStringLiteral("999"), QStringLiteral("--line"), QStringLiteral("5"),
                        QStringLiteral("--star")});
        QCOMPARE(r.status, 1);
        QCOMPARE(fileHash(m_case), before);

        r = runInquest({QStringLiteral("mark"), QStringLiteral("remove"), m_case, QStringLiteral("--source"), source,
                        QStringLiteral("--line"), QStringLiteral("11")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest({QStringLiteral("mark"), QStringLiteral("list"), m_case});
        QVERIFY(r.out.contains(QStringLiteral("checkout fails from here")));
        QVERIFY(!r.out.contains(QStringLiteral(":11 ")));
    }

    void newEvidenceFromACurveAndFromLines()
    {
        CliRun r = runInquest(args({"new-evidence", "CASE", "--curve", "503 checkout", "--from", "2010-12-12T21:02:00Z",
                                    "--to", "2010-12-12T21:04:00Z"}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest({QStringLiteral("new-evidence"), m_case, QStringLiteral("--source"), m_source,
                        QStringLiteral("--lines"), QStringLiteral("5-7")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = runInquest(args({"evidence", "CASE", "--json"}));
        QCOMPARE(r.status, 0);
        const QJsonArray items = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(items.size(), 2);
        const QJsonObject curve = items[0].toObject().value(QStringLiteral("provenance")).toObject();
        QCOMPARE(curve.value(QStringLiteral("filter")).toString(),
                 QStringLiteral("status:503 method:POST path:/checkout"));
        QCOMPARE(curve.value(QStringLiteral("time_begin")).toString(), QStringLiteral("2010-12-12T21:02:00Z"));
        QCOMPARE(items[0].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("suggested"));
        const QJsonObject lines = items[1].toObject().value(QStringLiteral("provenance")).toObject();
        QCOMPARE(lines.value(QStringLiteral("first_line")).toInt(), 5);
        QCOMPARE(lines.value(QStringLiteral("last_line")).toInt(), 7);

        const QByteArray before = fileHash(m_case);
        r = runInquest({QStringLiteral("new-evidence"), m_case, QStringLiteral("--source"), m_source,
                        QStringLiteral("--lines"), QStringLiteral("7-99")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("www.shop.de-access.log")), qPrintable(r.err));
        r = runInquest(args({"new-evidence", "CASE", "--curve", "503 checkout", "--from", "21:04", "--to", "bad"}));
        QCOMPARE(r.status, 1);
        r = runInquest(args({"new-evidence", "CASE", "--curve", "503 checkout", "--lines", "5"}));
        QCOMPARE(r.status, 2);
        QCOMPARE(fileHash(m_case), before);
    }

    void reportListsCurvesAndMarks()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext) is not installed");
        const QString pdf =
            qEnvironmentVariableIsEmpty("INQUEST_SCREENSHOTS")
                ? m_dir.filePath(QStringLiteral("report.pdf"))
                : qEnvironmentVariable("INQUEST_SCREENSHOTS") + QStringLiteral("/usercurves-report.pdf");
        const CliRun r = runInquest({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), pdf});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        // Drawing the curves and marks warns about nothing (the runtime folder note is the platform's).
        QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
        lines.removeIf(
            [](const QString &l) { return l.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR")); });
        QVERIFY2(lines.isEmpty(), qPrintable(lines.join(u'\n')));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("User-defined curves")), qPrintable(out.left(3000)));
        QVERIFY(out.contains(QStringLiteral("503 checkout")));
        QVERIFY(out.contains(QStringLiteral("Marked events")));
        QVERIFY(out.contains(QStringLiteral("checkout fails from here")));
        QVERIFY(out.contains(QStringLiteral("access.log:5 (source #"))); // file:line, wrapped in its cell
        QVERIFY(out.contains(QStringLiteral("12/Dec/2010:21:02:05")));   // the raw line
    }
};

QTEST_GUILESS_MAIN(TestCurveCli)
#include "tst_curvecli.moc"

// A folder as an analyst gets it after an outage — three shops' access logs (one the unaffected
// control) and a datacenter syslog from several vendors without <PRI> or year — imported with no
// options, then asked what a person asks: when, which sites, what the system log says.
//
// The access logs are written by a small traffic generator that knows nothing of the detectors
// (testlib/outagefolder.h).
#include "testlib/clirunner.h"
#include "testlib/outagefolder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest::testing;

namespace {

QJsonObject json(const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

} // namespace

class TestOutageFolder : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    Written m_uk, m_de;

private slots:
    void initTestCase()
    {
        const QString folder = m_dir.filePath(QStringLiteral("incident"));
        OutageFolder written;
        QVERIFY(writeOutageFolder(folder, &written));
        m_uk = written.uk;
        m_de = written.de;
        m_case = m_dir.filePath(QStringLiteral("outage.inquest"));
        QCOMPARE(runInquest({QStringLiteral("new"), m_case}).status, 0);
        const CliRun imported = runInquest({QStringLiteral("import"), m_case, folder, QStringLiteral("--json")});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const QJsonArray files = json(imported).value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 4);
        for (const QJsonValue &v : files) {
            const QJsonObject f = v.toObject();
            QCOMPARE(f.value(QStringLiteral("malformed")).toInt(), 0); // 000 lines are events, not malformed
            if (f.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("datacenter.syslog"))) {
                QCOMPARE(f.value(QStringLiteral("first")).toString(), QStringLiteral("2010-12-12T20:58:01Z"));
                // Five vendor mnemonics (%PLATFORM_ENV-1, %LINK-3 twice, %LINEPROTO-5 twice), the
                // Junos SNMP_TRAP_LINK_DOWN, EDAC's "error" and MySQL's [Warning]; cron, sshd,
                // haproxy and the NIC line say no level.
                QCOMPARE(f.value(QStringLiteral("severity_inferred")).toInt(), 8);
                QCOMPARE(f.value(QStringLiteral("severity_logged")).toInt(), 0);
                QVERIFY(f.value(QStringLiteral("templates")).toInt() >= 5);
            }
            if (f.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("www.shop.co.uk-access.log")))
                QCOMPARE(f.value(QStringLiteral("no_response")).toInt(), m_uk.noResponse);
        }
    }

    void sitesAreWhatAPersonCallsThem()
    {
        const CliRun r = runInquest({QStringLiteral("sites"), m_case, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QStringList names;
        for (const QJsonValue &v : json(r).value(QStringLiteral("sites")).toArray())
            names.append(v.toObject().value(QStringLiteral("name")).toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("www.shop.co.uk"), QStringLiteral("www.shop.com"),
                                     QStringLiteral("www.shop.de")}));
    }

    void theSystemLogTextIsSearchable()
    {
        const CliRun r = runInquest({QStringLiteral("events"), m_case, QStringLiteral("--grep"), QStringLiteral("PSU"),
                                     QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonArray events = json(r).value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.first().toObject();
        QCOMPARE(e.value(QStringLiteral("host")).toString(), QStringLiteral("dc1-core-sw-01"));
        QVERIFY(e.value(QStringLiteral("raw")).toString().contains(QStringLiteral("Power supply 2 failed")));
        QCOMPARE(e.value(QStringLiteral("time")).toString(), QStringLiteral("2010-12-12T21:03:12Z"));
    }

    void failedRequestsAreCounted()
    {
        const CliRun noResponse = runInquest({QStringLiteral("events"), m_case, QStringLiteral("--status"),
                                              QStringLiteral("no-response"), QStringLiteral("--json")});
        QVERIFY2(noResponse.status == 0, qPrintable(noResponse.err));
        QCOMPARE(json(noResponse).value(QStringLiteral("total")).toInt(), m_uk.noResponse + m_de.noResponse);
        const CliRun series =
            runInquest({QStringLiteral("series"), m_case, QStringLiteral("--metric"), QStringLiteral("no-response"),
                        QStringLiteral("--site"), QStringLiteral("www.shop.de"), QStringLiteral("--json")});
        QVERIFY2(series.status == 0, qPrintable(series.err));
        double sum = 0;
        for (const QJsonValue &b : json(series).value(QStringLiteral("bins")).toArray())
            sum += b.toObject().value(QStringLiteral("value")).toDouble();
        QCOMPARE(int(sum), m_de.noResponse);
    }

    // The syslog's lines that state no severity (cron twice, sshd, haproxy twice, the NIC line; of
    // its 14 lines, 8 imply one) are counted apart, as the chart's syslog lane shows them.
    void systemLinesWithoutSeverityAreCounted()
    {
        const CliRun r = runInquest({QStringLiteral("series"), m_case, QStringLiteral("--metric"),
                                     QStringLiteral("severity-none"), QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(json(r).value(QStringLiteral("metric")).toString(), QStringLiteral("severity-none"));
        double sum = 0;
        for (const QJsonValue &b : json(r).value(QStringLiteral("bins")).toArray())
            sum += b.toObject().value(QStringLiteral("value")).toDouble();
        QCOMPARE(int(sum), 14 - 8);
    }

    void theIncidentIsFoundWithItsControl()
    {
        const CliRun r = runInquest({QStringLiteral("analyze"), m_case, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonArray incidents = json(r).value(QStringLiteral("incidents")).toArray();
        QVERIFY2(incidents.size() >= 1, qPrintable(r.out.left(2000)));
        const QJsonObject first = incidents.first().toObject();
        const qint64 begin =
            QDateTime::fromString(first.value(QStringLiteral("begin")).toString(), Qt::ISODate).toSecsSinceEpoch();
        const qint64 end =
            QDateTime::fromString(first.value(QStringLiteral("end")).toString(), Qt::ISODate).toSecsSinceEpoch();
        QVERIFY2(std::abs(begin - OutageBegin) <= 120, qPrintable(first.value(QStringLiteral("begin")).toString()));
        QVERIFY2(std::abs(end - OutageEnd) <= 120, qPrintable(first.value(QStringLiteral("end")).toString()));
        QStringList affected;
        for (const QJsonValue &v : first.value(QStringLiteral("affected_sites")).toArray())
            affected.append(v.toString());
        affected.sort();
        QCOMPARE(affected, (QStringList{QStringLiteral("www.shop.co.uk"), QStringLiteral("www.shop.de")}));
        QVERIFY(first.value(QStringLiteral("unaffected_sites")).toArray().contains(QStringLiteral("www.shop.com")));
        // The system log read as text: the power-supply and link faults of three vendors' devices,
        // logged before the errors began, point to hardware.
        bool hardware = false;
        for (const QJsonValue &v : json(r).value(QStringLiteral("suggestions")).toArray()) {
            const QJsonObject e = v.toObject();
            if (!e.value(QStringLiteral("title"))
                     .toString()
                     .startsWith(QStringLiteral("Hardware faults in the system log")))
                continue;
            hardware = true;
            QVERIFY(e.value(QStringLiteral("reason")).toString().contains(QStringLiteral("before the errors began")));
            QVERIFY(e.value(QStringLiteral("reason")).toString().contains(QStringLiteral("dc1-edge-01"))); // Junos
        }
        QVERIFY2(hardware, qPrintable(r.out.left(4000)));
    }

    void theReportHasAFigurePerSite()
    {
        const QString html = m_dir.filePath(QStringLiteral("outage.html"));
        const CliRun r = runInquest({QStringLiteral("report"), m_case, QStringLiteral("--pdf"),
                                     m_dir.filePath(QStringLiteral("outage.pdf")), QStringLiteral("--html"), html},
                                    {.timeoutMs = 120000, .noDisplay = true});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(f.readAll());
        for (const char *site : {"www.shop.co.uk", "www.shop.de", "www.shop.com"})
            QVERIFY2(page.contains(QStringLiteral(": %1").arg(QLatin1StringView(site))), site);
        QVERIFY(!page.contains(QStringLiteral(": dc1-core-sw-01")));
        // Failures as the detectors count them, and all sites side by side first.
        QVERIFY(page.contains(QStringLiteral("Requests and failed (5xx or no response), all sites")));
        QVERIFY(!page.contains(QStringLiteral("5xx errors")));
    }
};

QTEST_MAIN(TestOutageFolder)
#include "tst_outagefolder.moc"

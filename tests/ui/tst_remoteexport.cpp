// File ▸ Export Findings… on a case whose only source is a ClickHouse table, against a real
// server (INQUEST_CLICKHOUSE_URL; label clickhouse, skipped and said so without it): the dialog
// asks the remote source once, off the GUI thread, for the figures' view; the exported report
// draws the remote site's figure and lists that query in Appendix C. A change of sections lays
// the report out again without asking the server again.
#include "testlib/clirunner.h"
#include "testlib/twoshardtable.h"

#include "charts/chartfigurerenderer.h"
#include "dialogs/exportdialog.h"

#include "casefile/casefile.h"
#include "remote/remotesources.h"
#include "report/reportscoring.h"

#include <QCheckBox>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using namespace inquest::testing;

namespace {
} // namespace

class TstRemoteExport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_table;
    TwoShardTable m_shards;

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, Export Findings on a remote source was "
                  "NOT tested (tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_table = QStringLiteral("export_%1").arg(QCoreApplication::applicationPid());
        QString error;
        QVERIFY2(m_shards.create(m_table, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_shards.drop(); }

    void exportDrawsTheRemoteSite()
    {
        const QString local = m_dir.filePath(QStringLiteral("local.inquest"));
        const QString remote = m_dir.filePath(QStringLiteral("remote.inquest"));
        QCOMPARE(runInquest({u"new"_qs, local}).status, 0);
        QCOMPARE(runInquest({u"import"_qs, local, QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log")})
                     .status,
                 0);
        QCOMPARE(runInquest({u"remote"_qs, u"load"_qs, local, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + m_table})
                     .status,
                 0);
        QCOMPARE(runInquest({u"new"_qs, remote}).status, 0);
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, remote, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + m_table})
                     .status,
                 0);
        QString error;
        const std::optional<CaseData> data = casefile::read(remote, &error);
        QVERIFY2(data, qPrintable(error));
        ChartFigureRenderer figures;
        ExportDialog dialog(*data, remote, scoreCaseForReport(*data), &figures);
        QSignalSpy ready(&dialog, &ExportDialog::previewReady);
        dialog.setRemoteSources({{data->remoteSources[0], remote::accessFor(data->remoteSources[0], &error)}}, {});
        QVERIFY(ready.wait(30000));
        const QString html = m_dir.filePath(QStringLiteral("remote.html"));
        QVERIFY2(dialog.exportHtml(html, &error), qPrintable(error));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(u"Requests and failed (5xx or no response): www.shop.de"_qs));
        QVERIFY(text.contains(u"Asked for this report"_qs));
        QVERIFY(!text.contains(u"not drawn"_qs));
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("\\bF1\\b"))));

        // Another layout (Evidence left out) keeps the answer: still one figure query, F1.
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
            if (box->text() == u"Evidence")
                box->setChecked(false);
        }
        QVERIFY(ready.wait(30000));
        QVERIFY2(dialog.exportHtml(html, &error), qPrintable(error));
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString again = QString::fromUtf8(f.readAll());
        QVERIFY(again.contains(u"Requests and failed (5xx or no response): www.shop.de"_qs));
        QVERIFY(!again.contains(QRegularExpression(QStringLiteral("\\bF2\\b"))));
        // The same query id: not asked again.
        const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        const QString queryId = uuid.match(text, text.indexOf(u"Asked for this report"_qs)).captured();
        QVERIFY(!queryId.isEmpty());
        QVERIFY(again.contains(queryId));
    }
};

QTEST_MAIN(TstRemoteExport)
#include "tst_remoteexport.moc"

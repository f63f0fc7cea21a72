// Sources ▸ Load into ClickHouse… against a real server (INQUEST_CLICKHOUSE_URL; label
// clickhouse, skipped and said so without it), as a person uses it: two real access logs in the
// case, one ticked, server and table typed, Load. The ticked log's events are in the two-shard
// table afterwards and the dialog says how many; an unknown table is refused with the server's
// reason; a cancel stops the load part way and no INSERT keeps running on the server. The case
// is never changed.
#include "testlib/twoshardtable.h"

#include "dialogs/remoteloaddialog.h"

#include "ingest/importer.h"
#include "model/casedocument.h"
#include "remote/clickhouseclient.h"
#include "remote/tableloadjob.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace inquest;
using namespace inquest::testing;

namespace {

} // namespace

class TstRemoteLoad : public QObject
{
    Q_OBJECT
    remote::ServerAccess m_admin;
    TwoShardTable m_shards;
    QString m_table;
    CaseData m_case;

    remote::QueryRun ch(const QString &sql)
    {
        remote::ClickHouseClient client(m_admin);
        return client.run(sql);
    }
    qint64 count(const QString &what = QStringLiteral("count()"))
    {
        const remote::QueryRun r = ch(QStringLiteral("SELECT %1 FROM %2 FORMAT TabSeparated").arg(what, m_table));
        return r.ok() && !r.reply.rows.empty() ? r.reply.rows[0][0].toLongLong() : -1;
    }
    void fill(RemoteLoadDialog &d, const QString &table)
    {
        d.field(QStringLiteral("url"))->setText(clickHouseUrl());
        d.field(QStringLiteral("table"))->setText(table);
    }
    static bool runLoad(RemoteLoadDialog &d)
    {
        QSignalSpy loaded(&d, &RemoteLoadDialog::loaded);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("loadButton")), Qt::LeftButton);
        if (loaded.isEmpty() && !loaded.wait(60'000))
            return false;
        return loaded.first().first().toBool();
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, Load into ClickHouse was NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_admin.url = QUrl(clickHouseUrl());
        m_table = QStringLiteral("default.load_%1").arg(QCoreApplication::applicationPid());
        const QString name = m_table.section(u'.', 1);
        QString error;
        QVERIFY2(m_shards.create(m_table.section(u'.', 1), &error), qPrintable(error));
        m_case = CaseData::create(QStringLiteral("load"));
        for (const char *file : {"/logs/elastic-examples/apache_logs", "/logs/goaccess/access.log"}) {
            ImportOptions o;
            if (QByteArray(file).contains("apache"))
                o.site = QStringLiteral("blog");
            ImportResult r = importLogFile(QStringLiteral(INQUEST_REALDATA) + QLatin1String(file), o);
            QVERIFY2(r.ok(), qPrintable(r.error));
            r.source->id = m_case.nextId++;
            m_case.sources.append(*r.source);
        }
    }
    void cleanupTestCase()
    {
        if (m_table.isEmpty())
            return;
        m_shards.drop();
    }

    void loadsTheTickedLog()
    {
        CaseDocument doc(m_case);
        const auto custody = doc.custody().size();
        RemoteLoadDialog d(&doc);
        QCOMPARE(d.sources()->count(), 2);
        QVERIFY(d.sources()->item(0)->text().contains(u"apache_logs"_qs));
        d.sources()->item(1)->setCheckState(Qt::Unchecked); // the goaccess log stays out
        fill(d, m_table);
        QVERIFY2(runLoad(d), qPrintable(d.message()->text()));
        QVERIFY2(d.message()->text().startsWith(QLocale().toString(9999) + u" events loaded into "_qs + m_table),
                 qPrintable(d.message()->text()));
        QCOMPARE(d.progress()->value(), d.progress()->maximum());
        QCOMPARE(count(), 9999);
        QCOMPARE(count(QStringLiteral("uniqExact(site)")), 1);
        QCOMPARE(count(QStringLiteral("countIf(status >= 500)")), 3); // awk: the log has three 500 lines
        QCOMPARE(doc.custody().size(), custody);                      // nothing recorded: the case did not change
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(d.grab().save(dir + u"/remote-load-dialog.png"_qs));
    }

    void unknownTableIsRefused()
    {
        CaseDocument doc(m_case);
        RemoteLoadDialog d(&doc);
        fill(d, m_table + u"_nosuch"_qs);
        QVERIFY(!runLoad(d));
        const QString text = d.message()->text();
        QVERIFY2(text.startsWith(u"Not loaded: "_qs) && text.contains(m_table.section(u'.', 1) + u"_nosuch"_qs) &&
                     text.contains(u"The case is unchanged."_qs),
                 qPrintable(text));
        // Bad fields: said at once, nothing sent.
        fill(d, u"x; DROP"_qs);
        QVERIFY(!d.load());
        QVERIFY2(d.message()->text().contains(u"DB.TABLE"_qs), qPrintable(d.message()->text()));
        QVERIFY(!doc.isModified());
    }

    void cancelStopsTheLoad()
    {
        ch(QStringLiteral("TRUNCATE TABLE shard1.%1").arg(m_table.section(u'.', 1)));
        ch(QStringLiteral("TRUNCATE TABLE shard2.%1").arg(m_table.section(u'.', 1)));
        QCOMPARE(count(), 0);
        remote::TableLoadJob job;
        QSignalSpy progress(&job, &remote::TableLoadJob::progress);
        QSignalSpy finished(&job, &remote::TableLoadJob::finished);
        job.start(m_case, {m_case.sources[0].id}, m_admin, m_table, 100); // blocks of 100 rows
        QVERIFY(progress.wait(30'000));
        job.cancel();
        QVERIFY(finished.count() > 0 || finished.wait(30'000));
        const remote::LoadOutcome outcome = job.outcome();
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.cancelled);
        QVERIFY2(outcome.error.startsWith(u"cancelled; "_qs), qPrintable(outcome.error));
        // The message names the rows loaded before Cancel; the table holds them, or one block more
        // when the server took the block in flight before the kill reached it (inserts through a
        // Distributed table reach the shards a moment later, so the count is awaited).
        const QRegularExpressionMatch m =
            QRegularExpression(u"^cancelled; (\\d+) rows were loaded"_qs).match(outcome.error);
        QVERIFY2(m.hasMatch(), qPrintable(outcome.error));
        const qint64 said = m.captured(1).toLongLong();
        QVERIFY2(said >= 100 && said < 9999, qPrintable(outcome.error));
        QTRY_VERIFY2_WITH_TIMEOUT(
            count() == said || count() == said + 100,
            qPrintable(QStringLiteral("%1 rows in the table; %2").arg(count()).arg(outcome.error)), 15'000);
        const qint64 in = count();
        QTest::qWait(500);
        QCOMPARE(count(), in); // nothing more arrives
        // No INSERT is left on the server, neither the one sent nor the ones the Distributed
        // table forwards to its shards (they name the shard tables).
        const QString left = u"SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO %"_qs +
                             m_table.section(u'.', 1) + u"%' FORMAT TabSeparated"_qs;
        QTRY_VERIFY_WITH_TIMEOUT(ch(left).ok() && ch(left).reply.rows[0][0] == u"0"_qs, 15'000);
    }
};

QTEST_MAIN(TstRemoteLoad)
#include "tst_remoteload.moc"

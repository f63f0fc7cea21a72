// Remote sources in the case file (schema 6): a version-4 case opens with none and gains them
// once saved; a source and its results' provenance round-trip; nothing in the file can hold
// a password.
#include "casefile/casefile.h"
#include "casefile/schema.h"
#include "casefile/sqlconnection.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using namespace inquest::casefile;

class TstRemoteSourceCase : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    static RemoteSource source()
    {
        RemoteSource s;
        s.id = 7;
        s.name = QStringLiteral("shop");
        s.url = QStringLiteral("http://127.0.0.1:18123/");
        s.table = QStringLiteral("logs.requests");
        s.mapping = {{QStringLiteral("time"), QStringLiteral("ts")},
                     {QStringLiteral("time_unit"), QStringLiteral("ms")}};
        s.user = QStringLiteral("analyst");
        s.passwordEnv = QStringLiteral("CH_PASSWORD");
        s.serverVersion = QStringLiteral("18.16.1");
        s.added = QDateTime(QDate(2026, 12, 7), QTime(12, 0, 1, 250), Qt::UTC);
        s.rows = 1'000'000;
        s.firstTime = 1292190300'000'000;
        s.lastTime = 1292193900'000'000;
        return s;
    }
    static RemoteResult result()
    {
        RemoteResult r;
        r.sourceId = 7;
        r.server = QStringLiteral("http://127.0.0.1:18123/");
        r.serverVersion = QStringLiteral("18.16.1");
        r.table = QStringLiteral("logs.requests");
        r.sql = QStringLiteral("SELECT intDiv(x, 60) AS b, count() FROM logs.requests WHERE site = 'a\\'b' GROUP BY b");
        r.queryId = QStringLiteral("5b1c8f0e-0000-4000-8000-000000000001");
        r.started = QDateTime(QDate(2026, 12, 7), QTime(12, 0, 2), Qt::UTC);
        r.finished = r.started.addMSecs(31);
        r.rowsRead = 1'000'000;
        r.sha256 = QString(64, u'a');
        r.approximate = false;
        return r;
    }

private slots:
    void roundTrip()
    {
        CaseData d = CaseData::create(QStringLiteral("Remote"));
        d.remoteSources.append(source());
        d.remoteResults.append(result());
        RemoteResult approx = result();
        approx.approximate = true;
        approx.rowsRead = -1;
        d.remoteResults.append(approx);
        QString error;
        QVERIFY2(write(d, path("r.inquest"), &error), qPrintable(error));
        int version = 0;
        const auto back = read(path("r.inquest"), &error, &version);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(version, schema::CurrentVersion);
        QCOMPARE(back->remoteSources.size(), 1);
        QVERIFY(back->remoteSources[0] == source());
        QCOMPARE(back->remoteResults.size(), 2);
        QVERIFY(back->remoteResults[0] == result());
        QVERIFY(back->remoteResults[1] == approx);
        QVERIFY(back->sameAs(d));
    }
    void noPasswordColumn()
    {
        for (const QString &ddl : schema::ddlForVersion(schema::CurrentVersion)) {
            if (!ddl.contains(u"remote_"_qs))
                continue;
            // password_env names a variable; no column can hold the password itself.
            static const QRegularExpression column(QStringLiteral("\\b(password|key|secret)\\b"),
                                                   QRegularExpression::CaseInsensitiveOption);
            QVERIFY2(!column.match(QString(ddl).remove(u"PRIMARY KEY"_qs)).hasMatch(), qPrintable(ddl));
        }
    }
    void version4GainsRemoteTables()
    {
        const QString file = path("v4.inquest");
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema::ApplicationId)));
            for (const QString &sql : schema::ddlForVersion(4))
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO meta VALUES ('schema_version', '4'), ('case_id', 'c-4'), "
                                          "('title', 'Before remote'), ('next_id', '5'), "
                                          "('created', '2011-01-02T03:04:05.000Z')")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 4")));
        }
        QString error;
        int version = 0;
        const auto data = read(file, &error, &version);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(version, 4);
        QCOMPARE(data->meta.title, QStringLiteral("Before remote"));
        QVERIFY(data->remoteSources.isEmpty());
        CaseData edited = *data;
        edited.remoteSources.append(source());
        edited.remoteResults.append(result());
        QVERIFY2(write(edited, path("v4-saved.inquest"), &error), qPrintable(error));
        const auto again = read(path("v4-saved.inquest"), &error, &version);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(version, schema::CurrentVersion);
        QVERIFY(again->remoteSources.value(0) == source());
        QVERIFY(again->remoteResults.value(0) == result());
    }
};

QTEST_GUILESS_MAIN(TstRemoteSourceCase)
#include "tst_remotesourcecase.moc"

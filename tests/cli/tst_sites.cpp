#include "testlib/clirunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// A folder as a new user brings it: four shop access logs named after their site (one in
// another zone, one an unaffected control), Debian's other_vhosts_access.log with two sites in
// one file, and a year-less datacenter syslog of four hosts whose file time is years later.
namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }

QString shops() { return QStringLiteral(INQUEST_TEST_DATA "/sites/shops"); }

QJsonObject json(const Run &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

QStringList siteNames(const QString &c)
{
    const Run r = inquestRun({QStringLiteral("sites"), c, QStringLiteral("--json")});
    QStringList names;
    for (const QJsonValue &v : json(r).value(u"sites").toArray())
        names.append(v.toObject().value(u"name").toString());
    return names;
}

// Requests of a site in `series --json` (the sum of the bins' counts); -1 when it fails.
qint64 requestsOf(const QString &c, const QString &site)
{
    const Run r = inquestRun({QStringLiteral("series"), c, QStringLiteral("--metric"), QStringLiteral("requests"),
                              QStringLiteral("--site"), site, QStringLiteral("--json")});
    if (r.status != 0)
        return -1;
    qint64 sum = 0;
    for (const QJsonValue &b : json(r).value(u"bins").toArray())
        sum += b.toObject().value(u"count").toInteger();
    return sum;
}

QJsonObject fileEntry(const QJsonObject &import, const QString &name)
{
    for (const QJsonValue &f : import.value(u"files").toArray()) {
        if (f.toObject().value(u"file").toString().endsWith(u'/' + name))
            return f.toObject();
    }
    return {};
}

} // namespace

class TestSitesCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    QString m_logs;
    qint64 m_syslogId = 0;
    qint64 m_ukId = 0;

private slots:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("case.inquest"));
        m_logs = m_dir.filePath(QStringLiteral("logs"));
        QDir().mkpath(m_logs);
        for (const QString &name : QDir(shops()).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(shops() + u'/' + name, m_logs + u'/' + name));
            QFile::setPermissions(m_logs + u'/' + name, QFile::ReadOwner | QFile::WriteOwner);
        }
        // Copied logs carry the time they were copied: far from the incident.
        QFile syslog(m_logs + QStringLiteral("/datacenter.syslog"));
        QVERIFY(syslog.open(QIODevice::ReadWrite));
        QVERIFY(syslog.setFileTime(QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc()),
                                   QFileDevice::FileModificationTime));
        QCOMPARE(inquestRun({QStringLiteral("new"), m_case}).status, 0);
    }

    // No option: the syslog (first in path order) still lands in 2010, next to the others.
    void folderImportTakesTheYearFromTheBatch()
    {
        const Run r = inquestRun({QStringLiteral("import"), m_case, m_logs, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject import = json(r);
        QCOMPARE(import.value(u"files").toArray().size(), 5);
        const QJsonObject syslog = fileEntry(import, QStringLiteral("datacenter.syslog"));
        QCOMPARE(syslog.value(u"format").toString(), QStringLiteral("syslog-rfc3164"));
        QCOMPARE(syslog.value(u"first").toString(), QStringLiteral("2010-12-12T21:40:01Z"));
        QCOMPARE(syslog.value(u"last").toString(), QStringLiteral("2010-12-12T22:15:10Z"));
        const QString notes = syslog.value(u"notes").toVariant().toStringList().join(u'\n');
        QVERIFY2(notes.contains(u"year 2010 from the other files of this import"), qPrintable(notes));
        QCOMPARE(syslog.value(u"site").toString(), QString()); // a system log is not a site
        m_syslogId = syslog.value(u"id").toInteger();
        QVERIFY(m_syslogId > 0);

        const QJsonObject uk = fileEntry(import, QStringLiteral("www.shop.co.uk-access.log"));
        QCOMPARE(uk.value(u"site").toString(), QStringLiteral("www.shop.co.uk"));
        m_ukId = uk.value(u"id").toInteger();
        QCOMPARE(fileEntry(import, QStringLiteral("shop.de.access.log")).value(u"site").toString(),
                 QStringLiteral("shop.de"));
        QCOMPARE(fileEntry(import, QStringLiteral("other_vhosts_access.log")).value(u"format").toString(),
                 QStringLiteral("vhost-combined"));
    }

    void sitesAreNamedByFileAndVhostNeverBySyslogHost()
    {
        QCOMPARE(siteNames(m_case), (QStringList{QStringLiteral("shop.de"), QStringLiteral("www.shop.co.uk"),
                                                 QStringLiteral("www.shop.com"), QStringLiteral("www.shop.es"),
                                                 QStringLiteral("www.shop.it")}));
        QCOMPARE(requestsOf(m_case, QStringLiteral("www.shop.co.uk")), 8);
        QCOMPARE(requestsOf(m_case, QStringLiteral("www.shop.it")), 3); // the rows of its vhost only
        const Run host =
            inquestRun({QStringLiteral("series"), m_case, QStringLiteral("--metric"), QStringLiteral("requests"),
                        QStringLiteral("--site"), QStringLiteral("bastion-01")});
        QCOMPARE(host.status, 1);
        QVERIFY2(host.err.contains(u"no site \"bastion-01\""), qPrintable(host.err));

        const Run analyze = inquestRun({QStringLiteral("analyze"), m_case, QStringLiteral("--json")});
        QVERIFY2(analyze.status == 0, qPrintable(analyze.err));
        const QStringList analyzed = json(analyze).value(u"sites").toVariant().toStringList();
        QVERIFY2(analyzed.contains(u"www.shop.co.uk"_qs) && !analyzed.contains(u"bastion-01"_qs),
                 qPrintable(analyzed.join(u", ")));
    }

    // The same bytes under another name are refused, naming the earlier source; the rest of the
    // batch is imported.
    void duplicatesAreRefused()
    {
        const QString copy = m_dir.filePath(QStringLiteral("uk-again.log"));
        QVERIFY(QFile::copy(m_logs + QStringLiteral("/www.shop.co.uk-access.log"), copy));
        const QString fr = m_dir.filePath(QStringLiteral("www.shop.fr-access.log"));
        QFile out(fr);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("90.63.1.2 - - [12/Dec/2010:22:40:00 +0100] \"GET / HTTP/1.1\" 200 4410 \"-\" \"Mozilla/5.0\"\n");
        out.close();
        const Run r = inquestRun({QStringLiteral("import"), m_case, copy, fr});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(
                     QStringLiteral("is already source #%1 (%2/www.shop.co.uk-access.log)").arg(m_ukId).arg(m_logs)),
                 qPrintable(r.err));
        QVERIFY(siteNames(m_case).contains(u"www.shop.fr"_qs));
        QCOMPARE(requestsOf(m_case, QStringLiteral("www.shop.co.uk")), 8); // not doubled
    }

    void sourceRereadsWithNewYearAndSite()
    {
        const Run year = inquestRun({QStringLiteral("source"), m_case, QString::number(m_syslogId),
                                     QStringLiteral("--year"), QStringLiteral("2011")});
        QVERIFY2(year.status == 0, qPrintable(year.err));
        QVERIFY2(year.out.contains(u"year 2010 → 2011"), qPrintable(year.out));
        QVERIFY2(year.out.contains(u"first 2010-12-12T21:40:01Z → 2011-12-12T21:40:01Z"), qPrintable(year.out));

        const Run site = inquestRun({QStringLiteral("source"), m_case, QString::number(m_ukId),
                                     QStringLiteral("--site"), QStringLiteral("amazon.co.uk")});
        QVERIFY2(site.status == 0, qPrintable(site.err));
        QVERIFY2(site.out.contains(u"site www.shop.co.uk → amazon.co.uk"), qPrintable(site.out));
        QCOMPARE(requestsOf(m_case, QStringLiteral("amazon.co.uk")), 8);
        QVERIFY(!siteNames(m_case).contains(u"www.shop.co.uk"_qs));
        QVERIFY(inquestRun({QStringLiteral("verify"), m_case}).status == 0);
    }

    // A changed or missing file is not read: exit 1, the case as it was.
    void sourceRefusesAChangedOrMissingFile()
    {
        const QByteArray before = [&] {
            QFile f(m_case);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const QString de = m_logs + QStringLiteral("/shop.de.access.log");
        QFile f(de);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray text = f.readAll();
        text[0] = '9'; // same size, other bytes
        f.seek(0);
        f.write(text);
        f.close();
        const QJsonObject list = json(inquestRun({QStringLiteral("sites"), m_case, QStringLiteral("--json")}));
        qint64 deId = 0;
        for (const QJsonValue &v : list.value(u"sites").toArray()) {
            if (v.toObject().value(u"name").toString() == u"shop.de")
                deId = v.toObject().value(u"sources").toArray().first().toInteger();
        }
        QVERIFY(deId > 0);
        const Run changed = inquestRun(
            {QStringLiteral("source"), m_case, QString::number(deId), QStringLiteral("--tz"), QStringLiteral("UTC")});
        QCOMPARE(changed.status, 1);
        QVERIFY2(changed.err.contains(de + QStringLiteral(": the file has changed since import")),
                 qPrintable(changed.err));
        QVERIFY(QFile::remove(de));
        const Run gone = inquestRun({QStringLiteral("source"), m_case, QString::number(deId), QStringLiteral("--year"),
                                     QStringLiteral("2012")});
        QCOMPARE(gone.status, 1);
        QVERIFY2(gone.err.contains(de + QStringLiteral(": the file is missing")), qPrintable(gone.err));
        QFile after(m_case);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    // Two names mapped to one: a merge, kept in the case.
    void renameMergesSites()
    {
        const Run r = inquestRun(
            {QStringLiteral("sites"), m_case, QStringLiteral("--rename"), QStringLiteral("www.shop.es=www.shop.it")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(!siteNames(m_case).contains(u"www.shop.es"_qs));
        QCOMPARE(requestsOf(m_case, QStringLiteral("www.shop.it")), 5);
        const Run unknown = inquestRun(
            {QStringLiteral("sites"), m_case, QStringLiteral("--rename"), QStringLiteral("core-sw-01=switch")});
        QCOMPARE(unknown.status, 1);
        QVERIFY2(unknown.err.contains(u"no site \"core-sw-01\""), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestSitesCli)
#include "tst_sites.moc"

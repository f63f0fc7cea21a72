#include "analysis/siteevents.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/sites.h"

#include <QFile>
#include <QTest>
#include <QUndoStack>

using namespace inquest;

// The one site rule (model/sites): names from files, vhosts, system logs, renames and merges.
namespace {

QString realdata(const char *path)
{
    return qEnvironmentVariable("INQUEST_REALDATA", QStringLiteral(INQUEST_REALDATA)) + QStringLiteral("/logs/") +
           QString::fromLatin1(path);
}

Source imported(const QString &path)
{
    const ImportResult r = importLogFile(path, {.year = 2010});
    return r.ok() ? *r.source : Source();
}

} // namespace

class TestSites : public QObject
{
    Q_OBJECT

private slots:
    void siteFromFileName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("site");
        const auto row = [](const char *path, const char *site) {
            QTest::newRow(path) << QString::fromLatin1(path) << QString::fromLatin1(site);
        };
        row("/var/log/www.shop.co.uk-access.log", "www.shop.co.uk");
        row("shop.de.access.log.gz", "shop.de");
        row("access.log", "access.log");
        row("www.shop.co.uk-access.log.2.gz", "www.shop.co.uk");
        row("www.shop.fr_ssl_access.log", "www.shop.fr");
        row("example.com.log", "example.com");
        row("shop.es-error.log.1", "shop.es");
        row("other_vhosts_access.log", "other_vhosts_access.log");
        row("10.0.0.1-access.log", "10.0.0.1-access.log"); // an address is not a site name
        row("syslog", "syslog");
        row("error.log.1", "error.log.1");
    }
    void siteFromFileName()
    {
        QFETCH(QString, path);
        QFETCH(QString, site);
        QCOMPARE(inquest::siteFromFileName(path), site);
    }

    void renamesChainAndMergeAndStopOnCycles()
    {
        const SiteRule rule({{u"a"_qs, u"b"_qs}, {u"b"_qs, u"c"_qs}, {u"x"_qs, u"y"_qs}, {u"y"_qs, u"x"_qs}});
        QCOMPARE(rule.name(u"a"_qs), u"c"_qs);
        QCOMPARE(rule.name(u"b"_qs), u"c"_qs);
        QCOMPARE(rule.name(u"d"_qs), u"d"_qs);
        const QString cycled = rule.name(u"x"_qs); // a hostile case file: ends, names one of them
        QVERIFY(cycled == u"x"_qs || cycled == u"y"_qs);
    }

    void renameIsOneUndoStepOfItsOwn()
    {
        CaseDocument doc;
        edit::renameSite(&doc, u"shop.de"_qs, u"amazon.de"_qs);
        edit::renameSite(&doc, u"shop.fr"_qs, u"amazon.de"_qs); // a merge
        QCOMPARE(SiteRule::of(doc.meta()).name(u"shop.fr"_qs), u"amazon.de"_qs);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(SiteRule::of(doc.meta()).name(u"shop.fr"_qs), u"shop.fr"_qs);
        QCOMPARE(SiteRule::of(doc.meta()).name(u"shop.de"_qs), u"amazon.de"_qs);
        edit::renameSite(&doc, u"shop.de"_qs, QString()); // restores
        QVERIFY(!doc.meta().viewSettings.contains(u"siteNames"_qs));
    }

    // Real logs: a syslog and an Apache error log are system logs whose events keep their own
    // host; an access log's lines without a vhost are the site its file is named after.
    void realLogs()
    {
        if (!QFile::exists(realdata("plaso/syslog/syslog")))
            QSKIP("the real-data samples are not beside this worktree (set INQUEST_REALDATA)");
        const Source syslog = imported(realdata("plaso/syslog/syslog"));
        QCOMPARE(syslog.format, u"syslog-rfc3164"_qs);
        QVERIFY(isSystemLog(syslog));
        QCOMPARE(syslog.site, QString());
        const SiteRule rule;
        QCOMPARE(rule.sourceSite(syslog), QString());
        QCOMPARE(rule.eventName(syslog, 0), u"myhostname.myhost.com"_qs);
        QVERIFY(rule.sites({syslog}).isEmpty());

        const Source apacheError = imported(realdata("loghub/Apache/Apache_2k.log"));
        QVERIFY(apacheError.events > 0);
        QVERIFY(isSystemLog(apacheError));
        QVERIFY(rule.sites({apacheError}).isEmpty());

        const Source access = imported(realdata("plaso/apache_access.log"));
        QVERIFY(isAccessLog(access));
        QCOMPARE(access.site, u"apache_access.log"_qs);
        // Four of its lines carry a vhost ("plaso.log2timeline.net:443 10.1.1.2 - - […]"): they are
        // that site's, the others the file's.
        QCOMPARE(rule.sites({syslog, apacheError, access}),
                 (QStringList{u"apache_access.log"_qs, u"plaso-2.log2timeline.net"_qs, u"plaso.log2timeline.net"_qs}));
        // The chart's grouping: one site of the access log's rows, and each syslog host apart.
        QStringList names;
        for (const auto &[name, slices] : SiteEvents::slicesBySite({syslog, access}, rule))
            names.append(name);
        QVERIFY2(names.contains(u"apache_access.log"_qs) && names.contains(u"myhostname.myhost.com"_qs) &&
                     names.contains(u"victoria"_qs),
                 qPrintable(names.join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestSites)
#include "tst_sites.moc"

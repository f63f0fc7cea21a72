// The outage folder (three shops' access logs with "000" lines, a PRI-less datacenter syslog of
// several vendors without a year; tests/testlib/outagefolder.h) imported through the Import
// dialog as a person does it: the folder added, the formats sniffed, Import clicked, no options.
// What reaches the case must be what the files say: the syslog's year taken from the other files
// of the batch, its text kept, severities inferred from the text, every "000" an event, and sites
// named as a person would name them. (cli/tst_outagefolder checks the same folder on the CLI.)
#include "dialogs/importdialog.h"

#include "model/casedata.h"
#include "model/casedocument.h"
#include "model/httpstatus.h"
#include "testlib/outagefolder.h"

#include <QDateTime>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using namespace inquest::testing;

class TestImportDialogFolder : public QObject
{
    Q_OBJECT
private slots:
    void theFolderArrivesAsTheFilesSayIt()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("incident"));
        OutageFolder written;
        QVERIFY(writeOutageFolder(folder, &written));

        CaseDocument doc(CaseData::create(QStringLiteral("outage"), {}));
        ImportDialog dialog(&doc);
        dialog.addFiles({folder});
        QCOMPARE(dialog.fileTable()->rowCount(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSniffing(), 30'000);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting() && dialog.importButton()->isEnabled(), 60'000);
        QCOMPARE(doc.sources().size(), 4);

        const Source *syslog = nullptr;
        QStringList sites;
        for (const Source &s : doc.sources()) {
            QCOMPARE(s.malformed, 0); // "000" lines are events, not malformed
            if (s.path.endsWith(QStringLiteral("datacenter.syslog")))
                syslog = &s;
            else
                sites.append(s.site);
            if (s.path.endsWith(QStringLiteral("www.shop.co.uk-access.log"))) {
                int noResponse = 0;
                for (uint16_t status : s.table->status)
                    noResponse += statusClass(status) == StatusClass::NoResponse;
                QCOMPARE(noResponse, written.uk.noResponse);
            }
        }
        sites.sort();
        QCOMPARE(sites, (QStringList{QStringLiteral("www.shop.co.uk"), QStringLiteral("www.shop.com"),
                                     QStringLiteral("www.shop.de")}));

        // The year-less syslog took 2010 from the access logs of the same import, not the file's
        // modification year.
        QVERIFY(syslog);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(syslog->firstTime / 1000, QTimeZone::utc()),
                 QDateTime(QDate(2010, 12, 12), QTime(20, 58, 1), QTimeZone::utc()));
        // Its text is kept (the power-supply fault can be found) and its severities are inferred
        // from the text: five vendor mnemonics, the Junos trap, EDAC's "error" and MySQL's
        // [Warning]; none was logged as a <PRI>.
        const EventTable &t = *syslog->table;
        bool psu = false;
        int inferred = 0, logged = 0;
        for (std::size_t r = 0; r < t.size(); ++r) {
            psu |= t.messageLine(r).contains(QStringLiteral("Power supply 2 failed"));
            inferred += isSeverityInferred(t.severity[r]);
            logged += t.severity[r] != NoSeverity && !isSeverityInferred(t.severity[r]);
        }
        QVERIFY(psu);
        QCOMPARE(inferred, 8);
        QCOMPARE(logged, 0);
    }
};

QTEST_MAIN(TestImportDialogFolder)
#include "tst_importdialogfolder.moc"

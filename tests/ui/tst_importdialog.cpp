#include "dialogs/importdialog.h"

#include "model/casedata.h"
#include "model/casedocument.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUndoStack>

using namespace inquest;

namespace {
QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromLatin1(name); }
} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
private slots:
    void sniffPreviewAndImport()
    {
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        const int custodyBefore = int(doc.custody().size());
        ImportDialog dialog(&doc);
        dialog.addFiles({fixture("mixed_zones.log"), fixture("nginx_error.log"), fixture("empty.log")});
        QCOMPARE(dialog.fileTable()->rowCount(), 3);
        QTRY_VERIFY(!dialog.isSniffing()); // formats are sniffed off the GUI thread
        QVERIFY(dialog.fileTable()->item(0, 1)->text().startsWith(u"combined"));
        QVERIFY(dialog.fileTable()->item(1, 1)->text().startsWith(u"nginx-error"));
        QCOMPARE(dialog.fileTable()->item(2, 1)->text(), QStringLiteral("not recognised"));
        // The preview shows the first file's rows as columns, times in UTC.
        QTRY_VERIFY(!dialog.isPreviewing());
        QCOMPARE(dialog.previewTable()->rowCount(), 3);
        QStringList headers;
        for (int c = 0; c < dialog.previewTable()->columnCount(); ++c)
            headers.append(dialog.previewTable()->horizontalHeaderItem(c)->text());
        QVERIFY(headers.contains(QStringLiteral("Status")));
        QVERIFY(!headers.contains(QStringLiteral("Severity"))); // not filled by this format
        const int timeColumn = int(headers.indexOf(QStringLiteral("Time (UTC)")));
        QCOMPARE(dialog.previewTable()->item(0, timeColumn)->text(), QStringLiteral("2023-10-10 11:55:36.000"));

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (qEnvironmentVariableIsSet("INQUEST_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("INQUEST_SCREENSHOT_DIR") +
                               QStringLiteral("/importdialog-preview.png"));

        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting() && dialog.importButton()->isEnabled(), 10000);
        QCOMPARE(doc.sources().size(), 2); // the empty file failed, the others were added
        QCOMPARE(doc.sources()[0].format, QStringLiteral("combined"));
        QCOMPARE(doc.custody().size(), custodyBefore + 2);
        QVERIFY(doc.custody().last().detail.contains(u"format=nginx-error"));
        QCOMPARE(dialog.fileTable()->item(0, 3)->text(), QStringLiteral("3"));
        QVERIFY(dialog.fileTable()->item(2, 5)->text().contains(u"empty"));
        if (qEnvironmentVariableIsSet("INQUEST_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("INQUEST_SCREENSHOT_DIR") +
                               QStringLiteral("/importdialog-done.png"));
        // One undo step for the whole import.
        doc.undoStack()->undo();
        QCOMPARE(doc.sources().size(), 0);
        doc.undoStack()->redo();
        QCOMPARE(doc.sources().size(), 2);
    }

    // A folder of thousands of small logs (log rotation, one file per host and hour): every
    // file below it is listed and sniffed off the GUI thread, hidden files are left out, and
    // the import is one undo step.
    void folderOfThousandsOfLogs()
    {
        QTemporaryDir dir;
        const int files = 3000;
        for (int i = 0; i < files; ++i) {
            const QString sub = dir.filePath(QStringLiteral("host%1").arg(i % 30));
            QDir().mkpath(sub);
            QFile f(sub + QStringLiteral("/access-%1.log").arg(i, 4, 10, QLatin1Char('0')));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral(
                        "10.0.%1.%2 - - [12/Dec/2010:21:%3:00 +0000] \"GET /p%1 HTTP/1.1\" 200 512 \"-\" \"ua\"\n")
                        .arg(i / 250)
                        .arg(i % 250)
                        .arg(i % 60, 2, 10, QLatin1Char('0'))
                        .toUtf8());
        }
        QFile hidden(dir.filePath(QStringLiteral(".DS_Store")));
        QVERIFY(hidden.open(QIODevice::WriteOnly));
        hidden.write("\0\0\0\1Bud1");
        hidden.close();

        CaseDocument doc;
        ImportDialog dialog(&doc);
        dialog.addFiles({dir.path()});
        QCOMPARE(dialog.fileTable()->rowCount(), files);
        QCOMPARE(dialog.fileTable()->item(0, 0)->text(), QStringLiteral("access-0000.log")); // sorted by path
        QVERIFY2(dialog.statusLabel()->text().contains(u"3000 file(s) in the folder"),
                 qPrintable(dialog.statusLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSniffing(), 120'000);
        for (int row = 0; row < files; ++row)
            QVERIFY2(dialog.fileTable()->item(row, 1)->text().startsWith(u"combined"),
                     qPrintable(QString::number(row)));

        const int undoBefore = doc.undoStack()->count();
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting() && dialog.importButton()->isEnabled(), 120'000);
        QCOMPARE(doc.sources().size(), files);
        QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.sources().size(), 0);
    }

    // A file whose first line is 32 MiB takes a while to sniff and preview. The preview is read
    // off the GUI thread: the table says it is reading, another row can be chosen meanwhile, and
    // the late result for the first row does not replace the second row's preview.
    void previewIsReadOffTheGuiThread()
    {
        QTemporaryDir dir;
        QFile in(fixture("mixed_zones.log"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray good = in.readAll();
        const QString big = dir.filePath(QStringLiteral("huge-first-line.log"));
        {
            QFile out(big);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray(32 << 20, 'x') + '\n' + good);
        }
        CaseDocument doc;
        ImportDialog dialog(&doc);
        dialog.addFiles({big, fixture("nginx_error.log")});
        // addFiles selected the first row and returned before its preview was read.
        QVERIFY(dialog.isPreviewing());
        QCOMPARE(dialog.previewTable()->rowCount(), 1);
        QVERIFY(dialog.previewTable()->item(0, 0)->text().startsWith(u"reading huge-first-line.log"));

        dialog.fileTable()->selectRow(1);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewing(), 30000);
        QThreadPool::globalInstance()->waitForDone(); // the first row's read has ended too
        QTest::qWait(50);                             // and its result, if any, was delivered
        const auto headers = [&dialog] {
            QStringList h;
            for (int c = 0; c < dialog.previewTable()->columnCount(); ++c)
                h.append(dialog.previewTable()->horizontalHeaderItem(c)->text());
            return h;
        };
        QVERIFY2(headers().contains(QStringLiteral("Severity")), qPrintable(headers().join(u',')));
        QVERIFY(!headers().contains(QStringLiteral("Status")));

        dialog.fileTable()->selectRow(0);
        QVERIFY(dialog.isPreviewing());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewing(), 30000);
        QVERIFY2(dialog.previewTable()->rowCount() == 3, // the huge line is malformed, not shown
                 qPrintable(dialog.previewTable()->item(0, 0)->text()));

        QVERIFY(headers().contains(QStringLiteral("Status")));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSniffing(), 30000);
        QVERIFY2(dialog.fileTable()->item(0, 1)->text().startsWith(u"combined"),
                 qPrintable(dialog.fileTable()->item(0, 1)->text() + u' ' + dialog.fileTable()->item(0, 1)->toolTip()));
    }

    void badZoneBlocksImport()
    {
        CaseDocument doc;
        ImportDialog dialog(&doc);
        dialog.addFiles({fixture("mixed_zones.log")});
        QVERIFY(dialog.importButton()->isEnabled());
        auto *zone = dialog.findChild<QLineEdit *>();
        zone->setText(QStringLiteral("Mars/Olympus"));
        emit zone->editingFinished();
        QVERIFY(!dialog.importButton()->isEnabled());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"

#include "dialogs/importdialog.h"

#include "model/casedata.h"
#include "model/casedocument.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace inquest;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromLatin1(name);
}
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
        QVERIFY(dialog.fileTable()->item(0, 1)->text().startsWith(u"combined"));
        QVERIFY(dialog.fileTable()->item(1, 1)->text().startsWith(u"nginx-error"));
        QCOMPARE(dialog.fileTable()->item(2, 1)->text(), QStringLiteral("not recognised"));
        // The preview shows the first file's rows as columns, times in UTC.
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
            dialog.grab().save(qEnvironmentVariable("INQUEST_SCREENSHOT_DIR") + QStringLiteral("/importdialog-preview.png"));

        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting() && dialog.importButton()->isEnabled(), 10000);
        QCOMPARE(doc.sources().size(), 2); // the empty file failed, the others were added
        QCOMPARE(doc.sources()[0].format, QStringLiteral("combined"));
        QCOMPARE(doc.custody().size(), custodyBefore + 2);
        QVERIFY(doc.custody().last().detail.contains(u"format=nginx-error"));
        QCOMPARE(dialog.fileTable()->item(0, 3)->text(), QStringLiteral("3"));
        QVERIFY(dialog.fileTable()->item(2, 5)->text().contains(u"empty"));
        if (qEnvironmentVariableIsSet("INQUEST_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("INQUEST_SCREENSHOT_DIR") + QStringLiteral("/importdialog-done.png"));
        // One undo step per source.
        doc.undoStack()->undo();
        QCOMPARE(doc.sources().size(), 1);
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

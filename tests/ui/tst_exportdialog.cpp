// File → Export Findings…: the preview follows the section choices, export writes the PDF the
// options describe, and a screenshot of the dialog is left for people to look at.
#include "testlib/reportfixture.h"

#include "dialogs/exportdialog.h"
#include "mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestExportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void previewFollowsChoicesAndExports()
    {
        const CaseData data = testing::reportCase(40);
        testing::FakeFigureRenderer figures;
        ExportDialog dialog(data, {}, testing::reportScores(data), &figures);
        QSignalSpy ready(&dialog, &ExportDialog::previewReady);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(ready.wait(20000));
        const int all = dialog.pageCount();
        QVERIFY(all >= 5);

        // Page through to the figures, as a user would, and keep a screenshot.
        auto *page = dialog.findChild<QSpinBox *>();
        QVERIFY(page);
        page->setValue(4);
        QCOMPARE(dialog.currentPage(), 3);
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/exportdialog.png");
        QVERIFY(dialog.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // Leaving out the evidence and the custody log makes a shorter report.
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
            if (box->text() == u"Evidence" || box->text().startsWith(u"Appendix B"))
                QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2)); // on the box itself
        }
        QVERIFY(!dialog.options().sections.contains(ReportSection::Evidence));
        QVERIFY(!dialog.options().sections.contains(ReportSection::Custody));
        QVERIFY(ready.wait(20000));
        QVERIFY(dialog.isPreviewCurrent());
        QVERIFY2(dialog.pageCount() < all, qPrintable(QStringLiteral("%1 vs %2").arg(dialog.pageCount()).arg(all)));
        QVERIFY(!dialog.options().sections.contains(ReportSection::Evidence));

        auto *zone = dialog.findChild<QComboBox *>();
        zone->setCurrentText(QStringLiteral("Europe/London"));
        QCOMPARE(dialog.options().timeZone, QStringLiteral("Europe/London"));
        // Export right away: the export uses the new options even before the preview caught up.
        QString error;
        const QString html = m_dir.filePath(QStringLiteral("x.html"));
        QVERIFY2(dialog.exportHtml(html, &error), qPrintable(error));
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("Time (Europe/London)")));
        QVERIFY(!text.contains(QStringLiteral("Appendix B")));
        QVERIFY2(dialog.exportPdf(m_dir.filePath(QStringLiteral("x.pdf")), &error), qPrintable(error));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("x.pdf"))).size() > 1000);
    }

    void mainWindowHasTheAction()
    {
        MainWindow w;
        auto *action = w.findChild<QAction *>(QStringLiteral("actionExportFindings"));
        QVERIFY(action);
        QVERIFY(action->text().contains(QStringLiteral("Export")));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"

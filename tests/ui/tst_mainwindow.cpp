// GUI smoke test: the main window opens offscreen, Save writes a case, the title shows the
// modified mark, and closing with unsaved changes asks first.
#include "dialogs/importdialog.h"
#include "docks/statementsdock.h"
#include "documentcontroller.h"
#include "mainwindow.h"

#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "timeline/timelineview.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
    }

    void hasTheDocks()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList names;
        for (QDockWidget *d : w.findChildren<QDockWidget *>())
            names.append(d->windowTitle());
        for (const char *expected : {"Sources", "Charts", "Evidence", "Statements", "Scoring"})
            QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
        QVERIFY(w.windowTitle().contains(QStringLiteral("Untitled case")));
    }

    void clickSaveWritesTheCase()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString file = m_dir.filePath(QStringLiteral("gui.inquest"));
        w.controller()->askPath = [&](bool) { return file; };
        edit::setTitle(w.document(), QStringLiteral("GUI case"));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("GUI case[*]")));

        // Use the menu as a user would: File → Save.
        QMenu *fileMenu = w.menuBar()->findChildren<QMenu *>().first();
        QAction *save = w.findChild<QAction *>(QStringLiteral("actionSave"));
        QVERIFY(save && fileMenu->actions().contains(save));
        save->trigger();
        QVERIFY(QFile::exists(file));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("gui.inquest")));
        QString error;
        const auto data = casefile::read(file, &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->meta.title, QStringLiteral("GUI case"));

        // Undo through the Edit menu's action marks the case modified again.
        w.findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
        QCOMPARE(w.document()->meta().title, QStringLiteral("Untitled case"));
        QVERIFY(w.isWindowModified());
    }

    void dropSendsArticlesAndLogsTheirOwnWay()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *statements = w.findChild<StatementsDock *>();
        QVERIFY(statements);
        QSignalSpy imported(statements, &StatementsDock::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral(INQUEST_TEST_DATA "/news/reporting.html")),
                      QUrl::fromLocalFile(QStringLiteral(INQUEST_TEST_DATA "/ingest/elb.log")),
                      QUrl::fromLocalFile(QStringLiteral(INQUEST_TEST_DATA "/news/times-no-year.txt"))});
        // As a drag from a file manager arrives: enter (which makes the window the target), drop.
        const QPoint at(w.width() / 2, w.height() / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        // The two articles are imported as articles ...
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.first().at(0).toInt(), 2);
        QCOMPARE(w.document()->sources().size(), 2);
        for (const Source &s : w.document()->sources())
            QVERIFY(s.kind == SourceKind::Article);
        // ... and the log waits in the Import dialog.
        auto *dialog = w.findChild<ImportDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->fileTable()->rowCount(), 1);
        dialog->close();
    }

    void closingWithUnsavedChangesAsks()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int asked = 0;
        auto answer = DocumentController::SaveAnswer::Cancel;
        w.controller()->askSave = [&] {
            ++asked;
            return answer;
        };
        edit::setTitle(w.document(), QStringLiteral("Pending"));
        QVERIFY(!w.close()); // Cancel keeps the window and the changes
        QCOMPARE(asked, 1);
        QVERIFY(w.isVisible());
        QCOMPARE(w.document()->meta().title, QStringLiteral("Pending"));
        answer = DocumentController::SaveAnswer::Discard;
        QVERIFY(w.close());
        QCOMPARE(asked, 2);
    }

    void openingADamagedFileShowsTheErrorAndKeepsTheCase()
    {
        MainWindow w;
        const QString bad = m_dir.filePath(QStringLiteral("bad.inquest"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QString shown;
        w.controller()->showError = [&](const QString &m) { shown = m; };
        edit::setTitle(w.document(), QStringLiteral("Keep me"));
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
        QVERIFY(!w.controller()->open(bad));
        QVERIFY(shown.contains(QStringLiteral("bad.inquest")));
        QVERIFY(shown.contains(QStringLiteral("not an Inquest case")));
        QCOMPARE(w.document()->meta().title, QStringLiteral("Keep me"));
    }

    void rendersAWindowWorthLookingAt()
    {
        MainWindow w;
        Evidence e;
        e.title = QStringLiteral("Errors at normal request volume on EU sites");
        e.origin = QStringLiteral("manual");
        edit::addEvidence(w.document(), e);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QImage image = w.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), w.size() * image.devicePixelRatio());
        // Not a blank window: the docks and tables draw many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/mainwindow.png")));
    }

    // With INQUEST_LOOK_CASE and INQUEST_SCREENSHOT_DIR set: the window with that case open, for
    // a person to look at (e.g. the demo case).
    void defaultLayoutGivesTheChartsRoom()
    {
        // No saved layout (the windows of the tests before saved theirs on closing): the window
        // fits a 1600x1000 screen and the four chart panes and the evidence board get real height.
        QSettings().clear();
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.minimumSizeHint().width() <= 1600);
        QVERIFY(w.minimumSizeHint().height() <= 1000);
        auto *charts = w.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        auto *evidence = w.findChild<QDockWidget *>(QStringLiteral("evidenceDock"));
        // Before, the charts got their 266 px minimum: four panes of a few pixels each.
        QTRY_VERIFY2(charts->height() >= 350, qPrintable(QString::number(charts->height())));
        QVERIFY(w.timeline()->height() >= 150);
        // The board is a tab beside the scores at this size (under the timeline it would get a
        // strip): raised, it has the right column's height.
        evidence->raise();
        QTRY_VERIFY2(evidence->height() >= 220, qPrintable(QString::number(evidence->height())));
        // In that narrow column the board keeps its width (the item's details go under it), and
        // so do the statements (the article goes under them).
        auto *board = evidence->findChild<EvidenceMatrixView *>();
        QTRY_VERIFY2(board->width() >= evidence->width() - 40,
                     qPrintable(QStringLiteral("board %1 of %2 px").arg(board->width()).arg(evidence->width())));
        auto *statements = w.findChild<StatementsDock *>();
        statements->raise();
        QTRY_VERIFY2(
            statements->view()->width() >= statements->width() - 40,
            qPrintable(QStringLiteral("table %1 of %2 px").arg(statements->view()->width()).arg(statements->width())));
    }

    void lookAtACase()
    {
        const QString file = qEnvironmentVariable("INQUEST_LOOK_CASE");
        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR");
        if (file.isEmpty() || dir.isEmpty())
            QSKIP("set INQUEST_LOOK_CASE and INQUEST_SCREENSHOT_DIR to take this screenshot");
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.controller()->open(file));
        QTest::qWait(8000); // the timeline index and the chart bins are built off the GUI thread
        QVERIFY(w.grab().save(dir + QStringLiteral("/case.png")));
        // The first evidence item with a time range, shown on the chart from the evidence board.
        auto *board = w.findChild<EvidenceDock *>();
        for (const Evidence &e : w.document()->evidence()) {
            if (e.provenance.hasTimeRange()) {
                board->showEvidence(e.id);
                QVERIFY(board->showCurrentOnChart());
                break;
            }
        }
        QTest::qWait(3000);
        QVERIFY(w.grab().save(dir + QStringLiteral("/case-shown.png")));
    }

    void recentFilesRememberSavedCases()
    {
        MainWindow w;
        const QString file = m_dir.filePath(QStringLiteral("recent.inquest"));
        QVERIFY(w.controller()->saveAs(file));
        QMenu *recent = nullptr;
        for (QMenu *m : w.findChildren<QMenu *>()) {
            if (m->title().contains(QStringLiteral("Recent")))
                recent = m;
        }
        QVERIFY(recent);
        QCOMPARE(recent->actions().first()->text(), QStringLiteral("recent.inquest"));
        // The first window still holds the case: a second one opens it read-only.
        MainWindow second;
        QString asked;
        second.controller()->askOpenReadOnly = [&](const QString &why) {
            asked = why;
            return true;
        };
        QVERIFY(second.controller()->open(file));
        QCOMPARE(second.document()->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(second.controller()->isReadOnly());
        QVERIFY2(asked.contains(QStringLiteral("Inquest workbench")), qPrintable(asked));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

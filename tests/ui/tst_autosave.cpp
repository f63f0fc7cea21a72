// Autosave to a sidecar and recovery after a crash: unsaved work survives, and nothing is
// recovered that the analyst chose to discard.
#include "autosaver.h"
#include "documentcontroller.h"
#include "mainwindow.h"

#include "casefile/autosave.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestAutosave : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static void autosave(MainWindow &w)
    {
        QSignalSpy saved(w.autosaver(), &Autosaver::autosaved);
        QVERIFY(w.autosaver()->autosaveNow());
        QVERIFY(saved.wait(30000));
    }

    QString savedCase(const QString &name, const QString &title)
    {
        const QString file = m_dir.filePath(name);
        CaseDocument doc;
        edit::setTitle(&doc, title);
        QString error;
        if (!casefile::save(doc, file, &error))
            qFatal("%s", qPrintable(error));
        return file;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const QString &orphan : autosave::orphanedSidecars())
            QFile::remove(orphan);
    }

    void crashThenRecover()
    {
        const QString file = savedCase(QStringLiteral("crash.inquest"), QStringLiteral("Saved title"));
        {
            MainWindow w; // destroyed without closeEvent: what a crash leaves behind
            QVERIFY(w.controller()->open(file));
            QVERIFY(!w.autosaver()->autosaveNow()); // nothing unsaved: nothing written
            edit::setTitle(w.document(), QStringLiteral("Unsaved title"));
            autosave(w);
            QVERIFY(QFile::exists(file + QStringLiteral(".autosave")));
        }
        MainWindow w;
        QString offered;
        w.controller()->askRecover = [&](const QString &sidecar) {
            offered = sidecar;
            return true;
        };
        QVERIFY(w.controller()->open(file));
        QCOMPARE(offered, file + QStringLiteral(".autosave"));
        QCOMPARE(w.document()->meta().title, QStringLiteral("Unsaved title"));
        QVERIFY(w.document()->isModified()); // recovered work is not saved until the analyst saves
        QCOMPARE(w.document()->filePath(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(w.document()->custody().last().action, QStringLiteral("recover"));
        QString error;
        QCOMPARE(casefile::read(file, &error)->meta.title, QStringLiteral("Saved title")); // file untouched
        QVERIFY(w.controller()->save());
        QVERIFY(!QFile::exists(file + QStringLiteral(".autosave")));
        QCOMPARE(casefile::read(file, &error)->meta.title, QStringLiteral("Unsaved title"));
    }

    void declinedRecoveryDeletesTheSidecar()
    {
        const QString file = savedCase(QStringLiteral("decline.inquest"), QStringLiteral("Kept"));
        {
            MainWindow w;
            QVERIFY(w.controller()->open(file));
            edit::setTitle(w.document(), QStringLiteral("Abandoned"));
            autosave(w);
        }
        MainWindow w;
        w.controller()->askRecover = [](const QString &) { return false; };
        QVERIFY(w.controller()->open(file));
        QCOMPARE(w.document()->meta().title, QStringLiteral("Kept"));
        QVERIFY(!w.document()->isModified());
        QVERIFY(!QFile::exists(file + QStringLiteral(".autosave")));
    }

    void neverSavedCaseIsRecoveredAtStartUp()
    {
        {
            MainWindow w;
            edit::setTitle(w.document(), QStringLiteral("Never saved"));
            autosave(w);
        }
        QCOMPARE(autosave::orphanedSidecars().size(), 1);
        MainWindow w;
        w.controller()->askRecover = [](const QString &) { return true; };
        QVERIFY(w.controller()->offerOrphanRecovery());
        QCOMPARE(w.document()->meta().title, QStringLiteral("Never saved"));
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(w.document()->isModified());
        // Saving it somewhere ends the orphan.
        QVERIFY(w.controller()->saveAs(m_dir.filePath(QStringLiteral("now-saved.inquest"))));
        QVERIFY(autosave::orphanedSidecars().isEmpty());
    }

    void cleanCloseLeavesNothingToRecover()
    {
        const QString file = savedCase(QStringLiteral("close.inquest"), QStringLiteral("C"));
        MainWindow w;
        w.show();
        QVERIFY(w.controller()->open(file));
        edit::setTitle(w.document(), QStringLiteral("Changed"));
        autosave(w);
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
        QVERIFY(w.close());
        QVERIFY(!QFile::exists(file + QStringLiteral(".autosave")));
    }

    void damagedSidecarIsReportedAndKept()
    {
        const QString file = savedCase(QStringLiteral("damaged.inquest"), QStringLiteral("D"));
        QFile sidecar(file + QStringLiteral(".autosave"));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write("half a case");
        sidecar.close();
        MainWindow w;
        QString shown;
        w.controller()->askRecover = [](const QString &) { return true; };
        w.controller()->showError = [&](const QString &m) { shown = m; };
        QVERIFY(!w.controller()->open(file));
        QVERIFY(shown.contains(QStringLiteral("cannot be read")));
        QVERIFY(QFile::exists(file + QStringLiteral(".autosave")));
    }
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"

// One case, several hands, in the workbench: it holds the case's writer lock (the CLI's
// writers are refused), opens read-only when another holds it, notices a change on disk and
// never saves over it, exports reports that cite what they show, and the mouse wheel edits no
// unfocused field.
#include "dialogs/exportdialog.h"
#include "dialogs/verifydialog.h"
#include "docks/evidencedetail.h"
#include "docks/evidencedock.h"
#include "documentcontroller.h"
#include "mainwindow.h"

#include "casefile/casefile.h"
#include "casefile/caselock.h"
#include "casefile/statedigest.h"
#include "casefile/verification.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "testlib/clirunner.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace inquest;
using Changed = DocumentController::ChangedAnswer;

namespace {

QString sha256Of(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex())
               : QString();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A saved case with one evidence item of medium relevance.
QString makeCase(const QString &path)
{
    CaseDocument doc(CaseData::create(QStringLiteral("Shared case")));
    Evidence e;
    e.title = QStringLiteral("Errors at normal request volume on EU sites");
    e.origin = QStringLiteral("manual");
    e.relevance = Relevance::Medium;
    edit::addEvidence(&doc, e);
    QString error;
    if (!casefile::save(doc, path, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

bool hasAction(const QList<CustodyEntry> &log, const QString &action)
{
    return std::any_of(log.cbegin(), log.cend(), [&](const CustodyEntry &c) { return c.action == action; });
}

struct Answers
{
    QStringList errors;
    QStringList changes;
    Changed changedAnswer = Changed::Cancel;
};

void answerFor(MainWindow &w, Answers &a)
{
    DocumentController *c = w.controller();
    c->showError = [&a](const QString &m) { a.errors.append(m); };
    c->askChangedOnDisk = [&a](const QString &why) {
        a.changes.append(why);
        return a.changedAnswer;
    };
    c->askSave = [] { return DocumentController::SaveAnswer::Discard; };
}

} // namespace

class TestCaseSafety : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
    }

    // The reported scenario: case open in the workbench, `inquest analyze --accept` on it, then
    // Save in the workbench. Nothing may be lost and the chain must tell the truth.
    void analyzeWhileTheWorkbenchHasTheCaseIsRefused()
    {
        const QString file = makeCase(path("gui-cli.inquest"));
        MainWindow w;
        Answers a;
        answerFor(w, a);
        QVERIFY(w.controller()->open(file));
        QVERIFY(!w.controller()->isReadOnly());

        const auto r = testing::runInquest({QStringLiteral("analyze"), file, QStringLiteral("--accept")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("is being changed by Inquest workbench (process %1")
                                    .arg(QCoreApplication::applicationPid())),
                 qPrintable(r.err));

        edit::setTitle(w.document(), QStringLiteral("Shared case, edited in the workbench"));
        QVERIFY(w.controller()->save());
        QVERIFY(a.errors.isEmpty());
        QString error;
        const auto saved = casefile::read(file, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->meta.title, QStringLiteral("Shared case, edited in the workbench"));
        QVERIFY(verifyCase(*saved).ok());
        for (const CustodyEntry &c : saved->custody)
            QVERIFY(c.action != u"analyze"); // it never ran, so the chain does not claim it

        // With the workbench closed the same command runs, and the workbench's work stays.
        w.controller()->newCase();
        const auto after = testing::runInquest({QStringLiteral("analyze"), file, QStringLiteral("--accept")});
        QVERIFY2(after.status == 0, qPrintable(after.err));
        const auto analysed = casefile::read(file, &error);
        QCOMPARE(analysed->meta.title, QStringLiteral("Shared case, edited in the workbench"));
        QVERIFY(hasAction(analysed->custody, QStringLiteral("analyze")));
    }

    // Another holds the case: read-only, Save refused, a change by the holder announced and
    // reloaded, Save As allowed.
    void readOnlyWhenAnotherHoldsTheCase()
    {
        const QString file = makeCase(path("held.inquest"));
        auto other = std::make_unique<casefile::CaseLock>();
        QString error;
        QVERIFY(other->lock(file, QStringLiteral("inquest import"), 0, &error));

        MainWindow w;
        Answers a;
        answerFor(w, a);
        QString asked;
        w.controller()->askOpenReadOnly = [&](const QString &why) {
            asked = why;
            return true;
        };
        QVERIFY(w.controller()->open(file));
        QVERIFY2(asked.contains(QStringLiteral("inquest import (process ")), qPrintable(asked));
        QVERIFY(w.controller()->isReadOnly());
        QVERIFY(w.windowTitle().contains(QStringLiteral("read-only")));

        const QString before = sha256Of(file);
        edit::setTitle(w.document(), QStringLiteral("my edit"));
        QVERIFY(!w.controller()->save());
        QCOMPARE(a.errors.size(), 1);
        QVERIFY2(a.errors.first().contains(QStringLiteral("read-only")) &&
                     a.errors.first().contains(QStringLiteral("Save As")),
                 qPrintable(a.errors.first()));
        QCOMPARE(sha256Of(file), before);

        // The holder finishes and someone analyses the case: the workbench notices.
        other.reset();
        const auto r = testing::runInquest({QStringLiteral("analyze"), file, QStringLiteral("--accept")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        a.changedAnswer = Changed::Reload;
        QTRY_COMPARE_WITH_TIMEOUT(a.changes.size(), 1, 10000);
        QVERIFY(a.changes.first().contains(QStringLiteral("changed on disk")));
        QVERIFY(hasAction(w.document()->custody(), QStringLiteral("analyze")));
        QCOMPARE(w.document()->meta().title, QStringLiteral("Shared case")); // reloaded: the file's

        // Save As another file: allowed, and that file is then held for editing.
        edit::setTitle(w.document(), QStringLiteral("my copy"));
        const QString copy = path("held-copy.inquest");
        QVERIFY(w.controller()->saveAs(copy));
        QVERIFY(!w.controller()->isReadOnly());
        QVERIFY(casefile::CaseLock::holder(copy).has_value());
        QVERIFY(!casefile::CaseLock::holder(file).has_value());
        QCOMPARE(casefile::read(copy, &error)->meta.title, QStringLiteral("my copy"));
    }

    // A program that ignores the lock replaces the file: announced, and Save will not overwrite it.
    void changedOnDiskIsNeverOverwritten()
    {
        const QString file = makeCase(path("replaced.inquest"));
        MainWindow w;
        Answers a;
        answerFor(w, a);
        QVERIFY(w.controller()->open(file));
        edit::setTitle(w.document(), QStringLiteral("mine"));

        QString error;
        QVERIFY(casefile::write(CaseData::create(QStringLiteral("theirs")), file, &error));
        const QString theirs = sha256Of(file);
        QTRY_COMPARE_WITH_TIMEOUT(a.changes.size(), 1, 10000); // announced, answered Cancel
        QCOMPARE(w.document()->meta().title, QStringLiteral("mine"));

        QVERIFY(!w.controller()->save());
        QCOMPARE(a.changes.size(), 2); // the save asks again rather than overwrite
        QVERIFY2(a.changes.last().contains(QStringLiteral("was not overwritten")), qPrintable(a.changes.last()));
        QCOMPARE(sha256Of(file), theirs);

        // Keep mine as a new file.
        const QString mine = path("replaced-mine.inquest");
        w.controller()->askPath = [&](bool) { return mine; };
        a.changedAnswer = Changed::KeepMineAsNew;
        QVERIFY(w.controller()->save());
        QCOMPARE(casefile::read(mine, &error)->meta.title, QStringLiteral("mine"));
        QCOMPARE(sha256Of(file), theirs);
        QCOMPARE(w.document()->filePath(), QFileInfo(mine).absoluteFilePath());
    }

    void reportWithUnsavedChangesSaysSoAndCitesWhatItShows()
    {
        const QString file = makeCase(path("report.inquest"));
        MainWindow w;
        Answers a;
        answerFor(w, a);
        QVERIFY(w.controller()->open(file));
        const QString onDisk = sha256Of(file);
        edit::setTitle(w.document(), QStringLiteral("Edited, not saved"));

        int asked = 0;
        w.controller()->askSaveBeforeReport = [&] {
            ++asked;
            return DocumentController::SaveAnswer::Cancel;
        };
        QVERIFY(!w.makeExportDialog());
        QCOMPARE(asked, 1);

        // Declined: the report says so and cites the state it shows, not the file.
        w.controller()->askSaveBeforeReport = [] { return DocumentController::SaveAnswer::Discard; };
        {
            const std::unique_ptr<ExportDialog> dialog = w.makeExportDialog();
            QVERIFY(dialog);
            QString error;
            const QString state = casefile::stateSha256(w.document()->data(), &error);
            QVERIFY(!state.isEmpty() && state != onDisk);
            const QString out = path("unsaved.html");
            QVERIFY2(dialog->exportHtml(out, &error), qPrintable(error));
            const QString html = readText(out);
            QVERIFY(html.contains(QStringLiteral("Edited, not saved")));
            QVERIFY(html.contains(QStringLiteral("unsaved changes")));
            QVERIFY(html.contains(state));
            QVERIFY(!html.contains(onDisk));
            QVERIFY(html.contains(w.document()->custody().last().hash)); // the custody head
            QVERIFY(w.document()->isModified());
            QCOMPARE(sha256Of(file), onDisk);
        }

        // Accepted: saved first, and the report cites the saved file.
        w.controller()->askSaveBeforeReport = [] { return DocumentController::SaveAnswer::Save; };
        const std::unique_ptr<ExportDialog> dialog = w.makeExportDialog();
        QVERIFY(dialog);
        QVERIFY(!w.document()->isModified());
        QString error;
        const QString out = path("saved.html");
        QVERIFY2(dialog->exportHtml(out, &error), qPrintable(error));
        const QString html = readText(out);
        QVERIFY(!html.contains(QStringLiteral("unsaved changes")));
        QVERIFY(html.contains(sha256Of(file)));
        QVERIFY(sha256Of(file) != onDisk);
    }

    // File → Verify Case File: the CLI's verify, with the expected head that catches a rollback.
    void verifyInTheWorkbenchCatchesARollback()
    {
        const QString file = makeCase(path("rollback.inquest"));
        const QString older = path("rollback-older.inquest");
        QVERIFY(QFile::copy(file, older));
        const auto r = testing::runInquest({QStringLiteral("analyze"), file, QStringLiteral("--accept")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QString error;
        const QString head = casefile::read(file, &error)->custody.last().hash;

        const auto run = [&](const QString &expected) {
            VerifyDialog dialog(file);
            dialog.setExpectedHead(expected);
            QSignalSpy done(&dialog, &VerifyDialog::finished);
            dialog.verify();
            if (!done.wait(20000))
                return std::pair{false, QStringLiteral("verify did not finish")};
            return std::pair{done.first().first().toBool(), dialog.resultText()};
        };
        const auto current = run(head);
        QVERIFY2(current.first, qPrintable(current.second));
        QVERIFY(current.second.contains(QStringLiteral("custody head %1").arg(head)));

        QVERIFY(QFile::remove(file) && QFile::copy(older, file)); // rolled back
        const auto intact = run({});
        QVERIFY2(intact.first, qPrintable(intact.second)); // the older chain on its own is intact
        const auto rolledBack = run(head);
        QVERIFY(!rolledBack.first);
        QVERIFY2(rolledBack.second.contains(QStringLiteral("does not contain the expected head %1").arg(head)),
                 qPrintable(rolledBack.second));
    }

    void wheelOverAnUnfocusedComboChangesNothing()
    {
        const QString file = makeCase(path("wheel.inquest"));
        MainWindow w;
        Answers a;
        answerFor(w, a);
        QVERIFY(w.controller()->open(file));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Id id = w.document()->evidence().first().id;
        w.evidenceDock()->showEvidence(id);
        QComboBox *relevance = w.evidenceDock()->detail()->relevanceCombo();
        QCOMPARE(relevance->currentIndex(), int(Relevance::Medium));
        QVERIFY(!relevance->hasFocus());

        const auto turn = [&] {
            const QPoint local = relevance->rect().center();
            QWheelEvent wheel(QPointF(local), QPointF(relevance->mapToGlobal(local)), QPoint(), QPoint(0, -120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(relevance, &wheel);
        };
        turn();
        QCOMPARE(relevance->currentIndex(), int(Relevance::Medium));
        QCOMPARE(int(w.document()->evidence().first().relevance), int(Relevance::Medium));
        QVERIFY(!w.document()->isModified());
        // A click or Tab focuses a field, the wheel does not.
        QCOMPARE(relevance->focusPolicy(), Qt::StrongFocus);
        for (QWidget *field : w.findChildren<QWidget *>()) {
            if (qobject_cast<QComboBox *>(field) || qobject_cast<QAbstractSpinBox *>(field))
                QVERIFY2(field->focusPolicy() != Qt::WheelFocus, qPrintable(field->objectName()));
        }

        // Focused (clicked or tabbed to), the wheel is the analyst's: the same event edits.
        QApplication::setActiveWindow(&w);
        relevance->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(relevance->hasFocus());
        turn();
        QCOMPARE(int(w.document()->evidence().first().relevance), int(Relevance::High));
    }
};

QTEST_MAIN(TestCaseSafety)
#include "tst_casesafety.moc"

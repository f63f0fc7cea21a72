// Analysis ▸ Analyze in the workbench, as an analyst runs it: an outage folder (generated access
// logs, the hand-written datacenter syslog) imported through the import job, then Analyze from
// the menu. The run lands as one undo step, finds what `inquest analyze` finds on the same case,
// marks the outage window on the chart, and a cancelled run changes nothing. Screenshots of the
// run and its result go to INQUEST_SCREENSHOT_DIR (default: the temp directory).
#include "docks/analyzepanel.h"
#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "mainwindow.h"

#include "analysis/analyzejob.h"
#include "casefile/casefile.h"
#include "ingest/importjob.h"
#include "ingest/inputfiles.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include "testlib/clirunner.h"
#include "testlib/outagefolder.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace inquest;
using namespace inquest::testing;

namespace {

bool fromDetector(const Evidence &e) { return e.origin.startsWith(QStringLiteral("detector:")); }

QList<Evidence> suggestions(const CaseDocument &doc)
{
    QList<Evidence> list;
    for (const Evidence &e : doc.evidence()) {
        if (fromDetector(e) && e.state == EvidenceState::Suggested)
            list.append(e);
    }
    return list;
}

// "title | reason | kind=rating …": what a person compares between two runs.
QString describe(const QString &title, const QString &reason, const QMap<QString, QString> &ratings)
{
    QStringList r;
    for (auto it = ratings.cbegin(); it != ratings.cend(); ++it)
        r.append(it.key() + u'=' + it.value());
    return title + QStringLiteral(" | ") + reason + QStringLiteral(" | ") + r.join(u' ');
}

} // namespace

class TestAnalyzeFlow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_folder;

    // The folder imported through the import job, as the Import dialog does it.
    static bool importFolder(CaseDocument &doc, const QString &folder)
    {
        ImportJob job(expandInputPaths({folder}).files, ImportOptions{});
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        if (!finished.wait(120000) && finished.isEmpty())
            return false;
        return job.applyTo(doc) == 4;
    }

    static AnalyzePanel *panelOf(MainWindow &w) { return w.evidenceDock()->analyzePanel(); }

    static QAction *analyzeAction(MainWindow &w)
    {
        // The menu's action (Analysis ▸ Analyze) is the dock's button.
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->objectName() == u"actionAnalyze")
                return a;
        }
        return nullptr;
    }

    static QString screenshot(const QString &name)
    {
        return QDir(qEnvironmentVariable("INQUEST_SCREENSHOT_DIR", QDir::tempPath())).filePath(name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
        m_folder = m_dir.filePath(QStringLiteral("incident"));
        QVERIFY(writeOutageFolder(m_folder));
    }

    void analyzeIsOneUndoStepWithTheOutageMarked()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(importFolder(*w.document(), m_folder));
        const int steps = w.document()->undoStack()->count();
        QVERIFY(w.document()->evidence().isEmpty());

        QAction *analyze = analyzeAction(w);
        QVERIFY(analyze);
        QCOMPARE(analyze->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
        AnalyzePanel *panel = panelOf(w);
        QSignalSpy progress(panel->job(), &AnalyzeJob::progressChanged);
        QSignalSpy finished(panel->job(), &AnalyzeJob::finished);
        analyze->trigger();
        QVERIFY(!analyze->isEnabled()); // one run at a time
        QVERIFY(panel->progressBar()->isVisible());
        QVERIFY(panel->cancelButton()->isVisible());
        // A step under way, for the screenshot (a fast run may be past it already).
        while (panel->job()->isRunning() && (progress.isEmpty() || progress.last().at(0).toInt() == 0))
            progress.wait(50);
        QVERIFY(w.grab().save(screenshot(QStringLiteral("inquest-analyze-running.png"))));
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QVERIFY(analyze->isEnabled());
        QVERIFY(!panel->progressBar()->isVisible());

        // Suggestions, not decisions; the hardware faults of the syslog among them; the outage
        // window on the chart as a detector marker.
        const QList<Evidence> suggested = suggestions(*w.document());
        QVERIFY2(suggested.size() >= 3, qPrintable(panel->statusLabel()->text()));
        QCOMPARE(suggested.size(), w.document()->evidence().size());
        bool hardware = false;
        for (const Evidence &e : suggested) {
            QVERIFY(!e.reason.isEmpty());
            QVERIFY(!e.ratings.isEmpty()); // rated against the case's hypotheses, editable in place
            hardware |= e.title.startsWith(QStringLiteral("Hardware faults in the system log"));
        }
        QVERIFY(hardware);
        QVERIFY(!w.document()->markers().isEmpty());
        for (const Marker &m : w.document()->markers())
            QVERIFY(m.origin.startsWith(QStringLiteral("detector:")));
        const QString status = panel->statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("%1 suggestion(s) added").arg(suggested.size())), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("2010-12-12T21:0")), qPrintable(status)); // the window begins 21:0x
        QVERIFY2(status.contains(QStringLiteral("www.shop.co.uk")), qPrintable(status));
        // The board shows the first suggestion, ready to accept or re-rate.
        QCOMPARE(w.evidenceDock()->matrix()->currentId(), suggested.first().id);
        QTest::qWait(100);
        QVERIFY(w.grab().save(screenshot(QStringLiteral("inquest-analyze-result.png"))));
        // Docked narrow: the result wraps rather than widening the dock.
        EvidenceDock *dock = w.evidenceDock();
        dock->setFloating(true);
        dock->resize(520, 560);
        QTest::qWait(50);
        QVERIFY(panel->statusLabel()->width() < 520);
        QVERIFY(dock->grab().save(screenshot(QStringLiteral("inquest-analyze-result-narrow.png"))));
        dock->setFloating(false);

        // One undo step: undo removes every suggestion and marker, redo brings them back.
        QCOMPARE(w.document()->undoStack()->count(), steps + 1);
        const QList<Evidence> before = w.document()->evidence();
        const qsizetype markers = w.document()->markers().size();
        w.document()->undoStack()->undo();
        QVERIFY(w.document()->evidence().isEmpty());
        QVERIFY(w.document()->markers().isEmpty());
        w.document()->undoStack()->redo();
        QCOMPARE(w.document()->evidence(), before);
        QCOMPARE(w.document()->markers().size(), markers);

        // A second run replaces the untouched suggestions, keeps decided and edited ones, and
        // adds no duplicates.
        const Id accepted = suggested[0].id;
        const Id edited = suggested[1].id;
        w.evidenceDock()->matrix()->selectEvidence(accepted);
        w.evidenceDock()->acceptSelected();
        const Hypothesis &h = w.document()->hypotheses().first();
        const Rating was = w.document()->find<Evidence>(edited)->rating(h.id);
        edit::setRating(w.document(), edited, h.id, was == Rating::II ? Rating::CC : Rating::II);
        analyze->trigger();
        QVERIFY(finished.wait(120000) || finished.size() == 2);
        QCOMPARE(w.document()->evidence().size(), before.size());
        QVERIFY(w.document()->find<Evidence>(accepted));
        QVERIFY(w.document()->find<Evidence>(edited));
        QCOMPARE_NE(w.document()->find<Evidence>(edited)->rating(h.id), was);
        QCOMPARE(w.document()->markers().size(), markers);
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("2 already accepted, rejected or edited")),
                 qPrintable(panel->statusLabel()->text()));
    }

    void findsWhatTheCommandLineFinds()
    {
        MainWindow w;
        QVERIFY(importFolder(*w.document(), m_folder));
        const QString path = m_dir.filePath(QStringLiteral("same.inquest"));
        QString error;
        QVERIFY2(casefile::save(*w.document(), path, &error), qPrintable(error));

        QSignalSpy finished(panelOf(w)->job(), &AnalyzeJob::finished);
        panelOf(w)->analyze();
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QStringList gui;
        for (const Evidence &e : suggestions(*w.document())) {
            QMap<QString, QString> r;
            for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it)
                r.insert(toString(it.key()), toString(it.value()));
            gui.append(describe(e.title, e.reason, r));
        }

        const CliRun run = runInquest({QStringLiteral("analyze"), path, QStringLiteral("--json")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QStringList cli;
        for (const QJsonValue &v : root.value(QStringLiteral("suggestions")).toArray()) {
            const QJsonObject e = v.toObject();
            QMap<QString, QString> r;
            const QJsonObject ratings = e.value(QStringLiteral("ratings")).toObject();
            for (auto it = ratings.begin(); it != ratings.end(); ++it)
                r.insert(it.key(), it.value().toString());
            cli.append(
                describe(e.value(QStringLiteral("title")).toString(), e.value(QStringLiteral("reason")).toString(), r));
        }
        QVERIFY(!cli.isEmpty());
        QCOMPARE(gui, cli);
        QCOMPARE(w.document()->markers().size(), qsizetype(root.value(QStringLiteral("markers")).toInt()));
        // The custody chain records the run the same way.
        QCOMPARE(w.document()->custody().last().action, QStringLiteral("analyze"));
    }

    void cancelLeavesTheCaseUntouched()
    {
        MainWindow w;
        QVERIFY(importFolder(*w.document(), m_folder));
        const CaseData before = w.document()->data();
        const int steps = w.document()->undoStack()->count();
        AnalyzePanel *panel = panelOf(w);
        QSignalSpy finished(panel->job(), &AnalyzeJob::finished);
        panel->analyzeAction()->trigger();
        QVERIFY(panel->job()->isRunning());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000) || !finished.isEmpty());
        QVERIFY(w.document()->data().sameAs(before));
        QCOMPARE(w.document()->custody().size(), before.custody.size());
        QCOMPARE(w.document()->undoStack()->count(), steps);
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("cancelled")),
                 qPrintable(panel->statusLabel()->text()));
        QVERIFY(panel->analyzeAction()->isEnabled()); // and it can run again
    }
};

QTEST_MAIN(TestAnalyzeFlow)
#include "tst_analyzeflow.moc"

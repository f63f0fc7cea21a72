// Case ▸ Properties and the Help menu, used as a new analyst would: through the menus.
#include "dialogs/casepropertiesdialog.h"
#include "help/helpcontent.h"
#include "help/helpdialog.h"
#include "mainwindow.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "scoring/scoringsettings.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace inquest;

class TestCaseHelp : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    template <typename T> static T *openedDialog()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
    }

    void propertiesAreOneUndoStepAndSaved()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString before = w.document()->meta().title;
        w.findChild<QAction *>(QStringLiteral("actionCaseProperties"))->trigger();
        auto *dialog = openedDialog<CasePropertiesDialog>();
        QVERIFY(dialog);
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("caseTitle"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        title->clear();
        QVERIFY2(!ok->isEnabled(), "a case needs a title");
        QTest::keyClicks(title, QStringLiteral("EU storefront outage"));
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("caseAnalyst")), QStringLiteral("R. Analyst"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("caseNumber")), QStringLiteral("INC-2010-1212"));
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("caseNotes")),
                         QStringLiteral("UK, DE, FR, ES"));
        const int steps = w.document()->undoStack()->count();
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/case-properties.png")));
        ok->click();
        QCOMPARE(w.document()->meta().title, QStringLiteral("EU storefront outage"));
        QCOMPARE(w.document()->meta().analyst, QStringLiteral("R. Analyst"));
        QCOMPARE(w.document()->meta().caseNumber, QStringLiteral("INC-2010-1212"));
        QCOMPARE(w.document()->meta().description, QStringLiteral("UK, DE, FR, ES"));
        QCOMPARE(w.document()->undoStack()->count(), steps + 1);
        QVERIFY(w.windowTitle().contains(QStringLiteral("EU storefront outage")));

        // Saved and read back: the case number and notes are kept.
        const QString file = m_dir.filePath(QStringLiteral("props.inquest"));
        QString error;
        QVERIFY2(casefile::save(*w.document(), file, &error), qPrintable(error));
        const auto data = casefile::read(file, &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->meta.caseNumber, QStringLiteral("INC-2010-1212"));
        QCOMPARE(data->meta.analyst, QStringLiteral("R. Analyst"));

        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->meta().title, before);
        QCOMPARE(w.document()->meta().caseNumber, QString());
    }

    void helpMenuOpensEveryTopic()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const char *page : {"first-case", "ratings", "scores", "grades", "shortcuts"}) {
            auto *action = w.findChild<QAction *>(QStringLiteral("actionHelp-%1").arg(QLatin1StringView(page)));
            QVERIFY2(action, page);
            action->trigger();
            auto *dialog = openedDialog<HelpDialog>();
            QVERIFY2(dialog, page);
            QVERIFY2(dialog->currentHtml().size() > 400, page);
            if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
                QVERIFY(dialog->grab().save(dir + QStringLiteral("/help-%1.png").arg(QLatin1StringView(page))));
            dialog->close();
            QApplication::processEvents();
        }
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("actionHelp-first-case"))->shortcut(),
                 QKeySequence(QKeySequence::HelpContents));
    }

    void shortcutsPageListsTheWindowsShortcutsAndTheRatingKeys()
    {
        MainWindow w;
        const QString html = help::shortcutsPage(&w);
        // Every menu action with a shortcut is listed with its keys.
        int listed = 0;
        for (const QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcut().isEmpty() || a->text().isEmpty())
                continue;
            QVERIFY2(html.contains(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()),
                     qPrintable(a->text()));
            ++listed;
        }
        QVERIFY(listed >= 6);
        for (const char *text : {"Import Logs", "very consistent", "not applicable", "clear the rating"})
            QVERIFY2(html.contains(QLatin1StringView(text)), text);
    }

    void pagesFollowTheCasesWeights()
    {
        ScoringSettings s;
        s.reliability[0] = 0.9;
        QVERIFY(help::gradesPage(s).contains(QStringLiteral("<td>0.9</td>")));
        QVERIFY(help::gradesPage(ScoringSettings{}).contains(QStringLiteral("<td>1</td>")));
        const QString scores = help::scoresPage(ScoringSettings{});
        QVERIFY(scores.contains(QStringLiteral("\u00d74"))); // CC's default likelihood ratio
        QVERIFY(scores.contains(QStringLiteral("tie")));
    }
};

QTEST_MAIN(TestCaseHelp)
#include "tst_casehelp.moc"

// The case's own bits on an imported case, as a new analyst meets them: access logs of the
// shop whose outage an article reports (written by testlib/outagefolder.h's generator), then
// the article (tests/data/news/amazon-europe-outage.txt) through the Statements dock. The shop's
// own spokeswoman starts graded B3, the activists stay unknown (F6); Make evidence gives a
// suggested item; the publication-date picker opens at the article's date and takes a typed
// one; Case ▸ Properties names the case and Save As offers that name; F1 opens the help; the
// Scoring dock says in words how far its most sensitive item would have to move.
#include "testlib/importedoutage.h"

#include "dialogs/casepropertiesdialog.h"
#include "docks/articledetails.h"
#include "docks/scoringdock.h"
#include "docks/statementsdock.h"
#include "documentcontroller.h"
#include "help/helpdialog.h"
#include "mainwindow.h"
#include "models/statementsmodel.h"

#include "model/evidenceedits.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace inquest;

namespace {

const QString Article = QStringLiteral(INQUEST_TEST_DATA "/news/amazon-europe-outage.txt");

const Statement *statementWith(const CaseDocument *doc, const QString &words)
{
    for (const Statement &s : doc->statements()) {
        if (s.quote.contains(words))
            return &s;
    }
    return nullptr;
}

template <typename T> T *openedDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}

} // namespace

class TestImportedWorkflow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    StatementsDock *statements() const { return m_window->findChild<StatementsDock *>(); }
    CaseDocument *doc() const { return m_window->document(); }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"InquestImportedWorkflow"_qs);
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The affected shops' logs, named as their servers name them.
        quint32 seed = 11;
        for (const char *site : {"www.amazon.co.uk", "www.amazon.de"}) {
            const QString path = m_dir.filePath(QLatin1StringView(site) + u"-access.log"_qs);
            testing::writeAccessLog(path, true, seed++);
            QVERIFY(testing::importInto(doc(), path));
        }
        QSignalSpy done(statements(), &StatementsDock::importFinished);
        statements()->askFiles = [] { return QStringList{Article}; };
        statements()->toolBar()->actions().first()->trigger(); // "Import…"
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toInt(), 1);
    }

    void cleanupTestCase() { m_window.reset(); }

    void theShopSpeakingForItselfStartsAtB3()
    {
        const Statement *shop = statementWith(doc(), u"not the result of a DDoS attempt"_qs);
        QVERIFY(shop);
        QCOMPARE(shop->organisation, u"Amazon"_qs);
        QCOMPARE(shop->reliability, QChar(u'B'));
        QCOMPARE(shop->credibility, 3);
        // Someone else's word about the shop is not the shop's: unknown until graded.
        const Statement *activists = statementWith(doc(), u"We chose not to attack"_qs);
        QVERIFY(activists);
        QVERIFY(!(activists->reliability == u'B' && activists->credibility == 3));
        // The grade column says it, as the analyst sees it.
        StatementsModel *model = statements()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->recordAt(r)->id == shop->id)
                QCOMPARE(model->data(model->index(r, StatementsModel::Grade)).toString(), u"B3"_qs);
        }
    }

    void makeEvidenceGivesASuggestedItem()
    {
        StatementsModel *model = statements()->model();
        const Statement *shop = statementWith(doc(), u"not the result of a DDoS attempt"_qs);
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->recordAt(r)->id == shop->id)
                statements()->view()->setCurrentIndex(model->index(r, 0));
        }
        statements()->confirmStance();
        const Id id = statements()->makeEvidence();
        const Evidence *e = doc()->find<Evidence>(id);
        QVERIFY(e);
        QCOMPARE(toString(e->state), toString(EvidenceState::Suggested));
        QCOMPARE(e->reliability, QChar(u'B'));
        QCOMPARE(e->credibility, 3);
        QCOMPARE(e->provenance.statementId, shop->id);
    }

    void theDatePickerOpensAtTheArticlesDate()
    {
        ArticleDetails *details = statements()->articleDetails();
        QDateEdit *date = details->dateEdit();
        QCOMPARE(date->date(), QDate(2010, 12, 13));
        statements()->raise();
        QTRY_VERIFY(date->isVisible());
        QTest::mouseClick(date, Qt::LeftButton, {}, QPoint(date->width() - 6, date->height() / 2)); // the arrow
        QTRY_VERIFY(date->calendarWidget()->isVisible());
        QCOMPARE(date->calendarWidget()->yearShown(), 2010);
        QCOMPARE(date->calendarWidget()->monthShown(), 12);
        date->calendarWidget()->window()->hide();
        // A typed date is taken, and is one undo step.
        date->setFocus();
        date->selectAll();
        QTest::keyClicks(date, u"2010-12-14"_qs);
        QCOMPARE(date->date(), QDate(2010, 12, 14));
    }

    void propertiesNameTheCaseAndSaveAsOffersIt()
    {
        m_window->findChild<QAction *>(u"actionCaseProperties"_qs)->trigger();
        auto *dialog = openedDialog<CasePropertiesDialog>();
        QVERIFY(dialog);
        auto *title = dialog->findChild<QLineEdit *>(u"caseTitle"_qs);
        title->clear();
        QTest::keyClicks(title, u"Amazon EU outage 12/12"_qs);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"caseAnalyst"_qs), u"R. Analyst"_qs);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(doc()->meta().title, u"Amazon EU outage 12/12"_qs);
        QCOMPARE(doc()->meta().analyst, u"R. Analyst"_qs);
        QCOMPARE(QFileInfo(m_window->controller()->suggestedSavePath()).fileName(),
                 u"Amazon EU outage 12-12.inquest"_qs);
    }

    void f1OpensTheGuide()
    {
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QTRY_VERIFY(openedDialog<HelpDialog>());
        HelpDialog *help = openedDialog<HelpDialog>();
        QVERIFY(help->currentHtml().size() > 400);
        help->close();
    }

    void theMostSensitiveItemIsSaidInWords()
    {
        // The shop's statement, accepted: the summary names it and says what would change.
        QList<Id> ids;
        for (const Evidence &e : doc()->evidence())
            ids.append(e.id);
        edit::setEvidenceStates(doc(), ids, EvidenceState::Accepted);
        auto *scoring = m_window->findChild<ScoringDock *>();
        QTRY_VERIFY(scoring->result().counted >= 1);
        const QString summary = scoring->summaryLabel()->text();
        QVERIFY2(summary.contains(u"Most sensitive item: if \u201c"_qs), qPrintable(summary));
        QVERIFY2(summary.contains(u"would draw level with the leader"_qs), qPrintable(summary));
        QVERIFY2(!summary.contains(u"\u00d7"_qs), qPrintable(summary)); // no bare "×0.00"
        // Each size of change reads as a sentence.
        QCOMPARE(
            ScoringDock::sensitivitySentence(u"PSU failed"_qs, 0.0, u"DDoS attack"_qs),
            u"Most sensitive item: if \u201cPSU failed\u201d were not counted at all, DDoS attack would draw level "
            "with the leader."_qs);
        QCOMPARE(ScoringDock::sensitivitySentence(u"PSU failed"_qs, 0.25, u"DDoS attack"_qs),
                 u"Most sensitive item: if \u201cPSU failed\u201d counted for only 25% of its weight, DDoS attack "
                 "would draw level with the leader."_qs);
        QCOMPARE(ScoringDock::sensitivitySentence(u"PSU failed"_qs, 3.0, u"DDoS attack"_qs),
                 u"Most sensitive item: if \u201cPSU failed\u201d counted 3.0 times as much, DDoS attack would draw "
                 "level with the leader."_qs);
    }
};

QTEST_MAIN(TestImportedWorkflow)
#include "tst_importedworkflow.moc"

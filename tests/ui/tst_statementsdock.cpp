#include "docks/articledetails.h"
#include "docks/statementsdock.h"
#include "models/statementsmodel.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QColor>
#include <QDateEdit>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>

using namespace inquest;

namespace {

const QString Reference = QStringLiteral(INQUEST_TEST_DATA "/news/amazon-europe-outage.txt");

int rowWithQuote(const StatementsModel *model, const QString &words)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->recordAt(r)->quote.contains(words))
            return r;
    }
    return -1;
}

} // namespace

class TestStatementsDock : public QObject
{
    Q_OBJECT

private:
    // A dock over a fresh case with the reference article imported as a user would.
    void importReference(CaseDocument &doc, StatementsDock &dock)
    {
        QSignalSpy done(&dock, &StatementsDock::importFinished);
        dock.askFiles = [] { return QStringList{Reference}; };
        const auto actions = dock.toolBar()->actions();
        actions.first()->trigger(); // "Import…"
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toInt(), 1);
        QVERIFY(doc.statements().size() >= 8);
    }

private slots:
    void importHighlightsAndModelIsSound()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        importReference(doc, dock);
        QCOMPARE(doc.sources().size(), 1);
        QCOMPARE(dock.currentArticle(), doc.sources().first().id);
        // The article is shown as plain text, every statement span highlighted.
        QCOMPARE(dock.articleView()->toPlainText(), doc.sources().first().text);
        QCOMPARE(dock.articleView()->extraSelections().size(), doc.statements().size());
        // One undo removes the whole import.
        doc.undoStack()->undo();
        QVERIFY(doc.statements().isEmpty());
        QVERIFY(doc.sources().isEmpty());
        QVERIFY(dock.articleView()->toPlainText().isEmpty());
        doc.undoStack()->redo();
        QVERIFY(doc.statements().size() >= 8);
    }

    void editGradeAndStance()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        importReference(doc, dock);
        StatementsModel *model = dock.model();
        const int row = rowWithQuote(model, QStringLiteral("not the result of a DDoS attempt"));
        QVERIFY(row >= 0);
        const Id id = model->idAt(row);
        QVERIFY(!model->setData(model->index(row, StatementsModel::Grade), QStringLiteral("G9")));
        QVERIFY(model->setData(model->index(row, StatementsModel::Grade), QStringLiteral("b2")));
        QCOMPARE(doc.find<Statement>(id)->reliability, QChar(u'B'));
        QCOMPARE(doc.find<Statement>(id)->credibility, 2);
        QCOMPARE(model->data(model->index(row, StatementsModel::Grade)).toString(), QStringLiteral("B2"));
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Statement>(id)->reliability, QChar(u'F'));
        doc.undoStack()->redo();

        // Confirm the suggestion from the tool bar, as a user would.
        dock.view()->setCurrentIndex(model->index(row, 0));
        QVERIFY(!doc.find<Statement>(id)->stanceConfirmed);
        QVERIFY(model->data(model->index(row, StatementsModel::Stance)).toString().endsWith(u" ?"));
        dock.confirmStance();
        QVERIFY(doc.find<Statement>(id)->stanceConfirmed);
        QCOMPARE(model->data(model->index(row, StatementsModel::Stance)).toString(),
                 QStringLiteral("strongly supports hardware; strongly against ddos"));
        // Editing the stance text is a confirmed stance too.
        QVERIFY(model->setData(model->index(row, StatementsModel::Stance), QStringLiteral("supports network")));
        QCOMPARE(toString(doc.find<Statement>(id)->stance.value(HypothesisKind::Network)), toString(Rating::C));
        QVERIFY(!model->setData(model->index(row, StatementsModel::Stance), QStringLiteral("supports unicorns")));
        dock.rejectStance();
        QVERIFY(doc.find<Statement>(id)->stance.isEmpty());
        QVERIFY(doc.find<Statement>(id)->stanceConfirmed);
    }

    void makeEvidenceMapsStanceToHypotheses()
    {
        CaseDocument doc; // default hypotheses: hardware failure, DDoS attack
        StatementsDock dock(&doc);
        importReference(doc, dock);
        const int row = rowWithQuote(dock.model(), QStringLiteral("not the result of a DDoS attempt"));
        dock.view()->setCurrentIndex(dock.model()->index(row, 0));
        dock.model()->setData(dock.model()->index(row, StatementsModel::Grade), QStringLiteral("B2"));
        dock.confirmStance();
        const Id evidenceId = dock.makeEvidence();
        const Evidence *e = doc.find<Evidence>(evidenceId);
        QVERIFY(e);
        QCOMPARE(e->provenance.statementId, dock.model()->idAt(row));
        QCOMPARE(e->reliability, QChar(u'B'));
        QCOMPARE(e->credibility, 2);
        // Suggested even with a confirmed stance: a claim counts only once the analyst accepts it.
        QCOMPARE(toString(e->state), toString(EvidenceState::Suggested));
        QVERIFY(e->reason.contains(QStringLiteral("stance confirmed")));
        for (const Hypothesis &h : doc.hypotheses()) {
            if (h.kind == HypothesisKind::Hardware)
                QCOMPARE(toString(e->rating(h.id)), toString(Rating::CC));
            if (h.kind == HypothesisKind::Ddos)
                QCOMPARE(toString(e->rating(h.id)), toString(Rating::II));
        }
        // An unconfirmed stance gives suggested evidence.
        const int other = rowWithQuote(dock.model(), QStringLiteral("We chose not to attack"));
        dock.view()->setCurrentIndex(dock.model()->index(other, 0));
        const Evidence *suggested = doc.find<Evidence>(dock.makeEvidence());
        QCOMPARE(toString(suggested->state), toString(EvidenceState::Suggested));
    }

    void splitMergeDeleteAddAreUndoable()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        importReference(doc, dock);
        StatementsModel *model = dock.model();
        const int count = int(doc.statements().size());
        const int row = rowWithQuote(model, QStringLiteral("not the result of a DDoS attempt"));
        const Statement original = *model->recordAt(row);
        dock.view()->setCurrentIndex(model->index(row, 0));
        // Split at ", and it was not": the parts carry their own stance.
        QTextCursor cursor = dock.articleView()->textCursor();
        const qsizetype at = doc.sources().first().text.indexOf(QStringLiteral("and it was not"), original.offset);
        cursor.setPosition(int(at));
        dock.articleView()->setTextCursor(cursor);
        dock.splitCurrent();
        QCOMPARE(doc.statements().size(), count + 1);
        const Statement &first = doc.statements()[row];
        const Statement &second = doc.statements()[row + 1];
        QCOMPARE(first.offset + first.length, at);
        QCOMPARE(toString(first.stance.value(HypothesisKind::Hardware)), toString(Rating::CC));
        QVERIFY(!first.stance.contains(HypothesisKind::Ddos));
        QCOMPARE(toString(second.stance.value(HypothesisKind::Ddos)), toString(Rating::II));
        QCOMPARE(second.organisation, QStringLiteral("Amazon"));

        // Merge them back.
        dock.view()->selectionModel()->select(QItemSelection(model->index(row, 0), model->index(row + 1, 0)),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        dock.mergeSelected();
        QCOMPARE(doc.statements().size(), count);
        QCOMPARE(doc.statements()[row].offset, original.offset);
        QCOMPARE(doc.statements()[row].length, original.length);
        doc.undoStack()->undo(); // merge
        doc.undoStack()->undo(); // split
        QCOMPARE(doc.statements()[row], original);

        // Delete, then undo.
        dock.view()->selectionModel()->select(model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        dock.deleteSelected();
        QCOMPARE(doc.statements().size(), count - 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.statements()[row], original);

        // Add by hand from a selection of the article.
        const QString &text = doc.sources().first().text;
        const qsizetype from = text.indexOf(QStringLiteral("Security researchers said"));
        const qsizetype to = text.indexOf(u'.', from) + 1;
        cursor.setPosition(int(from));
        cursor.setPosition(int(to), QTextCursor::KeepAnchor);
        dock.articleView()->setTextCursor(cursor);
        dock.addStatement();
        QCOMPARE(doc.statements().size(), count + 1);
        const Statement &added = doc.statements().last();
        QCOMPARE(added.offset, from);
        QCOMPARE(added.speaker, QStringLiteral("Security researchers"));
        QVERIFY(!added.stance.contains(HypothesisKind::Ddos));
        doc.undoStack()->undo();
        QCOMPARE(doc.statements().size(), count);
    }

    void editArticleDateReResolvesTimesAndUndoes()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        importReference(doc, dock);
        dock.resize(1500, 560);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        ArticleDetails *details = dock.articleDetails();
        const Id article = doc.sources().first().id;
        QCOMPARE(details->article(), article);
        QCOMPARE(details->dateEdit()->date(), QDate(2010, 12, 13));
        QCOMPARE(details->titleEdit()->text(), doc.sources().first().title);

        StatementsModel *model = dock.model();
        const int planned = rowWithQuote(model, QStringLiteral("planning an attack"));
        const int report = rowWithQuote(model, QStringLiteral("could not reach Amazon"));
        QVERIFY(planned >= 0 && report >= 0);
        const QString plannedBefore = model->index(planned, StatementsModel::Time).data().toString();
        const QString reportBefore = model->index(report, StatementsModel::Time).data().toString();
        QVERIFY(plannedBefore.startsWith(QStringLiteral("2010-12-11"))); // "this weekend" before Monday 13th
        const int steps = doc.undoStack()->count();

        // A week later, as a user sets it: the day section up seven times, a time, a zone, Apply.
        details->dateEdit()->setFocus();
        details->dateEdit()->setCurrentSection(QDateTimeEdit::DaySection);
        for (int i = 0; i < 7; ++i)
            QTest::keyClick(details->dateEdit(), Qt::Key_Up);
        QCOMPARE(details->dateEdit()->date(), QDate(2010, 12, 20));
        QTest::keyClicks(details->timeEdit(), QStringLiteral("09:30"));
        QTest::keyClicks(details->zoneEdit(), QStringLiteral("Europe/London"));
        QTest::keyClicks(details->urlEdit(), QStringLiteral("https://gazette.example/eu"));
        QTest::mouseClick(details->applyButton(), Qt::LeftButton);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        const Source *s = doc.find<Source>(article);
        QCOMPARE(s->published, QDate(2010, 12, 20));
        QCOMPARE(s->publishedTime, QTime(9, 30));
        QCOMPARE(s->timeZone, QStringLiteral("Europe/London"));
        QCOMPARE(s->url, QStringLiteral("https://gazette.example/eu"));
        QVERIFY(
            model->index(planned, StatementsModel::Time).data().toString().startsWith(QStringLiteral("2010-12-18")));
        QCOMPARE(model->index(report, StatementsModel::Time).data().toString(), reportBefore); // a dated time

        // One undo: the date, time, zone, URL and every re-resolved time come back, in the fields too.
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Source>(article)->published, QDate(2010, 12, 13));
        QCOMPARE(model->index(planned, StatementsModel::Time).data().toString(), plannedBefore);
        QCOMPARE(details->dateEdit()->date(), QDate(2010, 12, 13));
        QVERIFY(details->timeEdit()->text().isEmpty());
        QVERIFY(details->zoneEdit()->text().isEmpty());
        QVERIFY(details->urlEdit()->text().isEmpty());
        doc.undoStack()->redo();
        QCOMPARE(details->dateEdit()->date(), QDate(2010, 12, 20));
        QCOMPARE(details->timeEdit()->text(), QStringLiteral("09:30"));
    }

    // An article without a date: typing a date works, and the calendar opens on today's month,
    // not on the "no date" placeholder's year 1900.
    void noDateTypedAndCalendarOpensToday()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        dock.importData(QByteArrayLiteral("Outage\n\nThe shop said: \u201cWe are back.\u201d\n"),
                        QStringLiteral("undated.txt"));
        QTRY_VERIFY(!doc.sources().isEmpty());
        dock.resize(1500, 560);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QDateEdit *date = dock.articleDetails()->dateEdit();
        QCOMPARE(date->text(), QStringLiteral("no date"));
        QTest::mouseClick(date, Qt::LeftButton, {}, QPoint(date->width() - 6, date->height() / 2)); // the arrow
        QTRY_VERIFY(date->calendarWidget()->isVisible());
        QCOMPARE(date->calendarWidget()->yearShown(), QDate::currentDate().year());
        QCOMPARE(date->calendarWidget()->monthShown(), QDate::currentDate().month());
        QCOMPARE(date->date(), QDate(1900, 1, 1)); // opening the calendar sets no date
        date->calendarWidget()->window()->hide();
        date->setFocus();
        date->selectAll();
        QTest::keyClicks(date, QStringLiteral("2010-12-13"));
        QCOMPARE(date->date(), QDate(2010, 12, 13));
        // Typed over a date already set, too.
        date->selectAll();
        QTest::keyClicks(date, QStringLiteral("2011-01-05"));
        QCOMPARE(date->date(), QDate(2011, 1, 5));
    }

    void timeSetByHandSurvivesADateChange()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        importReference(doc, dock);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        StatementsModel *model = dock.model();
        const int planned = rowWithQuote(model, QStringLiteral("planning an attack"));
        const QModelIndex time = model->index(planned, StatementsModel::Time);
        QVERIFY(model->flags(time) & Qt::ItemIsEditable);
        QVERIFY(!model->setData(time, QStringLiteral("next week-ish"))); // refused, nothing pushed
        QVERIFY(model->setData(time, QStringLiteral("2010-12-11 18:00Z")));
        QVERIFY(time.data().toString().startsWith(QStringLiteral("2010-12-11 18:00")));
        QVERIFY(time.data(Qt::ToolTipRole).toString().contains(QStringLiteral("set by hand")));

        // Change the date to 3 January 2011 by typing into the field, then Enter on the title.
        ArticleDetails *details = dock.articleDetails();
        details->dateEdit()->setDate(QDate(2011, 1, 3));
        QTest::keyClick(details->titleEdit(), Qt::Key_Return);
        QCOMPARE(doc.find<Source>(dock.currentArticle())->published, QDate(2011, 1, 3));
        QVERIFY(time.data().toString().startsWith(QStringLiteral("2010-12-11 18:00")));

        // A zone nobody knows is refused with the reason shown, and nothing changes.
        const int steps = doc.undoStack()->count();
        details->zoneEdit()->setText(QStringLiteral("Mars/Olympus"));
        QTest::mouseClick(details->applyButton(), Qt::LeftButton);
        QCOMPARE(doc.undoStack()->count(), steps);
        QVERIFY(doc.find<Source>(dock.currentArticle())->timeZone.isEmpty());
    }

    // An article that states its times in several zones: the ambiguous one is read by an
    // assumption the analyst sees beside the table (and in the time's tooltip), marked in the row.
    void multiZoneArticleShowsItsAssumptions()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        QSignalSpy done(&dock, &StatementsDock::importFinished);
        dock.askFiles = [] { return QStringList{QStringLiteral(INQUEST_TEST_DATA "/news/patterns/zones-ist.txt")}; };
        dock.toolBar()->actions().first()->trigger();
        QVERIFY(done.wait(10000));
        const int row = rowWithQuote(dock.model(), QStringLiteral("Bookings resumed at 6:40 pm IST"));
        QVERIFY(row >= 0);
        const QModelIndex time = dock.model()->index(row, StatementsModel::Time);
        QVERIFY(time.data().toString().startsWith(QStringLiteral("2025-06-05 13:10")));
        QVERIFY(time.data().toString().endsWith(QStringLiteral("\u26A0")));
        QVERIFY(time.data(Qt::ToolTipRole).toString().contains(QStringLiteral("India Standard Time")));
        dock.resize(1500, 560);
        dock.show();
        dock.view()->setCurrentIndex(time);
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QVERIFY(dock.timeNote()->isVisible());
        QVERIFY(dock.timeNote()->text().contains(QStringLiteral("IST read as India Standard Time")));
        QVERIFY(dock.timeNote()->text().contains(QStringLiteral("assumed")));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/statements-multi-zone.png")));
    }

    // "PST" on a July day: the time keeps the stated offset, and the analyst is told that the
    // writer probably meant PDT (an hour earlier in UTC).
    void standardZoneInSummerIsFlaggedToTheAnalyst()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        QSignalSpy done(&dock, &StatementsDock::importFinished);
        dock.askFiles = [] {
            return QStringList{QStringLiteral(INQUEST_TEST_DATA "/news/heldout/cinder-summer-pst.txt")};
        };
        dock.toolBar()->actions().first()->trigger();
        QVERIFY(done.wait(10000));
        const int row = rowWithQuote(dock.model(), QStringLiteral("messages stopped sending at 9:30 a.m. PST"));
        QVERIFY(row >= 0);
        const QModelIndex time = dock.model()->index(row, StatementsModel::Time);
        QVERIFY2(time.data().toString().startsWith(QStringLiteral("2025-07-24 17:30")),
                 qPrintable(time.data().toString()));
        QVERIFY(time.data().toString().endsWith(QStringLiteral("\u26A0")));
        dock.resize(1500, 560);
        dock.show();
        dock.view()->setCurrentIndex(time);
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QVERIFY(dock.timeNote()->isVisible());
        QVERIFY(dock.timeNote()->text().contains(QStringLiteral("probably meant PDT")));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/statements-summer-pst.png")));
    }

    // Published the day after the outage, with "this afternoon" in a spokeswoman's quote: the day
    // she spoke is not written, so that phrase has no time, and the clock time after it keeps the
    // day of the outage and tells the analyst why, beside the table.
    void aQuotedDayWordWithoutItsDayIsExplained()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        QSignalSpy done(&dock, &StatementsDock::importFinished);
        dock.askFiles = [] {
            return QStringList{QStringLiteral(INQUEST_TEST_DATA "/news/heldout/amazon-shopping.txt")};
        };
        dock.toolBar()->actions().first()->trigger();
        QVERIFY(done.wait(10000));
        const int row = rowWithQuote(dock.model(), QStringLiteral("Some customers experienced errors"));
        QVERIFY(row >= 0);
        const QModelIndex time = dock.model()->index(row, StatementsModel::Time);
        QVERIFY2(time.data().toString().startsWith(QStringLiteral("2024-07-16 20:20")),
                 qPrintable(time.data().toString()));
        QVERIFY(!time.data().toString().contains(QStringLiteral("2024-07-17")));
        QVERIFY(time.data().toString().endsWith(QStringLiteral("\u26A0")));
        dock.resize(1500, 560);
        dock.show();
        dock.view()->setCurrentIndex(time);
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QVERIFY(dock.timeNote()->isVisible());
        QVERIFY2(dock.timeNote()->text().contains(QStringLiteral("this afternoon")),
                 qPrintable(dock.timeNote()->text()));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/statements-undated-day-word.png")));
    }

    // An organisation not written beside the words is shown as a guess (greyed, "(inferred)",
    // what it rests on in the tooltip); typing it, or accepting it, makes it the analyst's.
    void inferredOrganisationIsShownAsAGuess()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&dock, &StatementsDock::importFinished);
        dock.askFiles = [] {
            return QStringList{QStringLiteral(INQUEST_TEST_DATA "/news/heldout-late/granite-federal.txt")};
        };
        dock.toolBar()->actions().first()->trigger();
        QVERIFY(done.wait(10000));
        StatementsModel *model = dock.model();
        const int guessed = rowWithQuote(model, QStringLiteral("Lowe said there was no evidence"));
        const int written = rowWithQuote(model, QStringLiteral("network configuration change made overnight"));
        QVERIFY(guessed >= 0 && written >= 0);
        const QModelIndex org = model->index(guessed, StatementsModel::Organisation);
        QCOMPARE(org.data().toString(), QStringLiteral("Granite Federal (inferred)"));
        QCOMPARE(org.data(Qt::EditRole).toString(), QStringLiteral("Granite Federal"));
        QVERIFY(
            org.data(Qt::ToolTipRole).toString().contains(QStringLiteral("where the article first names Tessa Lowe")));
        QCOMPARE(org.data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkGray));
        const QModelIndex plain = model->index(written, StatementsModel::Organisation);
        QCOMPARE(plain.data().toString(), QStringLiteral("Granite Federal"));
        QVERIFY(!plain.data(Qt::ForegroundRole).isValid());
        dock.resize(1500, 560);
        dock.show();
        dock.view()->setCurrentIndex(org);
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/statements-inferred.png")));
        // Accepting the guess as it stands is one undo step that undoes back to the guess.
        const Id id = model->idAt(guessed);
        QVERIFY(model->setData(org, QStringLiteral("Granite Federal")));
        QVERIFY(doc.find<Statement>(id)->organisationBasis.isEmpty());
        QCOMPARE(model->index(guessed, StatementsModel::Organisation).data().toString(),
                 QStringLiteral("Granite Federal"));
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Statement>(id)->organisationBasis,
                 QStringLiteral("where the article first names Tessa Lowe"));
    }

    void screenshot()
    {
        CaseDocument doc;
        StatementsDock dock(&doc);
        importReference(doc, dock);
        dock.resize(1500, 520);
        dock.show();
        const int row = rowWithQuote(dock.model(), QStringLiteral("not the result of a DDoS attempt"));
        dock.view()->setCurrentIndex(dock.model()->index(row, 0));
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        const QString path = QDir::temp().filePath(QStringLiteral("inquest-statements-dock.png"));
        QVERIFY(dock.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestStatementsDock)
#include "tst_statementsdock.moc"

// The note under the statements table that says how a statement's times were read (the zone
// assumed for "IST", a summer name on a winter day…) stays readable where the Statements dock
// is short: in the main window at 1280×800 (docked under the timeline, or a tab on the right)
// and in a short floating dock. The article is tests/data/news/patterns/zones-ist.txt, whose
// "6:40 pm IST" is read by an assumption. With INQUEST_SCREENSHOTS set, writes each case.
#include "testlib/importedoutage.h"

#include "docks/statementsdock.h"
#include "mainwindow.h"
#include "models/statementsmodel.h"

#include "model/viewedits.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace inquest;

namespace {

const QString Article = QStringLiteral(INQUEST_TEST_DATA "/news/patterns/zones-ist.txt");

int rowWithQuote(const StatementsModel *model, const QString &words)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->recordAt(r)->quote.contains(words))
            return r;
    }
    return -1;
}

} // namespace

class TestStatementTimeNote : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The note shows every line of its text: it is as tall as its text needs at its width, and
    // the part of it on screen (inside the dock, inside any scroll area's viewport) can be
    // scrolled to in full.
    static void checkReadable(StatementsDock *dock, const QString &context)
    {
        QLabel *note = dock->timeNote();
        QVERIFY2(note->isVisible(), qPrintable(context));
        QVERIFY2(note->height() >= note->heightForWidth(note->width()),
                 qPrintable(u"%1: note %2 px tall, its text needs %3"_qs.arg(context)
                                .arg(note->height())
                                .arg(note->heightForWidth(note->width()))));
        // Not wider than what shows it: no line runs off the right edge.
        const QWidget *frame = note->parentWidget();
        while (frame && !qobject_cast<const QScrollArea *>(frame) && frame != dock)
            frame = frame->parentWidget();
        const auto *scroll = qobject_cast<const QScrollArea *>(frame);
        const QWidget *port = scroll ? scroll->viewport() : static_cast<const QWidget *>(dock);
        const QRect onPort(note->mapTo(port, QPoint(0, 0)), note->size());
        QVERIFY2(onPort.right() <= port->width() + 1,
                 qPrintable(u"%1: note reaches x %2 of %3"_qs.arg(context).arg(onPort.right()).arg(port->width())));
        if (!scroll) {
            QVERIFY2(onPort.bottom() <= port->height(),
                     qPrintable(u"%1: note cut at the dock's bottom (%2 > %3)"_qs.arg(context)
                                    .arg(onPort.bottom())
                                    .arg(port->height())));
        }
    }

    // The Time field's editor names its zone at its right end: that name is on screen in full.
    static void checkZoneLabel(StatementsDock *dock, const QString &context, const QString &file)
    {
        const QModelIndex time = dock->view()->currentIndex().siblingAtColumn(StatementsModel::Time);
        dock->view()->scrollTo(time);
        dock->view()->edit(time);
        QLineEdit *editor = nullptr;
        for (QLineEdit *e : dock->view()->findChildren<QLineEdit *>(u"statementTimeEdit"_qs))
            if (e->isVisible())
                editor = e;
        QVERIFY2(editor, qPrintable(context));
        auto *zone = editor->findChild<QLabel *>(u"statementTimeZone"_qs);
        QVERIFY(zone && zone->isVisible());
        QWidget *port = dock->view()->viewport();
        const QRect onPort(zone->mapTo(port, QPoint(0, 0)), zone->size());
        QVERIFY2(port->rect().contains(onPort),
                 qPrintable(u"%1: the zone's name %2,%3 %4x%5 is cut by the table (%6x%7)"_qs.arg(context)
                                .arg(onPort.x())
                                .arg(onPort.y())
                                .arg(onPort.width())
                                .arg(onPort.height())
                                .arg(port->width())
                                .arg(port->height())));
        QVERIFY2(zone->width() >= zone->sizeHint().width(), qPrintable(context));
        QVERIFY2(zone->height() >= zone->fontMetrics().height(), qPrintable(context));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock->window()->grab().save(dir + file));
        dock->view()->closePersistentEditor(time);
        QTest::keyClick(editor, Qt::Key_Escape);
    }

    static void selectAssumed(StatementsDock *dock)
    {
        const int row = rowWithQuote(dock->model(), u"Bookings resumed at 6:40 pm IST"_qs);
        QVERIFY(row >= 0);
        dock->view()->setCurrentIndex(dock->model()->index(row, StatementsModel::Time));
        QVERIFY(dock->timeNote()->text().contains(u"IST read as India Standard Time"_qs));
    }

    static void importArticle(StatementsDock *dock)
    {
        QSignalSpy done(dock, &StatementsDock::importFinished);
        dock->askFiles = [] { return QStringList{Article}; };
        dock->toolBar()->actions().first()->trigger();
        QVERIFY(done.wait(20000));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"InquestStatementTimeNote"_qs);
        QSettings().clear();
    }

    void readableInTheWindowAt1280x800()
    {
        QSettings().clear(); // the first start's layout for this size
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString log = m_dir.filePath(u"www.railnet.in-access.log"_qs);
        testing::writeAccessLog(log, true, 7);
        QVERIFY(testing::importInto(w.document(), log));
        // A long zone name, as the field names it.
        edit::setDisplayTimeZone(w.document(), u"America/Argentina/Buenos_Aires"_qs);
        auto *dock = w.findChild<StatementsDock *>();
        importArticle(dock);
        dock->raise();
        QTRY_VERIFY(dock->isVisible());
        selectAssumed(dock);
        QTest::qWait(50);
        checkReadable(dock, u"1280x800"_qs);
        // Stacked over the article in the narrow tab, the table still shows a few statements.
        QTableView *table = dock->view();
        QVERIFY2(table->viewport()->height() >= 3 * table->verticalHeader()->defaultSectionSize(),
                 qPrintable(u"the statements table shows %1 px of rows"_qs.arg(table->viewport()->height())));
        checkZoneLabel(dock, u"1280x800"_qs, u"/statement-zone-1280x800.png"_qs);
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(w.grab().save(dir + u"/statement-note-1280x800.png"_qs));
    }

    void readableInAShortDock_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("wide and short") << QSize(1500, 260);
        QTest::newRow("narrow and short") << QSize(700, 330);
        QTest::newRow("wide, very short") << QSize(1500, 200);
    }

    void readableInAShortDock()
    {
        QFETCH(QSize, size);
        CaseDocument doc;
        edit::setDisplayTimeZone(&doc, u"Europe/Berlin"_qs);
        StatementsDock dock(&doc);
        importArticle(&dock);
        dock.resize(size);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_COMPARE(dock.size(), size);
        selectAssumed(&dock);
        QTest::qWait(50);
        checkReadable(&dock, QString::fromLatin1(QTest::currentDataTag()));
        checkZoneLabel(&dock, QString::fromLatin1(QTest::currentDataTag()),
                       u"/statement-zone-%1x%2.png"_qs.arg(size.width()).arg(size.height()));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + u"/statement-note-%1x%2.png"_qs.arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(TestStatementTimeNote)
#include "tst_statementtimenote.moc"

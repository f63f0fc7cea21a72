// The Sources, Evidence and Statements lists show their times in the case's display zone (the one
// the chart and the timeline follow) and their headers name it: on a case imported from a
// hand-written access log (tests/data/curves, 12 December 2010, so Berlin is UTC+1), a statement
// of a period and an evidence item on a range, read in UTC, then in Europe/Berlin, then UTC again
// by undo. A statement's time is edited in the display zone too (the field names it) and stored
// in UTC.
#include "docks/evidencedetail.h"
#include "docks/statementsdock.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/viewedits.h"
#include "models/evidencemodel.h"
#include "models/sourcesmodel.h"
#include "models/statementsmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace inquest;

namespace {
const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

QString header(const QAbstractItemModel &m, int column) { return m.headerData(column, Qt::Horizontal).toString(); }
QString cell(const QAbstractItemModel &m, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(0, column), role).toString();
}
// The Time field the table has open (a closed one is hidden until it is deleted).
QLineEdit *openEditor(const StatementsDock &dock)
{
    for (QLineEdit *e : dock.view()->findChildren<QLineEdit *>(QStringLiteral("statementTimeEdit")))
        if (e->isVisible())
            return e;
    return nullptr;
}
} // namespace

class TestDockTimes : public QObject
{
    Q_OBJECT

    CaseDocument m_doc;

private slots:
    void initTestCase()
    {
        const ImportResult r = importLogFile(Log, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        m_doc.reset(CaseData::create(QStringLiteral("Checkout outage")));
        edit::addSource(&m_doc, *r.source);
        Statement s;
        s.speaker = QStringLiteral("Shop spokesperson");
        s.quote = QStringLiteral("Checkout failed between 21:02 and 21:04 GMT.");
        TimeRef t;
        t.phrase = QStringLiteral("between 21:02 and 21:04 GMT");
        t.begin = utc("2010-12-12T21:02:00Z");
        t.end = utc("2010-12-12T21:04:00Z");
        s.times.append(t);
        edit::addStatement(&m_doc, s);
        Evidence e;
        e.title = QStringLiteral("503s on checkout");
        e.provenance.timeBegin = utc("2010-12-12T21:02:05Z");
        e.provenance.timeEnd = utc("2010-12-12T21:03:55Z");
        edit::addEvidence(&m_doc, e);
    }

    void listsFollowTheDisplayZone()
    {
        SourcesModel sources(&m_doc);
        EvidenceModel evidence(&m_doc);
        StatementsModel statements(&m_doc);
        QAbstractItemModelTester t1(&sources), t2(&evidence), t3(&statements);
        EvidenceDetail detail(&m_doc);
        detail.setEvidence(m_doc.evidence().first().id);

        // UTC: as the files say.
        QCOMPARE(header(sources, SourcesModel::Span), u"Time span (UTC)"_qs);
        QCOMPARE(cell(sources, SourcesModel::Span), u"2010-12-12 21:00:05Z \u2013 2010-12-12 21:05:40Z"_qs);
        QCOMPARE(header(statements, StatementsModel::Time), u"Time (UTC)"_qs);
        QCOMPARE(cell(statements, StatementsModel::Time), u"2010-12-12 21:02\u201321:04Z"_qs);
        QCOMPARE(header(evidence, EvidenceModel::Provenance), u"Provenance (UTC)"_qs);
        QCOMPARE(cell(evidence, EvidenceModel::Provenance), u"2010-12-12 21:02:05Z \u2013 2010-12-12 21:03:55Z"_qs);

        // Berlin, an hour ahead in December: every list and header says so at once.
        QSignalSpy headers(&statements, &QAbstractItemModel::headerDataChanged);
        edit::setDisplayTimeZone(&m_doc, QStringLiteral("Europe/Berlin"));
        QVERIFY(!headers.isEmpty());
        QCOMPARE(header(sources, SourcesModel::Span), u"Time span (Europe/Berlin)"_qs);
        QCOMPARE(cell(sources, SourcesModel::Span), u"2010-12-12 22:00:05 CET \u2013 2010-12-12 22:05:40 CET"_qs);
        QCOMPARE(header(statements, StatementsModel::Time), u"Time (Europe/Berlin)"_qs);
        QCOMPARE(cell(statements, StatementsModel::Time), u"2010-12-12 22:02\u201322:04 CET"_qs);
        QVERIFY2(cell(statements, StatementsModel::Time, Qt::ToolTipRole).contains(u"22:02:00 CET"_qs),
                 qPrintable(cell(statements, StatementsModel::Time, Qt::ToolTipRole)));
        QCOMPARE(header(evidence, EvidenceModel::Provenance), u"Provenance (Europe/Berlin)"_qs);
        QCOMPARE(cell(evidence, EvidenceModel::Provenance),
                 u"2010-12-12 22:02:05 CET \u2013 2010-12-12 22:03:55 CET"_qs);
        bool detailShown = false;
        for (QLabel *label : detail.findChildren<QLabel *>())
            detailShown = detailShown || label->text().contains(u"22:02:05 CET"_qs);
        QVERIFY(detailShown);
        // Edited as text, a statement's time is in the display zone too (the editor names it).
        QCOMPARE(cell(statements, StatementsModel::Time, Qt::EditRole), u"2010-12-12 22:02\u201322:04"_qs);

        // Undo: UTC again.
        m_doc.undoStack()->undo();
        QCOMPARE(header(statements, StatementsModel::Time), u"Time (UTC)"_qs);
        QCOMPARE(cell(evidence, EvidenceModel::Provenance), u"2010-12-12 21:02:05Z \u2013 2010-12-12 21:03:55Z"_qs);
    }

    // In a Europe/Berlin case the analyst types "22:45" into the Time field of the Statements
    // table, which says Europe/Berlin beside the text: stored 21:45Z, shown 22:45 CET, undone in
    // one step. A time with its own zone keeps it; one that cannot be read changes nothing.
    void statementTimeIsTypedInTheDisplayZone()
    {
        edit::setDisplayTimeZone(&m_doc, QStringLiteral("Europe/Berlin"));
        StatementsDock dock(&m_doc);
        dock.resize(1200, 400);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        const Id id = m_doc.statements().first().id;
        auto stored = [&] { return m_doc.find<Statement>(id)->times.first(); };
        const QModelIndex time = dock.model()->index(0, StatementsModel::Time);
        auto type = [&](const QString &text) -> QLineEdit * {
            dock.view()->setCurrentIndex(time);
            dock.view()->edit(time);
            QLineEdit *editor = openEditor(dock);
            if (!editor)
                return nullptr;
            editor->selectAll();
            QTest::keyClicks(editor, text);
            return editor;
        };
        // Enter commits through a queued call of the delegate.
        auto enter = [](QLineEdit *editor) {
            QTest::keyClick(editor, Qt::Key_Return);
            QCoreApplication::processEvents();
        };

        QLineEdit *editor = type(QString());
        QVERIFY(editor);
        QCOMPARE(editor->text(), u"2010-12-12 22:02\u201322:04"_qs); // as the column shows it, in Berlin
        auto *zone = editor->findChild<QLabel *>(QStringLiteral("statementTimeZone"));
        QVERIFY(zone && zone->isVisible());
        QCOMPARE(zone->text(), u"Europe/Berlin"_qs);
        QVERIFY(zone->geometry().left() >= editor->width() / 2); // beside the text, at the field's end
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/statement-time-editor.png")));
        editor->selectAll();
        QTest::keyClicks(editor, u"22:45"_qs);
        const int steps = m_doc.undoStack()->count();
        enter(editor);
        QCOMPARE(stored().begin, utc("2010-12-12T21:45:00Z"));
        QCOMPARE(stored().end, utc("2010-12-12T21:45:00Z"));
        QVERIFY(stored().manual);
        QCOMPARE(m_doc.undoStack()->count(), steps + 1);
        QCOMPARE(time.data().toString(), u"2010-12-12 22:45:00 CET"_qs);

        // Typed back unchanged: nothing pushed.
        QVERIFY(type(QString()));
        enter(openEditor(dock));
        QCOMPARE(m_doc.undoStack()->count(), steps + 1);

        // A zone typed with the time wins over the display zone (an edit of the same time
        // merges with the one before: one undo step).
        enter(type(u"2010-12-12 21:50Z"_qs));
        QCOMPARE(stored().begin, utc("2010-12-12T21:50:00Z"));

        // Unreadable: refused, the stored time and the undo stack as they were.
        const int before = m_doc.undoStack()->count();
        enter(type(u"25:99"_qs));
        QCOMPARE(stored().begin, utc("2010-12-12T21:50:00Z"));
        QCOMPARE(m_doc.undoStack()->count(), before);

        while (m_doc.undoStack()->index() > steps)
            m_doc.undoStack()->undo();
        QCOMPARE(stored().begin, utc("2010-12-12T21:02:00Z"));
        QCOMPARE(stored().end, utc("2010-12-12T21:04:00Z"));
        m_doc.undoStack()->undo(); // the display zone
    }
};

QTEST_MAIN(TestDockTimes)
#include "tst_docktimes.moc"

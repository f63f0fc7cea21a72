#include "docks/sourcesdock.h"
#include "models/importissuesmodel.h"
#include "models/sourcesmodel.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace inquest;

namespace {

Source logSource(const QString &path, int issues)
{
    Source s;
    s.path = path;
    s.format = QStringLiteral("combined");
    s.lines = 1000;
    s.malformed = issues * 2; // only the first issues are kept
    for (int i = 0; i < issues; ++i)
        s.issues.append(
            {qint64(10 + i), -1, QStringLiteral("no timestamp"), QByteArray("junk\x01line ") + QByteArray::number(i)});
    return s;
}

} // namespace

class TestSourcesDock : public QObject
{
    Q_OBJECT

private slots:
    void issuesModelFollowsItsSource()
    {
        CaseDocument doc;
        const Id a = edit::addSource(&doc, logSource(QStringLiteral("/logs/a.log"), 3));
        const Id b = edit::addSource(&doc, logSource(QStringLiteral("/logs/b.log"), 1));
        ImportIssuesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSourceId(a);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ImportIssuesModel::Line).data().toLongLong(), 10);
        QCOMPARE(model.index(0, ImportIssuesModel::Reason).data().toString(), QStringLiteral("no timestamp"));
        QCOMPARE(model.index(2, ImportIssuesModel::Excerpt).data().toString(), QStringLiteral("junk\\x01line 2"));
        model.setSourceId(b);
        QCOMPARE(model.rowCount(), 1);
        edit::removeSource(&doc, b);
        QCOMPARE(model.rowCount(), 0);
        doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 1);
        doc.reset(CaseData::create(QStringLiteral("new")));
        QCOMPARE(model.rowCount(), 0);
    }

    void wholeFileIssue()
    {
        CaseDocument doc;
        Source s = logSource(QStringLiteral("/logs/empty.log"), 0);
        s.issues.append({0, -1, QStringLiteral("no parseable line (tried combined, syslog)"), {}});
        ImportIssuesModel model(&doc);
        model.setSourceId(edit::addSource(&doc, s));
        QCOMPARE(model.index(0, ImportIssuesModel::Line).data().toString(), QStringLiteral("file"));
    }

    void selectingSourceShowsItsIssues()
    {
        CaseDocument doc;
        edit::addSource(&doc, logSource(QStringLiteral("/logs/a.log"), 3));
        edit::addSource(&doc, logSource(QStringLiteral("/logs/b.log"), 5));
        SourcesDock dock(&doc);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTableView *view = dock.view();
        QCOMPARE(dock.issuesView()->model()->rowCount(), 0);
        QVERIFY(!dock.removeAction()->isEnabled());

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(dock.model()->index(1, 0)).center());
        QCOMPARE(dock.issuesView()->model()->rowCount(), 5);
        QVERIFY(dock.findChild<QLabel *>()->text().contains(QStringLiteral("first 5 of 10")));
        QVERIFY(dock.removeAction()->isEnabled());

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(dock.model()->index(0, 0)).center());
        QCOMPARE(dock.issuesView()->model()->rowCount(), 3);
    }

    void removeSourceIsUndoable()
    {
        CaseDocument doc;
        edit::addSource(&doc, logSource(QStringLiteral("/logs/a.log"), 3));
        const Id b = edit::addSource(&doc, logSource(QStringLiteral("/logs/b.log"), 5));
        SourcesDock dock(&doc);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.view()->selectRow(1);
        QCOMPARE(dock.selectedSourceId(), b);
        QTest::keyClick(dock.view(), Qt::Key_Delete);
        QCOMPARE(doc.sources().size(), 1);
        QCOMPARE(dock.model()->rowCount(), 1);
        QVERIFY(!doc.find<Source>(b));
        // The list follows whatever the view selects after the removal.
        const Source *selected = doc.find<Source>(dock.selectedSourceId());
        QCOMPARE(dock.issuesView()->model()->rowCount(), selected ? int(selected->issues.size()) : 0);
        doc.undoStack()->undo();
        QCOMPARE(doc.sources().size(), 2);
        QVERIFY(doc.find<Source>(b));
        QCOMPARE(doc.sources()[1].issues.size(), 5);
    }
};

QTEST_MAIN(TestSourcesDock)
#include "tst_sourcesdock.moc"

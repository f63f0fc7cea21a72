// Every item model adapter, checked by QAbstractItemModelTester while the document changes.
#include "models/evidencemodel.h"
#include "models/hypothesesmodel.h"
#include "models/sourcesmodel.h"
#include "models/statementsmodel.h"
#include "testlib/casewithsources.h"

#include "model/commands.h"
#include "testlib/testprinters.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace inquest;

class TestModels : public QObject
{
    Q_OBJECT

    // Adds, edits, moves, removes and undoes everything, so the testers see every signal.
    static void exercise(CaseDocument &doc)
    {
        const Id h = edit::addHypothesis(&doc, {0, QStringLiteral("Flash crowd"), HypothesisKind::FlashCrowd, 0, {}});
        edit::moveHypothesis(&doc, h, 0);
        edit::renameHypothesis(&doc, h, QStringLiteral("Newsletter crowd"));
        Evidence e;
        e.title = QStringLiteral("5xx at normal volume");
        const Id ev = edit::addEvidence(&doc, e);
        edit::setRating(&doc, ev, h, Rating::I);
        Statement s;
        s.speaker = QStringLiteral("a spokeswoman");
        const Id st = edit::addStatement(&doc, s);
        Source src;
        src.path = QStringLiteral("/logs/de/access.log");
        const Id so = edit::addSource(&doc, src);
        edit::removeHypothesis(&doc, doc.hypotheses()[1].id);
        edit::removeEvidence(&doc, ev);
        edit::removeStatement(&doc, st);
        edit::removeSource(&doc, so);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        doc.reset(testing::twoHypothesisCase(QStringLiteral("Fresh")));
    }

private slots:
    void sourcesModel()
    {
        CaseDocument doc;
        SourcesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exercise(doc);
        Source s;
        s.path = QStringLiteral("/logs/fr/access.log");
        s.sha256 = QStringLiteral("abcdef0123456789");
        s.events = 3;
        s.firstTime = 1292187600000000;
        s.lastTime = 1292191200000000;
        edit::addSource(&doc, s);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, SourcesModel::File)).toString(), QStringLiteral("access.log"));
        QCOMPARE(model.data(model.index(0, SourcesModel::Sha256), Qt::ToolTipRole).toString(), s.sha256);
        QCOMPARE(model.data(model.index(0, SourcesModel::Span)).toString(),
                 QStringLiteral("2010-12-12 21:00:00Z \u2013 2010-12-12 22:00:00Z"));
    }

    void evidenceModelIsTheMatrix()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("t")));
        EvidenceModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exercise(doc);
        Evidence e;
        e.title = QStringLiteral("Switch link down");
        const Id id = edit::addEvidence(&doc, e);
        QCOMPARE(model.columnCount(), EvidenceModel::FixedColumns + 2);
        const QModelIndex hw = model.index(0, EvidenceModel::FixedColumns);
        QCOMPARE(model.headerData(hw.column(), Qt::Horizontal).toString(), QStringLiteral("Hardware failure"));
        QVERIFY(model.flags(hw) & Qt::ItemIsEditable);
        QVERIFY(model.setData(hw, QStringLiteral("CC")));
        QCOMPARE_ENUM(doc.find<Evidence>(id)->rating(doc.hypotheses()[0].id), Rating::CC);
        QCOMPARE(model.data(hw).toString(), QStringLiteral("CC"));
        QVERIFY(!model.setData(hw, QStringLiteral("maybe")));
        doc.undoStack()->undo();
        QCOMPARE(model.data(hw).toString(), QString());
        // A new hypothesis is a new column.
        edit::addHypothesis(&doc, {0, QStringLiteral("Route leak"), HypothesisKind::Network, 0, {}});
        QCOMPARE(model.columnCount(), EvidenceModel::FixedColumns + 3);
    }

    void statementsModel()
    {
        CaseDocument doc;
        StatementsModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exercise(doc);
        Statement s;
        s.speaker = QStringLiteral("a spokeswoman");
        s.organisation = QStringLiteral("Amazon");
        s.stance = {{HypothesisKind::Hardware, Rating::C}, {HypothesisKind::Ddos, Rating::I}};
        s.stanceConfirmed = true; // an unconfirmed stance is shown as a question
        s.times = {{QStringLiteral("2145 GMT"), 1292190300000000, 1292190300000000, false, 0}};
        edit::addStatement(&doc, s);
        QCOMPARE(model.data(model.index(0, StatementsModel::Stance)).toString(),
                 QStringLiteral("supports hardware; against ddos"));
        QCOMPARE(model.data(model.index(0, StatementsModel::Time)).toString(), QStringLiteral("2010-12-12 21:45:00Z"));
    }

    void hypothesesModelEditsAreUndoable()
    {
        CaseDocument doc;
        HypothesesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        exercise(doc);
        QVERIFY(model.setData(model.index(1, HypothesesModel::Name), QStringLiteral("Botnet flood")));
        QVERIFY(model.setData(model.index(1, HypothesesModel::Kind), QStringLiteral("network")));
        QVERIFY(!model.setData(model.index(1, HypothesesModel::Kind), QStringLiteral("aliens")));
        QVERIFY(!model.setData(model.index(1, HypothesesModel::Name), QStringLiteral("  ")));
        QCOMPARE(doc.hypotheses()[1].name, QStringLiteral("Botnet flood"));
        QCOMPARE_ENUM(doc.hypotheses()[1].kind, HypothesisKind::Network);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(model.data(model.index(1, HypothesesModel::Name)).toString(), QStringLiteral("DDoS attack"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"

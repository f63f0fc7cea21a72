// Undo/redo of every document command, change events and the modified state.
#include "model/casedocument.h"
#include "model/commands.h"
#include "testlib/casewithsources.h"
#include "testlib/testprinters.h"

#include <QSignalSpy>
#include <QTest>

using namespace inquest;

class TestCaseDocument : public QObject
{
    Q_OBJECT

private slots:
    // A new case weighs the five causes an outage analyst considers first, so that evidence for
    // any of them has a column (with two, a network failure could never lead).
    void defaultCaseHasTheStandardHypothesesAndACreationRow()
    {
        CaseDocument doc;
        QCOMPARE(doc.hypotheses().size(), 5);
        const QList<HypothesisKind> kinds{HypothesisKind::Hardware, HypothesisKind::Ddos, HypothesisKind::FlashCrowd,
                                          HypothesisKind::Change, HypothesisKind::Network};
        for (int i = 0; i < kinds.size(); ++i)
            QCOMPARE_ENUM(doc.hypotheses()[i].kind, kinds[i]);
        QCOMPARE(doc.hypotheses()[0].name, QStringLiteral("Hardware failure"));
        QCOMPARE(doc.hypotheses()[4].name, QStringLiteral("Network failure"));
        QCOMPARE(doc.custody().size(), 1);
        QCOMPARE(doc.custody()[0].action, QStringLiteral("create"));
        QVERIFY(!doc.isModified());
    }

    void addRemoveHypothesisUndoRedo()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        QSignalSpy spy(&doc, &CaseDocument::changed);
        const Id id = edit::addHypothesis(&doc, {0, QStringLiteral("Bad deploy"), HypothesisKind::Change, 0, {}});
        QCOMPARE(doc.hypotheses().size(), 3);
        QCOMPARE(doc.hypotheses().last().id, id);
        QVERIFY(doc.isModified());
        QCOMPARE(spy.size(), 1);
        const auto ev = spy.takeFirst().first().value<ChangeEvent>();
        QCOMPARE(ev.entity, Entity::Hypothesis);
        QCOMPARE(ev.action, ChangeAction::Added);
        QCOMPARE(ev.index, 2);

        doc.undoStack()->undo();
        QCOMPARE(doc.hypotheses().size(), 2);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.hypotheses().size(), 3);
        QCOMPARE(doc.hypotheses().last().id, id); // same id after redo

        edit::removeHypothesis(&doc, doc.hypotheses()[0].id);
        QCOMPARE(doc.hypotheses().size(), 2);
        QCOMPARE_ENUM(doc.hypotheses()[0].kind, HypothesisKind::Ddos);
        doc.undoStack()->undo();
        QCOMPARE_ENUM(doc.hypotheses()[0].kind, HypothesisKind::Hardware); // back at its old row
    }

    void renameMergesAndBecomesObsolete()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        const Id id = doc.hypotheses()[0].id;
        edit::renameHypothesis(&doc, id, QStringLiteral("Switch"));
        edit::renameHypothesis(&doc, id, QStringLiteral("Switch fabric"));
        QCOMPARE(doc.undoStack()->count(), 1); // consecutive edits merge
        QCOMPARE(doc.hypotheses()[0].name, QStringLiteral("Switch fabric"));
        edit::renameHypothesis(&doc, id, QStringLiteral("Hardware failure"));
        QCOMPARE(doc.undoStack()->count(), 0); // back at the start value: nothing to undo
        QVERIFY(!doc.isModified());
    }

    void moveHypothesisUndo()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        const Id first = doc.hypotheses()[0].id;
        edit::addHypothesis(&doc, {0, QStringLiteral("Flash crowd"), HypothesisKind::FlashCrowd, 0, {}});
        edit::moveHypothesis(&doc, first, 2);
        QCOMPARE(doc.hypotheses()[2].id, first);
        doc.undoStack()->undo();
        QCOMPARE(doc.hypotheses()[0].id, first);
    }

    void evidenceRatingsStateAndKindRatings()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        const Id hw = doc.hypotheses()[0].id, ddos = doc.hypotheses()[1].id;
        Evidence e;
        e.title = QStringLiteral("Link down on core switch before errors");
        e.state = EvidenceState::Suggested;
        e.kindRatings = {{HypothesisKind::Hardware, Rating::CC}, {HypothesisKind::Ddos, Rating::I}};
        const Id id = edit::addEvidence(&doc, e);
        const Evidence *added = doc.find<Evidence>(id);
        QVERIFY(added);
        QCOMPARE_ENUM(added->rating(hw), Rating::CC); // detector ratings land on hypotheses by kind
        QCOMPARE_ENUM(added->rating(ddos), Rating::I);

        edit::setRating(&doc, id, ddos, Rating::II);
        QCOMPARE_ENUM(doc.find<Evidence>(id)->rating(ddos), Rating::II);
        edit::setRating(&doc, id, ddos, Rating::Unrated);
        QCOMPARE_ENUM(doc.find<Evidence>(id)->rating(ddos), Rating::Unrated);
        QVERIFY(!doc.find<Evidence>(id)->ratings.contains(ddos));
        doc.undoStack()->undo(); // the two rating edits merged into one command
        QCOMPARE_ENUM(doc.find<Evidence>(id)->rating(ddos), Rating::I);

        edit::setEvidenceState(&doc, id, EvidenceState::Accepted);
        QCOMPARE_ENUM(doc.find<Evidence>(id)->state, EvidenceState::Accepted);
        doc.undoStack()->undo();
        QCOMPARE_ENUM(doc.find<Evidence>(id)->state, EvidenceState::Suggested);

        edit::removeEvidence(&doc, id);
        QVERIFY(!doc.find<Evidence>(id));
        doc.undoStack()->undo();
        QCOMPARE_ENUM(doc.find<Evidence>(id)->rating(hw), Rating::CC);
    }

    void kindRatingsReachHypothesesAddedLater()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        const Id ddos = doc.hypotheses()[1].id;
        Evidence e;
        e.title = QStringLiteral("Link down on core switch before errors");
        e.kindRatings = {{HypothesisKind::Hardware, Rating::CC}, {HypothesisKind::Ddos, Rating::I}};
        const Id detector = edit::addEvidence(&doc, e);
        Evidence own;
        own.title = QStringLiteral("The analyst's own note");
        const Id analyst = edit::addEvidence(&doc, own);
        edit::setRating(&doc, detector, ddos, Rating::II); // the analyst's rating on an existing cell

        // A hypothesis the analyst adds of a kind the detector rated takes that rating, as one
        // undo step; an item without kind ratings stays unrated.
        Hypothesis psu;
        psu.name = QStringLiteral("Failing PSU in rack B");
        psu.kind = HypothesisKind::Hardware;
        const int steps = doc.undoStack()->count();
        const Id added = edit::addHypothesis(&doc, psu);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::CC);
        QCOMPARE_ENUM(doc.find<Evidence>(analyst)->rating(added), Rating::Unrated);

        // Its kind changed: the detector's rating for the new kind replaces the old kind's; a
        // rating the analyst set is kept.
        edit::setHypothesisKind(&doc, added, HypothesisKind::Ddos);
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::I);
        edit::setHypothesisKind(&doc, added, HypothesisKind::Network); // not rated for network
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::Unrated);
        edit::setRating(&doc, detector, added, Rating::C);
        edit::setHypothesisKind(&doc, added, HypothesisKind::Hardware);
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::C);
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(ddos), Rating::II);

        // Undo walks back kind and ratings together.
        doc.undoStack()->undo(); // kind back to network (the analyst's C stays: it was not the kind's)
        doc.undoStack()->undo(); // the analyst's C
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::Unrated);
        doc.undoStack()->undo(); // kind back to ddos
        QCOMPARE_ENUM(doc.find<Evidence>(detector)->rating(added), Rating::I);
        QCOMPARE_ENUM(doc.find<Hypothesis>(added)->kind, HypothesisKind::Ddos);
    }

    void statementsMarkersSourcesAndTitle()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        Statement s;
        s.speaker = QStringLiteral("a spokeswoman");
        s.organisation = QStringLiteral("Amazon");
        const Id sid = edit::addStatement(&doc, s);
        Marker m;
        m.kind = MarkerKind::Outage;
        m.begin = 1292188200000000;
        m.end = 1292190300000000;
        const Id mid = edit::addMarker(&doc, m);
        Source src;
        src.path = QStringLiteral("/logs/access.log");
        const Id srcId = edit::addSource(&doc, src);
        edit::setTitle(&doc, QStringLiteral("Amazon EU outage"));
        QCOMPARE(doc.meta().title, QStringLiteral("Amazon EU outage"));
        QCOMPARE(doc.undoStack()->count(), 4);
        QCOMPARE(doc.undoStack()->text(2), QStringLiteral("Import access.log"));

        edit::removeMarker(&doc, mid);
        edit::removeStatement(&doc, sid);
        edit::removeSource(&doc, srcId);
        QVERIFY(doc.statements().isEmpty() && doc.markers().isEmpty() && doc.sources().isEmpty());
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(doc.statements().isEmpty() && doc.markers().isEmpty() && doc.sources().isEmpty());
        QCOMPARE(doc.meta().title, QStringLiteral("Untitled case"));
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QVERIFY(doc.statements().isEmpty() && doc.markers().isEmpty() && doc.sources().isEmpty());
        QCOMPARE(doc.meta().title, QStringLiteral("Amazon EU outage"));
    }

    void aboutToChangeComesBeforeTheChange()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        int sizeSeenBefore = -1;
        connect(&doc, &CaseDocument::aboutToChange, this,
                [&](const ChangeEvent &) { sizeSeenBefore = int(doc.hypotheses().size()); });
        edit::addHypothesis(&doc, {0, QStringLiteral("X"), HypothesisKind::Other, 0, {}});
        QCOMPARE(sizeSeenBefore, 2);
    }

    void resetClearsUndoAndModified()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        QSignalSpy modified(&doc, &CaseDocument::modifiedChanged);
        edit::setTitle(&doc, QStringLiteral("T"));
        QVERIFY(doc.isModified());
        doc.reset(CaseData::create(QStringLiteral("Other")));
        QVERIFY(!doc.isModified());
        QVERIFY(!doc.undoStack()->canUndo());
        QCOMPARE(modified.last().first().toBool(), false);
    }

    void saveRecordsEditsInCustody()
    {
        CaseDocument doc(testing::twoHypothesisCase(QStringLiteral("Untitled case")));
        edit::setTitle(&doc, QStringLiteral("Renamed"));
        edit::addHypothesis(&doc, {0, QStringLiteral("Route leak"), HypothesisKind::Network, 0, {}});
        const QList<CustodyEntry> rows = doc.custodyForSave(QStringLiteral("/tmp/a.inquest"));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].action, QStringLiteral("edit"));
        QVERIFY(rows[0].detail.contains(QStringLiteral("Rename case")));
        QVERIFY(rows[0].detail.contains(QStringLiteral("Route leak")));
        QCOMPARE(rows[1].action, QStringLiteral("save"));
        QCOMPARE(rows[0].prevHash, doc.custody().last().hash);
        doc.markSaved(QStringLiteral("/tmp/a.inquest"), rows);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.custody().size(), 3);
        QVERIFY(custody::verify(doc.custody()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCaseDocument)
#include "tst_casedocument.moc"

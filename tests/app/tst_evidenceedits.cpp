// Bulk evidence edits and scoring-settings edits: one undo step each, exact restore on undo.
#include "model/evidenceedits.h"
#include "model/scoringedits.h"
#include "scoring/scoringsettings.h"

#include <QtTest>

using namespace inquest;

class TestEvidenceEdits : public QObject
{
    Q_OBJECT

    CaseData makeCase()
    {
        CaseData d = CaseData::create(QStringLiteral("t"));
        for (int i = 0; i < 4; ++i) {
            Evidence e;
            e.id = d.nextId++;
            e.title = QStringLiteral("E%1").arg(i);
            e.state = EvidenceState::Suggested;
            e.tags = i == 0 ? QStringList{QStringLiteral("net")} : QStringList{};
            d.evidence.append(e);
        }
        return d;
    }
    QList<Id> ids(const CaseDocument &doc)
    {
        QList<Id> list;
        for (const Evidence &e : doc.evidence())
            list.append(e.id);
        return list;
    }

private slots:
    void bulkTagIsOneStep()
    {
        CaseDocument doc(makeCase());
        const CaseData before = doc.data();
        edit::addTag(&doc, ids(doc), QStringLiteral(" net "));
        QCOMPARE(doc.undoStack()->count(), 1);
        for (const Evidence &e : doc.evidence())
            QCOMPARE(e.tags.count(QStringLiteral("net")), 1); // the one that had it is not doubled
        edit::addTag(&doc, ids(doc), QStringLiteral("net"));
        QCOMPARE(doc.undoStack()->count(), 1); // nothing to do: no empty step
        edit::addTag(&doc, ids(doc), QStringLiteral("  "));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.data().sameAs(before));
        doc.undoStack()->redo();
        edit::removeTag(&doc, ids(doc).mid(0, 2), QStringLiteral("net"));
        QVERIFY(doc.evidence()[0].tags.isEmpty());
        QCOMPARE(doc.evidence()[2].tags, QStringList{QStringLiteral("net")});
        doc.undoStack()->undo();
        QCOMPARE(doc.evidence()[0].tags, QStringList{QStringLiteral("net")});
    }

    void acceptRejectAndDeleteSelection()
    {
        CaseDocument doc(makeCase());
        const CaseData before = doc.data();
        const QList<Id> all = ids(doc);
        edit::setEvidenceStates(&doc, all.mid(1, 2), EvidenceState::Accepted);
        QCOMPARE(toString(doc.evidence()[1].state), QStringLiteral("accepted"));
        QCOMPARE(toString(doc.evidence()[3].state), QStringLiteral("suggested"));
        QCOMPARE(doc.undoStack()->count(), 1);
        edit::removeEvidence(&doc, {all[3], all[0], all[3]});
        QCOMPARE(doc.evidence().size(), 2);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        QCOMPARE(ids(doc), all); // back in their places
        doc.undoStack()->undo();
        QVERIFY(doc.data().sameAs(before));
    }

    void multiCellRating()
    {
        CaseDocument doc(makeCase());
        const Id h1 = doc.hypotheses()[0].id, h2 = doc.hypotheses()[1].id;
        const Id e = doc.evidence()[0].id;
        edit::setRatings(&doc, {{e, h1}, {e, h2}, {e, 9999}}, Rating::II);
        QCOMPARE(toString(doc.evidence()[0].rating(h1)), QStringLiteral("II"));
        QCOMPARE(toString(doc.evidence()[0].rating(h2)), QStringLiteral("II"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(toString(doc.evidence()[0].rating(h1)), QString());
        QVERIFY(doc.evidence()[0].ratings.isEmpty());
    }

    void settingsEditsMergePerKey()
    {
        CaseDocument doc(makeCase());
        ScoringSettings s;
        s.relevance[2] = 2.0;
        edit::setScoringSettings(&doc, s.toJson(), QStringLiteral("relevance/high"));
        s.relevance[2] = 3.0;
        edit::setScoringSettings(&doc, s.toJson(), QStringLiteral("relevance/high"));
        QCOMPARE(doc.undoStack()->count(), 1); // stepping one spin box is one step
        s.reliability[0] = 0.9;
        edit::setScoringSettings(&doc, s.toJson(), QStringLiteral("reliability/A"));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(ScoringSettings::fromJson(doc.meta().scoringSettings), s);
        doc.undoStack()->undo();
        QCOMPARE(ScoringSettings::fromJson(doc.meta().scoringSettings).relevance[2], 3.0);
        QCOMPARE(ScoringSettings::fromJson(doc.meta().scoringSettings).reliability[0], 1.0);
        doc.undoStack()->undo();
        QVERIFY(doc.meta().scoringSettings.isEmpty());
        QVERIFY(!doc.isModified());
    }
};

QTEST_GUILESS_MAIN(TestEvidenceEdits)
#include "tst_evidenceedits.moc"

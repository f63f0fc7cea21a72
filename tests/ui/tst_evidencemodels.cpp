// The evidence board's and scoring panel's item models under QAbstractItemModelTester while
// the case changes under them, plus filtering and diagnosticity sorting.
#include "models/evidencefiltermodel.h"
#include "models/evidencemodel.h"
#include "models/hypothesesmodel.h"
#include "models/scoretablemodel.h"
#include "testlib/casewithsources.h"

#include "model/commands.h"
#include "model/evidenceedits.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace inquest;

namespace {

CaseData sampleCase()
{
    CaseData d = testing::twoHypothesisCase(QStringLiteral("models"));
    const Id hw = d.hypotheses[0].id, dd = d.hypotheses[1].id;
    auto add = [&](const QString &title, EvidenceState state, Rating a, Rating b, QStringList tags, bool star) {
        Evidence e;
        e.id = d.nextId++;
        e.title = title;
        e.state = state;
        e.tags = tags;
        e.starred = star;
        if (a != Rating::Unrated)
            e.ratings.insert(hw, a);
        if (b != Rating::Unrated)
            e.ratings.insert(dd, b);
        d.evidence.append(e);
    };
    add(QStringLiteral("flat"), EvidenceState::Accepted, Rating::C, Rating::C, {QStringLiteral("net")}, false);
    add(QStringLiteral("sharp"), EvidenceState::Accepted, Rating::II, Rating::CC, {}, true);
    add(QStringLiteral("mild"), EvidenceState::Suggested, Rating::I, Rating::N, {QStringLiteral("Net")}, false);
    add(QStringLiteral("no"), EvidenceState::Rejected, Rating::NA, Rating::Unrated, {}, true);
    return d;
}

QStringList titles(const QAbstractItemModel &m)
{
    QStringList t;
    for (int r = 0; r < m.rowCount(); ++r)
        t.append(m.index(r, EvidenceModel::Title).data().toString());
    return t;
}

} // namespace

class TestEvidenceModels : public QObject
{
    Q_OBJECT
private slots:
    void modelsSurviveEdits()
    {
        CaseDocument doc(sampleCase());
        EvidenceModel model(&doc);
        EvidenceFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(EvidenceModel::Diagnosticity, Qt::DescendingOrder);
        ScoreTableModel scores;
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&scores, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto rescore = [&] {
            scores.setResult(
                computeScores(doc.hypotheses(), doc.evidence(), ScoringSettings::fromJson(doc.meta().scoringSettings)));
        };
        rescore();
        QCOMPARE(scores.rowCount(), 2);
        QCOMPARE(model.columnCount(), EvidenceModel::FixedColumns + 2);

        Evidence e;
        e.title = QStringLiteral("new");
        const Id id = edit::addEvidence(&doc, e);
        edit::setRating(&doc, id, doc.hypotheses()[0].id, Rating::II);
        const Id h =
            edit::addHypothesis(&doc, Hypothesis{0, QStringLiteral("Fibre cut"), HypothesisKind::Network, 0.0, {}});
        rescore();
        QCOMPARE(model.columnCount(), EvidenceModel::FixedColumns + 3);
        QCOMPARE(model.headerData(EvidenceModel::FixedColumns + 2, Qt::Horizontal).toString(),
                 QStringLiteral("Fibre cut"));
        QCOMPARE(scores.rowCount(), 3);
        edit::renameHypothesis(&doc, h, QStringLiteral("Fibre cut (north)"));
        QCOMPARE(model.headerData(EvidenceModel::FixedColumns + 2, Qt::Horizontal).toString(),
                 QStringLiteral("Fibre cut (north)"));
        edit::moveHypothesis(&doc, h, 0);
        QCOMPARE(model.hypothesisAt(EvidenceModel::FixedColumns), h);
        edit::removeEvidence(&doc, QList<Id>{doc.evidence()[0].id, id});
        edit::removeHypothesis(&doc, h);
        rescore();
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        rescore();
        QCOMPARE(model.rowCount(), 4);
        doc.reset(sampleCase());
        rescore();
        QCOMPARE(filter.rowCount(), 4);
    }

    void hypothesesModelUnderEdits()
    {
        CaseDocument doc(sampleCase());
        HypothesesModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Id h =
            edit::addHypothesis(&doc, Hypothesis{0, QStringLiteral("Fibre cut"), HypothesisKind::Network, 0.0, {}});
        QVERIFY(model.setData(model.index(2, HypothesesModel::Prior), 0.25));
        QCOMPARE(doc.find<Hypothesis>(h)->prior, 0.25);
        QVERIFY(!model.setData(model.index(2, HypothesesModel::Prior), 1.5)); // not a probability
        QVERIFY(model.setData(model.index(2, HypothesesModel::Kind), QStringLiteral("change")));
        QVERIFY(!model.setData(model.index(2, HypothesesModel::Kind), QStringLiteral("aliens")));
        edit::moveHypothesis(&doc, h, 0);
        QCOMPARE(model.index(0, HypothesesModel::Name).data().toString(), QStringLiteral("Fibre cut"));
        edit::removeHypothesis(&doc, h);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 2);
    }

    void ratingCellsEditAndShow()
    {
        CaseDocument doc(sampleCase());
        EvidenceModel model(&doc);
        const QModelIndex cell = model.index(0, EvidenceModel::FixedColumns);
        QCOMPARE(cell.data().toString(), QStringLiteral("C"));
        QVERIFY(cell.data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
        QVERIFY(model.setData(cell, QStringLiteral("ii")));
        QCOMPARE(toString(doc.evidence()[0].rating(doc.hypotheses()[0].id)), QStringLiteral("II"));
        QVERIFY(!model.setData(cell, QStringLiteral("maybe"))); // not a rating: refused
        QVERIFY(model.setData(cell, QString()));
        QVERIFY(!model.index(0, EvidenceModel::FixedColumns).data(Qt::BackgroundRole).isValid());
        QCOMPARE(doc.undoStack()->count(), 1); // II then blank on one cell merge to one step
        QVERIFY(!model.setData(model.index(0, EvidenceModel::Title), QStringLiteral("  ")));
        // Diagnosticity: |CC − II| = 4 for "sharp"; a hidden-hypothesis-free NA row is 0.
        QCOMPARE(model.index(1, EvidenceModel::Diagnosticity).data().toDouble(), 4.0);
        QCOMPARE(model.index(3, EvidenceModel::Diagnosticity).data().toDouble(), 0.0);
    }

    void filterByStateTagStarAndSortByDiagnosticity()
    {
        CaseDocument doc(sampleCase());
        EvidenceModel model(&doc);
        EvidenceFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStateFilter(EvidenceState::Accepted);
        QCOMPARE(titles(filter), (QStringList{QStringLiteral("flat"), QStringLiteral("sharp")}));
        filter.setStateFilter(std::nullopt);
        filter.setTagFilter(QStringLiteral("net"));
        QCOMPARE(titles(filter), (QStringList{QStringLiteral("flat"), QStringLiteral("mild")})); // case-insensitive
        filter.setTagFilter({});
        filter.setStarredOnly(true);
        QCOMPARE(titles(filter), (QStringList{QStringLiteral("sharp"), QStringLiteral("no")}));
        filter.setStarredOnly(false);
        // Diagnosticity: flat 0, sharp 4, mild 1, no 0 (one rating).
        filter.sort(EvidenceModel::Diagnosticity, Qt::DescendingOrder);
        QCOMPARE(titles(filter).mid(0, 2), (QStringList{QStringLiteral("sharp"), QStringLiteral("mild")}));
        // Rating edits re-sort: flat becomes the most diagnostic (II vs CC = 4), sharp drops to
        // II vs N = 2, still above mild (1).
        edit::setRating(&doc, doc.evidence()[0].id, doc.hypotheses()[0].id, Rating::II);
        edit::setRating(&doc, doc.evidence()[0].id, doc.hypotheses()[1].id, Rating::CC);
        edit::setRating(&doc, doc.evidence()[1].id, doc.hypotheses()[1].id, Rating::N);
        QCOMPARE(titles(filter).mid(0, 3),
                 (QStringList{QStringLiteral("flat"), QStringLiteral("sharp"), QStringLiteral("mild")}));
        // Bulk tag shows up in the tag filter.
        edit::addTag(&doc, {doc.evidence()[1].id}, QStringLiteral("net"));
        filter.setTagFilter(QStringLiteral("NET"));
        QCOMPARE(filter.rowCount(), 3);
    }
};

QTEST_MAIN(TestEvidenceModels)
#include "tst_evidencemodels.moc"

// The Sources, Evidence and Statements lists show their times in the case's display zone (the one
// the chart and the timeline follow) and their headers name it: on a case imported from a
// hand-written access log (tests/data/curves, 12 December 2010, so Berlin is UTC+1), a statement
// of a period and an evidence item on a range, read in UTC, then in Europe/Berlin, then UTC again
// by undo. A statement's time edited as text stays UTC, the zone typed times are read in.
#include "docks/evidencedetail.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/viewedits.h"
#include "models/evidencemodel.h"
#include "models/sourcesmodel.h"
#include "models/statementsmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
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
        // Edited as text, a statement's time is UTC, in which typed times are read.
        QCOMPARE(cell(statements, StatementsModel::Time, Qt::EditRole), u"2010-12-12 21:02\u201321:04Z"_qs);

        // Undo: UTC again.
        m_doc.undoStack()->undo();
        QCOMPARE(header(statements, StatementsModel::Time), u"Time (UTC)"_qs);
        QCOMPARE(cell(evidence, EvidenceModel::Provenance), u"2010-12-12 21:02:05Z \u2013 2010-12-12 21:03:55Z"_qs);
    }
};

QTEST_MAIN(TestDockTimes)
#include "tst_docktimes.moc"

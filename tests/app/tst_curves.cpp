// User-defined curves and event marks in the engine: the filter expression (site, status,
// method, path, client blocks, text), each aggregate per bin on a hand-written access log
// imported through the importer, undoable edits, and the case file keeping them (schema 5).
#include "analysis/curveseries.h"
#include "analysis/eventmarklist.h"
#include "analysis/filterexpression.h"
#include "analysis/lineevidence.h"
#include "casefile/casefile.h"
#include "casefile/schema.h"
#include "casefile/sqlconnection.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/curveedits.h"
#include "model/eventmarkedits.h"
#include "testlib/ingestfixtures.h"
#include "testlib/testprinters.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace inquest;
using namespace inquest::testing;

namespace {
const QString Log = QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log");
constexpr int64_t Minute = 60 * UsPerSecond;
} // namespace

class TestCurves : public QObject
{
    Q_OBJECT

    CaseData m_case;
    QTemporaryDir m_dir;

    // The curve's value in the one-minute bin starting at `hhmm` (21:MM on the log's day).
    double valueAt(const CurveSpec &c, int minute)
    {
        QString error;
        const auto s = curveSeries(m_case.sources, SiteRule::of(m_case.meta), c, Minute, utc("2010-12-12T21:00:00Z"),
                                   utc("2010-12-12T21:10:00Z"), &error);
        if (!s) {
            qWarning("%s", qPrintable(error));
            return -1;
        }
        return s->values[std::size_t(minute)];
    }
    CurveSpec curve(const QString &filter, const QString &aggregate)
    {
        CurveSpec c;
        c.name = filter;
        c.filter = filter;
        QString error;
        if (!parseCurveAggregate(aggregate, &c, &error))
            qWarning("%s", qPrintable(error));
        return c;
    }

private slots:
    void initTestCase()
    {
        const ImportResult r = importOk(Log);
        QVERIFY(r.ok());
        QCOMPARE(r.source->events, 14);
        m_case = CaseData::create(QStringLiteral("Checkout outage"));
        Source s = *r.source;
        s.id = m_case.nextId++;
        m_case.sources.append(s);
    }

    void filterExpressionReadsEveryKey()
    {
        EventFilter f;
        QString error;
        QVERIFY2(parseFilterExpression(QStringLiteral("site:www.shop.de status:5xx,000 method:post,PUT path:/checkout "
                                                      "client:10.1.0.0/16 host:\"db 1\" disk full"),
                                       &f, &error),
                 qPrintable(error));
        QCOMPARE(f.site, QStringLiteral("www.shop.de"));
        QCOMPARE(f.statusClasses, uint8_t(EventFilter::Status5xx));
        QCOMPARE(f.statusCodes.size(), 1);
        QVERIFY(f.methods & (1u << unsigned(HttpMethod::Post)));
        QVERIFY(f.methods & (1u << unsigned(HttpMethod::Put)));
        QVERIFY(!(f.methods & (1u << unsigned(HttpMethod::Get))));
        QCOMPARE(f.path, QStringLiteral("/checkout"));
        QCOMPARE(f.client, QStringLiteral("10.1.0.0/16"));
        QCOMPARE(f.host, QStringLiteral("db 1"));
        QCOMPARE(f.text, QStringLiteral("disk full"));
        // Written back and read again: the same filter.
        EventFilter again;
        QVERIFY2(parseFilterExpression(filterExpression(f), &again, &error), qPrintable(error));
        QCOMPARE(again, f);
        // A URL is text, not a key.
        QVERIFY(parseFilterExpression(QStringLiteral("https://www.shop.de/cart"), &f, &error));
        QCOMPARE(f.text, QStringLiteral("https://www.shop.de/cart"));
    }

    void filterExpressionNamesWhatIsWrong_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("key") << QStringLiteral("stauts:503") << QStringLiteral("stauts:503");
        QTest::newRow("status") << QStringLiteral("status:5x") << QStringLiteral("5x");
        QTest::newRow("method") << QStringLiteral("method:FETCH") << QStringLiteral("FETCH");
        QTest::newRow("block") << QStringLiteral("client:10.1.0.0/40") << QStringLiteral("client:10.1.0.0/40");
        QTest::newRow("quote") << QStringLiteral("text:\"disk full") << QStringLiteral("quote");
        QTest::newRow("empty") << QStringLiteral("site:") << QStringLiteral("no value");
    }
    void filterExpressionNamesWhatIsWrong()
    {
        QFETCH(QString, text);
        QFETCH(QString, named);
        EventFilter f;
        f.site = QStringLiteral("kept");
        QString error;
        QVERIFY(!parseFilterExpression(text, &f, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QCOMPARE(f.site, QStringLiteral("kept")); // a bad expression changes nothing
    }

    // Expected values counted by hand from the log (one-minute bins from 21:00).
    void aggregatesPerBin_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("aggregate");
        QTest::addColumn<int>("minute");
        QTest::addColumn<double>("expected");
        QTest::newRow("503 POST checkout")
            << QStringLiteral("status:503 method:POST path:/checkout") << QStringLiteral("count") << 2 << 3.0;
        QTest::newRow("5xx from 10.1/16")
            << QStringLiteral("status:5xx client:10.1.0.0/16") << QStringLiteral("count") << 2 << 2.0;
        QTest::newRow("5xx from 10.1/16, 21:03")
            << QStringLiteral("status:5xx client:10.1.0.0/16") << QStringLiteral("count") << 3 << 2.0;
        QTest::newRow("site, all") << QStringLiteral("site:www.shop.de") << QStringLiteral("count") << 0 << 2.0;
        QTest::newRow("other site") << QStringLiteral("site:www.shop.com") << QStringLiteral("count") << 0 << 0.0;
        QTest::newRow("bytes") << QString() << QStringLiteral("sum(bytes)") << 0 << 35120.0;
        QTest::newRow("mean response") << QString() << QStringLiteral("mean(response)") << 0 << 32.5;
        QTest::newRow("p50 checkout") << QStringLiteral("path:/checkout") << QStringLiteral("p50(response)") << 2
                                      << 2000.0;
        QTest::newRow("p100 checkout") << QStringLiteral("path:/checkout") << QStringLiteral("p100(response)") << 2
                                       << 2500.0;
        QTest::newRow("max checkout") << QStringLiteral("path:/checkout") << QStringLiteral("max(response)") << 3
                                      << 3000.0;
        QTest::newRow("text") << QStringLiteral("iphone") << QStringLiteral("count") << 1 << 1.0;
    }
    void aggregatesPerBin()
    {
        QFETCH(QString, filter);
        QFETCH(QString, aggregate);
        QFETCH(int, minute);
        QFETCH(double, expected);
        QCOMPARE(valueAt(curve(filter, aggregate), minute), expected);
    }

    void emptyBinsOfAMeanAreNotZero()
    {
        // 21:06 to 21:10 hold no event: a mean has nothing to show there, a count shows 0.
        QVERIFY(std::isnan(valueAt(curve({}, QStringLiteral("mean(bytes)")), 7)));
        QCOMPARE(valueAt(curve({}, QStringLiteral("count")), 7), 0.0);
    }

    void badAggregateIsRefused()
    {
        CurveSpec c;
        QString error;
        QVERIFY(!parseCurveAggregate(QStringLiteral("median(bytes)"), &c, &error));
        QVERIFY(error.contains(QStringLiteral("median(bytes)")));
        QVERIFY(!parseCurveAggregate(QStringLiteral("p120(response)"), &c, &error));
        QVERIFY(error.contains(QStringLiteral("120")));
    }

    void curveEditsUndoAndSurviveTheCaseFile()
    {
        CaseDocument doc(m_case);
        const Id id = edit::addCurve(&doc, curve(QStringLiteral("status:503"), QStringLiteral("count")));
        QCOMPARE(doc.curves().size(), 1);
        const Id second = edit::addCurve(&doc, curve(QStringLiteral("status:503"), QStringLiteral("count")));
        QCOMPARE(doc.find<CurveSpec>(second)->name, QStringLiteral("status:503 (2)")); // names stay unique
        CurveSpec changed = *doc.find<CurveSpec>(id);
        changed.style = CurveStyle::Bars;
        changed.colour = QStringLiteral("#1f77b4");
        edit::changeCurve(&doc, changed);
        QCOMPARE_ENUM(doc.find<CurveSpec>(id)->style, CurveStyle::Bars);
        doc.undoStack()->undo();
        QCOMPARE_ENUM(doc.find<CurveSpec>(id)->style, CurveStyle::Line);
        doc.undoStack()->redo();
        edit::removeCurve(&doc, second);
        QCOMPARE(doc.curves().size(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.curves().size(), 2);
        doc.undoStack()->redo();
        // A curve of every event has no filter (`inquest curve add` without --filter).
        CurveSpec everything;
        everything.name = QStringLiteral("every event");
        QVERIFY(everything.filter.isNull());
        edit::addCurve(&doc, everything);

        const QString path = m_dir.filePath(QStringLiteral("curves.inquest"));
        QString error;
        QVERIFY2(casefile::save(doc, path, &error), qPrintable(error));
        const auto read = casefile::read(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->curves, doc.curves());
        QCOMPARE_ENUM(read->curves[0].style, CurveStyle::Bars);
    }

    void eventMarksUndoAndSurviveTheCaseFile()
    {
        CaseDocument doc(m_case);
        const Source &s = doc.sources()[0];
        const auto row = rowOfLine(s, 5);
        QVERIFY(row);
        EventMark m = eventMarkFor(s, *row);
        QCOMPARE(m.time, utc("2010-12-12T21:02:05Z"));
        m.starred = true;
        m.tags = {QStringLiteral("first 503")};
        m.comment = QStringLiteral("checkout fails from here");
        edit::setEventMarks(&doc, {m}, QStringLiteral("Mark event"));
        QCOMPARE(doc.eventMarks().size(), 1);
        // Blank: removed; undo brings it back.
        EventMark blank = doc.eventMarks()[0];
        blank.starred = false;
        blank.tags.clear();
        blank.comment.clear();
        edit::setEventMarks(&doc, {blank}, QStringLiteral("Unmark"));
        QVERIFY(doc.eventMarks().isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.eventMarks().size(), 1);

        const QString path = m_dir.filePath(QStringLiteral("marks.inquest"));
        QString error;
        QVERIFY2(casefile::save(doc, path, &error), qPrintable(error));
        const auto read = casefile::read(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->eventMarks, doc.eventMarks());
        // Listed with the raw line read back from the file.
        const QList<EventMarkEntry> entries = eventMarkEntries(*read);
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries[0].raw.startsWith(QStringLiteral("10.1.2.3 - - [12/Dec/2010:21:02:05")),
                 qPrintable(entries[0].raw + entries[0].problem));
        QCOMPARE(entries[0].sourceName, QStringLiteral("www.shop.de-access.log"));
    }

    void evidenceFilterSurvivesTheCaseFile()
    {
        CaseDocument doc(m_case);
        Evidence e;
        e.title = QStringLiteral("503 on checkout");
        e.provenance.timeBegin = utc("2010-12-12T21:02:00Z");
        e.provenance.timeEnd = utc("2010-12-12T21:04:00Z");
        e.provenance.filter = QStringLiteral("status:503 path:/checkout");
        edit::addEvidence(&doc, e);
        const QString path = m_dir.filePath(QStringLiteral("evidence.inquest"));
        QString error;
        QVERIFY2(casefile::save(doc, path, &error), qPrintable(error));
        const auto read = casefile::read(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->evidence.last().provenance.filter, QStringLiteral("status:503 path:/checkout"));
    }

    void evidenceFromLinesCitesThem()
    {
        const Source &s = m_case.sources[0];
        const QList<Evidence> items =
            evidenceFromLines(m_case.sources, {{s.id, *rowOfLine(s, 7)}, {s.id, *rowOfLine(s, 5)}});
        QCOMPARE(items.size(), 1);
        const Provenance &p = items[0].provenance;
        QCOMPARE(p.firstLine, 5);
        QCOMPARE(p.lastLine, 7);
        QCOMPARE(p.sourceSha256, s.sha256);
        QCOMPARE(p.offsetBegin, qint64(s.table->offset[*rowOfLine(s, 5)]));
        QCOMPARE(p.offsetEnd, qint64(s.table->offset[*rowOfLine(s, 8)]));
        QCOMPARE(p.timeBegin, utc("2010-12-12T21:02:05Z"));
        QCOMPARE_GT(p.timeEnd, utc("2010-12-12T21:02:30Z"));
        QCOMPARE_ENUM(items[0].state, EvidenceState::Suggested);
    }

    void version4CaseOpensWithoutAnnotations()
    {
        const QString file = m_dir.filePath(QStringLiteral("v4.inquest"));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema::ApplicationId)));
            for (const QString &sql : schema::ddlForVersion(4))
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO meta VALUES ('schema_version', '4'), ('case_id', 'c-4'), "
                                      "('title', 'Old'), ('next_id', '3'), ('created', '2011-01-02T03:04:05.000Z')")));
        }
        QString error;
        int version = 0;
        const auto data = casefile::read(file, &error, &version);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(version, 4);
        QVERIFY(data->curves.isEmpty());
        QVERIFY(data->eventMarks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCurves)
#include "tst_curves.moc"

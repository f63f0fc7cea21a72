// analysis/eventsearch and its parts (LinePattern, SourceText), SearchController, and
// model/timeinput: against a line-by-line QRegularExpression over files imported for real.
#include "analysis/eventsearch.h"
#include "analysis/searchcontroller.h"
#include "analysis/sourcetext.h"
#include "analysis/timelineindex.h"
#include "ingest/importer.h"
#include "model/source.h"
#include "model/timeinput.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace inquest;

namespace {

// A combined log of `n` lines (over 4 MiB for n = 30000, so blocks split), with CRLF line ends
// when asked and a comment line every 1000 lines that no reader takes for an event.
QByteArray accessLog(int n, bool crlf)
{
    QByteArray text;
    const char *agents[] = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.4.0", "Googlebot/2.1", "Ünïcode-Agent/1 \xff"};
    for (int i = 0; i < n; ++i) {
        if (i % 1000 == 999)
            text += "# rotated\n";
        text += QStringLiteral("10.0.%1.%2 - - [12/Dec/2010:21:%3:%4 +0000] \"GET /item/%5?q=%6 HTTP/1.1\" %7 %8 "
                               "\"-\" \"")
                    .arg(i / 256 % 256)
                    .arg(i % 256)
                    .arg(i / 600 % 60, 2, 10, QLatin1Char('0'))
                    .arg(i / 10 % 60, 2, 10, QLatin1Char('0'))
                    .arg(i % 977)
                    .arg(QString(40 + i % 80, QLatin1Char('x')))
                    .arg(i % 13 == 0 ? 503 : 200)
                    .arg(i * 7 % 10000)
                    .toUtf8();
        text += agents[i % 4];
        text += crlf ? "\"\r\n" : "\"\n";
    }
    return text;
}

QByteArray gzip(const QByteArray &text)
{
    QByteArray out(qsizetype(compressBound(uLong(text.size())) + 64), Qt::Uninitialized);
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    zs.avail_in = uInt(text.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.truncate(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

Source importFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    f.close();
    ImportResult r = importLogFile(path, {});
    return r.source ? *r.source : Source();
}

// Times of the rows whose line (as the reader saw it) matches, by QRegularExpression per line.
std::vector<int64_t> expectedTimes(const QByteArray &text, const QString &pattern)
{
    const QRegularExpression re(pattern);
    std::vector<int64_t> times;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (re.match(QString::fromUtf8(line)).hasMatch())
            times.push_back(0); // counted; times are compared by the caller through the rows
    }
    return times;
}

} // namespace

class TestEventSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_text;
    QList<Source> m_sources;
    std::shared_ptr<const TimelineIndex> m_index;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_text = accessLog(30000, false);
        QVERIFY(m_text.size() > 4 * 1024 * 1024);
        m_sources.append(importFile(m_dir.filePath(QStringLiteral("plain.log")), m_text));
        m_sources.append(importFile(m_dir.filePath(QStringLiteral("packed.log.gz")), gzip(m_text)));
        m_sources.append(importFile(m_dir.filePath(QStringLiteral("crlf.log")), accessLog(30000, true)));
        for (Source &s : m_sources) {
            QCOMPARE(s.events, 30000);
            s.id = Id(&s - m_sources.data() + 1);
        }
        m_index = TimelineIndex::build(timelineSources(m_sources));
        QCOMPARE(m_index->size(), std::size_t(90000));
    }

    void matchesLikeALineByLineSearch_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("literal") << QStringLiteral("Googlebot");
        QTest::newRow("status") << QStringLiteral("\" 503 [0-9]+ ");
        QTest::newRow("anchors") << QStringLiteral("^10\\.0\\.3\\.1[0-9] .*curl/8\\.4\\.0\"$");
        QTest::newRow("insensitive") << QStringLiteral("(?i)gooGLEBOT");
        QTest::newRow("unicode") << QStringLiteral("Ün.code");
        QTest::newRow("not across lines") << QStringLiteral("Agent/1 \\S*\\s+10\\.");
        QTest::newRow("long x runs") << QStringLiteral("q=x{110,}");
        QTest::newRow("comment lines are no events") << QStringLiteral("rotated");
    }
    void matchesLikeALineByLineSearch()
    {
        QFETCH(QString, pattern);
        QString error;
        const std::optional<LinePattern> p = LinePattern::compile(pattern, &error);
        QVERIFY2(p, qPrintable(error));
        const std::size_t perFile = expectedTimes(m_text, pattern).size();
        const std::optional<EventSearchResult> r = searchRawLines(*m_index, m_index->entries(), *p);
        QVERIFY(r);
        QVERIFY(r->unreadable.empty());
        // The same lines in all three files (plain, gzip, CRLF).
        QCOMPARE(r->hits.size(), 3 * perFile);
        std::size_t perSource[3] = {};
        for (const std::size_t i : r->hits)
            ++perSource[timeline::sourceOf(m_index->entries()[i])];
        QCOMPARE(perSource[0], perFile);
        QCOMPARE(perSource[1], perFile);
        QCOMPARE(perSource[2], perFile);
        QVERIFY(std::is_sorted(r->hits.begin(), r->hits.end()));
    }

    void searchesOnlyTheGivenRows()
    {
        const auto p = LinePattern::compile(QStringLiteral("Googlebot"), nullptr);
        std::vector<uint64_t> rows;
        for (std::size_t i = 0; i < m_index->size(); i += 2)
            rows.push_back(m_index->entries()[i]);
        const auto r = searchRawLines(*m_index, rows, *p);
        QVERIFY(r && !r->hits.empty());
        // One reader per source, read forwards as the rows ascend.
        std::vector<std::unique_ptr<SourceText>> texts;
        for (const TimelineSource &src : m_index->sources())
            texts.push_back(std::make_unique<SourceText>(src.path, src.size));
        for (const std::size_t i : r->hits) {
            const uint64_t e = rows[i];
            const auto &src = m_index->sourceOf(e);
            const auto line = texts[timeline::sourceOf(e)]->lineAt(src.table->offset[timeline::rowOf(e)]);
            QVERIFY(line && line->find("Googlebot") != std::string_view::npos);
        }
    }

    void cancels()
    {
        const auto p = LinePattern::compile(QStringLiteral("x"), nullptr);
        QVERIFY(!searchRawLines(*m_index, m_index->entries(), *p, [] { return true; }));
    }

    void unreadableSourcesAreNamed()
    {
        QTemporaryDir dir;
        QList<Source> sources{importFile(dir.filePath(QStringLiteral("gone.log")), accessLog(50, false))};
        sources[0].id = 7;
        QVERIFY(QFile::remove(sources[0].path));
        const auto index = TimelineIndex::build(timelineSources(sources));
        const auto r = searchRawLines(*index, index->entries(), *LinePattern::compile(QStringLiteral("GET"), nullptr));
        QVERIFY(r);
        QVERIFY(r->hits.empty());
        QCOMPARE(r->unreadable.size(), std::size_t(1));
        QVERIFY(r->unreadable[0].message.contains(sources[0].path));
    }

    void invalidPatternSaysWhere()
    {
        QString error;
        QVERIFY(!LinePattern::compile(QStringLiteral("GET (/cart"), &error));
        QVERIFY2(error.contains(QStringLiteral("missing closing parenthesis")), qPrintable(error));
        QVERIFY(!LinePattern::compile(QStringLiteral("a{2,1}"), &error));
        QVERIFY(error.contains(QStringLiteral("character")));
    }

    void lineAtReadsBackwardsInGzip()
    {
        const Source &gz = m_sources[1];
        SourceText text(gz.path, gz.size);
        QVERIFY(text.isOpen());
        const auto last = text.lineAt(gz.table->offset.back());
        QVERIFY(last && last->starts_with("10.0.117.47 "));
        const auto first = text.lineAt(0);
        QVERIFY(first && first->starts_with("10.0.0.0 - - [12/Dec/2010:21:00:00 +0000]"));
        QVERIFY(!text.lineAt(quint64(m_text.size())));
    }

    void controllerSearchesOffTheCallingThread()
    {
        SearchController search;
        search.setSynchronousLimit(0);
        QSignalSpy updated(&search, &SearchController::updated);
        auto rows = std::shared_ptr<const std::vector<uint64_t>>(m_index, &m_index->entries());
        search.search(m_index, rows, QStringLiteral("curl/8"));
        QVERIFY(search.isBusy());
        search.search(m_index, rows, QStringLiteral("Googlebot")); // supersedes the first
        QTRY_VERIFY(!search.isBusy() && search.hits()->size() == std::size_t(3 * 7500));
        search.search(m_index, rows, QStringLiteral("(("));
        QVERIFY(!search.error().isEmpty());
        QVERIFY(search.hits()->empty());
    }

    void typedTimes()
    {
        const qint64 at2105 = 1292187900'000'000; // 2010-12-12T21:05:00Z
        QCOMPARE(parseTimeInput(QStringLiteral("2010-12-12T21:05:00Z")), at2105);
        QCOMPARE(parseTimeInput(QStringLiteral("2010-12-12 21:05")), at2105);
        QCOMPARE(parseTimeInput(QStringLiteral("2010-12-12T22:05:00+01:00")), at2105);
        QCOMPARE(parseTimeInput(QStringLiteral("2010-12-12")), at2105 - (21 * 3600 + 300) * qint64(1'000'000));
        QVERIFY(!parseTimeInput(QStringLiteral("21:05")));                   // a clock time needs a day
        const ClockDay utcDay{at2105 + 3 * 3600 * qint64(1'000'000), "UTC"}; // 2010-12-13T00:05Z
        QCOMPARE(parseTimeInput(QStringLiteral("21:05"), utcDay), at2105 + 86400 * qint64(1'000'000));
        QCOMPARE(parseTimeInput(QStringLiteral("21:05:30"), utcDay), at2105 + (86400 + 30) * qint64(1'000'000));
        // Tokyo is 9 h ahead: 2010-12-12T21:05Z is 06:05 on the 13th there.
        const ClockDay tokyo{at2105, "Asia/Tokyo"};
        QCOMPARE(parseTimeInput(QStringLiteral("06:05"), tokyo), at2105);
        QVERIFY(!parseTimeInput(QStringLiteral("25:61"), tokyo));
        QVERIFY(!parseTimeInput(QStringLiteral("soon"), tokyo));
        QVERIFY(!parseTimeInput(QStringLiteral("21:05"), ClockDay{at2105, "Nowhere/Land"}));
    }
};

QTEST_GUILESS_MAIN(TestEventSearch)
#include "tst_eventsearch.moc"

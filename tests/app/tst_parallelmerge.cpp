// The parallel import (memory-mapped file, chunks parsed by workers that keep their string
// pools across chunks, merged through a remap) must give exactly the table a single parser
// gives when it reads the whole file in one go: same rows, same strings, same string ids.
#include "ingest/chunkparser.h"
#include "ingest/formatregistry.h"
#include "ingest/importer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

// ~33 MB: two 16 MiB blocks and many 2 MiB chunks. Clients repeat with a period that is not
// a multiple of anything, so the same strings turn up in chunks of both workers, and a few
// strings appear for the first time late in the file; every 5001st line is malformed.
QByteArray bigLog(int lines)
{
    QByteArray all;
    all.reserve(qsizetype(lines) * 120);
    for (int i = 0; i < lines; ++i) {
        if (i % 5001 == 4000) {
            all += "this is not an access log line " + QByteArray::number(i) + '\n';
            continue;
        }
        const int c = int(qint64(i) * 7919 % 30011);
        all += "10." + QByteArray::number(c % 251) + '.' + QByteArray::number(c / 251) +
               ".9 - - [11/Oct/2023:10:" + QByteArray::number(10 + i / 60000 % 50) + ":" +
               QByteArray::number(10 + i % 50) + " +0200] \"GET /p/" + QByteArray::number(i % 3001) +
               (i > lines - 100 ? "/late" : "") + " HTTP/1.1\" 200 " + QByteArray::number(i) + " \"-\" \"agent " +
               QByteArray::number(i % 7) + "\"\n";
    }
    return all;
}

// The reference: one parser, one pool, the whole text as a single chunk.
ChunkResult parseWhole(const QByteArray &text, uint64_t baseOffset)
{
    ParseContext context;
    auto parser = FormatRegistry::instance().find(QStringLiteral("combined"))->createParser(context);
    ChunkResult r;
    parseChunk(*parser, std::string_view(text.constData(), std::size_t(text.size())), baseOffset, r);
    return r;
}

void compareTables(const EventTable &got, const EventTable &want)
{
    QVERIFY(got.sameContent(want));
    QCOMPARE(got.strings.size(), want.strings.size());
    for (uint32_t id = 0; id < want.strings.size(); ++id) {
        if (got.strings.view(id) != want.strings.view(id))
            QFAIL(qPrintable(QStringLiteral("string id %1 differs").arg(id)));
    }
    QCOMPARE(got.client, want.client);
    QCOMPARE(got.path, want.path);
    QCOMPARE(got.agent, want.agent);
    QCOMPARE(got.referer, want.referer);
}

} // namespace

class TestParallelMerge : public QObject
{
    Q_OBJECT
private slots:
    void sameAsOneParser()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.log"));
        const QByteArray text = bigLog(300000);
        QVERIFY(text.size() > (16 << 20) + (8 << 20)); // more than one block
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        ImportOptions options;
        options.format = QStringLiteral("combined");
        const ImportResult r = importLogFile(path, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const ChunkResult want = parseWhole(text, 0);
        QCOMPARE(r.source->lines, qint64(want.lines));
        QCOMPARE(r.source->malformed, want.malformed);
        QCOMPARE(r.source->issues.size(), want.issues.size());
        QCOMPARE(r.source->issues.last().line, want.issues.last().line);
        compareTables(*r.source->table, want.table);
        // Strings first seen at the very end got ids after all the others.
        const EventTable &t = *r.source->table;
        QCOMPARE(t.strings.view(t.path.back()), std::string_view("/p/2900/late"));
        QCOMPARE(t.path.back(), t.strings.size() - 1);
    }

    void byteOrderMarkShiftsOffsets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bom.log"));
        const QByteArray text = bigLog(20000);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xef\xbb\xbf" + text);
        f.close();
        const ImportResult r = importLogFile(path, {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        compareTables(*r.source->table, parseWhole(text, 3).table);
        QCOMPARE(r.source->table->offset.front(), 3u);
    }
};

QTEST_GUILESS_MAIN(TestParallelMerge)
#include "tst_parallelmerge.moc"

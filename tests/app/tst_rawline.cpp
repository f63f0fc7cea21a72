#include "analysis/rawline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <zlib.h>

using namespace inquest;

namespace {

qint64 writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write(bytes);
    return f.size();
}

// One gzip member per part (several parts = a concatenated .gz, as logrotate can produce).
QByteArray gzip(const QList<QByteArray> &parts)
{
    QByteArray out;
    for (const QByteArray &part : parts) {
        z_stream zs{};
        deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        QByteArray buf(int(deflateBound(&zs, uLong(part.size()))) + 32, Qt::Uninitialized);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.constData()));
        zs.avail_in = uInt(part.size());
        zs.next_out = reinterpret_cast<Bytef *>(buf.data());
        zs.avail_out = uInt(buf.size());
        deflate(&zs, Z_FINISH);
        buf.truncate(qsizetype(zs.total_out));
        deflateEnd(&zs);
        out += buf;
    }
    return out;
}

// A log big enough that a .gz needs several inflate rounds before the offset.
QByteArray bigLog(int lines, QList<qint64> *offsets)
{
    QByteArray log;
    for (int i = 0; i < lines; ++i) {
        offsets->append(log.size());
        log += "10.0.0." + QByteArray::number(i % 250) + " - - [12/Dec/2010:21:45:00 +0000] \"GET /item/" +
               QByteArray::number(i) + " HTTP/1.1\" 200 512\n";
    }
    return log;
}

} // namespace

class TestRawLine : public QObject
{
    Q_OBJECT

private slots:
    void readsPlainLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("access.log"));
        const qint64 size = writeFile(path, "first line\r\nsecond line\nlast line without newline");
        RawLine r = readRawLine(path, size, 0);
        QCOMPARE(r.status, RawLine::Status::Ok);
        QCOMPARE(r.bytes, QByteArray("first line")); // CRLF is the line break
        r = readRawLine(path, size, 12);
        QCOMPARE(r.bytes, QByteArray("second line"));
        r = readRawLine(path, size, 24);
        QCOMPARE(r.bytes, QByteArray("last line without newline"));
        r = readRawLine(path, size, 5);
        QCOMPARE(r.bytes, QByteArray(" line")); // offsets are taken as given
    }

    void cutsLongLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.log"));
        const qint64 size = writeFile(path, QByteArray(1'000'000, 'a') + "\nnext\n");
        const RawLine r = readRawLine(path, size, 0, 1000);
        QCOMPARE(r.status, RawLine::Status::Ok);
        QVERIFY(r.truncated);
        QCOMPARE(r.bytes.size(), 1000);
        QCOMPARE(readRawLine(path, size, 1'000'001).bytes, QByteArray("next"));
    }

    void readsGzipAtAnyOffset()
    {
        QList<qint64> offsets;
        const QByteArray log = bigLog(40'000, &offsets); // ~2.6 MB decompressed
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("access.log.1.gz"));
        const qint64 size = writeFile(path, gzip({log.left(offsets[25'000]), log.mid(offsets[25'000])}));
        for (int line : {0, 1, 24'999, 25'000, 39'999}) {
            const RawLine r = readRawLine(path, size, quint64(offsets[line]));
            QCOMPARE(r.status, RawLine::Status::Ok);
            const qint64 end = log.indexOf('\n', offsets[line]);
            QCOMPARE(r.bytes, log.mid(offsets[line], end - offsets[line]));
        }
        QCOMPARE(readRawLine(path, size, quint64(log.size()) + 10).status, RawLine::Status::Changed);
    }

    void truncatedGzipStillGivesEarlierLines()
    {
        QList<qint64> offsets;
        const QByteArray log = bigLog(40'000, &offsets);
        const QByteArray gz = gzip({log});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.gz"));
        const qint64 size = writeFile(path, gz.left(gz.size() / 2));
        QCOMPARE(readRawLine(path, size, quint64(offsets[10])).bytes,
                 log.mid(offsets[10], offsets[11] - offsets[10] - 1));
        const RawLine late = readRawLine(path, size, quint64(offsets[39'999]));
        QCOMPARE(late.status, RawLine::Status::Changed);
        QVERIFY(late.message.contains(QStringLiteral("ends before byte")));
    }

    void missingOrChangedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gone.log"));
        RawLine r = readRawLine(path, 100, 0);
        QCOMPARE(r.status, RawLine::Status::Missing);
        QVERIFY(r.message.contains(QStringLiteral("missing")));
        QVERIFY(r.message.contains(path));
        QVERIFY(r.message.contains(QStringLiteral("showing the parsed fields only")));
        QVERIFY(r.bytes.isEmpty());

        const qint64 size = writeFile(path, "one\ntwo\n");
        writeFile(path, "one\ntwo\nthree, appended after the import\n");
        r = readRawLine(path, size, 4);
        QCOMPARE(r.status, RawLine::Status::Changed);
        QVERIFY(r.message.contains(QStringLiteral("has changed since import")));
        QVERIFY(r.bytes.isEmpty());
    }

    // The raw-line panel reads the path a case names; a FIFO or a device is never opened.
    void devicesAndFifosAreNotRead()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.log"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString &p : {fifo, QStringLiteral("/dev/zero"), QStringLiteral("/proc/self/environ")}) {
            const RawLine r = readRawLine(p, 0, 0);
            QCOMPARE(r.status, RawLine::Status::Unreadable);
            QVERIFY2(r.message.contains(QStringLiteral("not a regular file")), qPrintable(r.message));
        }
    }

    void displayEscapesControlsAndBadUtf8()
    {
        QCOMPARE(displayRawBytes("GET /\tx\x1b[31m"), QStringLiteral("GET /\\tx\\x1b[31m"));
        QCOMPARE(displayRawBytes("a\rb\x7f"), QStringLiteral("a\\rb\\x7f"));
        QCOMPARE(displayRawBytes("caf\xc3\xa9"), QStringLiteral("caf\u00e9"));
        QCOMPARE(displayRawBytes("bad \xff\xfe end"), QStringLiteral("bad \ufffd\ufffd end"));
        QCOMPARE(displayRawBytes(QByteArray("nul\0here", 8)), QStringLiteral("nul\\x00here"));
    }
};

QTEST_GUILESS_MAIN(TestRawLine)
#include "tst_rawline.moc"

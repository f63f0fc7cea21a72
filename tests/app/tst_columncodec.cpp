// The stored form of event columns: round trip, damaged blobs refused with a reason (per table
// when several are decoded together), the string pool's bulk path, and the blob cache that lets
// a save store an unchanged table without compressing it again.
#include "casefile/casefile.h"
#include "casefile/columncache.h"
#include "casefile/columncodec.h"
#include "casefile/sqlconnection.h"
#include "model/casedocument.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace inquest;

namespace {

std::shared_ptr<const EventTable> table(int rows, int seed = 0)
{
    auto t = std::make_shared<EventTable>();
    t->numeric.push_back({QStringLiteral("latency_ms"), {}});
    for (int i = 0; i < rows; ++i) {
        const auto r = t->appendRow(1292187600000000LL + i * 250000LL, uint64_t(i) * 97, uint32_t(i + 1));
        t->status[r] = uint16_t((i + seed) % 11 == 0 ? 503 : 200);
        t->bytes[r] = uint64_t((i * 31 + seed) % 5000);
        t->method[r] = i % 4 ? HttpMethod::Get : HttpMethod::Post;
        t->client[r] =
            t->strings.intern(QByteArray("198.51.100.").append(QByteArray::number((i + seed) % 200)).toStdString());
        t->path[r] = t->strings.intern(QByteArray("/item/").append(QByteArray::number(i % 37)).toStdString());
        t->agent[r] = t->strings.intern(i % 2 ? "curl/7.88" : "Mozilla/5.0");
        t->responseUs[r] = uint32_t(i * 13);
        t->numeric[0].values[r] = i % 9 ? double(i) / 8 : std::nan("");
    }
    return t;
}

columncodec::Columns::iterator column(columncodec::Columns &columns, const QString &name)
{
    return std::find_if(columns.begin(), columns.end(), [&](const auto &c) { return c.first == name; });
}

QByteArray storedBlob(const QString &path, Id source, const QString &name)
{
    SqlConnection conn(path, SqlConnection::Mode::ReadOnly);
    QSqlQuery q(conn.db());
    q.prepare(QStringLiteral("SELECT data FROM source_columns WHERE source_id = ? AND name = ?"));
    q.addBindValue(source);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toByteArray();
}

} // namespace

class TestColumnCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const auto t = table(5000);
        QString error;
        const auto back = columncodec::decode(columncodec::encode(*t), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->sameContent(*t));
        QCOMPARE(back->strings.size(), t->strings.size());
        QCOMPARE(back->client, t->client); // same ids: the pool keeps its order
    }

    void emptyTableRoundTrips()
    {
        const EventTable empty;
        QString error;
        const auto back = columncodec::decode(columncodec::encode(empty), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->empty());
        QCOMPARE(back->strings.size(), 1u);
    }

    void damagedBlobsAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated stream")
            << QStringLiteral("bytes") << 0 << QStringLiteral("column bytes cannot be decompressed");
        QTest::newRow("wrong length") << QStringLiteral("time") << 1
                                      << QStringLiteral("column time cannot be decompressed");
        QTest::newRow("part of a value") << QStringLiteral("time") << 2
                                         << QStringLiteral(
                                                "column time has a length that is not a whole number of values");
        QTest::newRow("absurd length") << QStringLiteral("client") << 3
                                       << QStringLiteral("column client cannot be decompressed");
        QTest::newRow("shorter column") << QStringLiteral("status") << 4
                                        << QStringLiteral("event columns have different lengths");
        QTest::newRow("duplicate string")
            << QStringLiteral("strings") << 5 << QStringLiteral("string pool holds a duplicate string");
    }

    void damagedBlobsAreRefusedWithAReason()
    {
        QFETCH(QString, name);
        QFETCH(int, damage);
        QFETCH(QString, reason);
        const auto t = table(3000);
        auto columns = columncodec::encode(*t);
        QByteArray &blob = column(columns, name)->second;
        switch (damage) {
        case 0:
            blob.chop(blob.size() / 2);
            break;
        case 1:
            qToBigEndian<quint32>(qFromBigEndian<quint32>(blob.constData()) + 8, blob.data());
            break;
        case 2:
            blob = qCompress(QByteArray(8 * 10 + 3, 'x'));
            break;
        case 3:
            qToBigEndian<quint32>(0x7ffffffc, blob.data());
            break;
        case 4:
            blob = qCompress(QByteArray(2 * 10, '\0'));
            break;
        case 5: {
            const QByteArray s("/a");
            QByteArray raw;
            const quint32 len = quint32(s.size());
            for (int i = 0; i < 2; ++i)
                raw.append(reinterpret_cast<const char *>(&len), 4).append(s);
            blob = qCompress(raw);
            break;
        }
        }
        QString error;
        QVERIFY(!columncodec::decode(columns, &error));
        QCOMPARE(error, reason);
    }

    void severalTablesDecodeTogetherAndFailApart()
    {
        const auto a = table(4000, 1), b = table(100, 2), c = table(2500, 3);
        auto damaged = columncodec::encode(*b);
        column(damaged, QStringLiteral("path"))->second.chop(10);
        QStringList errors;
        auto tables = columncodec::decode({columncodec::encode(*a), damaged, columncodec::encode(*c)}, &errors);
        QCOMPARE(tables.size(), std::size_t(3));
        QCOMPARE(errors.size(), 3);
        QVERIFY(tables[0] && tables[0]->sameContent(*a));
        QVERIFY(!tables[1]);
        QCOMPARE(errors[1], QStringLiteral("column path cannot be decompressed"));
        QVERIFY(tables[2] && tables[2]->sameContent(*c));
        QVERIFY(errors[0].isEmpty() && errors[2].isEmpty());
    }

    void appendUniqueRefusesWhatThePoolHolds()
    {
        StringPool pool;
        pool.reserve(3, 12);
        QVERIFY(pool.appendUnique("alpha"));
        QVERIFY(pool.appendUnique("beta"));
        QVERIFY(!pool.appendUnique("alpha"));
        QVERIFY(!pool.appendUnique({}));
        QVERIFY(pool.appendUnique("gamma"));
        QCOMPARE(pool.size(), 4u);
        QCOMPARE(pool.find("gamma"), 3u);
        QCOMPARE(pool.view(2), std::string_view("beta"));
        // Beyond what was reserved, views stay valid as the pool grows.
        for (int i = 0; i < 100000; ++i)
            QVERIFY(pool.appendUnique(std::to_string(i)));
        QCOMPARE(pool.view(1), std::string_view("alpha"));
        QCOMPARE(pool.intern("99999"), pool.size() - 1);
    }

    // Saving an opened case stores the blobs it read (no new compression), and they still decode
    // to the same table; a table that never was in a file is encoded on its first save.
    void saveReusesTheBlobsOfAnOpenedCase()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("a.inquest"));
        CaseData data = CaseData::create(QStringLiteral("codec"));
        Source s;
        s.id = data.nextId++;
        s.path = QStringLiteral("/logs/a.log");
        s.sha256 = QString(64, u'a');
        s.table = table(6000);
        s.events = qint64(s.table->size());
        data.sources.append(s);
        QString error;
        QVERIFY2(casefile::write(data, first, &error), qPrintable(error));
        QVERIFY(columncache::contains(s.table));

        // Blobs from another compression level are what an older build might have written:
        // reading must keep those bytes, not the ones this build would produce.
        {
            SqlConnection conn(first, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(conn.db());
            q.prepare(QStringLiteral("UPDATE source_columns SET data = ? WHERE name = 'path'"));
            q.addBindValue(qCompress(
                QByteArray(reinterpret_cast<const char *>(s.table->path.data()), qsizetype(s.table->path.size() * 4)),
                9));
            QVERIFY(q.exec());
        }
        CaseDocument doc;
        QVERIFY2(casefile::open(doc, first, &error), qPrintable(error));
        const auto opened = doc.sources().first().table;
        QVERIFY(columncache::contains(opened));
        const QString second = dir.filePath(QStringLiteral("b.inquest"));
        QVERIFY2(casefile::save(doc, second, &error), qPrintable(error));
        const QByteArray level9 = storedBlob(first, s.id, QStringLiteral("path"));
        QVERIFY(!level9.isEmpty());
        QCOMPARE(storedBlob(second, s.id, QStringLiteral("path")), level9);
        QVERIFY(level9 != columncodec::encode(*opened).at(9).second);

        const auto again = casefile::read(second, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(again->sources.first().table->sameContent(*s.table));
    }
};

QTEST_GUILESS_MAIN(TestColumnCodec)
#include "tst_columncodec.moc"

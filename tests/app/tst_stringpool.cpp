// The string pool behind every interned column (clients, paths, agents…): dense ids, the same
// id for the same bytes however many strings came between, and ids kept across growth.
#include "ingest/interncache.h"
#include "model/stringpool.h"

#include <QTest>

#include <random>
#include <string>
#include <vector>

using namespace inquest;

class TestStringPool : public QObject
{
    Q_OBJECT
private slots:
    void emptyStringIsIdZero()
    {
        StringPool pool;
        QCOMPARE(pool.intern({}), 0u);
        QCOMPARE(pool.find({}), 0u);
        QCOMPARE(pool.size(), 1u);
        QVERIFY(!pool.appendUnique({}));
        QCOMPARE(pool.find("absent"), UINT32_MAX);
    }

    // Hundreds of thousands of distinct client addresses, in an order that is not sorted: every
    // id stays the id first handed out, through every growth of the index.
    void manyDistinctStringsKeepTheirIds()
    {
        StringPool pool;
        std::vector<std::string> texts;
        std::mt19937 rng(2010);
        for (int i = 0; i < 300'000; ++i)
            texts.push_back(std::to_string(rng() % 256) + '.' + std::to_string(rng() % 256) + '.' +
                            std::to_string(i % 256) + '.' + std::to_string(i / 256));
        std::vector<uint32_t> ids;
        for (const std::string &t : texts)
            ids.push_back(pool.intern(t));
        QCOMPARE(pool.size(), uint32_t(texts.size() + 1)); // all distinct, plus the empty string
        for (std::size_t i = 0; i < texts.size(); ++i) {
            QCOMPARE(ids[i], uint32_t(i + 1)); // dense, in order of first sight
            QCOMPARE(pool.view(ids[i]), std::string_view(texts[i]));
        }
        for (std::size_t i = texts.size(); i-- > 0;) {
            QCOMPARE(pool.intern(texts[i]), ids[i]);
            QCOMPARE(pool.find(texts[i]), ids[i]);
        }
        QCOMPARE(pool.size(), uint32_t(texts.size() + 1));
        // A prefix of an interned string is not that string.
        QCOMPARE(pool.find(std::string_view(texts[0]).substr(0, texts[0].size() - 1)) == ids[0], false);
    }

    // A parser's intern cache stops growing at its cap (a log of millions of distinct clients):
    // past it, strings are found through the pool's own index, with the same ids as before.
    void internCacheGivesThePoolsIdsPastItsCap()
    {
        StringPool pool;
        InternCache cache;
        const int count = 1'300'000; // more than the cache keeps (half of its 2^21 slots)
        auto text = [](int i) { return "10." + std::to_string(i % 251) + '.' + std::to_string(i / 251) + ".7"; };
        int wrong = 0;
        for (int i = 0; i < count; ++i)
            wrong += cache.intern(pool, text(i)) != uint32_t(i + 1);
        QCOMPARE(wrong, 0);
        QCOMPARE(pool.size(), uint32_t(count + 1));
        for (int i = count; i-- > 0;) // the last seen (not cached) and the first (cached) alike
            wrong += cache.intern(pool, text(i)) != uint32_t(i + 1);
        QCOMPARE(wrong, 0);
        QCOMPARE(pool.size(), uint32_t(count + 1));
        QCOMPARE(cache.intern(pool, "a string never seen"), uint32_t(count + 1));
    }

    void bytesAreNotText()
    {
        StringPool pool;
        const std::string withNul("a\0b", 3);
        const uint32_t a = pool.intern(withNul);
        const uint32_t b = pool.intern(std::string_view("a"));
        QVERIFY(a != b);
        QCOMPARE(pool.view(a).size(), std::size_t(3));
        QCOMPARE(pool.intern("\xff\xfe"), pool.intern("\xff\xfe"));
    }
};

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_stringpool.moc"

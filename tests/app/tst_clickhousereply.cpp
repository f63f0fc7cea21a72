// The parser of ClickHouse's TabSeparated replies: escapes, NULLs, the trailing error line a
// streaming query ends with after HTTP 200, and bodies cut short. Inputs are written by hand
// in the server's format (as 18.16 sends them).
#include "remote/clickhousereply.h"

#include <QTest>

using namespace inquest::remote;

class TstClickHouseReply : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndEscapes()
    {
        const TsvReply r = parseTsv("1\tGET\t/a\\tb\n2\t\\N\tline\\nbreak \\\\ \\' end\n", 3);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), std::size_t(2));
        QCOMPARE(r.rows[0][2], QStringLiteral("/a\tb"));
        QVERIFY(r.rows[1][1].isNull());
        QCOMPARE(r.rows[1][2], QStringLiteral("line\nbreak \\ ' end"));
    }
    void emptyFieldIsNotNull()
    {
        const TsvReply r = parseTsv("\t\n", 2);
        QVERIFY(r.ok());
        QVERIFY(!r.rows[0][0].isNull());
        QVERIFY(r.rows[0][0].isEmpty());
    }
    void emptyBodyIsNoRows()
    {
        const TsvReply r = parseTsv("");
        QVERIFY(r.ok());
        QVERIFY(r.rows.empty());
    }
    void trailingErrorAfterRows()
    {
        // HTTP 200: the first block went out before the limit was hit.
        const TsvReply r = parseTsv("1\t2\n3\t4\nCode: 159, e.displayText() = DB::Exception: Timeout exceeded: "
                                    "elapsed 1.0 seconds, maximum: 1, e.what() = DB::Exception\n",
                                    2);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorCode, 159);
        QVERIFY(r.rows.empty()); // never half a result
        QVERIFY2(r.error.contains(u"Timeout exceeded"_qs), qPrintable(r.error));
        QVERIFY(!r.error.contains(u"e.what()"_qs));
    }
    void newerServerErrorForm()
    {
        const ServerError e = parseServerError(
            "Code: 60. DB::Exception: Table default.nope doesn't exist. (UNKNOWN_TABLE) (version 23.8.1.1)\n");
        QCOMPARE(e.code, 60);
        QCOMPARE(e.message, QStringLiteral("Table default.nope doesn't exist. (UNKNOWN_TABLE)"));
    }
    void dataThatLooksLikeCodeIsData()
    {
        const TsvReply r = parseTsv("Code: red\n", 1);
        QVERIFY(r.ok());
        QCOMPARE(r.rows[0][0], QStringLiteral("Code: red"));
    }
    void truncatedBody()
    {
        const TsvReply r = parseTsv("1\t2\n3\t", 2);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"row 2"_qs), qPrintable(r.error));
        QVERIFY(r.rows.empty());
    }
    void danglingEscape()
    {
        const TsvReply r = parseTsv("a\\\n", 1);
        // A backslash with nothing after it in its field.
        QVERIFY(!r.ok());
    }
    void wrongFieldCount()
    {
        const TsvReply r = parseTsv("1\t2\n3\n", 2);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"row 2 of the reply has 1 fields, not 2"_qs), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TstClickHouseReply)
#include "tst_clickhousereply.moc"

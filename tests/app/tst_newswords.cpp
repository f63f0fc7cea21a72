// The word tests and scans the news extraction's pre-checks stand on: each must never say "no"
// where the expression it stands in for could match, or statements would be lost.
#include "news/newswords.h"

#include <QTest>

using namespace inquest::news;

class TestNewsWords : public QObject
{
    Q_OBJECT

private slots:
    void wordSetWholeWordsAndStems()
    {
        const AsciiWordSet set({"d", "ddos*", "attack*", "an", "e-mail", "take*"}, Qt::CaseInsensitive);
        QVERIFY(set.contains(u"d"));
        QVERIFY(set.contains(u"D"));
        QVERIFY(set.contains(u"DDoS"));
        QVERIFY(set.contains(u"ddosed"));
        QVERIFY(set.contains(u"Attacking"));
        QVERIFY(set.contains(u"aN"));
        QVERIFY(set.contains(u"taken"));
        QVERIFY(!set.contains(u"dd")); // shorter than the stem
        QVERIFY(!set.contains(u"attac"));
        QVERIFY(!set.contains(u"and")); // same first letters, another word
        QVERIFY(!set.contains(u"data"));
        QVERIFY(!set.contains(u"a"));
        QVERIFY(!set.contains(u""));
        QVERIFY(!set.contains(u"\u017Fan")); // not an ASCII letter first
        // An entry whose second character is no letter is still found.
        QVERIFY(set.contains(u"E-Mail"));
        QVERIFY(!set.contains(u"e-maip"));
    }

    void wordSetCaseSensitive()
    {
        const AsciiWordSet set({"said", "Monday", "s*"}, Qt::CaseSensitive);
        QVERIFY(set.contains(u"said"));
        QVERIFY(!set.contains(u"Said"));
        QVERIFY(set.contains(u"Monday"));
        QVERIFY(!set.contains(u"monday"));
        QVERIFY(!set.contains(u"MOnday"));
        QVERIFY(set.contains(u"sx")); // a one-letter stem takes every second letter
        QVERIFY(!set.contains(u"Sx"));
    }

    void wordAmongText()
    {
        const AsciiWordSet set({"not", "never"}, Qt::CaseInsensitive);
        QVERIFY(hasWordAmong(u"it was NOT down", set));
        QVERIFY(hasWordAmong(u"never", set));
        QVERIFY(!hasWordAmong(u"nothing noted, nevertheless", set));
        QCOMPARE(firstWord(u"Amazon's site"), QStringView(u"Amazon"));
        QCOMPARE(firstWord(u" Amazon"), QStringView());
    }

    void caselessOdditiesAnywhere_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("at");
        for (int length : {1, 31, 32, 33, 64, 100}) {
            for (int at : {0, 30, 31, 32, 63, 99}) {
                if (at < length)
                    QTest::addRow("%d at %d", length, at) << length << at;
            }
        }
    }
    void caselessOdditiesAnywhere()
    {
        QFETCH(int, length);
        QFETCH(int, at);
        QString text(length, u'a');
        QVERIFY(!hasCaselessOddities(text));
        for (char16_t odd : {u'\u017F', u'\u212A'}) {
            text[at] = QChar(odd);
            QVERIFY(hasCaselessOddities(text));
            text[at] = u'a';
        }
    }

    void indexOfAnyFindsTheFirst()
    {
        QString text(100, u'x');
        QCOMPARE(indexOfAny(text, 0, u'.', u'!', u'?', u'\n'), -1);
        for (int at : {0, 5, 31, 32, 33, 63, 64, 99}) {
            text[at] = u'?';
            QCOMPARE(indexOfAny(text, 0, u'.', u'!', u'?', u'\n'), at);
            QCOMPARE(indexOfAny(text, at, u'.', u'!', u'?', u'\n'), at);
            QCOMPARE(indexOfAny(text, at + 1, u'.', u'!', u'?', u'\n'), -1);
            text[at] = u'x';
        }
        text[40] = u'\n';
        text[70] = u'.';
        QCOMPARE(indexOfAny(text, 41, u'.', u'!', u'?', u'\n'), 70);
    }

    void validUtf16()
    {
        QVERIFY(isValidUtf16(u"plain text"));
        QVERIFY(isValidUtf16(u"a pair \U0001F600 of surrogates"));
        const char16_t lone[] = {u'a', 0xD800, u'b'};
        QVERIFY(!isValidUtf16(QStringView(lone, 3)));
        const char16_t trailing[] = {u'a', 0xDC00};
        QVERIFY(!isValidUtf16(QStringView(trailing, 2)));
    }

    void simplifiedAsQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("simple") << QStringLiteral("It was not an attack.");
        QTest::newRow("empty") << QString();
        QTest::newRow("double space") << QStringLiteral("was  not");
        QTest::newRow("outer spaces") << QStringLiteral(" was not ");
        QTest::newRow("tab and line break") << QStringLiteral("was\tnot\nan attack");
        QTest::newRow("curly quotes") << QStringLiteral("\u201CWe saw it,\u201D she said");
        QTest::newRow("no-break space") << QStringLiteral("was\u00A0not");
        QTest::newRow("em space at the end") << QStringLiteral("was not\u2003");
        QTest::newRow("one space") << QStringLiteral(" ");
    }
    void simplifiedAsQt()
    {
        QFETCH(QString, text);
        QCOMPARE(simplifiedText(text), text.simplified());
    }
};

QTEST_GUILESS_MAIN(TestNewsWords)
#include "tst_newswords.moc"

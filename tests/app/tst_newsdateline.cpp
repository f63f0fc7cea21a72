// The dateline a wire story opens with ("NEW YORK (AP) — ", "LONDON, June 14 (Reuters) - "): its
// date is the day the story was filed, not a time of the events, its words are not the statement's,
// and the agency in brackets is the outlet reporting.
#include "news/newsdateline.h"
#include "news/newsimport.h"
#include "news/newstime.h"

#include <QTest>

using namespace inquest;

namespace {

const QString Head = QStringLiteral("Lender's app fails for a day\nhttps://example.org/lender-app\n15 June 2025\n\n");

} // namespace

class TestNewsDateline : public QObject
{
    Q_OBJECT

private slots:
    void dateline_data()
    {
        QTest::addColumn<QString>("lead");
        QTest::addColumn<QString>("outlet"); // "-" for no dateline
        QTest::newRow("city and agency") << "OSLO (AP) \u2014 "
                                         << "AP";
        QTest::newRow("city, date and agency") << "LEEDS, June 14 (Reuters) - "
                                               << "Reuters";
        QTest::newRow("city and date") << "PERTH, Jun 14 \u2014 "
                                       << "";
        QTest::newRow("two-word city, state") << "SANTA CRUZ, Calif. (AP) \u2014 "
                                              << "AP";
        QTest::newRow("date and agency") << "June 14 (Wire) - "
                                         << "Wire";
        QTest::newRow("city alone") << "CANBERRA \u2014 "
                                    << "";
        QTest::newRow("a date alone opens a sentence") << "June 14 - "
                                                       << "-";
        QTest::newRow("a capitalised word without a dash") << "HSBC customers said "
                                                           << "-";
    }
    void dateline()
    {
        QFETCH(QString, lead);
        QFETCH(QString, outlet);
        const QString text = Head + lead +
                             QStringLiteral("Customers of Tarnby Bank could not log in to its app on Friday after "
                                            "the service went down at 9:10 a.m. BST, the lender said.");
        const news::Dateline d = news::findDateline(text);
        QCOMPARE(d.found(), outlet != u"-");
        if (!d.found())
            return;
        QCOMPARE(text.mid(d.begin, d.end - d.begin), lead);
        QCOMPARE(d.outlet, outlet);

        // Its date is not a time: the statement has Friday's clock time only, and its words
        // begin after the dateline.
        const news::NewsImport import = news::importNewsData(text.toUtf8(), QStringLiteral("wire.txt"), {});
        QCOMPARE(import.source.outlet, outlet);
        QCOMPARE(import.statements.size(), 1);
        const Statement &s = import.statements.first();
        QVERIFY2(s.quote.startsWith(u"Customers of Tarnby Bank"), qPrintable(s.quote));
        QCOMPARE(text.mid(s.offset, 12), QStringLiteral("Customers of"));
        QStringList phrases;
        for (const TimeRef &t : s.times)
            phrases.append(t.phrase);
        QVERIFY2(!phrases.join(u'|').contains(u"14"), qPrintable(phrases.join(u'|')));
        for (const TimeRef &t : news::findTimes(text, QDate(2025, 6, 15)))
            QVERIFY2(t.offset < d.begin || t.offset >= d.end, qPrintable(t.phrase));
    }
};

QTEST_GUILESS_MAIN(TestNewsDateline)
#include "tst_newsdateline.moc"

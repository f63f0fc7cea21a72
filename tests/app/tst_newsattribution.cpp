// Attribution and stance patterns that a held-out set of news-wire articles showed failing, each
// on sentences written here: who speaks, for which organisation, and what the words claim.
#include "news/newsextractor.h"

#include <QTest>

using namespace inquest;

namespace {

const Statement *withQuote(const QList<Statement> &rows, const QString &words)
{
    for (const Statement &s : rows) {
        if (s.quote.contains(words))
            return &s;
    }
    return nullptr;
}

QList<Statement> extract(const QString &text)
{
    news::ExtractOptions o;
    o.published = QDate(2025, 3, 4);
    return news::extractStatements(text, o);
}

} // namespace

class TestNewsAttribution : public QObject
{
    Q_OBJECT

private slots:
    void party_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("speaker");
        QTest::addColumn<QString>("organisation");
        QTest::newRow("message attributed to a group")
            << QStringLiteral("\u201CWe had planned to strike on Friday, but we called it off,\u201D read a message "
                              "attributed to Blackreed.")
            << "we called it off"
            << "Blackreed"
            << "Blackreed";
        QTest::newRow("activists of the X collective")
            << QStringLiteral("The failure came a week after activists of the Blackreed collective announced that "
                              "they would target the shop.")
            << "announced that they would target"
            << "Blackreed"
            << "Blackreed";
        QTest::newRow("a group calling itself X")
            << QStringLiteral("A group calling itself Lantern Moth claimed on a forum that it had flooded the "
                              "servers of Orbitel with junk traffic.")
            << "claimed on a forum"
            << "Lantern Moth"
            << "Lantern Moth";
        QTest::newRow("a group known as X")
            << QStringLiteral("A hacking group known as Grey Static later claimed that it had caused the outage.")
            << "Grey Static"
            << "Grey Static"
            << "Grey Static";
        QTest::newRow("the company, named by a descriptor")
            << QStringLiteral("Payroll processor Quillpay stopped paying wages for six hours on Monday.\n\n"
                              "The outage lasted six hours and was caused by an expired certificate, the company "
                              "said.")
            << "expired certificate"
            << "the company"
            << "Quillpay";
        QTest::newRow("two-word organisation from the headline")
            << QStringLiteral("Harbour Rail halts trains after signalling fault\nhttps://example.org/harbour\nMarch "
                              "4, 2025\n\nHarbour Rail said the signalling computers had been restarted by noon.")
            << "signalling computers had been restarted"
            << "Harbour Rail"
            << "Harbour Rail";
        QTest::newRow("role then name, organisation from a possessive")
            << QStringLiteral("Tideway Bank's app was down all morning. Chief executive Marta Quist said the bank "
                              "had found the fault.")
            << "had found the fault"
            << "Marta Quist"
            << "Tideway Bank";
        QTest::newRow("Its role, Name, said")
            << QStringLiteral("A spokesman for Corvid Telecom said the network was recovering. Its chief operating "
                              "officer, Emil Saar, said engineers had replaced a card.")
            << "engineers had replaced a card"
            << "Emil Saar"
            << "Corvid Telecom";
        QTest::newRow("An Org spokesperson at a sentence start")
            << QStringLiteral("A Larkspur spokesperson said the backlog would clear overnight.")
            << "backlog would clear"
            << "A Larkspur spokesperson"
            << "Larkspur";
        QTest::newRow("quote inside reported speech")
            << QStringLiteral("The head of the union, Joan Pike, wrote to members. Pike told the BBC that the rota "
                              "system \u201Chad never been tested at this scale\u201D.")
            << "had never been tested at this scale"
            << "Joan Pike"
            << "";
        QTest::newRow("a relative clause after the speaker")
            << QStringLiteral("One customer, who asked not to be named, told us the shop had been closed since dawn.")
            << "closed since dawn"
            << "One customer"
            << "";
        QTest::newRow("surname later takes the organisation")
            << QStringLiteral("Budget airline Kestrel Air grounded flights on Monday. \u201CWe are sorry,\u201D said "
                              "chief executive "
                              "Ravi Dunmore. Dunmore said the airline would pay for hotels.")
            << "pay for hotels"
            << "Ravi Dunmore"
            << "Kestrel Air";
        QTest::newRow("an engineering chief")
            << QStringLiteral("\u201CWe were not attacked,\u201D Hollin's engineering chief Ada Marr told "
                              "reporters.")
            << "We were not attacked"
            << "Ada Marr"
            << "Hollin";
        QTest::newRow("a government body")
            << QStringLiteral("The Civil Aviation Authority said it had asked the airline for a report on the "
                              "failure.")
            << "asked the airline for a report"
            << "Civil Aviation Authority"
            << "Civil Aviation Authority";
        QTest::newRow("according to the company's own account")
            << QStringLiteral("Delivery startup Ferrow was offline on Monday.\n\nOrders failed from 6:12 a.m. ET on "
                              "Monday, according to a timeline the company shared with reporters.")
            << "Orders failed"
            << "the company"
            << "Ferrow";
        QTest::newRow("a quote with a less common speech verb")
            << QStringLiteral(
                   "One reader told us the backups failed. \u201CNobody answered our ticket for hours,\u201D "
                   "they grumbled.")
            << "Nobody answered our ticket"
            << "One reader"
            << "";
        QTest::newRow("data showed") << QStringLiteral(
                                            "Complaints peaked at 4,000 at around 3 p.m. ET, Outagewatch data showed.")
                                     << "Complaints peaked"
                                     << "Outagewatch data"
                                     << "Outagewatch";
        QTest::newRow("a regulator speaks for itself")
            << QStringLiteral("Payments firm Quillpay was down on Monday. The national regulator said it would ask "
                              "for a report.")
            << "would ask for a report"
            << "The national regulator"
            << "The national regulator";
        QTest::newRow("the exchange is the organisation named an exchange")
            << QStringLiteral("Trading at market operator Halden Exchange stopped on Monday. The regulator said it "
                              "would review the "
                              "failure.\n\nTrading resumed at 9 a.m. on Tuesday, the exchange said.")
            << "Trading resumed"
            << "the exchange"
            << "Halden Exchange";
        QTest::newRow("embedded post on one line")
            << QStringLiteral("The founder apologised.\n\nWe got this wrong and we are fixing it tonight. \u2014 Ola "
                              "Brandt (@olabrandt) March 3, 2025\n")
            << "We got this wrong"
            << "Ola Brandt"
            << "";
    }
    void party()
    {
        QFETCH(QString, text);
        QFETCH(QString, words);
        QFETCH(QString, speaker);
        QFETCH(QString, organisation);
        const QList<Statement> rows = extract(text);
        const Statement *s = withQuote(rows, words);
        QVERIFY2(s, qPrintable(words));
        QCOMPARE(s->speaker, speaker);
        QCOMPARE(s->organisation, organisation);
    }

    void stance_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("rating"); // "" for no suggestion
        QTest::newRow("judging attacks claims none")
            << QStringLiteral("\u201CWe neither condemn nor applaud these attacks,\u201D a Blackreed spokesman said.")
            << "ddos"
            << "";
        QTest::newRow("faulty network switch")
            << QStringLiteral("Mara Lind wrote that a faulty network switch had dropped traffic.") << "hardware"
            << "C";
        QTest::newRow("storage system had failed")
            << QStringLiteral("Mara Lind said a storage system that holds the orders had failed.") << "hardware"
            << "C";
        QTest::newRow("command with an incorrect value")
            << QStringLiteral("Mara Lind said an operator entered a command with an incorrect value.") << "change"
            << "C";
        QTest::newRow("release contained a bug")
            << QStringLiteral("Mara Lind said the release contained a bug.") << "change"
            << "C";
        QTest::newRow("no outside interference")
            << QStringLiteral("\u201CWe do not believe this was caused by any outside interference,\u201D Mara Lind "
                              "said.")
            << "ddos"
            << "II"; // "caused by": a strong denial
        QTest::newRow("nothing to suggest anyone outside was involved")
            << QStringLiteral("Mara Lind said they had seen nothing to suggest that anyone outside the company was "
                              "involved.")
            << "ddos"
            << "I";
        QTest::newRow("sheer number of fans")
            << QStringLiteral("Mara Lind said it was just the sheer number of fans joining at once.") << "flash-crowd"
            << "C";
        QTest::newRow("fibre line was cut")
            << QStringLiteral("Mara Lind said a fiber line carrying the traffic was cut by a digger.") << "network"
            << "C";
    }
    void stance()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QString, rating);
        const QList<Statement> rows = extract(text);
        QCOMPARE(rows.size(), 1);
        const auto k = hypothesisKindFromString(kind);
        QVERIFY(k);
        QCOMPARE(rows[0].stance.contains(*k) ? toString(rows[0].stance.value(*k)) : QString(), rating);
    }
};

QTEST_GUILESS_MAIN(TestNewsAttribution)
#include "tst_newsattribution.moc"

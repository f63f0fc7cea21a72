// Attribution and stance patterns that a held-out set of news-wire articles showed failing, each
// on sentences written here: who speaks, for which organisation, and what the words claim.
#include "news/newsdenial.h"
#include "news/newsextractor.h"
#include "news/newsparties.h"

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
        QTest::newRow("name, possessive role of a department, said")
            << QStringLiteral("Ferrow Rail cancelled trains on Monday.\n\nOmar Haddad, Ferrow's director of signalling "
                              "systems, said a relay had burned out.")
            << "a relay had burned out"
            << "Omar Haddad"
            << "Ferrow";
        QTest::newRow("name, role of a union, said")
            << QStringLiteral("Pilots were stranded on Monday.\n\nGreta Holm, chair of the Nordic Crew Alliance union, "
                              "said members had waited for hours.")
            << "members had waited for hours"
            << "Greta Holm"
            << "Nordic Crew Alliance union";
        QTest::newRow("a state department is one organisation")
            << QStringLiteral("A spokesman for the Ohio health department said its booking site had been slow.")
            << "booking site had been slow"
            << "A spokesman"
            << "Ohio health department";
        QTest::newRow("according to a minister, name,")
            << QStringLiteral("According to the Energy Minister, Sara Lindqvist, the grid operator will publish a "
                              "report.")
            << "will publish a report"
            << "Sara Lindqvist"
            << "Energy Minister";
        QTest::newRow("a quote opening the paragraph after 'X wrote:'")
            << QStringLiteral("Cloud host Nimbrel apologised.\n\nIn a post, its founder, Ida Moreau, wrote:\n\n"
                              "\u201CWe shipped a bad change and rolled it back within the hour.\u201D\n")
            << "We shipped a bad change"
            << "Ida Moreau"
            << "Nimbrel";
        QTest::newRow("apologised in a video, then a colon")
            << QStringLiteral("Lender Ostwick restored its app on Tuesday.\n\nOstwick's chief executive, Paul Brenner, "
                              "apologised in a message on the bank's website: \u201CWe let our customers down and we "
                              "will pay any fees.\u201D")
            << "We let our customers down"
            << "Paul Brenner"
            << "Ostwick";
        QTest::newRow("a surname said before is no organisation")
            << QStringLiteral("Carrier Velora cancelled flights.\n\n\u201CIt was our fault,\u201D operations chief "
                              "Nina Roth said, \u201Cand not an attack on the airline.\u201D\n\nRoth said pay would "
                              "follow.")
            << "not an attack on the airline"
            << "Nina Roth"
            << "Velora";
        QTest::newRow("an office before the role is the organisation")
            << QStringLiteral("Oregon Treasurer's office spokesman Ravi Mehta said refunds would be sent next week.")
            << "refunds would be sent next week"
            << "Ravi Mehta"
            << "Oregon Treasurer's office";
        QTest::newRow("a council's department before the role")
            << QStringLiteral("Brackley Council's housing department spokeswoman Ann Cole said the portal was back.")
            << "the portal was back"
            << "Ann Cole"
            << "Brackley Council's housing department";
        QTest::newRow("a relative clause closed by the comma before the verb")
            << QStringLiteral("Ostra Rail, which runs trains between Malmo, Lund and Ystad, said on Monday that a "
                              "signal fault stopped services.")
            << "a signal fault stopped services"
            << "Ostra Rail"
            << "Ostra Rail";
        QTest::newRow("a possessor and a word qualifying the role")
            << QStringLiteral("Corvane's IT manager, Lena Park, told reporters that the backup had failed.")
            << "the backup had failed"
            << "Lena Park"
            << "Corvane";
        QTest::newRow("an honorific between the role and the name")
            << QStringLiteral("Brookfield Clinic's medical director, Dr. Sam Hale, said: \u201CEvery ward stayed open "
                              "through the night.\u201D")
            << "Every ward stayed open"
            << "Sam Hale"
            << "Brookfield Clinic";
        QTest::newRow("according to a notice someone sent")
            << QStringLiteral("The booking service was down for six hours, according to a notice Tallis sent to its "
                              "customers.")
            << "down for six hours"
            << "Tallis"
            << "Tallis";
        QTest::newRow("posted on a forum that")
            << QStringLiteral("A crew calling itself Ashfall posted on a chat channel that it had knocked the portal "
                              "offline.")
            << "it had knocked the portal offline"
            << "Ashfall"
            << "Ashfall";
        QTest::newRow("a plural possessive inside a name")
            << QStringLiteral("Joan Pike, chair of the Riverside Market Traders' Guild, said stallholders had lost a "
                              "day of sales.")
            << "stallholders had lost"
            << "Joan Pike"
            << "Riverside Market Traders' Guild";
        QTest::newRow("a five-word organisation")
            << QStringLiteral("Omar Reid, president of the Lower Valley Bus Drivers Association, said drivers were "
                              "sent home.")
            << "drivers were sent home"
            << "Omar Reid"
            << "Lower Valley Bus Drivers Association";
        QTest::newRow("a place, the kind of firm, its name")
            << QStringLiteral("Priya Kaul, a partner at the Leeds law firm Hale Moss Partners, said the filing "
                              "deadline had passed.")
            << "the filing deadline had passed"
            << "Priya Kaul"
            << "Hale Moss Partners";
        QTest::newRow("a colon after the name, the role and \"put it bluntly\"")
            << QStringLiteral("Ruth Adler, an analyst at Norrbank, put it bluntly: \u201CNobody could trade for an "
                              "hour.\u201D")
            << "Nobody could trade"
            << "Ruth Adler"
            << "Norrbank";
        QTest::newRow("a university's officer, introduced at a paragraph's start")
            << QStringLiteral("Exams at Calder University were cancelled on Monday.\n\nProfessor Ian Moss, the "
                              "university's vice-chancellor, wrote in an email that a database upgrade had failed."
                              "\n\nMoss said resits would follow.")
            << "resits would follow"
            << "Professor Ian Moss"
            << "Calder University";
        QTest::newRow("a department of \"the university\"")
            << QStringLiteral("Exams at Calder University were cancelled on Monday.\n\nThe university's IT department "
                              "said the portal had been restored.")
            << "the portal had been restored"
            << "The university's IT department"
            << "Calder University";
        QTest::newRow("\"the exchange\" is one organisation throughout")
            << QStringLiteral("Traders on the Northern Bourse of Tarvon saw no prices for an hour on Monday, according "
                              "to a notice the exchange sent to members.\n\nQuinn Vale, a broker at Vale Partners, "
                              "said clients had lost money.\n\nThe exchange's chief executive, Ada Lind, said a "
                              "cable had been cut.")
            << "a cable had been cut"
            << "Ada Lind"
            << "Northern Bourse of Tarvon";
        QTest::newRow("\"he\" after a person named earlier in the sentence")
            << QStringLiteral("Ivo Lang, a spokesman for Bexa, said the shop was closed.\n\nWhen reporters reached "
                              "Orlen's head of security, Mark Tiele, on Friday, he said the logs showed no attack.")
            << "the logs showed no attack"
            << "Mark Tiele"
            << "Orlen";
        QTest::newRow("people at the start of a sentence are no organisation")
            << QStringLiteral("Ferry passengers waited for hours.\n\nCommuters said the app had shown no warning.")
            << "the app had shown no warning"
            << "Commuters"
            << "";
        QTest::newRow("people a name describes speak for no organisation")
            << QStringLiteral("Velta drivers said the app had logged them out twice.")
            << "the app had logged them out twice"
            << "Velta drivers"
            << "";
        QTest::newRow("\"and\" between two places in the subject")
            << QStringLiteral("Riders across Spain and Portugal told us that the app froze at checkout.")
            << "the app froze at checkout"
            << "Riders"
            << "";
        QTest::newRow("a role word before a possessive is no role")
            << QStringLiteral("Harbour Lines said crossings had resumed.\n\n\u201CWe lost power twice,\u201D the ferry "
                              "operator's chief executive, Nils Berg, told reporters.")
            << "We lost power twice"
            << "Nils Berg"
            << "Harbour Lines";
        QTest::newRow("\"the company\" after the organisations its sentence names")
            << QStringLiteral("Pebble, the music service run by electronics maker Oriko, was down for two hours on "
                              "Monday, the company said.")
            << "was down for two hours"
            << "the company"
            << "Oriko";
        QTest::newRow("a relative clause says whom the person works for")
            << QStringLiteral("Councillor Ama Boateng, who chairs Westbury Borough Council's transport committee, said "
                              "buses were late all morning.")
            << "buses were late all morning"
            << "Councillor Ama Boateng"
            << "Westbury Borough Council";
        QTest::newRow("a second verb shares the subject")
            << QStringLiteral("Mara Quist, a director at Selby Water, said the fault was fixed.\n\nShe apologised to "
                              "customers on Tuesday, and said the billing site would reopen soon.")
            << "the billing site would reopen soon"
            << "Mara Quist"
            << "Selby Water";
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

    void organisationsTheTextNames()
    {
        // The possessor in an apposition describes the name before it.
        const QStringList chile = news::organisationsNamed(
            u"Teleno, Chile's largest mobile carrier, lost calls for a day.\n\nTeleno said it was sorry.");
        QVERIFY(chile.contains(QStringLiteral("Teleno")));
        QVERIFY(!chile.contains(QStringLiteral("Chile")));
        // A headline's first word counts only when the body uses it as a whole word.
        const QStringList headline = news::organisationsNamed(
            u"Market prices froze for an hour\nhttps://example.org/a\n1 May 2025\n\nThe Markets Authority said so.");
        QVERIFY(!headline.contains(QStringLiteral("Market")));
        // A title with "of" and a place, and a name its last word calls an institution.
        const QStringList titled = news::organisationsNamed(
            u"Brokers on the Northern Bourse of Tarvon waited.\n\nStaff at Calder University left early.");
        QVERIFY(titled.contains(QStringLiteral("Northern Bourse of Tarvon")));
        QVERIFY(titled.contains(QStringLiteral("Calder University")));
        // A product's name with "website", and the maker a service is run by.
        const QStringList product = news::organisationsNamed(
            u"Buyers could not reach the Tidewell Outdoor website.\n\nPebble, the music service run by electronics "
            u"maker Oriko, was down.");
        QVERIFY(product.contains(QStringLiteral("Tidewell Outdoor")));
        QVERIFY(product.contains(QStringLiteral("Oriko")));
        // "…, the company said" after a time is a speaker, not an apposition naming "ET Friday".
        QVERIFY(news::organisationsNamed(u"It failed at 7:10 am ET Friday, the company said.").isEmpty());
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
        QTest::newRow("demand N-fold") << QStringLiteral("Mara Lind said ticket demand rose six-fold within minutes.")
                                       << "flash-crowd"
                                       << "C";
        QTest::newRow("N times as many users")
            << QStringLiteral("Mara Lind said three times as many users as usual tried to log in.") << "flash-crowd"
            << "C";
        QTest::newRow("everyone arriving at once")
            << QStringLiteral("Mara Lind said it was our own fans, everyone logging in at the same time.")
            << "flash-crowd"
            << "C";
        QTest::newRow("a maintenance update")
            << QStringLiteral("Mara Lind said a maintenance update to the billing cluster had gone wrong.") << "change"
            << "C";
        QTest::newRow("nothing to do with hackers")
            << QStringLiteral("Mara Lind said the failure had nothing to do with hackers.") << "ddos"
            << "I";
        QTest::newRow("no malicious act")
            << QStringLiteral("Mara Lind said there was no sign of a malicious act.") << "ddos"
            << "I";
        QTest::newRow("no unusual traffic speaks against a flood")
            << QStringLiteral("\u201CWe saw no unusual traffic at any point,\u201D Mara Lind said.") << "ddos"
            << "I";
        QTest::newRow("no spike in traffic speaks against a flood")
            << QStringLiteral("Mara Lind said there had been no spike in traffic before the crash.") << "ddos"
            << "I";
        QTest::newRow("traffic set aside for another cause says nothing of a flood")
            << QStringLiteral("Mara Lind said the cause was a misconfigured router rather than unusual traffic.")
            << "ddos"
            << "";
        QTest::newRow("an attack rather than a surge in traffic")
            << QStringLiteral("Mara Lind said it was a DDoS attack rather than a surge in traffic.") << "ddos"
            << "C";
        QTest::newRow("overwhelmed with junk traffic")
            << QStringLiteral("The group said it had overwhelmed the portal with junk traffic.") << "ddos"
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

    // "X said that was not the case": the words deny the claim before them, which they do not name.
    void aDenialOfTheClaimBeforeTakesItsOppositeStance()
    {
        const QList<Statement> rows =
            extract(QStringLiteral("The outage was the talk of the forums.\n\nA group calling itself Grey Tide claimed "
                                   "that it had flooded the servers with traffic. The company said that was not true."
                                   "\n\nHackers said they had attacked the site. The bank said the claims were false."
                                   "\n\nSome users said the servers were slow. The company said that was untrue."));
        auto ddos = [&](const QString &words) {
            const Statement *s = withQuote(rows, words);
            return s ? toString(s->stance.value(HypothesisKind::Ddos)) : QStringLiteral("no row");
        };
        QCOMPARE(ddos(QStringLiteral("flooded the servers")), QStringLiteral("C"));
        QCOMPARE(ddos(QStringLiteral("that was not true")), QStringLiteral("I"));
        QVERIFY2(withQuote(rows, QStringLiteral("that was not true"))
                     ->stanceTriggers.join(u' ')
                     .contains(u"denies the statement before"),
                 "the trigger names the denial");
        QCOMPARE(ddos(QStringLiteral("the claims were false")), QStringLiteral("I"));
        // The statement before claimed no cause: there is nothing to turn round.
        QCOMPARE(ddos(QStringLiteral("that was untrue")), QString());
        QVERIFY(news::deniesWhatCameBefore(u"The company said that was not the case."));
        QVERIFY(news::deniesWhatCameBefore(u"that's simply untrue"));
        QVERIFY(!news::deniesWhatCameBefore(u"The company said that was not the only problem it had that day."));
    }
};

QTEST_GUILESS_MAIN(TestNewsAttribution)
#include "tst_newsattribution.moc"

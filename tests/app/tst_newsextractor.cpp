#include "news/newsextractor.h"
#include "news/newsimport.h"
#include "news/newsstance.h"

#include <QDateTime>
#include <QFile>
#include <QTest>

using namespace inquest;

namespace {

QString dataPath(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/news/") + QString::fromUtf8(name); }

news::NewsImport load(const char *name, QDate published = {})
{
    QString error;
    auto imported = news::importNewsFile(dataPath(name), {published, {}, {}}, &error);
    if (!imported)
        qFatal("%s", qPrintable(error));
    return *imported;
}

// The statement whose quote contains `words` (exactly one must).
const Statement *withQuote(const QList<Statement> &list, const QString &words)
{
    const Statement *found = nullptr;
    for (const Statement &s : list) {
        if (s.quote.contains(words)) {
            if (found)
                return nullptr;
            found = &s;
        }
    }
    return found;
}

QString iso(qint64 micros) { return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).toString(Qt::ISODate); }

} // namespace

class TestNewsExtractor : public QObject
{
    Q_OBJECT

private slots:
    void referenceArticleMetadata()
    {
        const auto a = load("amazon-europe-outage.txt");
        QCOMPARE(toString(a.source.kind), toString(SourceKind::Article));
        QCOMPARE(a.source.format, QStringLiteral("article-text"));
        QCOMPARE(a.source.published, QDate(2010, 12, 13));
        QCOMPARE(a.source.outlet, QStringLiteral("The Harbour Gazette"));
        QVERIFY(a.source.title.startsWith(u"Amazon's European shops go dark"));
        QCOMPARE(a.source.sha256.size(), 64);
        QCOMPARE(a.source.size, QFileInfo(dataPath("amazon-europe-outage.txt")).size());
    }

    void companySaysHardwareNotDdos()
    {
        const auto a = load("amazon-europe-outage.txt");
        const Statement *s = withQuote(a.statements, QStringLiteral("not the result of a DDoS attempt"));
        QVERIFY(s);
        QVERIFY(s->direct);
        QCOMPARE(s->organisation, QStringLiteral("Amazon"));
        QCOMPARE(s->role, QStringLiteral("spokeswoman"));
        QCOMPARE(s->speaker, QStringLiteral("a spokeswoman"));
        QCOMPARE(toString(s->stance.value(HypothesisKind::Hardware)), toString(Rating::CC));
        QCOMPARE(toString(s->stance.value(HypothesisKind::Ddos)), toString(Rating::II));
        QVERIFY(!s->stanceConfirmed);
        QVERIFY(s->stanceTriggers.contains(QStringLiteral("hardware failure")));
        QVERIFY(s->stanceTriggers.contains(QStringLiteral("not the result of a DDoS")));
        // The offsets point at the quoted words in the article text.
        QCOMPARE(a.source.text.mid(s->offset, s->length), s->quote);
        QCOMPARE(s->reliability, QChar(u'F'));
        QCOMPARE(s->credibility, 6);

        const Statement *blame = withQuote(a.statements, QStringLiteral("Amazon is blaming the outage"));
        QVERIFY(blame);
        QVERIFY(!blame->direct);
        QCOMPARE(blame->organisation, QStringLiteral("Amazon"));
        QCOMPARE(toString(blame->stance.value(HypothesisKind::Hardware)), toString(Rating::CC));
        QVERIFY(!blame->stance.contains(HypothesisKind::Ddos));
    }

    void activistsPlannedThenChoseNotTo()
    {
        const auto a = load("amazon-europe-outage.txt");
        const Statement *plan = withQuote(a.statements, QStringLiteral("We are planning an attack"));
        QVERIFY(plan);
        QCOMPARE(plan->organisation, QStringLiteral("Anonymous")); // "the group's chat channel"
        QCOMPARE(toString(plan->stance.value(HypothesisKind::Ddos)), toString(Rating::C));
        // "this weekend" (published on a Monday) and "on Thursday" are both in its sentence.
        QCOMPARE(plan->times.size(), 2);
        QCOMPARE(iso(plan->times[0].begin), QStringLiteral("2010-12-11T00:00:00Z"));
        QCOMPARE(iso(plan->times[1].begin), QStringLiteral("2010-12-09T00:00:00Z"));

        const Statement *announced = withQuote(a.statements, QStringLiteral("announced that they would attack"));
        QVERIFY(announced);
        QVERIFY(!announced->direct);
        QCOMPARE(announced->organisation, QStringLiteral("Anonymous"));
        QCOMPARE(toString(announced->stance.value(HypothesisKind::Ddos)), toString(Rating::C));

        const Statement *chose = withQuote(a.statements, QStringLiteral("We chose not to attack Amazon"));
        QVERIFY(chose);
        QVERIFY(chose->direct);
        QCOMPARE(chose->organisation, QStringLiteral("Anonymous"));
        QCOMPARE(chose->role, QStringLiteral("statement"));
        QCOMPARE(toString(chose->stance.value(HypothesisKind::Ddos)), toString(Rating::I));
        QVERIFY(!chose->stance.contains(HypothesisKind::Hardware));
    }

    void leakSiteTakesNoSide()
    {
        const auto a = load("amazon-europe-outage.txt");
        const Statement *said = withQuote(a.statements, QStringLiteral("WikiLeaks has said it neither condemns"));
        QVERIFY(said);
        QCOMPARE(said->organisation, QStringLiteral("WikiLeaks"));
        QVERIFY(!said->direct);
        QVERIFY(said->stance.isEmpty());
        const Statement *quote = withQuote(a.statements, QStringLiteral("We neither condemn nor applaud"));
        QVERIFY(quote);
        QCOMPARE(quote->organisation, QStringLiteral("WikiLeaks"));
        QCOMPARE(quote->role, QStringLiteral("spokesman"));
        QVERIFY(quote->stance.isEmpty());
    }

    void hedgedCapabilityIsNoClaimOfAttack()
    {
        const auto a = load("amazon-europe-outage.txt");
        const Statement *s = withQuote(a.statements, QStringLiteral("may not have been able to take Amazon down"));
        QVERIFY(s);
        QCOMPARE(s->speaker, QStringLiteral("Security researchers"));
        QVERIFY(s->organisation.isEmpty());
        QVERIFY(!s->stance.contains(HypothesisKind::Ddos));
    }

    void outletsTimelineResolvesTheReferenceTime()
    {
        const auto a = load("amazon-europe-outage.txt");
        const Statement *s = withQuote(a.statements, QStringLiteral("could not reach Amazon's European stores"));
        QVERIFY(s);
        QCOMPARE(s->organisation, QStringLiteral("The Harbour Gazette"));
        QCOMPARE(s->times.size(), 1);
        const TimeRef &t = s->times.first();
        QVERIFY(t.phrase.contains(u"2145 GMT on Sunday 12 December"));
        QCOMPARE(iso(t.end), QStringLiteral("2010-12-12T21:45:00Z"));
        QCOMPARE(iso(t.begin), QStringLiteral("2010-12-12T21:15:00Z")); // "more than 30 minutes" before
        QVERIFY(t.approximate);
        QCOMPARE(a.source.text.mid(t.offset, t.phrase.size()), t.phrase);
    }

    void attributionsBeforeAfterNestedAndSpanning()
    {
        const auto a = load("quotes-mixed.txt");
        const auto &list = a.statements;
        const Statement *relay = withQuote(list, QStringLiteral("The relay tripped"));
        QVERIFY(relay);
        QCOMPARE(relay->speaker, QStringLiteral("Maria Keller"));
        QCOMPARE(relay->organisation, QStringLiteral("Nordgrid Services"));
        QCOMPARE(relay->role, QStringLiteral("spokeswoman"));

        const Statement *before = withQuote(list, QStringLiteral("We saw nothing unusual"));
        QVERIFY(before);
        QCOMPARE(before->organisation, QStringLiteral("Baltic Hosting"));
        QCOMPARE(before->role, QStringLiteral("director"));

        const Statement *psu = withQuote(list, QStringLiteral("faulty power supply"));
        QVERIFY(psu);
        QCOMPARE(psu->organisation, QStringLiteral("Baltic Hosting")); // "the company": the one before
        QCOMPARE(toString(psu->stance.value(HypothesisKind::Hardware)), toString(Rating::C));
        const Statement *replaced = withQuote(list, QStringLiteral("It has been replaced"));
        QVERIFY(replaced);
        QCOMPARE(replaced->organisation, QStringLiteral("Baltic Hosting")); // continuation

        const Statement *nested = withQuote(list, QStringLiteral("the fault could have been found sooner"));
        QVERIFY(nested);
        QVERIFY(nested->quote.contains(u"\u2018a crisis\u2019")); // the inner quote stays inside
        QCOMPARE(nested->speaker, QStringLiteral("Tom Berger"));
        QCOMPARE(nested->organisation, QStringLiteral("Fieldstone Research"));

        const Statement *update = withQuote(list, QStringLiteral("did not roll out any software update"));
        QVERIFY(update);
        QCOMPARE(update->organisation, QStringLiteral("Eastlink"));
        QCOMPARE(toString(update->stance.value(HypothesisKind::Change)), toString(Rating::I));
        const Statement *config = withQuote(list, QStringLiteral("no configuration change either"));
        QVERIFY(config);
        QCOMPARE(config->organisation, QStringLiteral("Eastlink"));

        const Statement *spanning = withQuote(list, QStringLiteral("First, the phones went quiet."));
        QVERIFY(spanning);
        QVERIFY(spanning->quote.contains(u"Then the lights went out"));
        QCOMPARE(spanning->organisation, QStringLiteral("Nordgrid"));
        QCOMPARE(spanning->role, QStringLiteral("engineer"));

        const Statement *denied = withQuote(list, QStringLiteral("Eastlink denied that a network problem"));
        QVERIFY(denied);
        QVERIFY(!denied->direct);
        QCOMPARE(toString(denied->stance.value(HypothesisKind::Network)), toString(Rating::I));

        const Statement *insists = withQuote(list, QStringLiteral("Baltic Hosting insists"));
        QVERIFY(insists);
        QCOMPARE(insists->organisation, QStringLiteral("Baltic Hosting"));
        QCOMPARE(toString(insists->stance.value(HypothesisKind::Ddos)), toString(Rating::I));
        QCOMPARE(toString(insists->stance.value(HypothesisKind::FlashCrowd)), toString(Rating::C));
    }

    void articleWithoutAnyYear()
    {
        const auto undated = load("times-no-year.txt");
        QVERIFY(!undated.source.published.isValid());
        QVERIFY(!undated.warnings.isEmpty());
        for (const Statement &s : undated.statements)
            QVERIFY2(s.times.isEmpty(), qPrintable(s.quote)); // nothing to resolve against

        const auto a = load("times-no-year.txt", QDate(2011, 1, 7));
        const Statement *notice = withQuote(a.statements, QStringLiteral("The ticket shop failed"));
        QVERIFY(notice);
        QCOMPARE(notice->speaker, QStringLiteral("the operator"));
        QCOMPARE(notice->times.size(), 1);
        QCOMPARE(iso(notice->times[0].begin), QStringLiteral("2011-01-01T07:15:00Z"));
        QCOMPARE(iso(notice->times[0].end), QStringLiteral("2011-01-01T09:15:00Z"));
        const Statement *forum = withQuote(a.statements, QStringLiteral("Customers first saw errors"));
        QVERIFY(forum);
        QCOMPARE(iso(forum->times[0].begin), QStringLiteral("2010-12-31T21:45:00Z"));
        const Statement *today = withQuote(a.statements, QStringLiteral("earlier today"));
        QVERIFY(today);
        QCOMPARE(today->times.size(), 2);
        QCOMPARE(iso(today->times[0].begin), QStringLiteral("2011-01-07T00:00:00Z"));
        QCOMPARE(iso(today->times[1].begin), QStringLiteral("2011-01-08T00:00:00Z")); // the coming weekend
        const Statement *restored = withQuote(a.statements, QStringLiteral("restored by 4pm on Monday"));
        QVERIFY(restored);
        QCOMPARE(restored->times.size(), 2);
        QCOMPARE(iso(restored->times[0].begin), QStringLiteral("2011-01-03T16:00:00Z"));
        QCOMPARE(iso(restored->times[1].begin), QStringLiteral("2011-01-02T00:00:00Z"));
    }

    // Negation reaches over an aside and to an event denied after it; open questions and what
    // cannot be ruled out are no claim; a named cause supports its kind.
    void negationScopeAndNamedCauses()
    {
        auto ddos = [](const char16_t *text) {
            return toString(news::suggestStance(QStringView(text)).stance.value(HypothesisKind::Ddos));
        };
        QCOMPARE(ddos(u"The disruption was not caused, directly or indirectly, by a cyber attack."),
                 QStringLiteral("I"));
        QCOMPARE(ddos(u"Skyport said the attack the group described never occurred."), QStringLiteral("I"));
        QCOMPARE(ddos(u"We have found nothing to suggest a cyber attack."), QStringLiteral("I"));
        QCOMPARE(ddos(u"Our team found no malicious activity on the network."), QStringLiteral("I"));
        QCOMPARE(ddos(u"They were boasting rather than taking down websites."), QStringLiteral("I"));
        QCOMPARE(ddos(u"We cannot rule out an attack at this stage."), QString());
        QCOMPARE(ddos(u"Engineers are investigating whether a DDoS attack caused it."), QString());
        const auto cause = news::suggestStance(u"An operator mistyped a command and took the database offline.");
        QCOMPARE(toString(cause.stance.value(HypothesisKind::Change)), QStringLiteral("C"));
        const auto power = news::suggestStance(u"A power supply in the storage controller burned out.");
        QCOMPARE(toString(power.stance.value(HypothesisKind::Hardware)), QStringLiteral("C"));
    }

    void causesNamedInOtherWords()
    {
        auto rating = [](const char16_t *text, HypothesisKind kind) {
            return toString(news::suggestStance(QStringView(text)).stance.value(kind));
        };
        // A routine change that went wrong is a bad change.
        QCOMPARE(rating(u"The fault came from a routine update to our billing servers.", HypothesisKind::Change),
                 QStringLiteral("C"));
        // Seeing nothing odd in the traffic denies a flood of it, as "no unusual traffic" does.
        QCOMPARE(rating(u"Engineers found nothing abnormal in their traffic that night.", HypothesisKind::Ddos),
                 QStringLiteral("I"));
        // A problem with the network, ruled out or stated.
        QCOMPARE(rating(u"The operator has ruled out a fault in its core network.", HypothesisKind::Network),
                 QStringLiteral("I"));
        QCOMPARE(rating(u"The delay was traced to problems with the office network.", HypothesisKind::Network),
                 QStringLiteral("CC"));
        QCOMPARE(rating(u"A fault in the network card was replaced.", HypothesisKind::Network), QString());
        // Cooling that failed is hardware; breaking in is an attack, denied here; more people than
        // usual is a crowd.
        QCOMPARE(rating(u"The chillers had stopped, so the servers shut down.", HypothesisKind::Hardware),
                 QStringLiteral("C"));
        QCOMPARE(rating(u"We found no sign that anyone broke into the network.", HypothesisKind::Ddos),
                 QStringLiteral("I"));
        QCOMPARE(rating(u"More customers tried to pay in one hour than we usually see in a day.",
                        HypothesisKind::FlashCrowd),
                 QStringLiteral("C"));
    }

    void sentencesAndQuotes()
    {
        const QString text = QStringLiteral("Mr. Smith went home. It was 2 a.m. when it broke! Why?\n\nNext para");
        const auto sentences = news::splitSentences(text);
        QCOMPARE(sentences.size(), 4);
        QCOMPARE(text.mid(sentences[0].begin, sentences[0].size()), QStringLiteral("Mr. Smith went home."));
        QCOMPARE(text.mid(sentences[3].begin, sentences[3].size()), QStringLiteral("Next para"));
        // An unclosed quote ends with its paragraph instead of swallowing the article.
        const QString open = QStringLiteral("He said \u201Cit broke\n\nAnother paragraph \u201Cwith a quote\u201D.");
        const auto quotes = news::findQuotes(open);
        QCOMPARE(quotes.size(), 2);
        QCOMPARE(open.mid(quotes[0].begin, quotes[0].size()), QStringLiteral("it broke"));
        QCOMPARE(open.mid(quotes[1].begin, quotes[1].size()), QStringLiteral("with a quote"));
        // Apostrophes inside single-quoted speech do not close it.
        const QString single = QStringLiteral("\u2018Amazon\u2019s shop is down again,\u2019 she said.");
        const auto q2 = news::findQuotes(single);
        QCOMPARE(q2.size(), 1);
        QCOMPARE(single.mid(q2[0].begin, q2[0].size()), QStringLiteral("Amazon\u2019s shop is down again,"));
        // Doubled apostrophes as quotation marks; one apostrophe inside them is an apostrophe.
        const QString doubled = QStringLiteral("''We don't know yet,'' said Grace Liu. It's ''fine''.");
        const auto q3 = news::findQuotes(doubled);
        QCOMPARE(q3.size(), 2);
        QCOMPARE(doubled.mid(q3[0].begin, q3[0].size()), QStringLiteral("We don't know yet,"));
        // ICU's sentence breaks: abbreviations and initials do not end a sentence.
        const QString names =
            QStringLiteral("Dr. J. Smith of Acme Inc. said so. The site was back at 9 a.m. on Friday.");
        QCOMPARE(news::splitSentences(names).size(), 2);
    }
};

QTEST_APPLESS_MAIN(TestNewsExtractor)
#include "tst_newsextractor.moc"

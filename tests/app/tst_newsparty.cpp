// Statements by a party about its own outage start graded B3; evidence from a statement is suggested.
#include "news/newsedit.h"
#include "news/newsimport.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QTest>

using namespace inquest;

class TestNewsParty : public QObject
{
    Q_OBJECT

    static Statement by(const QString &organisation)
    {
        Statement s;
        s.speaker = QStringLiteral("a spokesman");
        s.organisation = organisation;
        s.quote = QStringLiteral("The outage was caused by a hardware failure in our European network.");
        return s;
    }

private slots:
    void affectedParty_data()
    {
        QTest::addColumn<QString>("organisation");
        QTest::addColumn<bool>("affected");
        QTest::newRow("Amazon") << "Amazon" << true;
        QTest::newRow("Amazon.com Inc.") << "Amazon.com Inc." << true;
        QTest::newRow("lower case") << "amazon" << true;
        QTest::newRow("another company") << "Anonymous" << false;
        QTest::newRow("a prefix is not the name") << "Ama" << false;
        QTest::newRow("none") << "" << false;
    }
    void affectedParty()
    {
        QFETCH(QString, organisation);
        QFETCH(bool, affected);
        const QStringList sites = {QStringLiteral("www.amazon.co.uk"), QStringLiteral("shop-amazon.de"),
                                   QStringLiteral("www.paypal.com")};
        QCOMPARE(news::speaksForAffectedParty(by(organisation), sites), affected);
    }

    void importGradesTheAffectedPartyB3()
    {
        CaseDocument doc;
        Source log;
        log.kind = SourceKind::Log;
        log.path = QStringLiteral("/logs/www.amazon.co.uk-access.log");
        log.sha256 = QString(64, u'a');
        log.site = QStringLiteral("www.amazon.co.uk");
        edit::addSource(&doc, log);

        news::NewsImport import;
        import.source.kind = SourceKind::Article;
        import.source.path = QStringLiteral("/news/amazon.txt");
        import.source.sha256 = QString(64, u'b');
        import.statements = {by(QStringLiteral("Amazon")), by(QStringLiteral("Anonymous"))};
        news::addNewsImport(&doc, import);
        QCOMPARE(doc.statements().size(), 2);
        for (const Statement &s : doc.statements()) {
            if (s.organisation == u"Amazon") {
                QCOMPARE(s.reliability, news::AffectedPartyReliability);
                QCOMPARE(s.credibility, news::AffectedPartyCredibility);
            } else {
                QCOMPARE(s.reliability, QChar(u'F'));
                QCOMPARE(s.credibility, 6);
            }
        }
    }

    void anInferredOrganisationIsGradedOneStepWeaker()
    {
        // The same party's words, once with the organisation written beside them and once with it
        // inferred: the guess starts one step less reliable, and the evidence says why.
        CaseDocument doc;
        Source log;
        log.kind = SourceKind::Log;
        log.path = QStringLiteral("/logs/www.amazon.co.uk-access.log");
        log.sha256 = QString(64, u'a');
        log.site = QStringLiteral("www.amazon.co.uk");
        edit::addSource(&doc, log);
        Statement guessed = by(QStringLiteral("Amazon"));
        guessed.organisationBasis = QStringLiteral("the organisation last named before the statement");
        Statement graded = by(QStringLiteral("Anonymous"));
        graded.reliability = u'C';
        graded.credibility = 4;
        news::NewsImport import;
        import.source.kind = SourceKind::Article;
        import.source.path = QStringLiteral("/news/amazon.txt");
        import.source.sha256 = QString(64, u'b');
        import.statements = {by(QStringLiteral("Amazon")), guessed, graded};
        news::addNewsImport(&doc, import);
        QCOMPARE(doc.statements().size(), 3);
        QCOMPARE(doc.statements()[0].reliability, QChar(u'B'));
        QCOMPARE(doc.statements()[1].reliability, QChar(u'C'));
        QCOMPARE(doc.statements()[1].credibility, news::AffectedPartyCredibility);
        const Evidence e = news::evidenceFromStatement(doc.statements()[1], nullptr);
        QVERIFY2(e.reason.contains(u"graded C, not B"), qPrintable(e.reason));
        QVERIFY(news::evidenceFromStatement(doc.statements()[0], nullptr).reason.indexOf(u"graded") < 0);

        // A later article: the analyst's grade of an organisation is the start, one step down for a guess.
        Statement later = by(QStringLiteral("Anonymous"));
        later.organisationBasis = QStringLiteral("the statement before");
        news::NewsImport second;
        second.source.kind = SourceKind::Article;
        second.source.path = QStringLiteral("/news/anonymous.txt");
        second.source.sha256 = QString(64, u'c');
        second.statements = {later};
        news::addNewsImport(&doc, second);
        QCOMPARE(doc.statements().last().reliability, QChar(u'D'));
        QCOMPARE(news::inferredReliability(u'E'), QChar(u'E'));
        QCOMPARE(news::inferredReliability(u'F'), QChar(u'F'));
    }

    void evidenceFromAStatementIsSuggested()
    {
        Statement s = by(QStringLiteral("Amazon"));
        s.stance.insert(HypothesisKind::Hardware, Rating::CC);
        s.stanceConfirmed = true;
        const Evidence e = news::evidenceFromStatement(s, nullptr);
        QCOMPARE(int(e.state), int(EvidenceState::Suggested));
        QCOMPARE(int(e.kindRatings.value(HypothesisKind::Hardware)), int(Rating::CC));
    }
};

QTEST_MAIN(TestNewsParty)
#include "tst_newsparty.moc"

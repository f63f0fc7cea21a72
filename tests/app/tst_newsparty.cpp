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

// An organisation the article does not write beside a statement is a guess, and the statement
// says so (organisationBasis): in the extraction, through a save and open, and in the reason of
// evidence made from it. Written organisations carry no basis.
#include "casefile/casefile.h"
#include "news/newsedit.h"
#include "news/newsextractor.h"

#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

// Hand-written, in wire style: one organisation written beside its speaker, one in-house role
// without one, a surname alone, and a pronoun.
const QString Article = QStringLiteral(
    "Harbourline Bank customers could not use its app on Monday.\n\n"
    "A spokesman for Tessera Cloud, which hosts the app, said the hosting platform had worked normally.\n\n"
    "Harbourline Bank apologised to customers. A spokeswoman said a database upgrade had gone wrong.\n\n"
    "\u201CWe are sorry for the trouble,\u201D said Miriam Okoro, Harbourline's chief risk officer.\n\n"
    "Okoro said refunds would be paid within a week.\n");

const Statement *withWords(const QList<Statement> &list, const QString &words)
{
    for (const Statement &s : list) {
        if (s.quote.contains(words))
            return &s;
    }
    return nullptr;
}

} // namespace

class TestNewsInferred : public QObject
{
    Q_OBJECT

private slots:
    void writtenOrganisationsCarryNoBasis()
    {
        const QList<Statement> list = news::extractStatements(Article, {QDate(2025, 3, 4), {}, {}});
        const Statement *tessera = withWords(list, QStringLiteral("hosting platform had worked normally"));
        QVERIFY(tessera);
        QCOMPARE(tessera->organisation, QStringLiteral("Tessera Cloud"));
        QVERIFY2(tessera->organisationBasis.isEmpty(), qPrintable(tessera->organisationBasis));
        const Statement *okoro = withWords(list, QStringLiteral("We are sorry for the trouble"));
        QVERIFY(okoro);
        QCOMPARE(okoro->speaker, QStringLiteral("Miriam Okoro"));
        QCOMPARE(okoro->organisation, QStringLiteral("Harbourline"));
        QVERIFY2(okoro->organisationBasis.isEmpty(), qPrintable(okoro->organisationBasis));
    }

    void inferredOrganisationsSayWhatTheyRestOn()
    {
        const QList<Statement> list = news::extractStatements(Article, {QDate(2025, 3, 4), {}, {}});
        // "A spokeswoman said": the bank named just before, not the cloud host named earlier.
        const Statement *spokeswoman = withWords(list, QStringLiteral("a database upgrade had gone wrong"));
        QVERIFY(spokeswoman);
        QVERIFY2(spokeswoman->organisation.startsWith(QStringLiteral("Harbourline")),
                 qPrintable(spokeswoman->organisation));
        QCOMPARE(spokeswoman->organisationBasis, QStringLiteral("the organisation last named before the statement"));
        // "Okoro said": the person named in full earlier, with her organisation from there.
        const Statement *refunds = withWords(list, QStringLiteral("refunds would be paid within a week"));
        QVERIFY(refunds);
        QCOMPARE(refunds->speaker, QStringLiteral("Miriam Okoro"));
        QCOMPARE(refunds->organisation, QStringLiteral("Harbourline"));
        QVERIFY2(refunds->organisationBasis.contains(QStringLiteral("Miriam Okoro")),
                 qPrintable(refunds->organisationBasis));
    }

    // A minister's title stands for the office; the title is read, not written as an organisation.
    void officeTitleIsAnInferredOrganisation()
    {
        const QList<Statement> list = news::extractStatements(
            QStringLiteral("The network failed on Monday.\n\n"
                           "Industry Minister Claire Dubois said she had summoned the company's chief executive.\n"),
            {QDate(2025, 7, 9), {}, {}});
        const Statement *minister = withWords(list, QStringLiteral("she had summoned"));
        QVERIFY(minister);
        QCOMPARE(minister->speaker, QStringLiteral("Claire Dubois"));
        QCOMPARE(minister->organisation, QStringLiteral("Industry Minister"));
        QCOMPARE(minister->organisationBasis, QStringLiteral("the title of the office"));
    }

    void basisSurvivesSaveAndOpenAndReachesEvidence()
    {
        CaseData data = CaseData::create(QStringLiteral("Harbourline outage"));
        Statement inferred;
        inferred.id = 1;
        inferred.speaker = QStringLiteral("a spokeswoman");
        inferred.organisation = QStringLiteral("Harbourline Bank");
        inferred.organisationBasis = QStringLiteral("the organisation last named before the statement");
        inferred.quote = QStringLiteral("a database upgrade had gone wrong");
        Statement written = inferred;
        written.id = 2;
        written.organisationBasis.clear();
        data.statements = {inferred, written};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QString error;
        QVERIFY2(casefile::write(data, path, &error), qPrintable(error));
        const auto back = casefile::read(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->statements.size(), 2);
        QCOMPARE(back->statements[0].organisationBasis, inferred.organisationBasis);
        QVERIFY(back->statements[1].organisationBasis.isEmpty());

        const Evidence e = news::evidenceFromStatement(back->statements[0], nullptr);
        QVERIFY2(e.reason.contains(QStringLiteral("organisation Harbourline Bank inferred")), qPrintable(e.reason));
        QVERIFY(!news::evidenceFromStatement(back->statements[1], nullptr).reason.contains(QStringLiteral("inferred")));
    }
};

QTEST_GUILESS_MAIN(TestNewsInferred)
#include "tst_newsinferred.moc"

#include "testlib/clirunner.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }

QString news(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/news/") + QString::fromUtf8(name); }

} // namespace

class TestImportNews : public QObject
{
    Q_OBJECT

private slots:
    void importAndListStatements()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        const Run imported = inquestRun({QStringLiteral("import-news"), path, news("amazon-europe-outage.txt"),
                                         news("reporting.html"), QStringLiteral("--json")});
        QCOMPARE(imported.status, 0);
        const QJsonArray files = QJsonDocument::fromJson(imported.out.toUtf8()).object().value(u"imported").toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject().value(u"published").toString(), QStringLiteral("2010-12-13"));
        QCOMPARE(files[1].toObject().value(u"format").toString(), QStringLiteral("article-html"));

        const Run listed = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")});
        QCOMPARE(listed.status, 0);
        const QJsonArray list = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QVERIFY(list.size() >= 10);
        bool sawSpokeswoman = false, sawTime = false;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            for (const char *key :
                 {"id", "speaker", "organisation", "quote", "direct", "stance", "times", "source", "offset"})
                QVERIFY2(o.contains(QLatin1StringView(key)), key);
            if (o.value(u"quote").toString().contains(u"not the result of a DDoS attempt")) {
                sawSpokeswoman = true;
                QCOMPARE(o.value(u"organisation").toString(), QStringLiteral("Amazon"));
                QCOMPARE(o.value(u"stance").toObject().value(u"ddos").toString(), QStringLiteral("II"));
                QCOMPARE(o.value(u"direct").toBool(), true);
            }
            for (const QJsonValue &t : o.value(u"times").toArray()) {
                if (t.toString().endsWith(u"/2010-12-12T21:45:00Z"))
                    sawTime = true;
            }
        }
        QVERIFY(sawSpokeswoman);
        QVERIFY(sawTime);
        // The case still verifies: custody rows for both files and the save.
        const Run verified = inquestRun({QStringLiteral("verify"), path});
        QCOMPARE(verified.status, 0);
    }

    // An organisation the article does not write beside the words is said to be inferred, with
    // what it rests on; one written there is not.
    void inferredOrganisationIsSaidToBeAGuess()
    {
        QTemporaryDir dir;
        const QString article = dir.filePath(QStringLiteral("harbourline.txt"));
        QFile file(article);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Harbourline Bank outage\n\n"
                   "Customers of Harbourline Bank could not use its app on Monday.\n\n"
                   "A spokesman for Tessera Cloud, which hosts the app, said the hosting platform had worked "
                   "normally.\n\n"
                   "Harbourline Bank apologised to customers. A spokeswoman said a database upgrade had gone wrong.\n");
        file.close();
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        QCOMPARE(inquestRun({QStringLiteral("import-news"), path, article, QStringLiteral("--published"),
                             QStringLiteral("2025-03-04")})
                     .status,
                 0);
        const Run listed = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")});
        QCOMPARE(listed.status, 0);
        bool sawWritten = false, sawInferred = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.contains(u"organisation_inferred"));
            if (o.value(u"quote").toString().contains(u"hosting platform had worked normally")) {
                sawWritten = true;
                QCOMPARE(o.value(u"organisation").toString(), QStringLiteral("Tessera Cloud"));
                QCOMPARE(o.value(u"organisation_inferred").toBool(), false);
                QVERIFY(!o.contains(u"organisation_basis"));
            }
            if (o.value(u"quote").toString().contains(u"a database upgrade had gone wrong")) {
                sawInferred = true;
                QVERIFY(o.value(u"organisation").toString().startsWith(u"Harbourline"));
                QCOMPARE(o.value(u"organisation_inferred").toBool(), true);
                QCOMPARE(o.value(u"organisation_basis").toString(),
                         QStringLiteral("the organisation last named before the statement"));
            }
        }
        QVERIFY(sawWritten);
        QVERIFY(sawInferred);
        const Run text = inquestRun({QStringLiteral("statements"), path});
        QVERIFY2(text.out.contains(QStringLiteral("inferred: the organisation last named before the statement")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("A spokesman (Tessera Cloud) ")));
    }

    void publishedOverrideResolvesYearlessTimes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        const Run r =
            inquestRun({QStringLiteral("import-news"), path, news("times-no-year.txt"), QStringLiteral("--published"),
                        QStringLiteral("2011-01-07"), QStringLiteral("--outlet"), QStringLiteral("Test Desk")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(QStringLiteral("Test Desk")));
        const QJsonArray list =
            QJsonDocument::fromJson(
                inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")}).out.toUtf8())
                .array();
        QVERIFY(!list.isEmpty());
        QCOMPARE(list[0].toObject().value(u"times").toArray().first().toString(),
                 QStringLiteral("2011-01-01T07:15:00Z/2011-01-01T09:15:00Z"));
    }

    // A day in a quote that cannot be placed (the words were said on a day the article does not
    // write) is named on stderr with its file and line, and the import goes on.
    void unplacedQuotedDayIsReportedWithItsLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        const QString article = dir.filePath(QStringLiteral("router.txt"));
        QFile f(article);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Router failure at Quillnet\nhttps://example.org/quillnet\nMarch 13, 2025\n\n"
                "Quillnet's core router failed on Tuesday, the company said.\n\n"
                "\xE2\x80\x9COn Wednesday we replaced the router and checked every link,\xE2\x80\x9D "
                "an engineer said.\n");
        f.close();
        const Run r = inquestRun({QStringLiteral("import-news"), path, article});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.err.contains(article + QStringLiteral(": warning: line 7: \u201COn Wednesday\u201D gives no time")),
                 qPrintable(r.err));
        const QJsonArray list =
            QJsonDocument::fromJson(
                inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")}).out.toUtf8())
                .array();
        QCOMPARE(list.size(), 2);
    }

    // --published with an offset gives the zone in which "at 21:45 on Sunday" is read, and
    // statements --json says that zone was assumed.
    void publicationZoneReadsZonelessTimes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        const QString article = dir.filePath(QStringLiteral("zones.txt"));
        QFile file(article);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Stores go dark\n\nThe online store went offline at 21:45 on Sunday and stayed down for "
                   "hours.\n");
        file.close();
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        const Run r = inquestRun({QStringLiteral("import-news"), path, article, QStringLiteral("--published"),
                                  QStringLiteral("2010-12-13T09:00+01:00"), QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())[u"imported"][0][u"time_zone"].toString(),
                 QStringLiteral("+01:00"));
        const QJsonArray list =
            QJsonDocument::fromJson(
                inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")}).out.toUtf8())
                .array();
        QCOMPARE(list.size(), 1);
        const QJsonObject o = list[0].toObject();
        QCOMPARE(o[u"times"][0].toString(), QStringLiteral("2010-12-12T20:45:00Z"));
        QCOMPARE(o[u"time_details"][0][u"assumed_zone"].toString(), QStringLiteral("+01:00"));
        QCOMPARE(o[u"time_details"][0][u"phrase"].toString(), QStringLiteral("at 21:45 on Sunday"));
        QCOMPARE(inquestRun({QStringLiteral("import-news"), path, article, QStringLiteral("--zone"),
                             QStringLiteral("Mars/Olympus")})
                     .status,
                 2);
    }

    void analystDecidesOnStatements()
    {
        // The Statements dock's decisions from a script: the stance read from the text confirmed,
        // rejected or replaced, the source graded, a statement removed; bad input changes nothing.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        QCOMPARE(inquestRun({QStringLiteral("import-news"), path, news("amazon-europe-outage.txt")}).status, 0);
        const auto list = [&path] {
            return QJsonDocument::fromJson(
                       inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")}).out.toUtf8())
                .array();
        };
        const auto withStance = [](const QJsonArray &all, const QString &kind) {
            for (const auto &v : all) {
                if (v[u"stance"_qs].toObject().contains(kind))
                    return v.toObject();
            }
            return QJsonObject();
        };
        QJsonArray all = list();
        const QJsonObject denial = withStance(all, u"ddos"_qs);
        QVERIFY(!denial.isEmpty());
        const QString id = QString::number(denial[u"id"_qs].toInteger());
        QVERIFY(!denial[u"stance_confirmed"_qs].toBool());
        Run r = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--confirm"), id,
                            QStringLiteral("--grade"), id + u"=a2"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const auto find = [&list](const QString &wanted) {
            for (const auto &v : list()) {
                if (QString::number(v[u"id"_qs].toInteger()) == wanted)
                    return v.toObject();
            }
            return QJsonObject();
        };
        QVERIFY(find(id)[u"stance_confirmed"_qs].toBool());
        QCOMPARE(find(id)[u"stance"_qs].toObject(), denial[u"stance"_qs].toObject());
        QCOMPARE(find(id)[u"grade"_qs].toString(), u"A2"_qs);
        r = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--stance"), id + u"=network:C ddos:I"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(find(id)[u"stance"_qs].toObject(), (QJsonObject{{u"network"_qs, u"C"_qs}, {u"ddos"_qs, u"I"_qs}}));
        r = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--reject-stance"), id});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(find(id)[u"stance"_qs].toObject().isEmpty());

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QList<QStringList> bad{{QStringLiteral("--confirm"), QStringLiteral("99999")},
                                     {QStringLiteral("--stance"), id + u"=ddos"_qs},
                                     {QStringLiteral("--stance"), id + u"=aliens:C"_qs},
                                     {QStringLiteral("--grade"), id + u"=G7"_qs},
                                     {QStringLiteral("--confirm"), id, QStringLiteral("--reject-stance"), id},
                                     {QStringLiteral("--remove"), id, QStringLiteral("--grade"), id + u"=B2"_qs}};
        for (const QStringList &args : bad) {
            r = inquestRun(QStringList{QStringLiteral("statements"), path} + args);
            QVERIFY2(r.status == 1 || r.status == 2, qPrintable(args.join(u' ')));
            QVERIFY2(r.err.startsWith(u"inquest statements: "_qs), qPrintable(r.err));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            f.close();
        }
        r = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--remove"), id});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(list().size(), all.size() - 1);
        QVERIFY(find(id).isEmpty());
    }

    void badInputChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), path}).status, 0);
        const QString missing = dir.filePath(QStringLiteral("missing.html"));
        const Run r = inquestRun({QStringLiteral("import-news"), path, news("reporting.html"), missing});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(missing));
        const Run listed = inquestRun({QStringLiteral("statements"), path, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().size(), 0); // the good file was not added either

        QCOMPARE(inquestRun({QStringLiteral("import-news"), path, news("reporting.html"), QStringLiteral("--published"),
                             QStringLiteral("13/12/2010")})
                     .status,
                 2);
        QCOMPARE(inquestRun({QStringLiteral("import-news"), path}).status, 2);
        QCOMPARE(inquestRun({QStringLiteral("statements"), dir.filePath(QStringLiteral("nope.inquest"))}).status, 1);
    }
};

QTEST_APPLESS_MAIN(TestImportNews)
#include "tst_importnews.moc"

// `inquest new --analyst --number` and `inquest case`: the case's own properties and scoring weights from a script.
#include "testlib/clirunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest::testing;

class TestCaseCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void newSetsAnalystAndNumber()
    {
        const QString file = m_dir.filePath(QStringLiteral("a.inquest"));
        const CliRun made =
            runInquest({QStringLiteral("new"), file, QStringLiteral("--title"), QStringLiteral("EU outage"),
                        QStringLiteral("--analyst"), QStringLiteral("R. Analyst"), QStringLiteral("--number"),
                        QStringLiteral("INC-7")});
        QVERIFY2(made.status == 0, qPrintable(made.err));
        const CliRun shown = runInquest({QStringLiteral("case"), file, QStringLiteral("--json")});
        QVERIFY2(shown.status == 0, qPrintable(shown.err));
        const QJsonObject o = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("title")).toString(), QStringLiteral("EU outage"));
        QCOMPARE(o.value(QStringLiteral("analyst")).toString(), QStringLiteral("R. Analyst"));
        QCOMPARE(o.value(QStringLiteral("case_number")).toString(), QStringLiteral("INC-7"));
        QVERIFY(o.value(QStringLiteral("created")).toString().endsWith(u'Z'));
    }

    void caseEditsAreSavedWithCustody()
    {
        const QString file = m_dir.filePath(QStringLiteral("b.inquest"));
        QCOMPARE(runInquest({QStringLiteral("new"), file}).status, 0);
        const CliRun edited =
            runInquest({QStringLiteral("case"), file, QStringLiteral("--analyst"), QStringLiteral("J. Doe"),
                        QStringLiteral("--notes"), QStringLiteral("control site: amazon.com")});
        QVERIFY2(edited.status == 0, qPrintable(edited.err));
        QVERIFY(edited.out.contains(QStringLiteral("J. Doe")));
        const CliRun text = runInquest({QStringLiteral("case"), file});
        QVERIFY(text.out.contains(QStringLiteral("control site: amazon.com")));
        // The edit is in the custody chain and the chain holds.
        const CliRun verify = runInquest({QStringLiteral("verify"), file});
        QVERIFY2(verify.status == 0, qPrintable(verify.out + verify.err));
    }

    void scoringWeightsFromAFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("w.inquest"));
        QCOMPARE(runInquest({QStringLiteral("new"), file}).status, 0);
        const auto write = [this](const QString &name, const QByteArray &json) {
            const QString path = m_dir.filePath(name);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
                qFatal("cannot write %s", qPrintable(path));
            return path;
        };
        const QString weights = write(QStringLiteral("w.json"), R"({"rankBy": "posterior", "relevance": {"high": 3}})");
        CliRun r = runInquest({QStringLiteral("case"), file, QStringLiteral("--scoring"), weights});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"the case's own weights, ranked by posterior"_qs), qPrintable(r.out));
        r = runInquest({QStringLiteral("case"), file, QStringLiteral("--json")});
        const QJsonObject scoring = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"scoring"_qs].toObject();
        QCOMPARE(scoring[u"rankBy"_qs].toString(), u"posterior"_qs);
        QCOMPARE(scoring[u"relevance"_qs][u"high"_qs].toDouble(), 3.0);
        QCOMPARE(scoring[u"relevance"_qs][u"low"_qs].toDouble(), 0.70710678118654752); // left out: default
        r = runInquest({QStringLiteral("score"), file, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"rank_by"_qs].toString(), u"posterior"_qs);

        // A file a person got wrong is refused, naming the key, and the case keeps its weights.
        QFile c(file);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QByteArray before = c.readAll();
        c.close();
        const QList<std::pair<QByteArray, QString>> bad{{R"({"relevance": {"hihg": 3}})", u"unknown key \"hihg\""_qs},
                                                        {R"({"likelihood": {"CC": 0}})", u"\"likelihood\".\"CC\""_qs},
                                                        {R"({"rankBy": "votes"})", u"\"rankBy\": invalid value"_qs},
                                                        {R"([1, 2])", u"not a JSON object"_qs},
                                                        {R"({"relevance": )", u"at byte"_qs}};
        for (const auto &[json, message] : bad) {
            r = runInquest(
                {QStringLiteral("case"), file, QStringLiteral("--scoring"), write(QStringLiteral("bad.json"), json)});
            QCOMPARE(r.status, 1);
            QVERIFY2(r.err.contains(u"bad.json"_qs) && r.err.contains(message), qPrintable(r.err));
            QVERIFY(c.open(QIODevice::ReadOnly));
            QCOMPARE(c.readAll(), before);
            c.close();
        }
        r = runInquest({QStringLiteral("case"), file, QStringLiteral("--scoring"), QStringLiteral("default")});
        QVERIFY2(r.out.contains(u"the defaults, ranked by weighted inconsistency"_qs), qPrintable(r.out));
    }

    void badInput()
    {
        const QString file = m_dir.filePath(QStringLiteral("c.inquest"));
        QCOMPARE(runInquest({QStringLiteral("new"), file}).status, 0);
        const CliRun empty = runInquest({QStringLiteral("case"), file, QStringLiteral("--title"), QStringLiteral(" ")});
        QCOMPARE(empty.status, 2);
        QVERIFY(empty.err.contains(QStringLiteral("--title may not be empty")));
        const CliRun missing = runInquest({QStringLiteral("case"), m_dir.filePath(QStringLiteral("none.inquest"))});
        QCOMPARE(missing.status, 1);
        QVERIFY(missing.err.startsWith(QStringLiteral("inquest case: ")));
        const CliRun unknown = runInquest({QStringLiteral("case"), file, QStringLiteral("--colour")});
        QCOMPARE(unknown.status, 2);
    }
};

QTEST_MAIN(TestCaseCli)
#include "tst_casecli.moc"

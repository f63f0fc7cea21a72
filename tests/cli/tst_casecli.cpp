// `inquest new --analyst --number` and `inquest case`: the case's own properties from a script.
#include "testlib/clirunner.h"

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

#include "testlib/ingestfixtures.h"

#include "ingest/importjob.h"
#include "model/casedata.h"
#include "model/casedocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace inquest;
using namespace inquest::testing;

class TestImportJob : public QObject
{
    Q_OBJECT
private slots:
    void runsOffThreadAndApplies()
    {
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        ImportJob job({fixture(QStringLiteral("mixed_zones.log")), fixture(QStringLiteral("empty.log"))}, {});
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        const auto results = job.results();
        QCOMPARE(results.size(), 2);
        QVERIFY(results[0].ok());
        QVERIFY(!results[1].ok());
        QCOMPARE(doc.sources().size(), 0); // nothing until applied
        QCOMPARE(job.applyTo(doc), 1);
        QCOMPARE(doc.sources().size(), 1);
        const CustodyEntry &row = doc.custody().last();
        QCOMPARE(row.action, QStringLiteral("import"));
        QVERIFY(row.detail.contains(QStringLiteral("sha256=") + doc.sources()[0].sha256));
        QVERIFY(row.detail.contains(u"events=3 malformed=0"));
    }

    void cancelLeavesCaseUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.log"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        QFile sample(fixture(QStringLiteral("mixed_zones.log")));
        sample.open(QIODevice::ReadOnly);
        const QByteArray lines = sample.readAll();
        for (int i = 0; i < 150000; ++i) // ~40 MB: several blocks
            f.write(lines);
        f.close();
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        const auto custody = doc.custody().size();
        ImportJob job({path}, {});
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        job.cancel();
        QVERIFY(finished.wait(20000) || finished.size() == 1);
        QVERIFY(job.wasCancelled());
        QCOMPARE(job.applyTo(doc), 0);
        QCOMPARE(doc.sources().size(), 0);
        QCOMPARE(doc.custody().size(), custody);
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"

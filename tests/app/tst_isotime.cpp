// The one text form of a time that leaves Inquest (CLI --json, CSV, exports).
#include "model/isotime.h"

#include <QTest>

using namespace inquest;

class TestIsoTime : public QObject
{
    Q_OBJECT
private slots:
    void formats_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        const qint64 t = qint64(1292190300) * 1'000'000; // 2010-12-12T21:45:00Z
        QTest::newRow("whole second") << t << QStringLiteral("2010-12-12T21:45:00Z");
        QTest::newRow("milliseconds") << t + 250'000 << QStringLiteral("2010-12-12T21:45:00.250Z");
        QTest::newRow("microseconds truncate") << t + 999 << QStringLiteral("2010-12-12T21:45:00.000Z");
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
        QTest::newRow("before 1970 floors") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
        QTest::newRow("before 1970, whole") << qint64(-1'000'000) << QStringLiteral("1969-12-31T23:59:59Z");
    }
    void formats()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        QCOMPARE(isoUtc(micros), text);
    }
};

QTEST_APPLESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"

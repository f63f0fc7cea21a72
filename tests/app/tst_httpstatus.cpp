// The one rule for HTTP status codes: classes, the "no response" codes, the status field.
#include "model/httpstatus.h"

#include <QTest>

using namespace inquest;

class TestHttpStatus : public QObject
{
    Q_OBJECT
private slots:
    void classes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("cls");
        QTest::addColumn<bool>("failure");
        QTest::newRow("200") << "200"
                             << "2xx" << false;
        QTest::newRow("301") << "301"
                             << "3xx" << false;
        QTest::newRow("404") << "404"
                             << "4xx" << false;
        QTest::newRow("503") << "503"
                             << "5xx" << true;
        QTest::newRow("cloudflare 522") << "522"
                                        << "5xx" << true;
        QTest::newRow("000") << "000"
                             << "no-response" << true;
        QTest::newRow("0") << "0"
                           << "no-response" << true;
        QTest::newRow("dash") << "-"
                              << "no-response" << true;
        QTest::newRow("nginx 444") << "444"
                                   << "no-response" << true;
        QTest::newRow("nginx 499") << "499"
                                   << "no-response" << true;
        QTest::newRow("999") << "999"
                             << "other" << false;
        QTest::newRow("100") << "100"
                             << "1xx" << false;
    }
    void classes()
    {
        QFETCH(QString, field);
        QFETCH(QString, cls);
        QFETCH(bool, failure);
        const QByteArray bytes = field.toLatin1();
        uint16_t status = 0;
        QVERIFY(parseStatusField(std::string_view(bytes.constData(), std::size_t(bytes.size())), status));
        QCOMPARE(toString(statusClass(status)), cls);
        QCOMPARE(isFailure(status), failure);
        QVERIFY(statusClassFromString(cls) == statusClass(status));
    }
    void noStatusIsNotAnEvent()
    {
        QVERIFY(statusClass(StatusNone) == StatusClass::None);
        QVERIFY(!isFailure(StatusNone));
        QCOMPARE(statusText(StatusNone), QString());
        QCOMPARE(statusText(StatusNoResponseLogged), QStringLiteral("000"));
        QCOMPARE(statusText(503), QStringLiteral("503"));
    }
    void notAStatus_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << "";
        QTest::newRow("four digits") << "1000";
        QTest::newRow("word") << "OK";
        QTest::newRow("sign") << "+20";
    }
    void notAStatus()
    {
        QFETCH(QString, field);
        const QByteArray bytes = field.toLatin1();
        uint16_t status = 7;
        QVERIFY(!parseStatusField(std::string_view(bytes.constData(), std::size_t(bytes.size())), status));
        QVERIFY(!statusClassFromString(QStringLiteral("6xx")));
    }
};

QTEST_APPLESS_MAIN(TestHttpStatus)
#include "tst_httpstatus.moc"

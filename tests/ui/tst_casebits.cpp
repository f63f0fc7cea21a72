// The case as a file, on a case imported from an access log: Save As offers the case's title as
// the file name (made safe for a file system), New and Open clear the timeline's filters (the
// last case's filters would hide the new case's lines), and the recovery question names the
// case whose unsaved work it offers.
#include "testlib/importedoutage.h"

#include "documentcontroller.h"
#include "mainwindow.h"
#include "models/timelinemodel.h"
#include "timeline/timelineview.h"

#include "casefile/autosave.h"
#include "casefile/casefile.h"
#include "model/caseedits.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestCaseBits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_log;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"InquestCaseBitsTest"_qs);
        QSettings().clear();
        m_log = m_dir.filePath(u"www.shop.co.uk-access.log"_qs);
        testing::writeAccessLog(m_log, true, 5);
    }

    void caseFileNamesAreSafe_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("file");
        QTest::newRow("plain") << u"EU storefront outage"_qs << u"EU storefront outage.inquest"_qs;
        QTest::newRow("slashes and colons") << u"Outage 12/12: shop.de"_qs << u"Outage 12-12- shop.de.inquest"_qs;
        QTest::newRow("leading dots") << u"../../etc/passwd"_qs << u"etc-passwd.inquest"_qs;
        QTest::newRow("accents kept") << u"Panne Boutique été"_qs << u"Panne Boutique été.inquest"_qs;
        QTest::newRow("nothing left") << u"///"_qs << u"case.inquest"_qs;
        QTest::newRow("empty") << QString() << u"case.inquest"_qs;
    }
    void caseFileNamesAreSafe()
    {
        QFETCH(QString, title);
        QFETCH(QString, file);
        QCOMPARE(DocumentController::caseFileName(title), file);
    }

    void saveAsOffersTheTitle()
    {
        MainWindow w;
        QVERIFY(testing::importInto(w.document(), m_log));
        CaseProperties p = CaseProperties::of(w.document()->meta());
        p.title = u"Shop outage 2010/12/12"_qs;
        edit::setCaseProperties(w.document(), p);
        const QString suggested = w.controller()->suggestedSavePath();
        QCOMPARE(QFileInfo(suggested).fileName(), u"Shop outage 2010-12-12.inquest"_qs);
        QVERIFY(QFileInfo(suggested).isAbsolute());
        // Saved once, Save As starts beside the file, with its name.
        const QString path = m_dir.filePath(u"saved.inquest"_qs);
        QVERIFY(w.controller()->saveAs(path));
        QCOMPARE(w.controller()->suggestedSavePath(), QFileInfo(path).absoluteFilePath());
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
    }

    void newAndOpenClearTheTimelineFilters()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(testing::importInto(w.document(), m_log));
        TimelineModel *model = w.timeline()->model();
        QTRY_VERIFY(model->rowCount() > 1000);
        const int all = model->rowCount();
        auto *status = w.timeline()->findChild<QComboBox *>(u"timelineStatus"_qs);
        auto *from = w.timeline()->findChild<QLineEdit *>(u"timelineFrom"_qs);
        status->setEditText(u"503"_qs);
        QTest::keyClicks(from, u"2010-12-12 21:00"_qs);
        QTRY_VERIFY(model->rowCount() < all / 10);
        const QString path = m_dir.filePath(u"filters.inquest"_qs);
        QVERIFY(w.controller()->saveAs(path));

        QVERIFY(w.controller()->newCase());
        QCOMPARE(status->currentText(), status->itemText(0));
        QVERIFY(from->text().isEmpty());
        status->setEditText(u"503"_qs);
        QVERIFY(w.controller()->open(path));
        QVERIFY(from->text().isEmpty());
        QCOMPARE(status->currentText(), status->itemText(0));
        QTRY_COMPARE(model->rowCount(), all); // every line of the opened case
    }

    void theRecoveryQuestionNamesTheCase()
    {
        // A saved case, then unsaved work autosaved beside it.
        CaseDocument doc;
        QVERIFY(testing::importInto(&doc, m_log));
        CaseProperties p = CaseProperties::of(doc.meta());
        p.title = u"Shop outage"_qs;
        edit::setCaseProperties(&doc, p);
        const QString path = m_dir.filePath(u"recover.inquest"_qs);
        QString error;
        QVERIFY2(casefile::save(doc, path, &error), qPrintable(error));
        QTest::qWait(1100); // the sidecar must be newer than the file
        const QString sidecar = autosave::sidecarPath(path, {});
        QVERIFY2(casefile::write(doc.data(), sidecar, &error), qPrintable(error));

        MainWindow w;
        QString asked;
        w.controller()->askRecover = [&asked](const QString &s) {
            asked = DocumentController::recoveryQuestion(s);
            return false;
        };
        QVERIFY(w.controller()->open(path));
        QVERIFY2(asked.contains(u"\u201cShop outage\u201d"_qs), qPrintable(asked));
        QVERIFY2(asked.contains(QDir::toNativeSeparators(path)), qPrintable(asked));

        // Work on a case never saved is named as such.
        const QString orphan = m_dir.filePath(u"orphan.inquest"_qs);
        QVERIFY(casefile::write(doc.data(), orphan, &error));
        QVERIFY(DocumentController::recoveryQuestion(orphan).contains(u"(never saved)"_qs));
    }
};

QTEST_MAIN(TestCaseBits)
#include "tst_casebits.moc"

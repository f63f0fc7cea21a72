#include "dialogs/importdialog.h"
#include "dialogs/sourcesettingsdialog.h"
#include "docks/sourcesdock.h"
#include "models/sourcesmodel.h"

#include "model/casedata.h"
#include "model/casedocument.h"
#include "model/sites.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace inquest;

// Per-file settings in the Import dialog, and a source's settings changed after import from
// the Sources dock (the file read again, one undo step), on the hand-written shop folder.
namespace {

QString shops() { return QStringLiteral(INQUEST_TEST_DATA "/sites/shops"); }

int rowOf(const ImportDialog &dialog, const QString &fileName)
{
    for (int row = 0; row < dialog.fileTable()->rowCount(); ++row) {
        if (dialog.fileTable()->item(row, 0)->text() == fileName)
            return row;
    }
    return -1;
}

const Source *sourceNamed(const CaseDocument &doc, const QString &fileName)
{
    for (const Source &s : doc.sources()) {
        if (s.path.endsWith(u'/' + fileName))
            return &s;
    }
    return nullptr;
}

void setYear(SourceSettingsEditor *editor, int year)
{
    editor->yearBox()->setValue(year);
    emit editor->yearBox()->editingFinished();
}

void setSite(SourceSettingsEditor *editor, const QString &site)
{
    editor->siteEdit()->setText(site);
    emit editor->siteEdit()->editingFinished();
}

QDateTime utc(qint64 us) { return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc()); }

bool importAll(ImportDialog &dialog)
{
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !dialog.isImporting() && dialog.importButton()->isEnabled(); }, 20000);
}

} // namespace

class TestSourceSettings : public QObject
{
    Q_OBJECT

private slots:
    void importDialogSettingsPerFile()
    {
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        ImportDialog dialog(&doc);
        dialog.addFiles({shops()});
        QCOMPARE(dialog.fileTable()->rowCount(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSniffing(), 20000);
        const int syslog = rowOf(dialog, QStringLiteral("datacenter.syslog"));
        const int uk = rowOf(dialog, QStringLiteral("www.shop.co.uk-access.log"));
        QVERIFY(syslog >= 0 && uk >= 0);

        // The editor shows and sets the selected file's settings, and only its.
        dialog.fileTable()->selectRow(uk);
        QCOMPARE(dialog.settingsEditor()->siteEdit()->placeholderText(),
                 QStringLiteral("www.shop.co.uk (from the file name)"));
        setSite(dialog.settingsEditor(), QStringLiteral("amazon.co.uk"));
        dialog.fileTable()->selectRow(syslog);
        QCOMPARE(dialog.settingsEditor()->siteEdit()->text(), QString()); // not the other row's
        setYear(dialog.settingsEditor(), 2009);
        QCOMPARE(dialog.options(uk).site, QStringLiteral("amazon.co.uk"));
        QCOMPARE(dialog.options(uk).year, 0);
        QCOMPARE(dialog.options(syslog).year, 2009);
        QCOMPARE(dialog.options(syslog).site, QString());
        dialog.fileTable()->selectRow(uk);
        QCOMPARE(dialog.settingsEditor()->siteEdit()->text(), QStringLiteral("amazon.co.uk"));
        QCOMPARE(dialog.settingsEditor()->yearBox()->value(), 0);
        QVERIFY(dialog.fileTable()->item(syslog, 6)->text().contains(u"year 2009"));

        QVERIFY(importAll(dialog));
        QCOMPARE(doc.sources().size(), 5);
        const Source *s = sourceNamed(doc, QStringLiteral("datacenter.syslog"));
        QCOMPARE(s->year, 2009);
        QCOMPARE(utc(s->firstTime).date(), QDate(2009, 12, 12));
        QCOMPARE(sourceNamed(doc, QStringLiteral("www.shop.co.uk-access.log"))->site, QStringLiteral("amazon.co.uk"));
        QCOMPARE(sourceNamed(doc, QStringLiteral("shop.de.access.log"))->site, QStringLiteral("shop.de"));
        QCOMPARE(SiteRule::of(doc.meta()).sites(doc.sources()),
                 (QStringList{QStringLiteral("amazon.co.uk"), QStringLiteral("shop.de"), QStringLiteral("www.shop.com"),
                              QStringLiteral("www.shop.es"), QStringLiteral("www.shop.it")}));
    }

    // Without a year, the year-less syslog in the dialog's batch lands next to the others.
    void importDialogYearFromTheBatch()
    {
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        ImportDialog dialog(&doc);
        dialog.addFiles({shops()});
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSniffing(), 20000);
        QVERIFY(importAll(dialog));
        const Source *s = sourceNamed(doc, QStringLiteral("datacenter.syslog"));
        QVERIFY(s);
        QCOMPARE(utc(s->firstTime).date(), QDate(2010, 12, 12));
        const int row = rowOf(dialog, QStringLiteral("datacenter.syslog"));
        QVERIFY2(dialog.fileTable()->item(row, 5)->text().contains(u"year 2010 from the other files of this import"),
                 qPrintable(dialog.fileTable()->item(row, 5)->text()));
    }

    void importDialogDuplicates()
    {
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        const QString uk = shops() + QStringLiteral("/www.shop.co.uk-access.log");
        {
            ImportDialog first(&doc);
            first.addFiles({uk});
            QVERIFY(importAll(first));
        }
        QCOMPARE(doc.sources().size(), 1);
        ImportDialog again(&doc);
        again.setDuplicates(ImportDialog::Duplicates::Skip);
        again.addFiles({uk, shops() + QStringLiteral("/shop.de.access.log")});
        QVERIFY(importAll(again));
        QCOMPARE(doc.sources().size(), 2);
        QVERIFY2(again.fileTable()->item(0, 5)->text().contains(
                     QStringLiteral("already source #%1 (%2)").arg(doc.sources().first().id).arg(uk)),
                 qPrintable(again.fileTable()->item(0, 5)->text()));
        ImportDialog anyway(&doc);
        anyway.setDuplicates(ImportDialog::Duplicates::ImportAnyway);
        anyway.addFiles({uk});
        QVERIFY(importAll(anyway));
        QCOMPARE(doc.sources().size(), 3);
    }

    // Sources dock: new year and site, the file read again, one undo step; a changed file is refused.
    void sourcesDockRereads()
    {
        QTemporaryDir dir;
        for (const QString &name : QDir(shops()).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(shops() + u'/' + name, dir.filePath(name)));
            QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
        }
        CaseDocument doc(CaseData::create(QStringLiteral("t"), {}));
        {
            ImportDialog dialog(&doc);
            dialog.addFiles({dir.path()});
            QVERIFY(importAll(dialog));
        }
        const int steps = doc.undoStack()->count();
        SourcesDock dock(&doc);
        const Source before = *sourceNamed(doc, QStringLiteral("datacenter.syslog"));
        QCOMPARE(before.year, 2010);

        // The dialog starts from the source's settings.
        SourceSettingsDialog settings(before);
        QCOMPARE(settings.editor()->yearBox()->value(), 2010);
        QCOMPARE(settings.editor()->formatBox()->currentData().toString(), QStringLiteral("syslog-rfc3164"));
        setYear(settings.editor(), 2011);
        QCOMPARE(settings.options().year, 2011);
        QCOMPARE(settings.options().format, QStringLiteral("syslog-rfc3164"));

        QSignalSpy done(&dock, &SourcesDock::rereadFinished);
        QVERIFY(dock.reread(before.id, settings.options()));
        QVERIFY(done.wait(20000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(done.first().at(1).toString().contains(u"year 2010 → 2011"));
        const Source *after = doc.find<Source>(before.id);
        QCOMPARE(after->year, 2011);
        QCOMPARE(utc(after->firstTime).date(), QDate(2011, 12, 12));
        QCOMPARE(after->sha256, before.sha256);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Source>(before.id)->year, 2010);
        QCOMPARE(doc.find<Source>(before.id)->firstTime, before.firstTime);
        doc.undoStack()->redo();
        QCOMPARE(doc.find<Source>(before.id)->year, 2011);

        // The site of an access log: the model's Site column follows.
        const Source uk = *sourceNamed(doc, QStringLiteral("www.shop.co.uk-access.log"));
        ImportOptions o = SourceSettingsDialog(uk).options();
        o.site = QStringLiteral("amazon.co.uk");
        done.clear();
        QVERIFY(dock.reread(uk.id, o));
        QVERIFY(done.wait(20000));
        const int row = doc.indexOf<Source>(uk.id);
        QCOMPARE(dock.model()->index(row, SourcesModel::Site).data().toString(), QStringLiteral("amazon.co.uk"));
        QCOMPARE(dock.model()->index(doc.indexOf<Source>(before.id), SourcesModel::Site).data().toString(),
                 QStringLiteral("(system log: hosts)"));

        // Renaming is a merge when the name is taken; undo parts them again.
        edit::renameSite(&doc, QStringLiteral("shop.de"), QStringLiteral("amazon.co.uk"));
        QCOMPARE(dock.model()
                     ->index(doc.indexOf<Source>(sourceNamed(doc, QStringLiteral("shop.de.access.log"))->id),
                             SourcesModel::Site)
                     .data()
                     .toString(),
                 QStringLiteral("amazon.co.uk"));
        QVERIFY(!SiteRule::of(doc.meta()).sites(doc.sources()).contains(u"shop.de"_qs));
        doc.undoStack()->undo();
        QVERIFY(SiteRule::of(doc.meta()).sites(doc.sources()).contains(u"shop.de"_qs));

        // A changed file is not read; the case keeps the source as it was.
        QFile f(dir.filePath(QStringLiteral("shop.de.access.log")));
        QVERIFY(f.open(QIODevice::Append));
        f.write("88.198.10.4 - - [12/Dec/2010:23:30:00 +0100] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n");
        f.close();
        const Source de = *sourceNamed(doc, QStringLiteral("shop.de.access.log"));
        const int count = doc.undoStack()->count();
        done.clear();
        QVERIFY(dock.reread(de.id, SourceSettingsDialog(de).options()));
        QVERIFY(done.wait(20000));
        QVERIFY(!done.first().at(0).toBool());
        QVERIFY2(done.first().at(1).toString().contains(u"the file has changed since import"),
                 qPrintable(done.first().at(1).toString()));
        QCOMPARE(doc.undoStack()->count(), count);
        QVERIFY(doc.find<Source>(de.id)->sameAs(de));
    }
};

QTEST_MAIN(TestSourceSettings)
#include "tst_sourcesettings.moc"

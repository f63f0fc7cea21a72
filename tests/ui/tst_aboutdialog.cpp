// Help → About Inquest as a user opens it: the versions a bug report needs, the icon, Copy and
// Close; and the application icon drawn at the sizes a desktop asks for.
// With INQUEST_SCREENSHOT_DIR set, also writes about.png and icon-<size>.png there for a look.
#include "dialogs/aboutdialog.h"
#include "mainwindow.h"

#include "version.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <qcustomplot.h>

using namespace inquest;

namespace {

QStringList labelTexts(const QWidget *w)
{
    QStringList texts;
    for (const QLabel *l : w->findChildren<QLabel *>())
        texts.append(l->text());
    return texts;
}

QString screenshotDir() { return qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); }

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
    }

    void versionRows()
    {
        QMap<QString, QString> rows;
        for (const auto &[component, version] : AboutDialog::versions())
            rows.insert(component, version);
        QCOMPARE(rows.value(QStringLiteral("Inquest")), QStringLiteral(INQUEST_VERSION));
        QCOMPARE(rows.value(QStringLiteral("Qt (run time)")), QString::fromLatin1(qVersion()));
        QCOMPARE(rows.value(QStringLiteral("Qt (compiled)")), QStringLiteral(QT_VERSION_STR));
        QCOMPARE(rows.value(QStringLiteral("QCustomPlot")), QStringLiteral(QCUSTOMPLOT_VERSION_STR));
        QVERIFY2(rows.value(QStringLiteral("Boost")).contains(QRegularExpression(QStringLiteral("^1\\.\\d+\\.\\d+$"))),
                 qPrintable(rows.value(QStringLiteral("Boost"))));
        QCOMPARE(rows.value(QStringLiteral("Build type")), QStringLiteral(INQUEST_BUILD_TYPE));
        QVERIFY(rows.value(QStringLiteral("Compiler")).startsWith(QStringLiteral("GNU ")));
        QVERIFY(!rows.value(QStringLiteral("Commit")).isEmpty());
    }

    void helpMenuOpensAbout()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMenu *help = nullptr;
        for (QAction *a : w.menuBar()->actions()) {
            if (a->text() == QStringLiteral("&Help"))
                help = a->menu();
        }
        QVERIFY(help);
        QStringList entries;
        for (QAction *a : help->actions())
            entries.append(a->text());
        // The help topics come first (tst_casehelp), the About entries last.
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.mid(entries.size() - 2),
                 (QStringList{QStringLiteral("&About Inquest\u2026"), QStringLiteral("About &Qt")}));
        QVERIFY(entries.contains(QStringLiteral("Inquest &Help")));

        QAction *about = w.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about && help->actions().contains(about));
        about->trigger();
        QPointer<AboutDialog> dialog = w.findChild<AboutDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->isModal());

        const QStringList texts = labelTexts(dialog);
        for (const QString &expected : {QString::fromLatin1(qVersion()), QStringLiteral(QCUSTOMPLOT_VERSION_STR),
                                        QStringLiteral(INQUEST_BUILD_TYPE), QStringLiteral(INQUEST_COMPILER)})
            QVERIFY2(texts.contains(expected), qPrintable(expected));
        QVERIFY(texts.contains(QStringLiteral("<h2>Inquest %1</h2>").arg(QStringLiteral(INQUEST_VERSION))));
        // The icon comes from the resource through the SVG icon engine; without it the label is empty.
        bool hasIcon = false;
        for (const QLabel *l : dialog->findChildren<QLabel *>())
            hasIcon = hasIcon || !l->pixmap().isNull();
        QVERIFY2(hasIcon, "the About dialog shows no icon (is the Qt SVG icon engine, libqt6svg6, installed?)");

        if (!screenshotDir().isEmpty())
            QVERIFY(dialog->grab().save(QDir(screenshotDir()).filePath(QStringLiteral("about.png"))));

        QGuiApplication::clipboard()->clear();
        auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyVersions"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, AboutDialog::versionReport());
        QVERIFY(copied.contains(QStringLiteral("QCustomPlot: %1\n").arg(QStringLiteral(QCUSTOMPLOT_VERSION_STR))));
        QVERIFY(copied.contains(QStringLiteral("Qt (run time): %1\n").arg(QString::fromLatin1(qVersion()))));

        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog); // closed and deleted, not leaked per opening
    }

    void applicationIconRenders_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("16") << 16;
        QTest::newRow("48") << 48;
        QTest::newRow("256") << 256;
    }

    void applicationIconRenders()
    {
        QFETCH(int, size);
        const QIcon icon(QStringLiteral(":/icons/inquest.svg"));
        const QImage image = icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(size, size));
        // Rounded tile: the corners stay transparent, the middle is painted.
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        // Not a flat square: at least three distinct colours survive even at 16 px.
        QSet<QRgb> colours;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                if (qAlpha(image.pixel(x, y)) == 255)
                    colours.insert(image.pixel(x, y) & 0xF0F0F0);
        QVERIFY2(colours.size() >= 3, qPrintable(QString::number(colours.size())));

        if (!screenshotDir().isEmpty()) {
            // Enlarged without smoothing, so single pixels can be judged.
            const int zoom = qMax(1, 256 / size);
            QVERIFY(image.scaled(size * zoom, size * zoom, Qt::IgnoreAspectRatio, Qt::FastTransformation)
                        .save(QDir(screenshotDir()).filePath(QStringLiteral("icon-%1.png").arg(size))));
        }
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"

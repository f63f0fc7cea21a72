// The .deb a user installs: cpack builds it from this build tree, `dpkg -x` unpacks it into a
// temporary root, and the unpacked `inquest` runs against the system's Qt (no LD_LIBRARY_PATH).
// Also checks the package's Depends, its file list, the desktop/AppStream files with their
// validators, and that the MIME type it installs recognises case files by content.
#include "testlib/clirunner.h"
#include "version.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = inquest::testing::CliRun;

// Runs a program with the system's libraries only: nothing from the build tree leaks in.
Run run(const QString &program, const QStringList &args, const QString &workDir = {}, int timeoutMs = 120000)
{
    return inquest::testing::runProgram(program, args,
                                        {.timeoutMs = timeoutMs, .systemLibrariesOnly = true, .workDir = workDir});
}

const QString AppId = QStringLiteral("io.inquest.Inquest");

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;

    QString exe() const { return m_root + QStringLiteral("/usr/bin/inquest"); }
    QString field(const QString &name) const
    {
        return run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, name}).out.trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("dpkg-shlibdeps")).isEmpty())
            QSKIP("dpkg-deb/dpkg-shlibdeps missing (installer/install-deps.sh installs dpkg-dev)");

        const QString out = m_dir.filePath(QStringLiteral("cpack"));
        const Run cpack = run(QStringLiteral(INQUEST_CPACK),
                              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out,
                               QStringLiteral("--config"), QStringLiteral(INQUEST_BUILD_DIR "/CPackConfig.cmake")},
                              QStringLiteral(INQUEST_BUILD_DIR), 300000);
        QVERIFY2(cpack.status == 0, qPrintable(cpack.out + cpack.err));
        const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = QDir(out).filePath(debs.first());
        const QString arch = run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out.trimmed();
        QCOMPARE(debs.first(), QStringLiteral("inquest_%1_%2.deb").arg(QStringLiteral(INQUEST_VERSION), arch));

        m_root = m_dir.filePath(QStringLiteral("root"));
        const Run x = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(x.status == 0, qPrintable(x.err));
    }

    void controlFields()
    {
        QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("inquest"));
        QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(INQUEST_VERSION));
        QCOMPARE(field(QStringLiteral("Section")), QStringLiteral("utils"));
        QVERIFY(field(QStringLiteral("Maintainer")).contains(u'@'));
        const QString description = field(QStringLiteral("Description"));
        QVERIFY2(description.startsWith(QStringLiteral("Outage forensics workbench")), qPrintable(description));
        QVERIFY2(description.count(u'\n') >= 2, "the long description is missing");

        const QString depends = field(QStringLiteral("Depends"));
        QStringList names;
        for (const QString &dep : depends.split(u','))
            names.append(dep.trimmed().section(u' ', 0, 0));
        // Loaded as plugins at run time, so listed by hand: dpkg-shlibdeps cannot see them.
        QStringList needed = {QStringLiteral("libqt6sql6-sqlite"), QStringLiteral("libqt6svg6"),
                              QStringLiteral("libqt6core6"), QStringLiteral("libqt6widgets6"),
                              QStringLiteral("libqcustomplot2.1-qt6")};
        // And the package of every library the installed program links (what dpkg-shlibdeps adds):
        // the binary's and its private libraries' (their own come with this package).
        const QString privateDir = m_root + QStringLiteral(INQUEST_PRIVATE_LIBDIR);
        QStringList objects = {exe()};
        if (!QStringLiteral(INQUEST_PRIVATE_LIBDIR).isEmpty()) {
            for (const QString &name : QDir(privateDir).entryList({QStringLiteral("*.so")}, QDir::Files))
                objects.append(privateDir + u'/' + name);
            QCOMPARE(objects.size(), 3);
        }
        const QRegularExpression neededRe(QStringLiteral("^\\s*NEEDED\\s+(\\S+)$"),
                                          QRegularExpression::MultilineOption);
        const auto withoutUsr = [](QString path) {
            return path.startsWith(QStringLiteral("/usr/")) ? path.mid(4) : path;
        };
        QStringList libraries;
        for (const QString &object : std::as_const(objects)) {
            const Run objdump = run(QStringLiteral("objdump"), {QStringLiteral("-p"), object});
            QCOMPARE(objdump.status, 0);
            // ldd resolves each to a path; dpkg -S names its package (merged /usr: compare without it).
            const Run ldd = run(QStringLiteral("ldd"), {object});
            QCOMPARE(ldd.status, 0);
            QStringList objectLibraries, paths;
            for (const QRegularExpressionMatch &m : neededRe.globalMatch(objdump.out)) {
                const QString library = m.captured(1);
                // "libfoo.so.1 => /path (…)", or for the dynamic loader itself (needed by code that
                // uses thread-local storage from a shared object) "/lib64/ld-linux-x86-64.so.2 (…)".
                const QRegularExpression resolvedRe(
                    QStringLiteral("^\\s*(?:%1 => (\\S+)|(/\\S*/%1) \\()").arg(QRegularExpression::escape(library)),
                    QRegularExpression::MultilineOption);
                const QRegularExpressionMatch found = resolvedRe.match(ldd.out);
                const QString path = found.hasCaptured(1) ? found.captured(1) : found.captured(2);
                QVERIFY2(!path.isEmpty(), qPrintable(QStringLiteral("%1 not found by ldd").arg(library)));
                if (QFileInfo(path).canonicalFilePath().startsWith(QFileInfo(m_root).canonicalFilePath() + u'/'))
                    continue; // one of the package's own libraries, found through the binary's RUNPATH
                objectLibraries.append(library);
                paths.append(path);
            }
            libraries += objectLibraries;
            const Run owners = run(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + objectLibraries);
            for (const QString &path : std::as_const(paths)) {
                QString package;
                for (const QString &line : owners.out.split(u'\n', Qt::SkipEmptyParts)) {
                    if (withoutUsr(line.section(QStringLiteral(": "), 1)) == withoutUsr(path))
                        package = line.section(u':', 0, 0);
                }
                QVERIFY2(!package.isEmpty(), qPrintable(QStringLiteral("no package owns %1").arg(path)));
                needed.append(package);
            }
        }
        const qsizetype linked = libraries.size();
        QVERIFY2(linked >= 5, qPrintable(libraries.join(u' ')));
        needed.removeDuplicates();
        for (const QString &package : std::as_const(needed))
            QVERIFY2(names.contains(package),
                     qPrintable(QStringLiteral("%1 not in Depends: %2").arg(package, depends)));
        // Versioned where it matters: a Qt older than the one we built against would not load us.
        QVERIFY2(depends.contains(QRegularExpression(QStringLiteral("libqt6core6 \\(>= 6\\.4"))), qPrintable(depends));
    }

    void fileList()
    {
        const Run c = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QCOMPARE(c.status, 0);
        QStringList files;
        for (const QString &line : c.out.split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u'd'))
                files.append(line.section(u' ', -1).mid(1)); // "./usr/bin/inquest" → "/usr/bin/inquest"
        }
        files.sort();
        // Exactly these: no headers, static libraries or test programs slip into the package.
        QStringList expected = {QStringLiteral("/usr/bin/inquest"),
                                QStringLiteral("/usr/share/applications/%1.desktop").arg(AppId),
                                QStringLiteral("/usr/share/doc/inquest/copyright"),
                                QStringLiteral("/usr/share/icons/hicolor/scalable/apps/%1.svg").arg(AppId),
                                QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(AppId),
                                QStringLiteral("/usr/share/mime/packages/%1.xml").arg(AppId)};
        if (!QStringLiteral(INQUEST_PRIVATE_LIBDIR).isEmpty()) {
            for (const char *name : {"libinquest_core.so", "libinquest_ui.so"})
                expected.append(QStringLiteral(INQUEST_PRIVATE_LIBDIR "/%1").arg(QLatin1String(name)));
        }
        expected.sort();
        QCOMPARE(files, expected);

        const Run file = run(QStringLiteral("file"), {exe()});
        if (file.status == 0)
            QVERIFY2(file.out.contains(QStringLiteral(", stripped")), qPrintable(file.out));
    }

    void installedVersion()
    {
        const Run r = run(exe(), {QStringLiteral("--version")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("inquest %1\n").arg(QStringLiteral(INQUEST_VERSION))),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("QCustomPlot 2.")));
        QVERIFY(r.out.contains(QStringLiteral("commit ")));
    }

    void installedBinaryWritesACase()
    {
        const QString file = m_dir.filePath(QStringLiteral("x.inquest"));
        // `demo` exercises the SQLite driver plugin and, when it draws, the offscreen platform.
        const Run made = run(exe(), {QStringLiteral("demo"), file});
        QVERIFY2(made.status == 0, qPrintable(made.err));
        QVERIFY(QFile::exists(file));
        const Run verify = run(exe(), {QStringLiteral("verify"), file});
        QVERIFY2(verify.status == 0, qPrintable(verify.out + verify.err));
        QVERIFY(verify.out.contains(QStringLiteral("OK")));
    }

    void desktopFilesValidate()
    {
        const QString desktop = m_root + QStringLiteral("/usr/share/applications/%1.desktop").arg(AppId);
        const QString metainfo = m_root + QStringLiteral("/usr/share/metainfo/%1.metainfo.xml").arg(AppId);
        QFile d(desktop);
        QVERIFY(d.open(QIODevice::ReadOnly));
        const QByteArray entry = d.readAll();
        QVERIFY(entry.contains("\nExec=inquest %f\n"));
        QVERIFY(entry.contains("\nMimeType=application/x-inquest-case;\n"));
        QVERIFY(entry.contains(QStringLiteral("\nIcon=%1\n").arg(AppId).toUtf8()));
        QFile m(metainfo);
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QByteArray info = m.readAll();
        QVERIFY2(info.contains(QStringLiteral("<release version=\"%1\"").arg(QStringLiteral(INQUEST_VERSION)).toUtf8()),
                 "the AppStream release does not name this version");
        // One licence, said the same way in the metainfo and in Debian's copyright file.
        QVERIFY(info.contains("<project_license>GPL-3.0-or-later</project_license>"));
        QFile copyright(m_root + QStringLiteral("/usr/share/doc/inquest/copyright"));
        QVERIFY(copyright.open(QIODevice::ReadOnly));
        const QByteArray terms = copyright.readAll();
        QVERIFY(terms.startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
        QVERIFY(terms.contains("\nLicense: GPL-3+\n"));

        if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
            QSKIP("desktop-file-validate/appstreamcli missing (installer/install-deps.sh installs them)");
        const Run dv = run(QStringLiteral("desktop-file-validate"), {desktop});
        QVERIFY2(dv.status == 0 && dv.out.trimmed().isEmpty(), qPrintable(dv.out + dv.err));
        // validate-tree also checks that the launchable desktop file is in the package.
        const Run av =
            run(QStringLiteral("appstreamcli"), {QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_root});
        QVERIFY2(av.status == 0, qPrintable(av.out + av.err));
    }

    // Double-click works by MIME type: a case is recognised by name and, renamed, by its
    // application_id; a plain SQLite database is not taken for a case. Checked as a desktop sees
    // it once installed: our XML beside the system's, merged into one mime.cache.
    void mimeTypeRecognisesCases()
    {
        const QString system = QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml");
        if (QStandardPaths::findExecutable(QStringLiteral("update-mime-database")).isEmpty() || !QFile::exists(system))
            QSKIP("shared-mime-info missing (installer/install-deps.sh installs it)");
        const QString share = m_dir.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(share + QStringLiteral("/mime/packages")));
        QVERIFY(QFile::copy(system, share + QStringLiteral("/mime/packages/freedesktop.org.xml")));
        QVERIFY(QFile::copy(m_root + QStringLiteral("/usr/share/mime/packages/%1.xml").arg(AppId),
                            share + QStringLiteral("/mime/packages/%1.xml").arg(AppId)));
        // Set before the first QMimeDatabase of this process (it reads the directories once), and
        // seen by update-mime-database, which warns about a directory outside the search path.
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("nohome")).toUtf8());
        qputenv("XDG_DATA_DIRS", share.toUtf8());
        const Run u = run(QStringLiteral("update-mime-database"), {share + QStringLiteral("/mime")});
        QVERIFY2(u.status == 0 && u.err.trimmed().isEmpty(), qPrintable(u.err));
        QVERIFY(QFile::exists(share + QStringLiteral("/mime/mime.cache")));

        const QString named = m_dir.filePath(QStringLiteral("mime.inquest"));
        QCOMPARE(run(exe(), {QStringLiteral("new"), named}).status, 0);
        const QString renamed = m_dir.filePath(QStringLiteral("renamed-case"));
        QVERIFY(QFile::copy(named, renamed));
        // The same file with its application_id cleared is an ordinary SQLite database.
        const QString plain = m_dir.filePath(QStringLiteral("plain-sqlite"));
        QVERIFY(QFile::copy(named, plain));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::ReadWrite) && f.seek(68));
        QCOMPARE(f.read(4), QByteArray("INQC"));
        QVERIFY(f.seek(68));
        f.write(QByteArray(4, '\0'));
        f.close();

        QMimeDatabase db;
        const QString caseType = QStringLiteral("application/x-inquest-case");
        QVERIFY2(db.mimeTypeForName(caseType).isValid(), "the package's MIME type did not load");
        QCOMPARE(db.mimeTypeForFile(named).name(), caseType);
        QCOMPARE(db.mimeTypeForFile(renamed, QMimeDatabase::MatchContent).name(), caseType);
        QCOMPARE(db.mimeTypeForFile(renamed).name(), caseType);
        const QMimeType other = db.mimeTypeForFile(plain);
        QVERIFY2(other.name() != caseType, qPrintable(other.name()));
        QVERIFY2(other.inherits(QStringLiteral("application/vnd.sqlite3")), qPrintable(other.name()));
        QVERIFY(db.mimeTypeForName(caseType).inherits(QStringLiteral("application/vnd.sqlite3")));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"

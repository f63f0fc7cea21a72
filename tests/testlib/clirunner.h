#pragma once
// Runs `inquest` (or another program) the way a script would, for the command-line tests.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace inquest::testing {

struct CliRun
{
    // The exit code; -1 when the program did not start, crashed or ran past its time, so that a
    // crash can never pass for an expected exit status.
    int status = -1;
    QString out;
    QString err;
};

struct CliOptions
{
    int timeoutMs = 300000;
    bool noDisplay = false; // without DISPLAY and QT_QPA_PLATFORM: a headless command must not need them
    bool systemLibrariesOnly =
        false;       // without LD_LIBRARY_PATH and QT_PLUGIN_PATH: nothing from the build tree leaks in
    QString workDir; // empty: the test's own
};

inline CliRun runProgram(const QString &program, const QStringList &args, const CliOptions &options = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (options.noDisplay) {
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    }
    if (options.systemLibrariesOnly) {
        env.remove(QStringLiteral("LD_LIBRARY_PATH"));
        env.remove(QStringLiteral("QT_PLUGIN_PATH"));
    }
    p.setProcessEnvironment(env);
    if (!options.workDir.isEmpty())
        p.setWorkingDirectory(options.workDir);
    p.start(program, args);
    const bool finished = p.waitForFinished(options.timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished();
    }
    CliRun run;
    run.status = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    if (!finished)
        run.err += QStringLiteral("\n%1 did not finish within %2 s").arg(program).arg(options.timeoutMs / 1000);
    return run;
}

inline CliRun runInquest(const QStringList &args, const CliOptions &options = {})
{
    return runProgram(QStringLiteral(INQUEST_EXE), args, options);
}

} // namespace inquest::testing

#include "cli.h"
#include "commands.h"

#include "version.h"

#include <QFileInfo>
#include <QtGlobal>

#include <boost/version.hpp>

namespace inquest::cli {

namespace {

using CommandFn = int (*)(const QStringList &, QTextStream &, QTextStream &);

struct Command
{
    const char *name;
    const char *usage;
    CommandFn run;
};

// The stable command-line contract (ARCHITECTURE.md).
const Command Commands[] = {
    {"new",
     "new CASE [--title T] [--analyst A] [--number N] [--hypotheses hardware,ddos,…|\"Name=kind,…\"] [--force] "
     "[--wait[=SECONDS]]",
     newCase},
    {"case",
     "case CASE [--title T] [--analyst A] [--number N] [--notes TEXT] [--scoring FILE.json|default] [--json] "
     "[--wait[=SECONDS]]",
     caseProperties},
    {"import",
     "import CASE FILE… [--format auto|NAME] [--tz ZONE] [--year YYYY] [--site NAME] [--json] [--wait[=SECONDS]]",
     importLogs},
    {"import-news",
     "import-news CASE FILE… [--published YYYY-MM-DD[THH:MM[±HH:MM|Z]]] [--zone ZONE] [--outlet NAME] [--json] "
     "[--wait[=SECONDS]]",
     importNews},
    {"source", "source CASE SOURCE-ID [--year YYYY] [--tz ZONE] [--site NAME] [--format auto|NAME] [--wait[=SECONDS]]",
     source},
    {"sites", "sites CASE [--rename FROM=TO] [--json] [--wait[=SECONDS]]", sites},
    {"curve",
     "curve add CASE --name N [--filter EXPR] [--agg AGG] [--colour C] [--style line|step|bars|dots] "
     "| curve list CASE [--json] | curve remove CASE NAME",
     curve},
    {"mark",
     "mark add CASE --source ID --line N [--star|--unstar] [--tag T,…] [--comment TEXT] | mark list CASE [--json] "
     "| mark remove CASE --source ID --line N",
     mark},
    {"new-evidence",
     "new-evidence CASE --curve NAME --from T --to T | --source ID --lines A[-B] [--title T] [--wait[=SECONDS]]",
     newEvidence},
    {"remote",
     "remote add CASE --clickhouse URL --table DB.TABLE [--user U] [--password-env VAR] [--map FIELD=EXPR,…] "
     "[--name NAME] [--timeout SECONDS] [--json] [--wait[=SECONDS]] | remote list CASE [--json] | "
     "remote load CASE --clickhouse URL --table DB.TABLE [--user U] [--password-env VAR] [--source ID,…] | "
     "remote rerun CASE [--name NAME] [--json] [--wait[=SECONDS]]",
     remoteSources},
    {"analyze", "analyze CASE [--accept] [--json] [--wait[=SECONDS]]", analyze},
    {"score", "score CASE [--json]", score},
    {"statements",
     "statements CASE [--confirm IDS] [--reject-stance IDS] [--stance IDS=\"KIND:RATING …\"|none] [--grade IDS=B2] "
     "[--remove IDS] [--json] [--wait[=SECONDS]]",
     statements},
    {"hypotheses",
     "hypotheses CASE [--add \"Name=kind,…\"] [--remove NAME|ID,…] [--rename OLD=NEW,…] [--kind NAME|ID=KIND,…] "
     "[--json] [--wait[=SECONDS]]",
     hypotheses},
    {"evidence",
     "evidence CASE [--accept IDS] [--reject IDS] [--suggest IDS] [--remove IDS] [--rate IDS --hypothesis NAME|ID "
     "--rating CC|C|N|I|II|NA|none] [--grade IDS=B2] [--relevance IDS=low|medium|high] [--json] [--wait[=SECONDS]]",
     evidence},
    {"series",
     "series CASE --metric requests|errors|no-response|error-rate|clients|bytes [--site S] [--bin SECONDS] "
     "[--csv|--json] | series CASE --curve NAME|--filter EXPR [--agg count|sum(F)|mean(F)|max(F)|pN(F)] [--bin …]",
     series},
    {"events",
     "events CASE [--from T] [--to T] [--site S] [--source ID] [--host H] [--client C] [--path P] "
     "[--status CLASS|CODE,…] [--grep REGEX] [--limit N] [--offset N] [--csv|--json] [--keep [--wait[=SECONDS]]]",
     events},
    {"report", "report CASE --pdf OUT.pdf [--html OUT.html] [--zone ZONE]", report},
    {"verify", "verify CASE [--expect-head HASH]", verify},
    {"demo", "demo CASE [--seed N] [--wait[=SECONDS]]", demo},
    {"formats", "formats [--json]", formats},
    {"bench", "bench ingest FILE… [--repeat N] | bench templates FILE | bench news-patterns DIR [--misses]", bench},
};

const Command *find(const QString &name)
{
    for (const Command &c : Commands) {
        if (name == QLatin1StringView(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace

bool isCommand(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    const QString &first = args.first();
    if (find(first) || first == u"--help" || first == u"-h" || first == u"--version" || first == u"help")
        return true;
    // Anything that is not a case to open in the GUI is a mistyped command: say so, exit 2.
    return !(first.endsWith(QStringLiteral(".inquest")) || QFileInfo::exists(first));
}

bool needsGui(const QStringList &args)
{
    return !args.isEmpty() && (args.first() == u"report" || args.first() == u"demo");
}

QString helpText()
{
    QString text = QStringLiteral("Usage: inquest [CASE.inquest]        open the workbench\n"
                                  "       inquest COMMAND [ARGS]        run a command without the GUI\n\nCommands:\n");
    for (const Command &c : Commands)
        text += QStringLiteral("  inquest %1\n").arg(QString::fromUtf8(c.usage));
    text += QStringLiteral("\nExit status: 0 success, 1 bad input or failed verification, 2 usage.\n"
                           "Times are UTC; --json prints one JSON document on stdout.\n"
                           "Commands that change a case hold CASE.lock beside it while they work; another\n"
                           "such command is refused at once (exit 1, naming the holder) unless it is given --wait.\n");
    return text;
}

QString versionText()
{
    return QStringLiteral("inquest %1\nbuild: %2, %3, commit %4\nQt %5 (run time %6), Boost %7.%8.%9\n")
        .arg(QStringLiteral(INQUEST_VERSION), QStringLiteral(INQUEST_BUILD_TYPE), QStringLiteral(INQUEST_COMPILER),
             QStringLiteral(INQUEST_GIT_COMMIT), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
        .arg(BOOST_VERSION / 100000)
        .arg(BOOST_VERSION / 100 % 1000)
        .arg(BOOST_VERSION % 100);
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        out << helpText();
        return args.isEmpty() ? Usage : Success;
    }
    if (args.first() == u"--version") {
        out << versionText();
        return Success;
    }
    const Command *command = find(args.first());
    if (!command) {
        err << "inquest: unknown command \"" << args.first() << "\"\n\n" << helpText();
        return Usage;
    }
    const QStringList rest = args.mid(1);
    if (rest.contains(QStringLiteral("--help"))) {
        out << "Usage: inquest " << command->usage << '\n';
        return Success;
    }
    return command->run(rest, out, err);
}

} // namespace inquest::cli

#include "commandline.h"

#include "casefile/casefile.h"
#include "commands.h"

namespace inquest::cli {

CommandLine::CommandLine(QSet<QString> valueOptions, QSet<QString> flags)
    : m_valueOptions(std::move(valueOptions))
    , m_flagOptions(std::move(flags))
{
}

bool CommandLine::parse(const QStringList &args, QString *error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QStringLiteral("--")) || a == u"--") {
            m_positional.append(a);
            continue;
        }
        QString name = a.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (m_flagOptions.contains(name) && !inlineValue) {
            m_flags.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    *error = QStringLiteral("option --%1 needs a value").arg(name);
                    return false;
                }
                value = args[++i];
            }
            m_values.insert(name, value);
        } else {
            *error = QStringLiteral("unknown option --%1").arg(name);
            return false;
        }
    }
    return true;
}

void CommandLine::acceptWait()
{
    // A flag alone, a value only inline: "--wait 30" would take a case's FILE… for seconds.
    m_flagOptions.insert(QStringLiteral("wait"));
    m_valueOptions.insert(QStringLiteral("wait"));
}

bool CommandLine::parseOneCase(const char *command, const QStringList &args, QTextStream &err)
{
    QString error;
    if (parse(args, &error) && m_positional.size() == 1)
        return true;
    err << "inquest " << command << ": " << (error.isEmpty() ? QStringLiteral("expected one CASE path") : error)
        << '\n';
    return false;
}

int lockCase(const char *command, const CommandLine &cl, const QString &path, casefile::CaseLock &lock,
             QTextStream &err)
{
    int timeoutMs = 0;
    if (cl.has(QStringLiteral("wait"))) {
        const QString text = cl.value(QStringLiteral("wait"));
        bool ok = true;
        const double seconds = text.isEmpty() ? -1 : text.toDouble(&ok);
        if (!ok || (!text.isEmpty() && (seconds < 0 || seconds > 86400))) {
            err << "inquest " << command << ": --wait=SECONDS expects a number of seconds (0 to 86400), not \"" << text
                << "\"\n";
            return Usage;
        }
        timeoutMs = seconds < 0 ? -1 : int(seconds * 1000);
    }
    QString error;
    if (!lock.lock(path, QStringLiteral("inquest ") + QLatin1StringView(command), timeoutMs, &error)) {
        err << "inquest " << command << ": " << error
            << (cl.has(QStringLiteral("wait"))
                    ? QStringLiteral("; gave up waiting\n")
                    : QStringLiteral("; try again when it is done, or add --wait[=SECONDS]\n"));
        return BadInput;
    }
    if (!lock.tookOverFrom().isEmpty())
        err << "inquest " << command << ": note: took over the lock left by " << lock.tookOverFrom()
            << ", which ended without releasing it\n";
    return Success;
}

std::optional<CaseData> readCase(const char *command, const QString &path, QTextStream &err)
{
    QString error;
    auto data = casefile::read(path, &error);
    if (!data)
        err << "inquest " << command << ": " << error << '\n';
    return data;
}

int openForEdit(const char *command, const CommandLine &cl, const QString &path, casefile::CaseLock &lock,
                CaseDocument &doc, QTextStream &err)
{
    if (const int status = lockCase(command, cl, path, lock, err); status != Success)
        return status;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest " << command << ": " << error << '\n';
        return BadInput;
    }
    return Success;
}

int saveEdited(const char *command, CaseDocument &doc, const QString &path, QTextStream &err)
{
    QString error;
    if (casefile::save(doc, path, &error))
        return Success;
    err << "inquest " << command << ": " << error << '\n';
    return BadInput;
}

} // namespace inquest::cli

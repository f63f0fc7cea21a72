#include "commandline.h"

#include "casefile/casefile.h"

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

bool CommandLine::parseOneCase(const char *command, const QStringList &args, QTextStream &err)
{
    QString error;
    if (parse(args, &error) && m_positional.size() == 1)
        return true;
    err << "inquest " << command << ": " << (error.isEmpty() ? QStringLiteral("expected one CASE path") : error)
        << '\n';
    return false;
}

std::optional<CaseData> readCase(const char *command, const QString &path, QTextStream &err)
{
    QString error;
    auto data = casefile::read(path, &error);
    if (!data)
        err << "inquest " << command << ": " << error << '\n';
    return data;
}

} // namespace inquest::cli

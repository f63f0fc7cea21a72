#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace inquest::cli {

// A small argument parser for "command POSITIONAL… --option value --flag" command lines,
// strict about unknown options so that typos are usage errors rather than silent defaults.
class CommandLine
{
public:
    CommandLine(QSet<QString> valueOptions, QSet<QString> flags);
    bool parse(const QStringList &args, QString *error);

    const QStringList &positional() const { return m_positional; }
    bool has(const QString &name) const { return m_flags.contains(name) || m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return m_values.value(name, fallback); }

private:
    QSet<QString> m_valueOptions;
    QSet<QString> m_flagOptions;
    QStringList m_positional;
    QSet<QString> m_flags;
    QHash<QString, QString> m_values;
};

} // namespace inquest::cli

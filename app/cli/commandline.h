#pragma once

#include "casefile/caselock.h"
#include "model/casedata.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace inquest {
class CaseDocument;
}

namespace inquest::cli {

// A small argument parser for "command POSITIONAL… --option value --flag" command lines,
// strict about unknown options so that typos are usage errors rather than silent defaults.
class CommandLine
{
public:
    CommandLine(QSet<QString> valueOptions, QSet<QString> flags);
    bool parse(const QStringList &args, QString *error);
    // The prologue of a command over one case, "inquest COMMAND CASE [options]": parses and
    // checks that exactly one positional argument, the case, is given. On a usage error writes
    // "inquest COMMAND: why" to err and returns false (the command exits with Usage).
    bool parseOneCase(const char *command, const QStringList &args, QTextStream &err);
    // After parseOneCase: the case path.
    const QString &casePath() const { return m_positional.first(); }

    // For commands that change a case: accepts --wait and --wait=SECONDS (see lockCase).
    void acceptWait();

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

// Reads the case at `path`; when it cannot be read, writes "inquest COMMAND: why" to err (the
// command exits with BadInput).
std::optional<CaseData> readCase(const char *command, const QString &path, QTextStream &err);

// Takes the writer lock of the case at `path` for "inquest COMMAND" (held until `lock` is
// destroyed: read → change → save). Without --wait a held lock is refused at once; --wait waits
// as long as it takes, --wait=SECONDS that long. Returns Success, or writes "inquest COMMAND: why"
// (naming the holder) to err and returns BadInput (Usage for a bad --wait).
int lockCase(const char *command, const CommandLine &cl, const QString &path, casefile::CaseLock &lock,
             QTextStream &err);

// The prologue of an edit: takes the writer lock (lockCase) and opens the case into `doc` for
// undoable edits. Success, or the message written and BadInput/Usage returned.
int openForEdit(const char *command, const CommandLine &cl, const QString &path, casefile::CaseLock &lock,
                CaseDocument &doc, QTextStream &err);
// Saves an edited case; Success, or "inquest COMMAND: why" written and BadInput.
int saveEdited(const char *command, CaseDocument &doc, const QString &path, QTextStream &err);

} // namespace inquest::cli

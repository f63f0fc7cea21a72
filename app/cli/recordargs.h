#pragma once
// How commands name the case's records and grades on the command line: ids as "3,5,8" (each must
// name a record of the case), "IDS=VALUE" pairs, and Admiralty grades as "B2".

#include "model/kinds.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace inquest::cli {

// `what` names the records in messages ("evidence item"), `listCommand` the command that lists them.
template <typename R>
std::optional<QList<Id>> parseIds(const QString &text, const QList<R> &records, const char *what,
                                  const char *listCommand, QString *error)
{
    QList<Id> ids;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const Id id = part.trimmed().toLongLong(&ok);
        if (!ok || std::none_of(records.begin(), records.end(), [id](const R &r) { return r.id == id; })) {
            *error = QStringLiteral("no %1 \"%2\" (see `inquest %3 CASE`)")
                         .arg(QLatin1String(what), part.trimmed(), QLatin1String(listCommand));
            return std::nullopt;
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty()) {
        *error = QStringLiteral("no %1 id given").arg(QLatin1String(what));
        return std::nullopt;
    }
    return ids;
}

// "IDS=VALUE" → the ids and VALUE; false with `error` naming the option.
template <typename R>
bool parseIdsAndValue(const QString &spec, const QList<R> &records, const char *option, const char *what,
                      const char *listCommand, QList<Id> *ids, QString *value, QString *error)
{
    const qsizetype eq = spec.lastIndexOf(u'=');
    *value = eq > 0 ? spec.mid(eq + 1).trimmed() : QString();
    if (eq <= 0 || value->isEmpty()) {
        *error = QStringLiteral("--%1 \"%2\": expected IDS=VALUE").arg(QLatin1String(option), spec);
        return false;
    }
    const auto parsed = parseIds(spec.left(eq), records, what, listCommand, error);
    if (!parsed) {
        *error = QStringLiteral("--%1: %2").arg(QLatin1String(option), *error);
        return false;
    }
    *ids = *parsed;
    return true;
}

// "B2" (any case): reliability A–F, credibility 1–6.
bool parseGrade(const QString &text, QChar *reliability, int *credibility);

} // namespace inquest::cli

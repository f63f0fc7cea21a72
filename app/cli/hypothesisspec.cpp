#include "hypothesisspec.h"

#include <QStringList>

namespace inquest::cli {

std::optional<QList<Hypothesis>> parseHypotheses(const QString &spec, QString *error)
{
    QList<Hypothesis> list;
    for (const QString &raw : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        Hypothesis h;
        const qsizetype eq = item.lastIndexOf(u'=');
        const QString kindText = eq >= 0 ? item.mid(eq + 1).trimmed() : item;
        const auto kind = hypothesisKindFromString(kindText);
        if (!kind) {
            QStringList kinds;
            for (HypothesisKind k : allHypothesisKinds())
                kinds.append(toString(k));
            *error = QStringLiteral("unknown hypothesis kind \"%1\" (kinds: %2)").arg(kindText, kinds.join(u", "));
            return std::nullopt;
        }
        h.kind = *kind;
        h.name = eq >= 0 ? item.left(eq).trimmed() : displayName(*kind);
        if (h.name.isEmpty()) {
            *error = QStringLiteral("hypothesis \"%1\" has no name").arg(item);
            return std::nullopt;
        }
        list.append(h);
    }
    if (list.isEmpty()) {
        *error = QStringLiteral("no hypothesis named");
        return std::nullopt;
    }
    return list;
}

const Hypothesis *findHypothesis(const QList<Hypothesis> &hypotheses, const QString &idOrName)
{
    bool isId = false;
    const Id id = idOrName.trimmed().toLongLong(&isId);
    for (const Hypothesis &h : hypotheses) {
        if ((isId && h.id == id) || h.name.compare(idOrName.trimmed(), Qt::CaseInsensitive) == 0)
            return &h;
    }
    return nullptr;
}

QString hypothesisNames(const QList<Hypothesis> &hypotheses)
{
    QStringList names;
    for (const Hypothesis &h : hypotheses)
        names.append(h.name);
    return names.join(QStringLiteral(", "));
}

} // namespace inquest::cli

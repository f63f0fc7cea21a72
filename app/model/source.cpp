#include "source.h"

namespace inquest {

bool Source::sameAs(const Source &o) const
{
    const bool tablesMatch = (!table && !o.table) || (table && o.table && table->sameContent(*o.table)) ||
                             (table && !o.table && table->empty()) || (!table && o.table && o.table->empty());
    return id == o.id && kind == o.kind && path == o.path && sha256 == o.sha256 && size == o.size &&
           format == o.format && site == o.site && timeZone == o.timeZone && year == o.year &&
           importedAt == o.importedAt && lines == o.lines && events == o.events && malformed == o.malformed &&
           firstTime == o.firstTime && lastTime == o.lastTime && issues == o.issues && title == o.title &&
           outlet == o.outlet && published == o.published && publishedTime == o.publishedTime && url == o.url &&
           text == o.text && tablesMatch;
}

QString toString(SourceKind kind)
{
    return kind == SourceKind::Log ? QStringLiteral("log") : QStringLiteral("article");
}

std::optional<SourceKind> sourceKindFromString(const QString &text)
{
    if (text == u"log")
        return SourceKind::Log;
    if (text == u"article")
        return SourceKind::Article;
    return std::nullopt;
}

} // namespace inquest

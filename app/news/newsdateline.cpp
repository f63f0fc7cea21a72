#include "newsdateline.h"
#include "newsarticle.h"

#include <QRegularExpression>

namespace inquest::news {

Dateline findDateline(QStringView text)
{
    qsizetype at = metadataEnd(text);
    while (at < text.size() && text[at].isSpace())
        ++at;
    // A place in capitals and/or a month and day, then the agency in brackets, then a dash. One of
    // place or agency must be there: "July 17 - " alone could open a sentence about July 17.
    static const QRegularExpression dateline(
        QStringLiteral("^(?:(?<place>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3})(?:, [A-Z][a-z]+\\.?)?,? ?)?"
                       "(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2})?"
                       " ?(?:\\((?<outlet>[A-Z][\\w.&' -]{0,30})\\))? ?[\u2014\u2013-]{1,2} (?=\\S)"));
    static const int placeGroup = dateline.namedCaptureGroups().indexOf(QStringLiteral("place"));
    static const int outletGroup = dateline.namedCaptureGroups().indexOf(QStringLiteral("outlet"));
    const QRegularExpressionMatch m = dateline.match(text.mid(at, 120));
    Dateline d;
    if (!m.hasMatch() || (!m.hasCaptured(placeGroup) && !m.hasCaptured(outletGroup)))
        return d;
    d.begin = at;
    d.end = at + m.capturedEnd();
    d.outlet = m.captured(outletGroup).trimmed();
    return d;
}

} // namespace inquest::news

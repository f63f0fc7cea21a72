#include "recordargs.h"

namespace inquest::cli {

bool parseGrade(const QString &text, QChar *reliability, int *credibility)
{
    const QString upper = text.trimmed().toUpper();
    if (upper.size() != 2 || upper[0] < u'A' || upper[0] > u'F' || upper[1] < u'1' || upper[1] > u'6')
        return false;
    *reliability = upper[0];
    *credibility = upper[1].digitValue();
    return true;
}

} // namespace inquest::cli

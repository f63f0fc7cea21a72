#include "reportformat.h"

#include "model/casedata.h"

#include <QDateTime>
#include <QLocale>

namespace inquest::reportformat {

QString utc(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
}

QString inZone(qint64 us, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, zone);
    // Abbreviations ("CET") read better than offsets but are not unique: print both.
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone.displayName(t, QTimeZone::ShortName);
}

QString range(qint64 beginUs, qint64 endUs)
{
    if (endUs <= beginUs)
        return utc(beginUs);
    const QDateTime b = QDateTime::fromMSecsSinceEpoch(beginUs / 1000, QTimeZone::utc());
    const QDateTime e = QDateTime::fromMSecsSinceEpoch(endUs / 1000, QTimeZone::utc());
    const QString end = b.date() == e.date() ? e.toString(QStringLiteral("HH:mm:ss'Z'")) : utc(endUs);
    return utc(beginUs) + QStringLiteral(" \u2013 ") + end;
}

QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }

QString bytes(qint64 size)
{
    // Exact byte counts matter for provenance; the short form is for reading.
    return QStringLiteral("%1 bytes (%2)").arg(size).arg(QLocale::c().formattedDataSize(size));
}

QString hypothesisName(const CaseData &data, Id id)
{
    for (const Hypothesis &h : data.hypotheses) {
        if (h.id == id)
            return h.name;
    }
    return QStringLiteral("#%1").arg(id);
}

QString evidenceTitle(const CaseData &data, Id id)
{
    for (const Evidence &e : data.evidence) {
        if (e.id == id)
            return QStringLiteral("E%1 %2").arg(id).arg(e.title);
    }
    return QStringLiteral("E%1").arg(id);
}

QString shortHash(const QString &sha256) { return sha256.left(12); }

} // namespace inquest::reportformat

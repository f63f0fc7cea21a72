#include "recordcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::recordcodec {

namespace {
QString compact(const QJsonDocument &doc) { return QString::fromUtf8(doc.toJson(QJsonDocument::Compact)); }

std::optional<QJsonDocument> parse(const QString &json)
{
    if (json.isEmpty())
        return QJsonDocument();
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc;
}
} // namespace

QString kindRatingsToJson(const QMap<HypothesisKind, Rating> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(toString(it.key()), toString(it.value()));
    return compact(QJsonDocument(o));
}

std::optional<QMap<HypothesisKind, Rating>> kindRatingsFromJson(const QString &json)
{
    auto doc = parse(json);
    if (!doc || (!doc->isNull() && !doc->isObject()))
        return std::nullopt;
    QMap<HypothesisKind, Rating> map;
    const QJsonObject o = doc->object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto kind = hypothesisKindFromString(it.key());
        const auto rating = ratingFromString(it.value().toString());
        if (!kind || !rating)
            return std::nullopt;
        map.insert(*kind, *rating);
    }
    return map;
}

QString timesToJson(const QList<TimeRef> &times)
{
    QJsonArray a;
    for (const TimeRef &t : times) {
        QJsonObject o{{QStringLiteral("phrase"), t.phrase},
                      {QStringLiteral("begin"), QString::number(t.begin)},
                      {QStringLiteral("end"), QString::number(t.end)},
                      {QStringLiteral("approximate"), t.approximate},
                      {QStringLiteral("offset"), QString::number(t.offset)}};
        if (t.manual) // only when set: times found in the text read as they always did
            o.insert(QStringLiteral("manual"), true);
        if (!t.assumedZone.isEmpty()) // inside the JSON column: older files read without it
            o.insert(QStringLiteral("assumed_zone"), t.assumedZone);
        if (!t.note.isEmpty())
            o.insert(QStringLiteral("note"), t.note);
        a.append(o);
    }
    return compact(QJsonDocument(a));
}

std::optional<QList<TimeRef>> timesFromJson(const QString &json)
{
    auto doc = parse(json);
    if (!doc || (!doc->isNull() && !doc->isArray()))
        return std::nullopt;
    QList<TimeRef> times;
    for (const QJsonValue &v : doc->array()) {
        const QJsonObject o = v.toObject();
        TimeRef t;
        bool ok1 = false, ok2 = false, ok3 = false;
        t.phrase = o.value(QStringLiteral("phrase")).toString();
        t.begin = o.value(QStringLiteral("begin")).toString().toLongLong(&ok1);
        t.end = o.value(QStringLiteral("end")).toString().toLongLong(&ok2);
        t.approximate = o.value(QStringLiteral("approximate")).toBool();
        t.offset = o.value(QStringLiteral("offset")).toString().toLongLong(&ok3);
        t.manual = o.value(QStringLiteral("manual")).toBool();
        t.assumedZone = o.value(QStringLiteral("assumed_zone")).toString();
        t.note = o.value(QStringLiteral("note")).toString();
        if (!ok1 || !ok2 || !ok3)
            return std::nullopt;
        times.append(t);
    }
    return times;
}

QString stringsToJson(const QStringList &list) { return compact(QJsonDocument(QJsonArray::fromStringList(list))); }

std::optional<QStringList> stringsFromJson(const QString &json)
{
    auto doc = parse(json);
    if (!doc || (!doc->isNull() && !doc->isArray()))
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &v : doc->array()) {
        if (!v.isString())
            return std::nullopt;
        list.append(v.toString());
    }
    return list;
}

} // namespace inquest::recordcodec

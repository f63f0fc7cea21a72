#include "scoringsettings.h"

#include <cmath>

namespace inquest {

namespace {

constexpr Rating AllRatings[] = {Rating::Unrated, Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II, Rating::NA};

// Weights and ratios must be finite and non-negative (ratios positive); anything else keeps
// the default so one bad entry cannot poison every score.
template <std::size_t N>
void readTable(const QJsonObject &json, const QString &name, std::array<double, N> &table, QString (*key)(int),
               bool positive)
{
    const QJsonObject obj = json.value(name).toObject();
    for (std::size_t i = 0; i < N; ++i) {
        const QJsonValue v = obj.value(key(int(i)));
        if (!v.isDouble())
            continue;
        const double d = v.toDouble();
        if (std::isfinite(d) && (positive ? d > 0 : d >= 0))
            table[i] = d;
    }
}

template <std::size_t N> QJsonObject writeTable(const std::array<double, N> &table, QString (*key)(int))
{
    QJsonObject obj;
    for (std::size_t i = 0; i < N; ++i)
        obj.insert(key(int(i)), table[i]);
    return obj;
}

QString likelihoodKeyAt(int index) { return likelihoodKey(AllRatings[index]); }

} // namespace

QString reliabilityKey(int index) { return QString(QChar(u'A' + index)); }
QString credibilityKey(int index) { return QString::number(index + 1); }
QString relevanceKey(int index) { return toString(Relevance(index)); }
QString likelihoodKey(Rating r) { return r == Rating::Unrated ? QStringLiteral("unrated") : toString(r); }

ScoringSettings ScoringSettings::fromJson(const QJsonObject &json)
{
    ScoringSettings s;
    if (json.value(QStringLiteral("rankBy")).toString() == u"posterior")
        s.rankBy = RankBy::Posterior;
    readTable(json, QStringLiteral("relevance"), s.relevance, relevanceKey, false);
    readTable(json, QStringLiteral("reliability"), s.reliability, reliabilityKey, false);
    readTable(json, QStringLiteral("credibility"), s.credibility, credibilityKey, false);
    readTable(json, QStringLiteral("likelihood"), s.likelihood, likelihoodKeyAt, true);
    return s;
}

std::optional<ScoringSettings> ScoringSettings::fromJsonStrict(const QJsonObject &json, QString *error)
{
    // What fromJson kept, written back: a key it does not write back is unknown, a value it
    // wrote back differently was invalid and fell back to the default.
    const ScoringSettings settings = fromJson(json);
    const QJsonObject kept = settings.toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!kept.contains(it.key())) {
            *error = QStringLiteral("unknown key \"%1\" (keys: %2)").arg(it.key(), kept.keys().join(u", "));
            return std::nullopt;
        }
        const QJsonValue back = kept.value(it.key());
        if (!it->isObject()) {
            if (*it != back) {
                *error = QStringLiteral("\"%1\": invalid value").arg(it.key());
                return std::nullopt;
            }
            continue;
        }
        const QJsonObject given = it->toObject(), table = back.toObject();
        for (auto cell = given.begin(); cell != given.end(); ++cell) {
            if (!table.contains(cell.key())) {
                *error = QStringLiteral("\"%1\": unknown key \"%2\" (keys: %3)")
                             .arg(it.key(), cell.key(), table.keys().join(u", "));
                return std::nullopt;
            }
            if (!cell->isDouble() || cell->toDouble() != table.value(cell.key()).toDouble()) {
                *error = QStringLiteral("\"%1\".\"%2\": expected a number ≥ 0 (a likelihood ratio > 0)")
                             .arg(it.key(), cell.key());
                return std::nullopt;
            }
        }
    }
    return settings;
}

QJsonObject ScoringSettings::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("rankBy"),
                rankBy == RankBy::Posterior ? QStringLiteral("posterior") : QStringLiteral("inconsistency"));
    json.insert(QStringLiteral("relevance"), writeTable(relevance, relevanceKey));
    json.insert(QStringLiteral("reliability"), writeTable(reliability, reliabilityKey));
    json.insert(QStringLiteral("credibility"), writeTable(credibility, credibilityKey));
    json.insert(QStringLiteral("likelihood"), writeTable(likelihood, likelihoodKeyAt));
    return json;
}

double ScoringSettings::credibilityWeight(const Evidence &e) const
{
    // Out-of-range grades (a hand-edited file) count as "cannot be judged".
    const int r = e.reliability.toUpper().unicode() - u'A';
    const double rf = reliability[std::size_t(r >= 0 && r < 6 ? r : 5)];
    const int c = e.credibility - 1;
    const double cf = credibility[std::size_t(c >= 0 && c < 6 ? c : 5)];
    return std::sqrt(rf * cf);
}

} // namespace inquest

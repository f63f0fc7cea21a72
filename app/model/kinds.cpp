#include "kinds.h"

#include <array>
#include <utility>

namespace inquest {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char16_t *>, N> &table, const QString &text)
{
    for (const auto &[value, name] : table) {
        if (text.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> QString name(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[v, n] : table) {
        if (v == value)
            return QString::fromUtf16(n);
    }
    return {};
}

constexpr std::array kinds{
    std::pair{HypothesisKind::Hardware, u"hardware"},      std::pair{HypothesisKind::Ddos, u"ddos"},
    std::pair{HypothesisKind::FlashCrowd, u"flash-crowd"}, std::pair{HypothesisKind::Change, u"change"},
    std::pair{HypothesisKind::Network, u"network"},        std::pair{HypothesisKind::Other, u"other"},
};

constexpr std::array ratings{
    std::pair{Rating::Unrated, u""}, std::pair{Rating::CC, u"CC"}, std::pair{Rating::C, u"C"},
    std::pair{Rating::N, u"N"},      std::pair{Rating::I, u"I"},   std::pair{Rating::II, u"II"},
    std::pair{Rating::NA, u"NA"},
};

constexpr std::array states{
    std::pair{EvidenceState::Suggested, u"suggested"},
    std::pair{EvidenceState::Accepted, u"accepted"},
    std::pair{EvidenceState::Rejected, u"rejected"},
};

constexpr std::array relevances{
    std::pair{Relevance::Low, u"low"},
    std::pair{Relevance::Medium, u"medium"},
    std::pair{Relevance::High, u"high"},
};

} // namespace

QString toString(HypothesisKind kind) { return name(kinds, kind); }
std::optional<HypothesisKind> hypothesisKindFromString(const QString &text) { return lookup(kinds, text); }

QList<HypothesisKind> allHypothesisKinds()
{
    QList<HypothesisKind> all;
    for (const auto &[kind, n] : kinds)
        all.append(kind);
    return all;
}

QString displayName(HypothesisKind kind)
{
    switch (kind) {
    case HypothesisKind::Hardware:
        return QStringLiteral("Hardware failure");
    case HypothesisKind::Ddos:
        return QStringLiteral("DDoS attack");
    case HypothesisKind::FlashCrowd:
        return QStringLiteral("Flash crowd");
    case HypothesisKind::Change:
        return QStringLiteral("Bad change");
    case HypothesisKind::Network:
        return QStringLiteral("Network failure");
    case HypothesisKind::Other:
        return QStringLiteral("Other");
    }
    return {};
}

QString toString(Rating rating) { return name(ratings, rating); }
std::optional<Rating> ratingFromString(const QString &text) { return lookup(ratings, text.trimmed()); }
QString toString(EvidenceState state) { return name(states, state); }
std::optional<EvidenceState> evidenceStateFromString(const QString &text) { return lookup(states, text); }
QString toString(Relevance relevance) { return name(relevances, relevance); }
std::optional<Relevance> relevanceFromString(const QString &text) { return lookup(relevances, text); }

} // namespace inquest

#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace inquest {

// Every record in a case has a document-wide id; ids are never reused within a case.
using Id = qint64;

// Hypothesis kinds let detectors rate evidence against whatever hypotheses the analyst named.
enum class HypothesisKind { Hardware, Ddos, FlashCrowd, Change, Network, Other };

// ACH cell values (PARC ACH): very consistent, consistent, neutral, inconsistent, very
// inconsistent, not applicable. Unrated is a blank cell.
enum class Rating { Unrated, CC, C, N, I, II, NA };

enum class EvidenceState { Suggested, Accepted, Rejected };

enum class Relevance { Low, Medium, High };

QString toString(HypothesisKind kind);
std::optional<HypothesisKind> hypothesisKindFromString(const QString &text);
QList<HypothesisKind> allHypothesisKinds();
QString displayName(HypothesisKind kind);

QString toString(Rating rating); // "" for Unrated
std::optional<Rating> ratingFromString(const QString &text);

QString toString(EvidenceState state);
std::optional<EvidenceState> evidenceStateFromString(const QString &text);

QString toString(Relevance relevance);
std::optional<Relevance> relevanceFromString(const QString &text);

} // namespace inquest

#pragma once

#include "commands.h"

#include <QJsonObject>

namespace inquest {

// A scoring-settings edit. Consecutive edits of the same setting (a spin box being stepped)
// merge into one undo step; edits of different settings stay separate steps.
class ChangeScoringSettingsCommand : public ChangeValueCommand<CaseMeta, QJsonObject>
{
public:
    ChangeScoringSettingsCommand(CaseDocument *doc, QJsonObject settings, const QString &key, const QString &text);
    bool mergeWith(const QUndoCommand *other) override;

private:
    QString m_key;
};

// Operations on several evidence items at once; each is one undo step (a macro).
namespace edit {
void setEvidenceStates(CaseDocument *doc, const QList<Id> &ids, EvidenceState state);
void removeEvidence(CaseDocument *doc, const QList<Id> &ids);
// Adds (or removes) `tag` on every listed item that lacks (or has) it.
void addTag(CaseDocument *doc, const QList<Id> &ids, const QString &tag);
void removeTag(CaseDocument *doc, const QList<Id> &ids, const QString &tag);
// Sets the same rating in several cells, given as (evidence, hypothesis) pairs.
void setRatings(CaseDocument *doc, const QList<std::pair<Id, Id>> &cells, Rating rating);
// Replaces CaseMeta::scoringSettings; `key` names the setting changed (see the command above).
void setScoringSettings(CaseDocument *doc, const QJsonObject &settings, const QString &key);
} // namespace edit

} // namespace inquest

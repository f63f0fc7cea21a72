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

namespace edit {
// Replaces CaseMeta::scoringSettings; `key` names the setting changed (see the command above).
void setScoringSettings(CaseDocument *doc, const QJsonObject &settings, const QString &key);
} // namespace edit

} // namespace inquest

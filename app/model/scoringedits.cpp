#include "scoringedits.h"

#include <QCoreApplication>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }
} // namespace

ChangeScoringSettingsCommand::ChangeScoringSettingsCommand(CaseDocument *doc, QJsonObject settings, const QString &key,
                                                           const QString &text)
    : ChangeValueCommand(doc, 0, &CaseMeta::scoringSettings, std::move(settings), text)
    , m_key(key)
{
}

bool ChangeScoringSettingsCommand::mergeWith(const QUndoCommand *other)
{
    auto *o = dynamic_cast<const ChangeScoringSettingsCommand *>(other);
    return o && o->m_key == m_key && ChangeValueCommand::mergeWith(other);
}

namespace edit {

void setScoringSettings(CaseDocument *doc, const QJsonObject &settings, const QString &key)
{
    if (doc->meta().scoringSettings == settings)
        return;
    doc->undoStack()->push(new ChangeScoringSettingsCommand(doc, settings, key, tr("Change scoring weights")));
}

} // namespace edit
} // namespace inquest

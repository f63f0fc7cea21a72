#include "caseedits.h"

#include <QCoreApplication>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }
} // namespace

CaseProperties CaseProperties::of(const CaseMeta &meta)
{
    return {meta.title, meta.analyst, meta.caseNumber, meta.description};
}

namespace edit {

void setCaseProperties(CaseDocument *doc, CaseProperties p)
{
    const CaseProperties now = CaseProperties::of(doc->meta());
    p.title = p.title.trimmed();
    if (p.title.isEmpty())
        p.title = now.title;
    p.analyst = p.analyst.trimmed();
    p.caseNumber = p.caseNumber.trimmed();
    if (p == now)
        return;
    doc->undoStack()->beginMacro(tr("Change case properties"));
    if (p.title != now.title)
        setValue(doc, 0, &CaseMeta::title, p.title, tr("Change case title"));
    if (p.analyst != now.analyst)
        setValue(doc, 0, &CaseMeta::analyst, p.analyst, tr("Change analyst"));
    if (p.caseNumber != now.caseNumber)
        setValue(doc, 0, &CaseMeta::caseNumber, p.caseNumber, tr("Change case number"));
    if (p.notes != now.notes)
        setValue(doc, 0, &CaseMeta::description, p.notes, tr("Change case notes"));
    doc->undoStack()->endMacro();
}

} // namespace edit
} // namespace inquest

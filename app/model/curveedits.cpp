#include "curveedits.h"
#include "replacerecordcommand.h"

#include <QCoreApplication>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }
} // namespace

const CurveSpec *findCurve(const QList<CurveSpec> &curves, const QString &name)
{
    for (const CurveSpec &c : curves) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

namespace edit {

Id addCurve(CaseDocument *doc, CurveSpec curve)
{
    curve.id = 0;
    if (curve.name.trimmed().isEmpty())
        curve.name = tr("Curve");
    const QString base = curve.name;
    for (int n = 2; findCurve(doc->curves(), curve.name); ++n)
        curve.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    auto *cmd = new InsertRecordCommand<CurveSpec>(doc, curve, tr("Add curve %1").arg(curve.name));
    const Id id = cmd->recordId();
    doc->undoStack()->push(cmd);
    return id;
}

void changeCurve(CaseDocument *doc, const CurveSpec &curve)
{
    const CurveSpec *old = doc->find<CurveSpec>(curve.id);
    if (!old || *old == curve)
        return;
    doc->undoStack()->push(new ReplaceRecordCommand<CurveSpec>(doc, curve, tr("Edit curve %1").arg(curve.name)));
}

void removeCurve(CaseDocument *doc, Id id)
{
    const CurveSpec *c = doc->find<CurveSpec>(id);
    if (!c)
        return;
    doc->undoStack()->push(new RemoveRecordCommand<CurveSpec>(doc, id, tr("Remove curve %1").arg(c->name)));
}

} // namespace edit
} // namespace inquest

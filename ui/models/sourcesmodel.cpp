#include "sourcesmodel.h"

#include "displayzone.h"
#include "model/sites.h"

#include <QDir>
#include <QFileInfo>

namespace inquest {

SourcesModel::SourcesModel(CaseDocument *doc, QObject *parent)
    : CaseListModel(doc, parent)
{
    followCaseProperties(Site, Span); // a site renamed or merged; the display zone
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    const Source *s = recordAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        if (index.column() == Sha256)
            return s->sha256;
        return QDir::toNativeSeparators(s->path);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Lines && index.column() <= Malformed)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case File:
        return QFileInfo(s->path).fileName();
    case Kind:
        return toString(s->kind);
    case Format:
        return s->format;
    case Site: {
        const SiteRule rule = SiteRule::of(document()->meta());
        return rule.namesHosts(*s) ? tr("(system log: hosts)") : rule.sourceSite(*s);
    }
    case Sha256:
        return s->sha256.left(12);
    case Lines:
        return s->lines;
    case Events:
        return s->events;
    case Malformed:
        return s->malformed;
    case Span:
        return s->events > 0 ? DisplayZone::of(document()->meta()).span(s->firstTime, s->lastTime) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Span)
        return tr("Time span (%1)").arg(DisplayZone::of(document()->meta()).name());
    static const char *names[] = {QT_TR_NOOP("File"),   QT_TR_NOOP("Kind"),     QT_TR_NOOP("Format"),
                                  QT_TR_NOOP("Site"),   QT_TR_NOOP("SHA-256"),  QT_TR_NOOP("Lines"),
                                  QT_TR_NOOP("Events"), QT_TR_NOOP("Malformed")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest

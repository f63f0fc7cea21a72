#include "remotesourcesmodel.h"

#include "displayzone.h"

#include "model/isotime.h"

namespace inquest {

RemoteSourcesModel::RemoteSourcesModel(CaseDocument *doc, QObject *parent)
    : CaseListModel(doc, parent)
{
    followCaseProperties(Span, Span); // the display zone
}

QVariant RemoteSourcesModel::data(const QModelIndex &index, int role) const
{
    const RemoteSource *s = recordAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole)
        return tr("%1 at %2, user %3%4; %L5 rows when added (%6)")
            .arg(s->table, s->url, s->user,
                 s->passwordEnv.isEmpty() ? QString() : tr(", password from $%1").arg(s->passwordEnv))
            .arg(s->rows)
            .arg(isoUtc(s->added.toMSecsSinceEpoch() * 1000));
    if (role == Qt::TextAlignmentRole && index.column() == Rows)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return s->name;
    case Server:
        return s->url;
    case Table:
        return s->table;
    case User:
        return s->user;
    case Rows:
        return s->rows;
    case Span:
        return s->rows > 0 ? DisplayZone::of(document()->meta()).span(s->firstTime, s->lastTime) : QString();
    case Version:
        return s->serverVersion;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RemoteSourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Span)
        return tr("Time span (%1)").arg(DisplayZone::of(document()->meta()).name());
    static const char *names[] = {QT_TR_NOOP("Remote source"), QT_TR_NOOP("Server"), QT_TR_NOOP("Table"),
                                  QT_TR_NOOP("User"),          QT_TR_NOOP("Rows"),   QT_TR_NOOP("Time span"),
                                  QT_TR_NOOP("ClickHouse")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest

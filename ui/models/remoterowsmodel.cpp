#include "remoterowsmodel.h"

#include "model/httpstatus.h"

namespace inquest {

RemoteRowsModel::RemoteRowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RemoteRowsModel::setPage(remote::RemoteRowsPage page)
{
    beginResetModel();
    m_page = std::move(page);
    endResetModel();
}

void RemoteRowsModel::clear()
{
    beginResetModel();
    m_page.reset();
    endResetModel();
}

void RemoteRowsModel::setDisplayZone(const DisplayZone &zone)
{
    m_zone = zone;
    if (rowCount() > 0)
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time));
    emit headerDataChanged(Qt::Horizontal, Time, Time);
}

int RemoteRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_page ? 0 : int(m_page->rows.size());
}

int RemoteRowsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RemoteRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const remote::RemoteEvent &e = m_page->event(std::size_t(index.row()));
    switch (Column(index.column())) {
    case Time:
        return m_zone.format(e.timeUs);
    case Source:
        return tr("%1 (remote)").arg(m_page->pageOf(std::size_t(index.row())).sourceName);
    case Site:
        return e.site;
    case Client:
        return e.client;
    case Method:
        return e.method;
    case Path:
        return e.path;
    case Status:
        return statusText(e.status);
    case Bytes:
        return QString::number(e.bytes);
    case Line:
        return e.raw.isNull() ? e.columnsText() : e.raw;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RemoteRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time (%1)").arg(m_zone.name());
    case Source:
        return tr("Source");
    case Site:
        return tr("Site");
    case Client:
        return tr("Client");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Bytes:
        return tr("Bytes");
    case Line:
        return tr("Line (raw, else the mapped columns)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace inquest

#pragma once

#include "models/displayzone.h"
#include "remote/remoterowsquery.h"

#include <QAbstractTableModel>

namespace inquest {

// A page of remote rows (remote/remoterowsquery) as a table: time (in the display zone), source,
// site, client, method, path, status, bytes, and the raw line or the mapped columns.
class RemoteRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Source, Site, Client, Method, Path, Status, Bytes, Line, ColumnCount };

    explicit RemoteRowsModel(QObject *parent = nullptr);

    void setPage(remote::RemoteRowsPage page);
    void clear();
    void setDisplayZone(const DisplayZone &zone);
    const std::optional<remote::RemoteRowsPage> &page() const { return m_page; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<remote::RemoteRowsPage> m_page;
    DisplayZone m_zone;
};

} // namespace inquest

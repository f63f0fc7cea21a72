#pragma once

#include "caselistmodel.h"

namespace inquest {

// The case's remote sources (ClickHouse tables) for the Sources dock: name, server, table, user,
// rows and time span as they were when the source was added.
class RemoteSourcesModel : public CaseListModel<RemoteSource>
{
    Q_OBJECT
public:
    enum Column { Name, Server, Table, User, Rows, Span, Version, ColumnCount };
    explicit RemoteSourcesModel(CaseDocument *doc, QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace inquest

#pragma once

#include "caselistmodel.h"

namespace inquest {

class SourcesModel : public CaseListModel<Source>
{
    Q_OBJECT
public:
    enum Column { File, Kind, Format, Site, Sha256, Lines, Events, Malformed, Span, ColumnCount };
    explicit SourcesModel(CaseDocument *doc, QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace inquest

#pragma once

#include "model/kinds.h"
#include "model/source.h"

#include <QAbstractTableModel>

namespace inquest {

class CaseDocument;
struct ChangeEvent;

// The import issues (line, reason, excerpt) of one source of the document.
class ImportIssuesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, Reason, Excerpt, ColumnCount };

    explicit ImportIssuesModel(CaseDocument *doc, QObject *parent = nullptr);

    // Shows the issues of this source; 0 shows none.
    void setSourceId(Id id);
    Id sourceId() const { return m_sourceId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void documentChanged(const ChangeEvent &event);
    void refresh();

    CaseDocument *m_doc;
    Id m_sourceId = 0;
    QList<ImportIssue> m_issues; // a copy: the list is capped and small, and survives removal
};

} // namespace inquest

#include "importissuesmodel.h"

#include "analysis/rawline.h"
#include "model/casedocument.h"

namespace inquest {

ImportIssuesModel::ImportIssuesModel(CaseDocument *doc, QObject *parent)
    : QAbstractTableModel(parent)
    , m_doc(doc)
{
    connect(doc, &CaseDocument::changed, this, &ImportIssuesModel::documentChanged);
}

void ImportIssuesModel::setSourceId(Id id)
{
    m_sourceId = id;
    refresh();
}

int ImportIssuesModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_issues.size()); }

QVariant ImportIssuesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_issues.size())
        return {};
    const ImportIssue &issue = m_issues[index.row()];
    if (role == Qt::TextAlignmentRole && index.column() == Line)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Line:
        if (issue.line > 0)
            return issue.line;
        return role == Qt::DisplayRole ? tr("file") : tr("A problem with the whole file");
    case Reason:
        return issue.reason;
    case Excerpt:
        return displayRawBytes(issue.excerpt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ImportIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {QT_TR_NOOP("Line"), QT_TR_NOOP("Reason"), QT_TR_NOOP("Excerpt")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void ImportIssuesModel::documentChanged(const ChangeEvent &event)
{
    if ((event.entity == Entity::Source && event.id == m_sourceId) ||
        (event.entity == Entity::Case && event.action == ChangeAction::Reset))
        refresh();
}

void ImportIssuesModel::refresh()
{
    beginResetModel();
    const Source *source = m_sourceId ? m_doc->find<Source>(m_sourceId) : nullptr;
    m_issues = source ? source->issues : QList<ImportIssue>();
    endResetModel();
}

} // namespace inquest

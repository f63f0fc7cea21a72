#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace inquest {

// The editor of the statements table's Time column: a line edit that names, at its right end,
// the zone a typed time without one is read in (the case's display zone), so "22:45" is never
// taken for UTC by surprise.
class StatementTimeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `zoneName` is asked each time an editor opens ("Europe/Berlin", "UTC").
    StatementTimeDelegate(std::function<QString()> zoneName, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

private:
    std::function<QString()> m_zoneName;
};

} // namespace inquest

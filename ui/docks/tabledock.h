#pragma once

#include <QDockWidget>

class QAbstractItemModel;
class QTableView;
class QToolBar;

namespace inquest {

// A dock that shows one table model, with an optional tool bar above it.
class TableDock : public QDockWidget
{
    Q_OBJECT
public:
    TableDock(const QString &title, const QString &objectName, QAbstractItemModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }
    QToolBar *toolBar();

private:
    QTableView *m_view;
    QToolBar *m_toolBar = nullptr;
};

// A dock that explains what will appear in it, for views a later part of the product fills.
QDockWidget *makePlaceholderDock(const QString &title, const QString &objectName, const QString &text,
                                 QWidget *parent);

} // namespace inquest

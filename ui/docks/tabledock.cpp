#include "tabledock.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace inquest {

TableDock::TableDock(const QString &title, const QString &objectName, QAbstractItemModel *model,
                     QWidget *parent)
    : QDockWidget(title, parent), m_view(new QTableView)
{
    setObjectName(objectName);
    m_view->setModel(model);
    m_view->setObjectName(objectName + QStringLiteral("View"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setMinimumSectionSize(28);
    m_view->setWordWrap(false);
    // Small case lists fit their columns to their contents as they change; big ones would stall.
    auto fit = [this] {
        if (m_view->model()->rowCount() < 500)
            m_view->resizeColumnsToContents();
    };
    connect(model, &QAbstractItemModel::modelReset, this, fit);
    connect(model, &QAbstractItemModel::rowsInserted, this, fit);
    connect(model, &QAbstractItemModel::dataChanged, this, fit);
    fit();
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view);
    setWidget(content);
}

QToolBar *TableDock::toolBar()
{
    if (!m_toolBar) {
        m_toolBar = new QToolBar;
        m_toolBar->setIconSize(QSize(16, 16));
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
        static_cast<QVBoxLayout *>(widget()->layout())->insertWidget(0, m_toolBar);
    }
    return m_toolBar;
}

QDockWidget *makePlaceholderDock(const QString &title, const QString &objectName, const QString &text,
                                 QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(objectName);
    auto *label = new QLabel(text);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setEnabled(false);
    label->setMargin(12);
    dock->setWidget(label);
    return dock;
}

} // namespace inquest

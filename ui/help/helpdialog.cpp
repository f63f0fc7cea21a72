#include "helpdialog.h"
#include "helpcontent.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace inquest {

HelpDialog::HelpDialog(const QWidget *window, const ScoringSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_topics(new QListWidget)
    , m_page(new QTextBrowser)
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Inquest Help"));
    m_topics->setObjectName(QStringLiteral("helpTopics"));
    m_page->setObjectName(QStringLiteral("helpPage"));
    m_page->setOpenLinks(false);
    for (const help::Page &p : help::pages(window, settings)) {
        m_topics->addItem(p.title);
        m_ids.append(p.id);
        m_html.append(p.html);
    }
    m_topics->setMaximumWidth(m_topics->sizeHintForColumn(0) + 24);
    connect(m_topics, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_html.size())
            m_page->setHtml(m_html[row]);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(m_topics);
    row->addWidget(m_page, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(820, 600);
    m_topics->setCurrentRow(0);
}

void HelpDialog::showPage(const QString &id)
{
    if (const qsizetype i = m_ids.indexOf(id); i >= 0)
        m_topics->setCurrentRow(int(i));
}

QString HelpDialog::currentHtml() const { return m_page->toHtml(); }

} // namespace inquest

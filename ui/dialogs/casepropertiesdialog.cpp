#include "casepropertiesdialog.h"

#include "model/casedocument.h"
#include "model/caseedits.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace inquest {

CasePropertiesDialog::CasePropertiesDialog(CaseDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_title(new QLineEdit(doc->meta().title))
    , m_analyst(new QLineEdit(doc->meta().analyst))
    , m_number(new QLineEdit(doc->meta().caseNumber))
    , m_notes(new QPlainTextEdit(doc->meta().description))
{
    setObjectName(QStringLiteral("casePropertiesDialog"));
    setWindowTitle(tr("Case Properties"));
    m_title->setObjectName(QStringLiteral("caseTitle"));
    m_analyst->setObjectName(QStringLiteral("caseAnalyst"));
    m_number->setObjectName(QStringLiteral("caseNumber"));
    m_notes->setObjectName(QStringLiteral("caseNotes"));
    m_analyst->setPlaceholderText(tr("who works the case"));
    m_number->setPlaceholderText(tr("ticket or incident number"));
    auto *id = new QLabel(doc->meta().caseId);
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Analyst:"), m_analyst);
    form->addRow(tr("Case &number:"), m_number);
    form->addRow(tr("N&otes:"), m_notes);
    form->addRow(tr("Case id:"), id);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A case needs a title: OK stays off while it is empty.
    connect(m_title, &QLineEdit::textChanged, this,
            [buttons](const QString &t) { buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty()); });
    form->addRow(buttons);
    setLayout(form);
    resize(520, 360);
}

void CasePropertiesDialog::accept()
{
    edit::setCaseProperties(m_doc, {m_title->text(), m_analyst->text(), m_number->text(), m_notes->toPlainText()});
    QDialog::accept();
}

} // namespace inquest

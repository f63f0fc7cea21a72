#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace inquest {

class CaseDocument;

// Case ▸ Properties: title, analyst, case number and notes, applied as one undo step on OK.
class CasePropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CasePropertiesDialog(CaseDocument *doc, QWidget *parent = nullptr);
    void accept() override;

private:
    CaseDocument *m_doc;
    QLineEdit *m_title;
    QLineEdit *m_analyst;
    QLineEdit *m_number;
    QPlainTextEdit *m_notes;
};

} // namespace inquest

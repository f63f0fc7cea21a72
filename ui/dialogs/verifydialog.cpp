#include "verifydialog.h"

#include "casefile/casefile.h"
#include "support/parallel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace inquest {

VerifyDialog::VerifyDialog(const QString &casePath, QWidget *parent)
    : QDialog(parent)
    , m_casePath(casePath)
    , m_expected(new QLineEdit(this))
    , m_run(new QPushButton(tr("&Verify"), this))
    , m_verdict(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Verify Case File"));
    setObjectName(QStringLiteral("verifyDialog"));
    m_expected->setPlaceholderText(tr("optional: a custody head noted earlier (12 to 64 hex digits)"));
    m_details->setReadOnly(true);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Case file:"), new QLabel(QDir::toNativeSeparators(casePath), this));
    form->addRow(tr("Expected head:"), m_expected);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &VerifyDialog::verify);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &VerifyDialog::showOutcome);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

VerifyDialog::~VerifyDialog() { parallel::wait(m_watcher); }

void VerifyDialog::setExpectedHead(const QString &head) { m_expected->setText(head); }

void VerifyDialog::verify()
{
    if (m_watcher.isRunning())
        return;
    m_run->setEnabled(false);
    m_verdict->setText(tr("Verifying\u2026"));
    m_details->clear();
    const QString expected = m_expected->text().trimmed();
    m_watcher.setFuture(parallel::run([path = m_casePath, expected] {
        Outcome o;
        const auto data = casefile::read(path, &o.readError);
        if (data)
            o.report = verifyCase(*data, expected.isEmpty() ? QString() : expected);
        return o;
    }));
}

void VerifyDialog::showOutcome()
{
    const Outcome o = m_watcher.result();
    m_run->setEnabled(true);
    QStringList lines;
    bool ok = false;
    if (!o.readError.isEmpty()) {
        m_verdict->setText(tr("FAILED: the case file cannot be read"));
        lines.append(o.readError);
    } else {
        const VerifyReport &r = o.report;
        ok = r.ok();
        m_verdict->setText(ok ? tr("OK: custody chain of %1 rows intact, %2 source(s) re-hashed")
                                    .arg(r.custodyRows)
                                    .arg(r.sourcesChecked)
                              : tr("FAILED (%1 problem(s))").arg(r.failures.size()));
        lines = r.failures;
        for (const QString &note : r.notes)
            lines.append(tr("note: %1").arg(note));
        lines.append(tr("custody head %1 (note it: a later check with it as the expected head shows a rollback)")
                         .arg(r.custodyHead));
    }
    m_details->setPlainText(lines.join(u'\n'));
    emit finished(ok);
}

QString VerifyDialog::resultText() const { return m_verdict->text() + u'\n' + m_details->toPlainText(); }

} // namespace inquest

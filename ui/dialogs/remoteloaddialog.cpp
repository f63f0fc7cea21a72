#include "remoteloaddialog.h"

#include "model/casedocument.h"
#include "model/sites.h"
#include "remote/remotecheck.h"
#include "remote/tableloadjob.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace inquest {

RemoteLoadDialog::RemoteLoadDialog(CaseDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_job(new remote::TableLoadJob(this))
    , m_sources(new QListWidget)
    , m_url(new QLineEdit)
    , m_table(new QLineEdit)
    , m_user(new QLineEdit(QStringLiteral("default")))
    , m_password(new QLineEdit)
    , m_progress(new QProgressBar)
    , m_message(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
    , m_load(new QPushButton(tr("&Load")))
{
    setObjectName(QStringLiteral("remoteLoadDialog"));
    setWindowTitle(tr("Load into ClickHouse"));
    m_sources->setObjectName(QStringLiteral("loadSources"));
    const QLocale locale;
    const SiteRule rule = SiteRule::of(doc->meta());
    for (const Source &s : doc->sources()) {
        if (!isAccessLog(s))
            continue;                              // only request logs have the standard table's columns
        const QStringList sites = rule.sites({s}); // a log of virtual hosts has several
        auto *item =
            new QListWidgetItem(tr("#%1 %2 \u2014 %3 %4, %5 events")
                                    .arg(s.id)
                                    .arg(QFileInfo(s.path).fileName(), sites.size() == 1 ? tr("site") : tr("sites"),
                                         sites.join(u", "), locale.toString(qulonglong(s.table->size()))),
                                m_sources);
        item->setData(Qt::UserRole, QVariant::fromValue(s.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(s.path);
    }
    const auto named = [](QLineEdit *edit, const char *name, const QString &placeholder) {
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
    };
    named(m_url, "url", tr("http://127.0.0.1:8123/ (the HTTP interface)"));
    named(m_table, "table", tr("DB.TABLE of the standard shape, e.g. a Distributed table"));
    named(m_user, "user", {});
    named(m_password, "password", tr("used for this load only, never saved"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("Server URL:"), m_url);
    form->addRow(tr("Table:"), m_table);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);

    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("loadMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(m_sources->count() ? tr("The ticked access logs are loaded as Inquest read them; the table "
                                               "must exist (time, site, client, method, path, status, bytes, "
                                               "response_time, agent, referer).")
                                          : tr("The case has no access log to load."));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_load->setObjectName(QStringLiteral("loadButton"));
    m_load->setDefault(true);
    m_load->setEnabled(m_sources->count() > 0);
    m_buttons->addButton(m_load, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Access logs of the case:")));
    layout->addWidget(m_sources, 1);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(640, 460);

    connect(m_load, &QPushButton::clicked, this, &RemoteLoadDialog::load);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RemoteLoadDialog::reject);
    connect(m_job, &remote::TableLoadJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
        m_message->setText(tr("%1 of %2 rows sent\u2026").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_job, &remote::TableLoadJob::finished, this, &RemoteLoadDialog::finished);
}

RemoteLoadDialog::~RemoteLoadDialog() = default; // the job cancels and waits

QLineEdit *RemoteLoadDialog::field(const QString &name) const
{
    for (QLineEdit *e : {m_url, m_table, m_user, m_password}) {
        if (e->objectName() == name)
            return e;
    }
    return nullptr;
}

QList<Id> RemoteLoadDialog::chosenSources() const
{
    QList<Id> ids;
    for (int i = 0; i < m_sources->count(); ++i) {
        if (m_sources->item(i)->checkState() == Qt::Checked)
            ids << m_sources->item(i)->data(Qt::UserRole).value<Id>();
    }
    return ids;
}

bool RemoteLoadDialog::load()
{
    if (m_job->isRunning())
        return false;
    const QUrl url(m_url->text().trimmed());
    const QString table = m_table->text().trimmed();
    const QList<Id> ids = chosenSources();
    QString problem = remote::checkServerUrl(url);
    if (problem.isEmpty())
        problem = remote::checkTableName(table);
    if (problem.isEmpty() && ids.isEmpty())
        problem = tr("tick at least one access log");
    if (!problem.isEmpty()) {
        m_message->setText(tr("Nothing loaded: %1.").arg(problem));
        return false;
    }
    remote::ServerAccess access;
    access.url = url;
    access.user = m_user->text().trimmed().isEmpty() ? QStringLiteral("default") : m_user->text().trimmed();
    access.password = m_password->text();
    m_progress->setRange(0, 0); // busy until the first block is in
    m_message->setText(tr("Loading into %1 at %2\u2026").arg(table, url.toDisplayString()));
    m_load->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    m_job->start(m_doc->data(), ids, access, table);
    return true;
}

void RemoteLoadDialog::finished()
{
    const remote::LoadOutcome outcome = m_job->outcome();
    m_load->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_progress->setRange(0, 1);
    m_progress->setValue(outcome.ok() ? 1 : 0);
    if (outcome.ok())
        m_message->setText(tr("%1 events loaded into %2 at %3.")
                               .arg(QLocale().toString(outcome.rows), m_table->text().trimmed(),
                                    QUrl(m_url->text().trimmed()).toDisplayString()));
    else
        m_message->setText(tr("Not loaded: %1. The case is unchanged.").arg(outcome.error));
    emit loaded(outcome.ok());
}

void RemoteLoadDialog::reject()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        return; // finished() reports what went in before the cancel
    }
    QDialog::reject();
}

} // namespace inquest

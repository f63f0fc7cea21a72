#include "clickhousedialog.h"

#include "model/casedocument.h"
#include "model/isotime.h"
#include "remote/remotecheckjob.h"
#include "remote/remotepasswords.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace inquest {

namespace {
// The fields of `remote add --map`, in its order; their defaults come from remote::ColumnMapping.
const char *const mappingFields[] = {"time",   "site",  "client",        "method", "path",
                                     "status", "bytes", "response_time", "agent",  "referer"};
constexpr int PreviewRows = 10;
} // namespace

ClickHouseDialog::ClickHouseDialog(CaseDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_job(new remote::RemoteCheckJob(this))
    , m_timeUnit(new QComboBox)
    , m_responseUnit(new QComboBox)
    , m_timeout(new QSpinBox)
    , m_test(new QPushButton(tr("&Test connection")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_message(new QLabel)
    , m_preview(new QTableWidget(0, 9))
{
    setObjectName(QStringLiteral("clickHouseDialog"));
    setWindowTitle(tr("Add ClickHouse Source"));
    auto addField = [this](const QString &name, const QString &text = {}, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(text);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        m_fields.insert(name, edit);
        return edit;
    };
    auto *server = new QFormLayout;
    server->addRow(tr("Server URL:"),
                   addField(QStringLiteral("url"), {}, tr("http://127.0.0.1:8123/ (the HTTP interface)")));
    server->addRow(tr("Table:"), addField(QStringLiteral("table"), {}, tr("DB.TABLE, e.g. a Distributed table")));
    server->addRow(tr("User:"), addField(QStringLiteral("user"), QStringLiteral("default")));
    QLineEdit *password = addField(QStringLiteral("password"), {}, tr("kept in memory for this session, never saved"));
    password->setEchoMode(QLineEdit::Password);
    server->addRow(tr("Password:"), password);
    server->addRow(tr("Password variable:"),
                   addField(QStringLiteral("password_env"), {},
                            tr("optional: the environment variable that holds it (the case keeps its name)")));
    server->addRow(tr("Name:"), addField(QStringLiteral("name"), {}, tr("the table's name")));
    m_timeout->setRange(1, 3600);
    m_timeout->setValue(60);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setObjectName(QStringLiteral("timeout"));
    server->addRow(tr("Time limit per query:"), m_timeout);

    auto *mappingBox = new QGroupBox(tr("Column mapping (a column or any ClickHouse expression)"));
    auto *grid = new QGridLayout(mappingBox);
    const QJsonObject defaults = remote::ColumnMapping().toJson();
    int i = 0;
    for (const char *f : mappingFields) {
        const QString name = QLatin1String(f);
        QLineEdit *edit = addField(name, defaults.value(name).toString());
        if (name == u"site")
            edit->setPlaceholderText(tr("empty: the whole table is one site, named as the source"));
        grid->addWidget(new QLabel(name + u':'), i / 2, (i % 2) * 2);
        grid->addWidget(edit, i / 2, (i % 2) * 2 + 1);
        ++i;
    }
    for (auto unit : {remote::ColumnMapping::TimeUnit::DateTime, remote::ColumnMapping::TimeUnit::Seconds,
                      remote::ColumnMapping::TimeUnit::Milliseconds, remote::ColumnMapping::TimeUnit::Microseconds,
                      remote::ColumnMapping::TimeUnit::Nanoseconds})
        m_timeUnit->addItem(remote::toString(unit), remote::toString(unit));
    m_timeUnit->setObjectName(QStringLiteral("time_unit"));
    grid->addWidget(new QLabel(QStringLiteral("time_unit:")), (i + 1) / 2, 0);
    grid->addWidget(m_timeUnit, (i + 1) / 2, 1);
    for (const char *unit : {"s", "ms", "us"})
        m_responseUnit->addItem(QLatin1String(unit), QLatin1String(unit));
    m_responseUnit->setObjectName(QStringLiteral("response_unit"));
    m_responseUnit->setToolTip(tr("The unit of response_time"));
    grid->addWidget(new QLabel(QStringLiteral("response_unit:")), (i + 1) / 2, 2);
    grid->addWidget(m_responseUnit, (i + 1) / 2, 3);

    m_message->setObjectName(QStringLiteral("checkMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setText(tr("Test the connection to see the table's rows, time range and mapped rows."));
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setHorizontalHeaderLabels({tr("time (UTC)"), tr("site"), tr("client"), tr("method"), tr("path"),
                                          tr("status"), tr("bytes"), tr("agent"), tr("referer")});
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setMinimumHeight(8 * m_preview->fontMetrics().height());
    m_test->setObjectName(QStringLiteral("testConnection"));

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(server);
    layout->addWidget(mappingBox);
    layout->addLayout(testRow);
    layout->addWidget(m_message);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);
    resize(900, 720);

    connect(m_test, &QPushButton::clicked, this, &ClickHouseDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClickHouseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ClickHouseDialog::reject);
    connect(m_job, &remote::RemoteCheckJob::finished, this, &ClickHouseDialog::finished);
}

ClickHouseDialog::~ClickHouseDialog() = default;

QLineEdit *ClickHouseDialog::field(const QString &name) const { return m_fields.value(name); }

bool ClickHouseDialog::isChecking() const { return m_job->isRunning(); }

std::optional<remote::RemoteSourceRequest> ClickHouseDialog::request(QString *error) const
{
    remote::RemoteSourceRequest r;
    r.url = QUrl(field(QStringLiteral("url"))->text().trimmed());
    r.table = field(QStringLiteral("table"))->text().trimmed();
    r.user = field(QStringLiteral("user"))->text().trimmed();
    r.password = field(QStringLiteral("password"))->text();
    r.passwordEnv = field(QStringLiteral("password_env"))->text().trimmed();
    r.name = field(QStringLiteral("name"))->text().trimmed();
    r.timeoutSeconds = m_timeout->value();
    // One field at a time through the CLI's --map rule, so its messages name the field.
    QStringList spec{u"time_unit="_qs + m_timeUnit->currentData().toString(),
                     u"response_unit="_qs + m_responseUnit->currentData().toString()};
    for (const char *f : mappingFields)
        spec << QLatin1String(f) + u'=' + field(QLatin1String(f))->text().trimmed();
    for (const QString &part : spec) {
        if (const QString why = r.mapping.apply(part); !why.isEmpty()) {
            *error = tr("Column mapping: %1").arg(why);
            return std::nullopt;
        }
    }
    return r;
}

void ClickHouseDialog::testConnection() { start(false); }

void ClickHouseDialog::accept()
{
    if (!isChecking())
        start(true);
}

void ClickHouseDialog::reject()
{
    m_job->cancel(); // the server stops the check's query (KILL QUERY)
    QDialog::reject();
}

void ClickHouseDialog::start(bool addWhenOk)
{
    QString error;
    const auto r = request(&error);
    m_addWhenOk = addWhenOk;
    if (!r) {
        showError(error);
        emit checked(false);
        return;
    }
    m_addWhenOk = addWhenOk;
    m_test->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setStyleSheet({});
    m_message->setText(tr("Asking %1\u2026").arg(r->url.toDisplayString()));
    m_job->start(*r, PreviewRows);
}

void ClickHouseDialog::finished()
{
    m_test->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    const auto check = m_job->result();
    if (!check) // cancelled
        return;
    if (!check->ok()) {
        showError(check->error);
        emit checked(false);
        return;
    }
    showCheck(*check);
    if (const RemoteSource *same = remote::sameRemoteSource(m_doc->data(), check->source)) {
        showError(tr("Remote source #%1 \u201c%2\u201d already reads %3 at %4 with this mapping; nothing was added.")
                      .arg(same->id)
                      .arg(same->name, same->table, same->url));
        emit checked(false);
        return;
    }
    emit checked(true);
    if (!m_addWhenOk)
        return;
    m_added = remote::addCheckedSource(*m_doc, *check);
    remote::RemotePasswords::of(m_doc)->set(m_added, field(QStringLiteral("password"))->text());
    QDialog::accept();
}

void ClickHouseDialog::showCheck(const remote::RemoteCheck &check)
{
    const RemoteSource &s = check.source;
    m_message->setStyleSheet({});
    m_message->setText(tr("Connected: ClickHouse %1. %2 has %L3 rows from %4 to %5; sites: %6.")
                           .arg(s.serverVersion, s.table)
                           .arg(s.rows)
                           .arg(isoUtc(s.firstTime), isoUtc(s.lastTime), check.sites.join(u", ")));
    m_preview->setRowCount(int(check.preview.size()));
    for (int row = 0; row < int(check.preview.size()); ++row) {
        const auto &values = check.preview[std::size_t(row)];
        for (int col = 0; col < 9 && col < int(values.size()); ++col) {
            const QString text = col == 0 ? isoUtc(values[0].toLongLong()) : values[std::size_t(col)];
            m_preview->setItem(row, col, new QTableWidgetItem(text));
        }
    }
    m_preview->resizeColumnsToContents();
}

void ClickHouseDialog::showError(const QString &text)
{
    m_preview->setRowCount(0);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(m_addWhenOk ? tr("Not added: %1").arg(text) : tr("Check failed: %1").arg(text));
}

} // namespace inquest

#include "importdialog.h"
#include "sourcesettingsdialog.h"

#include "ingest/formatregistry.h"
#include "ingest/importjob.h"
#include "ingest/inputfiles.h"
#include "ingest/timeconv.h"
#include "model/casedocument.h"
#include "model/httpstatus.h"
#include "model/sites.h"
#include "support/parallel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <functional>

namespace inquest {

namespace {
enum FileColumn { ColFile, ColFormat, ColSize, ColEvents, ColMalformed, ColResult, ColSettings, FileColumnCount };

// Each row's settings live on its file item.
enum SettingRole { RoleFormat = Qt::UserRole + 1, RoleZone, RoleYear, RoleSite };

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!tip.isEmpty())
        i->setToolTip(tip);
    return i;
}
} // namespace

ImportDialog::ImportDialog(CaseDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_files(new QTableWidget(0, FileColumnCount, this))
    , m_preview(new QTableWidget(this))
    , m_settings(new SourceSettingsEditor(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_import(new QPushButton(tr("&Import"), this))
    , m_cancel(new QPushButton(tr("Cancel import"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Import Logs"));
    setAcceptDrops(true);
    m_files->setHorizontalHeaderLabels(
        {tr("File"), tr("Format (sniffed)"), tr("Size"), tr("Events"), tr("Malformed"), tr("Result"), tr("Settings")});
    m_files->horizontalHeader()->setSectionResizeMode(ColFile, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(ColResult, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(ColFormat, QHeaderView::ResizeToContents);
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->verticalHeader()->hide();
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *add = new QPushButton(tr("Add Files\u2026"), this);
    auto *addFolder = new QPushButton(tr("Add &Folder\u2026"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(addFolder);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    fileButtons->addWidget(new QLabel(tr("or drop files and folders here"), this));

    auto *form = new QVBoxLayout;
    form->addWidget(new QLabel(tr("Settings of the selected files:"), this));
    form->addWidget(m_settings);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_files);
    topLayout->addLayout(fileButtons);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("Preview of the first parsed rows (times in UTC):"), this));
    previewLayout->addWidget(m_preview);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(previewBox);

    auto *run = new QHBoxLayout;
    run->addWidget(m_progress, 1);
    run->addWidget(m_import);
    run->addWidget(m_cancel);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(form);
    layout->addLayout(run);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(1000, 700);

    connect(add, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Logs"));
        if (!folder.isEmpty())
            addFiles({folder});
    });
    connect(remove, &QPushButton::clicked, this, &ImportDialog::removeSelected);
    connect(m_files, &QTableWidget::itemSelectionChanged, this, &ImportDialog::showSettingsOfSelection);
    connect(m_files, &QTableWidget::itemSelectionChanged, this, &ImportDialog::showPreview);
    connect(m_settings, &SourceSettingsEditor::edited, this, &ImportDialog::applySettingsToSelection);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_sniffWatcher, &QFutureWatcher<ImportResult>::resultReadyAt, this, &ImportDialog::sniffed);
    connect(&m_previewWatcher, &QFutureWatcher<Preview>::finished, this, &ImportDialog::previewRead);
    m_import->setEnabled(false);
}

ImportDialog::~ImportDialog()
{
    m_sniffWatcher.cancel();
    parallel::wait(m_sniffWatcher);
}

bool ImportDialog::isImporting() const { return m_job && m_job->isRunning(); }

ImportOptions ImportDialog::options(int row) const
{
    ImportOptions o;
    o.caseTime = caseYearAnchor(m_doc->data().sources);
    const QTableWidgetItem *file = m_files->item(row, ColFile);
    if (!file)
        return o;
    o.format = file->data(RoleFormat).toString();
    o.timeZone = file->data(RoleZone).toString();
    o.year = file->data(RoleYear).toInt();
    o.site = file->data(RoleSite).toString();
    return o;
}

void ImportDialog::showSettings(int row)
{
    const QTableWidgetItem *file = m_files->item(row, ColFile);
    m_settings->setOptions(options(row), file ? siteFromFileName(file->data(Qt::UserRole).toString()) : QString());
    const ImportOptions o = options(row);
    QStringList parts;
    if (o.format != QStringLiteral("auto"))
        parts.append(o.format);
    parts.append(
        tr("site %1").arg(o.site.isEmpty() && file ? siteFromFileName(file->data(Qt::UserRole).toString()) : o.site));
    if (!o.timeZone.isEmpty())
        parts.append(o.timeZone);
    if (o.year)
        parts.append(tr("year %1").arg(o.year));
    if (file)
        m_files->setItem(row, ColSettings, item(parts.join(QStringLiteral(", "))));
}

void ImportDialog::showSettingsOfSelection()
{
    const auto rows = m_files->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        showSettings(rows.first().row());
}

// The editor's settings go to every selected file (all files when none is selected).
void ImportDialog::applySettingsToSelection()
{
    QList<int> rows;
    for (const QModelIndex &i : m_files->selectionModel()->selectedRows())
        rows.append(i.row());
    if (rows.isEmpty()) {
        for (int row = 0; row < m_files->rowCount(); ++row)
            rows.append(row);
    }
    const ImportOptions o = m_settings->options();
    for (int row : rows) {
        QTableWidgetItem *file = m_files->item(row, ColFile);
        file->setData(RoleFormat, o.format);
        file->setData(RoleZone, o.timeZone);
        file->setData(RoleYear, o.year);
        file->setData(RoleSite, o.site);
        const QSignalBlocker block(m_settings);
        showSettings(row);
    }
    showSettingsOfSelection();
    refreshSniffing();
}

void ImportDialog::addFiles(const QStringList &paths)
{
    // A folder stands for the files below it; thousands of rows are added in one go.
    const InputFiles inputs = expandInputPaths(paths);
    m_files->setUpdatesEnabled(false);
    for (const QString &p : inputs.files) {
        const QFileInfo info(p);
        if (!info.isFile())
            continue;
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        auto *name = item(info.fileName(), info.absoluteFilePath());
        name->setData(Qt::UserRole, info.absoluteFilePath());
        name->setData(RoleFormat, QStringLiteral("auto"));
        name->setData(RoleYear, 0);
        m_files->setItem(row, ColFile, name);
        showSettings(row);
        m_files->setItem(row, ColSize, item(QLocale().formattedDataSize(info.size())));
    }
    m_files->setUpdatesEnabled(true);
    m_addNotes = inputs.notes;
    refreshSniffing();
    if (m_files->rowCount() && m_files->selectedItems().isEmpty())
        m_files->selectRow(0);
}

void ImportDialog::browse()
{
    addFiles(QFileDialog::getOpenFileNames(this, tr("Import Logs"), QString(),
                                           tr("Logs (*.log *.txt *.json *.jsonl *.csv *.gz *.0 *.1);;All files (*)")));
}

void ImportDialog::removeSelected()
{
    const auto rows = m_files->selectionModel()->selectedRows();
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        m_files->removeRow(it->row());
    refreshSniffing();
}

// Sniffing reads up to 256 MiB of each file when its first lines are huge, and a folder can hold
// thousands of files, so it runs off the GUI thread; each row's format fills in as it is found.
void ImportDialog::refreshSniffing()
{
    QString zoneError;
    bool zoneOk = true;
    for (int row = 0; row < m_files->rowCount() && zoneOk; ++row) {
        zoneOk = ZoneConverter::fromSpec(options(row).timeZone, &zoneError).has_value();
        if (!zoneOk)
            zoneError = tr("%1: %2").arg(m_files->item(row, ColFile)->text(), zoneError);
    }
    m_import->setEnabled(zoneOk && m_files->rowCount() > 0 && !isImporting());
    m_sniffWatcher.cancel();
    parallel::wait(m_sniffWatcher);
    m_sniffPaths.clear();
    m_sniffPending = m_files->rowCount();
    for (int row = 0; row < m_files->rowCount(); ++row) {
        m_sniffPaths.append(m_files->item(row, ColFile)->data(Qt::UserRole).toString());
        m_files->setItem(row, ColFormat, item(tr("sniffing\u2026")));
    }
    m_status->setText(zoneOk ? m_addNotes.join(u"; ") : zoneError);
    if (!m_sniffPaths.isEmpty()) {
        // Each request carries its options, so the mapped function captures nothing.
        struct Request
        {
            QString path;
            ImportOptions options;
        };
        QList<Request> requests;
        requests.reserve(m_sniffPaths.size());
        for (int row = 0; row < m_sniffPaths.size(); ++row)
            requests.append({m_sniffPaths[row], options(row)});
        m_sniffWatcher.setFuture(parallel::mappedAsync(
            std::move(requests), [](const Request &r) { return previewLogFile(r.path, r.options, 1); }));
    }
    showPreview();
}

void ImportDialog::sniffed(int index)
{
    --m_sniffPending;
    if (index >= m_files->rowCount() || index >= m_sniffPaths.size() ||
        m_files->item(index, ColFile)->data(Qt::UserRole).toString() != m_sniffPaths[index])
        return; // rows removed since this sniffing started; the next one covers them
    const ImportResult r = m_sniffWatcher.resultAt(index);
    auto *format = r.ok() ? item(QStringLiteral("%1 (%2%)").arg(r.source->format).arg(qRound(r.confidence * 100)),
                                 r.formatsTried.join(u'\n'))
                          : item(tr("not recognised"), r.error);
    if (!r.ok())
        format->setForeground(Qt::darkRed);
    m_files->setItem(index, ColFormat, format);
}

bool ImportDialog::isSniffing() const { return m_sniffPending > 0; }

// Like sniffing, the preview of a file whose first lines are huge can take seconds to read, so
// it is read off the GUI thread; the table says so until the rows arrive.
void ImportDialog::showPreview()
{
    const quint64 generation = ++m_previewGeneration;
    m_preview->clear();
    m_preview->setRowCount(0);
    const auto rows = m_files->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_previewPending = false;
        m_preview->setColumnCount(0);
        return;
    }
    const QString path = m_files->item(rows.first().row(), ColFile)->data(Qt::UserRole).toString();
    const ImportOptions previewOptions = options(rows.first().row());
    m_preview->setColumnCount(1);
    m_preview->setHorizontalHeaderLabels({tr("Preview")});
    m_preview->setRowCount(1);
    m_preview->setItem(0, 0, item(tr("reading %1\u2026").arg(QFileInfo(path).fileName())));
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_previewPending = true;
    m_previewWatcher.setFuture(parallel::run([generation, path, options = previewOptions] {
        return Preview{generation, previewLogFile(path, options, 50)};
    }));
}

void ImportDialog::previewRead()
{
    const QFuture<Preview> future = m_previewWatcher.future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    const Preview preview = future.result();
    if (preview.generation != m_previewGeneration)
        return; // the selection or the options changed while this file was read
    m_previewPending = false;
    fillPreview(preview.result);
}

void ImportDialog::fillPreview(const ImportResult &r)
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    if (!r.ok()) {
        m_preview->setColumnCount(1);
        m_preview->setHorizontalHeaderLabels({tr("Problem")});
        m_preview->setRowCount(1);
        m_preview->setItem(0, 0, item(r.error));
        m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        return;
    }
    const EventTable &t = *r.source->table;
    auto text = [&t](uint32_t id) { return QString::fromUtf8(t.strings.bytes(id)); };
    struct Column
    {
        QString title;
        std::function<QString(std::size_t)> value;
    };
    std::vector<Column> columns{
        {tr("Line"), [&](std::size_t i) { return QString::number(t.line[i]); }},
        {tr("Time (UTC)"),
         [&](std::size_t i) {
             return QDateTime::fromMSecsSinceEpoch(t.time[i] / 1000, QTimeZone::utc())
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
         }},
        {tr("Host"), [&](std::size_t i) { return text(t.host[i]); }},
        {tr("Client"), [&](std::size_t i) { return text(t.client[i]); }},
        {tr("Method"), [&](std::size_t i) { return QString::fromLatin1(toString(t.method[i])); }},
        {tr("Path"), [&](std::size_t i) { return text(t.path[i]); }},
        {tr("Status"), [&](std::size_t i) { return statusText(t.status[i]); }},
        {tr("Bytes"), [&](std::size_t i) { return t.status[i] ? QString::number(t.bytes[i]) : QString(); }},
        {tr("Resp. ms"),
         [&](std::size_t i) {
             return t.responseUs[i] == NoResponseTime ? QString() : QString::number(t.responseUs[i] / 1000.0);
         }},
        {tr("User agent"), [&](std::size_t i) { return text(t.agent[i]); }},
        {tr("Severity"), [&](std::size_t i) { return severityLabel(t.severity[i]); }},
        {tr("Message"), [&](std::size_t i) { return t.messageLine(i); }},
    };
    for (const auto &n : t.numeric)
        columns.push_back({n.name, [&n](std::size_t i) { return QString::number(n.values[i]); }});
    // Show only the columns this format filled.
    std::vector<const Column *> shown;
    for (const Column &c : columns) {
        bool any = false;
        for (std::size_t i = 0; i < t.size() && !any; ++i)
            any = !c.value(i).isEmpty();
        if (any)
            shown.push_back(&c);
    }
    m_preview->setColumnCount(int(shown.size()));
    QStringList titles;
    for (const Column *c : shown)
        titles.append(c->title);
    m_preview->setHorizontalHeaderLabels(titles);
    m_preview->setRowCount(int(t.size()));
    for (std::size_t i = 0; i < t.size(); ++i) {
        for (std::size_t c = 0; c < shown.size(); ++c)
            m_preview->setItem(int(i), int(c), item(shown[c]->value(i)));
    }
    m_preview->resizeColumnsToContents();
}

void ImportDialog::startImport()
{
    QList<ImportRequest> requests;
    for (int row = 0; row < m_files->rowCount(); ++row)
        requests.append({m_files->item(row, ColFile)->data(Qt::UserRole).toString(), options(row)});
    if (requests.isEmpty())
        return;
    delete m_job;
    m_job = new ImportJob(std::move(requests), this);
    connect(m_job, &ImportJob::progressChanged, this, [this](int permille, const QString &file) {
        m_progress->setValue(permille);
        m_status->setText(tr("Reading %1\u2026").arg(file));
    });
    connect(m_job, &ImportJob::finished, this, &ImportDialog::jobFinished);
    m_import->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_job->start();
}

void ImportDialog::cancelImport()
{
    if (m_job)
        m_job->cancel();
}

void ImportDialog::jobFinished()
{
    m_cancel->setEnabled(false);
    m_import->setEnabled(true);
    if (m_job->wasCancelled()) {
        m_progress->setValue(0);
        m_status->setText(tr("Import cancelled \u2014 the case is unchanged."));
        return;
    }
    const QList<ImportResult> results = m_job->results();
    const QMap<int, QString> duplicates = m_job->duplicates(*m_doc);
    bool importDuplicates = m_duplicates == Duplicates::ImportAnyway;
    if (!duplicates.isEmpty() && m_duplicates == Duplicates::Ask) {
        QMessageBox ask(QMessageBox::Question, tr("Files Already in the Case"),
                        tr("%n file(s) are already sources of this case; importing again would count their "
                           "events twice.",
                           nullptr, int(duplicates.size())),
                        QMessageBox::NoButton, this);
        ask.setDetailedText(QStringList(duplicates.begin(), duplicates.end()).join(u'\n'));
        QPushButton *anyway = ask.addButton(tr("Import Anyway"), QMessageBox::AcceptRole);
        ask.setDefaultButton(ask.addButton(tr("Skip Them"), QMessageBox::RejectRole));
        ask.exec();
        importDuplicates = ask.clickedButton() == anyway;
    }
    const int added = m_job->applyTo(*m_doc, importDuplicates);
    qint64 malformed = 0;
    for (int row = 0; row < m_files->rowCount() && row < results.size(); ++row) {
        const ImportResult &r = results[row];
        if (r.ok() && duplicates.contains(row) && !importDuplicates) {
            auto *skipped = item(tr("skipped: ") + duplicates[row], duplicates[row]);
            skipped->setForeground(Qt::darkRed);
            m_files->setItem(row, ColResult, skipped);
        } else if (r.ok()) {
            malformed += r.source->malformed;
            m_files->setItem(row, ColEvents, item(QLocale().toString(r.source->events)));
            auto *bad = item(QLocale().toString(r.source->malformed));
            QStringList issues;
            for (qsizetype i = 0; i < std::min<qsizetype>(r.source->issues.size(), 20); ++i)
                issues.append(tr("line %1: %2").arg(r.source->issues[i].line).arg(r.source->issues[i].reason));
            bad->setToolTip(issues.join(u'\n'));
            m_files->setItem(row, ColMalformed, bad);
            m_files->setItem(
                row, ColResult,
                item(tr("imported as %1").arg(r.source->format) +
                         (r.notes.isEmpty() ? QString() : QStringLiteral(" \u2014 ") + r.notes.join(u"; ")),
                     r.notes.join(u'\n')));
        } else {
            auto *failed = item(r.error, r.error);
            failed->setForeground(Qt::darkRed);
            m_files->setItem(row, ColResult, failed);
        }
    }
    m_progress->setValue(1000);
    m_status->setText(tr("%n file(s) imported", nullptr, added) +
                      tr(", %n malformed line(s)", nullptr, int(malformed)) +
                      (added < results.size() ? tr(", %n failed", nullptr, int(results.size() - added)) : QString()));
}

void ImportDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    addFiles(paths);
    event->acceptProposedAction();
}

} // namespace inquest

#include "exportdialog.h"

#include "report/findingsreport.h"
#include "support/parallel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace inquest {

namespace {
constexpr int PreviewWidth = 620;
}

ExportDialog::ExportDialog(const CaseData &data, const QString &caseFilePath, const ReportScores &scores,
                           FigureRenderer *figures, QWidget *parent)
    : QDialog(parent)
    , m_data(data)
    , m_caseFilePath(caseFilePath)
    , m_scores(scores)
    , m_figures(figures)
    , m_zone(new QComboBox(this))
    , m_page(new QSpinBox(this))
    , m_pageCount(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Export Findings"));
    setObjectName(QStringLiteral("exportDialog"));

    auto *sections = new QGroupBox(tr("Sections"), this);
    auto *sectionsLayout = new QVBoxLayout(sections);
    for (ReportSection s : allReportSections()) {
        auto *box = new QCheckBox(reportSectionTitle(s), sections);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &ExportDialog::optionsChanged);
        sectionsLayout->addWidget(box);
        m_sections.append({s, box});
    }
    sectionsLayout->addWidget(new QLabel(tr("The title page and contents are always included."), sections));

    m_zone->setEditable(true);
    QStringList zones{QStringLiteral("UTC")};
    for (const QString &z : {data.meta.displayTimeZone, QString::fromUtf8(QTimeZone::systemTimeZoneId())}) {
        if (!z.isEmpty() && !zones.contains(z))
            zones.append(z);
    }
    for (const char *z : {"Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo"}) {
        if (!zones.contains(QString::fromLatin1(z)))
            zones.append(QString::fromLatin1(z));
    }
    m_zone->addItems(zones);
    m_zone->setCurrentText(data.meta.displayTimeZone.isEmpty() ? QStringLiteral("UTC") : data.meta.displayTimeZone);
    connect(m_zone, &QComboBox::currentTextChanged, this, &ExportDialog::optionsChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("Second time zone:"), m_zone);

    auto *pdf = new QPushButton(tr("Export &PDF\u2026"), this);
    pdf->setObjectName(QStringLiteral("exportPdf"));
    auto *html = new QPushButton(tr("Export &HTML\u2026"), this);
    html->setObjectName(QStringLiteral("exportHtml"));
    connect(pdf, &QPushButton::clicked, this, &ExportDialog::choosePdf);
    connect(html, &QPushButton::clicked, this, &ExportDialog::chooseHtml);

    auto *left = new QVBoxLayout;
    left->addWidget(sections);
    left->addLayout(form);
    left->addStretch();
    left->addWidget(pdf);
    left->addWidget(html);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_status);

    m_page->setMinimum(1);
    m_page->setMaximum(1);
    m_page->setPrefix(tr("Page "));
    connect(m_page, &QSpinBox::valueChanged, this, [this](int page) { showPage(page - 1); });
    auto *pager = new QHBoxLayout;
    pager->addWidget(m_page);
    pager->addWidget(m_pageCount, 1);

    m_preview->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_preview->setMinimumWidth(PreviewWidth);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_preview);
    scroll->setWidgetResizable(true);
    scroll->setBackgroundRole(QPalette::Dark);
    auto *right = new QVBoxLayout;
    right->addLayout(pager);
    right->addWidget(scroll, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);
    auto *main = new QVBoxLayout(this);
    main->addLayout(columns, 1);
    main->addWidget(buttons);
    resize(1000, 900);

    // Toggling several boxes in a row lays the report out once.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, &ExportDialog::startLayout);
    connect(&m_watcher, &QFutureWatcher<Laid>::finished, this, &ExportDialog::layoutFinished);
    startLayout();
}

ExportDialog::~ExportDialog()
{
    m_canceller->cancel();     // KILL QUERY for a figure query still running
    parallel::wait(m_watcher); // the job reads m_data
}

void ExportDialog::setRemoteSources(std::vector<remote::SourceAccess> sources, const QStringList &unreachable)
{
    m_remoteSources = std::move(sources);
    m_unreachable = unreachable;
    m_askRemote = !m_data.remoteSources.isEmpty();
    m_remoteFigures.reset();
    optionsChanged();
}

ExportDialog::Laid ExportDialog::lay(const CaseData &data, const ReportScores &scores, FigureRenderer *figures,
                                     ReportOptions options, bool ask, const std::vector<remote::SourceAccess> &sources,
                                     const QStringList &unreachable,
                                     const std::shared_ptr<remote::QueryCanceller> &canceller)
{
    Laid out;
    if (ask && figures) {
        out.remote = std::make_shared<const remote::ReportFigureAnswers>(
            remote::askForReportFigures(data, options, sources, unreachable, canceller));
        options.remoteFigures = out.remote;
    }
    out.report = std::make_shared<FindingsReport>(data, scores, figures, options);
    return out;
}

ReportOptions ExportDialog::options() const
{
    ReportOptions o;
    o.caseFilePath = m_caseFilePath;
    o.unsavedChanges = m_unsaved;
    o.caseStateSha256 = m_stateSha256;
    o.timeZone = m_zone->currentText().trimmed();
    if (o.timeZone.isEmpty() || (o.timeZone != u"UTC" && !QTimeZone(o.timeZone.toUtf8()).isValid()))
        o.timeZone = QStringLiteral("UTC");
    o.remoteFigures = m_remoteFigures;
    o.sections.clear();
    for (const auto &[s, box] : m_sections) {
        if (box->isChecked())
            o.sections.append(s);
    }
    return o;
}

void ExportDialog::setUnsavedState(const QString &stateSha256)
{
    m_unsaved = true;
    m_stateSha256 = stateSha256;
    optionsChanged();
}

int ExportDialog::pageCount() const { return m_report ? m_report->pageCount() : 0; }

int ExportDialog::currentPage() const { return m_page->value() - 1; }

void ExportDialog::optionsChanged()
{
    m_dirty = true;
    m_status->setText(tr("Updating preview\u2026"));
    m_coalesce.start();
}

void ExportDialog::startLayout()
{
    if (m_watcher.isRunning()) {
        m_coalesce.start(); // try again when the running layout is done
        return;
    }
    m_dirty = false;
    if (asksRemote())
        m_status->setText(tr("Asking the remote sources for the figures\u2026"));
    const CaseData *data = &m_data;
    m_watcher.setFuture(
        parallel::run([data, scores = m_scores, figures = m_figures, options = options(), ask = asksRemote(),
                       sources = m_remoteSources, unreachable = m_unreachable, c = m_canceller] {
            return lay(*data, scores, figures, options, ask, sources, unreachable, c);
        }));
}

void ExportDialog::layoutFinished()
{
    const Laid laid = m_watcher.result();
    if (laid.remote)
        m_remoteFigures = laid.remote; // asked once: a change of sections or zone keeps the view
    m_report = laid.report;
    m_page->setMaximum(qMax(1, m_report->pageCount()));
    m_pageCount->setText(tr("of %1 (report %2)").arg(m_report->pageCount()).arg(m_report->document().reportId));
    showPage(currentPage());
    if (!m_dirty) {
        m_status->clear();
        emit previewReady();
    }
}

void ExportDialog::showPage(int page)
{
    if (!m_report || page < 0 || page >= m_report->pageCount())
        return;
    m_preview->setPixmap(QPixmap::fromImage(m_report->pageImage(page, PreviewWidth)));
}

const FindingsReport *ExportDialog::currentReport()
{
    // Export exactly what the options say, even if the preview has not caught up yet.
    if (!isPreviewCurrent()) {
        parallel::wait(m_watcher);
        if (m_watcher.future().resultCount() > 0 && m_watcher.result().remote)
            m_remoteFigures = m_watcher.result().remote;
        m_coalesce.stop();
        m_dirty = false;
        const Laid laid =
            lay(m_data, m_scores, m_figures, options(), asksRemote(), m_remoteSources, m_unreachable, m_canceller);
        if (laid.remote)
            m_remoteFigures = laid.remote;
        m_report = laid.report;
    }
    return m_report.get();
}

bool ExportDialog::exportPdf(const QString &path, QString *error) { return currentReport()->writePdf(path, error); }

bool ExportDialog::exportHtml(const QString &path, QString *error) { return currentReport()->writeHtml(path, error); }

void ExportDialog::choosePdf()
{
    const QString base = m_caseFilePath.isEmpty() ? tr("findings") : QFileInfo(m_caseFilePath).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Findings as PDF"), base + QStringLiteral(".pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportPdf(path, &error)) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        m_status->setText(
            tr("Wrote %1\nSHA-256 %2")
                .arg(QDir::toNativeSeparators(path),
                     QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex())));
    } else {
        m_status->setText(error);
    }
}

void ExportDialog::chooseHtml()
{
    const QString base = m_caseFilePath.isEmpty() ? tr("findings") : QFileInfo(m_caseFilePath).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Findings as HTML"),
                                                      base + QStringLiteral(".html"), tr("HTML pages (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(exportHtml(path, &error) ? tr("Wrote %1").arg(QDir::toNativeSeparators(path)) : error);
}

} // namespace inquest

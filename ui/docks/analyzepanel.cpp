#include "analyzepanel.h"

#include "analysis/analyzejob.h"
#include "model/casedocument.h"
#include "model/isotime.h"
#include "remote/remotepasswords.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace inquest {

AnalyzePanel::AnalyzePanel(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_job(new AnalyzeJob(this))
    , m_analyze(new QAction(tr("&Analyze"), this))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_cancel(new QPushButton(tr("Cancel")))
{
    setObjectName(QStringLiteral("analyzePanel"));
    m_analyze->setObjectName(QStringLiteral("actionAnalyze"));
    m_analyze->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_analyze->setToolTip(tr("Run the detectors over the case's logs and statements: their findings arrive "
                             "as suggestions to accept, reject or re-rate (%1)")
                              .arg(m_analyze->shortcut().toString(QKeySequence::NativeText)));
    connect(m_analyze, &QAction::triggered, this, &AnalyzePanel::analyze);

    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_cancel->setObjectName(QStringLiteral("cancelAnalyze"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_status, 3);
    m_progress->hide();
    m_cancel->hide();
    hide(); // shown by a run, and kept with its result until the next

    connect(m_cancel, &QPushButton::clicked, this, &AnalyzePanel::cancel);
    connect(m_job, &AnalyzeJob::progressChanged, this, [this](int permille, const QString &step) {
        m_progress->setValue(permille);
        if (!step.isEmpty())
            m_status->setText(tr("Analyzing: %1\u2026").arg(step));
    });
    connect(m_job, &AnalyzeJob::finished, this, &AnalyzePanel::finish);
    // Opening another case (or a new one) abandons a run over the old one.
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case && e.action == ChangeAction::Reset && m_job->isRunning())
            cancel();
    });
}

AnalyzePanel::~AnalyzePanel() = default;

void AnalyzePanel::analyze()
{
    if (m_job->isRunning())
        return;
    m_analyze->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_status->setText(tr("Analyzing\u2026"));
    show();
    QStringList unreachable;
    auto remotes = remote::reachableSources(m_doc, &unreachable);
    if (!unreachable.isEmpty()) {
        finishWith(tr("Not analyzed: %1. The case is unchanged.").arg(unreachable.join(u"; ")));
        return;
    }
    m_job->start(m_doc->data(), std::move(remotes));
}

void AnalyzePanel::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling\u2026"));
}

void AnalyzePanel::finish()
{
    m_analyze->setEnabled(true);
    m_progress->hide();
    m_cancel->hide();
    const std::optional<DetectorOutput> output = m_job->output();
    const std::optional<DetectorRunSummary> summary = m_job->applyTo(*m_doc);
    if (!output && !m_job->wasCancelled() && !m_job->error().isEmpty()) {
        finishWith(tr("Not analyzed: %1. The case is unchanged.").arg(m_job->error()));
        return;
    }
    if (!output || !summary) {
        m_status->setText(tr("Analysis cancelled \u2014 the case is unchanged."));
        emit statusMessage(m_status->text());
        return;
    }
    m_status->setText(describe(*summary, output->incidents));
    emit statusMessage(tr("Analysis: %n suggestion(s) added", nullptr, summary->added));
    emit analyzed(summary->addedIds);
}

void AnalyzePanel::finishWith(const QString &message)
{
    m_analyze->setEnabled(true);
    m_progress->hide();
    m_cancel->hide();
    m_status->setText(message);
    emit statusMessage(message);
}

QString AnalyzePanel::describe(const DetectorRunSummary &s, const std::vector<Incident> &incidents)
{
    QStringList parts;
    parts.append(tr("%n suggestion(s) added (Undo removes the run)", nullptr, s.added));
    if (s.lesser)
        parts.append(tr("%n of them about lesser incidents than the largest (tagged lesser-incident, low relevance)",
                        nullptr, s.lesser));
    if (s.removed)
        parts.append(tr("%n untouched earlier suggestion(s) or marker(s) replaced", nullptr, s.removed));
    if (s.kept)
        parts.append(tr("%n already accepted, rejected or edited: kept", nullptr, s.kept));
    QString text = parts.join(QStringLiteral("; ")) + u'.';
    if (incidents.empty())
        return text + u' ' + tr("No outage window found.");
    QStringList windows;
    for (const Incident &inc : incidents)
        windows.append(
            tr("%1 \u2013 %2 on %3").arg(isoUtc(inc.begin), isoUtc(inc.end), inc.affected.join(QStringLiteral(", "))));
    return text + u' ' + tr("%n outage window(s), marked on the chart: ", nullptr, int(incidents.size())) +
           windows.join(QStringLiteral("; ")) + u'.';
}

} // namespace inquest

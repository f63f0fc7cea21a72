#include "rerundialog.h"

#include "model/casedocument.h"
#include "remote/remotepasswords.h"
#include "support/parallel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace inquest {

RerunDialog::RerunDialog(CaseDocument *doc, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_status(new QLabel)
    , m_progress(new QProgressBar)
    , m_table(new QTableWidget(0, 4))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("rerunDialog"));
    setWindowTitle(tr("Re-run remote queries"));
    m_status->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("rerunResults"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Source"), tr("Query id"), tr("Answer now")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 40);
    m_table->setColumnWidth(1, 120);
    m_table->setColumnWidth(2, 290);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    resize(960, 420);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RerunDialog::reject);
    connect(&m_watcher, &QFutureWatcher<remote::RerunReport>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<remote::RerunReport>::finished, this, &RerunDialog::finished);
}

RerunDialog::~RerunDialog()
{
    if (m_canceller)
        m_canceller->cancel();
    parallel::wait(m_watcher);
}

void RerunDialog::start()
{
    if (isRunning())
        return;
    QStringList unreachable;
    std::vector<remote::SourceAccess> sources = remote::reachableSources(m_doc, &unreachable);
    const std::vector<RemoteResult> targets = remote::rerunTargets(m_doc->data());
    m_table->setRowCount(0);
    m_progress->setRange(0, int(targets.size()));
    m_progress->setValue(0);
    m_status->setText(tr("Asking %n kept query(ies) again\u2026", nullptr, int(targets.size())) +
                      (unreachable.isEmpty() ? QString() : u'\n' + unreachable.join(u'\n')));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(false);
    m_canceller = std::make_shared<remote::QueryCanceller>();
    m_watcher.setFuture(parallel::run([data = m_doc->data(), targets, sources = std::move(sources),
                                       c = m_canceller](QPromise<remote::RerunReport> &promise) {
        promise.setProgressRange(0, int(targets.size()));
        promise.addResult(remote::rerunQueries(
            data, targets, sources, [&promise](int done, int) { promise.setProgressValue(done); }, c));
    }));
}

void RerunDialog::finished()
{
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setEnabled(true);
    if (m_watcher.future().resultCount() == 0)
        return;
    const remote::RerunReport report = m_watcher.result();
    if (report.cancelled) {
        m_status->setText(tr("Cancelled; the query running was stopped on the server and nothing was kept."));
        emit done();
        return;
    }
    remote::keepRerun(*m_doc, report);
    m_table->setRowCount(int(report.outcomes.size()));
    for (int i = 0; i < int(report.outcomes.size()); ++i) {
        const remote::RerunOutcome &o = report.outcomes[std::size_t(i)];
        const QStringList cells{QString::number(m_doc->data().remoteResults.indexOf(o.before) + 1),
                                QStringLiteral("#%1 %2").arg(o.before.sourceId).arg(o.sourceName), o.before.queryId,
                                o.text()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 3)
                item->setToolTip(o.before.sql);
            m_table->setItem(i, c, item);
        }
    }
    using State = remote::RerunOutcome::State;
    m_status->setText(tr("%1 queries asked again: %2 unchanged, %3 changed, %4 failed.%5")
                          .arg(report.outcomes.size())
                          .arg(report.count(State::Unchanged))
                          .arg(report.count(State::Changed))
                          .arg(report.count(State::Failed))
                          .arg(report.newRecords().isEmpty()
                                   ? QString()
                                   : tr(" The new answers are kept beside the old ones (Edit \u25B8 Undo takes "
                                        "them back).")));
    emit done();
}

void RerunDialog::reject()
{
    if (isRunning()) {
        m_canceller->cancel();
        return; // closes once the query has stopped (Close)
    }
    QDialog::reject();
}

QString RerunDialog::statusText() const { return m_status->text(); }

} // namespace inquest

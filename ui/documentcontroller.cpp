#include "documentcontroller.h"
#include "recentfiles.h"

#include "casefile/autosave.h"
#include "casefile/casefile.h"
#include "casefile/fileidentity.h"
#include "casefile/statedigest.h"
#include "model/casedocument.h"

#include <QFileInfo>

namespace inquest {

namespace {
const QString LockProgram = QStringLiteral("Inquest workbench");
}

DocumentController::DocumentController(CaseDocument *doc, RecentFiles *recent, QWidget *window)
    : QObject(window)
    , m_doc(doc)
    , m_recent(recent)
    , m_window(window)
{
    installQuestions();
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentController::checkDisk);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &DocumentController::checkDisk);
}

DocumentController::~DocumentController() = default;

QString DocumentController::lockFor(const QString &absolutePath, std::unique_ptr<casefile::CaseLock> *lock, bool *held)
{
    if (m_lock && m_lock->casePath() == absolutePath) { // ours already
        *held = false;
        return {};
    }
    auto taken = std::make_unique<casefile::CaseLock>();
    QString why;
    if (!taken->lock(absolutePath, LockProgram, 0, &why, held))
        return why;
    *lock = std::move(taken);
    return {};
}

void DocumentController::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    emit readOnlyChanged(readOnly);
}

void DocumentController::watch(const QString &path)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_announced.reset();
    if (path.isEmpty())
        return;
    // The folder too: a save by rename replaces the inode the file watch was on.
    m_watcher.addPath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path))
        m_watcher.addPath(path);
}

void DocumentController::checkDisk()
{
    const QString path = m_doc->filePath();
    if (m_asking || path.isEmpty() || m_doc->diskIdentity().isNull())
        return;
    if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
        m_watcher.addPath(path); // re-armed on the new inode
    const std::optional<DiskIdentity> now = casefile::identify(path, false);
    if (!now || now->sameFile(m_doc->diskIdentity()) || (m_announced && now->sameFile(*m_announced)))
        return;
    m_announced = now;
    resolveChange(tr("%1 was changed on disk by another program.").arg(QDir::toNativeSeparators(path)));
}

bool DocumentController::resolveChange(const QString &why)
{
    m_asking = true;
    const ChangedAnswer answer = askChangedOnDisk(why);
    m_asking = false;
    switch (answer) {
    case ChangedAnswer::Reload:
        return reload();
    case ChangedAnswer::KeepMineAsNew:
        return saveAs();
    case ChangedAnswer::Cancel:
        emit statusMessage(tr("The case file changed on disk; Save will not overwrite it"));
        return false;
    }
    return false;
}

bool DocumentController::reload()
{
    const QString path = m_doc->filePath();
    if (path.isEmpty())
        return false;
    QString error;
    if (!casefile::open(*m_doc, path, &error)) {
        showError(error);
        return false;
    }
    autosave::discard(path, m_doc->meta().caseId);
    m_announced.reset();
    emit statusMessage(tr("Reloaded %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

DocumentController::ReportSubject DocumentController::prepareReport()
{
    ReportSubject subject;
    subject.casePath = m_doc->filePath();
    const bool changedOnDisk =
        !subject.casePath.isEmpty() && !casefile::changedSince(subject.casePath, m_doc->diskIdentity()).isEmpty();
    if (m_doc->isModified() && !changedOnDisk && !m_readOnly) {
        switch (askSaveBeforeReport()) {
        case SaveAnswer::Save:
            subject.proceed = save();
            subject.casePath = m_doc->filePath();
            return subject;
        case SaveAnswer::Cancel:
            return subject;
        case SaveAnswer::Discard:
            break;
        }
    } else if (!m_doc->isModified() && !changedOnDisk) {
        subject.proceed = true;
        return subject;
    }
    // What the report shows is not what the file holds: cite the shown state itself.
    QString error;
    subject.unsavedChanges = true;
    subject.stateSha256 = casefile::stateSha256(m_doc->data(), &error);
    if (subject.stateSha256.isEmpty()) {
        showError(tr("Cannot compute the hash of the unsaved case: %1").arg(error));
        return subject;
    }
    subject.proceed = true;
    return subject;
}

bool DocumentController::recover(const QString &sidecar, const QString &casePath)
{
    QString error;
    auto data = casefile::read(sidecar, &error);
    if (!data) {
        showError(tr("The autosaved work cannot be read and was left in place:\n%1").arg(error));
        return false;
    }
    custody::append(data->custody, QStringLiteral("recover"),
                    QStringLiteral("unsaved work recovered from %1").arg(sidecar));
    m_doc->reset(std::move(*data), casePath, true);
    emit statusMessage(tr("Recovered unsaved work; save the case to keep it"));
    return true;
}

bool DocumentController::offerOrphanRecovery()
{
    const QStringList orphans = autosave::orphanedSidecars();
    if (orphans.isEmpty())
        return false;
    if (!askRecover(orphans.first())) {
        QFile::remove(orphans.first());
        return false;
    }
    return recover(orphans.first(), QString());
}

bool DocumentController::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    switch (askSave()) {
    case SaveAnswer::Save:
        return save();
    case SaveAnswer::Discard:
        autosave::discard(m_doc->filePath(), m_doc->meta().caseId);
        return true;
    case SaveAnswer::Cancel:
        return false;
    }
    return false;
}

bool DocumentController::newCase()
{
    if (!maybeSave())
        return false;
    m_doc->reset(CaseData::create(tr("Untitled case")));
    m_lock.reset();
    setReadOnly(false);
    watch({});
    emit statusMessage(tr("New case"));
    return true;
}

bool DocumentController::open(const QString &requested)
{
    if (!maybeSave())
        return false;
    const QString path = requested.isEmpty() ? askPath(false) : requested;
    if (path.isEmpty())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    std::unique_ptr<casefile::CaseLock> lock;
    bool held = false;
    const QString why = lockFor(absolute, &lock, &held);
    if (!why.isEmpty() && !askOpenReadOnly(why))
        return false;
    const auto opened = [&](const QString &message) {
        if (lock)
            m_lock = std::move(lock);
        else if (!why.isEmpty())
            m_lock.reset();
        m_readOnlyWhy = why;
        setReadOnly(!why.isEmpty());
        watch(absolute);
        m_recent->add(path);
        emit statusMessage(message);
        return true;
    };
    if (autosave::hasNewerSidecar(absolute, {})) {
        const QString sidecar = autosave::sidecarPath(absolute, {});
        if (askRecover(sidecar)) {
            if (!recover(sidecar, absolute))
                return false;
            // Recovered on top of the file as it is now: that is what a save may replace.
            if (auto id = casefile::identify(absolute, true))
                m_doc->setDiskIdentity(*id);
            return opened(tr("Recovered unsaved work; save the case to keep it"));
        }
        QFile::remove(sidecar);
    }
    QString error;
    if (!casefile::open(*m_doc, path, &error)) {
        showError(error);
        return false;
    }
    return opened(why.isEmpty() ? tr("Opened %1").arg(QDir::toNativeSeparators(path))
                                : tr("Opened %1 read-only").arg(QDir::toNativeSeparators(path)));
}

bool DocumentController::save()
{
    if (m_readOnly) {
        showError(tr("This case is open read-only: %1\n\nUse Save As to keep your changes in another file.")
                      .arg(m_readOnlyWhy));
        return false;
    }
    if (m_doc->filePath().isEmpty())
        return saveAs();
    return saveAs(m_doc->filePath());
}

bool DocumentController::saveAs(const QString &requested)
{
    const QString path = requested.isEmpty() ? askPath(true) : requested;
    if (path.isEmpty())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    std::unique_ptr<casefile::CaseLock> lock;
    bool held = false;
    if (const QString why = lockFor(absolute, &lock, &held); !why.isEmpty()) {
        showError(why);
        return false;
    }
    QString error;
    bool conflict = false;
    if (!casefile::save(*m_doc, path, &error, &conflict)) {
        if (conflict)
            return resolveChange(error);
        showError(error);
        return false;
    }
    if (lock)
        m_lock = std::move(lock);
    setReadOnly(false);
    watch(absolute);
    m_recent->add(path);
    emit statusMessage(tr("Saved %1 (custody head %2)")
                           .arg(QDir::toNativeSeparators(path), m_doc->diskIdentity().custodyHead.left(12)));
    return true;
}

} // namespace inquest

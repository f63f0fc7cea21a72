#include "casedocument.h"

#include <QFileInfo>

namespace inquest {

CaseDocument::CaseDocument(QObject *parent)
    : CaseDocument(CaseData::create(QStringLiteral("Untitled case")), parent)
{
}

CaseDocument::CaseDocument(CaseData data, QObject *parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_undoStack(new QUndoStack(this))
{
    qRegisterMetaType<inquest::ChangeEvent>();
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool) { emit modifiedChanged(isModified()); });
}

CaseDocument::~CaseDocument() = default;

void CaseDocument::reset(CaseData data, const QString &filePath, bool modified)
{
    emit aboutToChange({Entity::Case, ChangeAction::Reset, 0, -1});
    m_undoStack->clear();
    m_data = std::move(data);
    m_undoStack->setClean();
    m_unsavedRecovery = modified;
    m_diskIdentity = {};
    setFilePath(filePath);
    emit changed({Entity::Case, ChangeAction::Reset, 0, -1});
    emit modifiedChanged(modified);
}

void CaseDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool CaseDocument::isModified() const { return m_unsavedRecovery || !m_undoStack->isClean(); }

QString CaseDocument::displayName() const
{
    if (!m_data.meta.title.isEmpty())
        return m_data.meta.title;
    return m_filePath.isEmpty() ? tr("Untitled case") : QFileInfo(m_filePath).completeBaseName();
}

void CaseDocument::recordCustody(const QString &action, const QString &detail)
{
    custody::append(m_data.custody, action, detail);
}

void CaseDocument::appendRemoteResults(const QList<RemoteResult> &results)
{
    m_data.remoteResults.append(results);
    emit changed({Entity::RemoteSource, ChangeAction::Modified, 0, -1});
}

void CaseDocument::takeLastRemoteResults(qsizetype count)
{
    m_data.remoteResults.resize(std::max<qsizetype>(0, m_data.remoteResults.size() - count));
    emit changed({Entity::RemoteSource, ChangeAction::Modified, 0, -1});
}

QStringList CaseDocument::editsSinceSave() const
{
    QStringList edits;
    const int clean = m_undoStack->cleanIndex();
    const int current = m_undoStack->index();
    if (clean < 0) {
        // The saved state is no longer reachable through the stack: list what is on it.
        for (int i = 0; i < current; ++i)
            edits.append(m_undoStack->text(i));
    } else if (current > clean) {
        for (int i = clean; i < current; ++i)
            edits.append(m_undoStack->text(i));
    } else {
        for (int i = current; i < clean; ++i)
            edits.append(QStringLiteral("undo: ") + m_undoStack->text(i));
    }
    return edits;
}

QList<CustodyEntry> CaseDocument::custodyForSave(const QString &path) const
{
    QList<CustodyEntry> log = m_data.custody;
    const qsizetype before = log.size();
    const QStringList edits = editsSinceSave();
    if (!edits.isEmpty())
        custody::append(log, QStringLiteral("edit"),
                        QStringLiteral("%1 edit(s): %2").arg(edits.size()).arg(edits.join(QStringLiteral("; "))));
    custody::append(log, QStringLiteral("save"), QStringLiteral("saved to %1").arg(path));
    return log.mid(before);
}

void CaseDocument::markSaved(const QString &path, const QList<CustodyEntry> &writtenRows)
{
    m_data.custody.append(writtenRows);
    m_unsavedRecovery = false;
    m_undoStack->setClean();
    emit modifiedChanged(false);
    setFilePath(path);
}

} // namespace inquest

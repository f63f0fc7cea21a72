#include "remotesourceedits.h"

#include "commands.h"

#include <QCoreApplication>

namespace inquest::edit {

namespace {

class AddRemoteSourceCommand : public QUndoCommand
{
public:
    AddRemoteSourceCommand(CaseDocument *doc, RemoteSource source, QList<RemoteResult> results)
        : QUndoCommand(
              QCoreApplication::translate("inquest::commands", "Add remote source \u201c%1\u201d").arg(source.name))
        , m_doc(doc)
        , m_source(std::move(source))
        , m_results(std::move(results))
    {
        if (m_source.id == 0)
            m_source.id = doc->allocateId();
        for (RemoteResult &r : m_results)
            r.sourceId = m_source.id;
    }
    Id sourceId() const { return m_source.id; }
    void redo() override
    {
        m_doc->insertRecord(m_index, m_source);
        m_doc->appendRemoteResults(m_results);
    }
    void undo() override
    {
        m_doc->takeLastRemoteResults(m_results.size());
        m_source = m_doc->takeRecord<RemoteSource>(m_source.id, &m_index);
    }

private:
    CaseDocument *m_doc;
    RemoteSource m_source;
    QList<RemoteResult> m_results;
    int m_index = -1;
};

class KeepRemoteResultsCommand : public QUndoCommand
{
public:
    KeepRemoteResultsCommand(CaseDocument *doc, QList<RemoteResult> results, const QString &text)
        : QUndoCommand(text)
        , m_doc(doc)
        , m_results(std::move(results))
    {
    }
    void redo() override { m_doc->appendRemoteResults(m_results); }
    void undo() override { m_doc->takeLastRemoteResults(m_results.size()); }

private:
    CaseDocument *m_doc;
    QList<RemoteResult> m_results;
};

} // namespace

void keepRemoteResults(CaseDocument *doc, QList<RemoteResult> results, const QString &text)
{
    if (!results.isEmpty())
        doc->undoStack()->push(new KeepRemoteResultsCommand(doc, std::move(results), text));
}

Id addRemoteSource(CaseDocument *doc, RemoteSource source, QList<RemoteResult> results)
{
    auto *command = new AddRemoteSourceCommand(doc, std::move(source), std::move(results));
    const Id id = command->sourceId();
    doc->undoStack()->push(command);
    return id;
}

void removeRemoteSource(CaseDocument *doc, Id id)
{
    const RemoteSource *source = doc->find<RemoteSource>(id);
    if (!source)
        return;
    doc->undoStack()->push(new RemoveRecordCommand<RemoteSource>(
        doc, id,
        QCoreApplication::translate("inquest::commands", "Remove remote source \u201c%1\u201d").arg(source->name)));
}

} // namespace inquest::edit

#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace inquest {

class CaseDocument;

// Writes unsaved work to a sidecar file every so often, off the GUI thread, and removes the
// sidecar once the case is saved or closed cleanly. A crash leaves the sidecar to recover from.
class Autosaver : public QObject
{
    Q_OBJECT
public:
    explicit Autosaver(CaseDocument *doc, QObject *parent = nullptr);
    ~Autosaver() override;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Starts an autosave now if the case has unsaved changes; false if nothing to do.
    bool autosaveNow();
    // Waits for a running autosave (tests, and before the sidecar is removed).
    void waitForIdle();
    // After a clean close: the sidecar holds nothing worth keeping.
    void discardSidecar();
    QString sidecar() const;

signals:
    void autosaved(const QString &path);
    void failed(const QString &message);

private:
    void onModifiedChanged(bool modified);

    CaseDocument *m_doc;
    QTimer m_timer;
    QFutureWatcher<QString> m_watcher;
    QString m_pendingPath;
};

} // namespace inquest

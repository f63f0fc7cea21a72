#include "tsanhooks.h"

#if defined(__SANITIZE_THREAD__)

#include <QCoreApplication>

#include <sanitizer/tsan_interface.h>

namespace inquest::tsan {

namespace {
char token; // the one address every hand-over releases and every take-over acquires
} // namespace

// Results of pool tasks reach the GUI thread as events (QFutureWatcher's signals, queued
// calls): the GUI thread takes over before it handles any event.
class TakeOverOnEvents : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *, QEvent *) override
    {
        takeOver();
        return false;
    }
};

void handOver() { __tsan_release(&token); }
void takeOver() { __tsan_acquire(&token); }

} // namespace inquest::tsan

namespace {
void installTakeOverOnEvents()
{
    QCoreApplication::instance()->installEventFilter(new inquest::tsan::TakeOverOnEvents(QCoreApplication::instance()));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(installTakeOverOnEvents)

#endif

#include "wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QWheelEvent>

namespace inquest {

namespace {

// QDateEdit and QDoubleSpinBox are QAbstractSpinBoxes; QSlider is a QAbstractSlider, but a
// scroll bar is what the wheel is for.
QWidget *valueWidget(QObject *object)
{
    auto *w = qobject_cast<QWidget *>(object);
    if (!w)
        return nullptr;
    if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w))
        return w;
    if (auto *slider = qobject_cast<QAbstractSlider *>(w); slider && !slider->inherits("QScrollBar"))
        return w;
    return nullptr;
}

void noWheelFocus(QWidget *w)
{
    if (w->focusPolicy() == Qt::WheelFocus)
        w->setFocusPolicy(Qt::StrongFocus);
}

} // namespace

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

void WheelGuard::install()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app || app->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    app->installEventFilter(new WheelGuard(app));
    for (QWidget *w : QApplication::allWidgets()) {
        if (valueWidget(w))
            noWheelFocus(w);
    }
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish) {
        if (QWidget *w = valueWidget(watched))
            noWheelFocus(w);
        return false;
    }
    if (event->type() != QEvent::Wheel)
        return false;
    QWidget *w = valueWidget(watched);
    if (!w || w->hasFocus())
        return false;
    // Handed to the parent as if the widget had ignored it: the surrounding view scrolls.
    auto *wheel = static_cast<QWheelEvent *>(event);
    if (QWidget *parent = w->parentWidget()) {
        QWheelEvent forwarded(parent->mapFromGlobal(wheel->globalPosition()), wheel->globalPosition(),
                              wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(), wheel->modifiers(),
                              wheel->phase(), wheel->inverted(), wheel->source(), wheel->pointingDevice());
        QCoreApplication::sendEvent(parent, &forwarded);
    }
    return true;
}

} // namespace inquest

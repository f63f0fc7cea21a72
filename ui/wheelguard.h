#pragma once

#include <QObject>

namespace inquest {

// An application-wide event filter: the mouse wheel never changes a value widget (combo box,
// spin box, date edit, slider) that does not have the keyboard focus. Such widgets take focus
// on click or Tab only (Qt::StrongFocus, not wheel focus), and the wheel over an unfocused one
// goes to the view around it, which scrolls. Turning the wheel to scroll a pane of fields then
// edits nothing by accident.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    // Installs one guard on the application (a second call does nothing) and sets the focus
    // policy of the value widgets that exist already.
    static void install();

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QObject *parent);
};

} // namespace inquest

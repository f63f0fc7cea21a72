#pragma once

#include <QWidget>

class QHBoxLayout;

namespace inquest {

// A row of inputs that breaks in two when it is narrower than all of them: the trailing
// group moves to a second line. Its minimum width is that of the longer line, so the window
// holding it fits a small screen (1280×800 beside the docks) instead of forcing it wider.
class WrapRow : public QWidget
{
    Q_OBJECT

public:
    explicit WrapRow(QWidget *parent = nullptr);

    // The two groups, each a row of its own layout; add widgets to them, then call done().
    QHBoxLayout *lead() const { return m_lead; }
    QHBoxLayout *trail() const { return m_trail; }
    bool isWrapped() const { return m_wrapped; }

    QSize minimumSizeHint() const override;
    // The least size with both groups on one line.
    QSize oneLineSize() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(bool wrapped);

    QWidget *m_leadBox, *m_trailBox;
    QHBoxLayout *m_lead, *m_trail;
    bool m_wrapped = false;
};

} // namespace inquest

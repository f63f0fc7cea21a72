#include "statementtimedelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>

#include <algorithm>

namespace inquest {

namespace {

// A line edit with the zone's name inside its right end, outside the text's margins.
class ZonedLineEdit : public QLineEdit
{
public:
    ZonedLineEdit(const QString &zone, QWidget *parent)
        : QLineEdit(parent)
        , m_zone(new QLabel(zone, this))
        , m_fullZone(zone)
    {
        m_zone->setObjectName(QStringLiteral("statementTimeZone"));
        m_zone->setForegroundRole(QPalette::PlaceholderText);
        m_zone->setAttribute(Qt::WA_TransparentForMouseEvents);
        const int width = m_fullWidth = m_zone->sizeHint().width() + 6;
        m_zone->setFixedWidth(width);
        setTextMargins(0, 0, width, 0);
        setToolTip(tr("Typed in %1, the case's display zone. End with Z or an offset (+01:00) for another zone; "
                      "a clock time alone (22:45) keeps the date shown.")
                       .arg(zone));
    }

    int zoneWidth() const { return m_fullWidth; } // the name's whole width
    // Narrower than text and name need: the name is elided in the middle (the tooltip and the
    // table's header keep it whole), never cut by the table's edge.
    void fitZone(int available)
    {
        const int width = std::max(available, 0);
        const QFontMetrics fm(m_zone->font());
        m_zone->setText(fm.elidedText(m_fullZone, Qt::ElideMiddle, width - 6));
        m_zone->setFixedWidth(width);
        setTextMargins(0, 0, width, 0);
        m_zone->setGeometry(this->width() - width - 2, 0, width, height());
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLineEdit::resizeEvent(event);
        m_zone->setGeometry(width() - m_zone->width() - 2, 0, m_zone->width(), height());
    }

private:
    QLabel *m_zone;
    QString m_fullZone;
    int m_fullWidth = 0;
};

} // namespace

StatementTimeDelegate::StatementTimeDelegate(std::function<QString()> zoneName, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_zoneName(std::move(zoneName))
{
}

QWidget *StatementTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new ZonedLineEdit(m_zoneName(), parent);
    editor->setObjectName(QStringLiteral("statementTimeEdit"));
    editor->setFrame(false);
    return editor;
}

void StatementTimeDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    // Wide enough for a period and the zone's name, even when the column is narrow.
    auto *line = static_cast<ZonedLineEdit *>(editor);
    const int text = line->fontMetrics().horizontalAdvance(QStringLiteral("~2010-12-12 22:15:00\u201322:45:00 "));
    const int needed = text + line->zoneWidth();
    if (editor->width() < needed)
        editor->resize(needed, editor->height());
    // Inside the table's viewport: moved left rather than running off its right edge, and the
    // zone's name elided when even the whole width is too narrow for both.
    const QWidget *port = editor->parentWidget();
    if (!port)
        return;
    const int room = port->width();
    if (editor->width() > room)
        editor->resize(room, editor->height());
    if (editor->geometry().right() >= room)
        editor->move(std::max(0, room - editor->width()), editor->y());
    line->fitZone(std::min(line->zoneWidth(), editor->width() - text));
}

} // namespace inquest

#include "curvedialog.h"

#include "analysis/filterexpression.h"
#include "analysis/lineevidence.h"
#include "model/commands.h"
#include "model/curveedits.h"
#include "model/isotime.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace inquest {

CurveDialog::CurveDialog(CaseDocument *doc, RangeProvider range, QWidget *parent)
    : QDialog(parent)
    , m_doc(doc)
    , m_range(std::move(range))
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_filter(new QLineEdit)
    , m_aggregate(new QComboBox)
    , m_field(new QComboBox)
    , m_percentile(new QDoubleSpinBox)
    , m_colour(new QLineEdit)
    , m_pickColour(new QPushButton(tr("Choose\u2026")))
    , m_style(new QComboBox)
    , m_problem(new QLabel)
{
    setWindowTitle(tr("Curves"));
    setObjectName(QStringLiteral("curveDialog"));
    m_list->setObjectName(QStringLiteral("curveList"));
    m_name->setObjectName(QStringLiteral("curveName"));
    m_filter->setObjectName(QStringLiteral("curveFilter"));
    m_aggregate->setObjectName(QStringLiteral("curveAggregate"));
    m_field->setObjectName(QStringLiteral("curveField"));
    m_percentile->setObjectName(QStringLiteral("curvePercentile"));
    m_colour->setObjectName(QStringLiteral("curveColour"));
    m_style->setObjectName(QStringLiteral("curveStyle"));
    m_problem->setObjectName(QStringLiteral("curveProblem"));
    m_filter->setPlaceholderText(tr("site:www.shop.de status:503 method:POST client:10.1.0.0/16 timeout"));
    m_filter->setToolTip(tr("Terms that must all match: site:, status: (5xx, 503), method:, path:, client: "
                            "(address or block), host:, text: — words without a key are text"));
    for (const CurveAggregate a : {CurveAggregate::Count, CurveAggregate::Sum, CurveAggregate::Mean,
                                   CurveAggregate::Max, CurveAggregate::Percentile})
        m_aggregate->addItem(toString(a), int(a));
    m_field->addItem(tr("bytes"), int(CurveField::Bytes));
    m_field->addItem(tr("response time (ms)"), int(CurveField::ResponseTime));
    m_percentile->setRange(0, 100);
    m_percentile->setValue(95);
    for (const CurveStyle s : {CurveStyle::Line, CurveStyle::Step, CurveStyle::Bars, CurveStyle::Dots})
        m_style->addItem(toString(s), int(s));
    m_colour->setText(CurveSpec().colour);
    m_pickColour->setObjectName(QStringLiteral("curvePickColour"));
    m_pickColour->setAutoDefault(false);
    m_pickColour->setToolTip(tr("Pick the curve's colour; the selected curve takes it at once (undoable)"));
    askColour = [this](const QColor &initial) { return QColorDialog::getColor(initial, this, tr("Curve colour")); };
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Filter"), m_filter);
    form->addRow(tr("&Aggregate"), m_aggregate);
    form->addRow(tr("F&ield"), m_field);
    form->addRow(tr("&Percentile"), m_percentile);
    auto *colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colour, 1);
    colourRow->addWidget(m_pickColour);
    auto *colourLabel = new QLabel(tr("&Colour"));
    colourLabel->setBuddy(m_colour); // a row of a layout gets no buddy of its own
    form->addRow(colourLabel, colourRow);
    form->addRow(tr("&Style"), m_style);
    form->addRow(m_problem);

    m_add = new QPushButton(tr("Add"));
    m_apply = new QPushButton(tr("Apply"));
    m_remove = new QPushButton(tr("Remove"));
    m_evidence = new QPushButton(tr("New evidence from this curve and range"));
    m_add->setObjectName(QStringLiteral("curveAdd"));
    m_apply->setObjectName(QStringLiteral("curveApply"));
    m_remove->setObjectName(QStringLiteral("curveRemove"));
    m_evidence->setObjectName(QStringLiteral("curveEvidence"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_apply, m_remove, m_evidence}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    right->addWidget(close);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(right, 2);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &CurveDialog::addCurve);
    connect(m_apply, &QPushButton::clicked, this, &CurveDialog::applyCurve);
    connect(m_remove, &QPushButton::clicked, this, &CurveDialog::removeCurve);
    connect(m_evidence, &QPushButton::clicked, this, &CurveDialog::newEvidence);
    connect(m_pickColour, &QPushButton::clicked, this, &CurveDialog::chooseColour);
    connect(m_colour, &QLineEdit::textChanged, this, &CurveDialog::showColour);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_doc->curves().size())
            showCurve(m_doc->curves()[row]);
        updateButtons();
    });
    connect(m_aggregate, &QComboBox::currentIndexChanged, this, &CurveDialog::updateButtons);
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Curve || e.action == ChangeAction::Reset)
            reload();
    });
    reload();
    showColour();
}

void CurveDialog::reload()
{
    const Id keep = selectedId();
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const CurveSpec &c : m_doc->curves()) {
        auto *item = new QListWidgetItem(curveLabel(c));
        item->setData(Qt::UserRole, qint64(c.id));
        item->setForeground(QColor::fromString(c.colour));
        m_list->addItem(item);
    }
    const int row = m_doc->indexOf<CurveSpec>(keep);
    m_list->setCurrentRow(row >= 0 ? row : (m_list->count() ? 0 : -1));
    if (m_list->currentRow() >= 0)
        showCurve(m_doc->curves()[m_list->currentRow()]);
    updateButtons();
}

Id CurveDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void CurveDialog::selectCurve(Id id) { m_list->setCurrentRow(m_doc->indexOf<CurveSpec>(id)); }

void CurveDialog::showCurve(const CurveSpec &c)
{
    m_name->setText(c.name);
    m_filter->setText(c.filter);
    m_aggregate->setCurrentIndex(m_aggregate->findData(int(c.aggregate)));
    if (c.field != CurveField::None)
        m_field->setCurrentIndex(m_field->findData(int(c.field)));
    m_percentile->setValue(c.percentile);
    m_colour->setText(c.colour);
    m_style->setCurrentIndex(m_style->findData(int(c.style)));
    m_problem->clear();
}

void CurveDialog::updateButtons()
{
    const auto a = CurveAggregate(m_aggregate->currentData().toInt());
    m_field->setEnabled(a != CurveAggregate::Count);
    m_percentile->setEnabled(a == CurveAggregate::Percentile);
    const bool selected = selectedId() != 0;
    m_apply->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_evidence->setEnabled(selected);
}

std::optional<CurveSpec> CurveDialog::formCurve()
{
    CurveSpec c;
    c.id = selectedId();
    c.name = m_name->text().trimmed();
    c.filter = m_filter->text().trimmed();
    EventFilter f;
    QString error;
    if (!parseFilterExpression(c.filter, &f, &error)) {
        m_problem->setText(error);
        return std::nullopt;
    }
    c.aggregate = CurveAggregate(m_aggregate->currentData().toInt());
    c.field = c.aggregate == CurveAggregate::Count ? CurveField::None : CurveField(m_field->currentData().toInt());
    c.percentile = m_percentile->value();
    const QColor colour = QColor::fromString(m_colour->text().trimmed());
    if (!colour.isValid()) {
        m_problem->setText(tr("\"%1\" is not a colour (#rrggbb or a name)").arg(m_colour->text()));
        return std::nullopt;
    }
    c.colour = colour.name();
    c.style = CurveStyle(m_style->currentData().toInt());
    m_problem->clear();
    return c;
}

Id CurveDialog::addCurve()
{
    const auto c = formCurve();
    if (!c)
        return 0;
    const Id id = edit::addCurve(m_doc, *c);
    selectCurve(id);
    return id;
}

bool CurveDialog::applyCurve()
{
    const auto c = formCurve();
    if (!c || c->id == 0)
        return false;
    edit::changeCurve(m_doc, *c);
    return true;
}

void CurveDialog::removeCurve()
{
    if (const Id id = selectedId())
        edit::removeCurve(m_doc, id);
}

void CurveDialog::showColour()
{
    // A swatch on the button: the colour the form holds, if it is one.
    const QColor colour = QColor::fromString(m_colour->text().trimmed());
    QPixmap swatch(14, 14);
    swatch.fill(colour.isValid() ? colour : QColor(Qt::transparent));
    m_pickColour->setIcon(QIcon(swatch));
}

bool CurveDialog::chooseColour()
{
    const QColor chosen = askColour(QColor::fromString(m_colour->text().trimmed()));
    if (!chosen.isValid())
        return false; // cancelled: nothing changes
    m_colour->setText(chosen.name());
    // The selected curve takes the colour at once (its other fields as the case has them).
    if (const CurveSpec *c = m_doc->find<CurveSpec>(selectedId()); c && c->colour != chosen.name()) {
        CurveSpec changed = *c;
        changed.colour = chosen.name();
        edit::changeCurve(m_doc, changed);
    }
    return true;
}

Id CurveDialog::newEvidence()
{
    const CurveSpec *c = m_doc->find<CurveSpec>(selectedId());
    if (!c || !m_range)
        return 0;
    const auto [begin, end] = m_range();
    if (end <= begin) {
        m_problem->setText(tr("No range: select one on the chart (Shift+drag)"));
        return 0;
    }
    return edit::addEvidence(m_doc, evidenceFromCurve(*c, begin, end));
}

} // namespace inquest

#pragma once

#include "model/curvespec.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace inquest {

class CaseDocument;

// Add, edit and remove the case's user-defined curves (Wireshark's I/O graph): each a filter in
// the timeline's grammar, an aggregate, a colour and a style. Every button is one undoable
// edit; "New evidence" makes a suggested evidence item from the selected curve and the range
// the chart gives (its selection, else its view).
class CurveDialog : public QDialog
{
    Q_OBJECT

public:
    using RangeProvider = std::function<std::pair<qint64, qint64>()>;
    CurveDialog(CaseDocument *doc, RangeProvider range, QWidget *parent = nullptr);

    // The form as a curve (id of the selected curve), or nothing with the reason shown.
    std::optional<CurveSpec> formCurve();
    Id selectedId() const;
    void selectCurve(Id id);

    // The buttons' actions, for the buttons and for tests.
    Id addCurve();
    bool applyCurve();
    void removeCurve();
    Id newEvidence();
    // The colour button: asks for a colour (QColorDialog, from the form's); the form takes it,
    // and the selected curve too, as one undoable edit. False when cancelled.
    bool chooseColour();
    // How the colour is asked for; tests answer in its place.
    std::function<QColor(const QColor &)> askColour;

private:
    void reload();
    void showCurve(const CurveSpec &c);
    void updateButtons();
    void showColour();

    CaseDocument *m_doc;
    RangeProvider m_range;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_filter;
    QComboBox *m_aggregate;
    QComboBox *m_field;
    QDoubleSpinBox *m_percentile;
    QLineEdit *m_colour;
    QPushButton *m_pickColour;
    QComboBox *m_style;
    QLabel *m_problem;
    QPushButton *m_add, *m_apply, *m_remove, *m_evidence;
};

} // namespace inquest

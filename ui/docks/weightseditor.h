#pragma once

#include <QMap>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;

namespace inquest {

class CaseDocument;
struct ScoringSettings;

// Edits the case's scoring settings: relevance and Admiralty-grade weights, the likelihood
// table and what the ranking follows. Each change is an undo step saved with the case; the
// scores recompute as the value changes.
class WeightsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit WeightsEditor(CaseDocument *doc, QWidget *parent = nullptr);
    // Spin boxes by setting key: "relevance/high", "reliability/A", "credibility/6", "likelihood/CC", …
    QDoubleSpinBox *spinBox(const QString &key) const { return m_spins.value(key); }
    QComboBox *rankByCombo() const { return m_rankBy; }
    void resetToDefaults();

private:
    QDoubleSpinBox *addSpin(const QString &key, double max);
    void refresh();
    void commit(const QString &key);

    CaseDocument *m_doc;
    QMap<QString, QDoubleSpinBox *> m_spins;
    QComboBox *m_rankBy;
};

} // namespace inquest

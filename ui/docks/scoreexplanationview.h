#pragma once

#include "scoring/scoreexplanation.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace inquest {

// The scoring panel's "Why" tab: one sentence on who leads whom by how much (or that the first
// two are tied), then every accepted item with what it adds to each hypothesis's ranking score
// and what it does to the gap between the first two (Δ), the items that make the gap first.
// Built for a narrow dock: the title and Δ come first, the hypotheses follow in rank order, and
// each row's tool tip spells its numbers out.
class ScoreExplanationView : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreExplanationView(QWidget *parent = nullptr);

    void setExplanation(const ScoreExplanation &explanation);
    const ScoreExplanation &explanation() const { return m_explanation; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *table() const { return m_table; }

signals:
    void evidenceActivated(inquest::Id id);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
    QString rowToolTip(const ScoreExplanation::Item &item) const;

    ScoreExplanation m_explanation;
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace inquest

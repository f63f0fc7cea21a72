#pragma once

#include <qcustomplot.h>

namespace inquest {

struct ScoreResult;

// Ranked hypotheses as diverging horizontal bars: weighted inconsistency to the left of zero,
// support to the right, so the two are side by side and never added up. Rank 1 is on top.
class ScoreChart : public QCustomPlot
{
    Q_OBJECT
public:
    explicit ScoreChart(QWidget *parent = nullptr);
    void setResult(const ScoreResult &result);

    QCPBars *inconsistencyBars() const { return m_inconsistency; }
    QCPBars *supportBars() const { return m_support; }

private:
    QCPBars *m_inconsistency;
    QCPBars *m_support;
};

} // namespace inquest

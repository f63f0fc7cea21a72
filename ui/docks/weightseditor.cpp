#include "weightseditor.h"

#include "model/scoringedits.h"
#include "scoring/scores.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace inquest {

namespace {

constexpr Rating TableRatings[] = {Rating::CC, Rating::C,  Rating::N,      Rating::I,
                                   Rating::II, Rating::NA, Rating::Unrated};

// The value a key addresses inside the settings.
double *slot(ScoringSettings &s, const QString &key)
{
    const QString group = key.section(u'/', 0, 0), name = key.section(u'/', 1);
    for (int i = 0; i < 3 && group == u"relevance"; ++i)
        if (relevanceKey(i) == name)
            return &s.relevance[std::size_t(i)];
    for (int i = 0; i < 6; ++i) {
        if (group == u"reliability" && reliabilityKey(i) == name)
            return &s.reliability[std::size_t(i)];
        if (group == u"credibility" && credibilityKey(i) == name)
            return &s.credibility[std::size_t(i)];
    }
    for (Rating r : TableRatings)
        if (group == u"likelihood" && likelihoodKey(r) == name)
            return &s.likelihood[std::size_t(r)];
    return nullptr;
}

} // namespace

WeightsEditor::WeightsEditor(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_rankBy(new QComboBox)
{
    setObjectName(QStringLiteral("weightsEditor"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *rel = new QGroupBox(tr("Relevance weight"));
    auto *relForm = new QFormLayout(rel);
    for (int i = 0; i < 3; ++i)
        relForm->addRow(relevanceKey(i), addSpin(QStringLiteral("relevance/") + relevanceKey(i), 10));

    auto *grades = new QGroupBox(tr("Credibility weight = \u221a(reliability \u00d7 credibility)"));
    auto *gradeGrid = new QGridLayout(grades);
    gradeGrid->addWidget(new QLabel(tr("Source reliability")), 0, 0, 1, 2);
    gradeGrid->addWidget(new QLabel(tr("Information credibility")), 0, 2, 1, 2);
    for (int i = 0; i < 6; ++i) {
        gradeGrid->addWidget(new QLabel(reliabilityKey(i)), i + 1, 0);
        gradeGrid->addWidget(addSpin(QStringLiteral("reliability/") + reliabilityKey(i), 1), i + 1, 1);
        gradeGrid->addWidget(new QLabel(credibilityKey(i)), i + 1, 2);
        gradeGrid->addWidget(addSpin(QStringLiteral("credibility/") + credibilityKey(i), 1), i + 1, 3);
    }

    auto *lr = new QGroupBox(tr("Likelihood ratio per rating"));
    auto *lrForm = new QFormLayout(lr);
    for (Rating r : TableRatings)
        lrForm->addRow(r == Rating::Unrated ? tr("blank") : toString(r),
                       addSpin(QStringLiteral("likelihood/") + likelihoodKey(r), 100));
    lr->setToolTip(posteriorFormula());

    m_rankBy->addItems({tr("Weighted inconsistency (ACH)"), tr("Posterior (likelihood ratios)")});
    m_rankBy->setObjectName(QStringLiteral("rankByCombo"));
    connect(m_rankBy, &QComboBox::activated, this, [this](int i) {
        ScoringSettings s = ScoringSettings::fromJson(m_doc->meta().scoringSettings);
        s.rankBy = i == 1 ? ScoringSettings::RankBy::Posterior : ScoringSettings::RankBy::Inconsistency;
        edit::setScoringSettings(m_doc, s.toJson(), QStringLiteral("rankBy"));
    });
    auto *reset = new QPushButton(tr("Reset to defaults"));
    connect(reset, &QPushButton::clicked, this, &WeightsEditor::resetToDefaults);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Rank by:")));
    top->addWidget(m_rankBy, 1);
    top->addWidget(reset);
    layout->addLayout(top, 0, 0, 1, 3);
    layout->addWidget(rel, 1, 0);
    layout->addWidget(grades, 1, 1);
    layout->addWidget(lr, 1, 2);
    layout->setRowStretch(2, 1);
    setMinimumHeight(sizeHint().height());

    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case)
            refresh();
    });
    refresh();
}

QDoubleSpinBox *WeightsEditor::addSpin(const QString &key, double max)
{
    auto *spin = new QDoubleSpinBox;
    spin->setObjectName(key);
    spin->setRange(key.startsWith(u"likelihood") ? 0.01 : 0.0, max);
    spin->setDecimals(3);
    spin->setSingleStep(0.05);
    spin->setKeyboardTracking(false); // one edit per finished number, not per digit
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key] { commit(key); });
    m_spins.insert(key, spin);
    return spin;
}

void WeightsEditor::commit(const QString &key)
{
    const ScoringSettings before = ScoringSettings::fromJson(m_doc->meta().scoringSettings);
    ScoringSettings s = before;
    if (double *v = slot(s, key))
        *v = m_spins.value(key)->value();
    if (!(s == before))
        edit::setScoringSettings(m_doc, s.toJson(), key);
}

void WeightsEditor::resetToDefaults()
{
    if (!(ScoringSettings::fromJson(m_doc->meta().scoringSettings) == ScoringSettings{}))
        edit::setScoringSettings(m_doc, ScoringSettings{}.toJson(), QStringLiteral("defaults"));
}

void WeightsEditor::refresh()
{
    ScoringSettings s = ScoringSettings::fromJson(m_doc->meta().scoringSettings);
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it) {
        const QSignalBlocker block(it.value());
        if (const double *v = slot(s, it.key()))
            it.value()->setValue(*v);
    }
    m_rankBy->setCurrentIndex(s.rankBy == ScoringSettings::RankBy::Posterior ? 1 : 0);
}

} // namespace inquest

#include "evidencedetail.h"

#include "models/displayzone.h"

#include "model/commands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>

namespace inquest {

namespace {

QString provenanceDetail(const Provenance &p, const DisplayZone &zone)
{
    QStringList parts;
    if (p.hasLines()) {
        QString s =
            QObject::tr("lines %1\u2013%2 of source %3").arg(p.firstLine).arg(p.lastLine).arg(p.sourceSha256.left(16));
        if (p.offsetBegin >= 0)
            s += QObject::tr(" (bytes %1\u2013%2)").arg(p.offsetBegin).arg(p.offsetEnd);
        parts.append(s);
    }
    if (p.hasTimeRange())
        parts.append(zone.span(p.timeBegin, p.timeEnd) +
                     (p.metric.isEmpty() ? QString() : QStringLiteral(" \u00b7 %1 %2").arg(p.metric, p.site)));
    if (p.hasStatement())
        parts.append(QObject::tr("statement #%1").arg(p.statementId));
    return parts.isEmpty() ? QObject::tr("(none recorded)") : parts.join(u'\n');
}

// Sets a text box only when it differs, so the cursor of someone typing there is not reset.
void setPlain(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text) {
        const QSignalBlocker block(edit);
        edit->setPlainText(text);
    }
}

} // namespace

EvidenceDetail::EvidenceDetail(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_title(new QLineEdit)
    , m_description(new QPlainTextEdit)
    , m_origin(new QLabel)
    , m_provenance(new QLabel)
    , m_showLink(new QLabel)
    , m_reliability(new QComboBox)
    , m_credibility(new QComboBox)
    , m_relevance(new QComboBox)
    , m_tags(new QLineEdit)
    , m_star(new QCheckBox(tr("Starred")))
    , m_state(new QComboBox)
    , m_comments(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("evidenceDetail"));
    const char *reliability[] = {QT_TR_NOOP("A \u2014 reliable"),        QT_TR_NOOP("B \u2014 usually reliable"),
                                 QT_TR_NOOP("C \u2014 fairly reliable"), QT_TR_NOOP("D \u2014 not usually reliable"),
                                 QT_TR_NOOP("E \u2014 unreliable"),      QT_TR_NOOP("F \u2014 cannot be judged")};
    const char *credibility[] = {QT_TR_NOOP("1 \u2014 confirmed"),     QT_TR_NOOP("2 \u2014 probably true"),
                                 QT_TR_NOOP("3 \u2014 possibly true"), QT_TR_NOOP("4 \u2014 doubtful"),
                                 QT_TR_NOOP("5 \u2014 improbable"),    QT_TR_NOOP("6 \u2014 cannot be judged")};
    for (int i = 0; i < 6; ++i) {
        m_reliability->addItem(tr(reliability[i]));
        m_credibility->addItem(tr(credibility[i]));
    }
    m_relevance->addItems({tr("low"), tr("medium"), tr("high")});
    m_state->addItems({tr("suggested"), tr("accepted"), tr("rejected")});
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_origin->setWordWrap(true);
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setMaximumHeight(90);
    m_comments->setMaximumHeight(90);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(6, 6, 6, 6);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("State"), m_state);
    form->addRow(tr("Reliability"), m_reliability);
    form->addRow(tr("Credibility"), m_credibility);
    form->addRow(tr("Relevance"), m_relevance);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(QString(), m_star);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Comments"), m_comments);
    form->addRow(tr("Origin"), m_origin);
    form->addRow(tr("Provenance"), m_provenance);
    m_showLink->setObjectName(QStringLiteral("showOnChartLink"));
    m_showLink->setText(QStringLiteral("<a href=\"show\">%1</a>").arg(tr("Show on chart")));
    m_showLink->setToolTip(tr("Zoom the chart to this range and show its log lines"));
    form->addRow(QString(), m_showLink);
    connect(m_showLink, &QLabel::linkActivated, this, &EvidenceDetail::showOnChartRequested);

    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        const QString t = m_title->text().trimmed();
        m_title->setModified(false);
        if (m_id && !t.isEmpty())
            edit::setValue(m_doc, m_id, &Evidence::title, t, tr("Rename evidence"));
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::description, m_description->toPlainText(), tr("Edit description"));
    });
    connect(m_comments, &QPlainTextEdit::textChanged, this, [this] {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::comments, m_comments->toPlainText(), tr("Edit comments"));
    });
    connect(m_reliability, &QComboBox::activated, this, [this](int i) {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::reliability, QChar(u'A' + i), tr("Change reliability"));
    });
    connect(m_credibility, &QComboBox::activated, this, [this](int i) {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::credibility, i + 1, tr("Change credibility"));
    });
    connect(m_relevance, &QComboBox::activated, this, [this](int i) {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::relevance, Relevance(i), tr("Change relevance"));
    });
    connect(m_state, &QComboBox::activated, this, [this](int i) {
        if (m_id)
            edit::setEvidenceState(m_doc, m_id, EvidenceState(i));
    });
    connect(m_star, &QCheckBox::clicked, this, [this](bool on) {
        if (m_id)
            edit::setValue(m_doc, m_id, &Evidence::starred, on, on ? tr("Star evidence") : tr("Unstar evidence"));
    });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        m_tags->setModified(false);
        if (!m_id)
            return;
        QStringList tags;
        for (const QString &t : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
            if (!t.trimmed().isEmpty() && !tags.contains(t.trimmed()))
                tags.append(t.trimmed());
        }
        edit::setValue(m_doc, m_id, &Evidence::tags, tags, tr("Edit tags"));
    });
    connect(m_doc, &CaseDocument::changed, this, &EvidenceDetail::onChanged);
    refresh();
}

void EvidenceDetail::setEvidence(Id id)
{
    if (id == m_id)
        return;
    m_id = id;
    m_title->setModified(false);
    m_tags->setModified(false);
    refresh();
}

void EvidenceDetail::onChanged(const ChangeEvent &e)
{
    if (e.entity == Entity::Case && e.action == ChangeAction::Reset)
        m_id = 0;
    if (e.entity == Entity::Case || (e.entity == Entity::Evidence && e.id == m_id))
        refresh();
}

void EvidenceDetail::refresh()
{
    const Evidence *e = m_id ? m_doc->find<Evidence>(m_id) : nullptr;
    setEnabled(e != nullptr);
    const Evidence empty;
    const Evidence &ev = e ? *e : empty;
    // Text being typed (modified, not yet committed) is left alone.
    if (m_title->text() != ev.title && !m_title->isModified())
        m_title->setText(ev.title);
    setPlain(m_description, ev.description);
    setPlain(m_comments, ev.comments);
    const int r = ev.reliability.toUpper().unicode() - u'A';
    m_reliability->setCurrentIndex(r >= 0 && r < 6 ? r : 5);
    m_credibility->setCurrentIndex(ev.credibility >= 1 && ev.credibility <= 6 ? ev.credibility - 1 : 5);
    m_relevance->setCurrentIndex(int(ev.relevance));
    m_state->setCurrentIndex(int(ev.state));
    m_star->setChecked(ev.starred);
    if (!m_tags->isModified())
        m_tags->setText(ev.tags.join(QStringLiteral(", ")));
    QString origin = ev.origin;
    if (!ev.reason.isEmpty())
        origin += QStringLiteral("\n") + ev.reason;
    m_origin->setText(origin);
    m_provenance->setText(e ? provenanceDetail(ev.provenance, DisplayZone::of(m_doc->meta())) : QString());
    m_showLink->setVisible(e && (ev.provenance.hasTimeRange() || ev.provenance.hasLines()));
}

} // namespace inquest

#pragma once

#include "caselistmodel.h"
#include "displayzone.h"

#include <optional>

namespace inquest {

class StatementsModel : public CaseListModel<Statement>
{
    Q_OBJECT
public:
    // Each time of a statement as the analyst should read it: the phrase, its reading in `zone`,
    // and how it was read (zone assumed, an ambiguous zone resolved, a date that contradicts the
    // article).
    static QString describeTimes(const Statement &s, const DisplayZone &zone = {});
    static bool hasTimeNote(const Statement &s);
    enum Column { Speaker, Organisation, Time, Stance, Grade, Quote, ColumnCount };
    // Times show in the case's display zone (the header says which) and are edited in it.
    explicit StatementsModel(CaseDocument *doc, QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Speaker, organisation, time (the main one, set by hand: news::setStatementTime), grade
    // ("B2"), stance ("supports hardware; against ddos") and the words are editable; each edit
    // is one undo command on the document.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
};

// "supports hardware; against ddos" from a stance map.
QString stanceText(const QMap<HypothesisKind, Rating> &stance);
// The inverse, tolerant: "supports hardware; against ddos", "hardware:CC ddos:I", "" (no stance).
std::optional<QMap<HypothesisKind, Rating>> parseStance(const QString &text);

} // namespace inquest

#include "ratingdelegate.h"

#include <QComboBox>

namespace inquest {

namespace {
const QStringList &ratingTexts()
{
    static const QStringList texts{QString(),           QStringLiteral("CC"), QStringLiteral("C"), QStringLiteral("N"),
                                   QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("NA")};
    return texts;
}
} // namespace

QWidget *RatingDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItems(ratingTexts());
    combo->setItemText(0, tr("(unrated)"));
    // Commit as soon as a choice is made: one click, one rating.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        emit const_cast<RatingDelegate *>(this)->commitData(combo);
        emit const_cast<RatingDelegate *>(this)->closeEditor(combo);
    });
    return combo;
}

void RatingDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    static_cast<QComboBox *>(editor)->setCurrentIndex(
        std::max(0, int(ratingTexts().indexOf(index.data(Qt::EditRole).toString()))));
}

void RatingDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, ratingTexts().value(static_cast<QComboBox *>(editor)->currentIndex()), Qt::EditRole);
}

} // namespace inquest

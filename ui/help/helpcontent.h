#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace inquest {

struct ScoringSettings;

// The pages of Help ▸ Inquest Help. The rating scale, the scores and the source grades are
// written from the scoring code's own constants, and the shortcuts from the window's actions,
// so the help says what the program does.
namespace help {

struct Page
{
    QString id; // "first-case", "ratings", "scores", "grades", "shortcuts"
    QString title;
    QString html;
};

QString ratingsPage();
QString scoresPage(const ScoringSettings &settings);
QString gradesPage(const ScoringSettings &settings);
// Every action below `window` that has a shortcut, plus the keys the evidence matrix and the
// chart read themselves.
QString shortcutsPage(const QWidget *window);
QList<Page> pages(const QWidget *window, const ScoringSettings &settings);

} // namespace help
} // namespace inquest

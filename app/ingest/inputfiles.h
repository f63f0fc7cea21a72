#pragma once

#include <QString>
#include <QStringList>

namespace inquest {

// What the analyst named for import, as the files to read: a folder stands for every regular
// file below it (sorted by path, so a re-import lists them in the same order); hidden files and
// folders are skipped, links to folders are not followed (no loops), and FIFOs, devices and
// sockets are left out. Files named directly are kept as given, even hidden ones.
struct InputFiles
{
    QStringList files;
    QStringList notes; // per folder: how many files it gave, or that it gave none
};

// At most maxFiles in all; the rest are left out with a note saying so.
InputFiles expandInputPaths(const QStringList &paths, qsizetype maxFiles = 100'000);

} // namespace inquest

#pragma once

#include <QString>

namespace inquest {

// May the program open a source file that a case names? A case file can come from someone
// else, so its paths are not the analyst's choice: only a regular file of the size recorded
// at import is read. Devices, FIFOs and sockets (which could block or never end) and anything
// under /proc, /sys or /dev are refused, whether named directly or reached through links.
struct SourceFileCheck
{
    enum class Status { Ok, Missing, NotRegular, SizeChanged };
    Status status = Status::Ok;
    qint64 size = 0; // the file's size now (when it exists)
    QString message; // why it is not read; empty when Ok

    bool ok() const { return status == Status::Ok; }
};

// recordedSize < 0: the size is not compared.
SourceFileCheck checkSourceFile(const QString &path, qint64 recordedSize);

} // namespace inquest

#include "sourcefile.h"

#include <QFileInfo>

#include <sys/stat.h>

namespace inquest {

namespace {

bool underSystemTree(const QString &canonical)
{
    for (const char *root : {"/proc", "/sys", "/dev"}) {
        const QString r = QString::fromLatin1(root);
        if (canonical == r || canonical.startsWith(r + u'/'))
            return true;
    }
    return false;
}

} // namespace

SourceFileCheck checkSourceFile(const QString &path, qint64 recordedSize)
{
    SourceFileCheck check;
    const QFileInfo info(path);
    if (!info.exists()) {
        check.status = SourceFileCheck::Status::Missing;
        check.message = QStringLiteral("the file is missing");
        return check;
    }
    const QString canonical = info.canonicalFilePath();
    struct stat st = {};
    // stat(2) follows links: the type is that of what the path finally names.
    const bool regular = ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
    if (!regular || canonical.isEmpty() || underSystemTree(canonical)) {
        check.status = SourceFileCheck::Status::NotRegular;
        check.message = QStringLiteral("not a regular file (%1); a case may only refer to log and article files")
                            .arg(canonical.isEmpty() ? path : canonical);
        return check;
    }
    check.size = qint64(st.st_size);
    if (recordedSize >= 0 && check.size != recordedSize) {
        check.status = SourceFileCheck::Status::SizeChanged;
        check.message = QStringLiteral("the file has changed since import (%1 bytes now, %2 at import)")
                            .arg(check.size)
                            .arg(recordedSize);
    }
    return check;
}

} // namespace inquest

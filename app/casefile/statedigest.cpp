#include "statedigest.h"
#include "casefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

namespace inquest::casefile {

QString stateSha256(const CaseData &data, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("cannot make a temporary folder: %1").arg(dir.errorString());
        return {};
    }
    const QString path = dir.filePath(QStringLiteral("state.inquest"));
    if (!write(data, path, error))
        return {};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace inquest::casefile

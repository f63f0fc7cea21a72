#include "caselock.h"

#include "model/isotime.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace inquest::casefile {

namespace {

QByteArray readAll(int fd)
{
    QByteArray text(4096, Qt::Uninitialized);
    const ssize_t n = ::pread(fd, text.data(), text.size(), 0);
    text.resize(n > 0 ? qsizetype(n) : 0);
    return text;
}

std::optional<LockHolder> parseHolder(const QByteArray &text)
{
    const QList<QByteArray> lines = text.split('\n');
    if (lines.size() < 4)
        return std::nullopt;
    LockHolder h;
    bool ok = false;
    h.pid = lines[0].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    h.host = QString::fromUtf8(lines[1]);
    h.program = QString::fromUtf8(lines[2]);
    h.since = QDateTime::fromString(QString::fromLatin1(lines[3]), Qt::ISODate).toUTC();
    return h;
}

bool sameInode(int fd, const QString &path)
{
    struct stat a
    {
    };
    struct stat b
    {
    };
    return ::fstat(fd, &a) == 0 && ::stat(QFile::encodeName(path).constData(), &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

} // namespace

QString LockHolder::describe() const
{
    return QStringLiteral("%1 (process %2 on %3, since %4)")
        .arg(program.isEmpty() ? QStringLiteral("another program") : program)
        .arg(pid)
        .arg(host.isEmpty() ? QStringLiteral("an unknown host") : host,
             since.isValid() ? isoUtc(since.toMSecsSinceEpoch() * 1000) : QStringLiteral("an unknown time"));
}

CaseLock::~CaseLock() { unlock(); }

QString CaseLock::lockPathFor(const QString &casePath)
{
    const QFileInfo info(casePath);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + QStringLiteral(".lock");
}

std::optional<LockHolder> CaseLock::holder(const QString &casePath)
{
    const int fd = ::open(QFile::encodeName(lockPathFor(casePath)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::optional<LockHolder> result;
    // A shared lock we can get means nobody holds the exclusive one.
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0)
        ::flock(fd, LOCK_UN);
    else
        result = parseHolder(readAll(fd)).value_or(LockHolder{});
    ::close(fd);
    return result;
}

CaseLock::Attempt CaseLock::tryOnce(QString *error)
{
    const int fd = ::open(QFile::encodeName(m_lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = QStringLiteral("%1: cannot make the lock file %2: %3")
                     .arg(QDir::toNativeSeparators(m_casePath), QDir::toNativeSeparators(m_lockPath), systemError());
        return Attempt::Failed;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int code = errno;
        // The holder writes its name just after it locks: a moment's grace to read it (up to
        // 100 ms: on a loaded machine the holder may not run for a while).
        std::optional<LockHolder> h = parseHolder(readAll(fd));
        for (int i = 0; !h && i < 20; ++i) {
            QThread::msleep(5);
            h = parseHolder(readAll(fd));
        }
        ::close(fd);
        if (code != EWOULDBLOCK) {
            *error = QStringLiteral("%1: cannot lock %2: %3")
                         .arg(QDir::toNativeSeparators(m_casePath), QDir::toNativeSeparators(m_lockPath),
                              QString::fromLocal8Bit(std::strerror(code)));
            return Attempt::Failed;
        }
        *error = QStringLiteral("%1 is being changed by %2; its lock is %3")
                     .arg(QDir::toNativeSeparators(m_casePath),
                          h ? h->describe() : QStringLiteral("another process (it has not named itself yet)"),
                          QDir::toNativeSeparators(m_lockPath));
        return Attempt::Held;
    }
    if (!sameInode(fd, m_lockPath)) {
        // The previous holder removed the file between our open and our lock: try the new one.
        ::close(fd);
        return Attempt::Held;
    }
    // Text left behind names a holder that died with the lock held (the kernel released it).
    const std::optional<LockHolder> previous = parseHolder(readAll(fd));
    m_tookOverFrom = previous ? previous->describe() : QString();
    const QByteArray text = QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                            QSysInfo::machineHostName().toUtf8() + '\n' + m_program.toUtf8() + '\n' +
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.constData(), size_t(text.size()), 0) != text.size()) {
        *error = QStringLiteral("%1: cannot write the lock file %2: %3")
                     .arg(QDir::toNativeSeparators(m_casePath), QDir::toNativeSeparators(m_lockPath), systemError());
        ::close(fd);
        return Attempt::Failed;
    }
    m_fd = fd;
    return Attempt::Locked;
}

bool CaseLock::lock(const QString &casePath, const QString &program, int timeoutMs, QString *error, bool *held)
{
    unlock();
    m_casePath = casePath;
    m_lockPath = lockPathFor(casePath);
    m_program = program;
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
    QString why;
    int releasing = 0;
    for (;;) {
        const Attempt a = tryOnce(&why);
        if (a == Attempt::Locked)
            return true;
        // The holder removed its lock file between our open and our lock: it has just finished,
        // so the case is free — try the new file at once, even without --wait (a few times: a
        // third writer may take it first, and then it is held).
        if (a == Attempt::Held && why.isEmpty() && releasing++ < 5)
            continue;
        if (a == Attempt::Failed || deadline.hasExpired()) {
            if (why.isEmpty()) // lost the race for a file its holder was removing, until the end
                why = QStringLiteral("%1 is being changed by another process").arg(QDir::toNativeSeparators(casePath));
            if (error)
                *error = why;
            if (held)
                *held = a == Attempt::Held;
            return false;
        }
        why.clear();
        // Polling (flock has no timeout); a little jitter keeps many waiters from moving in step.
        QThread::msleep(10 + QRandomGenerator::global()->bounded(30));
    }
}

void CaseLock::unlock()
{
    if (m_fd < 0)
        return;
    // Removed while still locked, so nobody can lock the old inode and think they hold the case;
    // a waiter that opened it sees the inode is gone from the path and opens the new file.
    ::unlink(QFile::encodeName(m_lockPath).constData());
    ::close(m_fd);
    m_fd = -1;
}

} // namespace inquest::casefile

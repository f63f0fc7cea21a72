#pragma once

#include <QByteArray>

#include <memory>

namespace inquest {

// Incremental SHA-256. Uses OpenSSL's libcrypto when built with it (SHA-NI: ~1.5 GB/s here),
// else QCryptographicHash (~90 MB/s here, which would cap ingest speed).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, std::size_t size);
    QByteArray hexResult(); // lower-case hex; call once

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace inquest

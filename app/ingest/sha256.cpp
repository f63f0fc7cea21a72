#include "sha256.h"

#ifdef INQUEST_HAVE_OPENSSL
#include <openssl/crypto.h>
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace inquest {

#ifdef INQUEST_HAVE_OPENSSL
struct Sha256::Impl
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Impl()
    {
        EVP_MD_CTX_free(ctx);
        // libcrypto keeps a per-thread error queue (allocated by the first digest call on a
        // thread) that it frees when the thread ends -- unless its own atexit cleanup has run
        // first and deleted the thread key, which happens when libcrypto was first used on a
        // pool thread and Qt's global pool ends its threads after that cleanup. Hashing runs on
        // pool threads, so release the thread's state here: the next hash on this thread
        // allocates it again (a few hundred bytes), and nothing outlives a Sha256 object.
        OPENSSL_thread_stop();
    }
};

Sha256::Sha256()
    : m_impl(std::make_unique<Impl>())
{
    EVP_DigestInit_ex(m_impl->ctx, EVP_sha256(), nullptr);
}

void Sha256::addData(const char *data, std::size_t size) { EVP_DigestUpdate(m_impl->ctx, data, size); }

QByteArray Sha256::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_impl->ctx, digest, &length);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}
#else
struct Sha256::Impl
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

Sha256::Sha256()
    : m_impl(std::make_unique<Impl>())
{
}

void Sha256::addData(const char *data, std::size_t size)
{
    m_impl->hash.addData(QByteArrayView(data, qsizetype(size)));
}

QByteArray Sha256::hexResult() { return m_impl->hash.result().toHex(); }
#endif

Sha256::~Sha256() = default;

} // namespace inquest

#include "core/cipher.h"

#include <limits>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace cardops::core {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

constexpr int kAesBlock = 16;
// EVP takes int lengths; stay far enough below INT_MAX that length + block cannot overflow.
constexpr qsizetype kMaxInput = std::numeric_limits<int>::max() - 2 * kAesBlock;

Error cryptoError(const char* what)
{
    return makeError(ErrorCode::Crypto, QString::fromLatin1(what));
}

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

unsigned char* bytes(QByteArray& v)
{
    return reinterpret_cast<unsigned char*>(v.data());
}

// Wipes a buffer that held plaintext before it is freed or reused: QByteArray never does.
void wipe(QByteArray& buffer)
{
    if (!buffer.isEmpty())
        OPENSSL_cleanse(buffer.data(), static_cast<size_t>(buffer.size()));
}

Result<QByteArray> runEcb(bool encrypt, QByteArrayView input, QByteArrayView key)
{
    if (key.size() != 32)
        return makeError(ErrorCode::Crypto,
                         QStringLiteral("AES-256 key must be 32 bytes, got %1").arg(key.size()));
    if (input.size() > kMaxInput)
        return cryptoError("input too large");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return cryptoError("EVP_CIPHER_CTX_new failed");
    if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_ecb(), nullptr, bytes(key), nullptr, encrypt ? 1 : 0) != 1)
        return cryptoError("AES-256-ECB init failed");

    QByteArray out(input.size() + kAesBlock, Qt::Uninitialized);
    int written = 0;
    if (!input.isEmpty() && EVP_CipherUpdate(ctx.get(), bytes(out), &written, bytes(input),
                                             static_cast<int>(input.size())) != 1) {
        wipe(out);
        return cryptoError("AES-256-ECB update failed");
    }
    int tail = 0;
    if (EVP_CipherFinal_ex(ctx.get(), bytes(out) + written, &tail) != 1) {
        wipe(out);
        return cryptoError(encrypt ? "AES-256-ECB final failed"
                                   : "bad PKCS7 padding (wrong AppSecret or corrupt data)");
    }
    out.truncate(written + tail);
    return out;
}

} // namespace

Result<QByteArray> decryptFuluCard(QByteArrayView base64Ciphertext, QByteArrayView appSecret)
{
    const QByteArray text = base64Ciphertext.trimmed().toByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return cryptoError("card secret is not valid Base64");
    const QByteArray& ciphertext = decoded.decoded;
    if (ciphertext.isEmpty() || ciphertext.size() % kAesBlock != 0)
        return makeError(ErrorCode::Crypto,
                         QStringLiteral("card ciphertext is %1 bytes, not a positive multiple of 16")
                             .arg(ciphertext.size()));
    return runEcb(false, ciphertext, appSecret);
}

Result<QByteArray> encryptFuluCard(QByteArrayView plaintext, QByteArrayView appSecret)
{
    auto encrypted = runEcb(true, plaintext, appSecret);
    if (!encrypted)
        return encrypted.error();
    return encrypted.value().toBase64();
}

Result<QByteArray> generateSealKey()
{
    QByteArray key(kSealKeySize, Qt::Uninitialized);
    if (RAND_bytes(bytes(key), kSealKeySize) != 1)
        return cryptoError("RAND_bytes failed");
    return key;
}

Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    if (key.size() != kSealKeySize)
        return cryptoError("seal key must be 32 bytes");
    if (plaintext.size() > kMaxInput - kSealOverhead || associatedData.size() > kMaxInput - 1)
        return cryptoError("input too large");

    const QByteArray aad = QByteArray(1, kSealVersion) + associatedData.toByteArray();
    QByteArray out(kSealOverhead + plaintext.size(), Qt::Uninitialized);
    out[0] = kSealVersion;
    unsigned char* nonce = bytes(out) + 1;
    unsigned char* body = nonce + kSealNonceSize;
    unsigned char* tag = body + plaintext.size();
    if (RAND_bytes(nonce, kSealNonceSize) != 1)
        return cryptoError("RAND_bytes failed");

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kSealNonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1)
        return cryptoError("AES-256-GCM init failed");
    if (!plaintext.isEmpty() &&
        EVP_EncryptUpdate(ctx.get(), body, &len, bytes(plaintext), static_cast<int>(plaintext.size())) != 1)
        return cryptoError("AES-256-GCM encrypt failed");
    int tail = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), tag, &tail) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kSealTagSize, tag) != 1)
        return cryptoError("AES-256-GCM finish failed");
    return out;
}

Result<QByteArray> open(QByteArrayView key, QByteArrayView sealed, QByteArrayView associatedData)
{
    if (key.size() != kSealKeySize)
        return cryptoError("seal key must be 32 bytes");
    if (sealed.size() < kSealOverhead)
        return cryptoError("sealed data truncated");
    if (sealed.size() > kMaxInput || associatedData.size() > kMaxInput - 1)
        return cryptoError("input too large");
    if (sealed.front() != kSealVersion)
        return cryptoError("unknown sealed-data version");

    const QByteArray aad = QByteArray(1, kSealVersion) + associatedData.toByteArray();
    const QByteArrayView nonce = sealed.sliced(1, kSealNonceSize);
    const QByteArrayView body = sealed.sliced(1 + kSealNonceSize, sealed.size() - kSealOverhead);
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer although it only reads.
    QByteArray tag = sealed.last(kSealTagSize).toByteArray();

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kSealNonceSize, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1)
        return cryptoError("AES-256-GCM init failed");

    QByteArray plaintext(body.size(), Qt::Uninitialized);
    if (!body.isEmpty() && EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &len, bytes(body),
                                             static_cast<int>(body.size())) != 1) {
        wipe(plaintext);
        return cryptoError("AES-256-GCM decrypt failed");
    }
    int tail = 0;
    // Unauthenticated plaintext never leaves this function: it is wiped unless the tag checks out.
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kSealTagSize, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext) + body.size(), &tail) != 1) {
        wipe(plaintext);
        return cryptoError("sealed data failed authentication (tampered, wrong key or wrong "
                           "associated data)");
    }
    return plaintext;
}

} // namespace cardops::core

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

// Symmetric encryption through OpenSSL EVP: Fulu's card-secret format (protocols.md §1.5) and an
// authenticated envelope for secrets held in flight. Stateless free functions: safe from any thread.
// Every failure (bad input, tampering, a failing OpenSSL call) is ErrorCode::Crypto, never a crash.
namespace cardops::core {

// --- Fulu card secrets: Base64( AES-256-ECB( plaintext, key = 32 ASCII bytes of AppSecret ), PKCS7 )

// ECB leaks equal blocks and is unauthenticated; it is what Fulu sends, nothing more.
Result<QByteArray> decryptFuluCard(QByteArrayView base64Ciphertext, QByteArrayView appSecret);
// The inverse, standard Base64 with padding (the simulator encrypts cards this way).
Result<QByteArray> encryptFuluCard(QByteArrayView plaintext, QByteArrayView appSecret);

// --- AES-256-GCM envelope for a secret kept until its delivery is acknowledged

// Layout: version (1 byte) | nonce (12 random bytes) | ciphertext | tag (16 bytes).
// The GCM additional data is the version byte followed by the caller's associatedData, so the
// envelope is bound both to its format and to what it belongs to (e.g. an order number).
inline constexpr int kSealKeySize = 32;
inline constexpr int kSealNonceSize = 12;
inline constexpr int kSealTagSize = 16;
inline constexpr char kSealVersion = 1;
inline constexpr int kSealOverhead = 1 + kSealNonceSize + kSealTagSize;

// kSealKeySize bytes from OpenSSL's CSPRNG.
Result<QByteArray> generateSealKey();

Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData = {});

// The plaintext only when the envelope is intact and key and associatedData match; a wrong key size,
// an unknown version, truncation or any flipped bit is ErrorCode::Crypto.
Result<QByteArray> open(QByteArrayView key, QByteArrayView sealed, QByteArrayView associatedData = {});

} // namespace cardops::core

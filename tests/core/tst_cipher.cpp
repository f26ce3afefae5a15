#include "core/cipher.h"

#include <QtTest>
#include <memory>
#include <openssl/evp.h>

using namespace cardops::core;

namespace {

// Fulu's public sandbox AppSecret (protocols.md §1.2); its 32 ASCII bytes are the AES key.
const QByteArray kFuluSecret = "0a091b3aa4324435aab703142518a8f7";

// Raw AES-256-ECB without padding, straight through EVP, to build ciphertexts whose padding is
// wrong on purpose (the code under test only ever pads correctly).
QByteArray ecbEncryptNoPadding(const QByteArray& block, const QByteArray& key)
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    QByteArray out(block.size() + 16, Qt::Uninitialized);
    int len = 0;
    int tail = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(block.constData());
    auto* dst = reinterpret_cast<unsigned char*>(out.data());
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ecb(), nullptr,
                           reinterpret_cast<const unsigned char*>(key.constData()), nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        EVP_EncryptUpdate(ctx.get(), dst, &len, in, static_cast<int>(block.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), dst + len, &tail) != 1)
        return {};
    out.truncate(len + tail);
    return out;
}

QByteArray testKey()
{
    QByteArray key(kSealKeySize, Qt::Uninitialized);
    for (int i = 0; i < kSealKeySize; ++i)
        key[i] = static_cast<char>(i);
    return key;
}

} // namespace

class TestCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fuluVectors_data();
    void fuluVectors();
    void fuluRoundTrip_data();
    void fuluRoundTrip();
    void fuluRejects_data();
    void fuluRejects();
    void fuluBadPaddingRejected_data();
    void fuluBadPaddingRejected();

    void sealKnownAnswer_data();
    void sealKnownAnswer();
    void sealRoundTrip_data();
    void sealRoundTrip();
    void sealLayoutAndFreshNonce();
    void sealEveryBitFlipRejected();
    void sealTruncationAndExtensionRejected();
    void sealWrongKeyOrAadRejected();
    void sealKeys();
};

void TestCipher::fuluVectors_data()
{
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("plaintext");
    // VERIFIED vectors with the sandbox secret (protocols.md §1.5).
    QTest::newRow("CD…6363045") << QByteArray("Gu8k2+8wDXH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo=")
                                << QByteArray("CD1000590202001040006363045");
    QTest::newRow("CD…2434441") << QByteArray("12nCp6X/nALmrvr1erxK+D4L8n/kqz/RItKWUfvZrCU=")
                                << QByteArray("CD1000250201906121742434441");
    QTest::newRow("CP…2434441") << QByteArray("9HeOgdv+NpLihh2+5Gm0Mj4L8n/kqz/RItKWUfvZrCU=")
                                << QByteArray("CP1000250201906121742434441");
}

void TestCipher::fuluVectors()
{
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, plaintext);
    const auto decrypted = decryptFuluCard(ciphertext, kFuluSecret);
    QVERIFY2(decrypted.ok(), qPrintable(decrypted.ok() ? QString() : decrypted.error().detail));
    QCOMPARE(*decrypted, plaintext);
    // ECB is deterministic, so encryption must reproduce the published ciphertext byte for byte.
    const auto encrypted = encryptFuluCard(plaintext, kFuluSecret);
    QVERIFY(encrypted.ok());
    QCOMPARE(*encrypted, ciphertext);
    // Surrounding whitespace (a pasted value) is tolerated.
    QCOMPARE(*decryptFuluCard(QByteArray(' ' + ciphertext + '\n'), kFuluSecret), plaintext);
}

void TestCipher::fuluRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("15 bytes") << QByteArray(15, 'x');
    QTest::newRow("one block") << QByteArray(16, 'y');
    QTest::newRow("utf-8") << QByteArray("卡密 1234-ABCD");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\x10", 4);
}

void TestCipher::fuluRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    const auto encrypted = encryptFuluCard(plaintext, kFuluSecret);
    QVERIFY(encrypted.ok());
    const auto raw = QByteArray::fromBase64(*encrypted);
    QCOMPARE(raw.size(), (plaintext.size() / 16 + 1) * 16);
    const auto decrypted = decryptFuluCard(*encrypted, kFuluSecret);
    QVERIFY(decrypted.ok());
    QCOMPARE(*decrypted, plaintext);
}

void TestCipher::fuluRejects_data()
{
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("key");
    const QByteArray good = "Gu8k2+8wDXH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo=";
    QTest::newRow("not base64") << QByteArray("Gu8k2+8w!XH3zpNv5MIFjZDTK0m1kvm99iBAKIWwQTo=") << kFuluSecret;
    QTest::newRow("empty") << QByteArray() << kFuluSecret;
    QTest::newRow("not a block multiple") << QByteArray("AAAAAAAAAAAAAAAAAAAA") << kFuluSecret;
    QTest::newRow("key 31 bytes") << good << kFuluSecret.chopped(1);
    QTest::newRow("key 33 bytes") << good << kFuluSecret + 'x';
    QTest::newRow("key empty") << good << QByteArray();
    QTest::newRow("key is hex-decoded secret") << good << QByteArray::fromHex(kFuluSecret);
}

void TestCipher::fuluRejects()
{
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, key);
    const auto decrypted = decryptFuluCard(ciphertext, key);
    QVERIFY(!decrypted.ok());
    QCOMPARE(static_cast<int>(decrypted.error().code), static_cast<int>(ErrorCode::Crypto));
    QVERIFY(!decrypted.error().detail.isEmpty());
}

void TestCipher::fuluBadPaddingRejected_data()
{
    QTest::addColumn<QByteArray>("lastBlock");
    QByteArray zero(16, 'A');
    zero[15] = '\0';
    QByteArray tooLong(16, 'A');
    tooLong[15] = '\x11';
    QByteArray inconsistent(16, 'A');
    inconsistent[15] = '\x02'; // claims two padding bytes, the one before is 'A'
    QTest::newRow("pad byte 0") << zero;
    QTest::newRow("pad byte 17") << tooLong;
    QTest::newRow("inconsistent pad") << inconsistent;
}

void TestCipher::fuluBadPaddingRejected()
{
    QFETCH(QByteArray, lastBlock);
    const QByteArray ciphertext = ecbEncryptNoPadding(QByteArray(16, 'B') + lastBlock, kFuluSecret);
    QCOMPARE(ciphertext.size(), 32);
    const auto decrypted = decryptFuluCard(ciphertext.toBase64(), kFuluSecret);
    QVERIFY(!decrypted.ok());
    QCOMPARE(static_cast<int>(decrypted.error().code), static_cast<int>(ErrorCode::Crypto));

    // The same bytes with valid padding decrypt, so the rejection above is about the padding.
    QByteArray padded = lastBlock;
    padded[15] = '\x01';
    const auto good = decryptFuluCard(
        ecbEncryptNoPadding(QByteArray(16, 'B') + padded, kFuluSecret).toBase64(), kFuluSecret);
    QVERIFY(good.ok());
    QCOMPARE(*good, QByteArray(16, 'B') + padded.chopped(1));
}

void TestCipher::sealKnownAnswer_data()
{
    QTest::addColumn<QByteArray>("sealed");
    QTest::addColumn<QByteArray>("associatedData");
    QTest::addColumn<QByteArray>("plaintext");
    // Built independently with Python's cryptography package, pinning the layout:
    //   key = bytes(range(32)); nonce = bytes(range(0xa0, 0xac))
    //   b'\x01' + nonce + AESGCM(key).encrypt(nonce, plaintext, b'\x01' + associatedData)
    QTest::newRow("card") << QByteArray::fromHex(
                                 "01a0a1a2a3a4a5a6a7a8a9aaaba55c4d1d75fb37865257b7e1374af1ee449c6920"
                                 "a484745fac3a13b7020c0172b55e0ad0e182f92b9e3ba4")
                          << QByteArray("order:CO1234567890123456")
                          << QByteArray("CD1000590202001040006363045");
    QTest::newRow("empty") << QByteArray::fromHex(
                                  "01a0a1a2a3a4a5a6a7a8a9aaabaab70c9d092f9006fea72c9c4e4eaff4")
                           << QByteArray() << QByteArray();
}

void TestCipher::sealKnownAnswer()
{
    QFETCH(QByteArray, sealed);
    QFETCH(QByteArray, associatedData);
    QFETCH(QByteArray, plaintext);
    const auto opened = open(testKey(), sealed, associatedData);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
    QCOMPARE(*opened, plaintext);
}

void TestCipher::sealRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("associatedData");
    QTest::newRow("card with order") << QByteArray("CD1000590202001040006363045")
                                     << QByteArray("order:CO1234567890123456");
    QTest::newRow("empty plaintext") << QByteArray() << QByteArray("order:1");
    QTest::newRow("no aad") << QByteArray("secret") << QByteArray();
    QTest::newRow("large") << QByteArray(100000, 'z') << QByteArray(1000, 'a');
    QTest::newRow("binary") << QByteArray("\x00\xff\x00", 3) << QByteArray("\x00", 1);
}

void TestCipher::sealRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, associatedData);
    const auto key = generateSealKey();
    QVERIFY(key.ok());
    const auto sealed = seal(*key, plaintext, associatedData);
    QVERIFY(sealed.ok());
    QCOMPARE(sealed->size(), plaintext.size() + kSealOverhead);
    const auto opened = open(*key, *sealed, associatedData);
    QVERIFY(opened.ok());
    QCOMPARE(*opened, plaintext);
}

void TestCipher::sealLayoutAndFreshNonce()
{
    const QByteArray key = testKey();
    const QByteArray plaintext = "CD1000590202001040006363045";
    const auto a = seal(key, plaintext, "order:1");
    const auto b = seal(key, plaintext, "order:1");
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->at(0), kSealVersion);
    QVERIFY(a->sliced(1, kSealNonceSize) != b->sliced(1, kSealNonceSize));
    QVERIFY(*a != *b);
    QVERIFY(!a->contains(plaintext));
}

void TestCipher::sealEveryBitFlipRejected()
{
    const QByteArray key = testKey();
    const auto sealed = seal(key, "CD1000590202001040006363045", "order:1");
    QVERIFY(sealed.ok());
    // Version, nonce, ciphertext and tag: one flipped bit anywhere must fail authentication.
    for (qsizetype i = 0; i < sealed->size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray tampered = *sealed;
            tampered[i] = static_cast<char>(tampered.at(i) ^ (1 << bit));
            const auto opened = open(key, tampered, "order:1");
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1 bit %2").arg(i).arg(bit)));
            QCOMPARE(static_cast<int>(opened.error().code), static_cast<int>(ErrorCode::Crypto));
        }
    }
}

void TestCipher::sealTruncationAndExtensionRejected()
{
    const QByteArray key = testKey();
    const auto sealed = seal(key, "secret", "aad");
    QVERIFY(sealed.ok());
    for (qsizetype length = 0; length < sealed->size(); ++length)
        QVERIFY2(!open(key, sealed->first(length), "aad").ok(), qPrintable(QString::number(length)));
    QVERIFY(!open(key, QByteArray(*sealed + '\0'), "aad").ok());
    QVERIFY(!open(key, sealed->sliced(1), "aad").ok());
}

void TestCipher::sealWrongKeyOrAadRejected()
{
    const QByteArray key = testKey();
    const auto sealed = seal(key, "secret", "order:1");
    QVERIFY(sealed.ok());
    QVERIFY(open(key, *sealed, "order:1").ok());

    QByteArray otherKey = key;
    otherKey[0] = '\x7f';
    QCOMPARE(static_cast<int>(open(otherKey, *sealed, "order:1").error().code),
             static_cast<int>(ErrorCode::Crypto));
    QVERIFY(!open(key, *sealed, "order:2").ok());
    QVERIFY(!open(key, *sealed, {}).ok());
    QVERIFY(!open(key.chopped(1), *sealed, "order:1").ok());
    QVERIFY(!open(QByteArray(key + 'x'), *sealed, "order:1").ok());
    QVERIFY(!seal(key.chopped(1), "secret", "order:1").ok());
    QCOMPARE(static_cast<int>(seal({}, "secret").error().code), static_cast<int>(ErrorCode::Crypto));
}

void TestCipher::sealKeys()
{
    const auto a = generateSealKey();
    const auto b = generateSealKey();
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), kSealKeySize);
    QCOMPARE(b->size(), kSealKeySize);
    QVERIFY(*a != *b);
}

QTEST_GUILESS_MAIN(TestCipher)
#include "tst_cipher.moc"

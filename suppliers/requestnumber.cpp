#include "suppliers/requestnumber.h"

#include <QCryptographicHash>
#include <algorithm>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

namespace {

constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr quint64 kBase = 36;

bool isBase36(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

quint64 maxTimeValue()
{
    quint64 v = 1;
    for (int i = 0; i < RequestNoGenerator::kTimeLength; ++i)
        v *= kBase;
    return v - 1;
}

} // namespace

RequestNoGenerator::RequestNoGenerator(QByteArray prefix, const core::Clock& clock)
    : m_prefix(std::move(prefix))
    , m_clock(clock)
{}

bool RequestNoGenerator::isValidPrefix(QByteArrayView prefix)
{
    return prefix.size() == kPrefixLength && std::all_of(prefix.begin(), prefix.end(), isBase36);
}

bool RequestNoGenerator::isWellFormed(QByteArrayView number)
{
    return number.size() == kLength && std::all_of(number.begin(), number.end(), isBase36);
}

qint64 RequestNoGenerator::timeOf(QByteArrayView number)
{
    if (!isWellFormed(number))
        return -1;
    quint64 v = 0;
    for (const char c : number.sliced(kPrefixLength, kTimeLength))
        v = v * kBase + static_cast<quint64>(c <= '9' ? c - '0' : c - 'A' + 10);
    return static_cast<qint64>(v) + kEpochMs;
}

core::Result<QByteArray> RequestNoGenerator::next()
{
    if (!isValidPrefix(m_prefix))
        return core::makeError(core::ErrorCode::InvalidArgument,
                               u"request_no prefix must be 3 of [0-9A-Z], got '"_s +
                                   QString::fromLatin1(m_prefix) + u'\'');
    qint64 ms = m_clock.nowMilliseconds() - kEpochMs;
    if (ms < 0)
        return core::makeError(core::ErrorCode::InvalidArgument, u"clock before 2020"_s);
    ms = std::max(ms, m_lastMs + 1);
    if (static_cast<quint64>(ms) > maxTimeValue())
        return core::makeError(core::ErrorCode::InvalidArgument, u"clock past the request_no range"_s);

    unsigned char random[kRandomLength * 2];
    if (RAND_bytes(random, sizeof random) != 1)
        return core::makeError(core::ErrorCode::Crypto, u"RAND_bytes failed"_s);
    // Two random bytes per symbol: 65536 mod 36 = 16, a bias below 0.03 % per symbol.
    QByteArray out = m_prefix;
    out.resize(kLength);
    auto t = static_cast<quint64>(ms);
    for (int i = kTimeLength - 1; i >= 0; --i) {
        out[kPrefixLength + i] = kDigits[t % kBase];
        t /= kBase;
    }
    for (int i = 0; i < kRandomLength; ++i) {
        const unsigned v = (unsigned{random[2 * i]} << 8) | random[2 * i + 1];
        out[kPrefixLength + kTimeLength + i] = kDigits[v % kBase];
    }
    m_lastMs = ms;
    return out;
}

QByteArray RequestNoGenerator::forOrder(QByteArrayView shopTag, qint64 orderId, int attempt)
{
    constexpr qint64 kLimit = 4738381338321616896; // 36^12
    if (shopTag.size() != 5 || orderId < 1 || orderId >= kLimit || attempt < 0 || attempt > 35)
        return {};
    static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QByteArray number(kLength, '0');
    std::copy(shopTag.begin(), shopTag.end(), number.begin());
    number[5] = 'F';
    for (int i = 17; i >= 6; --i) {
        number[i] = kDigits[orderId % 36];
        orderId /= 36;
    }
    number[18] = kDigits[attempt];
    return number;
}

QByteArray RequestNoGenerator::shopTag(QByteArrayView shopKey)
{
    static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const QByteArray digest = QCryptographicHash::hash(shopKey, QCryptographicHash::Sha256);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | static_cast<quint8>(digest.at(i));
    QByteArray tag(5, '0');
    for (int i = 4; i >= 0; --i) {
        tag[i] = kDigits[value % 36];
        value /= 36;
    }
    return tag;
}

} // namespace cardops::suppliers

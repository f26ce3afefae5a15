#pragma once

#include "core/clock.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

// External order numbers for acg-faka's request_no (protocols.md §2.3, §2.4).
//
// acg-faka keeps request_no in a CHAR(19) column that is UNIQUE across the whole upstream store
// (every downstream shop docked to it, not only ours); a longer value makes trade fail with an HTML
// page. So a number is exactly 19 ASCII characters:
//
//     PPP TTTTTTTT RRRRRRRR
//     │   │        └ 8 × base36 from OpenSSL's CSPRNG (about 41 bits)
//     │   └ 8 × base36 of milliseconds since 2020-01-01T00:00:00Z (lasts until 2109)
//     └ the shop prefix: 3 × [0-9A-Z], chosen per shop profile
//
// Digits and upper-case letters only, so the value survives any collation, URL or form encoding,
// and numbers sort by time. Within one generator the time part strictly increases (a clock that
// steps back, or two numbers in the same millisecond, advance it by one), so a generator never
// repeats itself; the random part separates generators (other consoles, other shops on the same
// upstream, a restarted process). The number is committed with the purchase intent before the trade
// is sent and is never reused.
//
// Not thread-safe: one generator per thread (the purchasing worker's).
namespace cardops::suppliers {

class RequestNoGenerator
{
public:
    static constexpr int kPrefixLength = 3;
    static constexpr int kTimeLength = 8;
    static constexpr int kRandomLength = 8;
    static constexpr int kLength = kPrefixLength + kTimeLength + kRandomLength; // 19
    static constexpr qint64 kEpochMs = 1577836800000;                           // 2020-01-01T00:00:00Z

    // prefix: exactly 3 of [0-9A-Z]. The clock must outlive the generator.
    RequestNoGenerator(QByteArray prefix, const core::Clock& clock);

    // A new number; InvalidArgument for a bad prefix or a clock before 2020 or after 2109, Crypto
    // when the CSPRNG fails.
    core::Result<QByteArray> next();

    // The number of the purchase made for platform order `orderId` from its candidate `attempt`
    // (the primary 0, then fallbacks): the same in every console of the shop, so a purchase that a
    // crashed or paused console started meets the supplier's own idempotency when another console
    // takes over (Fulu answers with the first order; acg-faka refuses "request ID already exists",
    // which CardOps records as unknown) and is never bought twice (docs/fulfilment.md):
    //
    //     SSSSS F OOOOOOOOOOOO A
    //     │     │ │            └ the attempt, 1 × base36
    //     │     │ └ the order id, 12 × base36
    //     │     └ marks a fulfilment number (time-based numbers have a digit or letter there too,
    //     │       but their first 5 characters are the 3-character prefix and 2 of time)
    //     └ shopTag(): the shop, the same for every console docked to it
    //
    // Empty for an order id outside 1 … 36^12 − 1 or an attempt outside 0 … 35.
    static QByteArray forOrder(QByteArrayView shopTag, qint64 orderId, int attempt);
    // 5 × base36 of SHA-256 of what names the shop (its platform address and app id).
    static QByteArray shopTag(QByteArrayView shopKey);

    static bool isValidPrefix(QByteArrayView prefix);
    // Shape check of a number this scheme makes (19 characters, prefix and body in [0-9A-Z]).
    static bool isWellFormed(QByteArrayView number);
    // The time part back as unix milliseconds; -1 when the number is not well formed.
    static qint64 timeOf(QByteArrayView number);

private:
    QByteArray m_prefix;
    const core::Clock& m_clock;
    qint64 m_lastMs = -1; // time part of the previous number, in ms since kEpochMs
};

} // namespace cardops::suppliers

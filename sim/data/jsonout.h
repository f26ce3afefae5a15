#pragma once

#include "core/money.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

// Fast JSON text writers for the simulator's responses: append straight into a QByteArray with no
// intermediate QString or QJsonObject. Output equals Qt's/Money's own formatting (tests check it).
namespace cardops::sim::json {

void appendInt(QByteArray& out, qint64 value);
// Money as a JSON string with exactly 4 decimals: "12.3400", "-0.0100" (= Money::toString(4)).
void appendMoney(QByteArray& out, core::Money value);
// A JSON string of UTF-8 text, escaping '"', '\\' and control characters.
void appendString(QByteArray& out, QByteArrayView utf8);
// A rate as a percent string with ppm precision: "1.5%", "100%", "0%".
void appendPercent(QByteArray& out, core::Rate rate);
QByteArray percentText(core::Rate rate);
inline void appendBool(QByteArray& out, bool value)
{
    out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

// Asia/Shanghai civil time of a unix second.
struct CivilTime
{
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};
CivilTime shanghaiTime(qint64 unixSeconds);
// "YYYY-MM-DD" of a core::businessDay number, and back (0 on malformed text).
QByteArray dayText(qint64 businessDay);
// {"holder":…,"expires_at":…}: the fulfilment lease as the lease calls and GET /v1/shop show it.
QByteArray leaseJson(QByteArrayView holder, qint64 expiresAt);
bool parseDay(QByteArrayView text, qint64* businessDay);
// Appends the 14 digits yyyyMMddHHmmss (Shanghai) of a unix second.
void appendCompactTime(QByteArray& out, qint64 unixSeconds);

} // namespace cardops::sim::json

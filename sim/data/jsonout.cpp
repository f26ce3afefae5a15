#include "sim/data/jsonout.h"

#include "core/clock.h"

namespace cardops::sim::json {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
qint64 daysFromCivil(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, int* year, int* month, int* day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    *year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    *month = static_cast<int>(m);
    *day = static_cast<int>(d);
}

void appendDigits(QByteArray& out, qint64 value, int width)
{
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, width);
}

} // namespace

void appendInt(QByteArray& out, qint64 value)
{
    char buf[24];
    int pos = 24;
    const bool negative = value < 0;
    quint64 v = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        buf[--pos] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (negative)
        buf[--pos] = '-';
    out.append(buf + pos, 24 - pos);
}

void appendMoney(QByteArray& out, core::Money value)
{
    const qint64 units = value.units();
    const bool negative = units < 0;
    const quint64 abs = negative ? 0 - static_cast<quint64>(units) : static_cast<quint64>(units);
    char buf[32];
    int pos = 32;
    buf[--pos] = '"';
    quint64 frac = abs % 10000;
    for (int i = 0; i < 4; ++i) {
        buf[--pos] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    buf[--pos] = '.';
    quint64 whole = abs / 10000;
    do {
        buf[--pos] = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    if (negative)
        buf[--pos] = '-';
    buf[--pos] = '"';
    out.append(buf + pos, 32 - pos);
}

void appendString(QByteArray& out, QByteArrayView utf8)
{
    out.append('"');
    qsizetype runStart = 0;
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(utf8.data() + runStart, n - runStart);
    out.append('"');
}

QByteArray percentText(core::Rate rate)
{
    // ppm of the ratio = percent × 10^4: up to 4 decimals of the percentage.
    QByteArray out;
    qint64 ppm = rate.ppm();
    if (ppm < 0) {
        out.append('-');
        ppm = -ppm;
    }
    appendInt(out, ppm / 10000);
    qint64 frac = ppm % 10000;
    if (frac != 0) {
        out.append('.');
        int width = 4;
        while (frac % 10 == 0) {
            frac /= 10;
            --width;
        }
        appendDigits(out, frac, width);
    }
    out.append('%');
    return out;
}

void appendPercent(QByteArray& out, core::Rate rate)
{
    out.append('"');
    out.append(percentText(rate));
    out.append('"');
}

CivilTime shanghaiTime(qint64 unixSeconds)
{
    const qint64 local = unixSeconds + core::ShanghaiOffsetSeconds;
    const qint64 day = core::businessDay(unixSeconds);
    const qint64 secs = local - day * 86400;
    CivilTime t;
    civilFromDays(day, &t.year, &t.month, &t.day);
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>(secs / 60 % 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

QByteArray dayText(qint64 businessDay)
{
    int y = 0;
    int m = 0;
    int d = 0;
    civilFromDays(businessDay, &y, &m, &d);
    QByteArray out;
    out.reserve(10);
    appendDigits(out, y, 4);
    out.append('-');
    appendDigits(out, m, 2);
    out.append('-');
    appendDigits(out, d, 2);
    return out;
}

bool parseDay(QByteArrayView text, qint64* businessDay)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    auto num = [&](qsizetype from, qsizetype len, qint64* v) {
        *v = 0;
        for (qsizetype i = from; i < from + len; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
            *v = *v * 10 + (text[i] - '0');
        }
        return true;
    };
    qint64 y = 0;
    qint64 m = 0;
    qint64 d = 0;
    if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    const qint64 days = daysFromCivil(y, m, d);
    int cy = 0;
    int cm = 0;
    int cd = 0;
    civilFromDays(days, &cy, &cm, &cd);
    if (cy != y || cm != m || cd != d)
        return false; // 2026-02-30
    *businessDay = days;
    return true;
}

void appendCompactTime(QByteArray& out, qint64 unixSeconds)
{
    const CivilTime t = shanghaiTime(unixSeconds);
    appendDigits(out, t.year, 4);
    appendDigits(out, t.month, 2);
    appendDigits(out, t.day, 2);
    appendDigits(out, t.hour, 2);
    appendDigits(out, t.minute, 2);
    appendDigits(out, t.second, 2);
}

QByteArray leaseJson(QByteArrayView holder, qint64 expiresAt)
{
    QByteArray out = "{\"holder\":";
    appendString(out, holder);
    out += ",\"expires_at\":";
    appendInt(out, expiresAt);
    out += '}';
    return out;
}

} // namespace cardops::sim::json

#pragma once

// Shared pieces of the platform conformance suite's checks (tests/support/platformchecks.cpp,
// platformwritechecks.cpp); not for other tests.
#include "tests/support/platformconformance.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace cardops::test::conformance {

using namespace Qt::StringLiterals;
using Reply = PlatformClient::Reply;

// Ids no platform of the tests holds.
constexpr QByteArrayView kNoId = "999999999";

inline const QStringList kProtocolCapabilities = {
    u"categories"_s,    u"goods"_s,         u"goods.write"_s, u"cards"_s,          u"members"_s,
    u"members.write"_s, u"tiers"_s,         u"orders"_s,      u"orders.deliver"_s, u"ledger"_s,
    u"withdrawals"_s,   u"reports.daily"_s, u"lease"_s};
inline const QStringList kAllFeeds = {u"categories"_s, u"goods"_s,  u"members"_s,
                                      u"orders"_s,     u"ledger"_s, u"withdrawals"_s};

// Empty when the reply is `status` with `code`, else what happened.
inline QString answerProblem(const char* what, const Reply& r, int status, int code)
{
    if (r.status == status && r.code() == code)
        return {};
    return u"%1: expected %2/%3, got %4"_s.arg(QLatin1StringView(what))
        .arg(status)
        .arg(code)
        .arg(r.describe());
}

#define CHECK_ANSWER(what, reply, status, code)                                                              \
    do {                                                                                                     \
        const QString problem = answerProblem(what, reply, status, code);                                    \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                    \
    } while (false)

// Empty when the body is the protocol's envelope: an object with an integer `code` and a string
// `message`; code 0 only with HTTP 200, "ok" and `data`; else code / 100 is the HTTP status.
inline QString envelopeProblem(const Reply& r)
{
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return u"not a JSON object: "_s + r.describe();
    const QJsonObject o = doc.object();
    const QJsonValue code = o.value(u"code");
    if (!code.isDouble() || code.toDouble() != static_cast<double>(code.toInteger()))
        return u"no integer code: "_s + r.describe();
    if (!o.value(u"message").isString())
        return u"no string message: "_s + r.describe();
    if (code.toInteger() == 0 &&
        (r.status != 200 || o.value(u"message").toString() != u"ok"_s || !o.contains(u"data")))
        return u"code 0 needs 200, \"ok\" and data: "_s + r.describe();
    if (code.toInteger() != 0 && code.toInteger() / 100 != r.status)
        return u"code does not match the HTTP status: "_s + r.describe();
    return {};
}

inline QList<qint64> idsOf(const QJsonArray& items)
{
    QList<qint64> out;
    for (const QJsonValue& v : items)
        out << v.toObject().value(u"id").toInteger();
    return out;
}

// Each id once, at its last position (a feed serves an entity changed twice at its latest change).
inline QList<qint64> lastOccurrences(const QList<qint64>& ids)
{
    QList<qint64> out;
    for (qsizetype i = 0; i < ids.size(); ++i)
        if (!ids.mid(i + 1).contains(ids[i]))
            out << ids[i];
    return out;
}

inline QString itemProblem(const QJsonValue& v)
{
    const QJsonObject o = v.toObject();
    if (!v.isObject() || o.value(u"id").toInteger() <= 0 || o.value(u"version").toInteger() <= 0 ||
        !o.value(u"updated_at").isDouble())
        return u"item without positive id and version and an updated_at: "_s +
               QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return {};
}

// Empty when the page has the feed's shape and at most `limit` items.
inline QString pageProblem(const Reply& r, int limit)
{
    static const QRegularExpression cursorText(u"^[A-Za-z0-9_-]+$"_s);
    if (r.status != 200 || r.code() != 0)
        return u"page refused: "_s + r.describe();
    const QJsonObject d = r.data();
    if (!d.value(u"items").isArray() || !d.value(u"has_more").isBool() || !d.value(u"next_cursor").isString())
        return u"page without items, has_more and a string next_cursor: "_s + r.describe();
    const QJsonArray items = d.value(u"items").toArray();
    if (items.size() > limit)
        return u"more items than the limit: "_s + r.describe();
    if (d.value(u"has_more").toBool() && items.isEmpty())
        return u"has_more with an empty page: "_s + r.describe();
    if (!cursorText.match(d.value(u"next_cursor").toString()).hasMatch())
        return u"next_cursor outside [A-Za-z0-9_-]: "_s + r.describe();
    for (const QJsonValue& v : items)
        if (const QString p = itemProblem(v); !p.isEmpty())
            return p;
    return {};
}

inline QByteArray feedTarget(const QString& feed, const QByteArray& query)
{
    return "/v1/" + feed.toLatin1() + (query.isEmpty() ? QByteArray() : '?' + query);
}

// An action of a capability, probed on ids no platform holds: served (the answer when listed) or

} // namespace cardops::test::conformance

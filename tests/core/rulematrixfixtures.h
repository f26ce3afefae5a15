#pragma once

#include "core/rulematrix.h"

#include <QDateTime>
#include <QtTest>
#include <functional>

// Builders for rule matrix tests: an ordinary order and its context, which rows then change in the
// one field they test. Header-only so later fulfilment tests can reuse them.
namespace cardops::core::fixtures {

inline Money m(const char* text)
{
    const auto r = Money::parse(QString::fromLatin1(text));
    if (!r)
        qFatal("bad money literal in test: %s", text);
    return *r;
}

inline Rate rate(const char* text)
{
    const auto r = Rate::parse(QString::fromLatin1(text));
    if (!r)
        qFatal("bad rate literal in test: %s", text);
    return *r;
}

// Rows give instants in UTC, as the platform sends them; the rule converts to Shanghai itself.
inline qint64 utc(const char* isoUtc)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate);
    if (!t.isValid())
        qFatal("bad time literal in test: %s", isoUtc);
    return t.toSecsSinceEpoch();
}

inline int hm(int hour, int minute)
{
    return hour * 60 + minute;
}

// A paid, handed-over card order at 12:00 Shanghai; rows change what they test.
inline Order order(const std::function<void(Order&)>& change = {})
{
    Order o;
    o.id = 1000001;
    o.orderNo = QStringLiteral("20261128123456000001");
    o.memberId = 88;
    o.goodsId = 17;
    o.quantity = 1;
    o.unitPrice = m("98.5000");
    o.amount = m("98.5000");
    o.paidAmount = m("98.5000");
    o.costAtOrder = m("95.2000");
    o.status = QStringLiteral("handed_over");
    o.handedOver = true;
    o.createdAt = utc("2026-11-28T03:59:30Z");
    o.paidAt = utc("2026-11-28T04:00:00Z");
    if (change)
        change(o);
    return o;
}

inline OrderContext context(const std::function<void(OrderContext&)>& change = {})
{
    OrderContext c;
    c.goods.id = 17;
    c.goods.kind = QStringLiteral("card");
    c.member.id = 88;
    c.member.contact = QStringLiteral("13800000000");
    c.usualQuantity = 1;
    c.previousPaidOrders = 3;
    if (change)
        change(c);
    return c;
}

inline Blacklist blacklist()
{
    Blacklist b;
    b.addMember(99);
    b.addContact(QStringLiteral("１３９ 0000 1111")); // full-width digits, spaces: as typed in an IME
    b.addChargeAccount(QStringLiteral(" QQ12345 "));
    return b;
}

inline Rule rule(const char* id, Condition c, Action a, bool enabled = true)
{
    return Rule{QString::fromLatin1(id), {}, enabled, std::move(c), std::move(a)};
}

inline RuleSet set(qint64 version, QList<Rule> rules)
{
    auto r = RuleSet::make(version, std::move(rules));
    if (!r)
        qFatal("bad rule set in test: %s", qPrintable(r.error().detail));
    return *r;
}

inline QString s(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace cardops::core::fixtures

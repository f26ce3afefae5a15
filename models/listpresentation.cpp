#include "models/listpresentation.h"

#include "core/csvexport.h"
#include "core/money.h"

using namespace Qt::StringLiterals;

namespace cardops::models {

namespace {

bool isMoney(const QString& column)
{
    static const QStringList money = {u"amount"_s,        u"price"_s,         u"cost"_s,
                                      u"balance"_s,       u"gmv"_s,           u"refunds"_s,
                                      u"commissions"_s,   u"paid_amount"_s,   u"unit_price"_s,
                                      u"cost_at_order"_s, u"refund_amount"_s, u"profit"_s};
    return money.contains(column);
}

bool isTime(const QString& column)
{
    return column == u"created_at" || column == u"registered_at" || column == u"at" || column == u"paid_at" ||
           column == u"delivered_at";
}

} // namespace

QString ListPresentation::columnTitle(storage::ListKind kind, const QString& column)
{
    if (column == u"id")
        return kind == storage::ListKind::AuditLog ? tr("No.") : tr("ID");
    if (column == u"order_no")
        return tr("Order no.");
    if (column == u"created_at")
        return tr("Created");
    if (column == u"member")
        return tr("Member");
    if (column == u"goods")
        return tr("Goods");
    if (column == u"quantity")
        return tr("Qty");
    if (column == u"amount")
        return tr("Amount");
    if (column == u"status")
        return tr("Status");
    if (column == u"charge_account")
        return tr("Charge account");
    if (column == u"pay_channel")
        return tr("Payment");
    if (column == u"unit_price")
        return tr("Unit price");
    if (column == u"paid_amount")
        return tr("Paid amount");
    if (column == u"cost_at_order")
        return tr("Cost");
    if (column == u"profit")
        return tr("Gross profit");
    if (column == u"refund_amount")
        return tr("Refunded");
    if (column == u"paid_at")
        return tr("Paid at");
    if (column == u"delivered_at")
        return tr("Delivered at");
    if (column == u"sku")
        return tr("SKU");
    if (column == u"name")
        return tr("Name");
    if (column == u"category")
        return tr("Category");
    if (column == u"price")
        return tr("Price");
    if (column == u"cost")
        return tr("Cost");
    if (column == u"stock_available")
        return tr("Stock");
    if (column == u"fulfilment_owner")
        return tr("Delivered by");
    if (column == u"kind")
        return tr("Kind");
    if (column == u"tier")
        return tr("Tier");
    if (column == u"parent_id")
        return tr("Upline");
    if (column == u"contact")
        return tr("Contact");
    if (column == u"balance")
        return tr("Balance");
    if (column == u"registered_at")
        return tr("Registered");
    if (column == u"at")
        return tr("Time");
    if (column == u"operator")
        return tr("Operator");
    if (column == u"action")
        return tr("Action");
    if (column == u"entity")
        return tr("Object");
    if (column == u"entity_id")
        return tr("Object id");
    if (column == u"detail")
        return tr("Detail");
    if (column == u"day")
        return tr("Business day");
    if (column == u"orders")
        return tr("Orders");
    if (column == u"gmv")
        return tr("GMV");
    if (column == u"refunds")
        return tr("Refunds");
    if (column == u"commissions")
        return tr("Commissions");
    return column;
}

bool ListPresentation::isNumeric(const QString& column)
{
    return isMoney(column) || column == u"quantity" || column == u"stock_available" || column == u"orders" ||
           column == u"id";
}

QString ListPresentation::display(const QString& column, const QVariant& raw)
{
    if (isMoney(column))
        return core::Money::fromUnits(raw.toLongLong()).toString(2);
    if (isTime(column))
        return raw.toLongLong() > 0 ? core::formatShanghaiTime(raw.toLongLong()) : QString();
    const QString text = raw.toString();
    if (column == u"status")
        return orderStatus(text);
    if (column == u"kind")
        return memberKind(text);
    if (column == u"fulfilment_owner")
        return fulfilmentOwner(text);
    if (column == u"pay_channel")
        return payChannel(text);
    if (column == u"action")
        return auditAction(text);
    if (column == u"entity")
        return auditEntity(text);
    if (column == u"parent_id")
        return raw.toLongLong() == 0 ? QString() : text;
    return text;
}

QString ListPresentation::orderStatus(const QString& code)
{
    if (code == u"unpaid")
        return tr("Unpaid");
    if (code == u"paid")
        return tr("Paid");
    if (code == u"handed_over")
        return tr("Handed to CardOps");
    if (code == u"delivering")
        return tr("Delivering");
    if (code == u"delivered")
        return tr("Delivered");
    if (code == u"review")
        return tr("Awaiting review");
    if (code == u"refunded")
        return tr("Refunded");
    if (code == u"cancelled")
        return tr("Cancelled");
    // Goods statuses share the column name.
    return goodsStatus(code);
}

QString ListPresentation::goodsStatus(const QString& code)
{
    if (code == u"on")
        return tr("On sale");
    if (code == u"off")
        return tr("Off shelf");
    return code;
}

QString ListPresentation::memberKind(const QString& code)
{
    if (code == u"consumer")
        return tr("Consumer");
    if (code == u"agent")
        return tr("Agent");
    if (code == u"enterprise")
        return tr("Enterprise");
    return code;
}

QString ListPresentation::fulfilmentOwner(const QString& code)
{
    if (code == u"platform")
        return tr("Platform");
    if (code == u"cardops")
        return tr("Via CardOps");
    return code;
}

QString ListPresentation::payChannel(const QString& code)
{
    if (code == u"alipay")
        return tr("Alipay");
    if (code == u"wechat")
        return tr("WeChat Pay");
    if (code == u"balance")
        return tr("Balance");
    return code;
}

QString ListPresentation::auditAction(const QString& code)
{
    if (code == u"console.open")
        return tr("Opened the console");
    if (code == u"operator.create")
        return tr("Added an operator");
    if (code == u"operator.set_role")
        return tr("Changed a role");
    if (code == u"operator.activate")
        return tr("Enabled an operator");
    if (code == u"operator.deactivate")
        return tr("Disabled an operator");
    if (code == u"edit")
        return tr("Edited");
    if (code == u"outbox.retry")
        return tr("Retried a local edit");
    if (code == u"outbox.drop")
        return tr("Dropped a local edit");
    if (code.startsWith(u"conflict."))
        return tr("Resolved a conflict");
    return code;
}

QString ListPresentation::auditEntity(const QString& code)
{
    if (code == u"profile")
        return tr("Profile");
    if (code == u"operator")
        return tr("Operator");
    if (code == u"goods")
        return tr("Goods");
    if (code == u"members")
        return tr("Member");
    if (code == u"categories")
        return tr("Category");
    if (code == u"tiers")
        return tr("Tier ladder");
    return code;
}

QList<QPair<QString, QString>> ListPresentation::filterChoices(storage::ListKind kind)
{
    QList<QPair<QString, QString>> out;
    switch (kind) {
    case storage::ListKind::Orders:
        out.append({QString(), tr("All statuses")});
        for (const QString& s : {u"paid"_s, u"handed_over"_s, u"review"_s, u"delivering"_s, u"delivered"_s,
                                 u"refunded"_s, u"unpaid"_s, u"cancelled"_s})
            out.append({s, orderStatus(s)});
        break;
    case storage::ListKind::Goods:
        out = {{QString(), tr("All goods")},
               {u"on"_s, goodsStatus(u"on"_s)},
               {u"off"_s, goodsStatus(u"off"_s)},
               {u"low_stock"_s, tr("Low stock")}};
        break;
    case storage::ListKind::Members:
        out = {{QString(), tr("All kinds")},
               {u"consumer"_s, memberKind(u"consumer"_s)},
               {u"agent"_s, memberKind(u"agent"_s)},
               {u"enterprise"_s, memberKind(u"enterprise"_s)}};
        break;
    case storage::ListKind::AuditLog:
    case storage::ListKind::DailyTotals:
        break;
    }
    return out;
}

QString ListPresentation::searchHint(storage::ListKind kind)
{
    switch (kind) {
    case storage::ListKind::Orders:
        return tr("Order number (prefix)");
    case storage::ListKind::Goods:
        return tr("Name or SKU");
    case storage::ListKind::Members:
        return tr("Name, contact or member id");
    case storage::ListKind::AuditLog:
        return tr("Action, object or detail");
    case storage::ListKind::DailyTotals:
        break;
    }
    return {};
}

} // namespace cardops::models

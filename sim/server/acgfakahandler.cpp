#include "sim/server/acgfakahandler.h"

#include "sim/data/jsonout.h"

#include <algorithm>

namespace cardops::sim {

namespace {

using Fields = core::signing::FormFields;
using Item = AcgFakaState::Item;

QByteArray field(const Fields& fields, QByteArrayView key)
{
    for (const auto& f : fields)
        if (f.key == key)
            return f.value;
    return {};
}

// PHP's (int) cast: the leading digits (with a sign), 0 when there are none.
qint64 phpInt(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
        ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        negative = text[i++] == '-';
    qint64 v = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && v < 1'000'000'000'000; ++i)
        v = v * 10 + (text[i] - '0');
    return negative ? -v : v;
}

QByteArray decodeFormPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

QByteArray cents(Money value)
{
    return value.toString(2).toLatin1();
}

void appendCents(QByteArray& out, Money value)
{
    json::appendString(out, cents(value));
}

// A bare JSON number without trailing zeros: 49.5, 18.81, 0.
void appendNumber(QByteArray& out, Money value)
{
    QByteArray text = value.toString(2).toLatin1();
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    out += text;
}

} // namespace

Fields AcgFakaHandler::formFields(const SimRequest& request)
{
    Fields fields;
    const QByteArray type = request.header("Content-Type").toLower();
    if (request.method != "POST" || !type.startsWith("application/x-www-form-urlencoded"))
        return fields;
    for (const QByteArray& part : request.body.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = decodeFormPart(eq < 0 ? part : part.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : decodeFormPart(part.mid(eq + 1));
        if (key.isEmpty())
            continue;
        auto same = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == key; });
        if (same != fields.end())
            same->value = value;
        else
            fields.append({key, value});
    }
    return fields;
}

bool AcgFakaHandler::wantsEnglish(const SimRequest& request)
{
    const QByteArray first = request.header("Accept-Language").split(',').first().split(';').first();
    return first.trimmed().toLower().startsWith("en");
}

SimResponse AcgFakaHandler::htmlPage(int status, QByteArrayView title, QByteArrayView text)
{
    QByteArray body = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>";
    body += title;
    body += "</title></head>\n<body><h1>";
    body += title;
    body += "</h1>\n<p>";
    body += text;
    body += "</p></body></html>\n";
    return {status, body, {}};
}

SimResponse AcgFakaHandler::success(const QByteArray& data)
{
    QByteArray out = "{\"code\":200,\"msg\":\"success\",\"data\":";
    out += data.isEmpty() ? QByteArray("null") : data;
    out += '}';
    return {200, out, {}};
}

SimResponse AcgFakaHandler::failure(Error error, QByteArrayView arg, bool english)
{
    QByteArray out = "{\"code\":0,\"msg\":";
    json::appendString(out, AcgFakaState::message(error, arg, english));
    out += '}';
    return {200, out, {}};
}

SimResponse AcgFakaHandler::signatureRefusal(const SimRequest& request)
{
    return failure(Error::BadKey, {}, wantsEnglish(request));
}

AcgFakaHandler::Outcome AcgFakaHandler::handle(const SimRequest& request)
{
    Outcome outcome;
    const QList<QByteArray> seg = request.path.split('/'); // "", "shared", controller, action
    const bool known =
        seg.size() == 4 &&
        ((seg[2] == "authentication" && seg[3] == "connect") ||
         (seg[2] == "commodity" &&
          (seg[3] == "items" || seg[3] == "item" || seg[3] == "inventory" || seg[3] == "stock" ||
           seg[3] == "valuation" || seg[3] == "trade" || seg[3] == "query")));
    if (!known) {
        outcome.html = true;
        outcome.response = htmlPage(404, "404 Not Found", "The requested URL was not found on this server.");
        return outcome;
    }
    const bool english = wantsEnglish(request);
    const Fields fields = formFields(request);
    if (field(fields, "app_id") != QByteArray::number(AcgFakaState::kAppId)) {
        outcome.response = failure(Error::UnknownMerchant, {}, english);
        return outcome;
    }
    if (!core::signing::verifyAcgFaka(fields, field(fields, "sign"), AcgFakaState::kAppKey)) {
        outcome.response = failure(Error::BadKey, {}, english);
        return outcome;
    }
    outcome.response = route(seg[2], seg[3], fields, english, outcome);
    return outcome;
}

SimResponse AcgFakaHandler::route(QByteArrayView controller, QByteArrayView action, const Fields& fields,
                                  bool english, Outcome& outcome)
{
    if (controller == "authentication") {
        QByteArray data = "{\"shopName\":";
        json::appendString(data, AcgFakaState::shopName());
        data += ",\"balance\":";
        appendCents(data, m_state.balance());
        data += '}';
        return success(data);
    }
    if (action == "items") {
        QByteArray data = "[";
        for (const AcgFakaState::Category& c : m_state.categories()) {
            QByteArray children;
            for (const Item& it : m_state.items()) {
                if (it.categoryId != c.id || !it.onSale)
                    continue;
                children += children.isEmpty() ? "" : ",";
                children += itemJson(it);
            }
            if (children.isEmpty())
                continue;
            data += data.size() > 1 ? ",{\"id\":" : "{\"id\":";
            json::appendInt(data, c.id);
            data += ",\"name\":";
            json::appendString(data, c.name);
            data += ",\"status\":1,\"children\":[" + children + "]}";
        }
        data += ']';
        return success(data);
    }
    if (action == "item") {
        const QByteArray code = field(fields, "code");
        if (code.isEmpty())
            return failure(Error::NoCode, {}, english);
        const Item* it = m_state.item(code);
        if (it == nullptr)
            return failure(Error::NoItem, {}, english);
        if (!it->onSale)
            return failure(Error::Stopped, {}, english);
        return success(itemJson(*it));
    }
    if (action == "inventory")
        return inventory(fields, english);
    if (action == "stock")
        return stock(fields, english);
    if (action == "valuation")
        return valuation(fields, english);
    if (action == "trade")
        return trade(fields, english, outcome);
    return query(fields, english);
}

SimResponse AcgFakaHandler::query(const Fields& fields, bool english) const
{
    const auto t = m_state.tradeByTradeNo(field(fields, "tradeNo"));
    if (!t)
        return failure(Error::NoOrder, {}, english);
    QByteArray data = "{\"secret\":";
    json::appendString(data, t->secret);
    data += ",\"widget\":null,\"status\":";
    json::appendInt(data, t->status);
    data += '}';
    return success(data);
}

QByteArray AcgFakaHandler::configText(const Item& it)
{
    if (it.races.isEmpty())
        return {};
    QByteArray text = "[category]\n";
    for (const AcgFakaState::Race& r : it.races)
        text += r.name + '=' + cents(r.price) + '\n';
    text += "\n[category_factory]\n";
    for (const AcgFakaState::Race& r : it.races) {
        text += r.name + '=';
        appendNumber(text, r.userPrice);
        text += '\n';
    }
    return text;
}

QByteArray AcgFakaHandler::itemJson(const Item& it) const
{
    QByteArray out = "{\"id\":";
    json::appendInt(out, it.id);
    out += ",\"category_id\":";
    json::appendInt(out, it.categoryId);
    out += ",\"name\":";
    json::appendString(out, it.name);
    out += ",\"description\":";
    json::appendString(out, it.description);
    out += ",\"code\":";
    json::appendString(out, it.code);
    out += ",\"price\":";
    appendCents(out, it.price);
    out += ",\"user_price\":";
    appendCents(out, it.userPrice);
    out += ",\"factory_price\":";
    appendNumber(out, it.races.isEmpty() ? it.userPrice : Money());
    out += ",\"delivery_way\":";
    json::appendInt(out, it.deliveryWay);
    if (it.deliveryWay == 0) {
        out += ",\"stock\":";
        json::appendInt(out, m_state.stock(it.code));
    }
    out += ",\"config\":";
    json::appendString(out, configText(it));
    out += ",\"minimum\":";
    json::appendInt(out, it.minimum);
    out += ",\"maximum\":";
    json::appendInt(out, it.maximum);
    out += ",\"status\":1,\"api_status\":1,\"draft_status\":0,\"contact_type\":0,\"widget\":\"[]\",\"cover\":"
           "\"\"}";
    return out;
}

SimResponse AcgFakaHandler::inventory(const Fields& fields, bool english) const
{
    const QByteArray code = field(fields, "sharedCode");
    if (code.isEmpty())
        return failure(Error::NoCode, {}, english);
    const Item* it = m_state.item(code);
    if (it == nullptr)
        return failure(Error::NoItem, {}, english);
    if (!it->onSale)
        return failure(Error::Stopped, {}, english);
    QByteArray race = field(fields, "race");
    if (race.isEmpty() && !it->races.isEmpty())
        race = it->races.first().name; // the real server counts the first race then
    QByteArray data = "{\"count\":";
    json::appendInt(data, m_state.stock(code, race));
    data += ",\"delivery_way\":";
    json::appendInt(data, it->deliveryWay);
    data += ",\"draft_status\":0,\"price\":";
    appendCents(data, it->price);
    data += ",\"user_price\":";
    appendCents(data, it->userPrice);
    data += ",\"config\":";
    json::appendString(data, configText(*it));
    data += ",\"factory_price\":";
    appendNumber(data, it->races.isEmpty() ? it->userPrice : Money());
    data += ",\"is_category\":";
    json::appendBool(data, !it->races.isEmpty());
    data += '}';
    return success(data);
}

SimResponse AcgFakaHandler::stock(const Fields& fields, bool english) const
{
    const QByteArray code = field(fields, "code");
    const QByteArray race = field(fields, "race");
    const Item* it = m_state.item(code);
    if (it == nullptr)
        return failure(code.isEmpty() ? Error::NoCode : Error::NoItem, {}, english);
    if (!it->onSale)
        return failure(Error::Stopped, {}, english);
    if (!race.isEmpty() && !it->races.isEmpty()) {
        Money unused;
        if (const auto a = m_state.unitPrice(code, race, &unused); !a.ok())
            return failure(a.error, a.arg, english);
    }
    QByteArray data = "{\"stock\":";
    json::appendInt(data, m_state.stock(code, race));
    data += '}';
    return success(data);
}

SimResponse AcgFakaHandler::valuation(const Fields& fields, bool english) const
{
    const QByteArray code = field(fields, "code");
    if (code.isEmpty())
        return failure(Error::NoCode, {}, english);
    const QByteArray numText = field(fields, "num");
    const qint64 num = numText.isEmpty() ? 1 : phpInt(numText);
    if (num <= 0)
        return failure(Error::NumBelowOne, {}, english);
    Money unit;
    if (const auto a = m_state.unitPrice(code, field(fields, "race"), &unit); !a.ok())
        return failure(a.error, a.arg, english);
    QByteArray data = "{\"price\":";
    appendCents(data, Money::fromUnits(unit.units() * num));
    data += '}';
    return success(data);
}

SimResponse AcgFakaHandler::trade(const Fields& fields, bool english, Outcome& outcome)
{
    outcome.purchase = true;
    AcgFakaState::TradeRequest request;
    request.code = field(fields, "shared_code");
    request.race = field(fields, "race");
    request.num = phpInt(field(fields, "num"));
    request.requestNo = field(fields, "request_no");
    const AcgFakaState::Answer a = m_state.trade(request);
    if (a.error == Error::RequestNoTooLong) {
        outcome.html = true;
        return htmlPage(200, "系统错误", AcgFakaState::message(a.error, {}, english));
    }
    if (!a.ok())
        return failure(a.error, a.arg, english);
    outcome.executed = true;
    const AcgFakaState::Trade& t = m_state.tradeAt(a.tradeIndex);
    QByteArray data = "{\"tradeNo\":";
    json::appendString(data, t.tradeNo);
    data += ",\"amount\":";
    appendCents(data, t.amount);
    data += ",\"secret\":";
    json::appendString(data, t.secret);
    data += ",\"stock\":";
    json::appendInt(data, m_state.stock(t.code, t.race));
    data += '}';
    return success(data);
}

} // namespace cardops::sim

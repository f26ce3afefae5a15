#include "sim/server/fulugateway.h"

#include "core/cipher.h"
#include "core/signing.h"
#include "sim/data/jsonout.h"

#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::sim {

namespace {

using Product = FuluState::Product;

constexpr QByteArrayView kMethods[] = {
    "fulu.user.info.get",      "fulu.goods.list.get", "fulu.goods.info.get",   "fulu.goods.stock.check",
    "fulu.goods.template.get", "fulu.order.card.add", "fulu.order.direct.add", "fulu.order.info.get"};

// An integer member sent as a JSON number or as a string of digits (Fulu's own SDKs do both).
bool intMember(const QJsonObject& o, const QString& key, qint64* out)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble()) {
        const qint64 n = v.toInteger(-1); // -1 also when the number is not integral
        if (n < 0)
            return false;
        *out = n;
        return true;
    }
    if (!v.isString())
        return false;
    const QString text = v.toString();
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 0 || text.size() > 18)
        return false;
    *out = n;
    return true;
}

QByteArray textMember(const QJsonObject& o, const QString& key)
{
    return o.value(key).toString().toUtf8();
}

// "yyyy-MM-dd HH:mm:ss"
bool isTimestamp(QByteArrayView t)
{
    if (t.size() != 19)
        return false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char c = t[i];
        const bool ok = i == 4 || i == 7     ? c == '-'
                        : i == 10            ? c == ' '
                        : i == 13 || i == 16 ? c == ':'
                                             : c >= '0' && c <= '9';
        if (!ok)
            return false;
    }
    return true;
}

// Money as a bare JSON number, trailing zeros dropped: 50, 49.75, 0.5.
void appendNumber(QByteArray& out, Money value)
{
    QByteArray text = value.toString(4).toLatin1();
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    out += text;
}

void appendMember(QByteArray& out, const char* key)
{
    if (out.size() > 1)
        out += ',';
    json::appendString(out, key);
    out += ':';
}

struct Template
{
    const char* id;
    const char* name;
    const char* elements; // JSON array text
};

const QList<Template>& templates()
{
    static const QList<Template> list = {
        {"T1001", "手机话费直充",
         R"([{"key":"charge_account","name":"手机号码","type":"text","required":true}])"},
        {"T1002", "QQ会员直充",
         R"([{"key":"charge_account","name":"QQ号码","type":"text","required":true}])"},
        {"T1003", "王者荣耀直充",
         R"([{"key":"charge_account","name":"游戏账号","type":"text","required":true},)"
         R"({"key":"charge_game_region","name":"大区","type":"select","required":true,)"
         R"("options":["QQ安卓","QQ苹果","微信安卓","微信苹果"]}])"},
        {"T1004", "原神直充",
         R"([{"key":"charge_account","name":"UID","type":"text","required":true},)"
         R"({"key":"charge_game_srv","name":"服务器","type":"select","required":true,)"
         R"("options":["天空岛","世界树"]}])"},
    };
    return list;
}

} // namespace

QByteArray FuluGateway::resultSign(QByteArrayView result)
{
    return core::signing::fuluResultSign(QString::fromUtf8(result), FuluState::kAppSecret);
}

SimResponse FuluGateway::respond(const Reply& reply, bool sign, bool corrupt)
{
    QByteArray out = "{\"code\":";
    json::appendInt(out, reply.code);
    out += ",\"message\":";
    json::appendString(out, reply.message.isEmpty() && reply.code == 0 ? QByteArray("接口调用成功")
                                                                       : reply.message);
    out += ",\"result\":";
    json::appendString(out, reply.result);
    QByteArray digest = sign ? resultSign(reply.result) : QByteArray();
    if (corrupt && !digest.isEmpty())
        digest[0] = digest[0] == '0' ? '1' : '0';
    out += ",\"sign\":\"" + digest + "\"}";
    return {200, out, {}};
}

SimResponse FuluGateway::signatureRefusal() const
{
    return respond({1002, "签名错误", {}}, true);
}

FuluGateway::Outcome FuluGateway::handle(const SimRequest& request, const Options& options)
{
    Outcome outcome;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (request.method != "POST" || error.error != QJsonParseError::NoError || !doc.isObject()) {
        outcome.response = respond({1000, "参数错误：请求体须为JSON对象", {}}, false);
        return outcome;
    }
    const QJsonObject body = doc.object();
    if (textMember(body, u"app_key"_s) != FuluState::kAppKey) {
        outcome.response = respond({1001, "app_key不存在", {}}, false);
        return outcome;
    }
    if (!core::signing::verifyFuluBody(request.body, FuluState::kAppSecret)) {
        outcome.response = signatureRefusal();
        return outcome;
    }
    const QByteArray method = textMember(body, u"method"_s);
    if (std::find(std::begin(kMethods), std::end(kMethods), QByteArrayView(method)) == std::end(kMethods)) {
        outcome.response = respond({1003, "接口方法不存在", {}}, true);
        return outcome;
    }
    if (!isTimestamp(textMember(body, u"timestamp"_s))) {
        outcome.response = respond({1000, "参数错误：timestamp", {}}, true);
        return outcome;
    }
    const QJsonDocument biz = QJsonDocument::fromJson(textMember(body, u"biz_content"_s), &error);
    if (error.error != QJsonParseError::NoError || !biz.isObject()) {
        outcome.response = respond({1000, "参数错误：biz_content", {}}, true);
        return outcome;
    }
    const Reply reply = route(method, biz.object(), outcome);
    outcome.signedResult = reply.code == 0;
    outcome.response = respond(reply, true, options.corruptResultSign && outcome.signedResult);
    return outcome;
}

FuluGateway::Reply FuluGateway::route(QByteArrayView method, const QJsonObject& biz, Outcome& outcome)
{
    if (method == "fulu.user.info.get") {
        QByteArray r = "{\"name\":\"CardOps模拟商户\",\"balance\":";
        r += m_state.balance().toString(4).toLatin1();
        r += ",\"is_open\":true}";
        return {0, {}, r};
    }
    if (method == "fulu.goods.list.get")
        return goodsList(biz);
    if (method == "fulu.goods.info.get")
        return goodsInfo(biz);
    if (method == "fulu.goods.stock.check")
        return stockCheck(biz);
    if (method == "fulu.goods.template.get")
        return templateGet(biz);
    if (method == "fulu.order.info.get")
        return orderInfo(biz);
    return orderAdd(method, biz, outcome);
}

QByteArray FuluGateway::productJson(const Product& p, bool detail) const
{
    QByteArray out = "{";
    appendMember(out, "product_id");
    json::appendInt(out, p.id);
    appendMember(out, "product_name");
    json::appendString(out, p.name);
    appendMember(out, "product_type");
    json::appendString(out, p.card ? "卡密" : "直充");
    appendMember(out, "face_value");
    appendNumber(out, p.faceValue);
    appendMember(out, "purchase_price");
    json::appendMoney(out, p.purchasePrice);
    appendMember(out, "sales_status");
    json::appendString(out, FuluState::salesStatusText(p.sales));
    appendMember(out, "stock_status");
    json::appendString(out, FuluState::stockStatusText(m_state.stockStatus(p, 1)));
    appendMember(out, "template_id");
    json::appendString(out, p.templateId);
    appendMember(out, "details");
    json::appendString(out, p.details);
    if (detail) {
        appendMember(out, "detail_type");
        json::appendInt(out, 1);
        appendMember(out, "icon");
        json::appendString(out, "");
        appendMember(out, "first_category_id");
        json::appendInt(out, p.firstCategoryId);
        appendMember(out, "second_category_id");
        json::appendInt(out, p.secondCategoryId);
    }
    out += '}';
    return out;
}

FuluGateway::Reply FuluGateway::goodsList(const QJsonObject& biz) const
{
    const QByteArray type = textMember(biz, u"product_type"_s);
    const QString name = biz.value(u"product_name"_s).toString();
    std::optional<Money> face;
    if (const QJsonValue v = biz.value(u"face_value"_s); v.isString() && !v.toString().isEmpty()) {
        const auto parsed = Money::parse(v.toString());
        if (!parsed.ok())
            return {1000, "参数错误：face_value", {}};
        face = *parsed;
    } else if (v.isDouble()) {
        if (v.toInteger(-1) < 0)
            return {1000, "参数错误：face_value", {}};
        face = Money::fromYuan(v.toInteger());
    }
    qint64 first = 0;
    qint64 second = 0;
    if (biz.contains(u"first_category_id"_s) && !intMember(biz, u"first_category_id"_s, &first))
        return {1000, "参数错误：first_category_id", {}};
    if (biz.contains(u"second_category_id"_s) && !intMember(biz, u"second_category_id"_s, &second))
        return {1000, "参数错误：second_category_id", {}};
    QByteArray out = "[";
    for (const Product& p : m_state.products()) {
        if (p.sales != FuluState::SalesStatus::OnShelf)
            continue;
        if ((!type.isEmpty() && type != (p.card ? "卡密" : "直充")) ||
            (!name.isEmpty() && !QString::fromUtf8(p.name).contains(name)) ||
            (face && p.faceValue != *face) || (first != 0 && p.firstCategoryId != first) ||
            (second != 0 && p.secondCategoryId != second))
            continue;
        if (out.size() > 1)
            out += ',';
        out += productJson(p, false);
    }
    out += ']';
    return {0, {}, out};
}

FuluGateway::Reply FuluGateway::goodsInfo(const QJsonObject& biz) const
{
    qint64 id = 0;
    if (!intMember(biz, u"product_id"_s, &id))
        return {1000, "参数错误：product_id", {}};
    const Product* p = m_state.product(id);
    if (p == nullptr)
        return {3001, "商品不存在", {}};
    return {0, {}, productJson(*p, true)};
}

FuluGateway::Reply FuluGateway::stockCheck(const QJsonObject& biz) const
{
    qint64 id = 0;
    qint64 buyNum = 1;
    if (!intMember(biz, u"product_id"_s, &id))
        return {1000, "参数错误：product_id", {}};
    if (biz.contains(u"buy_num"_s) && (!intMember(biz, u"buy_num"_s, &buyNum) || buyNum < 1))
        return {1000, "参数错误：buy_num", {}};
    const Product* p = m_state.product(id);
    if (p == nullptr)
        return {3001, "商品不存在", {}};
    QByteArray out = "{";
    appendMember(out, "product_id");
    json::appendInt(out, p->id);
    appendMember(out, "stock_status");
    json::appendString(out, FuluState::stockStatusText(m_state.stockStatus(*p, buyNum)));
    out += '}';
    return {0, {}, out};
}

FuluGateway::Reply FuluGateway::templateGet(const QJsonObject& biz) const
{
    const QByteArray id = textMember(biz, u"template_id"_s);
    for (const Template& t : templates()) {
        if (id != t.id)
            continue;
        QByteArray out = "{";
        appendMember(out, "template_id");
        json::appendString(out, t.id);
        appendMember(out, "template_name");
        json::appendString(out, t.name);
        appendMember(out, "elements");
        out += t.elements;
        out += '}';
        return {0, {}, out};
    }
    return {2001, "模板不存在", {}};
}

FuluGateway::Reply FuluGateway::orderAdd(QByteArrayView method, const QJsonObject& biz, Outcome& outcome)
{
    outcome.purchase = true;
    FuluState::Purchase p;
    p.card = method == "fulu.order.card.add";
    qint64 buyNum = 0;
    if (!intMember(biz, u"product_id"_s, &p.productId))
        return {1000, "参数错误：product_id", {}};
    if (!intMember(biz, u"buy_num"_s, &buyNum) || buyNum < 1 || buyNum > FuluState::kMaxBuyNum)
        return {1000, "参数错误：buy_num", {}};
    p.buyNum = static_cast<qint32>(buyNum);
    p.customerOrderNo = textMember(biz, u"customer_order_no"_s);
    if (p.customerOrderNo.isEmpty() || p.customerOrderNo.size() > 64)
        return {1000, "参数错误：customer_order_no", {}};
    p.chargeAccount = textMember(biz, u"charge_account"_s);
    if (!p.card && p.chargeAccount.isEmpty())
        return {1000, "参数错误：充值账号不能为空", {}};
    // The content a repeat must match: every member, the two numbers normalized.
    QJsonObject normalized = biz;
    normalized.insert(u"product_id"_s, p.productId);
    normalized.insert(u"buy_num"_s, buyNum);
    p.fingerprint = method.toByteArray() + ' ' + QJsonDocument(normalized).toJson(QJsonDocument::Compact);
    const FuluState::Answer a = m_state.place(p);
    if (!a.ok())
        return {a.code, a.message, {}};
    outcome.executed = a.executed;
    return {0, {}, orderJson(m_state.orderAt(a.orderIndex), false)};
}

FuluGateway::Reply FuluGateway::orderInfo(const QJsonObject& biz)
{
    const QByteArray number = textMember(biz, u"customer_order_no"_s);
    if (number.isEmpty())
        return {1000, "参数错误：customer_order_no", {}};
    const FuluState::Answer a = m_state.find(number);
    if (!a.ok())
        return {a.code, a.message, {}};
    return {0, {}, orderJson(m_state.orderAt(a.orderIndex), true)};
}

QByteArray FuluGateway::orderJson(const FuluState::Order& o, bool withCards) const
{
    QByteArray out = "{";
    appendMember(out, "order_id");
    json::appendString(out, o.orderId);
    appendMember(out, "customer_order_no");
    json::appendString(out, o.customerOrderNo);
    appendMember(out, "product_id");
    json::appendInt(out, o.productId);
    appendMember(out, "product_name");
    json::appendString(out, o.productName);
    appendMember(out, "charge_account");
    json::appendString(out, o.chargeAccount);
    appendMember(out, "buy_num");
    json::appendInt(out, o.buyNum);
    appendMember(out, "order_type");
    json::appendInt(out, o.card ? 3 : 4);
    appendMember(out, "order_price");
    json::appendMoney(out, o.price);
    appendMember(out, "order_state");
    json::appendString(out, FuluState::orderStateText(o.state));
    appendMember(out, "create_time");
    json::appendString(out, FuluState::timeText(o.createdMs));
    appendMember(out, "finish_time");
    json::appendString(out, o.finishedMs > 0 ? FuluState::timeText(o.finishedMs) : QByteArray());
    appendMember(out, "operator_serial_number");
    json::appendString(out, o.operatorSerial);
    if (withCards && o.state == FuluState::OrderState::Success && o.card) {
        appendMember(out, "cards");
        out += '[';
        for (qsizetype i = 0; i < o.cards.size(); ++i) {
            const FuluState::Card& c = o.cards.at(i);
            out += i > 0 ? ",{" : "{";
            out += "\"card_number\":";
            json::appendString(out, core::encryptFuluCard(c.number, FuluState::kAppSecret).valueOr({}));
            out += ",\"card_pwd\":";
            json::appendString(out, core::encryptFuluCard(c.password, FuluState::kAppSecret).valueOr({}));
            out += ",\"card_type\":";
            json::appendInt(out, c.type);
            out += ",\"card_deadline\":";
            json::appendString(out, c.deadline);
            out += '}';
        }
        out += ']';
    }
    out += '}';
    return out;
}

} // namespace cardops::sim

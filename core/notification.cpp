#include "core/notification.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace cardops::core {

namespace {

struct KindName
{
    Notification::Kind kind;
    QStringView key;
};

constexpr std::array<KindName, kNotificationKindCount> kKinds = {{
    {Notification::Kind::ReviewItem, u"review_item"},
    {Notification::Kind::DeliveryFailed, u"delivery_failed"},
    {Notification::Kind::LeaseLost, u"lease_lost"},
    {Notification::Kind::LeaseTaken, u"lease_taken"},
    {Notification::Kind::WorkerStarted, u"worker_started"},
    {Notification::Kind::WorkerStopped, u"worker_stopped"},
    {Notification::Kind::LowStock, u"low_stock"},
    {Notification::Kind::Test, u"test"},
}};

} // namespace

QString notificationKindKey(Notification::Kind kind)
{
    for (const auto& k : kKinds)
        if (k.kind == kind)
            return k.key.toString();
    return u"unknown"_s;
}

std::optional<Notification::Kind> notificationKindFromKey(QStringView key)
{
    for (const auto& k : kKinds)
        if (k.key == key)
            return k.kind;
    return std::nullopt;
}

QList<Notification::Kind> allNotificationKinds()
{
    QList<Notification::Kind> out;
    for (const auto& k : kKinds)
        out.append(k.kind);
    return out;
}

namespace notify {

namespace {

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(),
                                            QCryptographicHash::Sha256);
}

constexpr char kHexLower[] = "0123456789abcdef";

// Code points of text as UTF-8 pieces, so a cut never splits a character.
QList<QByteArray> utf8Pieces(QStringView text)
{
    QList<QByteArray> out;
    const QList<uint> ucs4 = text.toUcs4();
    out.reserve(ucs4.size());
    for (const uint cp : ucs4) {
        const char32_t c = cp;
        out.append(QString::fromUcs4(&c, 1).toUtf8());
    }
    return out;
}

bool isPlainHeaderText(QStringView text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return false;
    return !text.contains(u"=?");
}

bool isAtext(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           QStringView(u"!#$%&'*+-/=?^_`{|}~.").contains(c);
}

QByteArray formatAddress(const EmailAddress& a)
{
    const QByteArray address = a.address.toLatin1();
    if (a.displayName.isEmpty())
        return address;
    QByteArray name;
    if (isPlainHeaderText(a.displayName)) {
        QByteArray escaped = a.displayName.toLatin1();
        escaped.replace('\\', "\\\\").replace('"', "\\\"");
        name = '"' + escaped + '"';
    } else {
        name = encodeHeaderText(a.displayName);
    }
    return name + " <" + address + '>';
}

QByteArray json(std::initializer_list<std::pair<const char*, QByteArray>> members)
{
    QByteArray out = "{";
    bool first = true;
    for (const auto& [name, value] : members) {
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out += name;
        out += "\":";
        out += value;
    }
    return out + '}';
}

} // namespace

QString plainText(const Notification& n)
{
    return n.text.isEmpty() ? n.title : n.title + u'\n' + n.text;
}

QByteArray jsonString(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHexLower[c >> 4];
                out += kHexLower[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray wecomTextBody(QStringView content)
{
    return json({{"msgtype", "\"text\""}, {"text", json({{"content", jsonString(content)}})}});
}

QByteArray wecomMarkdownBody(QStringView content)
{
    return json({{"msgtype", "\"markdown\""}, {"markdown", json({{"content", jsonString(content)}})}});
}

QByteArray dingtalkTextBody(QStringView content)
{
    return wecomTextBody(content); // the same shape: {"msgtype":"text","text":{"content":…}}
}

QByteArray dingtalkMarkdownBody(QStringView title, QStringView text)
{
    return json({{"msgtype", "\"markdown\""},
                 {"markdown", json({{"title", jsonString(title)}, {"text", jsonString(text)}})}});
}

QByteArray dingtalkSign(qint64 timestampMs, QByteArrayView secret)
{
    const QByteArray message = QByteArray::number(timestampMs) + '\n' + secret.toByteArray();
    return hmacSha256(secret, message).toBase64();
}

QUrl dingtalkSignedUrl(const QUrl& webhook, qint64 timestampMs, QByteArrayView secret)
{
    const QByteArray sign = dingtalkSign(timestampMs, secret).toPercentEncoding();
    const QByteArray encoded = webhook.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QByteArray query = webhook.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    query += "timestamp=" + QByteArray::number(timestampMs) + "&sign=" + sign;
    return QUrl::fromEncoded(encoded + '?' + query, QUrl::StrictMode);
}

QByteArray feishuSign(qint64 timestampSeconds, QByteArrayView secret)
{
    const QByteArray key = QByteArray::number(timestampSeconds) + '\n' + secret.toByteArray();
    return hmacSha256(key, QByteArrayView()).toBase64();
}

QByteArray feishuTextBody(QStringView text, qint64 timestampSeconds, QByteArrayView secret)
{
    const QByteArray content = json({{"text", jsonString(text)}});
    if (secret.isEmpty())
        return json({{"msg_type", "\"text\""}, {"content", content}});
    return json({{"timestamp", '"' + QByteArray::number(timestampSeconds) + '"'},
                 {"sign", '"' + feishuSign(timestampSeconds, secret) + '"'},
                 {"msg_type", "\"text\""},
                 {"content", content}});
}

QString truncateUtf8(const QString& text, qsizetype maxBytes)
{
    if (text.toUtf8().size() <= maxBytes)
        return text;
    QByteArray out;
    for (const QByteArray& piece : utf8Pieces(text)) {
        if (out.size() + piece.size() > maxBytes)
            break;
        out += piece;
    }
    return QString::fromUtf8(out);
}

WebhookAnswer interpretWebhookAnswer(Vendor vendor, int httpStatus, QByteArrayView body)
{
    WebhookAnswer a;
    const bool success = httpStatus >= 200 && httpStatus <= 299;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    const QJsonObject o = doc.object();
    QString message;
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        const char* codeKey =
            vendor == Vendor::Feishu ? (o.contains(u"code"_s) ? "code" : "StatusCode") : "errcode";
        const char* messageKey =
            vendor == Vendor::Feishu ? (o.contains(u"msg"_s) ? "msg" : "StatusMessage") : "errmsg";
        const QJsonValue code = o.value(QLatin1StringView(codeKey));
        if (code.isDouble())
            a.vendorCode = code.toInteger();
        message = o.value(QLatin1StringView(messageKey)).toString().left(300);
    }

    if (success && a.vendorCode == 0) {
        a.ok = true;
        a.detail = u"HTTP %1, code 0"_s.arg(httpStatus);
        return a;
    }

    const qint64 code = a.vendorCode.value_or(0);
    switch (vendor) {
    case Vendor::WeCom: // 45009 api freq out of limit (20 a minute per robot); -1 system busy
        a.rateLimited = code == 45009;
        a.transient = code == -1 || a.rateLimited;
        break;
    case Vendor::DingTalk: // 130101 send too fast (20 a minute, then 10 minutes' pause); -1 busy
        a.rateLimited = code == 130101;
        a.transient = code == -1 || a.rateLimited;
        break;
    case Vendor::Feishu: // 11232 frequency limited (100 a minute, 5 a second); 99991400 gateway limit
        a.rateLimited = code == 11232 || code == 99991400;
        a.transient = a.rateLimited;
        break;
    }
    if (httpStatus == 429) {
        a.rateLimited = true;
        a.transient = true;
    } else if (httpStatus >= 500 && httpStatus <= 599) {
        a.transient = true;
    }

    QString what = u"HTTP %1"_s.arg(httpStatus);
    if (a.vendorCode)
        what += u", code %1"_s.arg(*a.vendorCode);
    else if (success)
        what += u", no result code in the answer"_s;
    a.detail = message.isEmpty() ? what : what + u": "_s + message;
    return a;
}

Result<EmailAddress> parseEmailAddress(QStringView text)
{
    QStringView t = text.trimmed();
    EmailAddress out;
    if (t.endsWith(u'>')) {
        const qsizetype open = t.lastIndexOf(u'<');
        if (open < 0)
            return makeError(ErrorCode::InvalidArgument, u"unbalanced '<' in address: "_s + t.toString());
        QStringView name = t.left(open).trimmed();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2);
        out.displayName = name.toString();
        t = t.mid(open + 1, t.size() - open - 2).trimmed();
    }
    const qsizetype at = t.indexOf(u'@');
    const bool oneAt = at > 0 && at == t.lastIndexOf(u'@') && at < t.size() - 1;
    const bool allAtext = std::all_of(t.begin(), t.end(), [](QChar c) { return c == u'@' || isAtext(c); });
    if (!oneAt || !allAtext || t.startsWith(u'.') || t.contains(u".."))
        return makeError(ErrorCode::InvalidArgument, u"not a plain e-mail address: "_s + t.toString());
    if (out.displayName.contains(u'\r') || out.displayName.contains(u'\n'))
        return makeError(ErrorCode::InvalidArgument, u"line break in a display name"_s);
    out.address = t.toString();
    return out;
}

QByteArray encodeHeaderText(QStringView text)
{
    if (isPlainHeaderText(text))
        return text.toLatin1();
    // 75 characters per encoded word: "=?UTF-8?B?" + 60 base64 characters (45 bytes) + "?=".
    constexpr qsizetype kMaxBytes = 45;
    QList<QByteArray> words;
    QByteArray chunk;
    for (const QByteArray& piece : utf8Pieces(text)) {
        if (chunk.size() + piece.size() > kMaxBytes) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += piece;
    }
    if (!chunk.isEmpty())
        words.append(chunk);
    QByteArray out;
    for (const QByteArray& w : words) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + w.toBase64() + "?=";
    }
    return out;
}

QByteArray rfc5322Date(const QDateTime& time)
{
    static constexpr std::array<const char*, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!time.isValid())
        return {};
    const QDate d = time.date();
    const QTime t = time.time();
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    const QByteArray zone = (offset < 0 ? QByteArray("-") : QByteArray("+")) +
                            QByteArray::number(minutes / 60).rightJustified(2, '0') +
                            QByteArray::number(minutes % 60).rightJustified(2, '0');
    return QByteArray(kDays[static_cast<std::size_t>(d.dayOfWeek() - 1)]) + ", " +
           QByteArray::number(d.day()) + ' ' + kMonths[static_cast<std::size_t>(d.month() - 1)] + ' ' +
           QByteArray::number(d.year()) + ' ' + t.toString(u"HH:mm:ss"_s).toLatin1() + ' ' + zone;
}

Result<QByteArray> buildEmailMessage(const EmailMessage& m)
{
    if (m.to.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"an e-mail needs at least one recipient"_s);
    if (!m.date.isValid())
        return makeError(ErrorCode::InvalidArgument, u"an e-mail needs a valid date"_s);
    const bool idOk = !m.messageId.isEmpty() &&
                      std::all_of(m.messageId.begin(), m.messageId.end(),
                                  [](char c) { return c > 0x20 && c < 0x7F && c != '<' && c != '>'; });
    if (!idOk)
        return makeError(ErrorCode::InvalidArgument, u"invalid Message-ID"_s);
    for (const EmailAddress& a : m.to + QList<EmailAddress>{m.from})
        if (!parseEmailAddress(a.address).ok())
            return makeError(ErrorCode::InvalidArgument, u"invalid address: "_s + a.address);

    QByteArrayList to;
    for (const EmailAddress& a : m.to)
        to.append(formatAddress(a));
    QString body = m.body;
    body.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n').replace(u"\n"_s, u"\r\n"_s);
    const QByteArray encoded = body.toUtf8().toBase64();

    QByteArray out;
    out += "Date: " + rfc5322Date(m.date) + "\r\n";
    out += "From: " + formatAddress(m.from) + "\r\n";
    out += "To: " + to.join(", ") + "\r\n";
    out +=
        "Subject: " + encodeHeaderText(QString(m.subject).replace(u'\r', u' ').replace(u'\n', u' ')) + "\r\n";
    out += "Message-ID: <" + m.messageId + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

} // namespace notify
} // namespace cardops::core

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>
#include <optional>

// What the operator is told about, and the exact bytes each channel sends (docs/notifications.md).
// Pure, stateless functions: safe from any thread. Words (title, text) come from the caller, already
// translated; core adds no words of its own.
namespace cardops::core {

struct Notification
{
    enum class Kind {
        ReviewItem,     // an order was held for review (待审核)
        DeliveryFailed, // a delivery failed and needs a person
        LeaseLost,      // this process lost the fulfilment lease and stopped deciding
        LeaseTaken,     // this process took (or regained) the lease
        WorkerStarted,
        WorkerStopped,
        LowStock, // goods fell below their low-stock threshold (docs/goods.md)
        Test, // `cardops-cli notify --test`: checks the channels
    };

    Kind kind = Kind::Test;
    QString title;      // one line, e.g. 新的待审核订单
    QString text;       // the body, may have several lines
    qint64 orderId = 0; // 0: not about one order
    qint64 at = 0;      // unix seconds
};

inline constexpr int kNotificationKindCount = 8;

// Stable keys for config files and logs: review_item, delivery_failed, lease_lost, lease_taken,
// worker_started, worker_stopped, low_stock, test.
QString notificationKindKey(Notification::Kind kind);
std::optional<Notification::Kind> notificationKindFromKey(QStringView key);
QList<Notification::Kind> allNotificationKinds();

namespace notify {

// "title\ntext" (just the title when there is no text): the text every chat channel shows.
QString plainText(const Notification& n);

// Compact JSON with non-ASCII left as UTF-8 (the bots require UTF-8) and only '"', '\' and control
// characters escaped (\n, \r, \t, \b, \f, else \u00xx, lowercase hex).
QByteArray jsonString(QStringView text);

// --- 企业微信 group robot --------------------------------------------------------------------
// {"msgtype":"text","text":{"content":"…"}}  (content ≤ 2048 bytes; see truncateUtf8)
QByteArray wecomTextBody(QStringView content);
// {"msgtype":"markdown","markdown":{"content":"…"}}  (content ≤ 4096 bytes)
QByteArray wecomMarkdownBody(QStringView content);

// --- 钉钉 custom robot ------------------------------------------------------------------------
// {"msgtype":"text","text":{"content":"…"}}
QByteArray dingtalkTextBody(QStringView content);
// {"msgtype":"markdown","markdown":{"title":"…","text":"…"}}
QByteArray dingtalkMarkdownBody(QStringView title, QStringView text);
// base64(HMAC-SHA256(key = secret, message = timestampMs + "\n" + secret)), not yet URL-encoded.
QByteArray dingtalkSign(qint64 timestampMs, QByteArrayView secret);
// The webhook with "&timestamp=<ms>&sign=<percent-encoded sign>" appended to its query, every
// byte of the existing query kept as it was.
QUrl dingtalkSignedUrl(const QUrl& webhook, qint64 timestampMs, QByteArrayView secret);

// --- 飞书 custom bot --------------------------------------------------------------------------
// base64(HMAC-SHA256(key = timestampSeconds + "\n" + secret, message = empty)).
QByteArray feishuSign(qint64 timestampSeconds, QByteArrayView secret);
// {"timestamp":"<s>","sign":"…","msg_type":"text","content":{"text":"…"}} with a secret;
// {"msg_type":"text","content":{"text":"…"}} without one (secret empty).
QByteArray feishuTextBody(QStringView text, qint64 timestampSeconds, QByteArrayView secret);

// At most maxBytes of UTF-8, cut at a character boundary (the bots reject longer content).
QString truncateUtf8(const QString& text, qsizetype maxBytes);

// --- how each vendor answers ------------------------------------------------------------------
enum class Vendor { WeCom, DingTalk, Feishu };

struct WebhookAnswer
{
    bool ok = false;
    bool transient = false; // worth retrying later: 429, 5xx, the vendor's "busy" or rate-limit codes
    bool rateLimited = false;
    std::optional<qint64> vendorCode; // errcode (企业微信, 钉钉) or code / StatusCode (飞书)
    QString detail;                   // English, with the vendor's message as it came (never a secret)
};

// All three answer HTTP 200 with a JSON error code for most failures: 企业微信 and 钉钉
// {"errcode":0,"errmsg":"ok"}, 飞书 {"code":0,"msg":"success"} (older bots {"StatusCode":0,…}).
// Anything but code 0 in a 2xx answer is a failure; a 2xx answer without a code is a failure too
// (not transient: the message may have been shown).
WebhookAnswer interpretWebhookAnswer(Vendor vendor, int httpStatus, QByteArrayView body);

// --- e-mail ------------------------------------------------------------------------------------
struct EmailAddress
{
    QString address;     // local@domain, ASCII
    QString displayName; // optional, any text (RFC 2047 encoded when not plain ASCII)
};

// "Name <a@b>" or "a@b". InvalidArgument for an address that is not one plain local@domain.
Result<EmailAddress> parseEmailAddress(QStringView text);

struct EmailMessage
{
    EmailAddress from;
    QList<EmailAddress> to;
    QString subject;
    QString body; // plain text; lines end in CRLF on the wire
    QDateTime date;
    QByteArray messageId; // without angle brackets, e.g. "1700000000.ab12@example.com"
};

// RFC 2047 encoded words ("=?UTF-8?B?…?="), each at most 75 characters and cut at character
// boundaries, joined by CRLF SP (a folded header). Printable ASCII without "=?" is returned as is.
QByteArray encodeHeaderText(QStringView text);

// "Sun, 29 Nov 2026 13:50:17 +0800": RFC 5322 date-time in the time's own offset, English names.
QByteArray rfc5322Date(const QDateTime& time);

// The whole message as sent in SMTP DATA: Date, From, To, Subject, Message-ID, MIME-Version,
// Content-Type: text/plain; charset=UTF-8, Content-Transfer-Encoding: base64, a blank line, and the
// body in base64 lines of 76 characters; CRLF line ends. InvalidArgument for no recipient, an invalid
// date, or a message id that is not printable ASCII without '<', '>' and spaces.
Result<QByteArray> buildEmailMessage(const EmailMessage& message);

} // namespace notify
} // namespace cardops::core

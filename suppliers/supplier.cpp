#include "suppliers/supplier.h"

#include "suppliers/rawjson.h"

#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::suppliers {

namespace {

constexpr QByteArrayView kMask = "***";

bool isSecretFormKey(QByteArrayView key)
{
    return key == "app_key" || key == "secret";
}

// "k=v&k=v" (form body or acg-faka's signed text) with the values of secret keys masked. Keys are
// compared as sent: both are plain ASCII, which percent-encoding leaves as they are.
QByteArray redactForm(const QByteArray& form)
{
    QList<QByteArray> pieces = form.split('&');
    for (QByteArray& piece : pieces) {
        const qsizetype eq = piece.indexOf('=');
        if (eq > 0 && isSecretFormKey(QByteArrayView(piece).first(eq)))
            piece = piece.first(eq + 1) + kMask.toByteArray();
    }
    return pieces.join('&');
}

void collectSecretSpans(const rawjson::Node& node, QList<std::pair<qsizetype, qsizetype>>& spans)
{
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        const rawjson::Node& child = node.children[i];
        if (node.isObject() && (node.keys[i] == u"secret" || node.keys[i] == u"app_key") &&
            child.isString()) {
            spans.append({child.begin, child.end});
            continue;
        }
        collectSecretSpans(child, spans);
    }
}

QByteArray redactJson(const QByteArray& body)
{
    if (body.isEmpty())
        return body;
    const rawjson::Parsed parsed = rawjson::parse(body);
    if (!parsed.ok()) {
        // Cut for the view or not JSON at all: keep it unless it could hold a secret.
        return body.contains("secret") ? QByteArray("[body withheld: it may hold card secrets]") : body;
    }
    QList<std::pair<qsizetype, qsizetype>> spans;
    collectSecretSpans(*parsed.root, spans);
    std::sort(spans.begin(), spans.end());
    QByteArray out;
    qsizetype at = 0;
    for (const auto& [begin, end] : std::as_const(spans)) {
        out.append(QByteArrayView(body).sliced(at, begin - at)).append('"').append(kMask).append('"');
        at = end;
    }
    out.append(QByteArrayView(body).sliced(at));
    return out;
}

bool isFormBody(const HeaderList& headers)
{
    return std::any_of(headers.begin(), headers.end(), [](const auto& h) {
        return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0 &&
               h.second.startsWith("application/x-www-form-urlencoded");
    });
}

} // namespace

SupplierError SupplierError::malformed(QString detail, bool outcomeUnknown)
{
    SupplierError e;
    e.kind = Malformed;
    e.detail = std::move(detail);
    e.outcomeUnknown = outcomeUnknown;
    return e;
}

QString SupplierError::kindName(Kind kind)
{
    switch (kind) {
    case Transport:
        return u"Transport"_s;
    case Timeout:
        return u"Timeout"_s;
    case Redirect:
        return u"Redirect"_s;
    case TooLarge:
        return u"TooLarge"_s;
    case Auth:
        return u"Auth"_s;
    case Signature:
        return u"Signature"_s;
    case Business:
        return u"Business"_s;
    case ProductRejected:
        return u"ProductRejected"_s;
    case Malformed:
        return u"Malformed"_s;
    case InvalidRequest:
        return u"InvalidRequest"_s;
    case Cancelled:
        return u"Cancelled"_s;
    }
    return u"Unknown"_s;
}

QString SupplierError::describe() const
{
    QStringList qualifiers;
    if (httpStatus != 0)
        qualifiers << u"HTTP %1"_s.arg(httpStatus);
    if (!code.isEmpty())
        qualifiers << u"code "_s + code;
    QString out = kindName(kind);
    if (!qualifiers.isEmpty())
        out += u" ("_s + qualifiers.join(u", "_s) + u')';
    QStringList texts;
    if (!upstreamMessage.isEmpty())
        texts << upstreamMessage;
    if (!detail.isEmpty())
        texts << detail;
    if (!texts.isEmpty())
        out += u": "_s + texts.join(u" — "_s);
    if (outcomeUnknown)
        out += u" [outcome unknown]"_s;
    if (retryOnAlternative)
        out += u" [retry on an alternative product]"_s;
    return out;
}

Diagnostics Diagnostics::redacted() const
{
    Diagnostics d = *this;
    if (isFormBody(requestHeaders))
        d.requestBody = redactForm(requestBody);
    else
        d.requestBody = redactJson(requestBody);
    d.signedText = isFormBody(requestHeaders) ? redactForm(signedText) : d.signedText;
    d.responseBody = redactJson(responseBody);
    return d;
}

} // namespace cardops::suppliers

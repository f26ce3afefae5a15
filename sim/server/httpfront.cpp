#include "sim/server/httpfront.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace cardops::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "UNKNOWN";
    }
}

SimRequest toSimRequest(const QHttpServerRequest& request)
{
    SimRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyEncoded).toUtf8();
    r.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    const auto headers = request.headers();
    r.headers.reserve(headers.size());
    for (const auto& h : headers)
        r.headers.append({h.first, h.second});
    r.body = request.body();
    return r;
}

[[maybe_unused]] QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// The raw HTTP/1.1 response: we write it ourselves so it can be sent later, from a timer.
[[maybe_unused]] QByteArray httpBytes(const SimResponse& r, const QByteArray& contentType)
{
    const QByteArray type =
        contentType.isEmpty() ? QByteArray("application/json; charset=utf-8") : contentType;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) +
                     "\r\nContent-Type: " + type +
                     "\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    if (!r.retryAfter.isEmpty())
        out += "Retry-After: " + r.retryAfter + "\r\n";
    out += "Connection: keep-alive\r\n\r\n";
    out += r.body;
    return out;
}

} // namespace

class HttpFrontPrivate final : public QAbstractHttpServer
{
public:
    HttpFrontPrivate(HttpFront::Handler handler, QObject* parent)
        : QAbstractHttpServer(parent)
        , m_handler(std::move(handler))
    {}

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.4–6.7: the socket is handed over, so the answer is written straight to it, now or later;
    // a QPointer drops a late answer whose client has gone.
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        const ResponsePlan plan = m_handler(toSimRequest(request));
        if (plan.drop) {
            // Closed from the event loop: the server still uses the socket after this returns.
            QTimer::singleShot(qMax(0, plan.delayMs), socket, [socket] { socket->abort(); });
            return true;
        }
        if (!plan.answer)
            return true;
        const QByteArray bytes = httpBytes(plan.response, plan.contentType);
        if (plan.delayMs <= 0) {
            socket->write(bytes);
            return true;
        }
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(plan.delayMs, socket, [guard, bytes] {
            if (guard)
                guard->write(bytes);
        });
        return true;
    }
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        handleRequest(request, socket);
    }
#else
    // Qt 6.8+: the responder is the only way out; it is movable, so a late answer keeps it alive.
    bool handleRequest(const QHttpServerRequest& request, QHttpServerResponder& responder) override
    {
        const ResponsePlan plan = m_handler(toSimRequest(request));
        auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
        if (!plan.answer || plan.drop) { // the responder cannot close the socket: a drop never answers
            m_unanswered.append(kept);
            return true;
        }
        auto send = [kept, response = plan.response, type = plan.contentType] {
            QHttpHeaders headers;
            headers.append(QHttpHeaders::WellKnownHeader::ContentType,
                           type.isEmpty() ? QByteArray("application/json; charset=utf-8") : type);
            if (!response.retryAfter.isEmpty())
                headers.append(QHttpHeaders::WellKnownHeader::RetryAfter, response.retryAfter);
            kept->write(response.body, headers,
                        static_cast<QHttpServerResponder::StatusCode>(response.status));
        };
        if (plan.delayMs <= 0)
            send();
        else
            QTimer::singleShot(plan.delayMs, this, send);
        return true;
    }
    void missingHandler(const QHttpServerRequest& request, QHttpServerResponder& responder) override
    {
        handleRequest(request, responder);
    }

private:
    QList<std::shared_ptr<QHttpServerResponder>> m_unanswered;
#endif

private:
    HttpFront::Handler m_handler;
};

HttpFront::HttpFront(Handler handler, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<HttpFrontPrivate>(std::move(handler), nullptr))
{}

HttpFront::~HttpFront() = default;

quint16 HttpFront::listen(const QHostAddress& address, quint16 port)
{
    auto* tcp = new QTcpServer(d.get());
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    d->bind(tcp);
    return tcp->serverPort();
}

} // namespace cardops::sim

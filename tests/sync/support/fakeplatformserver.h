#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <deque>
#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

// A fault-controlled stand-in for the platform: a QTcpServer speaking just enough HTTP/1.1 to
// answer one request per connection (always "Connection: close"), with the raw bytes under the
// test's control. It records every request and verifies its Platform API v1 signature with
// core::signing::verifyPlatformSignature.
namespace cardops::test {

struct RecordedRequest
{
    QByteArray method;
    QByteArray target;                     // the request line's target, as received
    QByteArray path;                       // target before '?'
    QByteArray query;                      // target after '?'
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool signatureValid = false;
    bool nonceRepeated = false; // answered 401 / 40104 (when the server rejects repeats)

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

struct FakeResponse
{
    enum class Delivery {
        Normal,         // status line, headers, Content-Length, body
        Truncated,      // Content-Length of the whole body, half of it, then close
        CloseDelimited, // no Content-Length: body, then close
        Stream,         // streamBytes of JSON-ish filler, close-delimited (or announced)
        Never,          // read the request, never answer, keep the connection open
        Hangup,         // close the connection without answering
    };

    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8"; // empty: no Content-Type
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0;             // wait this long before answering
    qint64 streamBytes = 0;      // Stream only
    bool announceLength = false; // Stream only: send Content-Length: streamBytes

    // {"code":code,"message":message,"data":data} (data omitted when empty).
    static FakeResponse envelope(int status, int code, const QByteArray& message,
                                 const QByteArray& data = {});
    static FakeResponse ok(const QByteArray& data) { return envelope(200, 0, "ok", data); }
};

class FakePlatformServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const RecordedRequest&)>;

    explicit FakePlatformServer(QByteArray secret = "demo-secret", QObject* parent = nullptr);
    ~FakePlatformServer() override;

    bool listen(); // 127.0.0.1, a free port
    QUrl baseUrl() const;
    quint16 port() const;

    // Scripted answers, used first-in first-out; when none is left the handler answers
    // (default: 200 with data {"echo":true}).
    void enqueue(FakeResponse response);
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Like the platform, answer a repeated X-Nonce with 401 / 40104 before anything else (default on).
    void setRejectRepeatedNonces(bool reject) { m_rejectRepeatedNonces = reject; }

    const QList<RecordedRequest>& requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    int inFlight() const { return m_inFlight; }       // requests read and not yet answered or dropped
    int maxInFlight() const { return m_maxInFlight; } // the most at any moment
    qint64 streamedBytes() const { return m_streamed; }

private:
    struct Connection;
    void onNewConnection();
    void onReadable(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const FakeResponse& response);
    void streamMore(QTcpSocket* socket);
    void done(QTcpSocket* socket);

    QByteArray m_secret;
    QTcpServer* m_server = nullptr;
    std::deque<FakeResponse> m_script;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QSet<QByteArray> m_nonces;
    bool m_rejectRepeatedNonces = true;
    QHash<QTcpSocket*, Connection*> m_connections;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    qint64 m_streamed = 0;
};

} // namespace cardops::test

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

// A canned-answer HTTP/1.1 server on 127.0.0.1 for the supplier adapter tests: one request per
// connection ("Connection: close"), every request recorded, the answer's bytes under the test's
// control (hostile ones included). The simulator's real supplier roles live in sim/.
namespace cardops::test {

struct SupplierRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    // A form body's fields in order, percent-decoded ('+' left as is: the adapters encode spaces
    // as %20).
    QList<std::pair<QByteArray, QByteArray>> formFields() const;
    QByteArray formField(const QByteArray& key) const;
};

struct CannedAnswer
{
    enum class Delivery {
        Normal,    // status line, headers, Content-Length, body
        Truncated, // Content-Length of the whole body, the first half of it, then close
        Never,     // read the request, never answer (the client must time out)
        Stream,    // streamBytes of filler without Content-Length, then close
    };

    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    qint64 streamBytes = 0;

    static CannedAnswer json(QByteArray body);
};

class FakeSupplierServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<CannedAnswer(const SupplierRequest&)>;

    explicit FakeSupplierServer(QObject* parent = nullptr);
    ~FakeSupplierServer() override;

    bool listen();
    QUrl url(const QString& path = {}) const; // http://127.0.0.1:port + path

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<SupplierRequest>& requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    qint64 streamedBytes() const { return m_streamed; }

private:
    struct Connection;
    void onReadable(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const CannedAnswer& answer);
    void streamMore(QTcpSocket* socket);

    QTcpServer* m_server = nullptr;
    Handler m_handler;
    QList<SupplierRequest> m_requests;
    QHash<QTcpSocket*, Connection*> m_connections;
    qint64 m_streamed = 0;
};

} // namespace cardops::test

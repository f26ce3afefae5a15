#include "tests/sync/support/fakeplatformserver.h"

#include "core/signing.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace cardops::test {

struct FakePlatformServer::Connection
{
    QByteArray buffer;
    bool requestRead = false;
    bool counted = false; // counted in m_inFlight
    qint64 streamLeft = 0;
};

FakeResponse FakeResponse::envelope(int status, int code, const QByteArray& message, const QByteArray& data)
{
    FakeResponse r;
    r.status = status;
    r.body = "{\"code\":" + QByteArray::number(code) + ",\"message\":\"" + message + '"';
    if (!data.isEmpty())
        r.body += ",\"data\":" + data;
    r.body += '}';
    return r;
}

FakePlatformServer::FakePlatformServer(QByteArray secret, QObject* parent)
    : QObject(parent)
    , m_secret(std::move(secret))
    , m_server(new QTcpServer(this))
    , m_handler([](const RecordedRequest&) { return FakeResponse::ok("{\"echo\":true}"); })
{
    connect(m_server, &QTcpServer::newConnection, this, &FakePlatformServer::onNewConnection);
}

FakePlatformServer::~FakePlatformServer()
{
    qDeleteAll(m_connections);
}

bool FakePlatformServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakePlatformServer::port() const
{
    return m_server->serverPort();
}

QUrl FakePlatformServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void FakePlatformServer::enqueue(FakeResponse response)
{
    m_script.push_back(std::move(response));
}

void FakePlatformServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, new Connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { streamMore(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            done(socket);
            delete m_connections.take(socket);
            socket->deleteLater();
        });
    }
}

void FakePlatformServer::onReadable(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (!c || c->requestRead)
        return;
    c->buffer += socket->readAll();
    const qsizetype headEnd = c->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = c->buffer.left(headEnd).split('\n');
    RecordedRequest r;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        socket->abort();
        return;
    }
    r.method = requestLine.at(0);
    r.target = requestLine.at(1);
    const qsizetype q = r.target.indexOf('?');
    r.path = q < 0 ? r.target : r.target.left(q);
    r.query = q < 0 ? QByteArray() : r.target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = r.header("Content-Length").toLongLong();
    if (c->buffer.size() - headEnd - 4 < length)
        return; // the body is still coming
    r.body = c->buffer.mid(headEnd + 4, length);
    c->requestRead = true;

    const QByteArray canonical = core::signing::platformCanonical(
        r.method, r.path, r.query, r.header("X-Timestamp"), r.header("X-Nonce"), r.body);
    r.signatureValid = core::signing::verifyPlatformSignature(m_secret, canonical, r.header("X-Signature"));
    const QByteArray nonce = r.header("X-Nonce");
    r.nonceRepeated = m_rejectRepeatedNonces && !nonce.isEmpty() && m_nonces.contains(nonce);
    m_nonces.insert(nonce);
    m_requests.append(r);
    c->counted = true;
    m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);

    FakeResponse response;
    if (r.nonceRepeated) {
        response = FakeResponse::envelope(401, 40104, "nonce repeated");
    } else if (!m_script.empty()) {
        response = std::move(m_script.front());
        m_script.pop_front();
    } else {
        response = m_handler(r);
    }
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, [this, socket, response] { respond(socket, response); });
    else
        respond(socket, response);
}

void FakePlatformServer::respond(QTcpSocket* socket, const FakeResponse& response)
{
    using D = FakeResponse::Delivery;
    Connection* c = m_connections.value(socket);
    if (!c)
        return;
    if (response.delivery == D::Never)
        return;
    if (response.delivery == D::Hangup) {
        done(socket);
        socket->abort();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (response.delivery == D::Normal || response.delivery == D::Truncated)
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (response.delivery == D::Stream && response.announceLength)
        head += "Content-Length: " + QByteArray::number(response.streamBytes) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (response.delivery == D::Stream) {
        c->streamLeft = response.streamBytes;
        streamMore(socket);
        return;
    }
    socket->write(response.delivery == D::Truncated ? response.body.left(response.body.size() / 2)
                                                    : response.body);
    done(socket);
    socket->disconnectFromHost();
}

void FakePlatformServer::streamMore(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (!c || c->streamLeft <= 0)
        return;
    static const QByteArray chunk(64 * 1024, '[');
    while (c->streamLeft > 0 && socket->bytesToWrite() < 4 * 1024 * 1024) {
        const qint64 n = std::min<qint64>(c->streamLeft, chunk.size());
        socket->write(chunk.constData(), n);
        c->streamLeft -= n;
        m_streamed += n;
    }
    if (c->streamLeft == 0) {
        done(socket);
        socket->disconnectFromHost();
    }
}

void FakePlatformServer::done(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (c && c->counted) {
        c->counted = false;
        --m_inFlight;
    }
}

} // namespace cardops::test

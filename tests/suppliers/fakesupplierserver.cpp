#include "tests/suppliers/fakesupplierserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace cardops::test {

struct FakeSupplierServer::Connection
{
    QByteArray buffer;
    bool requestRead = false;
    qint64 streamLeft = 0;
};

QList<std::pair<QByteArray, QByteArray>> SupplierRequest::formFields() const
{
    QList<std::pair<QByteArray, QByteArray>> fields;
    const QList<QByteArray> pieces = body.split('&');
    for (const QByteArray& piece : pieces) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const QByteArray key = eq < 0 ? piece : piece.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        fields.append({QByteArray::fromPercentEncoding(key), QByteArray::fromPercentEncoding(value)});
    }
    return fields;
}

QByteArray SupplierRequest::formField(const QByteArray& key) const
{
    const auto fields = formFields();
    for (const auto& [k, v] : fields) {
        if (k == key)
            return v;
    }
    return {};
}

CannedAnswer CannedAnswer::json(QByteArray body)
{
    CannedAnswer a;
    a.body = std::move(body);
    return a;
}

FakeSupplierServer::FakeSupplierServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_handler([](const SupplierRequest&) { return CannedAnswer::json("{}"); })
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            m_connections.insert(socket, new Connection);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { streamMore(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                delete m_connections.take(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeSupplierServer::~FakeSupplierServer()
{
    qDeleteAll(m_connections);
}

bool FakeSupplierServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeSupplierServer::url(const QString& path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->serverPort()).arg(path));
}

void FakeSupplierServer::onReadable(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (!c || c->requestRead)
        return;
    c->buffer += socket->readAll();
    const qsizetype headEnd = c->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = c->buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        socket->abort();
        return;
    }
    SupplierRequest r;
    r.method = requestLine.at(0);
    r.path = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = r.header("Content-Length").toLongLong();
    if (c->buffer.size() - headEnd - 4 < length)
        return;
    r.body = c->buffer.mid(headEnd + 4, length);
    c->requestRead = true;
    m_requests.append(r);
    respond(socket, m_handler(r));
}

void FakeSupplierServer::respond(QTcpSocket* socket, const CannedAnswer& answer)
{
    using D = CannedAnswer::Delivery;
    Connection* c = m_connections.value(socket);
    if (!c || answer.delivery == D::Never)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + " Canned\r\n";
    if (!answer.contentType.isEmpty())
        head += "Content-Type: " + answer.contentType + "\r\n";
    for (const auto& [name, value] : answer.headers)
        head += name + ": " + value + "\r\n";
    if (answer.delivery != D::Stream)
        head += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (answer.delivery == D::Stream) {
        c->streamLeft = answer.streamBytes;
        streamMore(socket);
        return;
    }
    socket->write(answer.delivery == D::Truncated ? answer.body.left(answer.body.size() / 2) : answer.body);
    socket->disconnectFromHost();
}

void FakeSupplierServer::streamMore(QTcpSocket* socket)
{
    Connection* c = m_connections.value(socket);
    if (!c || c->streamLeft <= 0)
        return;
    static const QByteArray chunk(64 * 1024, ' ');
    while (c->streamLeft > 0 && socket->bytesToWrite() < 1024 * 1024) {
        const qint64 n = std::min<qint64>(c->streamLeft, chunk.size());
        socket->write(chunk.constData(), n);
        c->streamLeft -= n;
        m_streamed += n;
    }
    if (c->streamLeft == 0)
        socket->disconnectFromHost();
}

} // namespace cardops::test

#pragma once

#include "sim/server/simrequest.h"

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

namespace cardops::sim {

// How to answer one request: the response, after how long, or not at all.
struct ResponsePlan
{
    SimResponse response;
    int delayMs = 0;        // > 0: answer later from a timer; other requests go on meanwhile
    bool answer = true;     // false: never answer (the client times out)
    bool drop = false;      // with answer false: close the connection at once, not a byte sent
    QByteArray contentType; // empty = "application/json; charset=utf-8"
};

class HttpFrontPrivate;

// The only place that touches QHttpServer (its API changed in Qt 6.8). Parses HTTP with
// QAbstractHttpServer, hands each request as a SimRequest to the handler and writes the planned
// response itself, immediately or from a timer, so a slow answer never blocks the others.
// Lives in the thread that created it.
class HttpFront : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ResponsePlan(const SimRequest&)>;

    explicit HttpFront(Handler handler, QObject* parent = nullptr);
    ~HttpFront() override;

    // The port listened on, 0 on failure.
    quint16 listen(const QHostAddress& address, quint16 port);

private:
    std::unique_ptr<HttpFrontPrivate> d;
};

} // namespace cardops::sim

#pragma once

#include "suppliers/supplier.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QUrl>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;

// The HTTP leg every supplier adapter shares, the way PlatformTransport does it for the platform:
// one QNetworkAccessManager, the exact body bytes the caller signed, redirects never followed,
// a fixed Accept-Language: zh-CN, a per-call timeout and a cap on the response body (Content-Length
// checked up front, decompressed bytes counted as they arrive). It never retries: whether a
// supplier call may be repeated is the adapter's decision (a purchase never is).
//
// Threading: lives in one thread and is called only from it; futures finish in that thread. Every
// future finishes exactly once; cancelAll() and the destructor finish pending ones with Cancelled.
namespace cardops::suppliers {

struct HttpOptions
{
    std::chrono::milliseconds timeout{30000};       // request sent → body complete
    qint64 maxBodyBytes = qint64{16} * 1024 * 1024; // a longer response is aborted (TooLarge)
    qsizetype diagnosticsBodyBytes = 64 * 1024;     // response bytes kept for the diagnostics view
    // Plain http is refused unless the host is loopback: acg-faka sends its app_key in every body.
    // Set only for a shop that really has no TLS, knowingly.
    bool allowInsecureHttp = false;
};

struct HttpResult
{
    enum Failure {
        None,      // a complete HTTP answer (any status) is in httpStatus and body
        Refused,   // not sent: the URL is unusable or insecure
        Transport, // connection, DNS, TLS, proxy, or the connection broke before a status line
        Timeout,
        Redirect, // a 3xx status, never followed
        TooLarge,
        Truncated, // the status line came, then the connection broke mid-body
        Cancelled,
    };

    Failure failure = None;
    QString detail; // English
    int httpStatus = 0;
    QByteArray body;
    // False only when the request certainly never reached the server (refused locally, connection
    // refused, host not found, TLS handshake failed).
    bool mayHaveArrived = true;
    Diagnostics exchange; // method, URL, headers and bodies as on the wire (no signature fields)

    bool complete() const { return failure == None; }
};

class SupplierHttp final : public QObject
{
    Q_OBJECT
public:
    explicit SupplierHttp(HttpOptions options, QObject* parent = nullptr);
    ~SupplierHttp() override;

    // POSTs `body` exactly as given. contentType e.g. "application/json".
    QFuture<HttpResult> post(const QUrl& url, const QByteArray& contentType, const QByteArray& body);

    void cancelAll();
    int pendingCount() const { return static_cast<int>(m_calls.size()); }
    const HttpOptions& options() const { return m_options; }

    // Why the URL is refused, or nothing: not http(s), no host, or plain http to a host that is not
    // loopback while allowInsecureHttp is off.
    static std::optional<QString> checkUrl(const QUrl& url, bool allowInsecureHttp);

private:
    struct Call;
    void onMetaData(quint64 id);
    void onReadyRead(quint64 id);
    void onTimeout(quint64 id);
    void onFinished(quint64 id);
    void finish(quint64 id, HttpResult result);

    HttpOptions m_options;
    QNetworkAccessManager* m_nam = nullptr;
    std::map<quint64, std::unique_ptr<Call>> m_calls;
    quint64 m_nextId = 1;
};

// The typed error for an HTTP leg that did not end in a complete 2xx answer; nothing otherwise.
// 401/403 are Auth; other statuses outside 2xx are Transport with httpStatus set.
std::optional<SupplierError> httpError(const HttpResult& result);

} // namespace cardops::suppliers

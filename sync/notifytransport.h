#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

// The two legs the Notifier sends on. Neither retries (the Notifier decides) and neither logs.
namespace cardops::sync {

struct WebhookResult
{
    int httpStatus = 0;     // 0: no HTTP answer (see error)
    QByteArray body;        // at most kMaxAnswerBytes
    QString error;          // English; empty when an HTTP answer came
    bool transient = false; // for a failure without an answer: worth another try
};

// POSTs JSON to the chat bots: one QNetworkAccessManager, redirects never followed (a redirect is a
// failure), a per-call timeout and a cap on the answer. The URL, which carries the robot's token, is
// never put into an error text.
// Threading: lives in one thread and is called there; callbacks run in that thread, never inside
// post(), and not at all once the poster or the context is gone.
class WebhookPoster final : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxAnswerBytes = 64 * 1024;
    using Done = std::function<void(WebhookResult)>;

    explicit WebhookPoster(QObject* parent = nullptr);
    ~WebhookPoster() override;

    void post(const QUrl& url, const QByteArray& json, std::chrono::milliseconds timeout, QObject* context,
              Done done);
    void cancelAll();

private:
    struct Call
    {
        QNetworkReply* reply = nullptr;
        QPointer<QObject> context;
        Done done;
        QByteArray body;
        bool timedOut = false;
        bool tooLarge = false;
    };
    void finish(quint64 id);

    QNetworkAccessManager* m_nam = nullptr;
    std::map<quint64, Call> m_calls;
    quint64 m_next = 1;
};

struct SmtpJob
{
    enum class Tls { Implicit, StartTls, None };
    QUrl server; // smtps://host:465 or smtp://host:587
    Tls tls = Tls::StartTls;
    QByteArray username; // empty: no AUTH
    QByteArray password;
    QByteArray caFile;            // PEM file of trusted CAs; empty: the system's
    QByteArray mailFrom;          // the envelope sender, a bare address
    QList<QByteArray> recipients; // bare addresses
    QByteArray message;           // the whole RFC 5322 message (core::notify::buildEmailMessage)
    std::chrono::milliseconds timeout{30000};
};

struct SmtpResult
{
    bool ok = false;
    bool transient = false; // connection, timeout, or an SMTP 4xx reply
    long smtpCode = 0;      // the server's last reply code, when there was one
    QString error;          // English, from libcurl (never holds the password)
};

// Sends e-mail with libcurl's SMTP client (STARTTLS or implicit TLS, AUTH, certificate checks) on
// its own thread, one message at a time, so a slow mail server never blocks the caller's thread.
// libcurl: the mail client Debian keeps patched (libcurl4-openssl-dev), with TLS through the
// OpenSSL we already link, instead of a hand-written SMTP dialogue or an unmaintained Qt SMTP class.
// Threading: created, called and destroyed in one thread; callbacks run there. The destructor aborts
// a transfer in progress and waits for the thread.
class SmtpMailer final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(SmtpResult)>;

    explicit SmtpMailer(QObject* parent = nullptr);
    ~SmtpMailer() override;

    void send(SmtpJob job, QObject* context, Done done);

private:
    QThread* m_thread = nullptr;
    QObject* m_worker = nullptr; // lives in m_thread
    std::shared_ptr<std::atomic<bool>> m_abort;
};

} // namespace cardops::sync

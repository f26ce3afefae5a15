#include "sync/notifytransport.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>
#include <curl/curl.h>
#include <mutex>

using namespace Qt::StringLiterals;

namespace cardops::sync {

// --- WebhookPoster ------------------------------------------------------------------------------

WebhookPoster::WebhookPoster(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

WebhookPoster::~WebhookPoster()
{
    cancelAll();
}

void WebhookPoster::post(const QUrl& url, const QByteArray& json, std::chrono::milliseconds timeout,
                         QObject* context, Done done)
{
    QNetworkRequest q(url);
    q.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    q.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    q.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    q.setRawHeader("Content-Type", "application/json; charset=utf-8");
    q.setRawHeader("Accept", "application/json");
    q.setRawHeader("User-Agent", "CardOps");

    const quint64 id = m_next++;
    QNetworkReply* reply = m_nam->post(q, json);
    m_calls.emplace(id, Call{reply, context, std::move(done), {}, false, false});
    connect(reply, &QNetworkReply::readyRead, this, [this, id] {
        const auto it = m_calls.find(id);
        if (it == m_calls.end() || !it->second.reply || it->second.tooLarge)
            return;
        it->second.body += it->second.reply->readAll();
        if (it->second.body.size() > kMaxAnswerBytes) {
            it->second.tooLarge = true;
            it->second.reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { finish(id); });
    QTimer::singleShot(timeout, reply, [this, id] {
        const auto it = m_calls.find(id);
        if (it == m_calls.end() || !it->second.reply)
            return;
        it->second.timedOut = true;
        it->second.reply->abort();
    });
}

void WebhookPoster::finish(quint64 id)
{
    auto node = m_calls.extract(id);
    if (node.empty())
        return;
    Call& c = node.mapped();
    QNetworkReply* reply = c.reply;
    reply->deleteLater();
    WebhookResult r;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!c.tooLarge && !c.timedOut)
        c.body += reply->readAll();
    if (c.timedOut) {
        r.error = u"no complete answer in time"_s;
        r.transient = true;
    } else if (c.tooLarge || c.body.size() > kMaxAnswerBytes) {
        r.error = u"the answer was larger than %1 bytes"_s.arg(kMaxAnswerBytes);
    } else if (status >= 300 && status <= 399) {
        r.httpStatus = status;
        r.error = u"HTTP %1: a redirect, not followed"_s.arg(status);
    } else if (status == 0) {
        // QNetworkReply's text may quote the URL, and the URL carries the token: name the error only.
        r.error = u"network error %1"_s.arg(static_cast<int>(reply->error()));
        r.transient = true;
    } else {
        r.httpStatus = status;
        r.body = c.body;
    }
    if (c.context)
        c.done(std::move(r));
}

void WebhookPoster::cancelAll()
{
    auto calls = std::move(m_calls);
    m_calls.clear();
    for (auto& [id, c] : calls) {
        disconnect(c.reply, nullptr, this, nullptr);
        c.reply->abort();
        c.reply->deleteLater();
    }
}

// --- SmtpMailer ---------------------------------------------------------------------------------

namespace {

struct Upload
{
    const QByteArray* data;
    qsizetype offset = 0;
};

size_t readMessage(char* buffer, size_t size, size_t count, void* userdata)
{
    auto* u = static_cast<Upload*>(userdata);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype n = std::min(room, u->data->size() - u->offset);
    if (n <= 0)
        return 0;
    memcpy(buffer, u->data->constData() + u->offset, static_cast<size_t>(n));
    u->offset += n;
    return static_cast<size_t>(n);
}

int progress(void* abortFlag, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic<bool>*>(abortFlag)->load() ? 1 : 0;
}

bool transientCurlError(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return true;
    default:
        return false;
    }
}

// Runs on the mailer's thread; blocks it for at most job.timeout.
SmtpResult perform(const SmtpJob& job, std::atomic<bool>* abortFlag)
{
    SmtpResult r;
    CURL* curl = curl_easy_init();
    if (!curl) {
        r.error = u"libcurl could not start"_s;
        return r;
    }
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = job.server.toEncoded();
    const QByteArray from = '<' + job.mailFrom + '>';
    curl_slist* recipients = nullptr;
    for (const QByteArray& to : job.recipients)
        recipients = curl_slist_append(recipients, QByteArray('<' + to + '>').constData());
    Upload upload{&job.message};

    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     job.tls == SmtpJob::Tls::None ? static_cast<long>(CURLUSESSL_NONE)
                                                   : static_cast<long>(CURLUSESSL_ALL));
    if (!job.caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, job.caFile.constData());
    if (!job.username.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, job.username.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, job.password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(job.message.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(job.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(job.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, abortFlag);

    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);

    r.smtpCode = reply;
    if (code == CURLE_OK) {
        r.ok = true;
        return r;
    }
    const QString text =
        errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
    r.error = u"libcurl %1: %2"_s.arg(static_cast<int>(code)).arg(text);
    if (reply >= 400 && reply <= 499)
        r.transient = true;
    else if (reply >= 500)
        r.transient = false;
    else
        r.transient = transientCurlError(code);
    return r;
}

} // namespace

SmtpMailer::SmtpMailer(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_abort(std::make_shared<std::atomic<bool>>(false))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_thread->setObjectName(u"cardops-smtp"_s);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

SmtpMailer::~SmtpMailer()
{
    m_abort->store(true);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void SmtpMailer::send(SmtpJob job, QObject* context, Done done)
{
    QPointer<QObject> guard(context);
    auto abortFlag = m_abort;
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job), guard, done = std::move(done), abortFlag]() mutable {
            SmtpResult r = perform(job, abortFlag.get());
            if (abortFlag->load())
                return;
            QMetaObject::invokeMethod(
                this,
                [guard, done = std::move(done), r = std::move(r)]() {
                    if (guard)
                        done(r);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace cardops::sync

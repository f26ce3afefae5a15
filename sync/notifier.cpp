#include "sync/notifier.h"

#include "sync/notifytext.h"
#include "sync/notifytransport.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cardops::sync {

using core::NotifyChannel;
namespace notify = core::notify;

struct Notifier::Channel
{
    NotifyChannel config;
    QByteArray secret;
    core::NotifyCoalescer coalescer;
    QList<Pending> queue; // the head is in flight or waiting for its retry while busy
    bool busy = false;
    QTimer* retryTimer = nullptr;
    QString problem; // why this channel cannot send at all; empty when it can
};

NotifierOptions NotifierOptions::fromConfig(const core::NotifyConfig& config)
{
    NotifierOptions o;
    o.coalesceWindow = std::chrono::seconds(config.coalesceSeconds);
    o.timeout = std::chrono::seconds(config.timeoutSeconds);
    o.maxAttempts = config.maxAttempts;
    return o;
}

Notifier::Notifier(core::NotifyConfig config, QHash<QString, QByteArray> secrets, QObject* parent)
    : Notifier(config, std::move(secrets), NotifierOptions::fromConfig(config), parent)
{}

Notifier::Notifier(core::NotifyConfig config, QHash<QString, QByteArray> secrets, NotifierOptions options,
                   QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_summaryTimer(new QTimer(this))
    , m_poster(new WebhookPoster(this))
{
    qRegisterMetaType<NotifyFailure>();
    if (!m_options.clock)
        m_ownClock = std::make_unique<core::SystemClock>();
    m_clock = m_options.clock ? m_options.clock : m_ownClock.get();
    m_monotonic.start();
    m_summaryTimer->setSingleShot(true);
    connect(m_summaryTimer, &QTimer::timeout, this, &Notifier::onSummaryTimer);

    for (const NotifyChannel& cfg : config.channels) {
        auto c = std::make_shared<Channel>();
        c->config = cfg;
        c->secret = secrets.value(cfg.name);
        c->coalescer = core::NotifyCoalescer(m_options.coalesceWindow.count());
        c->retryTimer = new QTimer(this);
        c->retryTimer->setSingleShot(true);
        Channel* raw = c.get();
        connect(c->retryTimer, &QTimer::timeout, this, [this, raw] { send(*raw); });
        if (cfg.needsSecret() && c->secret.isEmpty())
            c->problem = u"the secret of channel %1 was not provided"_s.arg(cfg.name);
        else if (cfg.type != NotifyChannel::Type::Email && !cfg.webhook.isValid())
            c->problem = u"channel %1 has no webhook URL (environment variable %2 unresolved?)"_s.arg(
                cfg.name, cfg.webhookEnv);
        if (cfg.type == NotifyChannel::Type::Email && !m_mailer)
            m_mailer = new SmtpMailer(this);
        m_channels.append(c);
    }
}

Notifier::~Notifier() = default;

QStringList Notifier::configurationProblems() const
{
    QStringList out;
    for (const auto& c : m_channels)
        if (!c->problem.isEmpty())
            out.append(c->problem);
    return out;
}

void Notifier::notify(const core::Notification& n)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, n] { notify(n); }, Qt::QueuedConnection);
        return;
    }
    const qint64 now = nowMs();
    for (const auto& c : m_channels) {
        if (!c->config.wants(n.kind))
            continue;
        if (auto out = c->coalescer.offer(n, now))
            enqueue(*c, *out);
    }
    scheduleSummaries();
    for (const auto& c : m_channels)
        pump(*c);
}

void Notifier::flush()
{
    for (const auto& c : m_channels) {
        for (const auto& out : c->coalescer.takeAll())
            enqueue(*c, out);
        pump(*c);
    }
    scheduleSummaries();
}

bool Notifier::isIdle() const
{
    for (const auto& c : m_channels)
        if (c->busy || !c->queue.isEmpty())
            return false;
    return true;
}

int Notifier::heldCount() const
{
    int n = 0;
    for (const auto& c : m_channels)
        n += c->coalescer.heldCount();
    return n;
}

void Notifier::enqueue(Channel& c, const core::NotifyCoalescer::Out& out)
{
    // Never past the cap: the oldest waiting message (not the one in flight) makes room, and is
    // reported, so nothing goes silently.
    const qsizetype firstWaiting = c.busy ? 1 : 0;
    if (c.queue.size() >= m_options.maxQueuedPerChannel && c.queue.size() > firstWaiting) {
        const Pending dropped = c.queue.takeAt(firstWaiting);
        report(c, dropped, false,
               u"dropped: more than %1 messages waiting on this channel"_s.arg(m_options.maxQueuedPerChannel),
               0, std::nullopt);
    }
    c.queue.append(Pending{out.notification, out.more, 0});
}

void Notifier::pump(Channel& c)
{
    if (c.busy || c.queue.isEmpty())
        return;
    c.busy = true;
    send(c);
}

void Notifier::send(Channel& c)
{
    if (c.queue.isEmpty()) {
        c.busy = false;
        checkIdle();
        return;
    }
    Pending& p = c.queue.first();
    ++p.attempt;
    if (!c.problem.isEmpty()) {
        // Deferred so that notify() never emits failed() from inside the caller's call.
        QTimer::singleShot(0, this, [this, &c, problem = c.problem] {
            onResult(c, false, false, false, problem, 0, std::nullopt);
        });
        return;
    }
    if (c.config.type == NotifyChannel::Type::Email)
        sendEmail(c, p);
    else
        sendWebhook(c, p);
}

QString Notifier::messageText(const Pending& p) const
{
    QString text = notify::plainText(p.notification);
    if (p.more > 0)
        text += u'\n' + NotifyText::more(p.more);
    return text;
}

void Notifier::sendWebhook(Channel& c, const Pending& p)
{
    const NotifyChannel& cfg = c.config;
    const QString text = messageText(p);
    QByteArray body;
    QUrl url = cfg.webhook;
    notify::Vendor vendor = notify::Vendor::WeCom;
    switch (cfg.type) {
    case NotifyChannel::Type::WeCom: {
        if (cfg.markdown) {
            QString md = u"**"_s + p.notification.title + u"**"_s;
            const QString rest = text.mid(p.notification.title.size());
            body = notify::wecomMarkdownBody(notify::truncateUtf8(md + rest, 4096));
        } else {
            body = notify::wecomTextBody(notify::truncateUtf8(text, 2048));
        }
        break;
    }
    case NotifyChannel::Type::DingTalk: {
        vendor = notify::Vendor::DingTalk;
        if (cfg.markdown) {
            QString md =
                u"#### "_s + p.notification.title + u"\n\n"_s + text.mid(p.notification.title.size() + 1);
            body = notify::dingtalkMarkdownBody(p.notification.title, notify::truncateUtf8(md, 4096));
        } else {
            body = notify::dingtalkTextBody(notify::truncateUtf8(text, 4096));
        }
        if (!c.secret.isEmpty())
            url = notify::dingtalkSignedUrl(cfg.webhook, m_clock->nowMilliseconds(), c.secret);
        break;
    }
    case NotifyChannel::Type::Feishu:
        vendor = notify::Vendor::Feishu;
        body = notify::feishuTextBody(notify::truncateUtf8(text, 15000), m_clock->nowSeconds(), c.secret);
        break;
    case NotifyChannel::Type::Email:
        return;
    }
    Channel* raw = &c;
    m_poster->post(url, body, m_options.timeout, this, [this, raw, vendor](WebhookResult r) {
        if (r.httpStatus == 0) {
            onResult(*raw, false, r.transient, false, r.error, 0, std::nullopt);
            return;
        }
        if (!r.error.isEmpty()) {
            onResult(*raw, false, false, false, r.error, r.httpStatus, std::nullopt);
            return;
        }
        const notify::WebhookAnswer a = notify::interpretWebhookAnswer(vendor, r.httpStatus, r.body);
        onResult(*raw, a.ok, a.transient, a.rateLimited, a.detail, r.httpStatus, a.vendorCode);
    });
}

void Notifier::sendEmail(Channel& c, const Pending& p)
{
    const NotifyChannel& cfg = c.config;
    notify::EmailMessage m;
    m.from = cfg.from;
    m.to = cfg.to;
    m.subject = u"[CardOps] "_s + p.notification.title;
    if (p.more > 0)
        m.subject += u" (+%1)"_s.arg(p.more);
    m.body = messageText(p);
    const qint64 ms = m_clock->nowMilliseconds();
    m.date = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(static_cast<int>(core::ShanghaiOffsetSeconds)));
    const QString domain = cfg.from.address.section(u'@', 1);
    m.messageId = QByteArray::number(ms) + '.' +
                  QByteArray::number(QRandomGenerator::global()->generate64(), 16) + '@' + domain.toLatin1();
    auto message = notify::buildEmailMessage(m);
    Channel* raw = &c;
    if (!message) {
        QTimer::singleShot(0, this, [this, raw, detail = message.error().detail] {
            onResult(*raw, false, false, false, detail, 0, std::nullopt);
        });
        return;
    }
    SmtpJob job;
    job.server = cfg.smtp;
    job.tls = cfg.tls == NotifyChannel::Tls::Implicit   ? SmtpJob::Tls::Implicit
              : cfg.tls == NotifyChannel::Tls::StartTls ? SmtpJob::Tls::StartTls
                                                        : SmtpJob::Tls::None;
    job.username = cfg.username.toUtf8();
    job.caFile = QFile::encodeName(cfg.caFile);
    job.password = c.secret;
    job.mailFrom = cfg.from.address.toLatin1();
    for (const auto& to : cfg.to)
        job.recipients.append(to.address.toLatin1());
    job.message = *message;
    job.timeout = m_options.timeout;
    m_mailer->send(std::move(job), this, [this, raw](SmtpResult r) {
        const QString detail =
            r.ok ? QString() : (r.smtpCode ? u"SMTP %1, "_s.arg(r.smtpCode) : QString()) + r.error;
        onResult(*raw, r.ok, r.transient, false, detail, 0, std::nullopt);
    });
}

void Notifier::onResult(Channel& c, bool ok, bool transient, bool rateLimited, QString detail, int httpStatus,
                        std::optional<qint64> vendorCode)
{
    if (c.queue.isEmpty()) {
        c.busy = false;
        return;
    }
    const Pending p = c.queue.first();
    if (ok) {
        c.queue.removeFirst();
        Q_EMIT delivered(c.config.name, p.notification.kind);
    } else {
        const bool willRetry = transient && p.attempt < m_options.maxAttempts;
        report(c, p, willRetry, std::move(detail), httpStatus, vendorCode);
        if (willRetry) {
            c.retryTimer->start(backoff(p.attempt, rateLimited));
            return;
        }
        c.queue.removeFirst();
    }
    c.busy = false;
    pump(c);
    checkIdle();
}

void Notifier::report(const Channel& c, const Pending& p, bool willRetry, QString detail, int httpStatus,
                      std::optional<qint64> vendorCode)
{
    NotifyFailure f;
    f.channel = c.config.name;
    f.type = c.config.type;
    f.kind = p.notification.kind;
    f.title = p.notification.title;
    f.attempt = p.attempt;
    f.willRetry = willRetry;
    f.detail = std::move(detail);
    f.httpStatus = httpStatus;
    f.vendorCode = vendorCode;
    f.atMs = m_clock->nowMilliseconds();
    m_failures.append(f);
    while (m_failures.size() > m_options.keptFailures)
        m_failures.removeFirst();
    Q_EMIT failed(f);
}

std::chrono::milliseconds Notifier::backoff(int attempt, bool rateLimited) const
{
    auto delay = m_options.firstBackoff;
    for (int i = 1; i < attempt && delay < m_options.maxBackoff; ++i)
        delay *= 4;
    delay = std::min(delay, m_options.maxBackoff);
    return rateLimited ? std::max(delay, m_options.rateLimitBackoff) : delay;
}

void Notifier::scheduleSummaries()
{
    std::optional<qint64> due;
    for (const auto& c : m_channels)
        if (auto d = c->coalescer.nextDueMs(); d && (!due || *d < *due))
            due = d;
    if (!due) {
        m_summaryTimer->stop();
        return;
    }
    m_summaryTimer->start(static_cast<int>(std::max<qint64>(0, *due - nowMs())));
}

void Notifier::onSummaryTimer()
{
    const qint64 now = nowMs();
    for (const auto& c : m_channels) {
        for (const auto& out : c->coalescer.takeDue(now))
            enqueue(*c, out);
        pump(*c);
    }
    scheduleSummaries();
}

void Notifier::checkIdle()
{
    if (isIdle())
        Q_EMIT idle();
}

} // namespace cardops::sync

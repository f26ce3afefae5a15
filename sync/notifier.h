#pragma once

#include "core/clock.h"
#include "core/notification.h"
#include "core/notifycoalescer.h"
#include "core/notifyconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <optional>

class QTimer;

// Sends the unattended worker's notifications to 企业微信 / 钉钉 / 飞书 group bots and e-mail
// (docs/notifications.md). notify() only queues and returns: sending happens later in this object's
// thread (webhooks) and on a mail thread (SMTP), so the worker is never held up. Per channel: at most
// one message per kind per coalescing window (the rest summed up as "and N more"), one message in
// flight at a time, transient failures retried with back-off up to maxAttempts, and every failed
// attempt reported through failed() and kept in recentFailures(). Secrets never appear in a report.
// Threading: lives in one thread with an event loop; notify() may be called from any thread.
namespace cardops::sync {

class WebhookPoster;
class SmtpMailer;

struct NotifierOptions
{
    std::chrono::milliseconds coalesceWindow{60000};
    std::chrono::milliseconds timeout{10000}; // per attempt
    int maxAttempts = 4;
    std::chrono::milliseconds firstBackoff{2000}; // then ×4 per attempt, up to maxBackoff
    std::chrono::milliseconds maxBackoff{60000};
    std::chrono::milliseconds rateLimitBackoff{60000}; // after the vendor says "too fast"
    int maxQueuedPerChannel = 100;
    int keptFailures = 200;
    const core::Clock* clock = nullptr; // signing timestamps and Date headers; null: the system clock

    static NotifierOptions fromConfig(const core::NotifyConfig& config);
};

struct NotifyFailure
{
    QString channel;
    core::NotifyChannel::Type type = core::NotifyChannel::Type::WeCom;
    core::Notification::Kind kind = core::Notification::Kind::Test;
    QString title;
    int attempt = 0;        // 1-based
    bool willRetry = false; // false: this message is given up on this channel
    QString detail;         // English: HTTP status, vendor code and message, or the mail error
    int httpStatus = 0;
    std::optional<qint64> vendorCode;
    qint64 atMs = 0; // wall clock
};

class Notifier final : public QObject
{
    Q_OBJECT
public:
    // secrets: by channel name (the signing secret, or the SMTP password). A channel whose config
    // needs a secret that is missing here reports every message it is given as failed.
    Notifier(core::NotifyConfig config, QHash<QString, QByteArray> secrets, NotifierOptions options,
             QObject* parent = nullptr);
    Notifier(core::NotifyConfig config, QHash<QString, QByteArray> secrets, QObject* parent = nullptr);
    ~Notifier() override;

    // Queues n for every channel that wants its kind. Any thread; never blocks.
    void notify(const core::Notification& n);

    // Sends every held summary now, without waiting for its window (before the worker exits).
    void flush();

    // Nothing queued, in flight or waiting for a retry (held summaries aside: see heldCount()).
    bool isIdle() const;
    int heldCount() const;
    int channelCount() const { return static_cast<int>(m_channels.size()); }
    QStringList configurationProblems() const; // English, one line per channel that cannot send
    QList<NotifyFailure> recentFailures() const { return m_failures; }

Q_SIGNALS:
    void delivered(const QString& channel, cardops::core::Notification::Kind kind);
    void failed(const cardops::sync::NotifyFailure& failure);
    void idle();

private:
    struct Pending
    {
        core::Notification notification;
        int more = 0;
        int attempt = 0;
    };
    struct Channel;

    void enqueue(Channel& c, const core::NotifyCoalescer::Out& out);
    void pump(Channel& c);
    void send(Channel& c);
    void sendWebhook(Channel& c, const Pending& p);
    void sendEmail(Channel& c, const Pending& p);
    void onResult(Channel& c, bool ok, bool transient, bool rateLimited, QString detail, int httpStatus,
                  std::optional<qint64> vendorCode);
    void report(const Channel& c, const Pending& p, bool willRetry, QString detail, int httpStatus,
                std::optional<qint64> vendorCode);
    void scheduleSummaries();
    void onSummaryTimer();
    void checkIdle();
    std::chrono::milliseconds backoff(int attempt, bool rateLimited) const;
    qint64 nowMs() const { return m_monotonic.elapsed(); }
    QString messageText(const Pending& p) const;

    NotifierOptions m_options;
    std::unique_ptr<core::SystemClock> m_ownClock;
    const core::Clock* m_clock = nullptr;
    QList<std::shared_ptr<Channel>> m_channels;
    QList<NotifyFailure> m_failures;
    QElapsedTimer m_monotonic;
    QTimer* m_summaryTimer = nullptr;
    WebhookPoster* m_poster = nullptr;
    SmtpMailer* m_mailer = nullptr;
};

} // namespace cardops::sync

Q_DECLARE_METATYPE(cardops::sync::NotifyFailure)

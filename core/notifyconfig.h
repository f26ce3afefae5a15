#pragma once

#include "core/notification.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

// The notification channels of `cardops-cli serve --config FILE`: the [notify] section and one
// [notify.<name>] section per channel (keys in docs/notifications.md). Secrets are never read from
// the file: a value may only name where the secret is (env:NAME or keychain). Pure: any thread.
namespace cardops::core {

struct NotifySecretRef
{
    enum class Source { None, Environment, Keychain };
    Source source = Source::None;
    QString name; // the environment variable (Environment); empty otherwise
};

struct NotifyChannel
{
    enum class Type { WeCom, DingTalk, Feishu, Email };
    enum class Tls {
        Implicit, // smtps://, TLS from the first byte (port 465)
        StartTls, // smtp:// upgraded with STARTTLS, which is required (port 587)
        None,     // plain SMTP: loopback hosts only
    };

    QString name; // [A-Za-z0-9_-], from the section name
    Type type = Type::WeCom;
    QList<Notification::Kind> events; // what this channel is sent

    // Webhooks. The URL carries the robot's token, so it may come from the environment instead.
    QUrl webhook;
    QString webhookEnv;    // set when the file says webhook = env:NAME (resolveEnvironment fills webhook)
    bool markdown = false; // 企业微信 and 钉钉: markdown instead of text
    // 钉钉 and 飞书: the signing secret (加签 / 签名校验); e-mail: the SMTP password.
    NotifySecretRef secret;

    // E-mail.
    QUrl smtp; // smtps://host[:465] or smtp://host[:587]
    Tls tls = Tls::StartTls;
    QString username;
    QString caFile; // PEM: the CAs to trust instead of the system's (a mail server with a private CA)
    notify::EmailAddress from;
    QList<notify::EmailAddress> to;

    bool needsSecret() const { return secret.source != NotifySecretRef::Source::None; }
    bool wants(Notification::Kind kind) const { return events.contains(kind); }
};

struct NotifyConfig
{
    QList<NotifyChannel> channels; // the active ones, in the order [notify] channels lists them
    int coalesceSeconds = 60;      // at most one message per kind per channel in this window
    int timeoutSeconds = 10;       // per attempt
    int maxAttempts = 4;           // per message, transient failures only
};

// Parses the notify sections of an INI text (other sections are left to their own readers).
// Errors say "<fileName>:<line>: …" (InvalidArgument, English). No [notify] section is an empty
// config (notifications off), not an error.
Result<NotifyConfig> parseNotifyConfig(QByteArrayView iniText,
                                       const QString& fileName = QStringLiteral("config"));
// Reads the file (Io when it cannot be read) and parses it.
Result<NotifyConfig> loadNotifyConfig(const QString& path);

using EnvLookup = std::function<QByteArray(const QString& name)>;
// qgetenv.
QByteArray systemEnvironment(const QString& name);

// Fills each webhook = env:NAME from the environment and returns the secrets whose source is the
// environment, by channel name. Secrets whose source is the keychain are not included: the caller
// reads them (notifyKeychainKey). InvalidArgument naming the channel and the variable (never a
// value) when a variable is unset or empty, or holds an unusable URL.
Result<QHash<QString, QByteArray>> resolveEnvironment(NotifyConfig& config,
                                                      const EnvLookup& env = systemEnvironment);

// The keychain entry of a channel's secret: "profile/<profile>/notify/<channel>".
QString notifyKeychainKey(const QString& profile, const QString& channel);

QString notifyChannelTypeKey(NotifyChannel::Type type); // wecom, dingtalk, feishu, email

} // namespace cardops::core

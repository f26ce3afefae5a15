#include "core/notifyconfig.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>
#include <optional>

using namespace Qt::StringLiterals;

namespace cardops::core {

namespace {

struct Value
{
    QString text;
    int line = 0;
};

struct Section
{
    QString name;
    int line = 0;
    QMap<QString, Value> values;
};

class Parser
{
public:
    explicit Parser(QString fileName)
        : m_file(std::move(fileName))
    {}

    Error error(int line, const QString& what) const
    {
        return makeError(ErrorCode::InvalidArgument, u"%1:%2: %3"_s.arg(m_file).arg(line).arg(what));
    }

    // The notify sections of the text, in file order.
    Result<QList<Section>> sections(QByteArrayView text) const
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString decoded = utf8(text);
        if (utf8.hasError())
            return error(1, u"the file is not UTF-8"_s);
        if (decoded.startsWith(QChar(0xFEFF)))
            decoded.remove(0, 1);
        const QStringList lines = decoded.split(u'\n');
        QList<Section> out;
        bool inNotify = false;
        for (int i = 0; i < lines.size(); ++i) {
            const int lineNo = i + 1;
            const QString line = lines[i].trimmed();
            if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
                continue;
            if (line.startsWith(u'[')) {
                if (!line.endsWith(u']'))
                    return error(lineNo, u"a section header must end with ']'"_s);
                const QString name = line.mid(1, line.size() - 2).trimmed();
                inNotify = name == u"notify" || name.startsWith(u"notify.");
                if (!inNotify)
                    continue;
                for (const Section& s : out)
                    if (s.name == name)
                        return error(
                            lineNo, u"section [%1] appears twice (first on line %2)"_s.arg(name).arg(s.line));
                out.append(Section{name, lineNo, {}});
                continue;
            }
            if (!inNotify)
                continue;
            const qsizetype eq = line.indexOf(u'=');
            if (eq <= 0)
                return error(lineNo, u"expected key = value"_s);
            const QString key = line.left(eq).trimmed();
            QString value = line.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            Section& s = out.last();
            if (s.values.contains(key))
                return error(lineNo, u"key '%1' appears twice in [%2]"_s.arg(key, s.name));
            s.values.insert(key, Value{value, lineNo});
        }
        return out;
    }

    std::optional<Error> checkKeys(const Section& s, const QStringList& allowed) const
    {
        for (auto it = s.values.begin(); it != s.values.end(); ++it)
            if (!allowed.contains(it.key()))
                return error(it->line, u"unknown key '%1' in [%2] (known: %3)"_s.arg(it.key(), s.name,
                                                                                     allowed.join(u", "_s)));
        return std::nullopt;
    }

    Result<int> integer(const Section& s, const QString& key, int fallback, int min, int max) const
    {
        if (!s.values.contains(key))
            return fallback;
        const Value v = s.values.value(key);
        bool ok = false;
        const int n = v.text.toInt(&ok);
        if (!ok || n < min || n > max)
            return error(
                v.line, u"%1 must be a whole number from %2 to %3, not '%4'"_s.arg(key).arg(min).arg(max).arg(
                            v.text));
        return n;
    }

    Result<QList<Notification::Kind>> events(const Value& v) const
    {
        QList<Notification::Kind> out;
        for (const QString& item : v.text.split(u',', Qt::SkipEmptyParts)) {
            const QString key = item.trimmed();
            if (key == u"all")
                return allNotificationKinds();
            const auto kind = notificationKindFromKey(key);
            if (!kind)
                return error(v.line,
                             u"unknown event '%1' (known: all, review_item, delivery_failed, lease_lost, "
                             u"lease_taken, worker_started, worker_stopped, low_stock, test)"_s.arg(key));
            if (!out.contains(*kind))
                out.append(*kind);
        }
        if (out.isEmpty())
            return error(v.line, u"events lists nothing"_s);
        return out;
    }

    Result<NotifySecretRef> secret(const Value& v) const
    {
        static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        NotifySecretRef ref;
        if (v.text == u"keychain") {
            ref.source = NotifySecretRef::Source::Keychain;
        } else if (v.text.startsWith(u"env:") && envName.match(v.text.mid(4)).hasMatch()) {
            ref.source = NotifySecretRef::Source::Environment;
            ref.name = v.text.mid(4);
        } else if (!v.text.isEmpty()) {
            return error(v.line, u"secret must be env:VARIABLE or keychain; secrets are never read from the "
                                 u"file"_s);
        }
        return ref;
    }

    static bool isLoopback(const QString& host)
    {
        return host == u"localhost" || host.startsWith(u"127.") || host == u"::1";
    }

    Result<NotifyChannel> channel(const Section& s, const QList<Notification::Kind>& defaultEvents) const
    {
        NotifyChannel c;
        c.name = s.name.mid(7);
        static const QRegularExpression nameRe(u"^[A-Za-z0-9_-]{1,64}$"_s);
        if (!nameRe.match(c.name).hasMatch())
            return error(s.line, u"a channel name is 1 to 64 of A-Z a-z 0-9 _ -: [%1]"_s.arg(s.name));
        const Value type = s.values.value(u"type"_s);
        const QMap<QString, NotifyChannel::Type> types = {{u"wecom"_s, NotifyChannel::Type::WeCom},
                                                          {u"dingtalk"_s, NotifyChannel::Type::DingTalk},
                                                          {u"feishu"_s, NotifyChannel::Type::Feishu},
                                                          {u"email"_s, NotifyChannel::Type::Email}};
        if (!types.contains(type.text))
            return error(type.line ? type.line : s.line,
                         u"[%1] needs type = wecom, dingtalk, feishu or email"_s.arg(s.name));
        c.type = types.value(type.text);
        const bool email = c.type == NotifyChannel::Type::Email;
        const QStringList allowed =
            email ? QStringList{u"type"_s,   u"events"_s, u"smtp"_s, u"tls"_s,    u"username"_s,
                                u"secret"_s, u"from"_s,   u"to"_s,   u"ca_file"_s}
                  : QStringList{u"type"_s, u"events"_s, u"webhook"_s, u"secret"_s, u"format"_s};
        if (auto e = checkKeys(s, allowed))
            return *e;

        c.events = defaultEvents;
        if (s.values.contains(u"events"_s)) {
            auto ev = events(s.values.value(u"events"_s));
            if (!ev)
                return ev.error();
            c.events = *ev;
        }
        if (s.values.contains(u"secret"_s)) {
            auto ref = secret(s.values.value(u"secret"_s));
            if (!ref)
                return ref.error();
            c.secret = *ref;
        }
        if (c.type == NotifyChannel::Type::WeCom && c.needsSecret())
            return error(s.values.value(u"secret"_s).line,
                         u"企业微信 robots have no signing secret; the key is in the webhook URL"_s);
        return email ? emailChannel(s, std::move(c)) : webhookChannel(s, std::move(c));
    }

    Result<NotifyChannel> webhookChannel(const Section& s, NotifyChannel c) const
    {
        const Value hook = s.values.value(u"webhook"_s);
        if (hook.text.isEmpty())
            return error(s.line, u"[%1] needs webhook = https://… or env:VARIABLE"_s.arg(s.name));
        if (hook.text.startsWith(u"env:")) {
            c.webhookEnv = hook.text.mid(4);
        } else {
            c.webhook = QUrl(hook.text, QUrl::StrictMode);
            if (auto why = checkWebhook(c.webhook))
                return error(hook.line, *why);
        }
        const Value format = s.values.value(u"format"_s, Value{u"text"_s, s.line});
        if (format.text != u"text" && format.text != u"markdown")
            return error(format.line, u"format must be text or markdown"_s);
        if (format.text == u"markdown" && c.type == NotifyChannel::Type::Feishu)
            return error(format.line, u"飞书 channels send text only"_s);
        c.markdown = format.text == u"markdown";
        return c;
    }

    Result<NotifyChannel> emailChannel(const Section& s, NotifyChannel c) const
    {
        const Value smtp = s.values.value(u"smtp"_s);
        c.smtp = QUrl(smtp.text, QUrl::StrictMode);
        const QString scheme = c.smtp.scheme();
        if (!c.smtp.isValid() || c.smtp.host().isEmpty() || (scheme != u"smtp" && scheme != u"smtps") ||
            !c.smtp.path().isEmpty() || !c.smtp.userInfo().isEmpty())
            return error(
                smtp.line ? smtp.line : s.line,
                u"[%1] needs smtp = smtps://host[:port] or smtp://host[:port] (no user or path)"_s.arg(
                    s.name));
        const Value tls =
            s.values.value(u"tls"_s, Value{scheme == u"smtps" ? u"implicit"_s : u"starttls"_s, smtp.line});
        if (tls.text == u"implicit")
            c.tls = NotifyChannel::Tls::Implicit;
        else if (tls.text == u"starttls")
            c.tls = NotifyChannel::Tls::StartTls;
        else if (tls.text == u"none")
            c.tls = NotifyChannel::Tls::None;
        else
            return error(tls.line, u"tls must be implicit, starttls or none"_s);
        if ((c.tls == NotifyChannel::Tls::Implicit) != (scheme == u"smtps"))
            return error(tls.line, u"tls = implicit goes with smtps://, starttls and none with smtp://"_s);
        if (c.tls == NotifyChannel::Tls::None && !isLoopback(c.smtp.host()))
            return error(tls.line, u"tls = none is allowed only for a loopback SMTP host"_s);
        const Value ca = s.values.value(u"ca_file"_s);
        if (s.values.contains(u"ca_file"_s) &&
            (c.tls == NotifyChannel::Tls::None || !QDir::isAbsolutePath(ca.text)))
            return error(ca.line, u"ca_file must be an absolute path, and needs TLS"_s);
        c.caFile = ca.text;
        c.username = s.values.value(u"username"_s).text;
        if (!c.username.isEmpty() && !c.needsSecret())
            return error(s.values.value(u"username"_s).line,
                         u"username without secret = env:VARIABLE or keychain"_s);

        const Value from = s.values.value(u"from"_s);
        auto fromAddress = notify::parseEmailAddress(from.text);
        if (!fromAddress)
            return error(from.line ? from.line : s.line, u"from: "_s + fromAddress.error().detail);
        c.from = *fromAddress;
        const Value to = s.values.value(u"to"_s);
        for (const QString& item : to.text.split(u',', Qt::SkipEmptyParts)) {
            auto address = notify::parseEmailAddress(item);
            if (!address)
                return error(to.line, u"to: "_s + address.error().detail);
            c.to.append(*address);
        }
        if (c.to.isEmpty())
            return error(to.line ? to.line : s.line, u"[%1] needs to = one or more addresses"_s.arg(s.name));
        return c;
    }

    static std::optional<QString> checkWebhook(const QUrl& url)
    {
        if (!url.isValid() || url.host().isEmpty())
            return u"webhook is not a usable URL"_s;
        if (url.scheme() == u"https" || (url.scheme() == u"http" && isLoopback(url.host())))
            return std::nullopt;
        return u"webhook must be https:// (plain http only to a loopback host)"_s;
    }

private:
    QString m_file;
};

} // namespace

Result<NotifyConfig> parseNotifyConfig(QByteArrayView iniText, const QString& fileName)
{
    const Parser p(fileName);
    auto sections = p.sections(iniText);
    if (!sections)
        return sections.error();
    NotifyConfig config;
    const Section* main = nullptr;
    for (const Section& s : *sections)
        if (s.name == u"notify")
            main = &s;
    if (!main) {
        if (!sections->isEmpty())
            return p.error(sections->first().line,
                           u"[%1] without a [notify] section"_s.arg(sections->first().name));
        return config;
    }
    if (auto e = p.checkKeys(*main, {u"channels"_s, u"events"_s, u"coalesce_seconds"_s, u"timeout_seconds"_s,
                                     u"max_attempts"_s}))
        return *e;
    auto coalesce = p.integer(*main, u"coalesce_seconds"_s, 60, 0, 3600);
    auto timeout = p.integer(*main, u"timeout_seconds"_s, 10, 1, 120);
    auto attempts = p.integer(*main, u"max_attempts"_s, 4, 1, 10);
    for (const auto* r : {&coalesce, &timeout, &attempts})
        if (!*r)
            return r->error();
    config.coalesceSeconds = *coalesce;
    config.timeoutSeconds = *timeout;
    config.maxAttempts = *attempts;

    QList<Notification::Kind> defaultEvents = allNotificationKinds();
    if (main->values.contains(u"events"_s)) {
        auto ev = p.events(main->values.value(u"events"_s));
        if (!ev)
            return ev.error();
        defaultEvents = *ev;
    }

    QMap<QString, NotifyChannel> defined;
    for (const Section& s : *sections) {
        if (s.name == u"notify")
            continue;
        auto channel = p.channel(s, defaultEvents);
        if (!channel)
            return channel.error();
        defined.insert(channel->name, *channel);
    }
    const Value listed = main->values.value(u"channels"_s, Value{QString(), main->line});
    for (const QString& item : listed.text.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.trimmed();
        if (!defined.contains(name))
            return p.error(listed.line, u"channel '%1' has no [notify.%1] section"_s.arg(name));
        for (const NotifyChannel& c : config.channels)
            if (c.name == name)
                return p.error(listed.line, u"channel '%1' is listed twice"_s.arg(name));
        config.channels.append(defined.value(name));
    }
    return config;
}

Result<NotifyConfig> loadNotifyConfig(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, u"cannot read %1: %2"_s.arg(path, f.errorString()));
    return parseNotifyConfig(f.readAll(), path);
}

QByteArray systemEnvironment(const QString& name)
{
    return qgetenv(name.toLocal8Bit().constData());
}

Result<QHash<QString, QByteArray>> resolveEnvironment(NotifyConfig& config, const EnvLookup& env)
{
    QHash<QString, QByteArray> secrets;
    for (NotifyChannel& c : config.channels) {
        if (!c.webhookEnv.isEmpty()) {
            const QByteArray value = env(c.webhookEnv).trimmed();
            if (value.isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                                 u"channel %1: environment variable %2 (the webhook) is not set"_s.arg(
                                     c.name, c.webhookEnv));
            const QUrl url = QUrl::fromEncoded(value, QUrl::StrictMode);
            if (auto why = Parser::checkWebhook(url))
                return makeError(ErrorCode::InvalidArgument, u"channel %1: environment variable %2: %3"_s.arg(
                                                                 c.name, c.webhookEnv, *why));
            c.webhook = url;
        }
        if (c.secret.source == NotifySecretRef::Source::Environment) {
            const QByteArray value = env(c.secret.name);
            if (value.isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                                 u"channel %1: environment variable %2 (the secret) is not set"_s.arg(
                                     c.name, c.secret.name));
            secrets.insert(c.name, value);
        }
    }
    return secrets;
}

QString notifyKeychainKey(const QString& profile, const QString& channel)
{
    return u"profile/%1/notify/%2"_s.arg(profile, channel);
}

QString notifyChannelTypeKey(NotifyChannel::Type type)
{
    switch (type) {
    case NotifyChannel::Type::WeCom:
        return u"wecom"_s;
    case NotifyChannel::Type::DingTalk:
        return u"dingtalk"_s;
    case NotifyChannel::Type::Feishu:
        return u"feishu"_s;
    case NotifyChannel::Type::Email:
        return u"email"_s;
    }
    return u"unknown"_s;
}

} // namespace cardops::core

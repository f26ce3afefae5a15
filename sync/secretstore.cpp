#include "sync/secretstore.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <algorithm>
#include <qt6keychain/keychain.h>
#include <utility>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define CARDOPS_KEYCHAIN_ON_DBUS 1
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#endif

namespace cardops::sync {

using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::makeError;
using core::Result;

namespace {

// The first line of the fallback file: whoever opens it learns what it is and why it exists.
constexpr QByteArrayView kLabelPrefix = "# CardOps platform secret for profile ";
// A secret is a few dozen bytes; a larger file is not ours.
constexpr qint64 kMaxFallbackFileSize = 64 * 1024;

// Runs done(result) in the context's thread once control returns to its event loop; Qt drops the
// call when the context is destroyed first.
template<typename T, typename Done> void deliver(QObject* context, Done done, T result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() { done(result); },
        Qt::QueuedConnection);
}

QString keychainErrorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return u"NoError"_s;
    case QKeychain::EntryNotFound:
        return u"EntryNotFound"_s;
    case QKeychain::CouldNotDeleteEntry:
        return u"CouldNotDeleteEntry"_s;
    case QKeychain::AccessDeniedByUser:
        return u"AccessDeniedByUser"_s;
    case QKeychain::AccessDenied:
        return u"AccessDenied"_s;
    case QKeychain::NoBackendAvailable:
        return u"NoBackendAvailable"_s;
    case QKeychain::NotImplemented:
        return u"NotImplemented"_s;
    case QKeychain::OtherError:
        break;
    }
    return u"OtherError"_s;
}

core::Error keychainError(const QKeychain::Job& job, const QString& operation)
{
    const ErrorCode code = job.error() == QKeychain::EntryNotFound ? ErrorCode::NotFound : ErrorCode::Io;
    return makeError(code, u"keychain "_s + operation + u" of "_s + job.key() + u" failed ("_s +
                               keychainErrorName(job.error()) + u"): "_s + job.errorString());
}

core::Error noKeychain(const QString& operation)
{
    return makeError(ErrorCode::Io, u"keychain "_s + operation +
                                        u": no keychain service is running (no Secret Service or KWallet on "
                                        u"the D-Bus session bus)"_s);
}

core::Error invalidProfile(const QString& profile)
{
    return makeError(ErrorCode::InvalidArgument, u"not a valid profile name: \""_s + profile + u'"');
}

} // namespace

SecretStore::SecretStore(QString fallbackDirectory, QObject* parent)
    : QObject(parent)
    , m_directory(QDir::cleanPath(std::move(fallbackDirectory)))
{}

QString SecretStore::fallbackFilePath() const
{
    return m_directory + u'/' + kFallbackFileName;
}

QString SecretStore::keychainKey(const QString& profile)
{
    return u"profile/"_s + profile + u"/platform"_s;
}

bool SecretStore::keychainServiceAvailable()
{
#ifdef CARDOPS_KEYCHAIN_ON_DBUS
    // QtKeychain cannot tell "no keychain" from a failing one here: without a bus, or with no
    // service on it, libsecret answers OtherError. So ask the bus first.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList services = {u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s,
                                  u"org.kde.kwalletd5"_s, u"org.kde.kwalletd"_s};
    for (const QString& service : services) {
        const QDBusReply<bool> registered = bus.interface()->isServiceRegistered(service);
        if (registered.isValid() && registered.value())
            return true;
    }
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    if (!activatable.isValid())
        return false;
    return std::any_of(services.cbegin(), services.cend(),
                       [&](const QString& s) { return activatable.value().contains(s); });
#else
    return true;
#endif
}

void SecretStore::write(const QString& profile, const QByteArray& secret, QObject* context, WriteDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<Storage>>(context, std::move(done), invalidProfile(profile));
    if (secret.isEmpty())
        return deliver<Result<Storage>>(context, std::move(done),
                                        makeError(ErrorCode::InvalidArgument, u"the secret is empty"_s));
    if (!keychainServiceAvailable())
        return deliver(context, std::move(done), writeFallback(profile, secret));

    // No parent: QtKeychain's libsecret callbacks hold the job's raw pointer, so a job must never
    // be deleted while it runs (it deletes itself when finished).
    auto* job = new QKeychain::WritePasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(keychainKey(profile));
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, profile, secret, guard = QPointer<QObject>(context),
             done = std::move(done)](QKeychain::Job* j) {
                Result<Storage> answer = Storage::Keychain;
                if (j->error() == QKeychain::NoBackendAvailable) {
                    answer = writeFallback(profile, secret);
                } else if (j->error() != QKeychain::NoError) {
                    answer = keychainError(*j, u"write"_s);
                } else if (Result<void> removed = removeFallback(); !removed.ok()) {
                    // The keychain has it, but a plaintext copy would stay behind: say so.
                    answer = removed.error();
                }
                if (guard)
                    deliver(guard.data(), done, std::move(answer));
            });
    job->start();
}

void SecretStore::read(const QString& profile, Storage where, QObject* context, ReadDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<QByteArray>>(context, std::move(done), invalidProfile(profile));
    switch (where) {
    case Storage::None:
        return deliver<Result<QByteArray>>(
            context, std::move(done),
            makeError(ErrorCode::NotFound, u"profile \""_s + profile + u"\" stores no secret"_s));
    case Storage::File:
        return deliver(context, std::move(done), readFallback());
    case Storage::Keychain:
        break;
    }
    if (!keychainServiceAvailable())
        return deliver<Result<QByteArray>>(context, std::move(done), noKeychain(u"read"_s));

    auto* job = new QKeychain::ReadPasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(keychainKey(profile));
    connect(job, &QKeychain::Job::finished, this,
            [guard = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job* j) {
                Result<QByteArray> answer = QByteArray();
                if (j->error() != QKeychain::NoError)
                    answer = keychainError(*j, u"read"_s);
                else
                    answer = qobject_cast<QKeychain::ReadPasswordJob*>(j)->binaryData();
                if (guard)
                    deliver(guard.data(), done, std::move(answer));
            });
    job->start();
}

void SecretStore::remove(const QString& profile, Storage where, QObject* context, RemoveDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<void>>(context, std::move(done), invalidProfile(profile));
    if (Result<void> removed = removeFallback(); !removed.ok() || where != Storage::Keychain)
        return deliver(context, std::move(done), std::move(removed));
    if (!keychainServiceAvailable())
        return deliver<Result<void>>(context, std::move(done), noKeychain(u"remove"_s));

    auto* job = new QKeychain::DeletePasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(keychainKey(profile));
    connect(job, &QKeychain::Job::finished, this,
            [guard = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job* j) {
                Result<void> answer;
                if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
                    answer = keychainError(*j, u"remove"_s);
                if (guard)
                    deliver(guard.data(), done, std::move(answer));
            });
    job->start();
}

Result<SecretStore::Storage> SecretStore::writeFallback(const QString& profile,
                                                        const QByteArray& secret) const
{
    if (!QDir().mkpath(m_directory))
        return makeError(ErrorCode::Io, m_directory + u": the folder cannot be created"_s);
    const QString path = fallbackFilePath();
    constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

    // QSaveFile gives a new file the umask's permissions (often 0644) but keeps those of an
    // existing one, and writes its temporary file 0600 when the target exists. So the target is
    // created empty and owner-only first: the secret is never readable by others, not even briefly.
    QFile target(path);
    if (!target.exists()) {
        if (!target.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly))
            return makeError(ErrorCode::Io, path + u": "_s + target.errorString());
        target.close();
    }
    if (!target.setPermissions(ownerOnly))
        return makeError(ErrorCode::Io, path + u": the permissions cannot be set to owner-only"_s);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    const QByteArray content = kLabelPrefix.toByteArray() + profile.toUtf8() +
                               ": stored in this file because no keychain service was found "
                               "(architecture.md, \"Profiles and the demo\")\n" +
                               secret.toBase64() + '\n';
    if (file.write(content) != content.size() || !file.commit())
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    return Storage::File;
}

Result<QByteArray> SecretStore::readFallback() const
{
    const QString path = fallbackFilePath();
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, path + u": no secret file"_s);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    if (file.size() > kMaxFallbackFileSize)
        return makeError(ErrorCode::Parse, path + u": too large to be a CardOps secret file"_s);
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());

    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the final newline
    for (QByteArray& line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    if (lines.size() != 2 || !lines.first().startsWith(kLabelPrefix))
        return makeError(ErrorCode::Parse, path + u": not a CardOps secret file (a label line, then one "
                                                  u"line of base64)"_s);
    const auto decoded = QByteArray::fromBase64Encoding(lines.at(1), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return makeError(ErrorCode::Parse, path + u": the secret line is not base64"_s);
    return decoded.decoded;
}

Result<void> SecretStore::removeFallback() const
{
    QFile file(fallbackFilePath());
    if (file.exists() && !file.remove())
        return makeError(ErrorCode::Io, file.fileName() + u": "_s + file.errorString());
    return {};
}

} // namespace cardops::sync

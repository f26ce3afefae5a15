#include "sync/secretstore.h"

#include "core/cipher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <algorithm>
#include <optional>
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

constexpr QStringView kSealFileName = u"seal.key";
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

std::optional<core::Error> invalidSupplier(const QString& profile, const QString& supplierId)
{
    if (!core::ProfileStore::isValidName(profile))
        return invalidProfile(profile);
    if (supplierId.isEmpty() || supplierId.size() > 64)
        return makeError(ErrorCode::InvalidArgument, u"not a valid supplier id: \""_s + supplierId + u'"');
    return std::nullopt;
}

// supplier-<id>.secret; an id with characters a file name may not hold is written in hex.
QString supplierFileName(const QString& supplierId)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_-]+$"_s);
    const QString name = plain.match(supplierId).hasMatch()
                             ? supplierId
                             : u"x"_s + QString::fromLatin1(supplierId.toUtf8().toHex());
    return u"supplier-"_s + name + u".secret"_s;
}

// The first line of a fallback file: whoever opens it learns what it is and why it exists.
QByteArray labelOf(const QByteArray& label)
{
    return "# CardOps " + label + " for profile ";
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

QString SecretStore::supplierFallbackFilePath(const QString& supplierId) const
{
    return m_directory + u'/' + supplierFileName(supplierId);
}

QString SecretStore::sealFallbackFilePath() const
{
    return m_directory + u'/' + kSealFileName;
}

QString SecretStore::keychainKey(const QString& profile)
{
    return u"profile/"_s + profile + u"/platform"_s;
}

QString SecretStore::supplierKeychainKey(const QString& profile, const QString& supplierId)
{
    return u"profile/"_s + profile + u"/supplier/"_s + supplierId;
}

QString SecretStore::sealKeychainKey(const QString& profile)
{
    return u"profile/"_s + profile + u"/seal"_s;
}

SecretStore::Entry SecretStore::platformEntry(const QString& profile) const
{
    return {keychainKey(profile), kFallbackFileName.toString(), "platform secret"};
}

SecretStore::Entry SecretStore::supplierEntry(const QString& profile, const QString& supplierId) const
{
    return {supplierKeychainKey(profile, supplierId), supplierFileName(supplierId),
            "supplier " + supplierId.toUtf8() + " secret"};
}

SecretStore::Entry SecretStore::sealEntry(const QString& profile) const
{
    return {sealKeychainKey(profile), kSealFileName.toString(), "seal key"};
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
    writeEntry(platformEntry(profile), profile, secret, context, std::move(done));
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
        return deliver(context, std::move(done), readFallback(platformEntry(profile)));
    case Storage::Keychain:
        break;
    }
    if (!keychainServiceAvailable())
        return deliver<Result<QByteArray>>(context, std::move(done), noKeychain(u"read"_s));
    readKeychain(platformEntry(profile), context, std::move(done));
}

void SecretStore::remove(const QString& profile, Storage where, QObject* context, RemoveDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<void>>(context, std::move(done), invalidProfile(profile));
    removeEntry(platformEntry(profile), where == Storage::Keychain, context, std::move(done));
}

void SecretStore::writeSupplier(const QString& profile, const QString& supplierId, const QByteArray& secret,
                                QObject* context, WriteDone done)
{
    context = context ? context : this;
    if (auto bad = invalidSupplier(profile, supplierId))
        return deliver<Result<Storage>>(context, std::move(done), *bad);
    writeEntry(supplierEntry(profile, supplierId), profile, secret, context, std::move(done));
}

void SecretStore::readSupplier(const QString& profile, const QString& supplierId, QObject* context,
                               ReadDone done)
{
    context = context ? context : this;
    if (auto bad = invalidSupplier(profile, supplierId))
        return deliver<Result<QByteArray>>(context, std::move(done), *bad);
    readAnywhere(supplierEntry(profile, supplierId), context, std::move(done));
}

void SecretStore::removeSupplier(const QString& profile, const QString& supplierId, QObject* context,
                                 RemoveDone done)
{
    context = context ? context : this;
    if (auto bad = invalidSupplier(profile, supplierId))
        return deliver<Result<void>>(context, std::move(done), *bad);
    removeEntry(supplierEntry(profile, supplierId), keychainServiceAvailable(), context, std::move(done));
}

void SecretStore::sealKey(const QString& profile, QObject* context, ReadDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<QByteArray>>(context, std::move(done), invalidProfile(profile));
    if (auto waiting = m_sealWaiters.find(profile); waiting != m_sealWaiters.end()) {
        waiting->append({QPointer<QObject>(context), std::move(done)});
        return;
    }
    m_sealWaiters[profile].append({QPointer<QObject>(context), std::move(done)});
    readAnywhere(sealEntry(profile), this, [this, profile](Result<QByteArray> stored) {
        if (stored.ok() && stored->size() != kSealKeySize)
            stored = makeError(ErrorCode::Parse, u"the seal key of profile \""_s + profile +
                                                     u"\" is not %1 bytes"_s.arg(kSealKeySize));
        if (stored.ok() || stored.error().code != ErrorCode::NotFound)
            return answerSeal(profile, std::move(stored));
        createSealKey(profile);
    });
}

void SecretStore::removeSealKey(const QString& profile, QObject* context, RemoveDone done)
{
    context = context ? context : this;
    if (!core::ProfileStore::isValidName(profile))
        return deliver<Result<void>>(context, std::move(done), invalidProfile(profile));
    removeEntry(sealEntry(profile), keychainServiceAvailable(), context, std::move(done));
}

void SecretStore::createSealKey(const QString& profile)
{
    Result<QByteArray> key = core::generateSealKey(); // OpenSSL RAND_bytes
    if (!key.ok())
        return answerSeal(profile, std::move(key));
    const QByteArray bytes = key.value();
    writeEntry(sealEntry(profile), profile, bytes, this, [this, profile, bytes](Result<Storage> stored) {
        answerSeal(profile, stored.ok() ? Result<QByteArray>(bytes) : Result<QByteArray>(stored.error()));
    });
}

void SecretStore::answerSeal(const QString& profile, const Result<QByteArray>& answer)
{
    const auto waiters = m_sealWaiters.take(profile);
    for (const auto& [context, done] : waiters)
        if (context)
            deliver(context.data(), done, answer);
}

void SecretStore::writeEntry(const Entry& entry, const QString& profile, const QByteArray& secret,
                             QObject* context, WriteDone done)
{
    if (secret.isEmpty())
        return deliver<Result<Storage>>(context, std::move(done),
                                        makeError(ErrorCode::InvalidArgument, u"the secret is empty"_s));
    if (!keychainServiceAvailable())
        return deliver(context, std::move(done), writeFallback(entry, profile, secret));

    // No parent: QtKeychain's libsecret callbacks hold the job's raw pointer, so a job must never
    // be deleted while it runs (it deletes itself when finished).
    auto* job = new QKeychain::WritePasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(entry.key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, entry, profile, secret, guard = QPointer<QObject>(context),
             done = std::move(done)](QKeychain::Job* j) {
                Result<Storage> answer = Storage::Keychain;
                if (j->error() == QKeychain::NoBackendAvailable) {
                    answer = writeFallback(entry, profile, secret);
                } else if (j->error() != QKeychain::NoError) {
                    answer = keychainError(*j, u"write"_s);
                } else if (Result<void> removed = removeFallback(entry); !removed.ok()) {
                    // The keychain has it, but a plaintext copy would stay behind: say so.
                    answer = removed.error();
                }
                if (guard)
                    deliver(guard.data(), done, std::move(answer));
            });
    job->start();
}

void SecretStore::readKeychain(const Entry& entry, QObject* context, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(entry.key);
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

void SecretStore::readAnywhere(const Entry& entry, QObject* context, ReadDone done)
{
    if (!keychainServiceAvailable())
        return deliver(context, std::move(done), readFallback(entry));
    // A file left from a time without a keychain still counts until a write moves it over.
    readKeychain(
        entry, this,
        [this, entry, guard = QPointer<QObject>(context), done = std::move(done)](Result<QByteArray> r) {
            if (!r.ok() && r.error().code == ErrorCode::NotFound && QFileInfo::exists(fallbackPath(entry)))
                r = readFallback(entry);
            if (guard)
                deliver(guard.data(), done, std::move(r));
        });
}

void SecretStore::removeEntry(const Entry& entry, bool keychain, QObject* context, RemoveDone done)
{
    if (Result<void> removed = removeFallback(entry); !removed.ok() || !keychain)
        return deliver(context, std::move(done), std::move(removed));
    if (!keychainServiceAvailable())
        return deliver<Result<void>>(context, std::move(done), noKeychain(u"remove"_s));

    auto* job = new QKeychain::DeletePasswordJob(kService.toString());
    job->setAutoDelete(true);
    job->setKey(entry.key);
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

QString SecretStore::fallbackPath(const Entry& entry) const
{
    return m_directory + u'/' + entry.fileName;
}

Result<SecretStore::Storage> SecretStore::writeFallback(const Entry& entry, const QString& profile,
                                                        const QByteArray& secret) const
{
    if (!QDir().mkpath(m_directory))
        return makeError(ErrorCode::Io, m_directory + u": the folder cannot be created"_s);
    const QString path = fallbackPath(entry);
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
    const QByteArray content = labelOf(entry.label) + profile.toUtf8() +
                               ": stored in this file because no keychain service was found "
                               "(architecture.md, \"Profiles and the demo\")\n" +
                               secret.toBase64() + '\n';
    if (file.write(content) != content.size() || !file.commit())
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    return Storage::File;
}

Result<QByteArray> SecretStore::readFallback(const Entry& entry) const
{
    const QString path = fallbackPath(entry);
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
    if (lines.size() != 2 || !lines.first().startsWith(labelOf(entry.label)))
        return makeError(ErrorCode::Parse, path + u": not a CardOps secret file (a label line, then one "
                                                  u"line of base64)"_s);
    const auto decoded = QByteArray::fromBase64Encoding(lines.at(1), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return makeError(ErrorCode::Parse, path + u": the secret line is not base64"_s);
    return decoded.decoded;
}

Result<void> SecretStore::removeFallback(const Entry& entry) const
{
    QFile file(fallbackPath(entry));
    if (file.exists() && !file.remove())
        return makeError(ErrorCode::Io, file.fileName() + u": "_s + file.errorString());
    return {};
}

} // namespace cardops::sync

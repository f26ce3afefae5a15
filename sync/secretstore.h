#pragma once

#include "core/profilestore.h"
#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringView>
#include <functional>

namespace cardops::sync {

// Keeps a profile's platform app secret in the system keychain (QtKeychain: Secret Service or
// KWallet, macOS Keychain, Windows Credential Manager) or, only where no keychain service exists,
// in a labelled 0600 file in the profile's folder (architecture.md, "Profiles and the demo").
// Threading: lives in one thread with an event loop and is called there. A callback always runs
// later (never inside the call), in its context's thread, and not at all once the context or the
// store is gone.
class SecretStore final : public QObject
{
    Q_OBJECT
public:
    using Storage = core::Profile::SecretStorage;
    using WriteDone = std::function<void(core::Result<Storage>)>;
    using ReadDone = std::function<void(core::Result<QByteArray>)>;
    using RemoveDone = std::function<void(core::Result<void>)>;

    static constexpr QStringView kService = u"CardOps";
    static constexpr QStringView kFallbackFileName = u"platform.secret";

    // fallbackDirectory: the profile's folder (core::ProfileStore::directory()); one store per
    // profile folder, since the fallback file's name does not carry the profile.
    explicit SecretStore(QString fallbackDirectory, QObject* parent = nullptr);

    // Stores the secret in the keychain and answers Keychain (a fallback file left from a time
    // without keychain is deleted). Only when no keychain service exists (none on the session
    // bus, no D-Bus at all, or QtKeychain's NoBackendAvailable) is it written to the file, and the
    // answer is File. Any other keychain failure (denied, locked, …) is an Io error, never a quiet
    // downgrade to the file. InvalidArgument for an empty secret or an invalid profile name.
    // A null context means the store itself.
    void write(const QString& profile, const QByteArray& secret, QObject* context, WriteDone done);

    // The secret from where the profile says it is. NotFound when nothing is stored there (or
    // where is None); Parse for a fallback file that is not one of ours; Io when the keychain is
    // unreachable or fails, or the file cannot be read.
    void read(const QString& profile, Storage where, QObject* context, ReadDone done);

    // Deletes the fallback file if there is one, and the keychain entry when where is Keychain.
    // What is already gone counts as removed; Io when the keychain is unreachable or fails.
    void remove(const QString& profile, Storage where, QObject* context, RemoveDone done);

    QString fallbackDirectory() const { return m_directory; }
    QString fallbackFilePath() const;

    // The keychain entry: service kService, key "profile/<name>/platform".
    static QString keychainKey(const QString& profile);

    // Whether a keychain service can be reached. Always on Windows and macOS; elsewhere when the
    // D-Bus session bus runs and has, or can start, a Secret Service or KWallet. Asks the bus
    // synchronously (a few milliseconds).
    static bool keychainServiceAvailable();

private:
    core::Result<Storage> writeFallback(const QString& profile, const QByteArray& secret) const;
    core::Result<QByteArray> readFallback() const;
    core::Result<void> removeFallback() const;

    QString m_directory;
};

} // namespace cardops::sync

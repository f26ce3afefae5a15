#pragma once

#include "core/profilestore.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringView>
#include <functional>
#include <utility>

namespace cardops::sync {

// Keeps a profile's secrets — the platform app secret, each supplier's secret (acg-faka app_key,
// Fulu AppSecret) and the seal key of bought card secrets — in the system keychain (QtKeychain: Secret
// Service or KWallet, macOS Keychain, Windows Credential Manager) or, only where no keychain service exists,
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

    // ---- supplier secrets: key "profile/<name>/supplier/<id>", file supplier-<id>.secret ----
    // As write(): Keychain, or File only where no keychain service exists. InvalidArgument also
    // for an empty supplier id.
    void writeSupplier(const QString& profile, const QString& supplierId, const QByteArray& secret,
                       QObject* context, WriteDone done);
    // Where a keychain service exists the keychain entry, else (or when the keychain has none) the
    // fallback file. NotFound when neither holds it.
    void readSupplier(const QString& profile, const QString& supplierId, QObject* context, ReadDone done);
    // Both the fallback file and, where a keychain service exists, the keychain entry.
    void removeSupplier(const QString& profile, const QString& supplierId, QObject* context, RemoveDone done);

    // ---- the seal key: key "profile/<name>/seal", file seal.key ----
    static constexpr qsizetype kSealKeySize = 32; // AES-256-GCM (core::seal)
    // The profile's seal key, read as readSupplier() reads; on the first read (none stored yet) 32
    // random bytes from OpenSSL's RAND_bytes are stored first, as write() stores. Calls made while
    // a key is being created get that same key. Parse for a stored key that is not 32 bytes.
    void sealKey(const QString& profile, QObject* context, ReadDone done);
    // Forgets the seal key (secrets sealed with it can no longer be opened).
    void removeSealKey(const QString& profile, QObject* context, RemoveDone done);

    QString supplierFallbackFilePath(const QString& supplierId) const;
    QString sealFallbackFilePath() const;
    static QString supplierKeychainKey(const QString& profile, const QString& supplierId);
    static QString sealKeychainKey(const QString& profile);

    // Whether a keychain service can be reached. Always on Windows and macOS; elsewhere when the
    // D-Bus session bus runs and has, or can start, a Secret Service or KWallet. Asks the bus
    // synchronously (a few milliseconds).
    static bool keychainServiceAvailable();

private:
    // One secret of a profile: its keychain key and its fallback file with the file's label.
    struct Entry
    {
        QString key;
        QString fileName;
        QByteArray label; // the first line starts "# CardOps <label> for profile "
    };
    Entry platformEntry(const QString& profile) const;
    Entry supplierEntry(const QString& profile, const QString& supplierId) const;
    Entry sealEntry(const QString& profile) const;

    void writeEntry(const Entry& entry, const QString& profile, const QByteArray& secret, QObject* context,
                    WriteDone done);
    void readKeychain(const Entry& entry, QObject* context, ReadDone done);
    // Keychain first where one exists, then the file.
    void readAnywhere(const Entry& entry, QObject* context, ReadDone done);
    void removeEntry(const Entry& entry, bool keychain, QObject* context, RemoveDone done);
    void createSealKey(const QString& profile);
    void answerSeal(const QString& profile, const core::Result<QByteArray>& answer);
    QString fallbackPath(const Entry& entry) const;

    core::Result<Storage> writeFallback(const Entry& entry, const QString& profile,
                                        const QByteArray& secret) const;
    core::Result<QByteArray> readFallback(const Entry& entry) const;
    core::Result<void> removeFallback(const Entry& entry) const;

    QString m_directory;
    // Seal keys being created, by profile: the callbacks waiting for each.
    QHash<QString, QList<std::pair<QPointer<QObject>, ReadDone>>> m_sealWaiters;
};

} // namespace cardops::sync

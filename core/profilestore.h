#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <QtGlobal>

namespace cardops::core {

// One upstream supplier the shop is docked to (protocols.md §1, §2). appId is the supplier's
// identifier for the shop (acg-faka app_id, Fulu AppKey); the secret itself never lives here.
struct SupplierEndpoint
{
    QString id;       // unique within the profile
    QString protocol; // kProtocolAcgFaka or kProtocolFulu
    QUrl url;
    QString appId;

    friend bool operator==(const SupplierEndpoint&, const SupplierEndpoint&) = default;
};

inline constexpr QStringView kProtocolAcgFaka = u"acg-faka";
inline constexpr QStringView kProtocolFulu = u"fulu";

// A profile: a platform endpoint, where its secret is kept, its suppliers and (by its name) its
// cache directory. A plain value; build one through demo() or shop() so no field is forgotten.
struct Profile
{
    enum class Kind { Demo, Shop };
    // Where the platform app secret is kept (sync/secretstore.h writes it and says where).
    enum class SecretStorage { None, Keychain, File };

    QString name;
    Kind kind = Kind::Shop;
    QString displayName; // empty: the UI shows its own words (the demo's name is the UI's to translate)
    QUrl platformUrl;    // empty for the demo: the simulator picks its port when it starts
    QString appId;
    SecretStorage secretStorage = SecretStorage::None;
    qint64 createdAt = 0; // unix seconds
    QList<SupplierEndpoint> suppliers;

    // The demo profile, named kDemoName, with no platform URL and no suppliers.
    static Profile demo(qint64 createdAt = 0);
    static Profile shop(QString name, QUrl platformUrl, QString appId, qint64 createdAt);

    friend bool operator==(const Profile&, const Profile&) = default;
};

// Profiles on disk: <root>/<name>/profile.json next to the cache <root>/<name>/cache.db.
// Plain file access with no state of its own: use one instance per thread, or guard it.
class ProfileStore
{
public:
    static constexpr QStringView kDemoName = u"demo";
    static constexpr QStringView kProfileFileName = u"profile.json";
    static constexpr QStringView kDatabaseFileName = u"cache.db";
    static constexpr int kMaxNameLength = 32;
    static constexpr int kFormat = 1; // profile.json "format"; a larger one is a newer CardOps

    // A profile directory that could not be listed, so the caller can show it instead of hiding it.
    struct Problem
    {
        QString name;
        Error error;
    };

    explicit ProfileStore(QString rootDirectory);

    QString rootDirectory() const { return m_root; }
    QString directory(const QString& name) const;
    QString databasePath(const QString& name) const;
    QString profilePath(const QString& name) const;

    // Every readable profile, sorted by name (ignoring case). A directory whose profile.json is unreadable or
    // garbled, or that holds a cache but no profile.json, is skipped and reported in problems
    // (when given); the legacy "demo" directory with only cache.db is listed as the demo.
    // Io when the root exists but cannot be read; an absent root is an empty list.
    Result<QList<Profile>> list(QList<Problem>* problems = nullptr) const;

    // InvalidArgument for an invalid name, NotFound when there is no such profile, Parse (with
    // the path) for a garbled or newer profile.json, Io when it cannot be read.
    Result<Profile> load(const QString& name) const;

    // validate(), then an atomic write of profile.json (the directory is created). Conflict when
    // another profile's name differs only in case (one folder on Windows and macOS).
    Result<void> save(const Profile& profile);

    // Removes the cache (cache.db, -wal, -shm), then profile.json, then the directory when empty.
    // The platform secret is not touched: remove it through sync::SecretStore first.
    // NotFound when the profile does not exist; Io when a file cannot be removed.
    Result<void> remove(const QString& name);

    // 1–32 letters (any script, CJK included), ASCII digits, '_' or '-'; never a name Windows
    // reserves for devices (CON, NUL, COM1, …), since the name is a directory name.
    static bool isValidName(const QString& name);

    // What save() checks. InvalidArgument for a bad name or field (a shop needs https, or http on
    // loopback only, and an app id; "demo" is reserved for the demo); PermissionDenied when a demo
    // profile points anywhere but loopback, because the demo never holds real supplier keys.
    static Result<void> validate(const Profile& profile);

    // localhost, 127.0.0.0/8 or ::1, as the platform transport counts loopback.
    static bool isLoopbackHost(const QString& host);

private:
    Result<Profile> readProfileFile(const QString& name, const QString& path) const;

    QString m_root;
};

} // namespace cardops::core

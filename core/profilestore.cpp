#include "core/profilestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSaveFile>
#include <QSet>
#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace cardops::core {

using namespace Qt::StringLiterals;

namespace {

// A profile.json is a few hundred bytes; anything this large is not one of ours.
constexpr qint64 kMaxProfileFileSize = 1024 * 1024;
constexpr int kMaxSupplierIdLength = 64;

// SQLite's companions of the cache: WAL, shared memory, and a rollback journal from older builds.
const QStringList& cacheFileSuffixes()
{
    static const QStringList suffixes = {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s};
    return suffixes;
}

Error invalid(const QString& detail)
{
    return makeError(ErrorCode::InvalidArgument, detail);
}

Error parseError(const QString& path, const QString& detail)
{
    return makeError(ErrorCode::Parse, path + u": "_s + detail);
}

bool isPrintableAscii(const QString& text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(),
                                          [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

bool isAsciiDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

// The order of list(): case-insensitive, then case-sensitive so that the order is total.
bool nameLess(const QString& a, const QString& b)
{
    const int c = QString::compare(a, b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

bool isWindowsDeviceName(const QString& name)
{
    const QString upper = name.toUpper();
    if (upper == u"CON"_s || upper == u"PRN"_s || upper == u"AUX"_s || upper == u"NUL"_s)
        return true;
    return upper.size() == 4 && (upper.startsWith(u"COM"_s) || upper.startsWith(u"LPT"_s)) &&
           upper.at(3) >= u'1' && upper.at(3) <= u'9';
}

bool isLoopbackIpv4(const QString& host)
{
    const QStringList parts = host.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString& part : parts) {
        if (part.isEmpty() || part.size() > 3 ||
            !std::all_of(part.cbegin(), part.cend(), [](QChar c) { return isAsciiDigit(c.unicode()); }))
            return false;
        if (part.toInt() > 255)
            return false;
    }
    return parts.first().toInt() == 127;
}

// The rule the platform transport applies (sync/transport/requestbuilder.cpp): https anywhere,
// plain http only on loopback, no query, fragment or user info.
std::optional<Error> checkEndpointUrl(const QUrl& url, const QString& what)
{
    if (!url.isValid() || url.host().isEmpty())
        return invalid(what + u" is not a valid absolute URL"_s);
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return invalid(what + u" must not carry a query, fragment or user"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s) {
        if (!ProfileStore::isLoopbackHost(url.host()))
            return invalid(what + u": plain http is accepted only on loopback, not for "_s + url.host());
    } else if (scheme != u"https"_s) {
        return invalid(what + u": unsupported URL scheme \""_s + scheme + u'"');
    }
    return std::nullopt;
}

QString kindText(Profile::Kind kind)
{
    return kind == Profile::Kind::Demo ? u"demo"_s : u"shop"_s;
}

std::optional<Profile::Kind> kindFromText(const QString& text)
{
    if (text == u"demo"_s)
        return Profile::Kind::Demo;
    if (text == u"shop"_s)
        return Profile::Kind::Shop;
    return std::nullopt;
}

QString storageText(Profile::SecretStorage storage)
{
    switch (storage) {
    case Profile::SecretStorage::Keychain:
        return u"keychain"_s;
    case Profile::SecretStorage::File:
        return u"file"_s;
    case Profile::SecretStorage::None:
        break;
    }
    return u"none"_s;
}

std::optional<Profile::SecretStorage> storageFromText(const QString& text)
{
    if (text == u"none"_s)
        return Profile::SecretStorage::None;
    if (text == u"keychain"_s)
        return Profile::SecretStorage::Keychain;
    if (text == u"file"_s)
        return Profile::SecretStorage::File;
    return std::nullopt;
}

QJsonObject toJson(const Profile& profile)
{
    QJsonArray suppliers;
    for (const SupplierEndpoint& s : profile.suppliers)
        suppliers.append(QJsonObject{{u"id"_s, s.id},
                                     {u"protocol"_s, s.protocol},
                                     {u"url"_s, s.url.toString(QUrl::FullyEncoded)},
                                     {u"app_id"_s, s.appId}});
    return QJsonObject{{u"format"_s, ProfileStore::kFormat},
                       {u"kind"_s, kindText(profile.kind)},
                       {u"display_name"_s, profile.displayName},
                       {u"platform_url"_s, profile.platformUrl.toString(QUrl::FullyEncoded)},
                       {u"app_id"_s, profile.appId},
                       {u"secret_storage"_s, storageText(profile.secretStorage)},
                       {u"created_at"_s, QJsonValue(profile.createdAt)},
                       {u"suppliers"_s, suppliers}};
}

// Reads the members of one JSON object strictly: a missing optional member is its default, a
// member of the wrong type is an error (the first one is kept).
class JsonReader
{
public:
    JsonReader(const QJsonObject& object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    {}

    QString string(const QString& key, bool required)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString())
            fail(u"\""_s + key + u"\" must be a string"_s);
        return v.toString();
    }

    QUrl url(const QString& key)
    {
        const QString text = string(key, false);
        if (text.isEmpty())
            return {};
        QUrl url(text, QUrl::StrictMode);
        if (!url.isValid())
            fail(u"\""_s + key + u"\" is not a URL"_s);
        return url;
    }

    qint64 integer(const QString& key)
    {
        const QJsonValue v = m_object.value(key);
        constexpr qint64 bad = std::numeric_limits<qint64>::min();
        const qint64 n = v.isDouble() ? v.toInteger(bad) : bad;
        if (n == bad)
            fail(u"\""_s + key + u"\" must be an integer"_s);
        return n;
    }

    void fail(const QString& what)
    {
        if (m_error.isEmpty())
            m_error = m_where + what;
    }
    const QString& error() const { return m_error; }

private:
    const QJsonObject& m_object;
    QString m_where;
    QString m_error;
};

Result<Profile> fromJson(const QJsonObject& object, const QString& name, const QString& path)
{
    JsonReader in(object, QString());
    const qint64 format = in.integer(u"format"_s);
    if (!in.error().isEmpty())
        return parseError(path, in.error());
    if (format < 1 || format > ProfileStore::kFormat)
        return parseError(
            path, u"format %1 is not one this CardOps reads (written by a newer version?)"_s.arg(format));

    Profile p;
    p.name = name;
    const QString kind = in.string(u"kind"_s, true);
    const QString storage = in.string(u"secret_storage"_s, false);
    p.displayName = in.string(u"display_name"_s, false);
    p.platformUrl = in.url(u"platform_url"_s);
    p.appId = in.string(u"app_id"_s, false);
    p.createdAt = in.integer(u"created_at"_s);
    if (!in.error().isEmpty())
        return parseError(path, in.error());

    const auto k = kindFromText(kind);
    if (!k)
        return parseError(path, u"unknown kind \""_s + kind + u'"');
    p.kind = *k;
    const auto s = storageFromText(storage.isEmpty() ? u"none"_s : storage);
    if (!s)
        return parseError(path, u"unknown secret_storage \""_s + storage + u'"');
    p.secretStorage = *s;

    const QJsonValue suppliers = object.value(u"suppliers"_s);
    if (!suppliers.isUndefined() && !suppliers.isArray())
        return parseError(path, u"\"suppliers\" must be an array"_s);
    const QJsonArray list = suppliers.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return parseError(path, u"suppliers[%1] must be an object"_s.arg(i));
        const QJsonObject o = list.at(i).toObject();
        JsonReader sin(o, u"suppliers[%1]: "_s.arg(i));
        SupplierEndpoint endpoint;
        endpoint.id = sin.string(u"id"_s, true);
        endpoint.protocol = sin.string(u"protocol"_s, true);
        endpoint.url = sin.url(u"url"_s);
        endpoint.appId = sin.string(u"app_id"_s, false);
        if (!sin.error().isEmpty())
            return parseError(path, sin.error());
        p.suppliers.append(std::move(endpoint));
    }
    return p;
}

} // namespace

Profile Profile::demo(qint64 createdAt)
{
    Profile p;
    p.name = ProfileStore::kDemoName.toString();
    p.kind = Kind::Demo;
    p.createdAt = createdAt;
    return p;
}

Profile Profile::shop(QString name, QUrl platformUrl, QString appId, qint64 createdAt)
{
    Profile p;
    p.name = std::move(name);
    p.kind = Kind::Shop;
    p.platformUrl = std::move(platformUrl);
    p.appId = std::move(appId);
    p.createdAt = createdAt;
    return p;
}

ProfileStore::ProfileStore(QString rootDirectory)
    : m_root(QDir::cleanPath(std::move(rootDirectory)))
{}

QString ProfileStore::directory(const QString& name) const
{
    return m_root + u'/' + name;
}

QString ProfileStore::databasePath(const QString& name) const
{
    return directory(name) + u'/' + kDatabaseFileName;
}

QString ProfileStore::profilePath(const QString& name) const
{
    return directory(name) + u'/' + kProfileFileName;
}

Result<QList<Profile>> ProfileStore::list(QList<Problem>* problems) const
{
    QList<Profile> profiles;
    const QFileInfo rootInfo(m_root);
    if (!rootInfo.exists())
        return profiles;
    if (!rootInfo.isDir() || !rootInfo.isReadable())
        return makeError(ErrorCode::Io, m_root + u": the profiles folder cannot be read"_s);

    const QStringList names = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString& name : names) {
        // A folder without either file is not a profile (a stray folder, or one being removed).
        if (!QFileInfo::exists(profilePath(name)) && !QFileInfo::exists(databasePath(name)))
            continue;
        Result<Profile> loaded = load(name);
        if (loaded.ok())
            profiles.append(std::move(loaded).value());
        else if (problems)
            problems->append({name, loaded.error()});
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const Profile& a, const Profile& b) { return nameLess(a.name, b.name); });
    if (problems)
        std::sort(problems->begin(), problems->end(),
                  [](const Problem& a, const Problem& b) { return nameLess(a.name, b.name); });
    return profiles;
}

Result<Profile> ProfileStore::load(const QString& name) const
{
    if (!isValidName(name))
        return invalid(u"not a valid profile name: \""_s + name + u'"');
    const QString path = profilePath(name);
    if (QFileInfo::exists(path))
        return readProfileFile(name, path);

    const QFileInfo cache(databasePath(name));
    if (cache.exists()) {
        // Demo caches made before profiles existed (cardops-cli) have no profile.json.
        if (name == kDemoName) {
            const QDateTime born = cache.birthTime().isValid() ? cache.birthTime() : cache.lastModified();
            return Profile::demo(born.toSecsSinceEpoch());
        }
        return makeError(ErrorCode::NotFound, directory(name) + u" holds a cache but no profile.json"_s);
    }
    return makeError(ErrorCode::NotFound, u"no profile \""_s + name + u"\" in "_s + m_root);
}

Result<Profile> ProfileStore::readProfileFile(const QString& name, const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    if (file.size() > kMaxProfileFileSize)
        return parseError(path, u"the file is too large to be a profile"_s);
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());

    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return parseError(path, jsonError.errorString() + u" at offset %1"_s.arg(jsonError.offset));
    if (!doc.isObject())
        return parseError(path, u"not a JSON object"_s);

    Result<Profile> profile = fromJson(doc.object(), name, path);
    if (!profile.ok())
        return profile;
    // A hand-edited file must not smuggle in what save() refuses (a demo with real suppliers).
    if (Result<void> valid = validate(*profile); !valid.ok())
        return makeError(valid.error().code, path + u": "_s + valid.error().detail);
    return profile;
}

Result<void> ProfileStore::save(const Profile& profile)
{
    if (Result<void> valid = validate(profile); !valid.ok())
        return valid;
    // Folders ignore case on Windows and macOS: two such names would share one there.
    const QStringList existing = QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString& other : existing)
        if (other != profile.name && other.compare(profile.name, Qt::CaseInsensitive) == 0)
            return makeError(ErrorCode::Conflict, u"profile \""_s + other + u"\" differs from \""_s +
                                                      profile.name + u"\" only in case"_s);

    const QString dir = directory(profile.name);
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, dir + u": the folder cannot be created"_s);

    const QString path = profilePath(profile.name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    const QByteArray bytes = QJsonDocument(toJson(profile)).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::Io, path + u": "_s + file.errorString());
    return {};
}

Result<void> ProfileStore::remove(const QString& name)
{
    if (!isValidName(name))
        return invalid(u"not a valid profile name: \""_s + name + u'"');
    const QString json = profilePath(name);
    const QString cache = databasePath(name);
    if (!QFileInfo::exists(json) && !QFileInfo::exists(cache))
        return makeError(ErrorCode::NotFound, u"no profile \""_s + name + u"\" in "_s + m_root);

    // The cache goes first: should it fail (a file still open elsewhere), the profile stays whole.
    for (const QString& suffix : cacheFileSuffixes()) {
        QFile file(cache + suffix);
        if (file.exists() && !file.remove())
            return makeError(ErrorCode::Io, file.fileName() + u": "_s + file.errorString());
    }
    QFile file(json);
    if (file.exists() && !file.remove())
        return makeError(ErrorCode::Io, json + u": "_s + file.errorString());
    // Anything else in the folder (a secret file not yet removed) keeps it: rmdir only empties.
    QDir(m_root).rmdir(name);
    return {};
}

bool ProfileStore::isValidName(const QString& name)
{
    if (name.isEmpty())
        return false;
    const QList<uint> codePoints = name.toUcs4();
    if (codePoints.size() > kMaxNameLength)
        return false;
    const bool allowed = std::all_of(codePoints.cbegin(), codePoints.cend(), [](uint u) {
        const auto c = static_cast<char32_t>(u);
        if (c < 0x80)
            return isAsciiDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_' ||
                   c == U'-';
        return QChar::isLetter(c);
    });
    return allowed && !isWindowsDeviceName(name);
}

bool ProfileStore::isLoopbackHost(const QString& host)
{
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || host == u"::1"_s || isLoopbackIpv4(host);
}

Result<void> ProfileStore::validate(const Profile& profile)
{
    if (!isValidName(profile.name))
        return invalid(u"not a valid profile name: \""_s + profile.name + u'"');
    const bool demo = profile.kind == Profile::Kind::Demo;
    if (demo) {
        const QString host = profile.platformUrl.host();
        if (!host.isEmpty() && !isLoopbackHost(host))
            return makeError(ErrorCode::PermissionDenied,
                             u"demo profiles use the simulator only; the platform URL points at "_s + host);
        if (!profile.platformUrl.isEmpty())
            if (auto error = checkEndpointUrl(profile.platformUrl, u"the platform URL"_s))
                return *error;
    } else {
        if (profile.name == kDemoName)
            return invalid(u"the name \"demo\" is reserved for the demo profile"_s);
        if (auto error = checkEndpointUrl(profile.platformUrl, u"the platform URL"_s))
            return *error;
        if (!isPrintableAscii(profile.appId))
            return invalid(u"the app id is empty or not printable ASCII"_s);
    }

    QSet<QString> ids;
    for (const SupplierEndpoint& s : profile.suppliers) {
        const QString what = u"supplier \""_s + s.id + u'"';
        if (s.id.trimmed().isEmpty() || s.id.size() > kMaxSupplierIdLength)
            return invalid(u"a supplier id must be 1 to %1 characters"_s.arg(kMaxSupplierIdLength));
        if (ids.contains(s.id))
            return invalid(what + u" is listed twice"_s);
        ids.insert(s.id);
        if (s.protocol != kProtocolAcgFaka && s.protocol != kProtocolFulu)
            return invalid(what + u": unknown protocol \""_s + s.protocol + u'"');
        // Checked before the URL's form, so any real host is refused as such, whatever its scheme.
        if (demo && !s.url.host().isEmpty() && !isLoopbackHost(s.url.host()))
            return makeError(ErrorCode::PermissionDenied,
                             what + u": demo profiles use the simulator's suppliers only (loopback), not "_s +
                                 s.url.host());
        if (auto error = checkEndpointUrl(s.url, what + u"'s URL"_s))
            return *error;
        if (!isPrintableAscii(s.appId))
            return invalid(what + u": the app id is empty or not printable ASCII"_s);
    }
    return {};
}

} // namespace cardops::core

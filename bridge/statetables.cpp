#include "bridge/statetables.h"

#include "bridge/bridgedb.h"

namespace cardops::bridge {

QStringList stateTableDdl(const BridgeDb& db)
{
    const QString opts = QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=ascii");
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`key` VARCHAR(64) NOT NULL PRIMARY KEY, "
                       "`method` VARCHAR(8) NOT NULL, `path` VARCHAR(255) NOT NULL, "
                       "`status` SMALLINT NOT NULL, `code` INT NOT NULL, `message` VARBINARY(255) NOT NULL, "
                       "`data` MEDIUMBLOB NOT NULL, "
                       "`created_at` BIGINT NOT NULL, KEY `created` (`created_at`))")
                .arg(db.own("idempotency")) +
            opts,
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (`id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            "`at` BIGINT NOT NULL, `action` VARCHAR(32) NOT NULL, `entity` VARCHAR(16) NOT NULL, "
            "`entity_id` BIGINT UNSIGNED NOT NULL, "
            "`detail` TEXT CHARACTER SET utf8mb4 NOT NULL, KEY `entity` (`entity`, `entity_id`))")
                .arg(db.own("audit")) +
            opts,
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`id` TINYINT UNSIGNED NOT NULL PRIMARY KEY, "
                       "`holder` VARCHAR(64) NOT NULL DEFAULT '', `expires_at` BIGINT NOT NULL DEFAULT 0)")
                .arg(db.own("lease")) +
            opts,
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`member_id` BIGINT UNSIGNED NOT NULL PRIMARY KEY, "
                       "`tags` TEXT CHARACTER SET utf8mb4 NOT NULL)")
                .arg(db.own("member_tags")) +
            opts,
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`order_id` BIGINT UNSIGNED NOT NULL PRIMARY KEY, "
                       "`reason` VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, `at` BIGINT NOT NULL)")
                .arg(db.own("holds")) +
            opts,
    };
}

QStringList stateTableNames(const BridgeDb& db)
{
    return {db.ownName("idempotency"), db.ownName("audit"), db.ownName("lease"), db.ownName("member_tags"),
            db.ownName("holds")};
}

} // namespace cardops::bridge

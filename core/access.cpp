#include "core/access.h"

namespace cardops::core {

bool roleAllows(Role role, Permission permission)
{
    switch (role) {
    case Role::Administrator:
        return true;
    case Role::Operator:
        switch (permission) {
        case Permission::ViewOrders:
        case Permission::EditGoods:
        case Permission::ImportCards:
        case Permission::ReviewOrders:
        case Permission::RefundOrders:
        case Permission::EditMembers:
            return true;
        default:
            return false;
        }
    case Role::Finance:
        switch (permission) {
        case Permission::ViewOrders:
        case Permission::ViewFinance:
        case Permission::ExportFinance:
        case Permission::CloseMonth:
        case Permission::ApproveWithdrawals:
            return true;
        default:
            return false;
        }
    }
    return false;
}

Result<void> authorize(const Actor& actor, Permission permission)
{
    if (actor.operatorId <= 0)
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("no acting operator"));
    if (!roleAllows(actor.role, permission))
        return makeError(ErrorCode::PermissionDenied, actor.login + u" (" + roleCode(actor.role) +
                                                          u") may not " + permissionCode(permission));
    return {};
}

QString roleCode(Role role)
{
    switch (role) {
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Finance:
        return QStringLiteral("finance");
    case Role::Administrator:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromCode(QStringView code)
{
    if (code == u"operator")
        return Role::Operator;
    if (code == u"finance")
        return Role::Finance;
    if (code == u"admin")
        return Role::Administrator;
    return std::nullopt;
}

QString permissionCode(Permission permission)
{
    switch (permission) {
    case Permission::ViewOrders:
        return QStringLiteral("view_orders");
    case Permission::EditGoods:
        return QStringLiteral("edit_goods");
    case Permission::ImportCards:
        return QStringLiteral("import_cards");
    case Permission::ReviewOrders:
        return QStringLiteral("review_orders");
    case Permission::RefundOrders:
        return QStringLiteral("refund_orders");
    case Permission::EditMembers:
        return QStringLiteral("edit_members");
    case Permission::EditTiers:
        return QStringLiteral("edit_tiers");
    case Permission::ViewFinance:
        return QStringLiteral("view_finance");
    case Permission::ExportFinance:
        return QStringLiteral("export_finance");
    case Permission::CloseMonth:
        return QStringLiteral("close_month");
    case Permission::ApproveWithdrawals:
        return QStringLiteral("approve_withdrawals");
    case Permission::RevealCardSecret:
        return QStringLiteral("reveal_card_secret");
    case Permission::ManageOperators:
        return QStringLiteral("manage_operators");
    case Permission::ManageSettings:
        return QStringLiteral("manage_settings");
    }
    return {};
}

} // namespace cardops::core

#pragma once

#include "core/result.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace cardops::core {

// Local roles (domain.md, Security): they prevent mistakes rather than malice; the platform's
// per-operator credentials are the real boundary.
enum class Role {
    Operator,      // 运营: goods, stock, orders, review queue
    Finance,       // 财务: settlement, reconciliation, exports, withdrawals
    Administrator, // 管理员: everything, including operators and card reveals
};

// What a mutating or sensitive call needs. Checked by core services and repositories before they
// touch anything; every new action adds its permission here, never a role test at the call site.
enum class Permission {
    ViewOrders,
    EditGoods,
    ImportCards,
    ReviewOrders,
    RefundOrders,
    EditMembers,
    EditTiers,
    ViewFinance,
    ExportFinance,
    CloseMonth,
    ApproveWithdrawals,
    RevealCardSecret,
    ManageOperators,
    ManageSettings,
};

// Who is acting: passed to every mutating call and written to the audit log with the change.
struct Actor
{
    qint64 operatorId = 0;
    QString login;
    Role role = Role::Operator;
};

bool roleAllows(Role role, Permission permission);
Result<void> authorize(const Actor& actor, Permission permission);

// Stable codes as stored in the database ("operator", "finance", "admin").
QString roleCode(Role role);
std::optional<Role> roleFromCode(QStringView code);
QString permissionCode(Permission permission);

} // namespace cardops::core

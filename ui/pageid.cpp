#include "ui/pageid.h"

namespace cardops::ui {

QString pageName(PageId page)
{
    switch (page) {
    case PageId::Workbench:
        return QStringLiteral("workbench");
    case PageId::Orders:
        return QStringLiteral("orders");
    case PageId::Fulfilment:
        return QStringLiteral("fulfilment");
    case PageId::Goods:
        return QStringLiteral("goods");
    case PageId::Members:
        return QStringLiteral("members");
    case PageId::Suppliers:
        return QStringLiteral("suppliers");
    case PageId::Finance:
        return QStringLiteral("finance");
    case PageId::Dashboard:
        return QStringLiteral("dashboard");
    case PageId::AuditLog:
        return QStringLiteral("audit");
    case PageId::Settings:
        return QStringLiteral("settings");
    }
    return {};
}

bool pageFromName(const QString& name, PageId* page)
{
    for (PageId p : allPages()) {
        if (pageName(p) == name) {
            *page = p;
            return true;
        }
    }
    return false;
}

} // namespace cardops::ui

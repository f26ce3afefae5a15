#pragma once

#include <QList>
#include <QString>

namespace cardops::ui {

// The console's pages in navigation order. The names are the stable ids of `--page`.
enum class PageId {
    Workbench,
    Orders,
    Fulfilment,
    Goods,
    Members,
    Suppliers,
    Finance,
    Dashboard,
    AuditLog,
    Settings
};

inline const QList<PageId>& allPages()
{
    static const QList<PageId> pages = {
        PageId::Workbench, PageId::Orders,  PageId::Fulfilment, PageId::Goods,    PageId::Members,
        PageId::Suppliers, PageId::Finance, PageId::Dashboard,  PageId::AuditLog, PageId::Settings};
    return pages;
}

QString pageName(PageId page);
// The page of a `--page` name; false for an unknown name.
bool pageFromName(const QString& name, PageId* page);

} // namespace cardops::ui

#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace cardops::core {
class Clock;
}

namespace cardops::storage::detail {

struct WriteContextPrivate
{
    QSqlDatabase db;
    const core::Clock* clock = nullptr;
    QSet<QString> touched;
};

} // namespace cardops::storage::detail

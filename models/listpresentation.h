#pragma once

#include "storage/listqueries.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

namespace cardops::models {

// How the console shows the cache's values: column titles, money, times and the platform's codes
// (order statuses, member kinds, …) in the operator's language. Stateless; any thread.
class ListPresentation
{
    Q_DECLARE_TR_FUNCTIONS(ListPresentation)
public:
    static QString columnTitle(storage::ListKind kind, const QString& column);
    // The text shown for a raw value of `column` (money as yuan with two places, unix seconds as
    // Asia/Shanghai time, codes as words).
    static QString display(const QString& column, const QVariant& raw);
    static bool isNumeric(const QString& column);

    static QString orderStatus(const QString& code);
    static QString memberKind(const QString& code);
    static QString goodsStatus(const QString& code);
    static QString fulfilmentOwner(const QString& code);
    static QString payChannel(const QString& code);
    static QString auditAction(const QString& code);
    static QString auditEntity(const QString& code);

    // The values of a list's filter, (code, label) with "" = all, in the order they are offered.
    static QList<QPair<QString, QString>> filterChoices(storage::ListKind kind);
    // What a list's search field searches, as a placeholder text.
    static QString searchHint(storage::ListKind kind);
};

} // namespace cardops::models

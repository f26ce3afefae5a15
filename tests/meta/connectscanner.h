#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace cardops::test {

// Finds functor connect() calls without a context object. Qt 6.4 ignores QT_NO_CONTEXTLESS_CONNECT
// (it is enforced from 6.7), so this scanner does the compiler's job: a connect() or
// QObject::connect() call with exactly three arguments is either connect(sender, signal, functor)
// — whose functor outlives its receiver — or the string-based SIGNAL/SLOT form; both are banned.
// Comments, string and character literals are skipped; nested (), [], {} and <> inside arguments
// are balanced.
struct ConnectCall
{
    int line = 0;
    int arguments = 0;
    QString text;
};

QList<ConnectCall> findConnectCalls(QStringView source);
QList<ConnectCall> findContextlessConnects(QStringView source);

} // namespace cardops::test

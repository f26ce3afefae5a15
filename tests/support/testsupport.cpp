#include "tests/support/testsupport.h"

#include <QFile>

namespace cardops::test {

QString dataDir()
{
    return qEnvironmentVariable("CARDOPS_TEST_DATA", QStringLiteral(CARDOPS_TEST_DATA_FALLBACK));
}

QByteArray readDataFile(const QString& name)
{
    QFile f(dataDir() + u'/' + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool underCi()
{
    return qEnvironmentVariable("CI") == u"true";
}

} // namespace cardops::test

#pragma once

#include <QByteArray>
#include <QString>

namespace cardops::test {

// Directory of the committed golden files (tests/data), from the CARDOPS_TEST_DATA environment.
QString dataDir();
QByteArray readDataFile(const QString& name);

// True when running under CI (CI=true): a test whose component is missing must fail, not skip.
bool underCi();

} // namespace cardops::test

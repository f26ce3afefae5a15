#pragma once

#include <QCoreApplication>
#include <QTextStream>

namespace cardops::sim {
struct GeneratorParams;
}

namespace cardops::app {

// cardops-cli generate: builds a cache from the simulator's generator, in process, through the
// same parse-and-ingest path as a sync (performance.md's reference data set is this command).
class GenerateCommand
{
    Q_DECLARE_TR_FUNCTIONS(GenerateCommand)
public:
    GenerateCommand(QTextStream& out, QTextStream& err);
    int run(const QString& path, const sim::GeneratorParams& params);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace cardops::app

#include "sim/server/faults.h"

namespace cardops::sim {

namespace {

const char* const kNames[kFaultModeCount] = {"latency",       "5xx",       "429",           "timeout",
                                             "truncated",     "malformed", "bad-signature", "duplicate-page",
                                             "shuffled-page", "editor",    "late-commit"};

} // namespace

QString FaultConfig::modeName(FaultMode mode)
{
    return QString::fromLatin1(kNames[static_cast<int>(mode)]);
}

bool FaultConfig::modeFromName(QStringView name, FaultMode* mode)
{
    for (int i = 0; i < kFaultModeCount; ++i) {
        if (name == QLatin1StringView(kNames[i])) {
            *mode = static_cast<FaultMode>(i);
            return true;
        }
    }
    return false;
}

QStringList FaultConfig::modeNames()
{
    QStringList out;
    for (const char* n : kNames)
        out.append(QString::fromLatin1(n));
    return out;
}

FaultInjector::FaultInjector(const FaultConfig& config)
    : m_config(config)
    , m_rng(config.seed)
{}

void FaultInjector::setConfig(const FaultConfig& config)
{
    m_config = config;
    m_rng = Rng(config.seed);
}

FaultRoll FaultInjector::roll()
{
    FaultRoll r;
    for (int i = 0; i < kFaultModeCount; ++i) {
        const double rate = m_config.rates[static_cast<size_t>(i)];
        // Always draw, so one mode's rate does not shift the others' dice.
        const double x = m_rng.unit();
        r.on[static_cast<size_t>(i)] = rate >= 1.0 || x < rate;
    }
    r.applyBeforeLoss = m_rng.chance(0.5);
    return r;
}

void FaultInjector::spoil(QByteArray& body, const FaultRoll& roll)
{
    if (roll.has(FaultMode::Truncated) && body.size() > 1) {
        count(FaultMode::Truncated);
        body.truncate(1 + m_rng.below(body.size() - 1));
    } else if (roll.has(FaultMode::Malformed)) {
        count(FaultMode::Malformed);
        const qsizetype colon = body.indexOf(':');
        if (colon >= 0)
            body[colon] = '=';
        else
            body.prepend("<html>");
    }
}

} // namespace cardops::sim

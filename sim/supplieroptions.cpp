#include "sim/supplieroptions.h"

using namespace Qt::StringLiterals;

namespace cardops::sim {

SupplierOptions::SupplierOptions()
    : m_acceptMs(u"fulu-accept-ms"_s, u"Fulu orders stay untreated this long."_s, u"MS"_s, u"1000"_s)
    , m_finishMs(u"fulu-finish-ms"_s, u"Then stay processing this long before success or failed."_s, u"MS"_s,
                 u"3000"_s)
    , m_failRate(u"fulu-fail-rate"_s,
                 u"Share 0-1 of Fulu orders that fail and are refunded (a direct order to an account "
                 u"starting with 'fail' always fails)."_s,
                 u"P"_s, u"0"_s)
    , m_fuluBalance(u"fulu-balance"_s, u"Fulu merchant balance in yuan."_s, u"YUAN"_s, u"10000"_s)
    , m_acgBalance(u"acg-balance"_s, u"acg-faka docking balance in yuan."_s, u"YUAN"_s, u"5000"_s)
    , m_lostResponse(u"fault-lost-response"_s,
                     u"Rate 0-1: a supplier purchase is executed, then the connection closes without "
                     u"a byte of answer."_s,
                     u"RATE"_s, u"0"_s)
    , m_badResultSign(u"fault-bad-result-sign"_s,
                      u"Rate 0-1: a Fulu answer whose sign does not match its result."_s, u"RATE"_s, u"0"_s)
    , m_roles(u"fault-roles"_s,
              u"Roles the --fault-* options strike, comma-separated: platform, fulu, acg-faka."_s, u"LIST"_s,
              u"platform,fulu,acg-faka"_s)
{}

void SupplierOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_acceptMs, m_finishMs, m_failRate, m_fuluBalance, m_acgBalance, m_lostResponse,
                       m_badResultSign, m_roles});
}

bool SupplierOptions::read(const QCommandLineParser& parser, quint64 seed, const FaultConfig& shared,
                           Values* values, QString* error) const
{
    bool ok = true;
    auto number = [&](const QCommandLineOption& o) {
        bool good = false;
        const qint64 v = parser.value(o).toLongLong(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    auto rate = [&](const QCommandLineOption& o) {
        bool good = false;
        const double v = parser.value(o).toDouble(&good);
        ok = ok && good && v >= 0 && v <= 1;
        return v;
    };
    auto money = [&](const QCommandLineOption& o) {
        const auto parsed = core::Money::parse(parser.value(o));
        ok = ok && parsed.ok() && !parsed->isNegative();
        return parsed.valueOr(core::Money());
    };
    Values v;
    v.params.seed = seed;
    v.params.fulu.acceptMs = number(m_acceptMs);
    v.params.fulu.finishMs = number(m_finishMs);
    v.params.fulu.failRate = rate(m_failRate);
    v.params.fuluBalance = money(m_fuluBalance);
    v.params.acgBalance = money(m_acgBalance);
    v.faults.shared = shared;
    v.faults.lostResponse = rate(m_lostResponse);
    v.faults.badResultSign = rate(m_badResultSign);
    if (!ok) {
        *error = u"invalid value in the supplier options (see --help)"_s;
        return false;
    }
    v.platformFaults = false;
    v.faults.fulu = false;
    v.faults.acgFaka = false;
    for (const QString& role : parser.value(m_roles).split(u',', Qt::SkipEmptyParts)) {
        const QString r = role.trimmed();
        if (r == u"platform")
            v.platformFaults = true;
        else if (r == u"fulu")
            v.faults.fulu = true;
        else if (r == u"acg-faka")
            v.faults.acgFaka = true;
        else {
            *error = u"--fault-roles: unknown role '"_s + r + u"' (platform, fulu, acg-faka)"_s;
            return false;
        }
    }
    *values = v;
    return true;
}

QString SupplierOptions::endpoints(const QString& hostPort)
{
    return u"fulu gateway: POST http://"_s + hostPort + u"/api/getway (sandbox AppKey and AppSecret)\n"_s +
           u"acg-faka store: POST http://"_s + hostPort + u"/shared/{controller}/{action} (app_id 1000, "_s +
           u"app_key TESTKEY123)\n"_s;
}

} // namespace cardops::sim

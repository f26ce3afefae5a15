#pragma once

#include "core/signing.h"
#include "sim/data/acgfakastate.h"
#include "sim/server/simrequest.h"

namespace cardops::sim {

// The acg-faka shared store (protocols.md §2) without HTTP: form-urlencoded POSTs to
// /shared/{controller}/{action}, app_id and the MD5 sign of §2.1 checked over the fields as posted,
// answers {"code":200,"msg":"success","data":…} or {"code":0,"msg":…} under HTTP 200, the msg in
// Chinese unless Accept-Language asks for English. Not thread-safe.
class AcgFakaHandler
{
public:
    static constexpr QByteArrayView kPrefix = "/shared/";

    static constexpr QByteArrayView kHtmlType = "text/html; charset=utf-8";

    struct Outcome
    {
        SimResponse response;
        bool html = false;     // an HTML page (Content-Type kHtmlType), not a JSON envelope
        bool purchase = false; // a verified commodity/trade
        bool executed = false; // the trade was made
    };

    explicit AcgFakaHandler(AcgFakaState& state)
        : m_state(state)
    {}

    Outcome handle(const SimRequest& request);
    // A correctly signed request refused with 密钥错误 (the bad-signature fault).
    static SimResponse signatureRefusal(const SimRequest& request);

    // The posted fields as PHP sees them: only a form-urlencoded POST has any; '+' is a space,
    // percent escapes are decoded, a repeated name keeps its last value.
    static core::signing::FormFields formFields(const SimRequest& request);
    static bool wantsEnglish(const SimRequest& request);
    // An HTML page, as PHP or the web server sends on a failure (serve it as kHtmlType).
    static SimResponse htmlPage(int status, QByteArrayView title, QByteArrayView text);

private:
    using Fields = core::signing::FormFields;
    using Error = AcgFakaState::Error;

    static SimResponse success(const QByteArray& data);
    static SimResponse failure(Error error, QByteArrayView arg, bool english);
    QByteArray itemJson(const AcgFakaState::Item& item) const;
    static QByteArray configText(const AcgFakaState::Item& item);
    SimResponse route(QByteArrayView controller, QByteArrayView action, const Fields& fields, bool english,
                      Outcome& outcome);
    SimResponse inventory(const Fields& fields, bool english) const;
    SimResponse stock(const Fields& fields, bool english) const;
    SimResponse valuation(const Fields& fields, bool english) const;
    SimResponse trade(const Fields& fields, bool english, Outcome& outcome);
    SimResponse query(const Fields& fields, bool english) const;

    AcgFakaState& m_state;
};

} // namespace cardops::sim

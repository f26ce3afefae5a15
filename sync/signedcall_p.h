#pragma once

#include "core/result.h"
#include "sync/transport/platformtransport.h"

#include <QFuture>
#include <QJsonValue>
#include <QPointer>
#include <QPromise>
#include <functional>
#include <memory>
#include <optional>

// One platform call the operator waits for, shared by the card, card-stock and category requests.
namespace cardops::sync::detail {

// Sends, and sends once more freshly signed after a 401/40102: a proxy or a clock step can spoil
// one signature; a second refusal means the credentials are wrong.
inline void sendSigned(PlatformTransport& transport, const Request& request, bool retried,
                       std::function<void(const Reply&)> done)
{
    QPointer<PlatformTransport> guard(&transport);
    transport.send(request).then([guard, request, retried, done = std::move(done)](const Reply& reply) {
        if (!reply.ok() && reply.error.kind == CallError::Auth && reply.error.code == 40102 && !retried &&
            guard)
            return sendSigned(*guard, request, true, done);
        done(reply);
    });
}

// The call's answer parsed by `parse` (a Result<T> of the reply's data); an answer that does not
// parse is CallError::Malformed with the parser's detail. Answer<T> has `value` and `error`.
template<typename AnswerT, typename Parse>
QFuture<AnswerT> signedCall(PlatformTransport& transport, const Request& request, Parse parse)
{
    auto promise = std::make_shared<QPromise<AnswerT>>();
    promise->start();
    QFuture<AnswerT> future = promise->future();
    sendSigned(transport, request, false, [promise, parse](const Reply& reply) {
        AnswerT answer;
        if (!reply.ok()) {
            answer.error = reply.error;
        } else if (auto parsed = parse(reply.response->data)) {
            answer.value = std::move(parsed).value();
        } else {
            answer.error.kind = CallError::Malformed;
            answer.error.httpStatus = reply.response->httpStatus;
            answer.error.message = parsed.error().detail;
            answer.error.attempts = reply.response->attempts;
        }
        promise->addResult(std::move(answer));
        promise->finish();
    });
    return future;
}

} // namespace cardops::sync::detail

#include "core/purchase.h"

using namespace Qt::StringLiterals;

namespace cardops::core {

namespace {

constexpr PurchaseState kAll[] = {PurchaseState::Intent,    PurchaseState::Sent,   PurchaseState::Accepted,
                                  PurchaseState::Succeeded, PurchaseState::Failed, PurchaseState::Unknown,
                                  PurchaseState::Delivered};

} // namespace

QString purchaseStateCode(PurchaseState state)
{
    switch (state) {
    case PurchaseState::Intent:
        return u"intent"_s;
    case PurchaseState::Sent:
        return u"sent"_s;
    case PurchaseState::Accepted:
        return u"accepted"_s;
    case PurchaseState::Succeeded:
        return u"succeeded"_s;
    case PurchaseState::Failed:
        return u"failed"_s;
    case PurchaseState::Unknown:
        return u"unknown"_s;
    case PurchaseState::Delivered:
        return u"delivered"_s;
    }
    return {};
}

std::optional<PurchaseState> purchaseStateFromCode(const QString& code)
{
    for (PurchaseState s : kAll)
        if (purchaseStateCode(s) == code)
            return s;
    return std::nullopt;
}

bool purchaseTransitionAllowed(PurchaseState from, PurchaseState to)
{
    using S = PurchaseState;
    switch (from) {
    case S::Intent: // failed: refused before it left (validation, no balance known to be short)
        return to == S::Sent || to == S::Failed;
    case S::Sent: // a synchronous supplier (acg-faka) answers with the goods at once
        return to == S::Accepted || to == S::Succeeded || to == S::Failed || to == S::Unknown;
    case S::Accepted:
        return to == S::Succeeded || to == S::Failed || to == S::Unknown;
    case S::Unknown:
        return to == S::Succeeded || to == S::Failed;
    case S::Succeeded:
        return to == S::Delivered;
    case S::Failed:
    case S::Delivered:
        return false;
    }
    return false;
}

bool purchaseStateIsFinal(PurchaseState state)
{
    return state == PurchaseState::Failed || state == PurchaseState::Delivered;
}

} // namespace cardops::core

#include "bridge/bridgewrite.h"

namespace cardops::bridge {

// The table of routes besides the feeds: one line per method and path, each with the capability it
// adds to GET /v1/shop. Handlers live beside their subject (orders, cards, edits, money).
const QList<ApiRoute>& apiRoutes()
{
    static const QList<ApiRoute> routes = {};
    return routes;
}

} // namespace cardops::bridge

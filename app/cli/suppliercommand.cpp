#include "app/cli/suppliercommand.h"

#include "app/cli/errortext.h"
#include "core/clock.h"
#include "core/csvexport.h"
#include "core/money.h"
#include "sim/data/generator.h"
#include "sim/server/simserver.h"
#include "storage/database.h"
#include "storage/readsession.h"
#include "storage/supply.h"
#include "sync/secretstore.h"
#include "sync/supplierfactory.h"
#include "sync/supplierrefresh.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

// Columns a terminal gives a character: two for CJK and other wide characters.
qsizetype displayWidth(const QString& text)
{
    qsizetype width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6);
        width += c.isLowSurrogate() ? 0 : (wide ? 2 : 1);
    }
    return width;
}

// Rows under a header, columns padded to the widest cell, two spaces apart.
void printTable(QTextStream& out, const QStringList& header, const QList<QStringList>& rows)
{
    QList<qsizetype> widths(header.size(), 0);
    const auto measure = [&widths](const QStringList& row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(row[i]));
    };
    measure(header);
    for (const QStringList& row : rows)
        measure(row);
    const auto print = [&](const QStringList& row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += QString(widths[i] - displayWidth(row[i]) + 2, u' ');
        }
        out << line << Qt::endl;
    };
    print(header);
    for (const QStringList& row : rows)
        print(row);
}

QString money(std::optional<qint64> units)
{
    return units ? core::Money::fromUnits(*units).toString(2) : u"—"_s;
}

} // namespace

SupplierCommand::SupplierCommand(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{}

QByteArray SupplierCommand::secretVariable(const QString& supplierId)
{
    QString name = supplierId.toUpper();
    for (QChar& c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = u'_';
    return "CARDOPS_SUPPLIER_SECRET_" + name.toLatin1();
}

int SupplierCommand::run(const QString& databasePath, const Options& options)
{
    if (options.action != u"balance" && options.action != u"catalogue") {
        m_err << tr("Unknown supplier action '%1': use balance or catalogue.").arg(options.action)
              << Qt::endl;
        return 2;
    }
    if (options.action == u"catalogue" && options.supplierId.isEmpty()) {
        m_err << tr("supplier catalogue needs --supplier ID.") << Qt::endl;
        return 2;
    }
    core::SystemClock clock;
    std::unique_ptr<sim::SimServer> simulator;
    QList<core::SupplierEndpoint> endpoints = options.endpoints;
    if (options.demo) {
        simulator = std::make_unique<sim::SimServer>(
            sim::generatePlatform(sim::GeneratorParams::demo(), clock), clock);
        const quint16 port = simulator->listen(QHostAddress::LocalHost, 0);
        if (port == 0) {
            m_err << tr("Cannot start the built-in demo simulator.") << Qt::endl;
            return 1;
        }
        endpoints = sync::demoSupplierEndpoints(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        if (!options.json)
            m_out << tr("Demo profile: the suppliers are played by the built-in simulator (演示数据).")
                  << Qt::endl;
    }
    if (endpoints.isEmpty()) {
        m_err << tr("This profile has no suppliers.") << Qt::endl;
        return 2;
    }
    if (!options.supplierId.isEmpty()) {
        QList<core::SupplierEndpoint> chosen;
        for (const core::SupplierEndpoint& e : std::as_const(endpoints))
            if (e.id == options.supplierId)
                chosen << e;
        if (chosen.isEmpty()) {
            QStringList ids;
            for (const core::SupplierEndpoint& e : std::as_const(endpoints))
                ids << e.id;
            m_err << tr("No supplier '%1' in this profile (it has: %2).")
                         .arg(options.supplierId, ids.join(u", "_s))
                  << Qt::endl;
            return 2;
        }
        endpoints = chosen;
    }

    if (!QDir().mkpath(QFileInfo(databasePath).absolutePath())) {
        m_err << tr("Cannot create the folder for %1.").arg(databasePath) << Qt::endl;
        return 1;
    }
    auto db = storage::Database::open(databasePath, clock);
    if (!db) {
        m_err << tr("Cannot open %1: %2").arg(databasePath, ErrorText::describe(db.error())) << Qt::endl;
        return 1;
    }

    std::vector<std::unique_ptr<suppliers::Supplier>> adapters;
    QList<sync::RefreshTarget> targets;
    for (const core::SupplierEndpoint& e : std::as_const(endpoints)) {
        const QByteArray secret = options.demo ? sync::demoSupplierSecret(e) : storedSecret(options, e.id);
        auto adapter = sync::makeSupplier(e, secret, &clock);
        if (!adapter) {
            m_err << tr("Supplier %1 cannot be docked: %2").arg(e.id, ErrorText::describe(adapter.error()))
                  << Qt::endl;
            if (secret.isEmpty())
                m_err << tr("  Store its secret in the console, or put it in %1.")
                             .arg(QString::fromLatin1(secretVariable(e.id)))
                      << Qt::endl;
            targets << sync::RefreshTarget{e.id, e.protocol, nullptr};
            continue;
        }
        adapters.push_back(std::move(adapter).value());
        targets << sync::RefreshTarget{e.id, e.protocol, adapters.back().get()};
    }

    int exitCode = 0;
    {
        sync::SupplierRefresh refresh(**db, clock);
        refresh.setTargets(targets);
        QEventLoop loop;
        QObject::connect(
            &refresh, &sync::SupplierRefresh::finished, &loop,
            [&](const QList<sync::RefreshOutcome>& outcomes) {
                for (const sync::RefreshOutcome& o : outcomes) {
                    if (o.ok)
                        continue;
                    exitCode = 1;
                    m_err << tr("Supplier %1 could not be refreshed: %2").arg(o.supplierId, o.error)
                          << Qt::endl;
                }
                loop.quit();
            });
        refresh.refreshAll();
        loop.exec();
    }

    QStringList ids;
    for (const core::SupplierEndpoint& e : std::as_const(endpoints))
        ids << e.id;
    const int printed = options.action == u"balance"
                            ? printBalances(databasePath, ids)
                            : printCatalogue(databasePath, options.supplierId, options.json);
    return printed != 0 ? printed : exitCode;
}

QByteArray SupplierCommand::storedSecret(const Options& options, const QString& supplierId)
{
    if (const QByteArray fromEnvironment = qgetenv(secretVariable(supplierId).constData());
        !fromEnvironment.isEmpty())
        return fromEnvironment;
    sync::SecretStore store(options.profileDirectory);
    QEventLoop loop;
    QByteArray secret;
    store.readSupplier(options.profile, supplierId, &loop, [&](const core::Result<QByteArray>& r) {
        if (r.ok())
            secret = r.value();
        else if (r.error().code != core::ErrorCode::NotFound)
            m_err << tr("The secret of supplier %1 cannot be read: %2")
                         .arg(supplierId, ErrorText::describe(r.error()))
                  << Qt::endl;
        loop.quit();
    });
    loop.exec();
    return secret;
}

int SupplierCommand::printBalances(const QString& path, const QStringList& ids)
{
    storage::ReadSession read(path);
    const auto statuses = storage::supply::statuses(read);
    if (!statuses) {
        m_err << ErrorText::describe(statuses.error()) << Qt::endl;
        return 1;
    }
    QList<QStringList> rows;
    for (const storage::supply::SupplierStatus& s : statuses.value()) {
        if (!ids.contains(s.supplierId))
            continue;
        QString state = tr("OK");
        if (!s.lastError.isEmpty())
            state = tr("Error: %1").arg(s.lastError);
        else if (s.balanceLow())
            state = tr("Balance low");
        rows << QStringList{s.supplierId,
                            s.protocol,
                            money(s.balance),
                            s.accountName,
                            money(s.lowBalanceThreshold),
                            QString::number(s.productCount),
                            s.checkedAt > 0 ? core::formatShanghaiTime(s.checkedAt) : u"—"_s,
                            state};
    }
    printTable(m_out,
               {tr("Supplier"), tr("Protocol"), tr("Balance (yuan)"), tr("Account"), tr("Low below"),
                tr("Products"), tr("Checked"), tr("State")},
               rows);
    return 0;
}

int SupplierCommand::printCatalogue(const QString& path, const QString& supplierId, bool json)
{
    storage::ReadSession read(path);
    const auto products = storage::supply::products(read, supplierId);
    if (!products) {
        m_err << ErrorText::describe(products.error()) << Qt::endl;
        return 1;
    }
    if (json) {
        QJsonArray items;
        for (const storage::supply::MirroredProduct& p : products.value()) {
            QJsonObject o{{u"product_id"_s, p.productId},
                          {u"name"_s, p.name},
                          {u"stock_level"_s, p.stockLevel},
                          {u"on_sale"_s, p.onSale},
                          {u"refreshed_at"_s, p.refreshedAt}};
            // Money as decimal text, as the platform API writes it: never a binary fraction.
            o.insert(u"cost"_s,
                     p.cost ? QJsonValue(core::Money::fromUnits(*p.cost).toString(4)) : QJsonValue());
            o.insert(u"stock"_s, p.stock ? QJsonValue(*p.stock) : QJsonValue());
            items.append(o);
        }
        const QJsonObject root{{u"supplier"_s, supplierId}, {u"products"_s, items}};
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)) << Qt::flush;
        return 0;
    }
    const auto level = [](const QString& code) {
        if (code == u"plenty")
            return tr("plenty");
        if (code == u"low")
            return tr("low");
        if (code == u"out")
            return tr("out of stock");
        return tr("unknown");
    };
    QList<QStringList> rows;
    for (const storage::supply::MirroredProduct& p : products.value()) {
        const QString stock =
            p.stock ? tr("%1 (%2)").arg(level(p.stockLevel)).arg(*p.stock) : level(p.stockLevel);
        rows << QStringList{p.productId, p.name, money(p.cost), stock, p.onSale ? tr("yes") : tr("no")};
    }
    printTable(m_out, {tr("Product"), tr("Name"), tr("Cost (yuan)"), tr("Stock"), tr("On sale")}, rows);
    m_out << tr("%n product(s).", nullptr, static_cast<int>(rows.size())) << Qt::endl;
    return 0;
}

} // namespace cardops::app

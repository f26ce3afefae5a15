#include "sim/data/catalog.h"

#include "core/money.h"

namespace cardops::sim::catalog {

namespace {

struct CategoryDef
{
    const char* name;
    QList<const char*> children;
};

const QList<CategoryDef>& categoryDefs()
{
    static const QList<CategoryDef> defs = {
        {"游戏点卡", {"腾讯游戏", "网易游戏", "网络游戏一卡通", "Steam/海外平台"}},
        {"视频会员", {"爱奇艺", "腾讯视频", "优酷", "芒果TV", "哔哩哔哩"}},
        {"音乐会员", {"QQ音乐", "网易云音乐", "酷狗音乐"}},
        {"话费充值", {"中国移动", "中国联通", "中国电信"}},
        {"购物卡", {"京东E卡", "天猫超市卡", "沃尔玛购物卡"}},
        {"加油卡", {"中石化", "中石油"}},
        {"软件激活", {"办公软件", "安全软件"}},
        {"生活服务", {"外卖会员", "出行服务"}},
    };
    return defs;
}

struct GoodsDef
{
    const char* category; // child category name
    const char* brand;
    const char* sku;
    QList<int> faces; // yuan
    bool direct;
    const char* format;
    const char* separator;
    double weight; // relative popularity of the line
};

const QList<GoodsDef>& goodsDefs()
{
    static const QList<GoodsDef> defs = {
        {"腾讯游戏", "腾讯Q币", "QB", {1, 5, 10, 30, 50, 100, 200}, false, "number_password", " ", 10},
        {"腾讯游戏", "QQ会员月卡", "QQVIP", {15}, false, "single", "", 3},
        {"腾讯游戏", "QQ超级会员月卡", "SVIP", {30}, false, "single", "", 2},
        {"腾讯游戏", "王者荣耀点券直充", "WZRY", {6, 30, 68, 128, 328, 648}, true, "single", "", 6},
        {"腾讯游戏", "和平精英UC直充", "HPJY", {6, 30, 68, 128, 328, 648}, true, "single", "", 4},
        {"网易游戏", "网易一卡通", "WY", {10, 15, 30, 50, 100, 200}, false, "number_password", " ", 5},
        {"网易游戏", "梦幻西游点卡", "MHXY", {30, 50, 100}, false, "number_password", " ", 3},
        {"网易游戏", "魔兽世界时长卡", "WOW", {30, 75}, false, "number_password", " ", 1.5},
        {"网络游戏一卡通", "骏网一卡通", "JW", {10, 30, 50, 100}, false, "number_password", " ", 2},
        {"网络游戏一卡通", "盛大一卡通", "SD", {10, 30, 50, 100}, false, "number_password", " ", 1},
        {"网络游戏一卡通", "完美一卡通", "WM", {15, 30, 50, 100}, false, "number_password", " ", 1},
        {"Steam/海外平台", "Steam钱包充值卡", "STEAM", {50, 100, 200, 500}, false, "single", "", 3},
        {"Steam/海外平台", "PSN港服点卡", "PSN", {100, 200, 500}, false, "single", "", 1},
        {"Steam/海外平台", "App Store 充值卡", "APPLE", {50, 100, 200, 500}, false, "single", "", 2},
        {"爱奇艺", "爱奇艺VIP黄金会员月卡", "IQY-M", {30}, false, "single", "", 4},
        {"爱奇艺", "爱奇艺VIP黄金会员季卡", "IQY-Q", {68}, false, "single", "", 2},
        {"爱奇艺", "爱奇艺VIP黄金会员年卡", "IQY-Y", {248}, false, "single", "", 1},
        {"腾讯视频", "腾讯视频VIP月卡", "TXSP-M", {30}, false, "single", "", 4},
        {"腾讯视频", "腾讯视频VIP年卡", "TXSP-Y", {253}, false, "single", "", 1},
        {"优酷", "优酷VIP月卡", "YK-M", {30}, false, "single", "", 2},
        {"芒果TV", "芒果TV会员月卡", "MG-M", {25}, false, "single", "", 1.5},
        {"哔哩哔哩", "B站大会员月卡", "BILI-M", {25}, false, "single", "", 2},
        {"哔哩哔哩", "B站大会员年卡", "BILI-Y", {168}, false, "single", "", 1},
        {"QQ音乐", "QQ音乐绿钻月卡", "QQMUSIC", {15}, false, "single", "", 2},
        {"网易云音乐", "网易云音乐黑胶VIP月卡", "NCM", {18}, false, "single", "", 2},
        {"酷狗音乐", "酷狗音乐VIP月卡", "KUGOU", {15}, false, "single", "", 1},
        {"中国移动", "移动话费直充", "CMCC", {10, 20, 30, 50, 100, 200}, true, "single", "", 8},
        {"中国联通", "联通话费直充", "CUCC", {10, 20, 30, 50, 100, 200}, true, "single", "", 5},
        {"中国电信", "电信话费直充", "CTCC", {10, 20, 30, 50, 100, 200}, true, "single", "", 5},
        {"京东E卡", "京东E卡", "JDE", {50, 100, 200, 500, 1000}, false, "number_password", " ", 4},
        {"天猫超市卡", "天猫超市卡", "TMCS", {100, 200, 500}, false, "number_password", " ", 2},
        {"沃尔玛购物卡", "沃尔玛购物卡", "WMT", {100, 200, 500}, false, "number_password", " ", 1},
        {"中石化", "中石化加油卡直充", "SINOPEC", {100, 200, 500, 1000}, true, "single", "", 3},
        {"中石油", "中石油加油卡直充", "CNPC", {100, 200, 500, 1000}, true, "single", "", 2},
        {"办公软件", "Office 365 家庭版账号", "O365", {398}, false, "fields:3", "----", 0.5},
        {"办公软件", "WPS超级会员年卡", "WPS", {179}, false, "single", "", 1},
        {"安全软件", "卡巴斯基安全软件激活码", "KAV", {120}, false, "single", "", 0.3},
        {"外卖会员", "美团外卖会员月卡直充", "MT", {15}, true, "single", "", 2},
        {"外卖会员", "饿了么超级会员月卡直充", "ELM", {15}, true, "single", "", 1.5},
        {"出行服务", "滴滴出行礼品卡", "DIDI", {50, 100}, false, "number_password", " ", 1},
    };
    return defs;
}

const QList<const char*>& variantSuffixes()
{
    static const QList<const char*> v = {"",
                                         "【秒到账】",
                                         "【批发】",
                                         "【官方正品】",
                                         "【限时9.8折】",
                                         "【自动发货】",
                                         "【企业专供】",
                                         "【代理专享】",
                                         "【活动款】",
                                         "【新客特惠】"};
    return v;
}

const QList<const char*>& provinces()
{
    static const QList<const char*> p = {"广东",   "浙江", "江苏", "山东", "河南", "四川", "湖北",   "湖南",
                                         "福建",   "河北", "安徽", "北京", "上海", "陕西", "辽宁",   "江西",
                                         "重庆",   "广西", "云南", "山西", "天津", "贵州", "黑龙江", "吉林",
                                         "内蒙古", "新疆", "甘肃", "海南", "宁夏", "青海", "西藏"};
    return p;
}

qint64 categoryIdByName(const QList<Category>& cats, const char* name)
{
    const QByteArray n(name);
    for (const Category& c : cats)
        if (c.name == n && c.parentId != 0)
            return c.id;
    return 1;
}

Money centsOf(qint64 units)
{
    return Money::fromUnits(units).roundedToCents();
}

} // namespace

QList<Category> categories(qint64 updatedAt)
{
    QList<Category> out;
    qint64 sort = 10;
    for (const CategoryDef& def : categoryDefs()) {
        Category top;
        top.id = out.size() + 1;
        top.name = def.name;
        top.sort = sort;
        top.updatedAt = updatedAt;
        sort += 10;
        out.append(top);
        qint64 childSort = 1;
        for (const char* child : def.children) {
            Category c;
            c.id = out.size() + 1;
            c.parentId = top.id;
            c.name = child;
            c.sort = childSort++;
            c.updatedAt = updatedAt;
            out.append(c);
        }
    }
    return out;
}

QList<Goods> goods(Rng& rng, int count, const QList<Category>& cats, qint64 endTime)
{
    struct Base
    {
        const GoodsDef* def;
        int face;
        double weight;
    };
    QList<Base> bases;
    for (const GoodsDef& def : goodsDefs())
        for (int face : def.faces)
            bases.append({&def, face, def.weight / (1.0 + 0.15 * static_cast<double>(bases.size() % 7))});
    std::stable_sort(bases.begin(), bases.end(),
                     [](const Base& a, const Base& b) { return a.weight > b.weight; });

    QList<Goods> out;
    out.reserve(count);
    const auto& suffixes = variantSuffixes();
    for (int variant = 0; out.size() < count; ++variant) {
        for (const Base& b : bases) {
            if (out.size() >= count)
                break;
            const GoodsDef& def = *b.def;
            Goods g;
            g.id = out.size() + 1;
            QByteArray name(def.brand);
            QByteArray region;
            const bool phone = def.direct && QByteArrayView(def.sku).startsWith("C") && def.sku[1] != 'N';
            if (phone && variant > 0) {
                region = provinces()[(variant - 1) % provinces().size()];
                name = region + name;
            }
            name += ' ' + QByteArray::number(b.face) + "元";
            const qsizetype suffixIndex = phone ? variant / provinces().size() : variant;
            name += suffixes[suffixIndex % suffixes.size()];
            if (suffixIndex >= suffixes.size())
                name += " " + QByteArray::number(suffixIndex / suffixes.size() + 1) + "号渠道";
            g.name = name;
            g.sku = QByteArray(def.sku) + '-' + QByteArray::number(b.face) + '-' + QByteArray::number(g.id);
            g.categoryId = categoryIdByName(cats, def.category);
            g.sort = rng.below(100);
            g.direct = def.direct;
            g.cardFormat = def.format;
            g.cardSeparator = def.separator;
            g.faceValue = Money::fromYuan(b.face);
            const qint64 priceUnits = g.faceValue.units() * rng.range(9550, 9980) / 10000;
            g.price = centsOf(qMin(priceUnits, g.faceValue.units() - 100));
            const qint64 costUnits = g.price.units() * rng.range(8800, 9500) / 10000;
            g.cost = centsOf(qMin(costUnits, g.price.units() - 100));
            if (rng.chance(0.2)) {
                g.tierPrices.append({2, centsOf(g.price.units() * 985 / 1000)});
                g.tierPrices.append({3, centsOf(g.price.units() * 970 / 1000)});
            }
            // Ids outside the suppliers' seeded catalogues: the supplier roles add every linked
            // product (linkedsupply.h). The draws are those of earlier versions, so the rest of the
            // generated data stays as it was.
            if (rng.chance(0.35))
                g.supplierLinks.append({"fulu", QByteArray::number(20000000 + rng.below(899999)), 1});
            if (rng.chance(0.15))
                g.supplierLinks.append({"acg-faka", linkedAcgCode(rng.range(1, 5000)),
                                        static_cast<qint64>(g.supplierLinks.size() + 1)});
            g.ownerCardops = rng.chance(g.supplierLinks.isEmpty() ? 0.02 : 0.1);
            if (!g.direct) {
                g.stockAvailable = rng.chance(0.03) ? 0 : rng.range(5, 800);
                g.stockLocked = rng.chance(0.1) ? rng.range(1, 5) : 0;
            }
            g.lowStockThreshold = g.direct ? 0 : rng.range(2, 10) * 5;
            g.on = rng.chance(0.92);
            g.listing.title = g.name + " | 秒到账";
            g.listing.spec = QByteArray::number(b.face) + (g.direct ? "元/次" : "元/张");
            g.listing.description =
                "【商品亮点】官方正品，" + QByteArray(g.direct ? "充值秒到账。" : "卡密自动发货。") +
                "【使用方法】" + (g.direct ? "填写充值账号后下单。" : "登录官网兑换卡密。") +
                "【售后保障】无效包换，7×24小时客服。";
            g.version = rng.range(1, 12);
            g.updatedAt = endTime - rng.range(3600, 90 * 86400);
            out.append(g);
        }
    }
    return out;
}

QByteArray linkedAcgCode(qint64 n)
{
    return QByteArray::number(0xD0C000000000LL + n, 16).toUpper();
}

QByteArray memberName(Rng& rng)
{
    static const QList<QByteArray> surnames = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
        "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁"};
    static const QList<QByteArray> given = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
        "超", "秀", "霞", "平", "刚", "桂", "英", "华", "鑫", "宇", "浩", "晨", "欣", "怡", "子", "轩",
        "博", "文", "佳", "俊", "凯", "鹏", "辉", "玲", "婷", "雪", "琳", "晶", "飞", "斌", "亮", "波"};
    QByteArray name = rng.pick(surnames) + rng.pick(given);
    if (rng.chance(0.6))
        name += rng.pick(given);
    return name;
}

QByteArray enterpriseName(Rng& rng)
{
    static const QList<QByteArray> cities = {"深圳", "杭州", "广州", "成都", "武汉", "南京", "苏州", "厦门"};
    static const QList<QByteArray> words = {"星辰", "云海", "启航", "瑞丰", "鼎盛",
                                            "华信", "优选", "锦程", "汇通"};
    static const QList<QByteArray> kinds = {"网络科技有限公司", "信息技术有限公司", "商贸有限公司",
                                            "文化传媒有限公司"};
    return rng.pick(cities) + rng.pick(words) + rng.pick(kinds);
}

const QList<QByteArray>& memberTags()
{
    static const QList<QByteArray> tags = {"老客户",   "高价值",   "新客",     "夜猫子",     "游戏玩家",
                                           "视频会员", "话费用户", "价格敏感", "企业大客户", "观察名单"};
    return tags;
}

} // namespace cardops::sim::catalog

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliCommands</name>
    <message>
        <source>CardOps (卡盟运营台) command line: the headless side of the shop&apos;s back office.</source>
        <translation>CardOps（卡盟运营台）命令行：店铺后台的无界面部分。</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN (default) or en.</source>
        <translation>消息语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run cardops-cli --help for the list.</source>
        <translation>未知命令“%1”。运行 cardops-cli --help 查看命令列表。</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>结构版本：%1</translation>
    </message>
    <message>
        <source>Operators: %1</source>
        <translation>操作员：%1 人</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Purchase outcome unknown</source>
        <translation>采购结果未知</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>发货失败</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Supplier balance low</source>
        <translation>上游余额不足</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>同步异常</translation>
    </message>
    <message>
        <source>Withdrawals awaiting review</source>
        <translation>提现待审</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: healthy, schema version %2.</source>
        <translation>%1：完好，结构版本 %2。</translation>
    </message>
    <message>
        <source>Profile whose cache to use (default: demo).</source>
        <translation>使用哪个配置的缓存（默认：demo 演示）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cache database file (instead of a profile&apos;s).</source>
        <translation>缓存数据库文件（代替配置的缓存）。</translation>
    </message>
    <message>
        <source>generate: random seed (default 1).</source>
        <translation>generate：随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>generate: days of history (default 120).</source>
        <translation>generate：历史天数（默认 120）。</translation>
    </message>
    <message>
        <source>generate: number of orders (default 30000).</source>
        <translation>generate：订单数（默认 30000）。</translation>
    </message>
    <message>
        <source>generate: number of members (default: by orders).</source>
        <translation>generate：会员数（默认按订单数推算）。</translation>
    </message>
    <message>
        <source>generate: number of goods (default: by orders).</source>
        <translation>generate：商品数（默认按订单数推算）。</translation>
    </message>
    <message>
        <source>sync: the platform&apos;s address, e.g. https://shop.example.com (default for the demo profile: a built-in simulator).</source>
        <translation>sync：平台地址，例如 https://shop.example.com（演示配置默认使用内置模拟器）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>sync: the platform app id.</source>
        <translation>sync：平台应用 ID（app id）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>status: open the cache (creating it if needed) and show its state
check: verify a cache file without changing it
generate: build a new cache from the simulator&apos;s data (--seed --days --orders)
sync: one sync round with the platform, then a summary (the secret comes from CARDOPS_PLATFORM_SECRET)</source>
        <translation>status：打开缓存（必要时创建）并显示其状态
check：检查缓存文件，不做任何修改
generate：用模拟器数据生成新的缓存（--seed --days --orders）
sync：与平台同步一轮并显示摘要（密钥取自 CARDOPS_PLATFORM_SECRET）</translation>
    </message>
    <message>
        <source>Give either --db or --profile, not both.</source>
        <translation>--db 与 --profile 只能指定一个。</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>sync with --url needs a valid address, --app-id and the secret in CARDOPS_PLATFORM_SECRET.</source>
        <translation>使用 --url 同步需要有效的地址、--app-id，以及环境变量 CARDOPS_PLATFORM_SECRET 中的密钥。</translation>
    </message>
    <message>
        <source>This cache has no platform address: give --url and --app-id (the demo profile needs none).</source>
        <translation>该缓存没有平台地址：请指定 --url 和 --app-id（演示配置无需指定）。</translation>
    </message>
    <message>
        <source>Shop: %1</source>
        <translation>店铺：%1</translation>
    </message>
    <message>
        <source>(never synced)</source>
        <translation>（尚未同步）</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Last sync error: %1</source>
        <translation>上次同步错误：%1</translation>
    </message>
    <message>
        <source>Goods: %1  Members: %2  Orders: %3</source>
        <translation>商品：%1  会员：%2  订单：%3</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <source>The text could not be read.</source>
        <translation>无法识别该文本。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GBK/GB18030 text.</source>
        <translation>该文件既不是 UTF-8 也不是 GBK/GB18030 文本。</translation>
    </message>
    <message>
        <source>The file could not be read or written (check the disk space and permissions).</source>
        <translation>无法读写文件（请检查磁盘空间和权限）。</translation>
    </message>
    <message>
        <source>Decryption failed: the key is wrong or the data was altered.</source>
        <translation>解密失败：密钥错误或数据已被篡改。</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>The change conflicts with existing data.</source>
        <translation>该修改与现有数据冲突。</translation>
    </message>
    <message>
        <source>The local database reported an error.</source>
        <translation>本地数据库报告错误。</translation>
    </message>
    <message>
        <source>This file is not a CardOps database. It was left unchanged.</source>
        <translation>该文件不是 CardOps 数据库，未做任何修改。</translation>
    </message>
    <message>
        <source>This is a database of another program, not CardOps. It was left unchanged.</source>
        <translation>这是其他程序的数据库，不属于 CardOps，未做任何修改。</translation>
    </message>
    <message>
        <source>The database file is damaged. It was left unchanged; restore a backup or resync the profile.</source>
        <translation>数据库文件已损坏，未做任何修改；请恢复备份或重新同步该配置。</translation>
    </message>
    <message>
        <source>This database was written by a newer CardOps. It was left unchanged; update CardOps to open it.</source>
        <translation>该数据库由更新版本的 CardOps 写入，未做任何修改；请升级 CardOps 后再打开。</translation>
    </message>
    <message>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation>数据库正被其他程序占用，请稍后重试。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
</context>
<context>
    <name>GenerateCommand</name>
    <message>
        <source>%1 already exists: generate writes a new cache file. Remove it or choose another with --db.</source>
        <translation>%1 已存在：generate 只写入新的缓存文件。请删除它，或用 --db 另选文件。</translation>
    </message>
    <message>
        <source>Generating %1 orders over %2 days (seed %3)…</source>
        <translation>正在生成 %2 天内的 %1 笔订单（种子 %3）…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>Done in %1 s (generation %2 s, ingest %3 s).</source>
        <translation>完成，用时 %1 秒（生成 %2 秒，入库 %3 秒）。</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start the built-in demo simulator.</source>
        <translation>无法启动内置演示模拟器。</translation>
    </message>
    <message>
        <source>Demo profile: syncing with the built-in simulator (演示数据).</source>
        <translation>演示配置：与内置模拟器同步（演示数据）。</translation>
    </message>
    <message>
        <source>  %1: %2 received (%3/s)</source>
        <translation>  %1：已接收 %2 条（%3 条/秒）</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>Pushed %1 local edits; %2 conflicts; %3 refused.</source>
        <translation>已推送 %1 项本地修改；冲突 %2 项；被拒绝 %3 项。</translation>
    </message>
    <message>
        <source>Sync finished in %1 s.</source>
        <translation>同步完成，用时 %1 秒。</translation>
    </message>
    <message>
        <source>The platform cannot be reached; the cache keeps what it has and the next sync resumes: %1</source>
        <translation>无法连接平台；缓存保留现有数据，下次同步将从断点继续：%1</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>同步中止：%1</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
</context>
</TS>

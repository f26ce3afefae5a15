<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchOrderText</name>
    <message>
        <source>The charge account is empty: a direct recharge needs the account to top up.</source>
        <translation>充值账号为空：直充商品需要填写要充值的账号。</translation>
    </message>
    <message>
        <source>A card goods takes no charge account: leave it empty.</source>
        <translation>卡密商品不需要充值账号：请留空。</translation>
    </message>
    <message>
        <source>The quantity &quot;%1&quot; is not a positive whole number.</source>
        <translation>数量“%1”不是正整数。</translation>
    </message>
    <message>
        <source>The quantity %1 is above the limit of %2 per line.</source>
        <translation>数量 %1 超过每行上限 %2。</translation>
    </message>
    <message>
        <source>Too many columns: a line is an account and, optionally, a quantity.</source>
        <translation>列数过多：每行只填账号和（可选的）数量。</translation>
    </message>
    <message>
        <source>The file cannot be read from here on: %1</source>
        <translation>文件从此处起无法读取：%1</translation>
    </message>
    <message>
        <source>More than %1 lines: split the batch.</source>
        <translation>超过 %1 行：请拆分批次。</translation>
    </message>
    <message>
        <source>The same account as line %1 (ordered again if you accept).</source>
        <translation>与第 %1 行账号相同（确认后会再次下单）。</translation>
    </message>
    <message>
        <source>contract price</source>
        <translation>合同价</translation>
    </message>
    <message>
        <source>tier price</source>
        <translation>等级价</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>标价</translation>
    </message>
</context>
<context>
    <name>CardsCommand</name>
    <message>
        <source>cards import needs --goods ID, the goods&apos; id on the platform.</source>
        <translation>cards import 需要 --goods ID，即该商品在平台上的 ID。</translation>
    </message>
    <message>
        <source>--format must be single, number_password or fields:N (N from 2 to 16), not &apos;%1&apos;.</source>
        <translation>--format 必须是 single、number_password 或 fields:N（N 为 2 到 16），而不是“%1”。</translation>
    </message>
    <message>
        <source>cards import needs the card file (.txt or .csv, or - for standard input).</source>
        <translation>cards import 需要卡密文件（.txt 或 .csv，- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: not a card file.</source>
        <translation>%1 大于 %2 MB：不是卡密文件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Unknown cards action &apos;%1&apos;: use cards import or cards upload.</source>
        <translation>未知的 cards 操作“%1”：请使用 cards import 或 cards upload。</translation>
    </message>
    <message>
        <source>cards import only previews: use --dry-run, or cards upload to upload the new cards.</source>
        <translation>cards import 只做预览：请加 --dry-run，或用 cards upload 上传新卡密。</translation>
    </message>
    <message>
        <source>cards upload uploads; for a preview use cards import --dry-run.</source>
        <translation>cards upload 会直接上传；只想预览请用 cards import --dry-run。</translation>
    </message>
    <message>
        <source>cards upload needs the platform: --profile NAME, or --url and --app-id with the secret in CARDOPS_PLATFORM_SECRET.</source>
        <translation>cards upload 需要连接平台：请用 --profile 指定档案，或给出 --url 和 --app-id 并在 CARDOPS_PLATFORM_SECRET 中提供密钥。</translation>
    </message>
    <message>
        <source>The goods&apos; stock could not be read from the platform: %1</source>
        <translation>无法从平台读取该商品的库存：%1</translation>
    </message>
    <message>
        <source>Goods %1, %2: %3 lines read (%4), %5 blank.</source>
        <translation>商品 %1，%2：读取 %3 行（%4），空行 %5 行。</translation>
    </message>
    <message>
        <source>Compared with the %1 cards the platform holds.</source>
        <translation>已与平台上现有的 %1 张卡密比对。</translation>
    </message>
    <message>
        <source>Offline preview: nothing is compared with the platform&apos;s stock.</source>
        <translation>离线预览：未与平台库存比对。</translation>
    </message>
    <message>
        <source>Uploading %1 new cards (%2 duplicate in the file, %3 already in stock, %4 invalid are left out).</source>
        <translation>正在上传 %1 张新卡密（文件内重复 %2 张、已在库存 %3 张、无效 %4 张不上传）。</translation>
    </message>
    <message>
        <source>The upload stopped after %1 of %2 cards: %3</source>
        <translation>上传在 %2 张中的第 %1 张后中止：%3</translation>
    </message>
</context>
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
    <message>
        <source>supplier: the supplier&apos;s id in the profile.</source>
        <translation>supplier：该配置中供应商的 ID。</translation>
    </message>
    <message>
        <source>supplier catalogue: print JSON instead of a table.</source>
        <translation>supplier catalogue：以 JSON 输出，而不是表格。</translation>
    </message>
    <message>
        <source>supplier needs a profile (--profile NAME): the suppliers are the profile&apos;s.</source>
        <translation>supplier 需要指定配置（--profile 名称）：货源属于配置。</translation>
    </message>
    <message>
        <source>Cannot load profile %1: %2</source>
        <translation>无法读取配置 %1：%2</translation>
    </message>
    <message>
        <source>generate: number of goods (default: by orders); cards import: the goods&apos; id.</source>
        <translation>generate：商品数（默认按订单数推算）；cards import：商品 ID。</translation>
    </message>
    <message>
        <source>cards import: the goods&apos; card format: single, number_password or fields:N.</source>
        <translation>cards import：商品的卡密格式：single、number_password 或 fields:N。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>cards import: the goods&apos; card separator (default: a space for number_password, ---- for fields:N); tab, ----, spaces and commas in the file are accepted too.</source>
        <translation>cards import：商品的卡密分隔符（默认：number_password 为空格，fields:N 为 ----）；文件中的制表符、----、空格和逗号同样可识别。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>cards import: preview only, upload nothing.</source>
        <translation>cards import：仅预览，不上传。</translation>
    </message>
    <message>
        <source>cards import takes one file, not %1.</source>
        <translation>cards import 只接受一个文件，而不是 %1 个。</translation>
    </message>
    <message>
        <source>serve/fulfil: the lease holder id (default serve-&lt;host&gt;-&lt;profile&gt;).</source>
        <translation>serve/fulfil：租约持有者 ID（默认 serve-&lt;主机&gt;-&lt;档案&gt;）。</translation>
    </message>
    <message>
        <source>serve/fulfil: the platform&apos;s lease time to live in seconds (default 60).</source>
        <translation>serve/fulfil：平台租约的有效期，单位秒（默认 60）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>serve: seconds between cycles when there is nothing to do (default 5).</source>
        <translation>serve：无事可做时两轮之间的间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>serve/fulfil: orders in progress at once, 1–500 (default 16).</source>
        <translation>serve/fulfil：同时处理的订单数，1–500（默认 16）。</translation>
    </message>
    <message>
        <source>serve/fulfil: an INI file with the [notify] channels (企业微信, 钉钉, 飞书, e-mail).</source>
        <translation>serve/fulfil：含 [notify] 通知渠道（企业微信、钉钉、飞书、邮件）的 INI 文件。</translation>
    </message>
    <message>
        <source>serve/fulfil with --url: the suppliers are the simulator&apos;s own (training sandbox).</source>
        <translation>serve/fulfil 配合 --url：货源使用模拟器自带的供应商（培训沙盒）。</translation>
    </message>
    <message>
        <source>--lease-ttl must be at least 3 and --interval at least 1 (seconds); --concurrency 1 to 500.</source>
        <translation>--lease-ttl 至少为 3 秒、--interval 至少为 1 秒；--concurrency 取 1 到 500。</translation>
    </message>
    <message>
        <source>serve with --url needs a valid address, --app-id and the secret in CARDOPS_PLATFORM_SECRET.</source>
        <translation>serve 使用 --url 时需要有效地址、--app-id，以及放在 CARDOPS_PLATFORM_SECRET 中的密钥。</translation>
    </message>
    <message>
        <source>The platform secret of profile %1 cannot be read: put it in CARDOPS_PLATFORM_SECRET.</source>
        <translation>无法读取档案 %1 的平台密钥：请将其放入 CARDOPS_PLATFORM_SECRET。</translation>
    </message>
    <message>
        <source>This cache has no platform address: give --url and --app-id, or --profile.</source>
        <translation>此缓存没有平台地址：请提供 --url 和 --app-id，或使用 --profile。</translation>
    </message>
    <message>
        <source>status: open the cache (creating it if needed) and show its state
check: verify a cache file without changing it
generate: build a new cache from the simulator&apos;s data (--seed --days --orders)
sync: one sync round with the platform, then a summary (the secret comes from CARDOPS_PLATFORM_SECRET)
supplier balance [--supplier ID]: refresh the suppliers and show their balances
supplier catalogue --supplier ID [--json]: refresh a supplier and list its products
cards import --goods ID --format F [--separator S] FILE --dry-run: preview a .txt or .csv card file (UTF-8 or GBK; - reads standard input) as JSON; with --profile or --url the platform&apos;s stock counts as already in stock
cards upload --goods ID --format F [--separator S] FILE (--profile or --url): preview, then upload the new cards and print the platform&apos;s result per line as JSON
serve: sync and fulfil handed-over orders unattended until stopped (SIGTERM/SIGINT)
fulfil: one sync round and one fulfilment pass, then a summary</source>
        <translation>status：打开缓存（必要时创建）并显示其状态
check：校验缓存文件，不做任何修改
generate：用模拟器数据生成新的缓存（--seed --days --orders）
sync：与平台同步一轮并输出摘要（密钥取自 CARDOPS_PLATFORM_SECRET）
supplier balance [--supplier ID]：刷新货源并显示余额
supplier catalogue --supplier ID [--json]：刷新一个货源并列出其商品
cards import --goods ID --format F [--separator S] FILE --dry-run：预览 .txt 或 .csv 卡密文件（UTF-8 或 GBK；- 表示读取标准输入），输出 JSON；带 --profile 或 --url 时，平台上已有的卡密计为“已在库存”
cards upload --goods ID --format F [--separator S] FILE（--profile 或 --url）：先预览，再上传新卡密，并以 JSON 输出平台对每行的结果
serve：无人值守地同步并履约平台移交的订单，直到收到停止信号（SIGTERM/SIGINT）
fulfil：同步一轮并履约一遍，然后输出摘要</translation>
    </message>
    <message>
        <source>cards with --url needs a valid address, --app-id and the secret in CARDOPS_PLATFORM_SECRET.</source>
        <translation>cards 使用 --url 时需要有效的地址、--app-id，以及环境变量 CARDOPS_PLATFORM_SECRET 中的密钥。</translation>
    </message>
    <message>
        <source>The demo has no shop platform to compare with: preview offline (without --profile and --db), or give --profile NAME of a shop, or --url and --app-id.</source>
        <translation>演示档案没有可对比的店铺平台：请离线预览（不带 --profile 和 --db），或用 --profile 指定某个店铺的档案，或给出 --url 和 --app-id。</translation>
    </message>
</context>
<context>
    <name>CsvExports</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>会员ID</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pay channel</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Charge account</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Card ID</source>
        <translation>卡密ID</translation>
    </message>
    <message>
        <source>Card (masked)</source>
        <translation>卡密（脱敏）</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单ID</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Reusable</source>
        <translation>循环卡密</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
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
    <name>ExportCommand</name>
    <message>
        <source>cardops-cli export orders|commissions: write a CSV for Excel and WPS (UTF-8 with BOM).</source>
        <translation>cardops-cli export orders|commissions：导出供 Excel 和 WPS 使用的 CSV（带 BOM 的 UTF-8）。</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN (default) or en.</source>
        <translation>提示语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Profile whose cache to use (default: demo).</source>
        <translation>使用哪个配置的缓存（默认：demo）。</translation>
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
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>First day to export, yyyy-MM-dd (default: the first order).</source>
        <translation>导出的第一天，yyyy-MM-dd（默认：最早的订单）。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Last day to export, yyyy-MM-dd, inclusive (default: the last order).</source>
        <translation>导出的最后一天（含当天），yyyy-MM-dd（默认：最新的订单）。</translation>
    </message>
    <message>
        <source>The CSV file to write (replaced only when complete).</source>
        <translation>要写入的 CSV 文件（全部写完后才替换）。</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>orders: every order of the days with its money, status and accounts
commissions: the commission ledger entries of the days</source>
        <translation>orders：所选日期内的全部订单，含金额、状态和账号
commissions：所选日期内的佣金流水</translation>
    </message>
    <message>
        <source>Usage: cardops-cli export orders|commissions [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE [--db FILE | --profile NAME]</source>
        <translation>用法：cardops-cli export orders|commissions [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out 文件 [--db 文件 | --profile 名称]</translation>
    </message>
    <message>
        <source>Give either --db or --profile, not both.</source>
        <translation>--db 和 --profile 只能给一个。</translation>
    </message>
    <message>
        <source>--out FILE is required: where to write the CSV.</source>
        <translation>必须用 --out 文件 指定 CSV 的保存位置。</translation>
    </message>
    <message>
        <source>--%1 must be a date as YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>--%1 必须是 YYYY-MM-DD 格式的日期，例如 2026-03-01。</translation>
    </message>
    <message>
        <source>--from must not be after --to.</source>
        <translation>--from 不能晚于 --to。</translation>
    </message>
    <message>
        <source>There is no cache at %1. Sync first, or give --db or --profile.</source>
        <translation>%1 没有缓存。请先同步，或给出 --db 或 --profile。</translation>
    </message>
    <message>
        <source>Exported %1 of %2 rows…</source>
        <translation>已导出 %1 / %2 行…</translation>
    </message>
    <message>
        <source>Exported %1 rows…</source>
        <translation>已导出 %1 行…</translation>
    </message>
    <message>
        <source>Export interrupted; no file was written.</source>
        <translation>导出已中断，未写入任何文件。</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>FulfilmentNotices</name>
    <message>
        <source>Order %1 could not be delivered: %2</source>
        <translation>订单 %1 无法发货：%2</translation>
    </message>
    <message>
        <source>Order %1 is waiting for review: %2</source>
        <translation>订单 %1 待审核：%2</translation>
    </message>
    <message>
        <source>This worker lost the fulfilment lease (%1); handed-over orders wait until it is taken again.</source>
        <translation>此履约进程失去了履约租约（%1）；移交的订单将等待，直到重新取得租约。</translation>
    </message>
    <message>
        <source>The fulfilment lease is held by %1; this worker does not fulfil.</source>
        <translation>履约租约由 %1 持有；此履约进程不进行履约。</translation>
    </message>
    <message>
        <source>This worker holds the fulfilment lease and fulfils.</source>
        <translation>此履约进程持有履约租约，正在履约。</translation>
    </message>
    <message>
        <source>The fulfilment worker stopped.</source>
        <translation>履约进程已停止。</translation>
    </message>
</context>
<context>
    <name>FulfilmentReasons</name>
    <message>
        <source>out of stock, and no supplier could supply it</source>
        <translation>库存不足，且没有货源可以补货</translation>
    </message>
    <message>
        <source>no supplier is docked for this goods</source>
        <translation>此商品未对接货源</translation>
    </message>
    <message>
        <source>the purchase from the supplier failed</source>
        <translation>向货源采购失败</translation>
    </message>
    <message>
        <source>the supplier&apos;s answer is unknown: check the purchase on the supplier</source>
        <translation>货源的答复未知：请到货源处核对这笔采购</translation>
    </message>
    <message>
        <source>the platform refused the delivery</source>
        <translation>平台拒绝了发货</translation>
    </message>
    <message>
        <source>the amount paid differs from the price</source>
        <translation>实付金额与应付金额不符</translation>
    </message>
    <message>
        <source>the charge account is missing</source>
        <translation>缺少充值账号</translation>
    </message>
    <message>
        <source>platform stock short: buying from the supplier</source>
        <translation>平台库存不足：正向货源采购</translation>
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
    <name>ListPresentation</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Charge account</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>发货方</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Upline</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Object id</source>
        <translation>对象 ID</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Handed to CardOps</source>
        <translation>已交由 CardOps</translation>
    </message>
    <message>
        <source>Delivering</source>
        <translation>发货中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Off shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All goods</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Order number (prefix)</source>
        <translation>订单号（前缀）</translation>
    </message>
    <message>
        <source>Name or SKU</source>
        <translation>名称或 SKU</translation>
    </message>
    <message>
        <source>Name, contact or member id</source>
        <translation>名称、联系方式或会员 ID</translation>
    </message>
    <message>
        <source>Action, object or detail</source>
        <translation>操作、对象或详情</translation>
    </message>
    <message>
        <source>Via CardOps</source>
        <translation>经 CardOps</translation>
    </message>
    <message>
        <source>Opened the console</source>
        <translation>打开控制台</translation>
    </message>
    <message>
        <source>Added an operator</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <source>Changed a role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Enabled an operator</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <source>Disabled an operator</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Retried a local edit</source>
        <translation>重试本地修改</translation>
    </message>
    <message>
        <source>Dropped a local edit</source>
        <translation>放弃本地修改</translation>
    </message>
    <message>
        <source>Resolved a conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Tier ladder</source>
        <translation>等级体系</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>实付金额</translation>
    </message>
</context>
<context>
    <name>NotifyText</name>
    <message>
        <source>New order to review</source>
        <translation>新的待审核订单</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>发货失败</translation>
    </message>
    <message>
        <source>Fulfilment lease lost: this worker stopped fulfilling</source>
        <translation>履约租约已丢失：本进程已停止发货</translation>
    </message>
    <message>
        <source>Fulfilment lease taken: this worker is fulfilling</source>
        <translation>已取得履约租约：本进程开始发货</translation>
    </message>
    <message>
        <source>Worker started</source>
        <translation>无人值守进程已启动</translation>
    </message>
    <message>
        <source>Worker stopped</source>
        <translation>无人值守进程已停止</translation>
    </message>
    <message>
        <source>Test notification</source>
        <translation>测试通知</translation>
    </message>
    <message>
        <source>(and %1 more like this)</source>
        <translation>（另有 %1 条同类通知）</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>CardOps</source>
        <translation>CardOps</translation>
    </message>
    <message>
        <source>Paid amount does not match the order</source>
        <translation>实付金额与订单不符</translation>
    </message>
    <message>
        <source>No account to recharge</source>
        <translation>缺少充值账号</translation>
    </message>
    <message>
        <source>Quantity far above the usual</source>
        <translation>购买数量远超常规</translation>
    </message>
    <message>
        <source>Account on the blacklist</source>
        <translation>账号在黑名单中</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>未写原因</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待推送</translation>
    </message>
    <message>
        <source>conflicts with a change made elsewhere</source>
        <translation>与别处的修改冲突</translation>
    </message>
    <message>
        <source>failed, waiting for an operator</source>
        <translation>推送失败，等待人工处理</translation>
    </message>
    <message>
        <source>accepted by the platform</source>
        <translation>平台已接受</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>time not known</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <source>goods #%1</source>
        <translation>商品 #%1</translation>
    </message>
    <message>
        <source>Order placed</source>
        <translation>下单</translation>
    </message>
    <message>
        <source>%1, quantity %2, amount %3 yuan</source>
        <translation>%1，数量 %2，金额 %3 元</translation>
    </message>
    <message>
        <source>%1 yuan via %2</source>
        <translation>%2支付 %1 元</translation>
    </message>
    <message>
        <source>Handed to CardOps to fulfil</source>
        <translation>转交 CardOps 履约</translation>
    </message>
    <message>
        <source>CardOps delivers this order while it holds the fulfilment lease</source>
        <translation>由持有履约租约的 CardOps 发货</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Recharged</source>
        <translation>已充值</translation>
    </message>
    <message>
        <source>Recharged to %1</source>
        <translation>已充值到 %1</translation>
    </message>
    <message>
        <source>Cards delivered: %1</source>
        <translation>发出卡密 %1 张</translation>
    </message>
    <message>
        <source>Buyer viewed the cards</source>
        <translation>买家查看卡密</translation>
    </message>
    <message>
        <source>Already refunded when synced: %1 yuan</source>
        <translation>同步时已退款：%1 元</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Already cancelled when synced</source>
        <translation>同步时已取消</translation>
    </message>
    <message>
        <source>attempts: %1</source>
        <translation>已尝试 %1 次</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Waiting to be pushed</source>
        <translation>待推送</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Goods delivered</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>cardops-cli report weekly: write the weekly operations report as PDF and CSV.</source>
        <translation>cardops-cli report weekly：生成运营周报（PDF 和 CSV）。</translation>
    </message>
    <message>
        <source>Language of messages: zh_CN (default) or en.</source>
        <translation>提示语言：zh_CN（默认）或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Profile whose cache to use (default: demo).</source>
        <translation>使用哪个配置的缓存（默认：demo）。</translation>
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
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The folder to write 周报-YYYY-Www.pdf and .csv into.</source>
        <translation>写入 周报-YYYY-Www.pdf 和 .csv 的文件夹。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The ISO week, e.g. 2026-W48 (default: the last complete week).</source>
        <translation>ISO 周，例如 2026-W48（默认：最近一个完整的周）。</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <source>weekly: the weekly operations report</source>
        <translation>weekly：运营周报</translation>
    </message>
    <message>
        <source>Usage: cardops-cli report weekly --out DIR [--week YYYY-Www] [--db FILE | --profile NAME]</source>
        <translation>用法：cardops-cli report weekly --out 文件夹 [--week YYYY-Www] [--db 文件 | --profile 名称]</translation>
    </message>
    <message>
        <source>Give either --db or --profile, not both.</source>
        <translation>--db 和 --profile 只能给一个。</translation>
    </message>
    <message>
        <source>--out DIR is required: the folder for the report&apos;s files.</source>
        <translation>必须给出 --out 文件夹：周报文件写在哪里。</translation>
    </message>
    <message>
        <source>--week must be an ISO week as YYYY-Www, e.g. 2026-W48.</source>
        <translation>--week 必须是 YYYY-Www 格式的 ISO 周，例如 2026-W48。</translation>
    </message>
    <message>
        <source>The report needs the graphical libraries (QGuiApplication); run cardops-cli directly.</source>
        <translation>生成周报需要图形库（QGuiApplication）；请直接运行 cardops-cli。</translation>
    </message>
    <message>
        <source>There is no cache at %1. Sync first, or give --db or --profile.</source>
        <translation>%1 没有缓存。请先同步，或给出 --db 或 --profile。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The weekly report %1 was not written: %2</source>
        <translation>周报 %1 未生成：%2</translation>
    </message>
    <message>
        <source>Weekly report %1 (%2) written:</source>
        <translation>周报 %1（%2）已生成：</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <source>Every order</source>
        <translation>所有订单</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Missing charge account</source>
        <translation>缺少充值账号</translation>
    </message>
    <message>
        <source>Quantity above a limit</source>
        <translation>数量超过上限</translation>
    </message>
    <message>
        <source>Quantity above the member&apos;s usual</source>
        <translation>数量超过常购量</translation>
    </message>
    <message>
        <source>On the blacklist</source>
        <translation>命中黑名单</translation>
    </message>
    <message>
        <source>Flagged goods</source>
        <translation>指定商品</translation>
    </message>
    <message>
        <source>Supplier balance low</source>
        <translation>上游余额不足</translation>
    </message>
    <message>
        <source>Large first order of a new member</source>
        <translation>新会员大额首单</translation>
    </message>
    <message>
        <source>Outside business hours</source>
        <translation>非营业时间</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Hold for review</source>
        <translation>转人工审核</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>打标签</translation>
    </message>
    <message>
        <source>The paid amount differs from the order amount</source>
        <translation>实付金额与订单金额不符</translation>
    </message>
    <message>
        <source>A direct recharge without a charge account</source>
        <translation>直充订单没有填写充值账号</translation>
    </message>
    <message>
        <source>Quantity above %1</source>
        <translation>购买数量超过 %1</translation>
    </message>
    <message>
        <source>Quantity above %1 × the member&apos;s usual quantity</source>
        <translation>购买数量超过会员常购量的 %1 倍</translation>
    </message>
    <message>
        <source>The member, a contact or the charge account is on the blacklist</source>
        <translation>会员、联系方式或充值账号在黑名单中</translation>
    </message>
    <message>
        <source>The goods is one of ID %1</source>
        <translation>商品 ID 属于 %1</translation>
    </message>
    <message>
        <source>The supplier balance left after the purchase is below ¥%1</source>
        <translation>本单采购后上游余额低于 ¥%1</translation>
    </message>
    <message>
        <source>A new member&apos;s first order paying more than ¥%1</source>
        <translation>新会员首单实付超过 ¥%1</translation>
    </message>
    <message>
        <source>Paid outside business hours %1–%2</source>
        <translation>在营业时间 %1–%2 以外付款</translation>
    </message>
    <message>
        <source>Hold for review: %1</source>
        <translation>转人工审核：%1</translation>
    </message>
    <message>
        <source>Refund in full: %1</source>
        <translation>全额退款：%1</translation>
    </message>
    <message>
        <source>Notify %1 (and go on)</source>
        <translation>通知%1（继续匹配）</translation>
    </message>
    <message>
        <source>Tag “%1” (and go on)</source>
        <translation>打标签「%1」（继续匹配）</translation>
    </message>
    <message>
        <source>amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>missing charge account</source>
        <translation>缺少充值账号</translation>
    </message>
    <message>
        <source>unusual quantity</source>
        <translation>数量异常</translation>
    </message>
    <message>
        <source>blacklisted</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>goods needs a person</source>
        <translation>商品需人工处理</translation>
    </message>
    <message>
        <source>supplier balance low</source>
        <translation>上游余额不足</translation>
    </message>
    <message>
        <source>large first order</source>
        <translation>大额首单</translation>
    </message>
    <message>
        <source>outside business hours</source>
        <translation>非营业时间</translation>
    </message>
    <message>
        <source>manual check</source>
        <translation>人工核实</translation>
    </message>
    <message>
        <source>customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>The quantity limit cannot be negative.</source>
        <translation>数量上限不能为负数。</translation>
    </message>
    <message>
        <source>The multiple must be above 0.</source>
        <translation>倍数必须大于 0。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>List at least one goods ID; IDs are positive whole numbers.</source>
        <translation>请至少填写一个商品 ID；商品 ID 是正整数。</translation>
    </message>
    <message>
        <source>Business hours run from 00:00 to 24:00.</source>
        <translation>营业时间须在 00:00 至 24:00 之间。</translation>
    </message>
    <message>
        <source>Opening and closing times must differ.</source>
        <translation>开门时间和关门时间不能相同。</translation>
    </message>
    <message>
        <source>A reason code uses lower-case letters, digits and _ only (at most 64).</source>
        <translation>原因代码只能使用小写字母、数字和 _（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>A channel code uses lower-case letters, digits and _ only (at most 64).</source>
        <translation>通知对象代码只能使用小写字母、数字和 _（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>A tag is 1 to 64 characters without leading or trailing blanks.</source>
        <translation>标签为 1 至 64 个字符，首尾不能有空格。</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>The secret of supplier %1 cannot be read: %2</source>
        <translation>无法读取货源 %1 的密钥：%2</translation>
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
        <source>The notification settings cannot be used: %1</source>
        <translation>通知设置无法使用：%1</translation>
    </message>
    <message>
        <source>Notifications: %1</source>
        <translation>通知：%1</translation>
    </message>
    <message>
        <source>Notification to %1 failed: %2</source>
        <translation>发往 %1 的通知失败：%2</translation>
    </message>
    <message>
        <source>Cannot start the built-in demo simulator.</source>
        <translation>无法启动内置的演示模拟器。</translation>
    </message>
    <message>
        <source>Demo profile: fulfilling for the built-in simulator (演示数据).</source>
        <translation>演示档案：为内置模拟器履约（演示数据）。</translation>
    </message>
    <message>
        <source>Supplier %1 cannot be docked: %2</source>
        <translation>无法对接货源 %1：%2</translation>
    </message>
    <message>
        <source>The seal key cannot be read, so nothing will be bought from suppliers: %1</source>
        <translation>无法读取封存密钥，因此不会向货源采购：%1</translation>
    </message>
    <message>
        <source>wrong size</source>
        <translation>长度不对</translation>
    </message>
    <message>
        <source>The fulfilment worker %1 started.</source>
        <translation>履约进程 %1 已启动。</translation>
    </message>
    <message>
        <source>Holding the fulfilment lease as %1.</source>
        <translation>以 %1 的身份持有履约租约。</translation>
    </message>
    <message>
        <source>The fulfilment lease is not ours: %1</source>
        <translation>履约租约不在本进程：%1</translation>
    </message>
    <message>
        <source>The fulfilment lease is held by %1.</source>
        <translation>履约租约由 %1 持有。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Pass: %1 orders · %2 delivered from stock · %3 bought and delivered · %4 held for review · %5 refunded · %6 settled elsewhere · %7 waiting · %8 errors</source>
        <translation>本轮：%1 单 · 库存发货 %2 · 采购后发货 %3 · 转人工审核 %4 · 退款 %5 · 已在别处处理 %6 · 等待中 %7 · 错误 %8</translation>
    </message>
    <message>
        <source>Fulfilment stopped: %1</source>
        <translation>履约已停止：%1</translation>
    </message>
    <message>
        <source>Signal %1: stopping, giving the fulfilment lease back.</source>
        <translation>收到信号 %1：正在停止并交还履约租约。</translation>
    </message>
    <message>
        <source>Fulfilling for %1 as %2.</source>
        <translation>以 %2 的身份为 %1 履约。</translation>
    </message>
</context>
<context>
    <name>StockNotices</name>
    <message>
        <source>Low stock: %1</source>
        <translation>低库存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n goods low on stock</source>
        <translation>
            <numerusform>%n 件商品低库存</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (goods %2): %3 left, alert below %4</source>
        <translation>%1（商品 %2）：剩余 %3，低于 %4 预警</translation>
    </message>
    <message>
        <source>%1 (goods %2): the supplier is short</source>
        <translation>%1（商品 %2）：上游缺货</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>……以及另外 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupplierCommand</name>
    <message>
        <source>Unknown supplier action &apos;%1&apos;: use balance or catalogue.</source>
        <translation>未知的 supplier 操作“%1”：请使用 balance 或 catalogue。</translation>
    </message>
    <message>
        <source>supplier catalogue needs --supplier ID.</source>
        <translation>supplier catalogue 需要 --supplier ID。</translation>
    </message>
    <message>
        <source>Cannot start the built-in demo simulator.</source>
        <translation>无法启动内置演示模拟器。</translation>
    </message>
    <message>
        <source>Demo profile: the suppliers are played by the built-in simulator (演示数据).</source>
        <translation>演示配置：货源由内置模拟器扮演（演示数据）。</translation>
    </message>
    <message>
        <source>This profile has no suppliers.</source>
        <translation>该配置没有对接任何货源。</translation>
    </message>
    <message>
        <source>No supplier &apos;%1&apos; in this profile (it has: %2).</source>
        <translation>该配置中没有货源“%1”（现有：%2）。</translation>
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
        <source>Supplier %1 cannot be docked: %2</source>
        <translation>无法对接货源 %1：%2</translation>
    </message>
    <message>
        <source>  Store its secret in the console, or put it in %1.</source>
        <translation>  请在运营台中保存其密钥，或写入环境变量 %1。</translation>
    </message>
    <message>
        <source>Supplier %1 could not be refreshed: %2</source>
        <translation>货源 %1 刷新失败：%2</translation>
    </message>
    <message>
        <source>The secret of supplier %1 cannot be read: %2</source>
        <translation>无法读取货源 %1 的密钥：%2</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Balance low</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Low below</source>
        <translation>预警线</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>plenty</source>
        <translation>充足</translation>
    </message>
    <message>
        <source>low</source>
        <translation>紧张</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>断货</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>成本（元）</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s).</source>
        <translation>
            <numerusform>共 %n 个商品。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupplierErrorText</name>
    <message>
        <source>The supplier could not be reached.</source>
        <translation>无法连接货源。</translation>
    </message>
    <message>
        <source>The supplier did not answer in time.</source>
        <translation>货源未能及时应答。</translation>
    </message>
    <message>
        <source>The supplier answered with a redirect, which is never followed.</source>
        <translation>货源返回了重定向，签名请求从不跟随重定向。</translation>
    </message>
    <message>
        <source>The supplier&apos;s answer was too large and was cut off.</source>
        <translation>货源的应答过大，已被中止。</translation>
    </message>
    <message>
        <source>The supplier refused the credentials.</source>
        <translation>货源拒绝了对接凭据。</translation>
    </message>
    <message>
        <source>The supplier&apos;s answer failed its signature check.</source>
        <translation>货源应答的签名校验失败。</translation>
    </message>
    <message>
        <source>The supplier refused the request.</source>
        <translation>货源拒绝了该请求。</translation>
    </message>
    <message>
        <source>The supplier cannot sell this product now (off shelf, out of stock or price).</source>
        <translation>货源目前无法出售该商品（已下架、缺货或价格变动）。</translation>
    </message>
    <message>
        <source>The supplier&apos;s answer could not be read.</source>
        <translation>无法解析货源的应答。</translation>
    </message>
    <message>
        <source>The request was not sent: it is invalid.</source>
        <translation>请求无效，未发送。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Unknown supplier error.</source>
        <translation>未知的货源错误。</translation>
    </message>
    <message>
        <source>The purchase may have gone through: it is marked unknown and must be checked, never sent again.</source>
        <translation>该采购可能已成功：已标记为结果未知，须人工核实，切勿重新提交。</translation>
    </message>
    <message>
        <source>Another supplier product can be tried.</source>
        <translation>可改用其他货源商品重试。</translation>
    </message>
    <message>
        <source>Supplier says: %1</source>
        <translation>货源返回：%1</translation>
    </message>
    <message>
        <source>The supplier delivered a different number of cards than were bought.</source>
        <translation>货源交付的卡密数量与采购数量不符。</translation>
    </message>
    <message>
        <source>The supplier delivered a notice instead of cards (manual delivery or sold out).</source>
        <translation>货源交付的是提示文字而非卡密（手动发货或已售罄）。</translation>
    </message>
    <message>
        <source>The order succeeded but a card could not be decrypted.</source>
        <translation>订单已成功，但有卡密无法解密。</translation>
    </message>
    <message>
        <source>The order is still not finished after the polling limit.</source>
        <translation>轮询时限已到，订单仍未完成。</translation>
    </message>
    <message>
        <source>Not verified against the real gateway</source>
        <translation>未经真实网关验证</translation>
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
<context>
    <name>WeeklyReportExport</name>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Count, week before</source>
        <translation>上周数量</translation>
    </message>
    <message>
        <source>Amount, week before</source>
        <translation>上周金额</translation>
    </message>
    <message>
        <source>Percent, week before</source>
        <translation>上周百分比</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Cost at order</source>
        <translation>下单时成本</translation>
    </message>
    <message>
        <source>Payment fee estimate</source>
        <translation>支付手续费估算</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Refunded orders</source>
        <translation>退款订单</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>下单会员</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>复购会员</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Delivered orders</source>
        <translation>已发货订单</translation>
    </message>
    <message>
        <source>Automation share</source>
        <translation>自动发货占比</translation>
    </message>
    <message>
        <source>Paid to delivered, average seconds</source>
        <translation>付款到发货平均秒数</translation>
    </message>
    <message>
        <source>Orders through review</source>
        <translation>经人工审核的订单</translation>
    </message>
    <message>
        <source>Review waiting, average seconds</source>
        <translation>审核等待平均秒数</translation>
    </message>
    <message>
        <source>Supplier purchases</source>
        <translation>上游采购</translation>
    </message>
    <message>
        <source>Supplier purchases failed</source>
        <translation>采购失败</translation>
    </message>
    <message>
        <source>Supplier purchases unknown</source>
        <translation>采购结果未知</translation>
    </message>
    <message>
        <source>Supplier failure share</source>
        <translation>采购失败占比</translation>
    </message>
    <message>
        <source>Supplier spend</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <source>Tier moves up</source>
        <translation>等级上升</translation>
    </message>
    <message>
        <source>Tier moves down</source>
        <translation>等级下降</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Gross profit before fees</source>
        <translation>毛利（未扣手续费）</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Paid orders: %1</source>
        <translation>已付款订单：%1</translation>
    </message>
    <message>
        <source>Stock now</source>
        <translation>当前库存</translation>
    </message>
    <message>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Balance at week start</source>
        <translation>周初余额</translation>
    </message>
    <message>
        <source>Balance at week end</source>
        <translation>周末余额</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Orders in review</source>
        <translation>审核中的订单</translation>
    </message>
    <message>
        <source>Oldest in review, seconds</source>
        <translation>最久审核等待秒数</translation>
    </message>
    <message>
        <source>Average age in review, seconds</source>
        <translation>平均审核等待秒数</translation>
    </message>
    <message>
        <source>Card goods out of stock</source>
        <translation>缺货的卡密商品</translation>
    </message>
    <message>
        <source>Card goods at or below threshold</source>
        <translation>低于预警阈值的卡密商品</translation>
    </message>
    <message>
        <source>Worst steps</source>
        <translation>最差环节</translation>
    </message>
    <message>
        <source>: score, basis points</source>
        <translation>：得分（基点）</translation>
    </message>
    <message>
        <source>The file could not be written (disk full, no permission, or the folder is missing).</source>
        <translation>文件无法写入（磁盘已满、没有权限或文件夹不存在）。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The cache could not be read.</source>
        <translation>无法读取缓存。</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>无法生成周报。</translation>
    </message>
    <message>
        <source>Reading the cache…</source>
        <translation>正在读取缓存…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Writing the CSV…</source>
        <translation>正在写入 CSV…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>WeeklyReportPdf</name>
    <message>
        <source>CardOps weekly operations report %1</source>
        <translation>CardOps 运营周报 %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>No paid orders this week.</source>
        <translation>本周没有已付款订单。</translation>
    </message>
    <message>
        <source>Weekly operations report</source>
        <translation>运营周报</translation>
    </message>
    <message>
        <source>%1 · %2 (Asia/Shanghai business days)</source>
        <translation>%1 · %2（按北京时间营业日）</translation>
    </message>
    <message>
        <source>Generated %1 · compared with the week before</source>
        <translation>生成于 %1 · 与上周对比</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Automation share</source>
        <translation>自动发货占比</translation>
    </message>
    <message>
        <source>Paid to delivered (average)</source>
        <translation>付款到发货（平均）</translation>
    </message>
    <message>
        <source>Review waiting (average)</source>
        <translation>审核等待（平均）</translation>
    </message>
    <message>
        <source>Supplier failures / unknown</source>
        <translation>采购失败 / 结果未知</translation>
    </message>
    <message>
        <source>Supplier spend</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Tier moves (up / down)</source>
        <translation>等级变动（升 / 降）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Week before</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>The three worst steps of the week</source>
        <translation>本周最差的三个环节</translation>
    </message>
    <message>
        <source>This week %1 · week before %2 · target %3 · worse by %4</source>
        <translation>本周 %1 · 上周 %2 · 目标 %3 · 差距 %4</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Daily GMV</source>
        <translation>每日成交额</translation>
    </message>
    <message>
        <source>Daily paid orders</source>
        <translation>每日已付款订单</translation>
    </message>
    <message>
        <source>Top goods by GMV</source>
        <translation>成交额最高的商品</translation>
    </message>
    <message>
        <source>Goods %1</source>
        <translation>商品 %1</translation>
    </message>
    <message>
        <source>Top goods</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <source>Stock now</source>
        <translation>当前库存</translation>
    </message>
    <message>
        <source>Supplier balances</source>
        <translation>上游余额</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>偏低</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No suppliers docked.</source>
        <translation>尚未对接上游。</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Week start</source>
        <translation>周初</translation>
    </message>
    <message>
        <source>Week end</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Now (when the report was made)</source>
        <translation>当前状况（生成周报时）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Orders in review</source>
        <translation>审核中的订单</translation>
    </message>
    <message>
        <source>Oldest in review</source>
        <translation>最久的审核等待</translation>
    </message>
    <message>
        <source>Average age in review</source>
        <translation>平均审核等待</translation>
    </message>
    <message>
        <source>Card goods out of stock</source>
        <translation>缺货的卡密商品</translation>
    </message>
    <message>
        <source>Card goods at or below threshold</source>
        <translation>低于预警阈值的卡密商品</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <source>Paid orders are orders not unpaid or cancelled, counted on their creation day (Asia/Shanghai). Gross profit = paid amount − refunds − cost of delivered goods − payment fee estimate (0.6% of amounts not paid from balance). Repurchase rate = members with ≥ 2 paid orders in the week / members with ≥ 1. Automation share = orders delivered without review / all delivered. Sell-through = units sold / (units sold + stock now). A step&apos;s score is how much worse it got than the week before or than its target, whichever is larger.</source>
        <translation>已付款订单指状态不是未付款或已取消的订单，按下单日（北京时间）统计。毛利 = 实付金额 − 退款 − 已发货商品的下单时成本 − 支付手续费估算（非余额支付金额的 0.6%）。复购率 = 本周有 ≥ 2 笔已付款订单的会员 / 有 ≥ 1 笔的会员。自动发货占比 = 未经审核发货的订单 / 全部已发货订单。售罄率 = 售出件数 / (售出件数 + 当前库存)。环节得分取“比上周恶化的幅度”和“超出目标的幅度”中较大者。</translation>
    </message>
    <message>
        <source>Weekly operations report %1</source>
        <translation>运营周报 %1</translation>
    </message>
</context>
<context>
    <name>WeeklyReportText</name>
    <message>
        <source>Paid to delivered</source>
        <translation>付款到发货</translation>
    </message>
    <message>
        <source>Automatic delivery</source>
        <translation>自动发货</translation>
    </message>
    <message>
        <source>Manual review waiting</source>
        <translation>人工审核等待</translation>
    </message>
    <message>
        <source>Supplier purchases</source>
        <translation>上游采购</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Check the fulfilment worker&apos;s lease and the suppliers&apos; response times; move slow goods to a faster supplier.</source>
        <translation>检查发货服务的租约和上游的响应时间；把慢的商品换到更快的货源。</translation>
    </message>
    <message>
        <source>Review the rule matrix: loosen rules that hold orders without finding problems.</source>
        <translation>复查订单规则：放宽那些拦下订单却查不出问题的规则。</translation>
    </message>
    <message>
        <source>Staff the review queue at the busy hours and assign items as they arrive.</source>
        <translation>在高峰时段安排审核人员，订单一进队列就分配。</translation>
    </message>
    <message>
        <source>Settle the unknown purchases, top up low balances and dock a second supplier for failing goods.</source>
        <translation>处理结果未知的采购，给余额不足的上游充值，为失败多的商品对接第二个货源。</translation>
    </message>
    <message>
        <source>Read the refund reasons of the worst goods and fix their listings or suppliers.</source>
        <translation>查看退款最多的商品的退款原因，修改其商品信息或更换货源。</translation>
    </message>
    <message>
        <source>Restock the goods below their threshold (工作台 → 补货) before the weekend peak.</source>
        <translation>在周末高峰前给低于预警阈值的商品补货（工作台 → 补货）。</translation>
    </message>
    <message numerus="yes">
        <source>%n goods</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>cardops::app::CardStockDesk</name>
    <message>
        <source>The request was cancelled: the shop was closed or reconnected.</source>
        <translation>请求已取消：店铺已关闭或已重新连接。</translation>
    </message>
    <message>
        <source>The platform could not be reached (%1). Card stock is managed only while the console is online.</source>
        <translation>无法连接平台（%1）。卡密库存只能在控制台在线时管理。</translation>
    </message>
    <message>
        <source>The platform does not know this card.</source>
        <translation>平台上没有这张卡密。</translation>
    </message>
    <message>
        <source>The platform does not know this goods.</source>
        <translation>平台上没有这个商品。</translation>
    </message>
    <message>
        <source>The platform did not accept this console&apos;s credentials (%1).</source>
        <translation>平台未接受此控制台的凭据（%1）。</translation>
    </message>
    <message>
        <source>The platform does not allow this (%1).</source>
        <translation>平台不允许此操作（%1）。</translation>
    </message>
    <message>
        <source>The platform&apos;s answer could not be read (%1).</source>
        <translation>无法读取平台的回应（%1）。</translation>
    </message>
    <message>
        <source>The platform refused the request (%1).</source>
        <translation>平台拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>Card stock lives on the platform, and this console has no platform connection right now.</source>
        <translation>卡密库存保存在平台上，而此控制台当前未连接平台。</translation>
    </message>
    <message>
        <source>Your role may not reveal card secrets; an administrator can.</source>
        <translation>您的角色无权查看卡密明文；管理员可以查看。</translation>
    </message>
    <message>
        <source>Your role may not change card stock; an operator or administrator can.</source>
        <translation>您的角色无权更改卡密库存；运营或管理员可以更改。</translation>
    </message>
    <message>
        <source>The cards were uploaded, but the local audit log could not record it (%1).</source>
        <translation>卡密已上传，但本地审计日志无法记录此操作（%1）。</translation>
    </message>
    <message>
        <source>The platform made the change, but the local audit log could not record it (%1).</source>
        <translation>平台已完成更改，但本地审计日志无法记录此操作（%1）。</translation>
    </message>
    <message>
        <source>The card was revealed on the platform, but the local audit log could not record it (%1), so the secret is not shown.</source>
        <translation>平台已返回卡密明文，但本地审计日志无法记录此操作（%1），因此不显示卡密。</translation>
    </message>
</context>
<context>
    <name>cardops::app::ConsoleApp</name>
    <message>
        <source>The platform secret could not be read: %1</source>
        <translation>无法读取平台密钥：%1</translation>
    </message>
    <message>
        <source>A profile named %1 exists already.</source>
        <translation>已存在名为 %1 的配置。</translation>
    </message>
    <message>
        <source>The secret could not be stored: %1</source>
        <translation>无法保存密钥：%1</translation>
    </message>
    <message>
        <source>The open profile cannot be removed; switch to another one first.</source>
        <translation>不能删除当前打开的配置，请先切换到其他配置。</translation>
    </message>
    <message>
        <source>Cards come from the platform, and this console has no platform connection right now.</source>
        <translation>卡密数据来自平台，而此控制台当前没有平台连接。</translation>
    </message>
    <message>
        <source>The platform could not be reached (%1). Cards are shown only while the console is online.</source>
        <translation>无法连接平台（%1）。卡密仅在控制台在线时显示。</translation>
    </message>
    <message>
        <source>The platform does not know this card.</source>
        <translation>平台上没有这张卡密。</translation>
    </message>
    <message>
        <source>The platform does not know this order.</source>
        <translation>平台上没有这个订单。</translation>
    </message>
    <message>
        <source>Your role may not reveal card secrets; an administrator can.</source>
        <translation>您的角色无权查看卡密明文；管理员可以查看。</translation>
    </message>
    <message>
        <source>The card was revealed on the platform, but the local audit log could not record it (%1), so the secret is not shown.</source>
        <translation>平台已返回卡密明文，但本地审计日志无法记录此操作（%1），因此不显示卡密。</translation>
    </message>
    <message>
        <source>No shop is open.</source>
        <translation>没有打开的店铺。</translation>
    </message>
    <message>
        <source>the bundled simulator</source>
        <translation>内置模拟器</translation>
    </message>
    <message>
        <source>Balance %1 yuan, account %2</source>
        <translation>余额 %1 元，账户 %2</translation>
    </message>
    <message>
        <source>Suppliers are docked to a shop&apos;s profile; the demo buys from its simulator only.</source>
        <translation>供应商对接在店铺配置下；演示只向其模拟器采购。</translation>
    </message>
    <message>
        <source>No supplier named %1 is docked.</source>
        <translation>没有名为 %1 的已对接供应商。</translation>
    </message>
    <message>
        <source>The supplier is gone from the profile, but its secret could not be deleted: %1</source>
        <translation>供应商已从配置中移除，但其密钥无法删除：%1</translation>
    </message>
    <message>
        <source>%1: its secret could not be read (%2)</source>
        <translation>%1：无法读取其密钥（%2）</translation>
    </message>
    <message>
        <source>A category needs a name.</source>
        <translation>分类需要一个名称。</translation>
    </message>
    <message>
        <source>Categories are created on the platform: connect a shop first.</source>
        <translation>分类在平台上创建：请先连接店铺。</translation>
    </message>
    <message>
        <source>The category cannot be created: %1</source>
        <translation>无法创建分类：%1</translation>
    </message>
    <message>
        <source>Created on the platform; the cache follows with the next sync (%1).</source>
        <translation>已在平台上创建；本地缓存将在下次同步后更新（%1）。</translation>
    </message>
</context>
<context>
    <name>cardops::app::ConsoleSession</name>
    <message>
        <source>The cache could not be checked yet (%1); trying again.</source>
        <translation>暂时无法检查本地缓存（%1），稍后重试。</translation>
    </message>
    <message>
        <source>… (%1 bytes in all)</source>
        <translation>…（共 %1 字节）</translation>
    </message>
</context>
<context>
    <name>cardops::app::DemoSimulator</name>
    <message>
        <source>The demo simulator could not listen on 127.0.0.1.</source>
        <translation>演示模拟器无法在 127.0.0.1 上监听。</translation>
    </message>
</context>
<context>
    <name>cardops::app::FulfilmentDesk</name>
    <message>
        <source>The fulfilment lease was lost; taking it again shortly.</source>
        <translation>履约租约已丢失，稍后重新获取。</translation>
    </message>
    <message>
        <source>%1 holds the fulfilment lease; this console waits for it.</source>
        <translation>%1 持有履约租约；本终端等待中。</translation>
    </message>
    <message>
        <source>The last pass stopped: %1</source>
        <translation>上一轮已中止：%1</translation>
    </message>
</context>
<context>
    <name>cardops::app::MemberDesk</name>
    <message>
        <source>No cache is open.</source>
        <translation>没有打开缓存。</translation>
    </message>
    <message>
        <source>This console has no platform connection right now: withdrawals and orders are decided on the platform.</source>
        <translation>本控制台当前没有连接平台：提现与下单都在平台上处理。</translation>
    </message>
    <message>
        <source>Your role may not decide withdrawals; finance or an administrator can.</source>
        <translation>你的角色不能审核提现；财务或管理员可以。</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>A rejection needs a reason for the agent.</source>
        <translation>驳回需要填写给代理看的理由。</translation>
    </message>
    <message>
        <source>This request was already %1 on the platform; nothing was changed.</source>
        <translation>该申请已在平台上%1，未做任何更改。</translation>
    </message>
    <message>
        <source>The platform could not be reached (%1). Nothing was decided; try again.</source>
        <translation>无法连接平台（%1）。未做任何处理，请重试。</translation>
    </message>
    <message>
        <source>The platform does not know this withdrawal request.</source>
        <translation>平台上没有这条提现申请。</translation>
    </message>
    <message>
        <source>Decided on the platform; the cache follows with the next sync (%1).</source>
        <translation>已在平台上处理；缓存将在下次同步时更新（%1）。</translation>
    </message>
    <message>
        <source>The platform refused the line (%1).</source>
        <translation>平台拒绝了这一行（%1）。</translation>
    </message>
    <message>
        <source>The platform could not be reached (%1). The line is sent again with the same key on 继续.</source>
        <translation>无法连接平台（%1）。点击“继续”时将用同一幂等键重新发送这一行。</translation>
    </message>
    <message>
        <source>The platform does not know this member or goods.</source>
        <translation>平台上没有该会员或商品。</translation>
    </message>
</context>
<context>
    <name>cardops::app::OrderActionDesk</name>
    <message>
        <source>nobody</source>
        <translation>无人持有</translation>
    </message>
    <message>
        <source>this console (%1)</source>
        <translation>本控制台（%1）</translation>
    </message>
    <message>
        <source>Your role may not refund orders.</source>
        <translation>你的角色不能退款。</translation>
    </message>
    <message>
        <source>Your role may not handle the review queue.</source>
        <translation>你的角色不能处理审核队列。</translation>
    </message>
    <message>
        <source>This order was handed over to CardOps and only the fulfilment lease holder may act on it; nobody holds the lease now. Take the lease first.</source>
        <translation>此订单已交由 CardOps 履约，只有履约租约持有者可以操作；目前无人持有租约。请先获取租约。</translation>
    </message>
    <message>
        <source>This order is fulfilled by the lease holder %1; act on it there or take the lease.</source>
        <translation>此订单由租约持有者 %1 履约；请在那里操作，或获取租约。</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Rejected: %1 yuan refunded in all</source>
        <translation>已驳回：累计退款 %1 元</translation>
    </message>
    <message>
        <source>Refunded: %1 yuan in all</source>
        <translation>已退款：累计 %1 元</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>已转人工审核</translation>
    </message>
    <message>
        <source>Card replaced</source>
        <translation>已补发</translation>
    </message>
    <message>
        <source>Order %1 recorded</source>
        <translation>已补单 %1</translation>
    </message>
    <message>
        <source>No final answer from the platform (%1). It is sent again with the same key, so it cannot happen twice.</source>
        <translation>平台未给出最终应答（%1）。将以同一幂等键重新发送，不会重复执行。</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>你的角色不能执行此操作。</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>The platform allows only the fulfilment lease holder to act on this order, and nobody holds the lease now. Take the lease first.</source>
        <translation>平台只允许履约租约持有者操作此订单，目前无人持有租约。请先获取租约。</translation>
    </message>
    <message>
        <source>Stock is short on the platform (%1 left).</source>
        <translation>平台库存不足（剩余 %1）。</translation>
    </message>
    <message>
        <source>The order has moved on on the platform (it is %1 now).</source>
        <translation>订单在平台上已变化（当前状态 %1）。</translation>
    </message>
    <message>
        <source>The platform refused: %1</source>
        <translation>平台拒绝：%1</translation>
    </message>
    <message>
        <source>That card is not one of this order&apos;s cards.</source>
        <translation>该卡密不属于此订单。</translation>
    </message>
    <message>
        <source>The platform does not know this order.</source>
        <translation>平台上没有此订单。</translation>
    </message>
    <message>
        <source>The platform refused the request as invalid (%1).</source>
        <translation>平台认为请求无效而拒绝（%1）。</translation>
    </message>
    <message>
        <source>The platform refused the request (%1).</source>
        <translation>平台拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>Nothing is left to refund on this order.</source>
        <translation>此订单已无可退金额。</translation>
    </message>
    <message>
        <source>The order is not in the cache yet; sync first.</source>
        <translation>本地缓存中还没有此订单，请先同步。</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>已分配给你</translation>
    </message>
    <message>
        <source>Not assigned: %1</source>
        <translation>未能分配：%1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>已取消分配</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>The cards could not be read from the platform (%1).</source>
        <translation>无法从平台读取卡密（%1）。</translation>
    </message>
    <message>
        <source>The platform does not support this action (%1). Handle the order in the shop&apos;s own admin.</source>
        <translation>平台不支持此操作（%1）。请在店铺自己的后台处理该订单。</translation>
    </message>
</context>
<context>
    <name>cardops::app::RestockDesk</name>
    <message>
        <source>No cache is open.</source>
        <translation>没有打开的缓存。</translation>
    </message>
    <message>
        <source>No supplier is docked (货源), or the key that seals bought cards is not read yet.</source>
        <translation>尚未对接货源，或尚未读取加密所购卡密的密钥。</translation>
    </message>
    <message>
        <source>No platform is connected.</source>
        <translation>未连接平台。</translation>
    </message>
    <message>
        <source>No docked supplier speaks %1.</source>
        <translation>没有对接 %1 协议的货源。</translation>
    </message>
    <message>
        <source>Buy at least one card.</source>
        <translation>至少采购一张卡密。</translation>
    </message>
    <message>
        <source>Buying %1 cards from %2…</source>
        <translation>正在从 %2 采购 %1 张卡密……</translation>
    </message>
    <message>
        <source>The purchase could not be recorded: %1</source>
        <translation>无法记录采购：%1</translation>
    </message>
    <message>
        <source>The supplier&apos;s answer is not final (purchase %1): it waits in 货源 · 采购结果未知; nothing is bought again.</source>
        <translation>上游尚未给出最终结果（采购 %1）：已列入 货源 · 采购结果未知，不会重复采购。</translation>
    </message>
    <message>
        <source>The supplier refused: %1</source>
        <translation>上游拒绝：%1</translation>
    </message>
    <message>
        <source>The cache closed before the cards were uploaded; they wait in 货源.</source>
        <translation>卡密上传前缓存已关闭；卡密保留在 货源 中。</translation>
    </message>
    <message>
        <source>The bought cards cannot be read: %1</source>
        <translation>无法读取所购卡密：%1</translation>
    </message>
    <message>
        <source>the goods is gone from the cache</source>
        <translation>缓存中已没有该商品</translation>
    </message>
    <message>
        <source>The goods&apos; card format is unknown: %1</source>
        <translation>商品的卡密格式未知：%1</translation>
    </message>
    <message>
        <source>The bought cards cannot be opened with this profile&apos;s key.</source>
        <translation>无法用此配置的密钥解开所购卡密。</translation>
    </message>
    <message>
        <source>No platform is connected; the cards wait in 货源.</source>
        <translation>未连接平台；卡密保留在 货源 中。</translation>
    </message>
    <message>
        <source>Uploading %1 cards to the platform…</source>
        <translation>正在向平台上传 %1 张卡密……</translation>
    </message>
    <message>
        <source>The upload failed: %1. The cards wait in 货源; try again.</source>
        <translation>上传失败：%1。卡密保留在 货源 中，请重试。</translation>
    </message>
    <message>
        <source>%1 bought cards do not fit the goods&apos; card format or were refused; the purchase keeps them in 货源.</source>
        <translation>%1 张所购卡密不符合商品的卡密格式或被平台拒绝；它们保留在该采购中（货源）。</translation>
    </message>
</context>
<context>
    <name>cardops::app::ScreenshotRun</name>
    <message>
        <source>Timed out waiting for the page&apos;s data.</source>
        <translation>等待页面数据超时。</translation>
    </message>
    <message>
        <source>The sync failed; the screenshot shows the cache as it is: %1</source>
        <translation>同步失败，截图显示缓存的现有数据：%1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>cardops::app::SupplierDesk</name>
    <message>
        <source>No supplier is docked.</source>
        <translation>尚未对接供应商。</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（无应答）</translation>
    </message>
    <message>
        <source>
… %1 bytes in all</source>
        <translation>
… 共 %1 字节</translation>
    </message>
    <message>
        <source>The key that protects bought cards could not be read from the keychain, so the cards cannot be stored. Nothing was recorded.</source>
        <translation>无法从钥匙串读取保护所购卡密的密钥，因此无法保存卡密。未记录任何内容。</translation>
    </message>
</context>
<context>
    <name>cardops::app::TierDesk</name>
    <message>
        <source>No cache is open.</source>
        <translation>没有打开缓存。</translation>
    </message>
    <message>
        <source>The tier ladder lives on the platform, and this console has no platform connection right now.</source>
        <translation>等级阶梯在平台上，而本控制台目前没有连接平台。</translation>
    </message>
    <message>
        <source>Your role may not change the tier ladder; an administrator can.</source>
        <translation>你的角色不能修改等级阶梯；管理员可以。</translation>
    </message>
</context>
<context>
    <name>cardops::models::AgentTreeModel</name>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Paid minus refunded, own orders and the whole branch, last 30 business days</source>
        <translation>实付减退款，含本人及整个分支的订单，近 30 个营业日</translation>
    </message>
    <message>
        <source>Every member below, direct or not</source>
        <translation>下面的全部会员（直属及间接）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Direct downlines</source>
        <translation>直属下级</translation>
    </message>
    <message>
        <source>Branch size</source>
        <translation>分支人数</translation>
    </message>
    <message>
        <source>Branch GMV 30d</source>
        <translation>分支 30 日 GMV</translation>
    </message>
</context>
<context>
    <name>cardops::models::BatchOrderRun</name>
    <message>
        <source>No line can be ordered: every line has a problem.</source>
        <translation>没有可下单的行：每一行都有问题。</translation>
    </message>
    <message>
        <source>The batch could not be saved: %1</source>
        <translation>批次无法保存：%1</translation>
    </message>
    <message>
        <source>The batch could not be read: %1</source>
        <translation>批次无法读取：%1</translation>
    </message>
    <message>
        <source>The platform connection is gone.</source>
        <translation>与平台的连接已断开。</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>平台的应答无法保存：%1</translation>
    </message>
</context>
<context>
    <name>cardops::models::CardProblemModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Text (masked)</source>
        <translation>内容（已遮盖）</translation>
    </message>
</context>
<context>
    <name>cardops::models::CategoryTreeModel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>所有分类</translation>
    </message>
</context>
<context>
    <name>cardops::models::CommissionCheckJob</name>
    <message>
        <source>The commission check failed: %1</source>
        <translation>佣金核对失败：%1</translation>
    </message>
</context>
<context>
    <name>cardops::models::CommissionModel</name>
    <message>
        <source>Missing</source>
        <translation>漏发</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>多发</translation>
    </message>
    <message>
        <source>Wrong amount</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Wrong member</source>
        <translation>发错人</translation>
    </message>
    <message>
        <source>Commission credit</source>
        <translation>佣金发放</translation>
    </message>
    <message>
        <source>Reversal on refund</source>
        <translation>退款冲回</translation>
    </message>
    <message>
        <source>%1 (reversal)</source>
        <translation>%1（退款冲回）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Should go to</source>
        <translation>应发给</translation>
    </message>
    <message>
        <source>Credited to</source>
        <translation>实发给</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Ledger id</source>
        <translation>流水号</translation>
    </message>
</context>
<context>
    <name>cardops::models::ConsoleBackend</name>
    <message>
        <source>Categories are created on the platform: connect a shop first.</source>
        <translation>分类在平台上创建：请先连接店铺。</translation>
    </message>
</context>
<context>
    <name>cardops::models::CsvExportJob</name>
    <message>
        <source>Could not write %1 (disk full, no permission or the folder is missing?); no file was saved. Details: %2</source>
        <translation>无法写入 %1（磁盘已满、没有权限或文件夹不存在？），未保存任何文件。详情：%2</translation>
    </message>
    <message>
        <source>The cache is busy; try the export again in a moment. Details: %1</source>
        <translation>缓存正忙，请稍后重新导出。详情：%1</translation>
    </message>
    <message>
        <source>Could not read the cache for the export; no file was saved. Details: %1</source>
        <translation>无法读取缓存进行导出，未保存任何文件。详情：%1</translation>
    </message>
    <message>
        <source>The export failed; no file was saved. Details: %1</source>
        <translation>导出失败，未保存任何文件。详情：%1</translation>
    </message>
</context>
<context>
    <name>cardops::models::DashboardModel</name>
    <message>
        <source>The dashboard could not be read: %1</source>
        <translation>无法读取数据看板：%1</translation>
    </message>
</context>
<context>
    <name>cardops::models::FinanceJob</name>
    <message>
        <source>Platform higher</source>
        <translation>平台多</translation>
    </message>
    <message>
        <source>Cache higher</source>
        <translation>本地多</translation>
    </message>
    <message>
        <source>Day missing in cache</source>
        <translation>本地缺失该日</translation>
    </message>
    <message>
        <source>Day missing at platform</source>
        <translation>平台缺失该日</translation>
    </message>
    <message>
        <source>Debit without purchase</source>
        <translation>上游扣款无对应采购</translation>
    </message>
    <message>
        <source>Purchase without debit</source>
        <translation>采购未见扣款</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Supplier spend</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <source>The finance figures could not be read: %1</source>
        <translation>无法读取财务数据：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>This cache is open read-only: a month cannot be closed here.</source>
        <translation>此缓存以只读方式打开，不能在此月结。</translation>
    </message>
    <message>
        <source>You may not close a month: it needs the finance or administrator role.</source>
        <translation>您无权月结：需要财务或管理员角色。</translation>
    </message>
    <message>
        <source>%1 is already closed. An administrator must reopen it before it can be closed again.</source>
        <translation>%1 已月结。需由管理员反结后才能再次月结。</translation>
    </message>
    <message>
        <source>%1 could not be closed: %2</source>
        <translation>%1 月结失败：%2</translation>
    </message>
    <message>
        <source>This cache is open read-only: a month cannot be reopened here.</source>
        <translation>此缓存以只读方式打开，不能在此反结。</translation>
    </message>
    <message>
        <source>Only an administrator may reopen a closed month.</source>
        <translation>只有管理员可以反结已月结的月份。</translation>
    </message>
    <message>
        <source>%1 could not be reopened: %2</source>
        <translation>%1 反结失败：%2</translation>
    </message>
</context>
<context>
    <name>cardops::models::GoodsBulkEditor</name>
    <message>
        <source>Bulk changes need an operator and a writable cache.</source>
        <translation>批量修改需要登录的操作员和可写的缓存。</translation>
    </message>
    <message>
        <source>The previous bulk change is still being saved.</source>
        <translation>上一次批量修改仍在保存中。</translation>
    </message>
    <message>
        <source>No goods chosen.</source>
        <translation>未选择商品。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的修改。</translation>
    </message>
</context>
<context>
    <name>cardops::models::GoodsEditor</name>
    <message>
        <source>Price %1 is below the cost %2</source>
        <translation>售价 %1 低于成本 %2</translation>
    </message>
    <message>
        <source>Tier price %1 for %2 is below the cost %3</source>
        <translation>%2的等级价 %1 低于成本 %3</translation>
    </message>
    <message>
        <source>%1 pays %2 by its discount, below the cost %3</source>
        <translation>%1按折扣支付 %2，低于成本 %3</translation>
    </message>
    <message>
        <source>Contract price %1 for member %2 is below the cost %3</source>
        <translation>会员 %2 的合同价 %1 低于成本 %3</translation>
    </message>
    <message>
        <source>The goods is still loading or saving.</source>
        <translation>商品仍在加载或保存中。</translation>
    </message>
    <message>
        <source>Editing needs an operator and a writable cache.</source>
        <translation>编辑需要登录的操作员和可写的本地缓存。</translation>
    </message>
    <message>
        <source>Title: the part “%1” is missing</source>
        <translation>标题：缺少「%1」</translation>
    </message>
    <message>
        <source>Title: the part “%1” is missing (%2)</source>
        <translation>标题：缺少「%1」（%2）</translation>
    </message>
    <message>
        <source>Title: “%1” does not fit the goods now; remove it</source>
        <translation>标题：「%1」已不适用于当前商品，请删除</translation>
    </message>
    <message>
        <source>Title: “%1” does not match the goods; it should read %2</source>
        <translation>标题：「%1」与商品不符，应为 %2</translation>
    </message>
    <message>
        <source>Title: %1 characters, at most %2</source>
        <translation>标题：%1 个字，最多 %2 个字</translation>
    </message>
    <message>
        <source>Spec “%1” is missing</source>
        <translation>缺少规格「%1」</translation>
    </message>
    <message>
        <source>Spec: the unit “%1” is missing</source>
        <translation>规格：缺少单位「%1」</translation>
    </message>
    <message>
        <source>Spec: it should read %1</source>
        <translation>规格：应为 %1</translation>
    </message>
    <message>
        <source>Stock %1 is above the template&apos;s cap of %2</source>
        <translation>库存 %1 超过模板的库存上限 %2</translation>
    </message>
    <message>
        <source>Description: the section 【%1】 is missing</source>
        <translation>描述：缺少【%1】</translation>
    </message>
    <message>
        <source>Description: the section 【%1】 is empty</source>
        <translation>描述：【%1】没有内容</translation>
    </message>
    <message>
        <source>spec unit %1</source>
        <translation>规格单位 %1</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>cardops::models::GoodsModel</name>
    <message>
        <source>Tier %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>Supplier&apos;s cost of %1 %2</source>
        <translation>货源 %1 商品 %2 的进价</translation>
    </message>
    <message>
        <source>The platform&apos;s cost (no mirrored supplier cost)</source>
        <translation>平台记录的成本（无货源进价）</translation>
    </message>
    <message>
        <source>Below the low-stock threshold of %1</source>
        <translation>低于库存预警阈值 %1</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>货源商品 %1</translation>
    </message>
    <message>
        <source>No sales in the last 7 days</source>
        <translation>近7天无销量</translation>
    </message>
    <message>
        <source>Stock ÷ (7-day sales ÷ 7), rounded down</source>
        <translation>库存 ÷ (7日销量 ÷ 7)，向下取整</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>点击排序</translation>
    </message>
    <message>
        <source>Computed for the visible rows: not sortable</source>
        <translation>按可见行计算：不可排序</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price (¥)</source>
        <translation>售价 (¥)</translation>
    </message>
    <message>
        <source>Tier prices (¥)</source>
        <translation>等级价 (¥)</translation>
    </message>
    <message>
        <source>Cost (¥)</source>
        <translation>成本 (¥)</translation>
    </message>
    <message>
        <source>Margin (¥)</source>
        <translation>毛利 (¥)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>7-day sales</source>
        <translation>7日销量</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>货源</translation>
    </message>
</context>
<context>
    <name>cardops::models::LinkedGoodsModel</name>
    <message>
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <source>Running low</source>
        <translation>库存紧张</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The supplier&apos;s price is above the selling price: every sale loses money.</source>
        <translation>上游进价高于售价：每卖一单都在亏钱。</translation>
    </message>
    <message>
        <source>%1 (fallback %2)</source>
        <translation>%1（备用 %2）</translation>
    </message>
    <message>
        <source>not mirrored</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Off shelf</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier product</source>
        <translation>上游商品</translation>
    </message>
    <message>
        <source>Supply price</source>
        <translation>进价</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Supplier stock</source>
        <translation>上游库存</translation>
    </message>
</context>
<context>
    <name>cardops::models::MemberMover</name>
    <message>
        <source>The member is not in the cache.</source>
        <translation>缓存中没有该会员。</translation>
    </message>
    <message>
        <source>The new parent is not in the cache.</source>
        <translation>缓存中没有新的上级。</translation>
    </message>
    <message>
        <source>A member cannot be its own parent.</source>
        <translation>会员不能成为自己的上级。</translation>
    </message>
    <message>
        <source>The new parent is one of the member&apos;s downlines: the move would create a cycle.</source>
        <translation>新的上级是该会员的下级：移动后会形成循环。</translation>
    </message>
    <message>
        <source>The member is already under that parent.</source>
        <translation>该会员已在这个上级之下。</translation>
    </message>
    <message>
        <source>Moving members needs a writable cache and a signed-in operator.</source>
        <translation>移动会员需要可写的缓存和已登录的操作员。</translation>
    </message>
    <message>
        <source>Your role may not edit members.</source>
        <translation>您的角色无权修改会员。</translation>
    </message>
    <message>
        <source>The move was not saved: %1</source>
        <translation>移动未保存：%1</translation>
    </message>
</context>
<context>
    <name>cardops::models::MembersModel</name>
    <message>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>Orders in a paid status (refunded ones included); spend = paid − refunded</source>
        <translation>已付款状态的订单（含已退款）；消费 = 实付 − 退款</translation>
    </message>
    <message>
        <source>RFM not computed yet for this member</source>
        <translation>该会员的 RFM 尚未计算</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>点击排序</translation>
    </message>
    <message>
        <source>Not sortable: sorting uses indexed columns only</source>
        <translation>不可排序：仅能按有索引的列排序</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>消费（¥）</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Balance (¥)</source>
        <translation>余额（¥）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
</context>
<context>
    <name>cardops::models::RecentFulfilmentsModel</name>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Delivering from stock</source>
        <translation>库存发货中</translation>
    </message>
    <message>
        <source>Buying from the supplier</source>
        <translation>向货源采购中</translation>
    </message>
    <message>
        <source>Delivering what was bought</source>
        <translation>采购到货发货中</translation>
    </message>
    <message>
        <source>Putting in review</source>
        <translation>转人工审核中</translation>
    </message>
    <message>
        <source>Refunding</source>
        <translation>退款中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Settled elsewhere</source>
        <translation>已在别处处理</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>default · v%1</source>
        <translation>默认 · 第 %1 版</translation>
    </message>
    <message>
        <source>%1 · v%2</source>
        <translation>%1 · 第 %2 版</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>cardops::models::RepriceModel</name>
    <message>
        <source>price %1</source>
        <translation>售价 %1</translation>
    </message>
    <message>
        <source>%1 price %2</source>
        <translation>%1价 %2</translation>
    </message>
    <message>
        <source>contract price of member %1: %2</source>
        <translation>会员 %1 的合同价 %2</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>No cost to mark up</source>
        <translation>无成本，无法加价</translation>
    </message>
    <message>
        <source>Cost or price out of range</source>
        <translation>成本或售价超出范围</translation>
    </message>
    <message>
        <source>Below cost %1: %2</source>
        <translation>低于成本 %1：%2</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>价格不变</translation>
    </message>
    <message>
        <source>Supplier has taken it off shelf</source>
        <translation>货源已下架</translation>
    </message>
    <message>
        <source>Has an edit waiting to sync</source>
        <translation>有本地待同步的修改</translation>
    </message>
    <message>
        <source>SKU %1 · goods %2</source>
        <translation>SKU %1 · 商品 %2</translation>
    </message>
    <message>
        <source>Supplier&apos;s cost of %1 %2</source>
        <translation>货源 %1 商品 %2 的成本</translation>
    </message>
    <message>
        <source>The platform&apos;s cost (no mirrored supplier cost)</source>
        <translation>平台成本（无货源镜像成本）</translation>
    </message>
    <message>
        <source>What each tier pays: its own tier price, else the price × the tier&apos;s discount</source>
        <translation>各等级实付价：有单独等级价按等级价，否则按售价 × 等级折扣</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Tier prices</source>
        <translation>等级价</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>cardops::models::ReviewQueueModel</name>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>No recharge account</source>
        <translation>缺少充值账号</translation>
    </message>
    <message>
        <source>Quantity above the usual</source>
        <translation>数量异常</translation>
    </message>
    <message>
        <source>Blacklisted account</source>
        <translation>黑名单账号</translation>
    </message>
    <message>
        <source>Held by the platform</source>
        <translation>平台审核</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Paid %1 of %2 yuan; refunded %3</source>
        <translation>应付 %2 元，实付 %1 元；已退 %3 元</translation>
    </message>
    <message>
        <source>Held by the fulfilment worker</source>
        <translation>由履约服务扣留</translation>
    </message>
    <message>
        <source>Held by the fulfilment worker (rule %1)</source>
        <translation>由履约服务扣留（规则 %1）</translation>
    </message>
    <message>
        <source>Held by the platform&apos;s own checks</source>
        <translation>由平台自身校验扣留</translation>
    </message>
    <message>
        <source>Paid at %1</source>
        <translation>付款时间 %1</translation>
    </message>
    <message>
        <source>%1 paid orders before this one, %2 yuan in all</source>
        <translation>此前已付款 %1 单，共 %2 元</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首单</translation>
    </message>
    <message>
        <source>%1 orders · usually %2</source>
        <translation>%1 单 · 常买 %2</translation>
    </message>
    <message>
        <source>Waiting for the platform</source>
        <translation>等待平台应答</translation>
    </message>
    <message>
        <source>Last attempt refused</source>
        <translation>上次操作被拒</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <source>Member history</source>
        <translation>会员历史</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>cardops::models::SupplierStatusModel</name>
    <message>
        <source>Fulu</source>
        <translation>福禄</translation>
    </message>
    <message>
        <source>acg-faka</source>
        <translation>异次元（acg-faka）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Balance below %1</source>
        <translation>余额低于 %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
</context>
<context>
    <name>cardops::models::TierLadderEditor</name>
    <message>
        <source>Sliding 30 days</source>
        <translation>滑动30天</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>spend ≥ %1</source>
        <translation>累计消费 ≥ %1</translation>
    </message>
    <message>
        <source>recharge ≥ %1</source>
        <translation>累计充值 ≥ %1</translation>
    </message>
    <message>
        <source>downline GMV 30d ≥ %1</source>
        <translation>下级30天业绩 ≥ %1</translation>
    </message>
    <message>
        <source>own GMV 30d ≥ %1</source>
        <translation>自身30天业绩 ≥ %1</translation>
    </message>
    <message>
        <source>active downlines ≥ %1</source>
        <translation>活跃下级 ≥ %1</translation>
    </message>
    <message>
        <source>assigned by hand</source>
        <translation>仅手动指定</translation>
    </message>
    <message>
        <source>spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>recharge</source>
        <translation>累计充值</translation>
    </message>
    <message>
        <source>downline GMV 30d</source>
        <translation>下级30天业绩</translation>
    </message>
    <message>
        <source>own GMV 30d</source>
        <translation>自身30天业绩</translation>
    </message>
    <message>
        <source>active downlines</source>
        <translation>活跃下级</translation>
    </message>
    <message>
        <source>Upgrade: %1</source>
        <translation>升级：%1</translation>
    </message>
    <message>
        <source>Downgrade: %1</source>
        <translation>降级：%1</translation>
    </message>
    <message>
        <source>No such tier.</source>
        <translation>没有这个等级。</translation>
    </message>
    <message>
        <source>A tier needs a name.</source>
        <translation>等级需要名称。</translation>
    </message>
    <message>
        <source>Another tier is already called %1.</source>
        <translation>已有等级叫 %1。</translation>
    </message>
    <message>
        <source>A discount is a share of the price above 0 and at most 100%, such as 98%.</source>
        <translation>折扣是价格的比例，大于 0 且不超过 100%，例如 98%。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a commission rate: write rates by depth such as 2%, 1%, 0.5%.</source>
        <translation>“%1”不是佣金比例：请按层级填写，例如 2%, 1%, 0.5%。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan (at most 4 decimals, not negative); leave it empty for no condition.</source>
        <translation>“%1”不是以元计的金额（最多 4 位小数，不能为负）；不设条件请留空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of downlines; leave it empty for no condition.</source>
        <translation>“%1”不是下级人数；不设条件请留空。</translation>
    </message>
    <message>
        <source>Unknown downgrade policy.</source>
        <translation>未知的降级策略。</translation>
    </message>
    <message>
        <source>No such field.</source>
        <translation>没有这个字段。</translation>
    </message>
    <message>
        <source>The lowest tier is every member&apos;s floor and cannot be removed.</source>
        <translation>最低等级是所有会员的底线，不能删除。</translation>
    </message>
    <message>
        <source>The ladder needs at least one tier.</source>
        <translation>阶梯至少需要一个等级。</translation>
    </message>
    <message>
        <source>Two tiers are called %1.</source>
        <translation>有两个等级都叫 %1。</translation>
    </message>
    <message>
        <source>The ladder is not valid: %1</source>
        <translation>阶梯无效：%1</translation>
    </message>
    <message>
        <source>Remove tier %1</source>
        <translation>删除等级 %1</translation>
    </message>
    <message>
        <source>Add tier %1 (rank %2): %3</source>
        <translation>添加等级 %1（第 %2 级）：%3</translation>
    </message>
    <message>
        <source>name %1 → %2</source>
        <translation>名称 %1 → %2</translation>
    </message>
    <message>
        <source>discount %1 → %2</source>
        <translation>折扣 %1 → %2</translation>
    </message>
    <message>
        <source>commission %1 → %2</source>
        <translation>佣金 %1 → %2</translation>
    </message>
    <message>
        <source>upgrade %1 → %2</source>
        <translation>升级条件 %1 → %2</translation>
    </message>
    <message>
        <source>downgrade %1 → %2</source>
        <translation>降级 %1 → %2</translation>
    </message>
    <message>
        <source>rank %1 → %2</source>
        <translation>级别 %1 → %2</translation>
    </message>
    <message>
        <source>Tier %1: %2</source>
        <translation>等级 %1：%2</translation>
    </message>
    <message>
        <source>The members&apos; figures could not be read (%1).</source>
        <translation>无法读取会员数据（%1）。</translation>
    </message>
    <message>
        <source>This cache is read-only.</source>
        <translation>此缓存为只读。</translation>
    </message>
    <message>
        <source>The downgrade policies could not be stored (%1).</source>
        <translation>无法保存降级策略（%1）。</translation>
    </message>
</context>
<context>
    <name>cardops::models::UnknownPurchasesModel</name>
    <message>
        <source>stock</source>
        <translation>备货</translation>
    </message>
    <message>
        <source>Our number</source>
        <translation>我方单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier product</source>
        <translation>上游商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
</context>
<context>
    <name>cardops::models::WindowedModel</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Click to sort (indexed column)</source>
        <translation>点击排序（已建索引的列）</translation>
    </message>
    <message>
        <source>Not sortable: only indexed columns sort on a large list</source>
        <translation>不可排序：大列表只按已建索引的列排序</translation>
    </message>
</context>
<context>
    <name>cardops::models::commissioncsv</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expected member id</source>
        <translation>应发会员编号</translation>
    </message>
    <message>
        <source>Expected member</source>
        <translation>应发会员</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Credited member id</source>
        <translation>实发会员编号</translation>
    </message>
    <message>
        <source>Credited member</source>
        <translation>实发会员</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Ledger id</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Buyer id</source>
        <translation>买家编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>cardops::models::financecsv</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Supplier spend</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Cache orders</source>
        <translation>本地订单数</translation>
    </message>
    <message>
        <source>Platform orders</source>
        <translation>平台订单数</translation>
    </message>
    <message>
        <source>Cache amount</source>
        <translation>本地金额</translation>
    </message>
    <message>
        <source>Platform amount</source>
        <translation>平台金额</translation>
    </message>
    <message>
        <source>Difference orders</source>
        <translation>订单数差异</translation>
    </message>
    <message>
        <source>Difference amount</source>
        <translation>金额差异</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Balance seen at</source>
        <translation>余额读取时间</translation>
    </message>
    <message>
        <source>Balance seen again at</source>
        <translation>再次读取时间</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>采购笔数</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>采购金额</translation>
    </message>
    <message>
        <source>Balance movement</source>
        <translation>余额变动</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Agent id</source>
        <translation>代理 ID</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Original period</source>
        <translation>原期间</translation>
    </message>
    <message>
        <source>Booked in</source>
        <translation>计入期间</translation>
    </message>
    <message>
        <source>Orders at close</source>
        <translation>月结时订单数</translation>
    </message>
    <message>
        <source>Orders now</source>
        <translation>当前订单数</translation>
    </message>
    <message>
        <source>Orders adjustment</source>
        <translation>订单数调整</translation>
    </message>
    <message>
        <source>Amount at close</source>
        <translation>月结时金额</translation>
    </message>
    <message>
        <source>Amount now</source>
        <translation>当前金额</translation>
    </message>
    <message>
        <source>Amount adjustment</source>
        <translation>金额调整</translation>
    </message>
</context>
<context>
    <name>cardops::sync::tiers</name>
    <message>
        <source>The tier ladder was changed on the platform meanwhile (now version %1), so your changes were not applied. The editor shows the platform&apos;s ladder again; make your changes on it and push once more.</source>
        <translation>等级阶梯在此期间已在平台上被修改（现为版本 %1），你的修改没有生效。编辑器已重新显示平台上的阶梯；请在其上重新修改后再推送。</translation>
    </message>
    <message>
        <source>The tier ladder was changed on the platform meanwhile, so your changes were not applied. Sync, then make your changes again on the platform&apos;s ladder.</source>
        <translation>等级阶梯在此期间已在平台上被修改，你的修改没有生效。请先同步，再在平台的阶梯上重新修改。</translation>
    </message>
    <message>
        <source>The platform refused this ladder (%1). A tier that members still hold cannot be removed.</source>
        <translation>平台拒绝了这个阶梯（%1）。仍有会员持有的等级不能删除。</translation>
    </message>
    <message>
        <source>The platform does not allow this console to change tiers (%1).</source>
        <translation>平台不允许本控制台修改等级（%1）。</translation>
    </message>
    <message>
        <source>The platform could not be reached (%1). Nothing was changed; push again when the console is online.</source>
        <translation>无法连接平台（%1）。没有任何修改；请在联网后重新推送。</translation>
    </message>
    <message>
        <source>The push was cancelled: the shop was closed or reconnected.</source>
        <translation>推送已取消：店铺已关闭或重新连接。</translation>
    </message>
    <message>
        <source>The ladder could not be sent (%1).</source>
        <translation>无法发送阶梯（%1）。</translation>
    </message>
    <message>
        <source>The platform refused the request (%1).</source>
        <translation>平台拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>Your role may not change the tier ladder; an administrator can.</source>
        <translation>你的角色不能修改等级阶梯；管理员可以。</translation>
    </message>
    <message>
        <source>The platform took the ladder, but the cache could not store it (%1). The next sync brings it.</source>
        <translation>平台已接受阶梯，但缓存无法保存（%1）。下次同步会带回。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::AgentTreeWidget</name>
    <message>
        <source>Find a member: id, name or contact, then Enter (Ctrl+F)</source>
        <translation>查找会员：编号、名称或联系方式，按回车（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开会员</translation>
    </message>
    <message>
        <source>Move the selected member and its whole branch under another parent (Ctrl+M)</source>
        <translation>把选中的会员连同整个分支移到另一个上级之下（Ctrl+M）</translation>
    </message>
    <message>
        <source>No members in the cache yet: they arrive with the next sync.</source>
        <translation>缓存中还没有会员：下次同步后即会出现。</translation>
    </message>
    <message>
        <source>The tree could not be read: %1</source>
        <translation>无法读取代理树：%1</translation>
    </message>
    <message>
        <source>Member #%1 is not in this tree.</source>
        <translation>会员 #%1 不在这棵树中。</translation>
    </message>
    <message>
        <source>Moved. The change waits in the outbox until the platform accepts it (本地待同步).</source>
        <translation>已移动。修改在待发队列中等待平台确认（本地待同步）。</translation>
    </message>
    <message>
        <source>No member matches “%1”.</source>
        <translation>没有与“%1”匹配的会员。</translation>
    </message>
    <message>
        <source>Select the member to move first.</source>
        <translation>请先选择要移动的会员。</translation>
    </message>
    <message>
        <source>Moving members needs a writable cache and a signed-in operator.</source>
        <translation>移动会员需要可写的缓存和已登录的操作员。</translation>
    </message>
    <message>
        <source>Move %1 and its whole branch under:</source>
        <translation>把 %1 连同整个分支移动到：</translation>
    </message>
    <message>
        <source>New parent: id, name or contact</source>
        <translation>新上级：编号、名称或联系方式</translation>
    </message>
    <message>
        <source>Top level (no parent)</source>
        <translation>顶层（无上级）</translation>
    </message>
    <message>
        <source>Move refused</source>
        <translation>不能移动</translation>
    </message>
    <message numerus="yes">
        <source>Move %1 and the %n member(s) of its branch to the top level?</source>
        <translation>
            <numerusform>把 %1 及其分支的 %n 名会员移到顶层？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %1 and the %n member(s) of its branch under %2?</source>
        <translation>
            <numerusform>把 %1 及其分支的 %n 名会员移到 %2 之下？</numerusform>
        </translation>
    </message>
    <message>
        <source>Move member</source>
        <translation>移动会员</translation>
    </message>
    <message>
        <source>Commissions of later orders follow the new hierarchy. The change is audited and sent to the platform.</source>
        <translation>之后订单的佣金按新的层级计算。此修改会记入审计日志并提交到平台。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>cardops::ui::BatchOrderDialog</name>
    <message>
        <source>Batch order (企业批量下单)</source>
        <translation>企业批量下单</translation>
    </message>
    <message>
        <source>Enterprise member: name or id</source>
        <translation>企业会员：名称或编号</translation>
    </message>
    <message>
        <source>Goods: name, SKU or id</source>
        <translation>商品：名称、SKU 或编号</translation>
    </message>
    <message>
        <source>Choose the member and the goods to see the price.</source>
        <translation>选择会员和商品后显示价格。</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>One line per order: charge account[,quantity]
13800000001
13800000002,3</source>
        <translation>每行一单：充值账号[,数量]
13800000001
13800000002,3</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Charge account</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Order the lines with a warning too (duplicate accounts)</source>
        <translation>有警告的行也下单（重复账号）</translation>
    </message>
    <message>
        <source>Create orders</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Continue (继续)</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import charge accounts</source>
        <translation>导入充值账号</translation>
    </message>
    <message>
        <source>Text and CSV (*.txt *.csv);;All files (*)</source>
        <translation>文本和 CSV (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stopping after the line in flight…</source>
        <translation>当前这一行完成后停止…</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor GB18030: %2</source>
        <translation>%1 既不是 UTF-8 也不是 GB18030：%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The cache cannot be read: %1</source>
        <translation>无法读取缓存：%1</translation>
    </message>
    <message>
        <source>Member #%1 is not in the cache.</source>
        <translation>会员 #%1 不在缓存中。</translation>
    </message>
    <message>
        <source>Goods #%1 is not in the cache.</source>
        <translation>商品 #%1 不在缓存中。</translation>
    </message>
    <message>
        <source>Choose the member and the goods.</source>
        <translation>请选择会员和商品。</translation>
    </message>
    <message>
        <source>%1 yuan (%2; list price %3)</source>
        <translation>%1 元（%2；标价 %3）</translation>
    </message>
    <message>
        <source>Note: this member is not an enterprise buyer.</source>
        <translation>注意：该会员不是企业采购客户。</translation>
    </message>
    <message>
        <source>A card goods: leave the account empty, give the quantity (&quot;,5&quot;).</source>
        <translation>卡密商品：账号留空，只填数量（&quot;,5&quot;）。</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 of this member has %n unfinished line(s): 继续 sends them with their keys.</source>
        <translation>
            <numerusform>该会员的批次 %1 有 %n 行未完成：点击“继续”将用原幂等键发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste the charge accounts above, or import a file.</source>
        <translation>在上方粘贴充值账号，或从文件导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) to order</source>
        <translation>
            <numerusform>待下单 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>total %1 yuan</source>
        <translation>合计 %1 元</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) left out</source>
        <translation>
            <numerusform>排除 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders are created on the platform, and this console cannot reach one now.</source>
        <translation>订单在平台上创建，而本控制台当前无法连接平台。</translation>
    </message>
    <message numerus="yes">
        <source>Create %n order(s) for %1 on the platform, %2 yuan in all?</source>
        <translation>
            <numerusform>在平台上为 %1 创建 %n 个订单，共 %2 元？</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the batch…</source>
        <translation>正在保存批次…</translation>
    </message>
    <message numerus="yes">
        <source>Batch %1: sending %n line(s)…</source>
        <translation>
            <numerusform>批次 %1：正在发送 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) created</source>
        <translation>
            <numerusform>已创建 %n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) failed</source>
        <translation>
            <numerusform>%n 行失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) unfinished: 继续 sends them again with the same keys</source>
        <translation>
            <numerusform>%n 行未完成：点击“继续”将用同一幂等键重新发送</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardops::ui::BlacklistEntryDialog</name>
    <message>
        <source>Add to the blacklist: %1</source>
        <translation>加入黑名单：%1</translation>
    </message>
    <message>
        <source>e.g. 10086</source>
        <translation>例如 10086</translation>
    </message>
    <message>
        <source>QQ, phone or e-mail</source>
        <translation>QQ、手机号或邮箱</translation>
    </message>
    <message>
        <source>the account an order recharges</source>
        <translation>订单充值到的账号</translation>
    </message>
    <message>
        <source>Why, e.g. chargeback on order 2026…</source>
        <translation>原因，例如：订单 2026… 拒付</translation>
    </message>
    <message>
        <source>Spaces are ignored and full-width characters count as their ASCII forms, so the entry matches however the buyer types it.</source>
        <translation>空格会被忽略，全角字符按半角处理，无论买家怎样输入都能匹配。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A member ID is a positive whole number.</source>
        <translation>会员 ID 是正整数。</translation>
    </message>
    <message>
        <source>Write the value to block.</source>
        <translation>请填写要拉黑的内容。</translation>
    </message>
    <message>
        <source>%1 is already on this list.</source>
        <translation>%1 已在此名单中。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::BlacklistModel</name>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作员</translation>
    </message>
</context>
<context>
    <name>cardops::ui::BlacklistWidget</name>
    <message>
        <source>Member IDs</source>
        <translation>会员 ID</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Charge accounts</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Orders of a listed member, contact or charge account match the rule condition “On the blacklist”; what happens to them is up to that rule.</source>
        <translation>名单中的会员、联系方式或充值账号的订单会命中规则条件「命中黑名单」，如何处理由该规则决定。</translation>
    </message>
    <message>
        <source>Search values and notes</source>
        <translation>搜索内容和备注</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Your role may look at the blacklist but not change it.</source>
        <translation>您的角色可以查看黑名单，但不能修改。</translation>
    </message>
    <message>
        <source>This view is read-only.</source>
        <translation>此视图为只读。</translation>
    </message>
    <message>
        <source>Cannot read the blacklist: %1</source>
        <translation>无法读取黑名单：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Remove from the blacklist</source>
        <translation>移出黑名单</translation>
    </message>
    <message>
        <source>Remove %1 from the list of %2?</source>
        <translation>将 %1 从「%2」名单中移除？</translation>
    </message>
    <message>
        <source>Its orders no longer match the blacklist rule from the next decision on.</source>
        <translation>从下一次判定起，其订单不再命中黑名单规则。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
    <message>
        <source>That value is already on the list.</source>
        <translation>该内容已在名单中。</translation>
    </message>
    <message>
        <source>That value was no longer on the list.</source>
        <translation>该内容已不在名单中。</translation>
    </message>
    <message>
        <source>Your role may not change the blacklist.</source>
        <translation>您的角色不能修改黑名单。</translation>
    </message>
    <message>
        <source>The blacklist was not changed: %1</source>
        <translation>黑名单未修改：%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::CardImportDialog</name>
    <message numerus="yes">
        <source>Wrong number of fields (the format has %n)</source>
        <translation>
            <numerusform>字段数不对（该格式应有 %n 段）</numerusform>
        </translation>
    </message>
    <message>
        <source>A field is empty</source>
        <translation>有字段为空</translation>
    </message>
    <message>
        <source>Control characters or garbled text</source>
        <translation>含控制字符或乱码</translation>
    </message>
    <message>
        <source>A field is longer than %1 characters</source>
        <translation>有字段超过 %1 个字符</translation>
    </message>
    <message>
        <source>Unclosed quote in the CSV: nothing after this line was read</source>
        <translation>CSV 引号未闭合：此行之后的内容未读取</translation>
    </message>
    <message>
        <source>Platform: not a card of this goods&apos; format</source>
        <translation>平台：不符合该商品的卡密格式</translation>
    </message>
    <message>
        <source>Platform: already expired</source>
        <translation>平台：已过期</translation>
    </message>
    <message>
        <source>Platform: refused (%1)</source>
        <translation>平台：拒收（%1）</translation>
    </message>
    <message>
        <source>Import card secrets</source>
        <translation>导入卡密</translation>
    </message>
    <message>
        <source>Single code (CDK, 激活码)</source>
        <translation>单个卡密（CDK、激活码）</translation>
    </message>
    <message>
        <source>Number + password</source>
        <translation>卡号 + 密码</translation>
    </message>
    <message numerus="yes">
        <source>%n fields</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Card format</source>
        <translation>卡密格式</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Paste instead</source>
        <translation>改为粘贴</translation>
    </message>
    <message>
        <source>Paste the cards below, one per line, or open a .txt or .csv file.</source>
        <translation>在下方粘贴卡密，每行一张；或打开 .txt、.csv 文件。</translation>
    </message>
    <message>
        <source>Detect encoding</source>
        <translation>自动识别编码</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Reusable cards (循环卡密)</source>
        <translation>循环卡密（可重复发货）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>One card per line, e.g.
6212345678904401 K7PQRSTUVWXYM2XA
or 账号----密码----邮箱</source>
        <translation>每行一张卡密，例如
6212345678904401 K7PQRSTUVWXYM2XA
或 账号----密码----邮箱</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Check every line before anything is uploaded (Ctrl+Enter).</source>
        <translation>上传之前逐行检查（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import card secrets · goods %1</source>
        <translation>导入卡密 · 商品 %1</translation>
    </message>
    <message>
        <source>This goods is not in the cache yet; choose its card format yourself.</source>
        <translation>缓存中还没有这个商品，请自行选择卡密格式。</translation>
    </message>
    <message>
        <source>Import card secrets · %1 (#%2)</source>
        <translation>导入卡密 · %1（#%2）</translation>
    </message>
    <message>
        <source>A direct-recharge (直充) goods has no card secrets.</source>
        <translation>直充商品没有卡密。</translation>
    </message>
    <message>
        <source>Offline preview: nothing is compared with the platform&apos;s stock, and nothing can be uploaded.</source>
        <translation>离线预览：不与平台库存比对，也不能上传。</translation>
    </message>
    <message>
        <source>Reading the goods&apos; stock on the platform…</source>
        <translation>正在读取该商品在平台上的库存…</translation>
    </message>
    <message>
        <source>Reading the goods&apos; stock on the platform… %1 cards</source>
        <translation>正在读取该商品在平台上的库存… 已读 %1 张</translation>
    </message>
    <message numerus="yes">
        <source>The platform holds %n cards of this goods; they count as already in stock.</source>
        <translation>
            <numerusform>平台上该商品已有 %n 张卡密，预览时计为“已在库存”。</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform&apos;s stock could not be read (%1); the preview cannot tell which cards are already in stock.</source>
        <translation>无法读取平台库存（%1）；预览无法判断哪些卡密已在库存。</translation>
    </message>
    <message>
        <source>Open card file</source>
        <translation>打开卡密文件</translation>
    </message>
    <message>
        <source>Card files (*.txt *.csv);;All files (*)</source>
        <translation>卡密文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: not a card file.</source>
        <translation>%1 大于 %2 MB：不是卡密文件。</translation>
    </message>
    <message>
        <source>File %1 (%2 KB); the text area is not used.</source>
        <translation>文件 %1（%2 KB）；不使用粘贴区。</translation>
    </message>
    <message>
        <source>The card format is not usable: %1</source>
        <translation>卡密格式不可用：%1</translation>
    </message>
    <message>
        <source>Checking… %p%</source>
        <translation>正在检查… %p%</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Same card as line %1</source>
        <translation>与第 %1 行相同</translation>
    </message>
    <message>
        <source>Already in stock</source>
        <translation>已在库存</translation>
    </message>
    <message>
        <source>The platform already holds this card</source>
        <translation>平台上已有这张卡密</translation>
    </message>
    <message numerus="yes">
        <source>%n lines read</source>
        <translation>
            <numerusform>读取 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>, encoding %1</source>
        <translation>，编码 %1</translation>
    </message>
    <message>
        <source>, the column titles on the first line skipped</source>
        <translation>，已跳过首行的列标题</translation>
    </message>
    <message>
        <source>. The platform&apos;s stock is unknown: nothing counts as already in stock</source>
        <translation>。平台库存未知：没有卡密计为“已在库存”</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of a sentence</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>New %1 · duplicate in the input %2 · already in stock %3 · invalid %4</source>
        <translation>新卡 %1 · 文件内重复 %2 · 已在库存 %3 · 无效 %4</translation>
    </message>
    <message>
        <source>Platform: added %1 · duplicate %2 · invalid %3</source>
        <translation>平台结果：新增 %1 · 重复 %2 · 无效 %3</translation>
    </message>
    <message>
        <source>Offline: the cards cannot be uploaded from here.</source>
        <translation>离线：无法从这里上传卡密。</translation>
    </message>
    <message>
        <source>Continue upload</source>
        <translation>继续上传</translation>
    </message>
    <message numerus="yes">
        <source>Upload %n new cards</source>
        <translation>
            <numerusform>上传 %n 张新卡密</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview first: only previewed cards are uploaded.</source>
        <translation>请先预览：只上传预览过的卡密。</translation>
    </message>
    <message>
        <source>Cancel preview</source>
        <translation>取消预览</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Uploading… %v / %m</source>
        <translation>正在上传… %v / %m</translation>
    </message>
    <message>
        <source>Uploading to the platform…</source>
        <translation>正在上传到平台…</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Platform: the goods already holds this card</source>
        <translation>平台：该商品已有这张卡密</translation>
    </message>
    <message>
        <source>Uploaded: the goods now has %1 cards available on the platform.</source>
        <translation>上传完成：该商品在平台上现有 %1 张可用卡密。</translation>
    </message>
    <message>
        <source>The upload stopped: %1 Continue to send the rest; nothing is added twice.</source>
        <translation>上传中止：%1 继续上传会发送剩余部分，不会重复添加。</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>已取消预览。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::CardListDialog</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expires within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>不过期</translation>
    </message>
    <message>
        <source>Reusable</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Card id</source>
        <translation>卡密编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Card (masked)</source>
        <translation>卡密（已遮盖）</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>Card stock</source>
        <translation>卡密库存</translation>
    </message>
    <message>
        <source>Card stock · goods %1</source>
        <translation>卡密库存 · 商品 %1</translation>
    </message>
    <message>
        <source>Card stock · %1 (#%2)</source>
        <translation>卡密库存 · %1（#%2）</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>全部卡密</translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Show secret…</source>
        <translation>查看卡密…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared when this window closes.</source>
        <translation>已复制；关闭此窗口时会清空剪贴板。</translation>
    </message>
    <message>
        <source>Card stock lives on the platform, and this console has no platform connection.</source>
        <translation>卡密库存保存在平台上，而此控制台未连接平台。</translation>
    </message>
    <message>
        <source>Reading the cards from the platform…</source>
        <translation>正在从平台读取卡密…</translation>
    </message>
    <message>
        <source>Reading the cards… %1</source>
        <translation>正在读取卡密… %1</translation>
    </message>
    <message>
        <source>No cards were uploaded to this goods yet. Use 导入卡密 to add some.</source>
        <translation>该商品还没有上传过卡密。可用“导入卡密”添加。</translation>
    </message>
    <message>
        <source>The cards could not be read: %1</source>
        <translation>无法读取卡密：%1</translation>
    </message>
    <message>
        <source>%1 cards · available %2 · locked %3 · sold %4 · void %5</source>
        <translation>共 %1 张 · 可用 %2 · 锁定 %3 · 已售 %4 · 作废 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) expire within 7 days</source>
        <translation>
            <numerusform>%n 张卡密 7 天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) expired</source>
        <translation>
            <numerusform>%n 张卡密已过期</numerusform>
        </translation>
    </message>
    <message>
        <source>No platform connection.</source>
        <translation>未连接平台。</translation>
    </message>
    <message>
        <source>Viewing a card secret is recorded in the operation log.</source>
        <translation>查看卡密会记入操作日志。</translation>
    </message>
    <message>
        <source>Void cards</source>
        <translation>作废卡密</translation>
    </message>
    <message numerus="yes">
        <source>Void %n card(s)? A void card is never delivered and cannot be restored.</source>
        <translation>
            <numerusform>作废 %n 张卡密？作废的卡密不会再发货，且无法恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
    <message>
        <source>The platform did not change the cards: %1</source>
        <translation>平台未更改这些卡密：%1</translation>
    </message>
    <message numerus="yes">
        <source>Locked %n card(s)</source>
        <translation>
            <numerusform>已锁定 %n 张卡密</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlocked %n card(s)</source>
        <translation>
            <numerusform>已解锁 %n 张卡密</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Voided %n card(s)</source>
        <translation>
            <numerusform>已作废 %n 张卡密</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already so</source>
        <translation>
            <numerusform>；%n 张本来就是该状态</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n refused (sold or void)</source>
        <translation>
            <numerusform>；%n 张被拒绝（已售出或已作废）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n unknown to the platform</source>
        <translation>
            <numerusform>；%n 张平台上不存在</numerusform>
        </translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the end of a sentence</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Show card secret</source>
        <translation>显示卡密</translation>
    </message>
    <message>
        <source>Show the secret of card %1?</source>
        <translation>显示卡密 %1 的明文？</translation>
    </message>
    <message>
        <source>Asking the platform for the secret…</source>
        <translation>正在向平台获取卡密明文…</translation>
    </message>
    <message>
        <source>Cannot show the secret: %1</source>
        <translation>无法显示卡密：%1</translation>
    </message>
    <message>
        <source>Secret of card %1</source>
        <translation>卡密 %1 的明文</translation>
    </message>
    <message>
        <source>Shown once: the secret is hidden again when you pick another card or close this window.</source>
        <translation>仅显示一次：选择其他卡密或关闭此窗口后即隐藏。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the loaded cards&apos; metadata (masked, never the secrets) as CSV</source>
        <translation>将已加载卡密的信息（脱敏，不含卡密明文）保存为 CSV</translation>
    </message>
</context>
<context>
    <name>cardops::ui::CommissionPanel</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Recompute every commission of the period and compare it with the platform&apos;s (F5)</source>
        <translation>重新计算该期间的全部佣金并与平台发放的比对（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Orders created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Choose a period and press Check: CardOps recomputes the commission of every order and compares it with what the platform credited.</source>
        <translation>选择期间后点击“核对”：CardOps 重新计算每个订单的佣金，并与平台实际发放的佣金比对。</translation>
    </message>
    <message>
        <source>All differences</source>
        <translation>全部差异</translation>
    </message>
    <message>
        <source>Filter by agent: name or #id</source>
        <translation>按代理筛选：名称或 #编号</translation>
    </message>
    <message>
        <source>Export differences CSV…</source>
        <translation>导出差异 CSV…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>对账单…</translation>
    </message>
    <message>
        <source>Double click opens the order</source>
        <translation>双击打开订单</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing changed.</source>
        <translation>核对已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束早于开始。</translation>
    </message>
    <message>
        <source>Checking the commissions of %1 – %2…</source>
        <translation>正在核对 %1 – %2 的佣金…</translation>
    </message>
    <message numerus="yes">
        <source>%n orders checked</source>
        <translation>
            <numerusform>已核对 %n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>expected %1 · credited %2 · difference %3</source>
        <translation>应发 %1 · 实发 %2 · 差额 %3</translation>
    </message>
    <message>
        <source>%1 %2 · %3 %4 · %5 %6 · %7 %8</source>
        <translation>%1 %2 · %3 %4 · %5 %6 · %7 %8</translation>
    </message>
    <message numerus="yes">
        <source>%n orders could not be verified</source>
        <translation>
            <numerusform>%n 个订单无法核对</numerusform>
        </translation>
    </message>
    <message>
        <source>No check yet for this period.</source>
        <translation>该期间尚未核对。</translation>
    </message>
    <message numerus="yes">
        <source>No differences: %n orders checked, expected %1, credited %2.</source>
        <translation>
            <numerusform>没有差异：已核对 %n 个订单，应发 %1，实发 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No differences match the filter (%n in all).</source>
        <translation>
            <numerusform>没有符合筛选条件的差异（共 %n 条）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export differences</source>
        <translation>导出差异</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::CommissionStatementDialog</name>
    <message>
        <source>Commission statement</source>
        <translation>佣金对账单</translation>
    </message>
    <message>
        <source>Agent: name, contact or #id</source>
        <translation>代理：名称、联系方式或 #编号</translation>
    </message>
    <message>
        <source>Build statement</source>
        <translation>生成对账单</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Orders from</source>
        <translation>订单自</translation>
    </message>
    <message>
        <source>to (inclusive)</source>
        <translation>至（含）</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Choose an agent and a period, then build the statement.</source>
        <translation>选择代理和期间，然后生成对账单。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Choose an agent first: type a name and pick a suggestion, or #id.</source>
        <translation>请先选择代理：输入名称并从建议中选择，或输入 #编号。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束早于开始。</translation>
    </message>
    <message>
        <source>Building the statement…</source>
        <translation>正在生成对账单…</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲回</translation>
    </message>
    <message numerus="yes">
        <source>%n entries · expected %1 · credited %2 · difference %3</source>
        <translation>
            <numerusform>%n 条 · 应发 %1 · 实发 %2 · 差额 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orders with entries for this agent could not be verified</source>
        <translation>
            <numerusform>该代理有 %n 个订单的佣金无法核对</numerusform>
        </translation>
    </message>
    <message>
        <source>Export statement</source>
        <translation>导出对账单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ConnectDialog</name>
    <message>
        <source>Connect my shop</source>
        <translation>连接我的店铺</translation>
    </message>
    <message>
        <source>e.g. myshop (letters, digits, _ or -)</source>
        <translation>例如 myshop（字母、数字、_ 或 -）</translation>
    </message>
    <message>
        <source>https://shop.example.com</source>
        <translation>https://shop.example.com</translation>
    </message>
    <message>
        <source>The platform&apos;s answer appears here after the test.</source>
        <translation>测试后，平台的回应显示在这里。</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>应用 ID（App id）</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>应用密钥（App secret）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save and open</source>
        <translation>保存并打开</translation>
    </message>
    <message>
        <source>The platform is your shop&apos;s system (a shop with cardops-bridge, or any platform speaking CardOps Platform API v1). The secret is kept in the system keychain.</source>
        <translation>平台是您店铺的系统（装有 cardops-bridge 的店铺，或任何支持 CardOps Platform API v1 的平台）。密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The profile name needs 1 to 32 letters, digits, _ or -.</source>
        <translation>配置名称须为 1 到 32 个字母、数字、_ 或 -。</translation>
    </message>
    <message>
        <source>Enter the app id the platform gave you.</source>
        <translation>请输入平台分配的应用 ID。</translation>
    </message>
    <message>
        <source>Enter the app secret.</source>
        <translation>请输入应用密钥。</translation>
    </message>
    <message>
        <source>Asking the platform…</source>
        <translation>正在询问平台…</translation>
    </message>
    <message>
        <source>Connected to %1. Save to open the shop.</source>
        <translation>已连接到 %1。保存后即可打开该店铺。</translation>
    </message>
    <message>
        <source>The platform did not accept the connection; its answer is below.</source>
        <translation>平台未接受该连接，其回应如下。</translation>
    </message>
    <message>
        <source>Saving the profile and its secret…</source>
        <translation>正在保存配置及其密钥…</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>The name demo is reserved for the demo profile.</source>
        <translation>名称 demo 已保留给演示配置。</translation>
    </message>
    <message>
        <source>The platform address must look like https://shop.example.com (no query, no user).</source>
        <translation>平台地址应形如 https://shop.example.com（不含查询参数和用户名）。</translation>
    </message>
    <message>
        <source>Plain http:// is accepted only for this computer; use https:// for %1.</source>
        <translation>http:// 仅限本机使用；%1 请使用 https://。</translation>
    </message>
    <message>
        <source>The app id has only letters, digits and punctuation (ASCII).</source>
        <translation>应用 ID 只能包含字母、数字和标点（ASCII）。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ContractPricesDialog</name>
    <message>
        <source>Contract prices (合同价)</source>
        <translation>合同价</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Tier price</source>
        <translation>等级价</translation>
    </message>
    <message>
        <source>Contract price</source>
        <translation>合同价</translation>
    </message>
    <message>
        <source>Margin vs cost</source>
        <translation>毛利（对成本）</translation>
    </message>
    <message>
        <source>Goods: name, SKU or id</source>
        <translation>商品：名称、SKU 或编号</translation>
    </message>
    <message>
        <source>Contract price, e.g. 96.50</source>
        <translation>合同价，例如 96.50</translation>
    </message>
    <message>
        <source>Set price</source>
        <translation>设置价格</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Your role may not change prices, or this cache is read-only.</source>
        <translation>你的角色不能修改价格，或此缓存为只读。</translation>
    </message>
    <message>
        <source>The contract prices cannot be read: %1</source>
        <translation>无法读取合同价：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (#%2): %n goods with a contract price</source>
        <translation>
            <numerusform>%1（#%2）：%n 个商品有合同价</numerusform>
        </translation>
    </message>
    <message>
        <source>Member #%1 is not in the cache.</source>
        <translation>会员 #%1 不在缓存中。</translation>
    </message>
    <message>
        <source>Choose a goods first.</source>
        <translation>请先选择商品。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price in yuan.</source>
        <translation>“%1”不是以元为单位的价格。</translation>
    </message>
    <message>
        <source>Goods #%1 is not in the cache.</source>
        <translation>商品 #%1 不在缓存中。</translation>
    </message>
    <message>
        <source>Remove the contract price of %1 for this member?</source>
        <translation>移除 %1 对该会员的合同价？</translation>
    </message>
    <message>
        <source>Set the contract price of %1 for this member to %2 yuan?</source>
        <translation>将 %1 对该会员的合同价设为 %2 元？</translation>
    </message>
    <message>
        <source>This is BELOW the cost of %1 yuan: every unit sold loses %2 yuan.</source>
        <translation>该价格低于成本 %1 元：每卖出一件亏损 %2 元。</translation>
    </message>
    <message>
        <source>The change was not staged: %1</source>
        <translation>更改未暂存：%1</translation>
    </message>
    <message>
        <source>Staged: the platform gets the new list with the next sync (本地待同步).</source>
        <translation>已暂存：平台将在下次同步时收到新的列表（本地待同步）。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有变化。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::DashboardPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Paid orders by the day they were created (Asia/Shanghai). Hover a card for its definition; click a bar to see its orders; right-click a chart to save it.</source>
        <translation>按下单日期（北京时间）统计已付款订单。鼠标悬停卡片可查看指标定义；点击柱形查看对应订单；右键图表可保存为图片。</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>下单会员</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Automation share</source>
        <translation>自动发货占比</translation>
    </message>
    <message>
        <source>Paid to delivered</source>
        <translation>付款到发货</translation>
    </message>
    <message>
        <source>Review waiting</source>
        <translation>审核等待</translation>
    </message>
    <message>
        <source>Supplier balance</source>
        <translation>供应商余额</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Direct downlines</source>
        <translation>直属下级</translation>
    </message>
    <message>
        <source>Branch buyers</source>
        <translation>下级买家</translation>
    </message>
    <message>
        <source>Branch orders</source>
        <translation>下级订单</translation>
    </message>
    <message>
        <source>Branch GMV</source>
        <translation>下级成交额</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>GMV, gross profit and orders</source>
        <translation>成交额、毛利与订单数</translation>
    </message>
    <message>
        <source>Top goods by GMV</source>
        <translation>成交额最高的商品</translation>
    </message>
    <message>
        <source>Top categories by GMV</source>
        <translation>分类成交额排行</translation>
    </message>
    <message>
        <source>GMV by member kind</source>
        <translation>会员类型成交占比</translation>
    </message>
    <message>
        <source>Tier movement</source>
        <translation>等级变动</translation>
    </message>
    <message>
        <source>Orders by weekday and hour</source>
        <translation>下单时段分布（星期 × 小时）</translation>
    </message>
    <message>
        <source>Agent leaderboard</source>
        <translation>代理排行榜</translation>
    </message>
    <message>
        <source>No paid orders in this period</source>
        <translation>此时段没有已付款订单</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>Paid orders created in the period (status neither unpaid nor cancelled; refunded orders count).</source>
        <translation>本期下单的已付款订单（状态不是未付款或已取消；已退款订单也计入）。</translation>
    </message>
    <message>
        <source>GMV: the sum of the paid amounts of the period&apos;s paid orders, before refunds.</source>
        <translation>成交额：本期已付款订单的实付金额之和（未扣除退款）。</translation>
    </message>
    <message>
        <source>Gross profit: paid amount − cost at order − payment-fee estimate (%1% of the amount not paid from member balances).</source>
        <translation>毛利：实付金额 − 下单时成本 − 支付手续费估算（非余额支付金额的 %1%）。</translation>
    </message>
    <message>
        <source>Gross margin: gross profit / GMV. The change is in percentage points.</source>
        <translation>毛利率：毛利 ÷ 成交额。变化以百分点表示。</translation>
    </message>
    <message>
        <source>Members with at least one paid order in the period.</source>
        <translation>本期至少有一笔已付款订单的会员数。</translation>
    </message>
    <message>
        <source>Average order value: GMV / orders.</source>
        <translation>客单价：成交额 ÷ 订单数。</translation>
    </message>
    <message>
        <source>Refund rate: refunded amount / GMV of the period&apos;s orders. Below it: orders with a refund / orders.</source>
        <translation>退款率：本期订单的退款金额 ÷ 成交额。下方小字：有退款的订单数 ÷ 订单数。</translation>
    </message>
    <message>
        <source>Repurchase rate: members with 2 or more paid orders in the period / members with at least one.</source>
        <translation>复购率：本期有 2 笔及以上已付款订单的会员数 ÷ 至少有 1 笔的会员数。</translation>
    </message>
    <message>
        <source>Automation share: orders delivered without a person (no review) / all delivered orders of the period.</source>
        <translation>自动发货率：无需人工（未经审核）发货的订单数 ÷ 本期全部已发货订单数。</translation>
    </message>
    <message>
        <source>Paid-to-delivered time: the mean time from payment to delivery of the period&apos;s delivered orders.</source>
        <translation>平均发货时长：本期已发货订单从付款到发货的平均时间。</translation>
    </message>
    <message>
        <source>The sum of the suppliers&apos; balances as last checked (not a period figure).</source>
        <translation>各供应商最近一次查询到的余额之和（非时段指标）。</translation>
    </message>
    <message>
        <source>%1 – %2, compared with %3 – %4</source>
        <translation>%1 – %2，对比 %3 – %4</translation>
    </message>
    <message>
        <source>The cache has no paid orders between %1 and %2. Choose another period, or sync the shop first if the cache is new.</source>
        <translation>缓存中 %1 至 %2 没有已付款订单。请选择其他时段；如果是新缓存，请先同步店铺。</translation>
    </message>
    <message numerus="yes">
        <source>The previous period had %n paid orders; this one has none yet.</source>
        <translation>
            <numerusform>上期有 %n 笔已付款订单，本期尚无。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of orders</source>
        <translation>订单占比 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n suppliers checked</source>
        <translation>
            <numerusform>已查询 %n 个供应商</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Choose another folder.</source>
        <translation>图表无法保存到 %1，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Agents whose whole branch (every member below them) bought most in the period (Enter or a double click opens the branch&apos;s orders); commission as the platform credited it in the period.</source>
        <translation>本时段整条下级分支（其下所有会员）成交最多的代理（回车或双击打开该分支的订单）；佣金为平台在本时段实际入账的金额。</translation>
    </message>
    <message>
        <source>Review-queue waiting time: the mean time from payment to the decision of the orders created in the period that went through review (the decision: CardOps&apos;s first action on the order, or its delivery when it was decided on the platform). Below: the orders waiting now and their mean age.</source>
        <translation>审核等待时长：本时段创建、经过审核的订单从付款到处理决定的平均时长（处理决定指 CardOps 对该订单的第一个操作；若在平台上处理，则为发货时间）。下方显示当前仍在等待的订单数及其平均等待时长。</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting now, on average for %1</source>
        <translation>
            <numerusform>当前 %n 单等待中，平均已等 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>none waiting now</source>
        <translation>当前无等待</translation>
    </message>
    <message>
        <source>vs previous period; %1</source>
        <translation>与上期相比；%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::DayRangePicker</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Business days</source>
        <translation>营业日</translation>
    </message>
</context>
<context>
    <name>cardops::ui::DiagnosticsDialog</name>
    <message>
        <source>Sync diagnostics</source>
        <translation>同步诊断</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cursor</source>
        <translation>游标</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>In the cache</source>
        <translation>缓存中</translation>
    </message>
    <message>
        <source>Cursor moved</source>
        <translation>游标更新时间</translation>
    </message>
    <message>
        <source>The last sync round finished without an error.</source>
        <translation>上一轮同步已完成，没有错误。</translation>
    </message>
    <message>
        <source>No request has been sent since the console started.</source>
        <translation>控制台启动以来尚未发送请求。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Last sync error</source>
        <translation>上次同步错误</translation>
    </message>
    <message>
        <source>Last request and response</source>
        <translation>最近一次请求与响应</translation>
    </message>
    <message>
        <source>Cannot read the feeds: %1</source>
        <translation>无法读取数据流：%1</translation>
    </message>
    <message>
        <source>Categories (%1)</source>
        <translation>分类（%1）</translation>
    </message>
    <message>
        <source>Goods (%1)</source>
        <translation>商品（%1）</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>会员（%1）</translation>
    </message>
    <message>
        <source>Orders (%1)</source>
        <translation>订单（%1）</translation>
    </message>
    <message>
        <source>Ledger (%1)</source>
        <translation>资金流水（%1）</translation>
    </message>
    <message>
        <source>Withdrawals (%1)</source>
        <translation>提现（%1）</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>history loading</source>
        <translation>历史数据加载中</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>(start)</source>
        <translation>（起点）</translation>
    </message>
</context>
<context>
    <name>cardops::ui::DifferenceView</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>无差异。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::DryRunPanel</name>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Orders paid in the last</source>
        <translation>最近</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天的已付订单</translation>
    </message>
    <message>
        <source>Decide those orders with the rules as edited now; nothing is delivered, held or refunded</source>
        <translation>用当前编辑中的规则判定这些订单；不会真的发货、审核或退款</translation>
    </message>
    <message>
        <source>Try the rules on past orders before saving them.</source>
        <translation>保存前先在历史订单上试运行规则。</translation>
    </message>
    <message>
        <source>Orders tried</source>
        <translation>试运行订单</translation>
    </message>
    <message>
        <source>Would deliver</source>
        <translation>将发货</translation>
    </message>
    <message>
        <source>Would hold for review</source>
        <translation>将转人工审核</translation>
    </message>
    <message>
        <source>Would refund</source>
        <translation>将退款</translation>
    </message>
    <message>
        <source>Left to the default</source>
        <translation>按默认处理</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Double-click a sample order to open it</source>
        <translation>双击样例订单可打开订单</translation>
    </message>
    <message>
        <source>Deciding the orders of the last %1 days…</source>
        <translation>正在判定最近 %1 天的订单…</translation>
    </message>
    <message>
        <source>The rules were changed after this dry run: run it again to see their effect.</source>
        <translation>试运行后规则已修改：请再次试运行查看效果。</translation>
    </message>
    <message>
        <source>The dry run could not read the orders: %1</source>
        <translation>试运行无法读取订单：%1</translation>
    </message>
    <message>
        <source>No paid order from %1 to %2.</source>
        <translation>%1 至 %2 没有已付订单。</translation>
    </message>
    <message>
        <source>The newest %1 paid orders from %2 to %3 (at most %1 per run); nothing was executed.</source>
        <translation>%2 至 %3 最新的 %1 笔已付订单（每次最多 %1 笔）；没有执行任何操作。</translation>
    </message>
    <message>
        <source>%1 paid orders from %2 to %3; nothing was executed.</source>
        <translation>%2 至 %3 共 %1 笔已付订单；没有执行任何操作。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Order #%1</source>
        <translation>订单 #%1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Double-click to open the order</source>
        <translation>双击打开订单</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ExportDialog</name>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Period (days in China time, inclusive)</source>
        <translation>日期范围（北京时间，含首尾两天）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>UTF-8 CSV for Excel and WPS: order numbers, accounts and card data stay text, money has fixed decimals, times are China time.</source>
        <translation>供 Excel 和 WPS 使用的 UTF-8 CSV：订单号、账号和卡密保持为文本，金额固定小数位，时间为北京时间。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export orders as CSV</source>
        <translation>导出订单 CSV</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>The orders page&apos;s filter (status tab and conditions) applies; the period below replaces its dates.</source>
        <translation>将使用订单页当前的筛选（状态页签和条件）；下方的日期范围代替其中的日期。</translation>
    </message>
    <message>
        <source>Export commissions as CSV</source>
        <translation>导出佣金 CSV</translation>
    </message>
    <message>
        <source>commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Export as CSV: %1</source>
        <translation>导出 CSV：%1</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>Save the CSV as</source>
        <translation>CSV 保存为</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a file to save the CSV to.</source>
        <translation>请选择 CSV 的保存文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹，请选择文件名。</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinanceMonthPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Close month…</source>
        <translation>月结…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>反结…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>月结时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>月结人</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Original period</source>
        <translation>原期间</translation>
    </message>
    <message>
        <source>Booked in</source>
        <translation>计入期间</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>At close</source>
        <translation>月结时</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Freeze a past month&apos;s daily summary; manual edits of it are refused afterwards</source>
        <translation>冻结已过月份的日汇总；之后拒绝对该期间的手工修改</translation>
    </message>
    <message>
        <source>Administrators only: reopen a closed month (audited)</source>
        <translation>仅管理员：反结已月结的月份（记入审计）</translation>
    </message>
    <message>
        <source>Export adjustments CSV…</source>
        <translation>导出调整 CSV…</translation>
    </message>
    <message>
        <source>A closed month keeps the figures it was closed with; a refund or a late order afterwards is booked into the open period as an adjustment.</source>
        <translation>已月结的月份保留月结时的数据；之后的退款或迟到订单作为调整计入当前开放期间。</translation>
    </message>
    <message>
        <source>Adjustments booked into the open period</source>
        <translation>计入开放期间的调整</translation>
    </message>
    <message>
        <source>%1 is closed.</source>
        <translation>%1 已月结。</translation>
    </message>
    <message>
        <source>%1 is open again.</source>
        <translation>%1 已反结。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已月结</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未月结</translation>
    </message>
    <message>
        <source>Figures from the snapshot taken at the close</source>
        <translation>数据取自月结时的快照</translation>
    </message>
    <message>
        <source>Original period %1</source>
        <translation>原期间 %1</translation>
    </message>
    <message>
        <source>%1 is already closed. An administrator must reopen it before it can be closed again.</source>
        <translation>%1 已月结。需由管理员反结后才能再次月结。</translation>
    </message>
    <message>
        <source>Close %1?

Its daily summary is kept as it stands now: %2 orders, GMV %3, cost %4, refunds %5, gross profit %6, commissions %7, supplier spend %8.

Later changes are booked into the open period as adjustments, and manual edits of %1 are refused until an administrator reopens it.</source>
        <translation>确定月结 %1？

其日汇总将按当前数据保存：%2 笔订单，GMV %3，成本 %4，退款 %5，毛利 %6，佣金 %7，上游采购 %8。

之后的变动作为调整计入开放期间；在管理员反结之前，拒绝对 %1 的手工修改。</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>月结 %1</translation>
    </message>
    <message>
        <source>%1 was not closed.</source>
        <translation>%1 未月结。</translation>
    </message>
    <message>
        <source>Closing %1…</source>
        <translation>正在月结 %1…</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>反结 %1</translation>
    </message>
    <message>
        <source>Reopening %1 allows edits of it again and drops its snapshot (the audit log keeps its totals). Why?</source>
        <translation>反结 %1 后可再次修改该期间，并删除其快照（审计日志保留其合计）。原因？</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinancePage</name>
    <message>
        <source>Daily summary</source>
        <translation>日汇总</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Month close</source>
        <translation>月结</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinancePanel</name>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinanceReconcilePanel</name>
    <message>
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>采购笔数</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>采购金额</translation>
    </message>
    <message>
        <source>Balance movement</source>
        <translation>余额变动</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Platform daily totals</source>
        <translation>平台日汇总</translation>
    </message>
    <message>
        <source>Supplier balances</source>
        <translation>上游余额</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Choose business days and press Reconcile (F5): the cache is compared with the platform&apos;s daily totals, supplier balance movements with the purchases, and the credited commissions with CardOps&apos;s recomputation.</source>
        <translation>选择营业日后点击“对账”（F5）：本地缓存对平台日汇总，上游余额变动对采购，平台实发佣金对 CardOps 重算结果。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Reconciling…</source>
        <translation>正在对账…</translation>
    </message>
    <message numerus="yes">
        <source>Compared %n day(s) of orders, GMV, refunds and commissions with the platform&apos;s daily totals, %1.</source>
        <translation>
            <numerusform>已将 %n 天的订单数、GMV、退款和佣金与平台日汇总比对，%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %n balance movement(s) of %1 supplier(s) with %2 of purchases, %3.</source>
        <translation>
            <numerusform>已将 %1 个上游的 %n 次余额变动与采购 %2 比对，%3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recomputed the commissions of %n order(s): expected %1, credited %2.</source>
        <translation>
            <numerusform>已重算 %n 笔订单的佣金：应发 %1，实发 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) could not be verified (see the members page&apos;s commission check).</source>
        <translation>
            <numerusform>%n 笔订单无法核对（见会员页的佣金核对）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no differences.</source>
        <translation>%1：无差异。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n difference(s).</source>
        <translation>
            <numerusform>%1：%n 处差异。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinanceRunBar</name>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FinanceSummaryPanel</name>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV（成交额）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Supplier spend</source>
        <translation>采购支出</translation>
    </message>
    <message>
        <source>GMV − refunds − cost at order (no payment fee estimate is configured)</source>
        <translation>GMV − 退款 − 下单时成本（未配置支付手续费估算）</translation>
    </message>
    <message>
        <source>The ledger&apos;s commission entries dated that day, net of reversals</source>
        <translation>当天流水中的佣金条目，已扣除冲回</translation>
    </message>
    <message>
        <source>What CardOps bought from suppliers that day (cost)</source>
        <translation>当天 CardOps 向上游采购的金额（成本）</translation>
    </message>
    <message>
        <source>Choose business days and press Show (F5).</source>
        <translation>选择营业日后点击“查询”（F5）。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已月结）</translation>
    </message>
    <message>
        <source>The month is closed: the figures as closed; later changes are adjustments of the open period (Month close tab)</source>
        <translation>该月已月结：显示月结时的数据；之后的变动作为开放期间的调整（见“月结”页）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>No orders, commissions or purchases from %1 to %2.</source>
        <translation>%1 至 %2 没有订单、佣金或采购。</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n order(s).</source>
        <translation>
            <numerusform>%1 至 %2：%n 笔订单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardops::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to CardOps</source>
        <translation>欢迎使用 CardOps</translation>
    </message>
    <message>
        <source>Welcome to CardOps, the back office of your 卡盟 shop</source>
        <translation>欢迎使用 CardOps——您的卡盟店铺运营台</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>体验演示</translation>
    </message>
    <message>
        <source>A simulated shop with about 30,000 orders over 120 days, marked as demo data. Safe for training: it never holds real supplier keys.</source>
        <translation>一个模拟店铺，120 天内约 30,000 笔订单，标有“演示数据”。可放心用于培训：它绝不保存真实的货源密钥。</translation>
    </message>
    <message>
        <source>Connect my shop</source>
        <translation>连接我的店铺</translation>
    </message>
    <message>
        <source>Your platform&apos;s address, app id and secret; tested before it is saved.</source>
        <translation>填写平台地址、应用 ID 和密钥；保存前先测试连接。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::FulfilmentPage</name>
    <message>
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>Orders the platform hands to CardOps pass the rules below and are delivered exactly once by whoever holds the fulfilment lease — this console or an unattended cardops-cli serve.</source>
        <translation>平台移交给 CardOps 的订单先经过下列规则，再由持有履约租约的一方——本终端或无人值守的 cardops-cli serve——恰好发货一次。</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>履约进程</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Waiting for the platform.</source>
        <translation>正在等待平台。</translation>
    </message>
    <message>
        <source>Orders are delivered, refunded or rejected through the platform: the queue opens once this console is connected to one.</source>
        <translation>订单的发货、退款和驳回都经由平台完成：本终端连接平台后即可打开审核队列。</translation>
    </message>
    <message>
        <source>Fulfil in this console</source>
        <translation>在本终端履约</translation>
    </message>
    <message>
        <source>%1 holds the fulfilment lease now. This console will take it only when %1 gives it back or stops renewing it. Start anyway?</source>
        <translation>%1 目前持有履约租约。只有当 %1 交还租约或停止续约后，本终端才能取得它。仍要开始吗？</translation>
    </message>
    <message>
        <source>Only the lease holder decides and delivers handed-over orders. Every step is recorded before it is taken and repeated with the same key after a crash, so an order is never delivered or bought twice, whichever console fulfils. For 24/7 fulfilment run cardops-cli serve on an always-on machine (README: 无人值守履约).</source>
        <translation>只有租约持有者才能决定并发货移交的订单。每一步在执行前先记录，崩溃后用同一个幂等键重做，因此无论哪个终端履约，订单都不会重复发货或重复采购。如需全天候履约，请在常开的机器上运行 cardops-cli serve（见 README：无人值守履约）。</translation>
    </message>
    <message>
        <source>Lease holder:</source>
        <translation>租约持有者：</translation>
    </message>
    <message>
        <source>This console:</source>
        <translation>本终端：</translation>
    </message>
    <message>
        <source>Since started:</source>
        <translation>自启动以来：</translation>
    </message>
    <message>
        <source>Unknown: this cache was opened without a platform.</source>
        <translation>未知：此缓存未连接平台。</translation>
    </message>
    <message>
        <source>Cannot fulfil.</source>
        <translation>无法履约。</translation>
    </message>
    <message>
        <source>Start fulfilling</source>
        <translation>开始履约</translation>
    </message>
    <message>
        <source>Nobody: handed-over orders wait on the platform.</source>
        <translation>无人持有：移交的订单在平台上等待。</translation>
    </message>
    <message>
        <source>This console (%1), until %2</source>
        <translation>本终端（%1），有效至 %2</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1，有效至 %2</translation>
    </message>
    <message>
        <source>Not connected to a platform yet.</source>
        <translation>尚未连接平台。</translation>
    </message>
    <message>
        <source>Fulfilling as %1.</source>
        <translation>正以 %1 的身份履约。</translation>
    </message>
    <message>
        <source>Fulfilling as %1. No supplier is docked: orders without platform stock go to review.</source>
        <translation>正以 %1 的身份履约。未对接货源：平台无库存的订单将转人工审核。</translation>
    </message>
    <message>
        <source>Not fulfilling (holder id %1).</source>
        <translation>未在履约（持有者 ID %1）。</translation>
    </message>
    <message>
        <source>No pass yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <source>%1 delivered from stock · %2 bought and delivered · %3 held for review · %4 refunded · %5 waiting · last pass %6</source>
        <translation>库存发货 %1 · 采购后发货 %2 · 转人工审核 %3 · 退款 %4 · 等待中 %5 · 上一轮 %6</translation>
    </message>
    <message>
        <source>Stop fulfilling</source>
        <translation>停止履约</translation>
    </message>
    <message>
        <source>What the worker did last</source>
        <translation>最近的履约记录</translation>
    </message>
    <message>
        <source>Nothing yet: handed-over orders appear here as the worker decides them.</source>
        <translation>暂无记录：履约进程处理移交的订单后会显示在这里。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::GoodsActions</name>
    <message>
        <source>The change is kept here first and sent to the platform with the next sync; until then it can be undone (Ctrl+Z).</source>
        <translation>修改先保存在本地，下次同步时提交到平台；提交前可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Bulk changes</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <source>Change the selected goods, or every goods of the filter when none is selected</source>
        <translation>修改选中的商品；未选中时修改当前筛选的全部商品</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Take off sale</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Move to category…</source>
        <translation>移动到分类…</translation>
    </message>
    <message>
        <source>Set low-stock threshold…</source>
        <translation>设置预警阈值…</translation>
    </message>
    <message>
        <source>Apply listing template…</source>
        <translation>套用商品模板…</translation>
    </message>
    <message>
        <source>Platform delivers</source>
        <translation>平台发货</translation>
    </message>
    <message>
        <source>CardOps delivers</source>
        <translation>CardOps 发货</translation>
    </message>
    <message>
        <source>Restock…</source>
        <translation>补货…</translation>
    </message>
    <message>
        <source>The restock suggestion of the current goods, and 一键补货</source>
        <translation>当前商品的补货建议与一键补货</translation>
    </message>
    <message>
        <source>Choose a goods first.</source>
        <translation>请先选择一件商品。</translation>
    </message>
    <message>
        <source>Import cards…</source>
        <translation>导入卡密…</translation>
    </message>
    <message>
        <source>Import card secrets of the current goods into the platform&apos;s stock, with a preview</source>
        <translation>将卡密导入当前商品的平台库存（先预览）</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>管理模板…</translation>
    </message>
    <message>
        <source>Listing templates: title formula, spec template and description frame</source>
        <translation>商品模板：标题公式、规格模板与详情框架</translation>
    </message>
    <message>
        <source>Reprice…</source>
        <translation>批量改价…</translation>
    </message>
    <message>
        <source>Reprice the selected goods (or every goods of the filter) by a rule, with a before/after preview</source>
        <translation>按规则为选中的商品（或当前筛选的全部商品）改价，先预览改前改后</translation>
    </message>
    <message>
        <source>Pricing rules…</source>
        <translation>定价规则…</translation>
    </message>
    <message>
        <source>Markup rules, each goods&apos; follow-upstream policy and the supplier price alerts</source>
        <translation>加价规则、各商品的跟随上游策略与上游变价提醒</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last bulk change (Ctrl+Z): edits not yet sent are dropped</source>
        <translation>撤销上一次批量修改（Ctrl+Z）：尚未提交的修改将被丢弃</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Undo bulk change</source>
        <translation>撤销批量修改</translation>
    </message>
    <message>
        <source>The bulk change was not saved: %1</source>
        <translation>批量修改未保存：%1</translation>
    </message>
    <message>
        <source>%1 goods changed, waiting for the next sync.</source>
        <translation>已修改 %1 件商品，等待下次同步。</translation>
    </message>
    <message>
        <source>%1 already had this value.</source>
        <translation>%1 件原本就是该值。</translation>
    </message>
    <message>
        <source>Undone for %1 goods.</source>
        <translation>已撤销 %1 件商品的修改。</translation>
    </message>
    <message>
        <source>Cannot undo: %1</source>
        <translation>无法撤销：%1</translation>
    </message>
    <message>
        <source>%1 were already synced and stay changed.</source>
        <translation>%1 件已同步，保持修改。</translation>
    </message>
    <message>
        <source>Earlier: %1</source>
        <translation>更早：%1</translation>
    </message>
    <message>
        <source>No operator signed in, or the cache is read-only</source>
        <translation>未登录操作员，或缓存只读</translation>
    </message>
    <message>
        <source>No goods to change: the filter matches none.</source>
        <translation>没有可修改的商品：当前筛选没有结果。</translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <source>Put %1 goods on sale</source>
        <translation>上架 %1 件商品</translation>
    </message>
    <message>
        <source>Take %1 goods off sale</source>
        <translation>下架 %1 件商品</translation>
    </message>
    <message>
        <source>Let CardOps deliver %1 goods</source>
        <translation>将 %1 件商品改为 CardOps 发货</translation>
    </message>
    <message>
        <source>Let the platform deliver %1 goods</source>
        <translation>将 %1 件商品改为平台发货</translation>
    </message>
    <message>
        <source>Set the low-stock threshold of %1 goods to %2</source>
        <translation>将 %1 件商品的预警阈值设为 %2</translation>
    </message>
    <message>
        <source>Move %1 goods to %2</source>
        <translation>将 %1 件商品移动到 %2</translation>
    </message>
    <message>
        <source>No goods to reprice: the filter matches none.</source>
        <translation>没有可改价的商品：当前筛选没有结果。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Cards…</source>
        <translation>卡密…</translation>
    </message>
    <message>
        <source>Let %1 goods follow the template %2</source>
        <translation>让 %1 件商品使用模板 %2</translation>
    </message>
    <message>
        <source>Let %1 goods follow no template</source>
        <translation>让 %1 件商品不使用模板</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>（不使用模板）</translation>
    </message>
    <message>
        <source>Apply listing template</source>
        <translation>套用商品模板</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Low-stock threshold</source>
        <translation>库存预警阈值</translation>
    </message>
    <message>
        <source>Alert when the stock falls below (0 switches the alert off):</source>
        <translation>库存低于此数时预警（0 表示关闭预警）：</translation>
    </message>
    <message>
        <source>No categories yet: they come with the next sync.</source>
        <translation>还没有分类：下次同步后出现。</translation>
    </message>
    <message>
        <source>Move to category</source>
        <translation>移动到分类</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
</context>
<context>
    <name>cardops::ui::GoodsEditorDialog</name>
    <message>
        <source>Goods #%1</source>
        <translation>商品 #%1</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>商品详情</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S): sent to the platform; shown as pending until it accepts</source>
        <translation>保存（Ctrl+S）：提交到平台；平台接受前显示为本地待同步</translation>
    </message>
    <message>
        <source>Read only: editing needs a signed-in operator and a writable cache.</source>
        <translation>只读：编辑需要登录的操作员和可写的本地缓存。</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) of this goods were refused or are in conflict: see the sync status.</source>
        <translation>
            <numerusform>该商品有 %n 项修改被平台拒绝或冲突：请查看同步状态。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) waiting for the platform (pending sync).</source>
        <translation>
            <numerusform>%n 项修改等待平台接受（本地待同步）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The goods cannot be shown: %1</source>
        <translation>无法显示该商品：%1</translation>
    </message>
    <message>
        <source>The platform does not let the SKU change</source>
        <translation>平台不允许修改 SKU</translation>
    </message>
    <message>
        <source>Order within the category: smaller first</source>
        <translation>分类内的排序：数字小的在前</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Platform delivers</source>
        <translation>平台发货</translation>
    </message>
    <message>
        <source>CardOps delivers</source>
        <translation>CardOps 发货</translation>
    </message>
    <message>
        <source>CardOps delivers: the platform hands every paid order of this goods to CardOps&apos;s rules and suppliers</source>
        <translation>CardOps 发货：平台把该商品的每笔已付款订单交给 CardOps 的规则和货源处理</translation>
    </message>
    <message>
        <source>Below this stock a low-stock alert is raised; 0 = no alert</source>
        <translation>库存低于此数时发出低库存预警；0 = 不预警</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Kind · face value</source>
        <translation>类型 · 面值</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>发货方</translation>
    </message>
    <message>
        <source>Low-stock threshold</source>
        <translation>库存预警阈值</translation>
    </message>
    <message>
        <source>The name and SKU are the platform&apos;s; change them there.</source>
        <translation>名称和 SKU 以平台为准，请在平台修改。</translation>
    </message>
    <message>
        <source>e.g. 98.50</source>
        <translation>例如 98.50</translation>
    </message>
    <message>
        <source>Below cost: saving asks you to confirm selling at a loss.</source>
        <translation>低于成本：保存时需要确认亏本销售。</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>售价（元）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Tier prices (empty: the tier&apos;s discount applies)</source>
        <translation>等级价（留空：按等级折扣）</translation>
    </message>
    <message>
        <source>Contract prices</source>
        <translation>合同价</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>会员 ID</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>(not in the cache)</source>
        <translation>（本地缓存中没有）</translation>
    </message>
    <message>
        <source>Goods · %1</source>
        <translation>商品编辑 · %1</translation>
    </message>
    <message>
        <source>Direct recharge</source>
        <translation>直充</translation>
    </message>
    <message>
        <source>Card secret</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>Category #%1</source>
        <translation>分类 #%1</translation>
    </message>
    <message>
        <source>stock now: %1</source>
        <translation>当前库存：%1</translation>
    </message>
    <message>
        <source>Tier #%1</source>
        <translation>等级 #%1</translation>
    </message>
    <message>
        <source>No tiers in the cache yet: they arrive with the next sync.</source>
        <translation>本地缓存中还没有等级：下次同步后出现。</translation>
    </message>
    <message>
        <source>the price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>a tier price</source>
        <translation>等级价</translation>
    </message>
    <message>
        <source>contract price row %1</source>
        <translation>合同价第 %1 行</translation>
    </message>
    <message>
        <source>Not a valid value: %1</source>
        <translation>输入无效：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Enter yuan with at most 4 decimals, e.g. 98.50</source>
        <translation>请输入金额（元），最多 4 位小数，例如 98.50</translation>
    </message>
    <message>
        <source>A member id</source>
        <translation>会员 ID</translation>
    </message>
    <message>
        <source>Yuan with at most 4 decimals</source>
        <translation>金额（元），最多 4 位小数</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (supplier %2&apos;s price)</source>
        <translation>%1（货源 %2 的进价）</translation>
    </message>
    <message>
        <source>%1 (the platform&apos;s cost)</source>
        <translation>%1（平台成本）</translation>
    </message>
    <message>
        <source>by discount: %1</source>
        <translation>按折扣：%1</translation>
    </message>
    <message>
        <source>margin %1</source>
        <translation>毛利 %1</translation>
    </message>
    <message>
        <source>margin %1 (by discount)</source>
        <translation>毛利 %1（按折扣）</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <source>The listing does not follow its template</source>
        <translation>商品详情不符合模板</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍然保存？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Selling below cost</source>
        <translation>低于成本销售</translation>
    </message>
    <message>
        <source>Every sale at this price loses money. Save it anyway?</source>
        <translation>按此价格每卖出一件都会亏损。仍然保存？</translation>
    </message>
    <message>
        <source>Save below cost</source>
        <translation>以低于成本的价格保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Saved: waiting for the platform to accept it (pending sync).</source>
        <translation>已保存：等待平台接受（本地待同步）。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 changed on the platform meanwhile. Close and open the goods again to see the new values (your changes are lost then).</source>
        <translation>未保存：%1 已在平台上被修改。关闭后重新打开商品可查看最新值（届时你的修改会丢失）。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved. Discard them?</source>
        <translation>对「%1」的修改尚未保存。放弃这些修改？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>cardops::ui::GoodsPage</name>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>The platform&apos;s catalogue with tier prices, supply cost, margin, stock and recent sales. Margins below zero are red; low stock is highlighted.</source>
        <translation>平台商品目录：等级价、进价、毛利、库存和近期销量。负毛利标红，低库存高亮。</translation>
    </message>
    <message>
        <source>Name, SKU or supplier product id</source>
        <translation>名称、SKU 或货源商品编号</translation>
    </message>
    <message>
        <source>Search (Ctrl+F): part of the name, the start of the SKU, or part of a linked supplier&apos;s product id</source>
        <translation>搜索 (Ctrl+F)：名称的一部分、SKU 前缀或对接货源商品编号的一部分</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部归属</translation>
    </message>
    <message>
        <source>Platform delivers</source>
        <translation>平台发货</translation>
    </message>
    <message>
        <source>CardOps delivers</source>
        <translation>CardOps 发货</translation>
    </message>
    <message>
        <source>Owner: who delivers the goods</source>
        <translation>归属：由谁发货</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Off sale</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Status on the platform</source>
        <translation>平台上的状态</translation>
    </message>
    <message>
        <source>All stock</source>
        <translation>全部库存</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Stock: low means below the goods&apos; low-stock threshold</source>
        <translation>库存：低库存指低于该商品的库存预警阈值</translation>
    </message>
    <message>
        <source>Any supplier</source>
        <translation>全部货源</translation>
    </message>
    <message>
        <source>Linked to a supplier</source>
        <translation>已对接货源</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未对接货源</translation>
    </message>
    <message>
        <source>Supplier link</source>
        <translation>货源对接</translation>
    </message>
    <message>
        <source>Cannot change the category: %1</source>
        <translation>无法修改分类：%1</translation>
    </message>
    <message>
        <source>Cannot read the goods: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Sent to the platform; shown as pending until it accepts</source>
        <translation>提交到平台；平台接受前显示为本地待同步</translation>
    </message>
    <message>
        <source>No operator signed in</source>
        <translation>未登录操作员</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>%1 的新名称：</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>统计中…</translation>
    </message>
    <message>
        <source>No goods yet: the catalogue fills after the next sync.</source>
        <translation>暂无商品：下次同步后显示商品目录。</translation>
    </message>
    <message>
        <source>No goods match the filters.</source>
        <translation>没有符合筛选条件的商品。</translation>
    </message>
    <message numerus="yes">
        <source>%n goods</source>
        <translation>
            <numerusform>%n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1 rows; %2 rows not loaded yet were left out.</source>
        <translation>已复制 %1 行；%2 行尚未加载，未包含在内。</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新建分类</translation>
    </message>
    <message>
        <source>Name of the new category under %1:</source>
        <translation>在 %1 下新建分类，名称：</translation>
    </message>
    <message>
        <source>Name of the new top-level category:</source>
        <translation>新建顶级分类，名称：</translation>
    </message>
    <message>
        <source>Creating the category on the platform…</source>
        <translation>正在平台上创建分类……</translation>
    </message>
    <message>
        <source>Category %1 created.</source>
        <translation>已创建分类 %1。</translation>
    </message>
    <message>
        <source>Cannot create the category: %1</source>
        <translation>无法创建分类：%1</translation>
    </message>
    <message>
        <source>New subcategory…</source>
        <translation>新建子分类…</translation>
    </message>
    <message>
        <source>New category…</source>
        <translation>新建分类…</translation>
    </message>
</context>
<context>
    <name>cardops::ui::HeatMapWidget</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>%1 %2:00–%2:59: %3 orders</source>
        <translation>%1 %2:00–%2:59：%3 单</translation>
    </message>
</context>
<context>
    <name>cardops::ui::KpiCard</name>
    <message>
        <source>no orders in the previous period</source>
        <translation>上期无订单</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>vs previous period</source>
        <translation>较上期</translation>
    </message>
    <message>
        <source>%1×10k</source>
        <translation>%1万</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ListPage</name>
    <message>
        <source>Cannot read the list: %1</source>
        <translation>无法读取列表：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Nothing here yet: the list fills after the next sync.</source>
        <translation>暂无数据：下次同步后列表即会填充。</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Copied %1 rows; %2 rows not loaded yet were left out.</source>
        <translation>已复制 %1 行；%2 行尚未载入，未复制。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ListingEditWidget</name>
    <message>
        <source>The listing template this goods follows</source>
        <translation>该商品使用的商品模板</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>管理模板…</translation>
    </message>
    <message>
        <source>Edit the listing templates</source>
        <translation>编辑商品模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Preview: what the template suggests</source>
        <translation>预览：按模板生成</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>套用模板</translation>
    </message>
    <message>
        <source>Fill the title, spec and description from the template</source>
        <translation>按模板填写标题、规格和描述</translation>
    </message>
    <message>
        <source>No template (not checked)</source>
        <translation>不使用模板（不检查）</translation>
    </message>
    <message>
        <source>%1 (suggested for this kind)</source>
        <translation>%1（按类型建议）</translation>
    </message>
    <message>
        <source>Spec (%1)</source>
        <translation>规格（%1）</translation>
    </message>
    <message>
        <source>No template: the listing is not checked.</source>
        <translation>未使用模板：不检查商品详情。</translation>
    </message>
    <message>
        <source>✓ Follows the template “%1”.</source>
        <translation>✓ 符合模板「%1」。</translation>
    </message>
    <message>
        <source>Does not follow the template “%1”.</source>
        <translation>不符合模板「%1」。</translation>
    </message>
    <message>
        <source>Choose a template to see its suggestion.</source>
        <translation>选择模板后显示按模板生成的内容。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Apply the template</source>
        <translation>套用模板</translation>
    </message>
    <message>
        <source>Replace the title, spec and description with the template&apos;s suggestion?</source>
        <translation>用模板生成的内容替换当前的标题、规格和描述？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>cardops::ui::MainWindow</name>
    <message>
        <source>CardOps · Demo data</source>
        <translation>CardOps 卡盟运营台 · 演示数据</translation>
    </message>
    <message>
        <source>CardOps · %1</source>
        <translation>CardOps 卡盟运营台 · %1</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Syncing %1: %2 received (%3/s)</source>
        <translation>正在同步 %1：已接收 %2 条（%3 条/秒）</translation>
    </message>
    <message>
        <source>Work bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Members and tiers</source>
        <translation>会员与等级</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>货源</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Who changed what and when; the log cannot be edited or deleted.</source>
        <translation>谁在何时修改了什么；日志不可编辑或删除。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Search in this page</source>
        <translation>在本页搜索</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Diagnostics…</source>
        <translation>同步诊断…</translation>
    </message>
    <message>
        <source>Profile: demo (simulator)</source>
        <translation>配置：演示（模拟器）</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>Connection: not checked yet</source>
        <translation>连接：尚未检查</translation>
    </message>
    <message>
        <source>Connection: last sync failed</source>
        <translation>连接：上次同步失败</translation>
    </message>
    <message>
        <source>Connection: online</source>
        <translation>连接：在线</translation>
    </message>
    <message>
        <source>Connection: offline, showing the cache</source>
        <translation>连接：离线，显示缓存数据</translation>
    </message>
    <message>
        <source>Connection: sync failed</source>
        <translation>连接：同步失败</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <source>Fulfilment lease: %1</source>
        <translation>发货租约：%1</translation>
    </message>
    <message>
        <source>Fulfilment lease: nobody</source>
        <translation>发货租约：无人持有</translation>
    </message>
    <message>
        <source>Pending edits: %1 (%2 conflicts)</source>
        <translation>待同步修改：%1（冲突 %2）</translation>
    </message>
    <message>
        <source>Pending edits: %1</source>
        <translation>待同步修改：%1</translation>
    </message>
    <message>
        <source>The cache is damaged: %1</source>
        <translation>缓存已损坏：%1</translation>
    </message>
    <message>
        <source>The local cache is damaged</source>
        <translation>本地缓存已损坏</translation>
    </message>
    <message>
        <source>%1

CardOps shows what it can read and will not write to this file. Restore a backup, or remove the profile in Settings and connect again: the platform keeps all of the shop&apos;s data.</source>
        <translation>%1

CardOps 会显示仍可读取的数据，但不会再写入该文件。请恢复备份，或在“设置”中删除该配置后重新连接：店铺的全部数据都保存在平台上。</translation>
    </message>
    <message>
        <source>Until %1, as the platform said at the last sync</source>
        <translation>有效至 %1（上次同步时平台的答复）</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>履约</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>Export orders as CSV…</source>
        <translation>导出订单 CSV…</translation>
    </message>
    <message>
        <source>Export commissions as CSV…</source>
        <translation>导出佣金 CSV…</translation>
    </message>
    <message>
        <source>Weekly operations report…</source>
        <translation>运营周报…</translation>
    </message>
</context>
<context>
    <name>cardops::ui::MemberDetailDialog</name>
    <message>
        <source>Member #%1</source>
        <translation>会员 #%1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Balance (¥)</source>
        <translation>余额（¥）</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Edit and press Enter: sent to the platform, pending until it accepts</source>
        <translation>编辑后按 Enter：提交到平台，平台接受前显示为待同步</translation>
    </message>
    <message>
        <source>Save tags</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags saved: pending until the platform accepts them.</source>
        <translation>标签已保存：平台接受前为待同步。</translation>
    </message>
    <message>
        <source>Cannot save the tags: %1</source>
        <translation>无法保存标签：%1</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Spend (¥)</source>
        <translation>消费（¥）</translation>
    </message>
    <message>
        <source>Refunds (¥)</source>
        <translation>退款（¥）</translation>
    </message>
    <message>
        <source>Average order (¥)</source>
        <translation>客单价（¥）</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Segments, the first matching rule wins (docs/members.md):
新客 New: registered fewer than 30 days ago and at most 2 orders
沉睡 Dormant: no order in the window, or the last one 180 days ago or more
高价值 High value: R ≥ 4, F ≥ 4 and M ≥ 4
流失预警 Churn risk: R ≤ 2 and (F ≥ 4 or M ≥ 4)
潜力 Potential: R ≥ 4 and (F ≥ 3 or M ≥ 3)
其他 Other: everything else
Scores 1–5 rank the paid, not fully refunded orders of the last 365 days.</source>
        <translation>分群规则，按顺序取第一条符合的（见 docs/members.md）：
新客：注册不满 30 天且订单不超过 2 笔
沉睡：窗口内没有订单，或最近一笔在 180 天或更早以前
高价值：R ≥ 4、F ≥ 4 且 M ≥ 4
流失预警：R ≤ 2 且（F ≥ 4 或 M ≥ 4）
潜力：R ≥ 4 且（F ≥ 3 或 M ≥ 3）
其他：其余会员
1–5 分按近 365 天已付款且未全额退款的订单排名。</translation>
    </message>
    <message>
        <source>Orders in a paid status, refunded ones included; spend = paid − refunded.</source>
        <translation>已付款状态的订单（含已退款）；消费 = 实付 − 退款。</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Paid (¥)</source>
        <translation>实付（¥）</translation>
    </message>
    <message>
        <source>Refunded (¥)</source>
        <translation>已退款（¥）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Double click an order to open it</source>
        <translation>双击订单即可打开</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Balance after (¥)</source>
        <translation>变动后余额（¥）</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>较新</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>较早</translation>
    </message>
    <message>
        <source>Balance ledger</source>
        <translation>余额流水</translation>
    </message>
    <message>
        <source>Goods ID</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>List price (¥)</source>
        <translation>标价（¥）</translation>
    </message>
    <message>
        <source>Contract price (¥)</source>
        <translation>合同价（¥）</translation>
    </message>
    <message>
        <source>The downline tree appears here.</source>
        <translation>下级树显示在这里。</translation>
    </message>
    <message>
        <source>Downline</source>
        <translation>下级</translation>
    </message>
    <message>
        <source>Batch order…</source>
        <translation>批量下单…</translation>
    </message>
    <message>
        <source>Contract prices…</source>
        <translation>合同价…</translation>
    </message>
    <message>
        <source>Cannot read the member: %1</source>
        <translation>无法读取会员：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Member %1 (#%2)</source>
        <translation>会员 %1（#%2）</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>No operator allowed to edit members is signed in</source>
        <translation>当前登录的操作员无权编辑会员</translation>
    </message>
    <message>
        <source>Contract prices</source>
        <translation>合同价</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>No ledger entries in the cache.</source>
        <translation>缓存中没有余额流水。</translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3, newest first</source>
        <translation>第 %1–%2 条，共 %3 条，最新在前</translation>
    </message>
    <message>
        <source>Saving the tags…</source>
        <translation>正在保存标签…</translation>
    </message>
</context>
<context>
    <name>cardops::ui::MembersListPanel</name>
    <message>
        <source>Name, contact or member id</source>
        <translation>名称、联系方式或会员 ID</translation>
    </message>
    <message>
        <source>Search (Ctrl+F): part of the name or contact, or the exact member id</source>
        <translation>搜索（Ctrl+F）：名称或联系方式的一部分，或完整的会员 ID</translation>
    </message>
    <message>
        <source>Kind of member</source>
        <translation>会员类型</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>RFM segment (docs/members.md): computed after each sync</source>
        <translation>RFM 分群（见 docs/members.md）：每次同步后计算</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>Members carrying this tag</source>
        <translation>带有该标签的会员</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Cannot read the members: %1</source>
        <translation>无法读取会员：%1</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>等级 %1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n 位会员</numerusform>
        </translation>
    </message>
    <message>
        <source>No members match these filters. Clear the search or choose another kind, tier, segment or tag.</source>
        <translation>没有符合筛选条件的会员。请清空搜索，或换一个类型、等级、分群或标签。</translation>
    </message>
    <message>
        <source>No members in the cache yet: they arrive with the next sync.</source>
        <translation>缓存中还没有会员：下次同步后即会出现。</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开会员</translation>
    </message>
    <message>
        <source>Open the newest order</source>
        <translation>打开最新订单</translation>
    </message>
    <message>
        <source>This member has no orders in the cache.</source>
        <translation>缓存中没有该会员的订单。</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>复制选中的行</translation>
    </message>
    <message>
        <source>Copied %1 rows; %2 rows not loaded yet were left out.</source>
        <translation>已复制 %1 行；%2 行尚未加载，未包含在内。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::MembersPage</name>
    <message>
        <source>Members and tiers</source>
        <translation>会员与等级</translation>
    </message>
    <message>
        <source>Consumers, agents and enterprise buyers; the agent tree, segments, the tier ladder, the commission check and agents&apos; withdrawals.</source>
        <translation>消费者、代理和企业采购；代理树、会员分群、等级阶梯、佣金核对和代理提现。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Agent tree</source>
        <translation>代理树</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Tier ladder</source>
        <translation>等级阶梯</translation>
    </message>
    <message>
        <source>Commission check</source>
        <translation>佣金核对</translation>
    </message>
    <message>
        <source>Withdrawals</source>
        <translation>提现审核</translation>
    </message>
    <message>
        <source>Enterprise batch order…</source>
        <translation>企业批量下单…</translation>
    </message>
    <message>
        <source>Orders for an enterprise buyer from a pasted list or a CSV of charge accounts and quantities, checked line by line before anything is created.</source>
        <translation>为企业采购批量下单：粘贴或导入充值账号和数量的 CSV，逐行校验后才创建订单。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::OfflineOrderDialog</name>
    <message>
        <source>Record an offline-paid order</source>
        <translation>补单：录入线下付款的订单</translation>
    </message>
    <message>
        <source>For an order the buyer paid outside the shop. The platform records it as paid and delivers it as usual.</source>
        <translation>用于买家在店外付款的订单。平台将其记为已付款，并照常发货。</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>会员 ID</translation>
    </message>
    <message>
        <source>Goods id</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Only for direct recharges</source>
        <translation>仅直充商品需要</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Recharge account</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Enter the member and the goods.</source>
        <translation>请填写会员和商品。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::OrderDetailDialog</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Order details</source>
        <translation>订单详情</translation>
    </message>
    <message>
        <source>Reading order %1 from the cache…</source>
        <translation>正在从本地缓存读取订单 %1…</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单信息</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Refunded amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Charge account</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Placed at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Review reason</source>
        <translation>审核原因</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Copy timeline</source>
        <translation>复制时间线</translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected rows, or the whole timeline.</source>
        <translation>Ctrl+C 复制选中的行；未选中时复制整条时间线。</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Show card secret</source>
        <translation>显示卡密</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Order %1 is not in the cache. It may not have been synced yet, or the id is wrong.</source>
        <translation>本地缓存中没有订单 %1。可能尚未同步，或订单 ID 有误。</translation>
    </message>
    <message>
        <source>Cannot read order %1: %2</source>
        <translation>无法读取订单 %1：%2</translation>
    </message>
    <message>
        <source>Order details — %1</source>
        <translation>订单详情 — %1</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>金额 %1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>实付 %1</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <source>Order id %1</source>
        <translation>订单 ID %1</translation>
    </message>
    <message>
        <source>direct recharge</source>
        <translation>直充</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Goods #%1 (not in the cache)</source>
        <translation>商品 #%1（不在本地缓存中）</translation>
    </message>
    <message>
        <source>delivered by CardOps</source>
        <translation>CardOps 发货</translation>
    </message>
    <message>
        <source>delivered by the platform</source>
        <translation>平台发货</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1（#%2）</translation>
    </message>
    <message>
        <source>Member #%1 (not in the cache)</source>
        <translation>会员 #%1（不在本地缓存中）</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1（%2 × %3）</translation>
    </message>
    <message>
        <source>%1, not counted: not delivered</source>
        <translation>%1，未发货，不计入</translation>
    </message>
    <message>
        <source>%1 (the member&apos;s)</source>
        <translation>%1（会员资料）</translation>
    </message>
    <message>
        <source>The platform does not report when this happened; it is shown after the step before it.</source>
        <translation>平台未提供这一步的时间，按顺序排在上一步之后。</translation>
    </message>
    <message>
        <source>Direct recharge orders have no cards.</source>
        <translation>直充订单没有卡密。</translation>
    </message>
    <message>
        <source>No cards have been delivered for this order yet.</source>
        <translation>这笔订单还没有发出卡密。</translation>
    </message>
    <message>
        <source>Asking the platform for the cards…</source>
        <translation>正在向平台获取卡密…</translation>
    </message>
    <message>
        <source>The platform did not send the cards.</source>
        <translation>平台没有返回卡密。</translation>
    </message>
    <message>
        <source>Cannot load the cards: %1</source>
        <translation>无法获取卡密：%1</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>The platform lists no cards for this order.</source>
        <translation>平台上这笔订单没有卡密。</translation>
    </message>
    <message>
        <source>Cards are shown masked. Your role may not view card secrets.</source>
        <translation>卡密已打码显示。你的角色无权查看卡密。</translation>
    </message>
    <message>
        <source>Cards are shown masked. Select one to view its secret.</source>
        <translation>卡密已打码显示。选中一张可查看卡密。</translation>
    </message>
    <message>
        <source>Viewing a card secret is recorded in the operation log.</source>
        <translation>查看卡密会记入操作日志。</translation>
    </message>
    <message>
        <source>Your role may not view card secrets.</source>
        <translation>你的角色无权查看卡密。</translation>
    </message>
    <message>
        <source>Show the secret of card %1?</source>
        <translation>显示卡密 %1 的明文？</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Asking the platform for the secret…</source>
        <translation>正在向平台获取卡密明文…</translation>
    </message>
    <message>
        <source>The platform refused to show the secret.</source>
        <translation>平台拒绝显示卡密。</translation>
    </message>
    <message>
        <source>Cannot show the secret: %1</source>
        <translation>无法显示卡密：%1</translation>
    </message>
    <message>
        <source>The secret is hidden again when this window closes.</source>
        <translation>关闭此窗口后卡密会再次隐藏。</translation>
    </message>
    <message>
        <source>Secret of card %1</source>
        <translation>卡密 %1 的明文</translation>
    </message>
    <message>
        <source>Guest (bought without an account)</source>
        <translation>游客（未登录购买）</translation>
    </message>
</context>
<context>
    <name>cardops::ui::OrderFilterBar</name>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>指定日期…</translation>
    </message>
    <message>
        <source>First day (Asia/Shanghai business day)</source>
        <translation>起始日（北京时间营业日）</translation>
    </message>
    <message>
        <source>Last day, included</source>
        <translation>截止日（含当天）</translation>
    </message>
    <message>
        <source>Order no. starts with</source>
        <translation>订单号前缀</translation>
    </message>
    <message>
        <source>The start of the order number (digits)</source>
        <translation>订单号的开头几位（数字）</translation>
    </message>
    <message>
        <source>Charge account starts with</source>
        <translation>充值账号前缀</translation>
    </message>
    <message>
        <source>The start of the charge account (QQ, phone…)</source>
        <translation>充值账号的开头（QQ 号、手机号…）</translation>
    </message>
    <message>
        <source>Amount from</source>
        <translation>最低金额</translation>
    </message>
    <message>
        <source>Lowest amount in yuan, included</source>
        <translation>最低金额（元，含）</translation>
    </message>
    <message>
        <source>Amount to</source>
        <translation>最高金额</translation>
    </message>
    <message>
        <source>Highest amount in yuan, included</source>
        <translation>最高金额（元，含）</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>保存筛选…</translation>
    </message>
    <message>
        <source>Apply a saved filter</source>
        <translation>应用已保存的筛选</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the saved filter shown on the left</source>
        <translation>删除左侧选中的已保存筛选</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 98.5 (at most 4 decimals).</source>
        <translation>请输入以元为单位的金额，如 98.5（最多 4 位小数）。</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>筛选名称：</translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>暂无已保存的筛选</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>已保存的筛选</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Only this member&apos;s orders: type a name, contact or ID</source>
        <translation>只看该会员的订单：输入姓名、联系方式或 ID</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Only orders of this goods: type a name, SKU or ID</source>
        <translation>只看该商品的订单：输入名称、SKU 或 ID</translation>
    </message>
    <message>
        <source>Choose from the suggestions, or enter an ID.</source>
        <translation>请从提示中选择，或输入 ID。</translation>
    </message>
    <message>
        <source>Remove these conditions</source>
        <translation>移除这些条件</translation>
    </message>
    <message>
        <source>Keep the other filters, drop the conditions the dashboard added</source>
        <translation>保留其他筛选，只去掉从看板带来的条件</translation>
    </message>
    <message>
        <source>From the dashboard:</source>
        <translation>看板条件：</translation>
    </message>
    <message>
        <source>category #%1</source>
        <translation>分类 #%1</translation>
    </message>
    <message>
        <source>consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>enterprise buyers</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <source>buyers not in the cache</source>
        <translation>未缓存的买家</translation>
    </message>
    <message>
        <source>members below agent #%1</source>
        <translation>代理 #%1 的下级</translation>
    </message>
    <message>
        <source>%1:00–%2:00</source>
        <translation>%1:00–%2:00</translation>
    </message>
</context>
<context>
    <name>cardops::ui::OrdersPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>To process</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Delivering</source>
        <translation>发货中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Show them (Ctrl+R); the list starts again at the top</source>
        <translation>显示新订单（Ctrl+R），列表回到顶部</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列设置</translation>
    </message>
    <message>
        <source>Choose the columns shown (also from the header&apos;s menu)</source>
        <translation>选择显示的列（也可在表头右键菜单中选择）</translation>
    </message>
    <message>
        <source>%1 new orders, click to show them</source>
        <translation>%1 条新订单，点击刷新</translation>
    </message>
    <message>
        <source>Cannot read the orders: %1</source>
        <translation>无法读取订单：%1</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>No order matches the filters.</source>
        <translation>没有符合筛选条件的订单。</translation>
    </message>
    <message>
        <source>No orders here yet.</source>
        <translation>这里还没有订单。</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 条订单</translation>
    </message>
    <message>
        <source>Copied %1 rows; %2 rows not loaded yet were left out.</source>
        <translation>已复制 %1 行；%2 行尚未载入，未复制。</translation>
    </message>
    <message>
        <source>Copied %1 rows.</source>
        <translation>已复制 %1 行。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::PricingRuleForm</name>
    <message>
        <source>Cost + %1</source>
        <translation>成本 + %1</translation>
    </message>
    <message>
        <source>below %1: %2</source>
        <translation>成本低于 %1：%2</translation>
    </message>
    <message>
        <source>others: %1</source>
        <translation>其余：%1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>价格模板：%1</translation>
    </message>
    <message>
        <source>; prices end in %1</source>
        <translation>；尾数为 %1</translation>
    </message>
    <message>
        <source>; tier prices from the ladder</source>
        <translation>；同步等级价</translation>
    </message>
    <message>
        <source>; contract prices move with the price</source>
        <translation>；合同价随售价同额调整</translation>
    </message>
    <message>
        <source>e.g. Game cards 3%</source>
        <translation>如：游戏点卡 3%</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Fixed markup</source>
        <translation>固定加价</translation>
    </message>
    <message>
        <source>Percentage markup</source>
        <translation>按比例加价</translation>
    </message>
    <message>
        <source>Price template</source>
        <translation>价格模板</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>方式(&amp;K)</translation>
    </message>
    <message>
        <source>Yuan added to the cost, e.g. 0.50</source>
        <translation>在成本上增加的金额（元），如 0.50</translation>
    </message>
    <message>
        <source>Percent of the cost, e.g. 3</source>
        <translation>成本的百分比，如 3</translation>
    </message>
    <message>
        <source>Cost below (yuan)</source>
        <translation>成本低于（元）</translation>
    </message>
    <message>
        <source>Markup</source>
        <translation>加价</translation>
    </message>
    <message>
        <source>Add band</source>
        <translation>添加档位</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>删除档位</translation>
    </message>
    <message>
        <source>Markup &quot;8%&quot; is a percentage, &quot;1.50&quot; adds yuan. Leave the last band&apos;s cost empty: it takes every higher cost.</source>
        <translation>加价写“8%”为按比例，写“1.50”为加 1.50 元。最后一档的成本留空，表示其余所有成本。</translation>
    </message>
    <message>
        <source>Keep the cents</source>
        <translation>尾数不调整</translation>
    </message>
    <message>
        <source>Round up to end in %1 (e.g. 10.4%1)</source>
        <translation>向上取尾数 %1（如 10.4%1）</translation>
    </message>
    <message>
        <source>&amp;Ending</source>
        <translation>尾数(&amp;E)</translation>
    </message>
    <message>
        <source>Write tier prices from the ladder (同步等级价)</source>
        <translation>同步等级价（按等级折扣写入等级价）</translation>
    </message>
    <message>
        <source>Keep contract prices</source>
        <translation>合同价保持不变</translation>
    </message>
    <message>
        <source>Move contract prices by the same amount as the price</source>
        <translation>合同价随售价同额调整</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>合同价(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Try a cost</source>
        <translation>试算成本(&amp;T)</translation>
    </message>
    <message>
        <source>Enter the yuan to add, e.g. 0.50 (at most 4 decimals).</source>
        <translation>请输入加价金额，如 0.50（最多 4 位小数）。</translation>
    </message>
    <message>
        <source>Enter the percentage to add, e.g. 3.</source>
        <translation>请输入加价比例，如 3。</translation>
    </message>
    <message>
        <source>Band %1: the cost bound &quot;%2&quot; is not an amount.</source>
        <translation>第 %1 档：成本上限“%2”不是有效金额。</translation>
    </message>
    <message>
        <source>Band %1: write the markup as 8% or 1.50.</source>
        <translation>第 %1 档：加价请写成 8% 或 1.50。</translation>
    </message>
    <message>
        <source>The rule is not valid: %1</source>
        <translation>规则无效：%1</translation>
    </message>
    <message>
        <source>Type a cost to see its price.</source>
        <translation>输入成本可试算售价。</translation>
    </message>
    <message>
        <source>→ price %1 (margin %2)</source>
        <translation>→ 售价 %1（毛利 %2）</translation>
    </message>
</context>
<context>
    <name>cardops::ui::PricingRulesDialog</name>
    <message>
        <source>Supplier&apos;s cost changed</source>
        <translation>上游成本变动</translation>
    </message>
    <message>
        <source>Supplier took it off shelf</source>
        <translation>上游已下架</translation>
    </message>
    <message>
        <source>Supplier put it back on shelf</source>
        <translation>上游重新上架</translation>
    </message>
    <message>
        <source>Cost changed; no rule to follow</source>
        <translation>成本变动；未设置定价规则</translation>
    </message>
    <message>
        <source>Cost changed; the new prices would be below cost</source>
        <translation>成本变动；按规则调价后会低于成本</translation>
    </message>
    <message>
        <source>Cost changed; no cost to mark up</source>
        <translation>成本变动；无成本可加价</translation>
    </message>
    <message>
        <source>Cost changed; whoever set the automatic policy may no longer edit goods</source>
        <translation>成本变动；设置自动调价的操作员已无权编辑商品</translation>
    </message>
    <message>
        <source>Repriced automatically</source>
        <translation>已自动调价</translation>
    </message>
    <message>
        <source>Taken off sale automatically</source>
        <translation>已自动下架</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Pricing rules</source>
        <translation>定价规则</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>新建规则(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Show &amp;handled and automatic changes</source>
        <translation>显示已处理和自动处理的记录(&amp;H)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Supplier product</source>
        <translation>货源商品</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议售价</translation>
    </message>
    <message>
        <source>State</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>No upstream changes to check.</source>
        <translation>没有待处理的上游变价。</translation>
    </message>
    <message>
        <source>&amp;Mark handled</source>
        <translation>标记已处理(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reprice these goods…</source>
        <translation>为所选商品改价(&amp;R)…</translation>
    </message>
    <message>
        <source>Upstream changes</source>
        <translation>上游变价</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n goods)</source>
        <translation>
            <numerusform>%1（%n 件商品）</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>请为规则命名。</translation>
    </message>
    <message>
        <source>Another rule has this name.</source>
        <translation>已有同名规则。</translation>
    </message>
    <message>
        <source>Rule saved.</source>
        <translation>规则已保存。</translation>
    </message>
    <message numerus="yes">
        <source>Delete the rule &quot;%1&quot;? %n goods follow it; they keep their follow policy without a rule.</source>
        <translation>
            <numerusform>删除规则“%1”？有 %n 件商品使用该规则；删除后它们保留上游变价策略，但不再有定价规则。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the open changes to mark handled.</source>
        <translation>请先选择要标记为已处理的变价记录。</translation>
    </message>
    <message>
        <source>Select the changes whose goods to reprice.</source>
        <translation>请先选择要改价的商品所在的变价记录。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>goods %1 (no longer in the cache)</source>
        <translation>商品 %1（已不在缓存中）</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>SKU %1 · goods %2</source>
        <translation>SKU %1 · 商品 %2</translation>
    </message>
    <message>
        <source>Upstream changes (%1)</source>
        <translation>上游变价（%1）</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RefundDialog</name>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Reject orders</source>
        <translation>驳回订单</translation>
    </message>
    <message>
        <source>Refund orders</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Left to refund</source>
        <translation>可退金额</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Refund in all</source>
        <translation>退款合计</translation>
    </message>
    <message>
        <source>Full refund of what is left</source>
        <translation>全额退还剩余金额</translation>
    </message>
    <message>
        <source>Full refund of each order</source>
        <translation>每单全额退款</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 12.50</source>
        <translation>金额（元），如 12.50</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the order is rejected (required; kept in the operations log)</source>
        <translation>驳回原因（必填，记入操作日志）</translation>
    </message>
    <message>
        <source>Note for the operations log</source>
        <translation>备注（记入操作日志）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Rejecting refuses the order: what is left of the payment goes back to the buyer.</source>
        <translation>驳回即拒绝此订单：剩余的付款将退还给买家。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>买家申请</translation>
    </message>
    <message>
        <source>Wrong goods</source>
        <translation>商品错误</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>重复下单</translation>
    </message>
    <message>
        <source>Fraud</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Enter the amount to refund.</source>
        <translation>请输入退款金额。</translation>
    </message>
    <message>
        <source>Enter yuan with at most two decimals, e.g. 12.50.</source>
        <translation>请输入最多两位小数的金额（元），如 12.50。</translation>
    </message>
    <message>
        <source>The amount must be above zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>At most %1 yuan is left to refund.</source>
        <translation>最多可退 %1 元。</translation>
    </message>
    <message>
        <source>Write a note: a rejection or the reason &quot;Other&quot; needs one.</source>
        <translation>请填写备注：驳回或原因为“其他”时必须填写。</translation>
    </message>
    <message>
        <source>Nothing is left to refund.</source>
        <translation>已无可退金额。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ReissueDialog</name>
    <message>
        <source>Reading the order&apos;s cards from the platform…</source>
        <translation>正在从平台读取订单的卡密…</translation>
    </message>
    <message>
        <source>Replace a card of order %1</source>
        <translation>补发订单 %1 的卡密</translation>
    </message>
    <message>
        <source>Pick the card the buyer reports as bad. The platform voids it and delivers a replacement from stock.</source>
        <translation>选择买家反馈有问题的卡密。平台将作废该卡并从库存补发一张。</translation>
    </message>
    <message>
        <source>What the buyer reported (required)</source>
        <translation>买家反馈的问题（必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>  · expires %1</source>
        <translation>  · %1 到期</translation>
    </message>
    <message>
        <source>  · %1</source>
        <translation>  · %1</translation>
    </message>
    <message>
        <source>This order has no delivered card to replace.</source>
        <translation>此订单没有可补发的已发卡密。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RepriceDialog</name>
    <message numerus="yes">
        <source>Reprice %n goods</source>
        <translation>
            <numerusform>批量改价：%n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>定价规则(&amp;R)</translation>
    </message>
    <message>
        <source>Sync &amp;tier prices (同步等级价)</source>
        <translation>同步等级价(&amp;T)</translation>
    </message>
    <message>
        <source>Write each tier&apos;s price as the new price × the tier&apos;s discount</source>
        <translation>按新售价 × 等级折扣写入各等级价</translation>
    </message>
    <message>
        <source>Allow prices &amp;below cost</source>
        <translation>允许低于成本价(&amp;B)</translation>
    </message>
    <message>
        <source>Rows below the cost stay unchecked; with this on you may check them</source>
        <translation>低于成本的行默认不勾选；开启后可手动勾选</translation>
    </message>
    <message>
        <source>Make it these goods&apos; rule; when the supplier&apos;s price changes:</source>
        <translation>将此规则绑定到这些商品；上游变价时：</translation>
    </message>
    <message>
        <source>Alert only</source>
        <translation>仅提醒</translation>
    </message>
    <message>
        <source>Adjust automatically</source>
        <translation>自动调价</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n goods…</source>
        <translation>
            <numerusform>正在读取 %n 件商品…</numerusform>
        </translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Apply prices</source>
        <translation>应用改价(&amp;A)</translation>
    </message>
    <message>
        <source>Stage the checked prices for the platform (Ctrl+Enter)</source>
        <translation>将勾选的新价格暂存待同步到平台（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>The goods could not be read: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <source>None of the chosen goods is in the cache any more.</source>
        <translation>所选商品均已不在本地缓存中。</translation>
    </message>
    <message>
        <source>One-off: fixed markup</source>
        <translation>一次性：固定加价</translation>
    </message>
    <message>
        <source>One-off: percentage markup</source>
        <translation>一次性：按比例加价</translation>
    </message>
    <message>
        <source>&amp;Yuan</source>
        <translation>加价金额(元)(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Percent</source>
        <translation>加价比例(%)(&amp;P)</translation>
    </message>
    <message>
        <source>Enter the yuan to add to the cost, e.g. 0.50.</source>
        <translation>请输入在成本上增加的金额，如 0.50。</translation>
    </message>
    <message>
        <source>Enter the percentage to add to the cost, e.g. 3.</source>
        <translation>请输入在成本上增加的百分比，如 3。</translation>
    </message>
    <message>
        <source>The markup is not valid: %1</source>
        <translation>加价设置无效：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n goods will change</source>
        <translation>
            <numerusform>%n 件商品将改价</numerusform>
        </translation>
    </message>
    <message>
        <source>average margin %1 → %2 (%3 → %4)</source>
        <translation>平均毛利 %1 → %2（%3 → %4）</translation>
    </message>
    <message numerus="yes">
        <source>%n below cost</source>
        <translation>
            <numerusform>%n 件低于成本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a cost</source>
        <translation>
            <numerusform>%n 件无成本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer in the cache</source>
        <translation>
            <numerusform>%n 件已不在缓存中</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in as an operator who may edit goods to apply prices</source>
        <translation>需以可编辑商品的操作员登录才能改价</translation>
    </message>
    <message numerus="yes">
        <source>Stage new prices for %n goods? They are sent to the platform by the next sync and show as waiting to sync until then.</source>
        <translation>
            <numerusform>确定为 %n 件商品改价？新价格将在下次同步时提交到平台，在此之前显示为本地待同步。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them will sell below cost.</source>
        <translation>
            <numerusform>其中 %n 件将低于成本出售。</numerusform>
        </translation>
    </message>
    <message>
        <source>Staging new prices…</source>
        <translation>正在暂存新价格…</translation>
    </message>
    <message>
        <source>Nothing was staged: %1</source>
        <translation>未暂存任何改价：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 goods staged. The price of %n goods changed meanwhile: they were left alone and are shown again as they are now.</source>
        <translation>
            <numerusform>已暂存 %1 件商品。期间有 %n 件商品的价格已被修改，未做改动，现按最新价格重新显示。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardops::ui::ResolvePurchaseDialog</name>
    <message>
        <source>Bought upstream</source>
        <translation>已在上游购买</translation>
    </message>
    <message>
        <source>Not bought</source>
        <translation>未购买</translation>
    </message>
    <message>
        <source>Our number</source>
        <translation>我方单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier product</source>
        <translation>上游商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Account recharged</source>
        <translation>充值账号</translation>
    </message>
    <message>
        <source>Paste the cards the supplier shows, one a line (leave empty for a direct recharge)</source>
        <translation>粘贴供应商显示的卡密，每行一张（直充留空）</translation>
    </message>
    <message>
        <source>Cards delivered by the supplier</source>
        <translation>供应商交付的卡密</translation>
    </message>
    <message>
        <source>Only when the supplier has no such order or shows it failed and refunded: the order can then be bought again under a new number.</source>
        <translation>仅当供应商没有该订单，或显示失败并已退款时选择：之后该订单可用新单号重新采购。</translation>
    </message>
    <message>
        <source>How you checked (required), e.g. the supplier&apos;s order number</source>
        <translation>核对方式（必填），例如供应商的订单号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>%1 cards, as bought</source>
        <translation>%1 张卡密，与购买数量一致</translation>
    </message>
    <message>
        <source>%1 cards, but %2 were bought: check before recording</source>
        <translation>%1 张卡密，但购买了 %2 张：请核对后再记录</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RestockDialog</name>
    <message>
        <source>Restock</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Stock:</source>
        <translation>库存：</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>货源：</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <source>Agents who resell it (last %1 days)</source>
        <translation>转售该商品的代理（近 %1 天）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source> cards</source>
        <translation> 张</translation>
    </message>
    <message>
        <source>Restock now</source>
        <translation>一键补货</translation>
    </message>
    <message>
        <source>Buy:</source>
        <translation>采购：</translation>
    </message>
    <message>
        <source>Buy %1 cards of %2 from %3 and upload them to the platform&apos;s stock?</source>
        <translation>从 %3 采购 %1 张「%2」并上传到平台库存？</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据……</translation>
    </message>
    <message>
        <source>Cannot read the goods: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <source>Restock · %1</source>
        <translation>补货 · %1</translation>
    </message>
    <message>
        <source>%1 on the platform, alert below %2</source>
        <translation>平台库存 %1，低于 %2 预警</translation>
    </message>
    <message>
        <source>low since %1</source>
        <translation>自 %1 起低库存</translation>
    </message>
    <message>
        <source>Not linked to a supplier</source>
        <translation>未关联货源</translation>
    </message>
    <message>
        <source>%1 product %2 — no docked supplier lists it</source>
        <translation>%1 商品 %2——已对接的货源中没有该商品</translation>
    </message>
    <message>
        <source>%1 · %2 (%3) · cost %4 · supplier stock %5</source>
        <translation>%1 · %2（%3）· 成本 %4 · 上游库存 %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Suggested: %1 cards. Recent days count more: yesterday %2 times, the day before %3 times, … the oldest of %2 days once. Expected sales over the next %4 days: %5; minus the stock %6.</source>
        <translation>建议补货 %1 张。越近的日子权重越大：昨天计 %2 倍、前天计 %3 倍……%2 天中最早的一天计 1 倍。预计未来 %4 天销量 %5，减去库存 %6。</translation>
    </message>
    <message>
        <source>Compared with last week again: %1 sold in the last 7 days, so %2 expected and %3 to buy.</source>
        <translation>对比“照搬上周”：近 7 天售出 %1，预计 %2，应采购 %3。</translation>
    </message>
    <message>
        <source>No suggestion: the sales could not be read.</source>
        <translation>无法给出建议：读取不到销量。</translation>
    </message>
    <message>
        <source>Middle or high tier: listed first</source>
        <translation>中高等级：优先列出</translation>
    </message>
    <message>
        <source>No agent bought it recently</source>
        <translation>近期没有代理购买</translation>
    </message>
    <message>
        <source>Buying needs a connected platform and a docked supplier.</source>
        <translation>采购需要已连接的平台和已对接的货源。</translation>
    </message>
    <message>
        <source>A direct recharge has no card stock to fill.</source>
        <translation>直充商品没有卡密库存可补。</translation>
    </message>
    <message>
        <source>No docked supplier lists the goods&apos; product.</source>
        <translation>已对接的货源中没有该商品。</translation>
    </message>
    <message>
        <source>about %1 yuan at %2 each</source>
        <translation>约 %1 元（单价 %2）</translation>
    </message>
    <message>
        <source>Buying…</source>
        <translation>正在采购……</translation>
    </message>
    <message>
        <source>Bought %1 cards; uploaded: %2 added, %3 already in stock, %4 refused.</source>
        <translation>已采购 %1 张；上传结果：新增 %2，已在库存 %3，被拒 %4。</translation>
    </message>
    <message>
        <source>Restock failed: %1</source>
        <translation>补货失败：%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::ReviewQueueWidget</name>
    <message>
        <source>Assigned to me</source>
        <translation>分配给我的</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Orders held for a person: by the platform&apos;s own checks or by the fulfilment rules. Deliver them, refund or reject them; several at once.</source>
        <translation>需要人工处理的订单：由平台自身校验或履约规则扣留。可发货、退款或驳回，支持批量操作。</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <source>Replace card…</source>
        <translation>补发…</translation>
    </message>
    <message>
        <source>Offline order…</source>
        <translation>补单…</translation>
    </message>
    <message>
        <source>Cannot read the review queue: %1</source>
        <translation>无法读取审核队列：%1</translation>
    </message>
    <message>
        <source>Nothing waits for review. Orders the platform or the fulfilment rules hold appear here.</source>
        <translation>没有待审核的订单。平台或履约规则扣留的订单会显示在这里。</translation>
    </message>
    <message>
        <source>No order matches the filters.</source>
        <translation>没有符合筛选条件的订单。</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 单待审核</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Fulfilment lease: %1</source>
        <translation>履约租约：%1</translation>
    </message>
    <message>
        <source>Deliver the selected orders from platform stock</source>
        <translation>从平台库存为选中的订单发货</translation>
    </message>
    <message>
        <source>Refund the selected orders, in full or in part</source>
        <translation>为选中的订单全额或部分退款</translation>
    </message>
    <message>
        <source>Refuse the selected orders: refund what is left, with a reason</source>
        <translation>驳回选中的订单：退还剩余金额，并注明原因</translation>
    </message>
    <message>
        <source>Take the selected orders (or give them back when they are yours)</source>
        <translation>认领选中的订单（已是你的则取消分配）</translation>
    </message>
    <message>
        <source>Replace a bad card of the selected delivered order</source>
        <translation>为选中的已发货订单补发一张有问题的卡密</translation>
    </message>
    <message>
        <source>Select orders in the list first.</source>
        <translation>请先在列表中选择订单。</translation>
    </message>
    <message>
        <source>Select one order.</source>
        <translation>请只选择一个订单。</translation>
    </message>
    <message>
        <source>Waiting for the platform&apos;s answers to the last action.</source>
        <translation>正在等待平台对上一次操作的应答。</translation>
    </message>
    <message>
        <source>%1 of the %2 selected orders: %3</source>
        <translation>选中的 %2 单中有 %1 单：%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <source>Record an order the buyer paid outside the shop (%1)</source>
        <translation>录入买家在店外付款的订单（%1）</translation>
    </message>
    <message>
        <source>%1: sending %2 orders to the platform…</source>
        <translation>%1：正在向平台发送 %2 单…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>%1: %2 done, %3 refused</source>
        <translation>%1：成功 %2 单，被拒 %3 单</translation>
    </message>
    <message>
        <source>, %1 waiting for the platform (sent again by themselves)</source>
        <translation>，%1 单等待平台应答（将自动重发）</translation>
    </message>
    <message>
        <source>. Refused orders stay listed with the reason.</source>
        <translation>。被拒的订单保留在列表中并注明原因。</translation>
    </message>
    <message>
        <source>Reject %1 orders and refund %2 yuan in all (%3)?</source>
        <translation>驳回 %1 单并共退款 %2 元（%3）？</translation>
    </message>
    <message>
        <source>Refund %1 orders, %2 yuan in all (%3)?</source>
        <translation>退款 %1 单，共 %2 元（%3）？</translation>
    </message>
    <message>
        <source>Reject orders</source>
        <translation>驳回订单</translation>
    </message>
    <message>
        <source>Refund orders</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Replace card</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Recording the offline order…</source>
        <translation>正在补单…</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RuleEditDialog</name>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Edit rule</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <source>Optional, e.g. Large QQ coin orders</source>
        <translation>选填，例如：Q币大额订单</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The usual quantity is the median of the member&apos;s last 20 paid orders. A member without paid orders never matches.</source>
        <translation>常购量是该会员最近 20 笔已付订单购买数量的中位数。没有已付订单的会员不会命中。</translation>
    </message>
    <message>
        <source>Matches when the linked supplier&apos;s balance minus this order&apos;s cost is below the amount. An unread balance never matches.</source>
        <translation>关联上游的余额减去本单成本后低于该金额时命中。尚未读取到余额时不会命中。</translation>
    </message>
    <message>
        <source>Beijing time. Closing at 00:00 means midnight; a closing time before the opening time spans midnight.</source>
        <translation>北京时间。关门时间 00:00 表示午夜 24:00；关门早于开门表示营业时间跨过午夜。</translation>
    </message>
    <message>
        <source>The lists are kept on the blacklist tab.</source>
        <translation>名单在「黑名单」中维护。</translation>
    </message>
    <message>
        <source>More than (pieces)</source>
        <translation>超过（件）</translation>
    </message>
    <message>
        <source>e.g. 3 or 2.5</source>
        <translation>例如 3 或 2.5</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>yuan, e.g. 200</source>
        <translation>单位元，例如 200</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Goods IDs separated by commas, e.g. 12, 15</source>
        <translation>商品 ID，用逗号分隔，例如 12, 15</translation>
    </message>
    <message>
        <source>Goods IDs</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>开门时间</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>关门时间</translation>
    </message>
    <message>
        <source>code: a-z, 0-9, _</source>
        <translation>代码：a-z、0-9、_</translation>
    </message>
    <message>
        <source>e.g. large order</source>
        <translation>例如：大额订单</translation>
    </message>
    <message>
        <source>Other code…</source>
        <translation>其他代码…</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>通知对象</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Notify and tag do not decide: the rules below still run.</source>
        <translation>通知和打标签不作决定：下面的规则会继续匹配。</translation>
    </message>
    <message>
        <source>The first matching rule that delivers, holds or refunds decides; the rules below it do not run.</source>
        <translation>第一条命中的发货、审核或退款规则作出决定，其下的规则不再执行。</translation>
    </message>
    <message>
        <source>Write the multiple as a number, e.g. 3 or 2.5.</source>
        <translation>倍数请填写数字，例如 3 或 2.5。</translation>
    </message>
    <message>
        <source>Write the amount in yuan with at most 4 decimals, e.g. 200 or 99.50.</source>
        <translation>金额请以元为单位填写，最多 4 位小数，例如 200 或 99.50。</translation>
    </message>
    <message>
        <source>Goods IDs are whole numbers separated by commas; “%1” is not one.</source>
        <translation>商品 ID 是用逗号分隔的整数，「%1」不是。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RuleListModel</name>
    <message>
        <source>Rule %1 (id %2)</source>
        <translation>第 %1 条规则（ID %2）</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>动作</translation>
    </message>
</context>
<context>
    <name>cardops::ui::RuleSetWidget</name>
    <message>
        <source>Every order handed to CardOps passes these rules from top to bottom. The first matching rule that delivers, holds or refunds decides; notify and tag rules add up on the way. An order no such rule decides is delivered.</source>
        <translation>交给 CardOps 履约的每笔订单从上到下逐条匹配这些规则：第一条命中的发货、审核或退款规则作出决定，途中命中的通知和标签规则都会生效。没有规则作出决定的订单正常发货。</translation>
    </message>
    <message>
        <source>Reading the rules…</source>
        <translation>正在读取规则…</translation>
    </message>
    <message>
        <source>Add rule…</source>
        <translation>添加规则…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+↑</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+↓</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Double-click an older version to edit a copy of it</source>
        <translation>双击旧版本，以其副本为草稿编辑</translation>
    </message>
    <message>
        <source>Edit an older version</source>
        <translation>编辑旧版本</translation>
    </message>
    <message>
        <source>Replace the rules being edited with those of version %1?</source>
        <translation>用第 %1 版的规则替换正在编辑的规则？</translation>
    </message>
    <message>
        <source>Saving them makes version %1; version %2 stays stored as it is.</source>
        <translation>保存后成为第 %1 版；第 %2 版保持原样保留。</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>编辑副本</translation>
    </message>
    <message>
        <source>Cannot read the rules: %1</source>
        <translation>无法读取规则：%1</translation>
    </message>
    <message>
        <source>In force: version %1, the built-in defaults</source>
        <translation>生效中：第 %1 版（内置默认规则）</translation>
    </message>
    <message>
        <source>In force: version %1, saved %2 by %3</source>
        <translation>生效中：第 %1 版，%3 保存于 %2</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>%1 (in force)</source>
        <translation>%1（生效中）</translation>
    </message>
    <message>
        <source>Save as version %1</source>
        <translation>保存为第 %1 版</translation>
    </message>
    <message>
        <source>Your role may look at the rules but not change them.</source>
        <translation>您的角色可以查看规则，但不能修改。</translation>
    </message>
    <message>
        <source>This view is read-only.</source>
        <translation>此视图为只读。</translation>
    </message>
    <message>
        <source>Unsaved changes: orders are still decided by version %1.</source>
        <translation>有未保存的修改：订单仍按第 %1 版判定。</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Delete rule %1, “%2”?</source>
        <translation>删除第 %1 条规则「%2」？</translation>
    </message>
    <message>
        <source>The change takes effect when the rules are saved.</source>
        <translation>保存规则后生效。</translation>
    </message>
    <message>
        <source>Discard the unsaved changes?</source>
        <translation>放弃未保存的修改？</translation>
    </message>
    <message>
        <source>The rules go back to version %1, as they are in force.</source>
        <translation>规则恢复为正在生效的第 %1 版。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>已放弃修改。</translation>
    </message>
    <message>
        <source>These rules cannot be saved: %1</source>
        <translation>无法保存这些规则：%1</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Save these rules as version %1?</source>
        <translation>将这些规则保存为第 %1 版？</translation>
    </message>
    <message>
        <source>Orders decided from now on follow version %1. Decisions already made keep naming the version they were made under.</source>
        <translation>此后判定的订单按第 %1 版执行；已作出的判定仍记录当时的版本。</translation>
    </message>
    <message>
        <source>Save version %1</source>
        <translation>保存第 %1 版</translation>
    </message>
    <message>
        <source>Saving version %1…</source>
        <translation>正在保存第 %1 版…</translation>
    </message>
    <message>
        <source>another version was saved meanwhile; your changes are kept, save them again.</source>
        <translation>其间已保存了另一个版本；您的修改仍保留，请再次保存。</translation>
    </message>
    <message>
        <source>your role may not change the rules.</source>
        <translation>您的角色不能修改规则。</translation>
    </message>
    <message>
        <source>Version %1 was not saved: %2</source>
        <translation>第 %1 版未保存：%2</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>已保存为第 %1 版。</translation>
    </message>
    <message>
        <source>Editing a copy of version %1.</source>
        <translation>正在编辑第 %1 版的副本。</translation>
    </message>
    <message>
        <source>Cannot read version %1.</source>
        <translation>无法读取第 %1 版。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::SegmentsPanel</name>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Recompute RFM scores and segments as of now (it also runs after the first sync of each business day)</source>
        <translation>按当前时间重新计算 RFM 评分和分群（每个营业日首次同步后也会自动计算）</translation>
    </message>
    <message>
        <source>Export segment…</source>
        <translation>导出分群…</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Change vs 30 days ago</source>
        <translation>较 30 天前</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>运营打法</translation>
    </message>
    <message>
        <source>RFM was never computed for this cache.
It is computed after the first sync of each business day, or now with “Recompute”.</source>
        <translation>此缓存尚未计算过 RFM。
每个营业日首次同步后会自动计算，也可以点“重新计算”立即计算。</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>R ≥ 4 and F ≥ 4 and M ≥ 4: recent, frequent and big</source>
        <translation>R ≥ 4 且 F ≥ 4 且 M ≥ 4：近期、高频、高额</translation>
    </message>
    <message>
        <source>R ≥ 4 and (F ≥ 3 or M ≥ 3): recent and above the middle on frequency or money</source>
        <translation>R ≥ 4 且（F ≥ 3 或 M ≥ 3）：近期购买，频次或金额高于中位</translation>
    </message>
    <message>
        <source>Registered fewer than 30 days ago with at most 2 orders</source>
        <translation>注册不足 30 天且订单不超过 2 笔</translation>
    </message>
    <message>
        <source>No counted order in 365 days, or the last one 180 days ago or more</source>
        <translation>365 天内没有有效订单，或最近一单在 180 天或更早以前</translation>
    </message>
    <message>
        <source>R ≤ 2 and (F ≥ 4 or M ≥ 4): used to buy a lot, has gone quiet</source>
        <translation>R ≤ 2 且（F ≥ 4 或 M ≥ 4）：曾经买得多，最近沉寂</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>其余会员</translation>
    </message>
    <message>
        <source>Keep them: tier perks, priority stock, a dedicated contact</source>
        <translation>重点维护：等级权益、优先供货、专人对接</translation>
    </message>
    <message>
        <source>Nudge the next order: show the way to the next tier, bundle offers</source>
        <translation>促成下一单：展示升级进度、组合优惠</translation>
    </message>
    <message>
        <source>Short purchase path and the new-member gift</source>
        <translation>缩短购买路径，送新人礼</translation>
    </message>
    <message>
        <source>One win-back offer; no repeated outreach</source>
        <translation>发一次召回优惠，不反复打扰</translation>
    </message>
    <message>
        <source>Call before they go dormant: ask what changed</source>
        <translation>在沉睡前电话回访：了解发生了什么变化</translation>
    </message>
    <message>
        <source>Regular campaigns</source>
        <translation>常规活动</translation>
    </message>
    <message>
        <source>The segments could not be read: %1</source>
        <translation>无法读取分群：%1</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>As of %1 · compared with %2%3</source>
        <translation>截至 %1 · 对比 %2%3</translation>
    </message>
    <message>
        <source> (recomputed from the orders)</source>
        <translation>（按订单重新推算）</translation>
    </message>
    <message>
        <source>Recomputing RFM for every member…</source>
        <translation>正在为全部会员重新计算 RFM…</translation>
    </message>
    <message numerus="yes">
        <source>Recomputed for %n member(s).</source>
        <translation>
            <numerusform>已为 %n 名会员重新计算。</numerusform>
        </translation>
    </message>
    <message>
        <source>The recompute failed: %1</source>
        <translation>重新计算失败：%1</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Export segment</source>
        <translation>导出分群</translation>
    </message>
    <message>
        <source>segment-%1.csv</source>
        <translation>分群-%1.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 名会员到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::SettingsPage</name>
    <message>
        <source>Switch to this profile</source>
        <translation>切换到此配置</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Connect a shop…</source>
        <translation>连接店铺…</translation>
    </message>
    <message>
        <source>A profile is one shop: its platform, its secret (in the system keychain) and its local cache.</source>
        <translation>一个配置对应一个店铺：它的平台、密钥（保存在系统钥匙串中）和本地缓存。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>新的语言在重启后生效。</translation>
    </message>
    <message>
        <source>%1 — demo on the bundled simulator</source>
        <translation>%1 —— 内置模拟器上的演示</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <source> (open now)</source>
        <translation>（当前打开）</translation>
    </message>
    <message>
        <source> · secret in a 0600 file: no keychain service was found</source>
        <translation> · 密钥保存在权限为 0600 的文件中：未找到钥匙串服务</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Remove the profile %1, its stored secret and its local cache? The shop&apos;s platform keeps all of its data; connecting again re-reads it.</source>
        <translation>删除配置 %1、其保存的密钥和本地缓存吗？店铺平台上的数据不受影响；重新连接后会再次读取。</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Suppliers of this shop</source>
        <translation>本店的供应商</translation>
    </message>
    <message>
        <source>Dock a supplier…</source>
        <translation>对接供应商…</translation>
    </message>
    <message>
        <source>Remove supplier…</source>
        <translation>移除供应商…</translation>
    </message>
    <message>
        <source>The acg-faka shops and Fulu accounts the shop buys from; their secrets are kept in the system keychain.</source>
        <translation>店铺采购所用的异次元发卡店铺和福禄账户；其密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The demo buys from its simulator only; connect your shop to dock real suppliers.</source>
        <translation>演示只向模拟器采购；连接您的店铺后才能对接真实供应商。</translation>
    </message>
    <message>
        <source>Fulu</source>
        <translation>福禄</translation>
    </message>
    <message>
        <source>acg-faka</source>
        <translation>异次元（acg-faka）</translation>
    </message>
    <message>
        <source>%1 — %2 · %3</source>
        <translation>%1 — %2 · %3</translation>
    </message>
    <message>
        <source>No supplier docked: the platform delivers from its own stock only.</source>
        <translation>尚未对接供应商：平台只用自有库存发货。</translation>
    </message>
    <message>
        <source>Remove supplier</source>
        <translation>移除供应商</translation>
    </message>
    <message>
        <source>Stop buying from %1 and delete its stored secret? Purchases already made stay in the ledger.</source>
        <translation>停止向 %1 采购并删除其保存的密钥？已完成的采购仍保留在台账中。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::SupplierDiagnosticsDialog</name>
    <message>
        <source>Supplier diagnostics · %1</source>
        <translation>供应商诊断 · %1</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>not signed (acg-faka answers carry no signature)</source>
        <translation>无签名（异次元的应答不带签名）</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>DOES NOT MATCH: the answer was refused</source>
        <translation>不匹配：该应答已被拒收</translation>
    </message>
    <message>
        <source>Answer signature</source>
        <translation>应答签名</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>计算值</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到值</translation>
    </message>
    <message>
        <source>Request as sent</source>
        <translation>发出的请求</translation>
    </message>
    <message>
        <source>Signed text</source>
        <translation>签名原文</translation>
    </message>
    <message>
        <source>Answer as received</source>
        <translation>收到的应答</translation>
    </message>
    <message>
        <source>No request has gone to this supplier since CardOps started. Refresh the balances to send one.</source>
        <translation>自 CardOps 启动以来尚未向该供应商发出请求。刷新余额即可发送一次。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::SupplierDialog</name>
    <message>
        <source>Dock a supplier</source>
        <translation>对接供应商</translation>
    </message>
    <message>
        <source>acg-faka shop (异次元)</source>
        <translation>异次元发卡（acg-faka）</translation>
    </message>
    <message>
        <source>Fulu (福禄) · not yet verified against the real gateway</source>
        <translation>福禄 · 未经真实网关验证</translation>
    </message>
    <message>
        <source>e.g. fulu-main (letters, digits, _ or -)</source>
        <translation>例如 fulu-main（字母、数字、_ 或 -）</translation>
    </message>
    <message>
        <source>The supplier&apos;s answer appears here after the test.</source>
        <translation>测试后这里显示供应商的应答。</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Name in CardOps</source>
        <translation>在 CardOps 中的名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Test (read the balance)</source>
        <translation>测试（读取余额）</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>对接</translation>
    </message>
    <message>
        <source>CardOps buys from the supplier with these credentials when the shop&apos;s own stock runs out. The secret is kept in the system keychain.</source>
        <translation>店铺自有库存不足时，CardOps 用这些凭据向供应商采购。密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>AppKey</source>
        <translation>AppKey</translation>
    </message>
    <message>
        <source>User id (app_id)</source>
        <translation>用户 ID（app_id）</translation>
    </message>
    <message>
        <source>AppSecret</source>
        <translation>AppSecret</translation>
    </message>
    <message>
        <source>Docking key (app_key)</source>
        <translation>对接密钥（app_key）</translation>
    </message>
    <message>
        <source>https://upstream-shop.example.com</source>
        <translation>https://upstream-shop.example.com</translation>
    </message>
    <message>
        <source>The name needs 1 to 32 letters, digits, _ or -.</source>
        <translation>名称需要 1 到 32 个字母、数字、_ 或 -。</translation>
    </message>
    <message>
        <source>A supplier named %1 is docked already.</source>
        <translation>名为 %1 的供应商已经对接。</translation>
    </message>
    <message>
        <source>The address must look like https://upstream.example.com (no query, no user).</source>
        <translation>地址应形如 https://upstream.example.com（不带查询参数和用户名）。</translation>
    </message>
    <message>
        <source>Plain http:// is accepted only for this computer; use https:// for %1.</source>
        <translation>明文 http:// 仅限本机使用；%1 请使用 https://。</translation>
    </message>
    <message>
        <source>Enter the %1.</source>
        <translation>请输入%1。</translation>
    </message>
    <message>
        <source>A Fulu AppSecret has 32 characters; this one has %1.</source>
        <translation>福禄 AppSecret 为 32 个字符；当前为 %1 个。</translation>
    </message>
    <message>
        <source>Asking the supplier…</source>
        <translation>正在询问供应商…</translation>
    </message>
    <message>
        <source>The supplier answered. Dock it to use it.</source>
        <translation>供应商已应答。点击“对接”即可使用。</translation>
    </message>
    <message>
        <source>The supplier did not accept the credentials; its answer is below.</source>
        <translation>供应商未接受这些凭据；其应答见下方。</translation>
    </message>
    <message>
        <source>Saving the supplier and its secret…</source>
        <translation>正在保存供应商及其密钥…</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::SuppliersPage</name>
    <message>
        <source>Suppliers</source>
        <translation>货源</translation>
    </message>
    <message>
        <source>The upstream platforms the shop buys from when its own stock runs out: balance, supply prices and stock are read from each supplier and kept here.</source>
        <translation>店铺自有库存不足时向其采购的上游平台：余额、进价和库存从各供应商读取并保存在这里。</translation>
    </message>
    <message>
        <source>Refresh balances and catalogues</source>
        <translation>刷新余额与商品</translation>
    </message>
    <message>
        <source>Read every supplier&apos;s balance and catalogue now (F5)</source>
        <translation>立即读取所有供应商的余额和商品（F5）</translation>
    </message>
    <message>
        <source>Diagnostics…</source>
        <translation>诊断…</translation>
    </message>
    <message>
        <source>The last signed request to the selected supplier and its raw answer</source>
        <translation>发往所选供应商的最近一次签名请求及其原始应答</translation>
    </message>
    <message>
        <source>Asking the suppliers…</source>
        <translation>正在询问供应商…</translation>
    </message>
    <message>
        <source>Refreshed at %1</source>
        <translation>已于 %1 刷新</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>刷新失败：%1</translation>
    </message>
    <message>
        <source>Cannot read the supplier lists: %1</source>
        <translation>无法读取货源列表：%1</translation>
    </message>
    <message>
        <source>No supplier is docked yet. Add the acg-faka or Fulu credentials of the shop in Settings; until then the platform delivers from its own stock.</source>
        <translation>尚未对接供应商。请在 设置 中添加店铺的异次元（acg-faka）或福禄对接信息；在此之前由平台用自有库存发货。</translation>
    </message>
    <message>
        <source>Search goods name, SKU or supplier product</source>
        <translation>搜索商品名称、SKU 或上游商品</translation>
    </message>
    <message>
        <source>The answer to these purchases was lost, so nobody knows whether the supplier charged for them. They are never bought again by themselves. Look each one up by our number in the supplier&apos;s back office, then record what you found.</source>
        <translation>这些采购的应答丢失了，无法确定供应商是否已扣款。系统绝不会自动重新购买。请按“我方单号”到供应商后台逐笔查询，再在此记录结果。</translation>
    </message>
    <message>
        <source>Bought upstream…</source>
        <translation>已在上游购买…</translation>
    </message>
    <message>
        <source>The supplier shows the order as paid: enter the cards it delivered</source>
        <translation>供应商显示该订单已支付：录入其交付的卡密</translation>
    </message>
    <message>
        <source>Not bought…</source>
        <translation>未购买…</translation>
    </message>
    <message>
        <source>The supplier has no such order, or it failed and was refunded</source>
        <translation>供应商没有该订单，或订单失败并已退款</translation>
    </message>
    <message>
        <source>Nothing waits here: every purchase has a known outcome.</source>
        <translation>这里没有待处理项：每笔采购的结果都已确定。</translation>
    </message>
    <message>
        <source>Your role may not settle purchases</source>
        <translation>您的角色无权处理采购结果</translation>
    </message>
    <message>
        <source>Linked goods (%1)</source>
        <translation>关联商品（%1）</translation>
    </message>
    <message>
        <source>Purchase outcome unknown (%1)</source>
        <translation>采购结果未知（%1）</translation>
    </message>
    <message>
        <source>First %1 goods; search to narrow</source>
        <translation>前 %1 个商品；可搜索缩小范围</translation>
    </message>
    <message>
        <source>%1 goods</source>
        <translation>%1 个商品</translation>
    </message>
    <message>
        <source> · %1 sell below the supply price</source>
        <translation> · %1 个售价低于进价</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>cardops::ui::TemplateEditorDialog</name>
    <message>
        <source>Listing templates</source>
        <translation>商品模板</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation>保存模板（Ctrl+S）</translation>
    </message>
    <message>
        <source>Read only: editing needs a signed-in operator and a writable cache.</source>
        <translation>只读：编辑需要登录的操作员和可写的本地缓存。</translation>
    </message>
    <message>
        <source>The templates cannot be read: %1</source>
        <translation>无法读取模板：%1</translation>
    </message>
    <message>
        <source>Any goods (chosen by hand)</source>
        <translation>任意商品（手动选择）</translation>
    </message>
    <message>
        <source>Default for card-secret goods</source>
        <translation>卡密商品的默认模板</translation>
    </message>
    <message>
        <source>Default for direct-recharge goods</source>
        <translation>直充商品的默认模板</translation>
    </message>
    <message>
        <source>A goods without a template is checked against the default of its kind</source>
        <translation>未指定模板的商品按其类型的默认模板检查</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Title at most</source>
        <translation>标题最长</translation>
    </message>
    <message>
        <source>Title formula (parts joined by &quot; | &quot;)</source>
        <translation>标题公式（各部分以 &quot; | &quot; 连接）</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Spec name</source>
        <translation>规格名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Spec text</source>
        <translation>规格内容</translation>
    </message>
    <message>
        <source>Stock cap</source>
        <translation>库存上限</translation>
    </message>
    <message>
        <source>Description frame</source>
        <translation>描述框架</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Suggested text</source>
        <translation>建议内容</translation>
    </message>
    <message>
        <source>Placeholders: {name} name · {sku} SKU · {face_value} face value · {price} price · {discount} discount in 折 · {unit} spec unit · {kind} 卡密/直充</source>
        <translation>占位符：{name} 商品名称 · {sku} SKU · {face_value} 面值 · {price} 售价 · {discount} 折扣（折） · {unit} 规格单位 · {kind} 卡密/直充</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Sample goods</source>
        <translation>示例商品</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>%1 (this goods)</source>
        <translation>%1（当前商品）</translation>
    </message>
    <message>
        <source>card secrets</source>
        <translation>卡密</translation>
    </message>
    <message>
        <source>direct recharge</source>
        <translation>直充</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message numerus="yes">
        <source>%1
%2 · %n goods</source>
        <translation>
            <numerusform>%1
%2 · %n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>The template cannot be saved: %1</source>
        <translation>模板无法保存：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>✓ The suggestion follows the template.</source>
        <translation>✓ 生成的内容符合模板。</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <source>A new template: it is listed once saved.</source>
        <translation>新模板：保存后出现在列表中。</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
    <message>
        <source>A copy: it is listed once saved.</source>
        <translation>副本：保存后出现在列表中。</translation>
    </message>
    <message numerus="yes">
        <source>%n goods follow “%1”; they will be left without a template. Delete it?</source>
        <translation>
            <numerusform>有 %n 件商品使用「%1」，删除后它们将不再使用模板。确定删除？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>删除模板「%1」？</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>删除中…</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除「%1」。</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存「%1」。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The changes to the template “%1” are not saved. Discard them?</source>
        <translation>对模板「%1」的修改尚未保存。放弃这些修改？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>cardops::ui::TierLadderPanel</name>
    <message>
        <source>The ladder as the platform has it. Edit a cell to change it; the what-if shows what your edit would do to today&apos;s members before anything is pushed. An empty condition is not required; all conditions of a tier must hold.</source>
        <translation>平台上的等级阶梯。直接编辑单元格即可修改；推送之前，试算会显示这次修改对当前会员的影响。留空的条件不作要求；一个等级的所有条件须同时满足。</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Push to platform</source>
        <translation>推送到平台</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Commission by depth</source>
        <translation>各层佣金</translation>
    </message>
    <message>
        <source>Spend ≥</source>
        <translation>累计消费 ≥</translation>
    </message>
    <message>
        <source>Recharge ≥</source>
        <translation>累计充值 ≥</translation>
    </message>
    <message>
        <source>Downline GMV 30d ≥</source>
        <translation>下级30天业绩 ≥</translation>
    </message>
    <message>
        <source>Own GMV 30d ≥</source>
        <translation>自身30天业绩 ≥</translation>
    </message>
    <message>
        <source>Active downlines ≥</source>
        <translation>活跃下级 ≥</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>What-if on today&apos;s members</source>
        <translation>按当前会员试算</translation>
    </message>
    <message>
        <source>No change yet.</source>
        <translation>尚未修改。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Members moved</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>Recent tier moves</source>
        <translation>最近的等级变动</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Keep: a tier once reached is kept. Sliding 30 days: the member falls at a business-day boundary when a 30-day condition no longer holds.</source>
        <translation>保留：达到的等级不再降低。滑动30天：30天条件不再满足时，会员在营业日切换时降级。</translation>
    </message>
    <message>
        <source>Name of the new top tier:</source>
        <translation>新的最高等级名称：</translation>
    </message>
    <message>
        <source>Remove tier %1 from the ladder? Nothing changes on the platform until you push; the platform refuses to remove a tier that members still hold.</source>
        <translation>从阶梯中删除等级 %1？推送之前平台上不会有任何变化；仍有会员持有的等级，平台会拒绝删除。</translation>
    </message>
    <message>
        <source>No member would change tier (%1 members checked).</source>
        <translation>没有会员的等级会变化（已检查 %1 位会员）。</translation>
    </message>
    <message>
        <source>%1 members would move up, %2 would move down (of %3).</source>
        <translation>%1 位会员将升级，%2 位会降级（共 %3 位）。</translation>
    </message>
    <message>
        <source>The current ladder on the same figures: %1 up, %2 down.</source>
        <translation>按现行阶梯、同样的数据：%1 位升级，%2 位降级。</translation>
    </message>
    <message>
        <source>%1 members hold a tier this edit removes: the platform will refuse the push.</source>
        <translation>%1 位会员持有本次删除的等级：平台会拒绝这次推送。</translation>
    </message>
    <message>
        <source>This console cannot push tiers (no platform).</source>
        <translation>本控制台无法推送等级（未连接平台）。</translation>
    </message>
    <message>
        <source>Push this ladder to the platform (version %1)?

%2

%3</source>
        <translation>将此阶梯推送到平台（基于版本 %1）？

%2

%3</translation>
    </message>
    <message>
        <source>Pushing…</source>
        <translation>正在推送…</translation>
    </message>
    <message>
        <source>The platform took the ladder.</source>
        <translation>平台已接受新的阶梯。</translation>
    </message>
    <message>
        <source>No tier moves yet: they appear after a sync round.</source>
        <translation>还没有等级变动：同步一轮后会显示在这里。</translation>
    </message>
</context>
<context>
    <name>cardops::ui::TrayNotifier</name>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>CardOps console</source>
        <translation>卡盟运营台</translation>
    </message>
    <message>
        <source>(and %1 more like this)</source>
        <translation>（另有 %1 条同类通知）</translation>
    </message>
</context>
<context>
    <name>cardops::ui::WeeklyReportDialog</name>
    <message>
        <source>Export weekly report</source>
        <translation>导出周报</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>周(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Writes 周报-YYYY-Www.pdf (KPIs, the three worst steps, charts) and a CSV of every figure for Excel and WPS. An existing report of the same week is replaced.</source>
        <translation>生成 周报-YYYY-Www.pdf（关键指标、最差的三个环节、图表）和一份包含全部数字的 CSV（可用 Excel、WPS 打开）。同一周已有的周报会被替换。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Folder for the weekly report</source>
        <translation>周报保存的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the report first.</source>
        <translation>请先选择周报保存的文件夹。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Written:
%1
%2</source>
        <translation>已生成：
%1
%2</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
</context>
<context>
    <name>cardops::ui::WithdrawalsPanel</name>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Pending (oldest first)</source>
        <translation>待审核（最早的在前）</translation>
    </message>
    <message>
        <source>Decided (已处理)</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Approve the selected request on the platform (Ctrl+Enter)</source>
        <translation>在平台上批准所选申请（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Reject the selected request with a reason (Ctrl+Backspace)</source>
        <translation>填写理由驳回所选申请（Ctrl+Backspace）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The agent</source>
        <translation>代理信息</translation>
    </message>
    <message>
        <source>Select a request to see the agent.</source>
        <translation>选择一条申请以查看代理信息。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Direct downlines</source>
        <translation>直属下级</translation>
    </message>
    <message>
        <source>Commissions, last 30 days</source>
        <translation>近30天佣金</translation>
    </message>
    <message>
        <source>Approved withdrawals, last 30 days</source>
        <translation>近30天已批准提现</translation>
    </message>
    <message>
        <source>Last request</source>
        <translation>上次申请</translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation>待审申请</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>The requests cannot be read: %1</source>
        <translation>无法读取申请：%1</translation>
    </message>
    <message>
        <source>member #%1</source>
        <translation>会员 #%1</translation>
    </message>
    <message>
        <source>No withdrawal request waits for a decision.</source>
        <translation>没有等待审核的提现申请。</translation>
    </message>
    <message>
        <source>No request has been decided yet.</source>
        <translation>还没有已处理的申请。</translation>
    </message>
    <message>
        <source>The agent cannot be read: %1</source>
        <translation>无法读取代理信息：%1</translation>
    </message>
    <message>
        <source>Member #%1 is not in the cache yet.</source>
        <translation>会员 #%1 尚未进入缓存。</translation>
    </message>
    <message>
        <source>%1 yuan on %2 (%3)</source>
        <translation>%1 元，%2（%3）</translation>
    </message>
    <message>
        <source>none before</source>
        <translation>此前没有</translation>
    </message>
    <message numerus="yes">
        <source>%1 yuan in %n request(s)</source>
        <translation>
            <numerusform>%1 元，共 %n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdrawals are decided on the platform, and this console cannot reach one now.</source>
        <translation>提现在平台上审核，而本控制台当前无法连接平台。</translation>
    </message>
    <message>
        <source>Reject withdrawal</source>
        <translation>驳回提现</translation>
    </message>
    <message>
        <source>Why is the request of %1 for %2 yuan rejected? The agent sees it.</source>
        <translation>驳回 %1 的 %2 元提现申请的理由？代理会看到。</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>驳回需要填写理由。</translation>
    </message>
    <message>
        <source>Pay %1 yuan to %2? The platform books the withdrawal at once.</source>
        <translation>向 %2 支付 %1 元？平台会立即记账。</translation>
    </message>
    <message>
        <source>Reject the request of %1 for %2 yuan?
Reason: %3</source>
        <translation>驳回 %1 的 %2 元提现申请？
理由：%3</translation>
    </message>
    <message>
        <source>Approve withdrawal</source>
        <translation>批准提现</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Request %1: %2</source>
        <translation>申请 %1：%2</translation>
    </message>
</context>
<context>
    <name>cardops::ui::WorkbenchPage</name>
    <message>
        <source>Work bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Orders held by the platform&apos;s checks or rules</source>
        <translation>被平台检查或规则拦下的订单</translation>
    </message>
    <message>
        <source>Purchase outcome unknown</source>
        <translation>采购结果未知</translation>
    </message>
    <message>
        <source>Supplier purchases whose answer was lost</source>
        <translation>未收到上游答复的采购</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>发货失败</translation>
    </message>
    <message>
        <source>Orders handed to CardOps that could not be delivered</source>
        <translation>交由 CardOps 但未能发货的订单</translation>
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
        <source>Suppliers that may refuse the next purchase</source>
        <translation>可能拒绝下一笔采购的货源</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>同步异常</translation>
    </message>
    <message>
        <source>Local edits the platform refused or that met a conflict</source>
        <translation>被平台拒绝或发生冲突的本地修改</translation>
    </message>
    <message>
        <source>Withdrawals to review</source>
        <translation>提现待审</translation>
    </message>
    <message>
        <source>Agents&apos; withdrawal requests</source>
        <translation>代理的提现申请</translation>
    </message>
    <message>
        <source>Reading the cache…</source>
        <translation>正在读取缓存…</translation>
    </message>
    <message>
        <source>%1 · data as of %2</source>
        <translation>%1 · 数据截至 %2</translation>
    </message>
    <message>
        <source>Not synced yet: the counts fill after the first sync.</source>
        <translation>尚未同步：首次同步后显示计数。</translation>
    </message>
    <message>
        <source>Orders %1 · goods %2 · members %3</source>
        <translation>订单 %1 · 商品 %2 · 会员 %3</translation>
    </message>
    <message>
        <source>Goods below their stock threshold</source>
        <translation>库存低于预警值的商品</translation>
    </message>
    <message>
        <source>Selling below cost</source>
        <translation>毛利为负</translation>
    </message>
    <message>
        <source>Goods whose supplier&apos;s price is above their selling price</source>
        <translation>上游进价高于售价的商品</translation>
    </message>
    <message>
        <source>Supplier price changes</source>
        <translation>上游变价</translation>
    </message>
    <message>
        <source>Goods whose supplier changed its price or shelf state: reprice or acknowledge</source>
        <translation>上游改价或上下架的商品：改价或确认</translation>
    </message>
</context>
<context>
    <name>cardops::ui::dashboardcharts</name>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Not cached</source>
        <translation>未缓存会员</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV (yuan)</source>
        <translation>成交额（元）</translation>
    </message>
    <message>
        <source>Gross profit (yuan)</source>
        <translation>毛利（元）</translation>
    </message>
    <message>
        <source>%1
Orders: %2
GMV: %3 yuan
Gross profit: %4 yuan</source>
        <translation>%1
订单数：%2
成交额：%3 元
毛利：%4 元</translation>
    </message>
    <message>
        <source>%1
Orders: %2, quantity: %3
GMV: %4 yuan
Gross profit: %5 yuan</source>
        <translation>%1
订单数：%2，件数：%3
成交额：%4 元
毛利：%5 元</translation>
    </message>
    <message>
        <source>%1
Orders: %2
GMV: %3 yuan</source>
        <translation>%1
订单数：%2
成交额：%3 元</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Upgrades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Downgrades</source>
        <translation>降级</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Unknown page &apos;%1&apos;.</source>
        <translation>未知页面“%1”。</translation>
    </message>
    <message>
        <source>Use --page NAME --screenshot FILE.png, or --page all --screenshot-dir FOLDER.</source>
        <translation>用法：--page 页面名 --screenshot 文件.png，或 --page all --screenshot-dir 文件夹。</translation>
    </message>
    <message>
        <source>CardOps</source>
        <translation>CardOps</translation>
    </message>
</context>
</TS>

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
        <source>Cache database file (default: the demo profile&apos;s).</source>
        <translation>缓存数据库文件（默认：演示配置的缓存）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>status: open the cache (creating it if needed) and show its state
check: verify a cache file without changing it</source>
        <translation>status：打开缓存（必要时创建）并显示其状态
check：检查缓存文件，不做任何修改</translation>
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
</TS>

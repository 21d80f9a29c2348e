"""Chinese: the help pages: help.<command>, help.<command>.<option>, help.shared.<option>."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # help pages (cli/helptext.py): help.<command>, help.<command>.<option>, and
    # help.shared.<option> for an option of several commands that has none of its own
    "help.fupan": (
        "fupan（复盘）：撰写、检查、检索和发布复盘，把经验教训记下来、用起来。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan check                      # 检查所有复盘\n"
        "  fupan search 报名人数不足        # 查找以往遇到过的问题\n"
        "  fupan actions --overdue          # 已过完成时限的改进措施\n"
        "  fupan stats --kb ~/reviews-kb    # 使用另一个知识库\n"
        "\n"
        "退出码：0 表示完成或找到了结果；1 表示没有找到结果，或发现了问题；"
        "2 表示命令写错了，或某个值不对。"
    ),
    "help.fupan.version": "显示版本号后退出。",
    "help.shared.kb": "知识库所在的文件夹（默认：环境变量 FUPAN_KB；没有设置时，从当前文件夹往上找有 mkdocs.yml 的文件夹）。",
    "help.shared.lang": "提示、表格和帮助使用的语言：zh 中文，en 英文（默认：网站 mkdocs.yml 中 theme.language 设定的语言）。",
    "help.shared.json": "输出 JSON 格式，供脚本使用（键名始终是英文）。",
    "help.shared.csv": "输出 CSV 格式（UTF-8 带 BOM，Excel、WPS 可以直接打开）。",
    "help.shared.unit": "只限这个单位（写名册中的名称或别名）。",
    "help.shared.group": "只限 units.yml 中这一组的单位，如 分公司。",
    "help.shared.campaign": "只限这项活动（写活动名称，或名称中不会混淆的一部分）。",
    "help.shared.category": "只限这一类工作，如 文体活动。",
    "help.shared.tag": "只限带有这个标签的复盘。",
    "help.shared.since": "只限这一天及以后写的复盘。",
    "help.shared.until": "只限这一天及以前写的复盘。",
    "help.shared.mode": "按字词查找（words）、按意思查找（meaning），或两者合在一起排序（both）。",
    "help.init": (
        "在给出的文件夹中新建一个知识库。\n"
        "\n"
        "建好后就可以用 `fupan new` 写复盘，用 `mkdocs build` 生成网站。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan init union-reviews && cd union-reviews && fupan check"
    ),
    "help.init.name": "网站名称（默认：文件夹名加“复盘知识库”）。",
    "help.new": (
        "新建一篇复盘，并显示它的文件路径。\n"
        "\n"
        "选项中没有给出的内容，会像填表一样逐项询问：单位（按 reviews/units.yml 名册中的"
        "编号选择）、活动（按编号选择，或输入新的名称；和已有活动很像的名称会再确认一次）、"
        "标题、日期、工作类别、撰写人，然后逐条询问指标和改进措施。回答得不对会重新询问。"
        "同时给出 --unit 和 --campaign 时什么都不问，便于脚本使用。不会覆盖已有的文件。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan new\n"
        "  fupan new --unit 第一分公司工会 --campaign 2026年职工春季运动会 --date 2026-04-20\n"
        "  fupan new --unit 一分工会 --campaign 2026年安全生产月 --metric 隐患排查:80:86:项 \\\n"
        "      --action '外包队伍培训纳入统一考试|何雪|2026-09-30'"
    ),
    "help.new.unit": "写这篇复盘的单位（名册中的名称或别名）。",
    "help.new.campaign": "复盘的是哪项活动。",
    "help.new.title": "标题（默认：活动名称加“复盘（单位）”，如 2026年职工篮球赛复盘（第一分公司工会））。",
    "help.new.date": "撰写日期（默认：今天）。",
    "help.new.category": "工作类别，如 文体活动。",
    "help.new.author": "撰写人。",
    "help.new.metric": "一项指标，写作 名称:目标:实际[:单位]，如 参与人数:300:245:人（可以写多次）。",
    "help.new.action": "一项改进措施，写作 措施|责任人|完成时限（可以写多次）。",
    "help.new.slug": "保存在 reviews/年份/ 中的文件名（默认按活动和单位取名）。",
    "help.template": (
        "写出 Word 复盘模板。\n"
        "\n"
        "默认文件名是“复盘模板.docx”；在 Word 或 WPS 中填好后，用 `fupan import` 导入。"
        "模板中有文件头表格（标题、单位、活动、日期、撰写人……）、带引导问题的三个部分、"
        "指标表和措施表。不会覆盖已有的文件。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan template --docx\n"
        "  fupan template --docx 2026运动会复盘.docx"
    ),
    "help.template.docx": "写出 Word 模板（目前只有这一种）。",
    "help.import": (
        "把 Word 写的复盘导入知识库。\n"
        "\n"
        "可以导入 .docx 文件；装有 LibreOffice 时，也可以导入 .doc 和 .wps 文件。"
        "按标题样式或公文的序号（一、总结 / （一） / 1.）找出三个部分，并读取文件头"
        "（单位：… 活动：… 日期：… 撰写人：…）、指标表（指标/目标/实际/单位）和措施表"
        "（措施/责任人/完成时限/状态）；文档中的图片保存在复盘旁边。选项可以补上文档中没有写的"
        "内容，和文档不一致时以选项为准。不会覆盖已有的文件；每写出一篇复盘，就显示它的检查结果。"
        "有文件无法导入，或导入的复盘有错误时，退出码为 1。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan template --docx 复盘模板.docx      # 然后在 Word 或 WPS 中填写\n"
        "  fupan import 复盘模板.docx\n"
        "  fupan import 各单位复盘/ --campaign 2026年职工春季运动会 --dry-run"
    ),
    "help.import.unit": "单位，文档中没有写时使用（名称或别名）。",
    "help.import.campaign": "活动，文档中没有写时使用。",
    "help.import.date": "撰写日期，文档中没有写时使用。",
    "help.import.title": "标题（默认：文档中的标题；文档中没有时，为活动名称加“复盘（单位）”）。",
    "help.import.author": "撰写人，文档中没有写时使用。",
    "help.import.category": "工作类别，如 文体活动。",
    "help.import.slug": "保存在 reviews/年份/ 中的文件名（只导入一个文件时才能用）。",
    "help.import.dry_run": "只显示导入后的复盘和检查结果，不写入文件。",
    "help.action": (
        "更新一项改进措施：状态、完成时限、责任人或备注。\n"
        "\n"
        "更新的是复盘 ID 中的第 N 项措施；ID 和 N 就是 `fupan actions` 表格中“复盘”和“序号”"
        "两列的值。只改写变动的值，文件的其他内容（注释、顺序、引号、换行方式）一个字都不动。"
        "如果文件在读取之后又被改动过，就不做修改。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan action 2025/spring-games-branch1 1 --status done\n"
        "  fupan action 2025/spring-games-branch1 2 --status 进行中 --due 2026-09-30\n"
        "  fupan action 2025/spring-games-branch1 1 --owner 王芳 --note 已交接"
    ),
    "help.action.status": "新的状态：待办、进行中、已完成、已取消（也可以写 open、doing、done、dropped）。",
    "help.action.due": "新的完成时限。",
    "help.action.owner": "新的责任人。",
    "help.action.note": "给这项措施加一条备注（记在 note 下）。",
    "help.check": (
        "检查复盘的格式：整个知识库，或写出的那几个文件（写文件夹时，检查其中所有的复盘）。\n"
        "\n"
        "每个问题占一行：文件:行号: 错误（或 警告）: 说明，最后一行是汇总。"
        "加 --json 时，输出每个问题的英文说明和它的代码（code）。"
        "有错误时退出码为 1（加 --strict 时，有警告也是 1）。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan check\n"
        "  fupan check reviews/2025/spring-games-branch1.md\n"
        "  fupan check reviews/2025\n"
        "  fupan check --strict --json > problems.json"
    ),
    "help.check.strict": "有警告也算不通过（退出码为 1）。",
    "help.search": (
        "检索以往的复盘：按字词和意思查找，最相关的排在前面。\n"
        "\n"
        '汉字之间不用加空格。用英文双引号括起来的词（如 "经费超支"）只找完全相同的说法；'
        "+词 或 AND 表示必须有这个词，-词 表示排除这个词。reviews/synonyms.yml 中的同义词"
        "和通用的同义词词典也会用上，排在原词之后。说法不同、意思相同的复盘按意思找到，并会标明。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan search 报名人数不足\n"
        "  fupan search 一线职工压根不知道有这个活动\n"
        "  fupan search 通知没有传达到班组 --unit 一分公司工会\n"
        "  fupan search '\"经费超支\"' --since 2025-01-01 --part reflection\n"
        "  fupan search 倒班 --mode words --json"
    ),
    "help.search.part": "只在一个部分中检索：summary 总结、reflection 反思、improvement 改进。",
    "help.search.limit": "最多显示多少条结果。",
    "help.related": (
        "部署工作之前先查一查：和工作方案草稿相关的往年复盘。\n"
        "\n"
        "PLAN 是方案文件；写 - 时，从管道读入方案（见最后一个示例）。"
        "先找出方案中的关键词，再找出和这些词、和方案意思最相关的复盘，列出它们反思了什么、"
        "改进了什么，以及还没有完成的改进措施。Word 写的方案（.docx）也能读取。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan related 2026运动会方案.md\n"
        "  fupan related 2026运动会方案.docx    # .doc、.wps 也行，要装有 LibreOffice\n"
        '  echo "组织职工篮球赛，各班组报名，经费三万元" | fupan related -'
    ),
    "help.related.limit": "最多显示多少篇复盘。",
    "help.similar": (
        "其他单位、往年和某一篇复盘有类似问题的复盘。\n"
        "\n"
        "ENTRY_ID 是这篇复盘在 reviews/ 中的路径，不带 .md（就是 `fupan actions` 表格"
        "“复盘”一列的写法），也可以写它的文件路径。按意思找相似：每条结果都列出对方的哪一段"
        "和这篇复盘的哪一段意思相近。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan similar 2025/safety-month-branch2\n"
        "  fupan similar reviews/2025/safety-month-branch2.md --json"
    ),
    "help.similar.limit": "最多显示多少篇复盘。",
    "help.index": (
        "刷新搜索索引（检索时也会自动刷新）。\n"
        "\n"
        "只重新读取新增、修改和删除了的复盘；按意思检索用到的段落，也只重新计算文字有改动的。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan index\n"
        "  fupan index --rebuild\n"
        "  fupan index --words-only"
    ),
    "help.index.rebuild": "从头重建索引。",
    "help.index.words_only": "只刷新按字词检索的索引，不刷新按意思检索的索引。",
    "help.actions": (
        "改进措施清单：按单位列出，逾期的排在前面。\n"
        "\n"
        "每项措施都列出责任人、完成时限和它所在的复盘。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan actions\n"
        "  fupan actions --overdue --unit 一分公司工会\n"
        "  fupan actions --campaign 2025年安全 --limit 5\n"
        "  fupan actions --group 分公司 --overdue\n"
        "  fupan actions --status open,doing,done --today 2026-06-30 --csv > items.csv"
    ),
    "help.actions.status": "列出哪些状态的措施，用英文逗号隔开：open 待办、doing 进行中、done 已完成、dropped 已取消（默认：open,doing）。",
    "help.actions.overdue": "只列出已过完成时限的措施。",
    "help.actions.owner": "只列出责任人中有这个名字的措施。",
    "help.actions.due_before": "只列出完成时限在这一天之前的措施。",
    "help.actions.today": "按这一天计算是否逾期（默认：今天）。",
    "help.actions.limit": "最多显示多少项措施。",
    "help.compare": (
        "同一项活动各单位的复盘并排对比，标出最佳和待提升的单位。\n"
        "\n"
        "CAMPAIGN 写活动的完整名称，或名称中不会混淆的一部分。最佳和待提升按指标的平均完成率"
        "评判（没有指标时按落实效果评分）。窗口较窄时，每个单位单独显示一段。加 --group 时，"
        "只在 units.yml 中同一组的单位之间对比。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan compare 2025年职工春季运动会\n"
        "  fupan compare 2025年安全 --group 车间\n"
        "  fupan compare 2025年安全 --csv > compare.csv"
    ),
    "help.recurring": (
        "多个单位或多个年度反复出现的问题，以及改进后又出现的问题。\n"
        "\n"
        "“问题”是共同的标签，或反思部分中说法不同、意思相同的段落（按意思判断；"
        "没有开启按意思检索时，按成对出现的词语判断）。“改进后又出现”是指：某个单位已经把针对"
        "这个问题的措施标为已完成，之后同类工作的复盘中又出现了这个问题。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan recurring\n"
        "  fupan recurring --min-units 3 --json"
    ),
    "help.recurring.min_units": "至少在几个单位出现才算（或满足 --min-years）。",
    "help.recurring.min_years": "至少在几个年度出现才算（或满足 --min-units）。",
    "help.recurring.limit": "最多显示多少个问题。",
    "help.stats": (
        "统计概况：复盘数量、措施完成情况和经验吸取情况。\n"
        "\n"
        "复盘按单位、活动和年度计数，措施完成情况按单位统计。一条经验在它的措施还有待办或"
        "进行中时是“已识别”；措施全部已完成或已取消，而且这个单位以后的复盘没有再出现这个问题，"
        "就是“已吸取”。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan stats\n"
        "  fupan stats --csv > 统计.csv\n"
        "  fupan stats --json"
    ),
    "help.remind": (
        "提醒责任人：把快到期和已逾期的措施，按单位和责任人发给他们。\n"
        "\n"
        "发送渠道（企业微信、钉钉、飞书和 JSON 群机器人，SMTP 邮件）在 reviews/fupan.yml "
        "的 reminders: 部分设置；密钥放在环境变量中。今天已经发出的消息不会重复发送。"
        "全部发出（或没有要提醒的措施）时退出码为 0；有一条没有发出，或 fupan.yml 有错误时为 1。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan remind --dry-run\n"
        "  fupan remind --within 7 --unit 一分公司工会\n"
        "  fupan remind --ics 一分公司.ics --unit 一分公司工会"
    ),
    "help.remind.within": "提醒今后多少天内到期的措施（默认：reminders.within 设定的天数，没有设定时为 14 天）。",
    "help.remind.today": "按这一天计算到期和逾期（默认：今天）。",
    "help.remind.dry_run": "只显示将要发送的内容，不真正发送。",
    "help.remind.ics": "把未完成措施的日历（加 --unit 时只含这个单位的）写到 FILE 文件，不发送提醒。",
    "help.site": (
        "用 Zensical 生成网站。\n"
        "\n"
        "先把 fupan 的页面写进一个构建文件夹，再用 Zensical 在那里生成网站；页面和 "
        "`mkdocs build` 生成的相同，供不运行 MkDocs 插件的网站生成器使用。"
        "需要先安装 Zensical：pip install 'fupan[zensical]'。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan site\n"
        "  fupan site --out /tmp/kb-site --no-build"
    ),
    "help.site.out": "构建文件夹（默认：知识库中的 site-build/）；网站生成在其中的 site/ 文件夹，即 OUT/site。",
    "help.site.no_build": "只写出构建文件夹，不生成网站。",
    "help.site.strict": "有复盘存在错误时算作失败（退出码为 1）。",
    # the placeholder of an option's value, by its type (click writes TEXT, DATE ...)
    "help.metavar.text": "文本",
    "help.metavar.directory": "文件夹",
    "help.metavar.file": "文件",
    "help.metavar.integer_range": "整数",
    "help.metavar.date": "日期",
    # the usage line's placeholders: for the options, the command, and each argument
    "help.usage.options": "[选项]",
    "help.usage.command": "命令 [参数]...",
    "help.argument.entry_id": "编号",
    "help.argument.number": "序号",
    "help.argument.paths": "路径",
    "help.argument.campaign": "活动",
    "help.argument.folder": "文件夹",
    "help.argument.plan": "计划文件",
    "help.argument.words": "搜索词",
    "help.argument.file": "文件",
}

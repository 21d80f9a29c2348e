"""Every string fupan shows in Chinese: site labels, CLI messages and help, prompts, CSV headers."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # the site's labels
    "recurring": "反复出现的问题",
    "relapses": "改进后又出现的问题",
    "problem": "问题",
    "kind": "类型",
    "kind_tag": "标签",
    "kind_meaning": "同义表述",
    "kind_term": "词语",
    "fixed_in": "措施已完成的复盘",
    "again_in": "问题再次出现的复盘",
    "action_done": "已完成的措施",
    "more_in_browse": "以上是最近的 {shown} 篇，共 {total} 篇：在筛选页查看全部 →",
    "tags_in_browse": "另有 {n} 个较少用的标签没有单独的页面：在筛选页按标签查找 →",
    "see_also": "另见",
    "recurring_note": "在至少两个单位或两个年度的复盘中出现的问题：共同的标签，以及反思部分中意思相同、说法不同的段落（以其中一句为代表）。",
    "unit": "单位",
    "campaign": "活动",
    "period": "时间",
    "category": "类别",
    "author": "撰写人",
    "rating": "落实效果",
    "tags": "标签",
    "date": "日期",
    "title": "标题",
    "year": "年份",
    "summary": "一、总结",
    "reflection": "二、反思",
    "improvement": "三、改进",
    "metrics": "指标",
    "metric": "指标",
    "target": "目标",
    "actual": "实际",
    "completion": "完成率",
    "actions": "改进措施",
    "action": "措施",
    "owner": "责任人",
    "due": "完成时限",
    "status": "状态",
    "status_open": "待办",
    "status_doing": "进行中",
    "status_done": "已完成",
    "status_dropped": "已放弃",
    "overdue": "逾期",
    "same_campaign": "同一活动的其他单位复盘",
    "similar": "其他单位/往年的类似问题",
    "lesson": "经验状态",
    "lesson_identified": "已识别（改进未完成，或问题又出现）",
    "lesson_learned": "已吸取（改进已完成、未复发）",
    "units": "单位",
    "campaigns": "活动对比",
    "tracking": "改进跟踪",
    "tag_index": "标签",
    "categories": "类别",
    "years": "年份",
    "browse": "筛选",
    "home": "首页",
    "entries": "复盘",
    "entry_count": "复盘数",
    "unit_count": "单位数",
    "campaign_count": "活动数",
    "open_actions": "未完成措施",
    "overdue_actions": "逾期措施",
    "done_ratio": "完成比例",
    "action_count": "措施数",
    "latest": "最新复盘",
    "unit_entries": "全部复盘",
    "unit_open": "未完成与逾期的措施",
    "unit_trend": "落实效果与指标完成率",
    "metric_completion": "指标平均完成率",
    "compare_table": "横向对比",
    "best": "最佳",
    "weakest": "待提升",
    "charts": "指标对比图",
    "shared_tags": "多个单位共同的问题",
    "no_shared_tags": "各单位没有共同的问题标签。",
    "units_reviewed": "参与复盘的单位",
    "per_unit_completion": "各单位措施完成情况",
    "from_entry": "来源复盘",
    "none": "无",
    "all_done": "没有未完成的措施。",
    "remote_image_note": "（另一网站上的图片，没有加载）",
    "entries_with_tag": "带有此标签的复盘",
    "dashboard_campaigns": "各活动的复盘单位数",
    "group": "分组",
    "invalid_entries": "格式有误、未发布的复盘文件",
    "score_note": "最佳与待提升按指标平均完成率（无指标时按落实效果）判断。",
    "chart_title": "{metric}：各单位完成率",
    "of_target": "目标 {target}，实际 {actual}",
    "browse_placeholder": "输入关键词筛选…",
    "all": "全部",
    "results": "条结果",
    "search_placeholder": "搜索复盘",
    "reset": "清除筛选",
    # the command line
    "cli.err.group": "units.yml 中没有“{name}”这个分组；分组有：{groups}",
    "cli.compare.unit_group": "{unit}（{group}）",
    "cli.err.no_kb": "这里没有知识库：{start} 及其上级文件夹中都没有 mkdocs.yml；请在知识库中运行，或用 --kb 指定知识库，或用 fupan init 文件夹 新建一个",
    "cli.err.no_reviews": "{root} 中没有存放复盘的 {folder}/ 文件夹；请新建这个文件夹，或用 fupan init 文件夹 新建一个知识库",
    "cli.err.no_folder": "--kb {path}：没有这个文件夹",
    "cli.err.no_campaign": "没有与“{wanted}”相符的活动；已有的活动：{names}",
    "cli.err.campaigns": "“{wanted}”与多项活动相符：{names}；请写得更具体些",
    "cli.err.exists": "{path} 已经存在，没有覆盖；请用 --slug 另起一个文件名",
    "cli.err.kb_exists": "{path} 已经存在，没有覆盖；请选一个空文件夹",
    "cli.sep": "；",
    "cli.h.unit": "单位",
    "cli.h.group": "分组",
    "cli.h.status": "状态",
    "cli.h.overdue": "逾期",
    "cli.h.due": "完成时限",
    "cli.h.owner": "责任人",
    "cli.h.action": "措施",
    "cli.h.id": "复盘",
    "cli.h.campaign": "活动",
    "cli.h.mark": "评价",
    "cli.h.rating": "评分",
    "cli.h.metric": "指标",
    "cli.h.target": "目标",
    "cli.h.actual": "实际",
    "cli.h.completion": "完成率",
    "cli.h.metric_target": "{metric} 目标",
    "cli.h.metric_actual": "{metric} 实际",
    "cli.h.metric_completion": "{metric} 完成率",
    "cli.h.actions": "措施数",
    "cli.h.done": "已完成",
    "cli.h.done_pct": "完成比例",
    "cli.h.tags": "标签",
    "cli.h.kind": "类型",
    "cli.h.problem": "问题",
    "cli.h.units": "单位数",
    "cli.h.years": "年份",
    "cli.h.entries": "复盘数",
    "cli.h.year": "年份",
    "cli.h.fixed_in": "措施完成的复盘",
    "cli.h.back_in": "问题再次出现的复盘",
    "cli.h.action_done": "已完成的措施",
    "cli.h.dimension": "分类",
    "cli.h.name": "名称",
    "cli.status.open": "待办",
    "cli.status.doing": "进行中",
    "cli.status.done": "已完成",
    "cli.status.dropped": "已取消",
    "cli.overdue": "逾期",
    "cli.mark.best": "★ 最佳",
    "cli.mark.weakest": "▼ 待提升",
    "cli.kind.tag": "标签",
    "cli.kind.meaning": "同义",
    "cli.kind.term": "词语",
    "cli.kind.relapse": "复发",
    "cli.check.summary": "共读取 {files} 篇复盘，{valid} 篇有效，{errors} 个错误，{warnings} 个警告",
    "cli.note.left_out": "注意：{n} 篇复盘有错误，未计入：{names}（运行 fupan check 查看）",
    "cli.note.limited": "共 {total} 条，显示前 {shown} 条（用 --limit 显示更多）",
    "cli.empty.actions": "没有符合条件的改进措施",
    "cli.empty.recurring": "没有反复出现的问题",
    "cli.empty.stats": "知识库中还没有可统计的复盘",
    "cli.compare.head": "{campaign}：{n} 个单位",
    "cli.compare.shared": "共同的问题：",
    "cli.compare.unit_line": "{unit}  {mark}",
    "cli.compare.figures": "评分 {rating} · 措施 {actions} 条 · 完成 {done}",
    "cli.compare.tags": "标签：{tags}",
    "cli.recurring.relapses": "改进后又出现的问题：",
    "cli.stats.head": "{entries} 篇复盘；教训：{identified} 篇已识别，{learned} 篇已吸取",
    "cli.stats.by_unit": "单位",
    "cli.stats.by_campaign": "活动",
    "cli.stats.by_year": "年份",
    "cli.init.created": "已创建 {path}",
    "cli.err.no_command": "没有 {name} 这个命令",
    "cli.err.no_option": "没有 {name} 这个选项",
    "cli.err.did_you_mean": "是不是 {hint}？",
    "cli.err.commands": "可用的命令：{names}",
    "cli.err.status": "未知的状态 '{status}'；可用 {choices}",
    "cli.err.text": "{what} 只能是一行文字，不能含有换行、制表符或控制字符，也不能以 --- 开头",
    "cli.err.number": "'{value}' 不是数字",
    "cli.err.choice": "请输入 1 到 {n} 之间的序号，或者名称",
    "cli.err.metric": "指标写作 名称:目标:实际[:计量单位]，如 参与人数:300:245:人；'{value}' 不是这样",
    "cli.err.action": "措施写作 措施|责任人|完成时限，如 '报名提前两周启动|李强|2026-09-01'；'{value}' 不是这样",
    "cli.new.units": "登记的单位：",
    "cli.new.campaigns": "已有的活动：",
    "cli.new.unit": "单位（输入序号或名称）",
    "cli.new.campaign": "活动（输入序号，或输入新活动的名称）",
    "cli.new.near": "已有活动“{name}”，是不是它？",
    "cli.new.use_near": "使用“{name}”",
    "cli.new.new_campaign": "将新建活动“{name}”",
    "cli.new.title": "标题",
    "cli.new.date": "撰写日期",
    "cli.new.category": "工作类别（如 文体活动；可留空）",
    "cli.new.author": "撰写人（可留空）",
    "cli.new.metrics": "指标：逐项输入目标和实际完成的数字，名称留空回车结束",
    "cli.new.metric_name": "指标名称",
    "cli.new.metric_target": "目标",
    "cli.new.metric_actual": "实际",
    "cli.new.metric_unit": "计量单位（如 人、元；可留空）",
    "cli.new.actions": "改进措施：逐条输入，措施留空回车结束",
    "cli.new.action": "措施",
    "cli.new.owner": "责任人",
    "cli.new.due": "完成时限",
    "cli.new.what.title": "标题",
    "cli.new.what.campaign": "活动名称",
    "cli.new.what.category": "工作类别",
    "cli.new.what.author": "撰写人",
    "cli.new.what.metric": "指标名称",
    "cli.new.what.action": "措施",
    "cli.new.what.owner": "责任人",
    "cli.new.what.slug": "文件名",
    "cli.new.what.unit": "单位",
    # fupan site
    "site.cli.written": "已写出构建目录：{path}",
    "site.cli.no_zensical": "没有安装 Zensical：请运行 pip install 'fupan[zensical]'",
    "site.cli.failed": "Zensical 构建失败（{path}），见上面的信息",
    "site.cli.built": "网站已生成：{path}",
    "site.err.strict": "fupan：复盘中有 {n} 个错误（见上）；使用 --strict 时不生成网站，site/ 保持原样。请改正（运行 fupan check 查看），或去掉 --strict，只发布有效的复盘。",
    "site.err.today": "插件选项 today：{reason}",
    "date_format": "{y}年{m}月{d}日",
    "search_all": "全部结果",
    "search_none": "没有找到相关的复盘",
    "search_loading": "正在检索……",
    "search_count": "{n} 篇相关复盘",
    "footer_note": "{site} · 由 fupan 生成",
    "part_about": "标题与标签",
    # fupan remind
    "remind.header": "【改进措施提醒】{date}：{count} 项到期或逾期",
    "remind.part": "（{n}/{total}）",
    "remind.group": "{unit} · {owner}（{count} 项，其中逾期 {overdue} 项）",
    "remind.no_owner": "（未写责任人）",
    "remind.overdue_days": "已逾期 {days} 天",
    "remind.due_today": "今天到期",
    "remind.days_left": "还有 {days} 天",
    "remind.item_due": "完成时限 {due}，{when} · {status}",
    "remind.source": "来源：{title}",
    "remind.footer": "措施完成后，请在复盘文件中把它的状态改为 done（已完成）。",
    "remind.subject": "【改进措施提醒】{who}：{count} 项到期或逾期（{date}）",
    "remind.calendar_name": "改进措施完成时限",
    "remind.calendar_unit": "改进措施完成时限 · {unit}",
    "remind.event_summary": "{owner}：{action}",
    "remind.event_description": "{unit} · 责任人 {owner} · {status} · 完成时限 {due}",
    "remind.subscribe": "订阅日历（.ics）",
    "remind.subscribe_note": "在 Outlook、WPS 或手机日历中添加这个地址，未完成措施的完成时限会显示在日历上并自动更新。",
    "remind.h.unit": "单位",
    "remind.h.owner": "责任人",
    "remind.h.due": "完成时限",
    "remind.h.when": "到期情况",
    "remind.h.action": "措施",
    "remind.h.entry": "复盘",
    "remind.h.channel": "渠道",
    "remind.h.target": "发给",
    "remind.h.result": "结果",
    "remind.channel.wecom": "企业微信",
    "remind.channel.dingtalk": "钉钉",
    "remind.channel.feishu": "飞书",
    "remind.channel.json": "JSON",
    "remind.channel.mail": "邮件",
    "remind.result.sent": "已发送",
    "remind.result.failed": "失败",
    "remind.result.skipped": "今天已发送过，未重发",
    "remind.result.dry-run": "演练，未发送",
    "remind.result.reason": "{result}：{reason}",
    "remind.nothing_due": "{within} 天内没有到期或逾期的措施，不发送提醒",
    "remind.no_channels": "{path} 中没有配置提醒渠道，只列出到期的措施（配置方法见使用指南“提醒”）",
    "remind.dry_run_head": "—— {channel} · {target} ——",
    "remind.summary": "{sent} 条已发送，{skipped} 条今天已发送过，{failed} 条失败",
    "remind.ics_written": "已写出 {path}：{count} 项未完成措施",
    "remind.config_invalid": "{path} 有错误，有错的渠道没有使用",
    "remind.error.env": "环境变量 {name} 没有设置",
    "remind.error.bad_url": "环境变量 {name} 中的不是以 http:// 或 https:// 开头的机器人地址",
    "remind.error.http": "机器人地址回答 HTTP {code} {reason}",
    "remind.error.timeout": "{seconds} 秒内没有回应",
    "remind.error.unreachable": "连不上机器人地址：{reason}",
    "remind.error.refused": "机器人拒收：{reason}",
    "remind.error.login": "邮件服务器 {where} 拒绝了 {user} 的登录：{reply}",
    "remind.error.smtp": "邮件服务器 {where}：{reply}",
    "remind.error.tls": "与邮件服务器 {where} 的加密连接失败（{reason}），可在 cafile 中指定内网证书",
    "remind.error.mail_unreachable": "连不上邮件服务器 {where}：{reason}",
    "remind.error.recipients": "收件人被拒收：{reply}",
    "remind.error.not_taken": "邮件服务器没有接收这封邮件：{reply}",
    "remind.error.unexpected": "意外的错误（{kind}）：{detail}",
    "remind.error.no_address_owner": "没有 {who} 的邮箱：请在 reminders.mail.owners 中填写，或在 reminders.mail.units 中填写其单位的邮箱",
    "remind.error.no_address_unit": "没有 {who} 的邮箱：请在 reminders.mail.units 中填写",
    "import.no_pandoc": "读取 Word 文件需要 pandoc：请安装 fupan 的依赖（pip install pypandoc-binary，它自带 pandoc）",
    "import.unreadable": "{path} 无法读取为 Word 文档（{reason}）；请在 Word 或 WPS 中打开后另存为 .docx 再导入",
    "import.not_word": "{path} 不是 Word 文件；可导入 .docx，装有 LibreOffice 时也可导入 .doc 和 .wps",
    "import.needs_libreoffice": "{path}：导入 {suffix} 文件需要 LibreOffice，本机没有安装；请安装 LibreOffice（Debian/Ubuntu 服务器：apt-get install libreoffice-writer-nogui），或在 Word/WPS 中另存为 .docx 后再导入",
    "import.missing_unit": "{path} 中没有找到单位：在文档开头写一行“单位：第一分公司工会”（或填在模板的表格里），或用 --unit 给出",
    "import.missing_campaign": "{path} 中没有找到活动：在文档开头写一行“活动：2026年职工春季运动会”，或用 --campaign 给出",
    "import.missing_date": "{path} 中没有找到日期：在文档开头写一行“日期：2026-04-20”，或用 --date 给出",
    "import.bad_date": "{path} 中的日期“{value}”无法识别：写成 2026-04-20、2026/4/20 或 2026年4月20日，或用 --date 给出",
    "import.unit": "{path}：{detail}（也可以用 --unit 给出登记的单位名称）",
    "import.exists": "{path} 已经存在，没有覆盖；已导入过的文件不用再导入，另起文件名请用 --slug",
    "import.slug_one": "--slug 只能用于导入一个文件",
    "import.failed": "{path}：未导入：{reason}",
    "import.wrote": "{source} → {path}",
    "import.would_write": "{source} → {path}（演练，未写入）",
    "import.images": "图片 {n} 张，保存在 {folder}",
    "import.move_source": "{source} 已经导入，可以把它移出 reviews/（那里的 Word 文件不是复盘，检查时会提示）",
    "import.missing_part": "没有找到“{part}”部分：文档中需要一个以它开头的标题或加粗行",
    "import.part.summary": "一、总结",
    "import.part.reflection": "二、反思",
    "import.part.improvement": "三、改进",
    "import.checked": "检查：{errors} 个错误，{warnings} 个警告",
    "import.total": "共 {files} 个文件：{ok} 个导入无误，{failed} 个未导入或有错误",
    "import.no_files": "没有找到 Word 文件（.docx、.doc、.wps）",
    "import.template_name": "复盘模板.docx",
    "import.template_exists": "{path} 已经存在，没有覆盖；换一个文件名",
    "import.template_next": "在 Word 或 WPS 中填写 {path}，保存后运行：fupan import {path}",
    "action.h.n": "序号",
    "action.no_entry": "没有编号为 {id} 的复盘（fupan actions 的“复盘”一列就是编号）",
    "action.no_number": "{path} 中没有第 {n} 项措施：共有 {count} 项",
    "action.no_list": "{path} 的文件头中没有 actions 列表",
    "action.unsupported": "{path}:{line}: 这项措施的写法无法逐行修改（{why}）；请直接编辑这个文件",
    "action.changed": "{path} 在读取之后被改动过，没有写入；请重新运行这条命令",
    "action.bad_status": "状态“{value}”无法识别；可用：待办、进行中、已完成、已取消（或 open、doing、done、dropped）",
    "action.nothing": "没有要修改的内容：请给出 --status、--due、--owner 或 --note",
    "action.empty": "{option} 不能为空",
    "action.updated": "{path}:{line}: 第 {n} 项措施已更新：{changes}",
    "action.invalid": "{path} 的文件头无法读取，先运行 fupan check 并修正",
    "action.numbering": "{path}：第 {n} 项措施之前有写错的措施，序号对不上，没有修改；先运行 fupan check 修正",
    "action.same": "{path}:{line}: 第 {n} 项措施没有变化",
    "action.why.not_mapping": "这一项不是分行写的 action: …、status: … 等",
    "action.why.not_one_value": "“{key}”不是单个的值",
    "action.why.unclosed": "{{ 没有对应的 }}",
    "action.why.block_text": "最后一项是多行文字",
    # search: index, search, related, similar
    "search.index.rebuilt": "索引已重建（{why}）：{n} 篇复盘",
    "search.index.updated": "索引已更新：新增 {added} 篇，修改 {changed} 篇，删除 {removed} 篇",
    "search.index.failed": "注意：{n} 篇复盘有错误，无法检索：{names}（运行 fupan check 查看）",
    "search.index.current": "索引已是最新",
    "search.meaning.rebuilt": "语义索引已重建（{why}）",
    "search.meaning.updated": "语义索引已更新：{entries} 篇复盘，新嵌入 {n} 个段落",
    "search.meaning.off": "提示：目前只按字词检索。{why}",
    "search.off.env": "环境变量 FUPAN_MEANING=off 关闭了按语义检索。",
    "search.off.off": "reviews/fupan.yml 中 semantic: {{backend: none}} 关闭了按语义检索。",
    "search.off.missing": "按语义检索需要安装 {package}：pip install {package}。",
    "search.meaning.pending": "提示：有 {n} 个新段落尚未计算语义向量，这次只按已有的向量和字词检索；请运行 fupan index（约需 {minutes} 分钟以上，显示进度，可中断后继续）",
    "search.meaning.busy": "提示：另一个 fupan 正在计算语义向量，这次先按已有的向量检索",
    "search.why.new": "首次建立",
    "search.why.asked": "按要求重建",
    "search.why.format": "索引格式已更新",
    "search.why.units": "units.yml 有改动",
    "search.why.damaged": "索引已损坏或不完整",
    "search.why.meaning_damaged": "语义索引已损坏",
    "search.why.backend": "语义模型已更换",
    "search.progress.words": "建立索引",
    "search.progress.meaning": "建立语义索引",
    "search.unpublished": "[未发布]",
    "search.by_meaning": "[近义]",
    "search.part.summary": "总结",
    "search.part.reflection": "反思",
    "search.part.improvement": "改进",
    "search.part.title": "标题",
    "search.part.tags": "标签",
    "search.none": "没有找到与“{text}”相关的复盘",
    "search.did_you_mean": "；您是不是要找“{text}”？",
    "search.found": "共找到 {n} 篇复盘",
    "search.found_more": "共找到 {n} 篇复盘，显示前 {shown} 篇（用 --limit 显示更多）",
    "search.found_many": "找到更多复盘，显示前 {shown} 篇（用 --limit 显示更多）",
    "search.related.none": "没有找到相关的复盘",
    "search.related.terms": "关键词：{terms}",
    "search.similar.none": "没有找到其他单位或往年的类似问题",
    "search.similar.theirs": "类似的说法",
    "search.similar.ours": "本篇的说法",
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
        "在 FOLDER 文件夹中新建一个知识库。\n"
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
        "检查复盘的格式：整个知识库，或写出的那几个文件。\n"
        "\n"
        "每个问题占一行：文件:行号: 错误（或 警告）: 说明，最后一行是汇总。"
        "加 --json 时，输出每个问题的英文说明和它的代码（code）。"
        "有错误时退出码为 1（加 --strict 时，有警告也是 1）。\n"
        "\n"
        "\b\n"
        "示例：\n"
        "  fupan check\n"
        "  fupan check reviews/2025/spring-games-branch1.md\n"
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
    # click's own messages, keyed by its English text (cli/click_words.py); none of
    # them may use the type names click words once, as a command is declared
    "click:Usage:": "用法:",
    "click:Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "click:Error: {message}": "错误：{message}",
    "click:Options": "选项",
    "click:Commands": "命令",
    "click:Positional arguments": "参数",
    "click:Show this message and exit.": "显示这段帮助后退出。",
    "click:%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "click:Aborted!": "已中止。",
    "click:Missing command.": "缺少命令。",
    "click:Missing argument": "缺少参数",
    "click:Missing option": "缺少选项",
    "click:Missing parameter": "缺少参数",
    "click:Missing parameter: {param_name}": "缺少参数：{param_name}",
    "click:Missing {param_type}": "缺少{param_type}",
    "click:Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "click:Invalid value: {message}": "值不对：{message}",
    "click:No such option {name!r}.": "没有 {name} 这个选项。",
    "click:No such command {name!r}.": "没有 {name} 这个命令。",
    "click:Did you mean {possibility}?": "是不是 {possibility}？",
    "click:(Did you mean one of: {possibilities}?)": "（是不是其中之一：{possibilities}？）",
    "click:Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "click:Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "click:Option {name!r} requires an argument.": "选项 {name} 后面要跟一个值。",
    "click:Option {name!r} requires {nargs} arguments.": "选项 {name} 后面要跟 {nargs} 个值。",
    "click:Option {name!r} does not take a value.": "选项 {name} 后面不跟值。",
    "click:{value!r} is not a valid {number_type}.": "{value!r} 不是整数。",
    "click:{value} is not in the range {range}.": "{value} 不在 {range} 的范围内。",
    "click:{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "click:{value!r} is not one of {choices}.": "{value!r} 不是 {choices} 之一。",
    "click:{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "click:{name} {filename!r} is a file.": "{filename!r} 是文件，这里要的是文件夹。",
    "click:{name} {filename!r} is a directory.": "{filename!r} 是文件夹，这里要的是文件。",
    "click:{name} {filename!r} is not readable.": "{filename!r} 无法读取。",
    "click:{name} {filename!r} is not writable.": "{filename!r} 无法写入。",
    "click:Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "click:default: {default}": "默认：{default}",
    "click:env var: {var}": "环境变量：{var}",
    "click:Repeat for confirmation": "请再输入一次确认",
    "click:Error: The two entered values do not match.": "错误：两次输入的不一样。",
    "click:Error: invalid input": "错误：输入不对",
    "click:Do you want to continue?": "要继续吗？",
    # the checker's problems (fupan.model.Problem) and the errors that become them; a
    # part's name is its label above (summary, ...), said in the same language
    "check.level.error": "错误",
    "check.level.warning": "警告",
    "check.list": "、",
    "check.at": "{where}：{reason}",
    "check.at_line": "第 {line} 行：{reason}",
    "check.cannot_read": "文件无法读取：{reason}",
    "check.broken_link_to": "这是一个失效的链接：它指向的 {target} 无法读取；请删除这个链接，或恢复它指向的文件",
    "check.not_a_file": "这不是普通文件（而是文件夹、管道或设备）；请删除它，或把它移出 reviews/ 文件夹",
    "check.too_big": "文件有 {size:.1f} MB，超过了 {limit:.0f} MB 的上限：附件和数据请另存为文件，在复盘中链接过去",
    "check.not_utf8": "文件不是 UTF-8 编码；请在编辑器中另存为 UTF-8 编码",
    "check.not_utf8_gbk": "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（Windows 上的编辑器常用）；请在编辑器中另存为 UTF-8 编码，或用 `iconv -f GB18030 -t UTF-8 FILE > FILE.new` 转换",
    "check.too_many_values": "值太多（超过 {limit:,} 个，用 *名称 引用 &锚点 的每一处都算）；请把值直接写出来，或把文件拆开",
    "check.anchor_in_itself": "&锚点在它自己里面被引用（&名称 之内有 *名称）；请把值直接写出来",
    "check.long_number": "有一个数字长达几千位；请写实际的数字",
    "check.yaml": "YAML 写法有误：{detail}",
    "check.yaml_too_deep": "YAML 写法有误：嵌套的层次太多",
    "check.yaml_tag": "YAML 写法有误：不接受 YAML 标签（{detail}）；只能写普通的值",
    "check.control_character": "文字中有一个控制字符（#x{char:04x}）；请删除它",
    "check.wide_colon": "“{key}”后面是中文冒号“：”；请改成英文冒号加一个空格：“{key}: ...”（输入这个冒号时请把输入法切换到英文）",
    "check.empty": "文件是空的；请从 `fupan new` 生成的模板开始写",
    "check.no_front_matter": "没有文件头：文件的第一行必须是 ---，接着一行写一项（如 title: ...），最后再用一行 --- 结束",
    "check.front_matter_open": "文件头没有结束：请在最后一项的下一行加一行 ---",
    "check.front_matter_not_mapping": "文件头要一行写一项，写成“名称: 值”（如 title: ...、unit: ...）",
    "check.not_a_day": "“{value}”不是实际存在的日期（{detail}）",
    "check.not_a_date": "“{value}”不是日期；请写作 2025-04-20、2025/4/20 或 2025年4月20日",
    "check.bad_date": "“{key}”：{reason}",
    "check.control_removed": "“{key}”中有控制字符，已经去掉",
    "check.not_text": "“{key}”要填写文字，不能空着",
    "check.not_a_number": "“{key}”要写数字，不能写 {shown}（写 300，不写 300人）",
    "check.number_too_large": "“{key}”的数字太大，不可能是实际的数字",
    "check.not_finite": "“{key}”要写实际的数字，不能是 NaN 或无穷大",
    "check.key_twice": "“{key}”写了两次；以最后一次为准",
    "check.key_twice_in": "{parent} 中的“{key}”写了两次；以最后一次为准",
    "check.key_missing": "缺少必填项“{key}”；请在文件头中加一行“{key}: ...”",
    "check.unknown_key": "“{key}”不是 fupan 认识的项，会保留但不使用；请检查拼写",
    "check.key_not_word": "“{key}”不能作为项的名称；名称要用英文单词，如“title:”",
    "check.unwritten": "各部分还只有模板中的提示问题；写好之前，这篇复盘不会出现在网站、对比和统计中",
    "check.unit_unknown": "单位“{name}”不在 reviews/units.yml 名册中；请在 reviews/units.yml 中登记，或改正名称",
    "check.unit_unknown_close": "单位“{name}”不在 reviews/units.yml 名册中；是不是 {hint}？",
    "check.period_shape": "“period”（时间）要写成 {{start: 开始日期, end: 结束日期}}，如 {{start: 2025-03-01, end: 2025-04-15}}",
    "check.period_reversed": "“period”（时间）的结束日期（{end}）早于开始日期（{start}）；请对调或改正这两个日期",
    "check.tags_not_list": "“tags”（标签）要写成列表，如 tags: [报名, 宣传]",
    "check.too_many_tags": "有 {n} 个标签，只保留前 {max} 个：请挑出最能说明问题的几个",
    "check.rating": "“rating”（落实效果评分）要写 1 到 5 的整数，不能写“{value}”",
    "check.metrics_not_list": "“metrics”（指标）要写成列表，每项有 name（名称）、target（目标）、actual（实际）、unit（计量单位）",
    "check.metric_shape": "每项指标都要有 name（名称）、target（目标）和 actual（实际）",
    "check.metric_missing": "指标“{name}”没有填写“{key}”",
    "check.metric_better": "指标“{name}”：“better”只能写 higher（越高越好）或 lower（越低越好），不能写“{value}”",
    "check.actions_not_list": "“actions”（改进措施）要写成列表，每项有 action（措施）、owner（责任人）、due（完成时限）、status（状态）",
    "check.action_shape": "每项措施都要有“action”（要做的事）",
    "check.action_status": "措施状态“{status}”无法识别；请写 {codes} 之一（或 {words}）",
    "check.open_action_missing": "措施“{text}”的状态是{status}，但没有填写“{key}”；未完成的措施都要有责任人（owner）和完成时限（due）",
    "check.action_placeholder": "措施还是模板中的示例文字；请写上实际的措施和责任人",
    "check.publish": "“publish”（是否发布到网站）只能写 true 或 false，不能写“{value}”",
    "check.part_twice": "“{part}”的标题出现了第二次；它下面的文字并入第一处",
    "check.part_order": "“{part}”排在了“{later}”后面；三个部分的顺序应是：总结、反思、改进",
    "check.part_missing": "缺少“{part}”部分：请加一个二级标题（以 ## 和空格开头），标题中要有 {words} 之一，例如“## {part}”",
    "check.duplicate": "与 {other} 的标题、单位和活动都相同；请把两篇合并，或修改标题",
    "check.same_page": "这个文件与 {other} 在网站上会是同一个页面，所以没有放到网站上；请给它改名（文件名只用英文字母、数字和 -）",
    "check.units_shape": "units.yml 要写成单位的列表，一行一个单位，如“- name: 第一分公司工会”（还可以写 group 分组、aliases 别名）",
    "check.unit_name": "每个单位都要有“name”（单位名称）",
    "check.unit_aliases": "“aliases”（别名）要写成名称的列表，如 aliases: [一分工会, 一分公司工会]",
    "check.folder_unreadable": "文件夹无法读取：{reason}",
    "check.linked_folder": "这个文件夹是一个链接，fupan 不进入链接，其中的复盘没有读取；请把它们移到 reviews/ 文件夹中",
    "check.name_not_utf8": "文件名不是有效的 UTF-8 编码；请给文件改名",
    "check.word_file": "Word 文件不是复盘；请用 `fupan import {file}` 把它转成复盘",
    "check.not_md": "这不是复盘（复盘是 .md 文件），没有读取；请把它移出 reviews/ 文件夹，Word 文档请用 `fupan import` 导入",
    "check.link_loop": "这是一个失效的链接：它绕成了一个圈；请删除它",
    "check.link_missing": "这是一个失效的链接：它指向的 {target} 不存在；请删除它",
    "check.link_outside": "这是指向知识库以外 {target} 的链接，没有读取；请把那篇复盘复制到这里",
    "check.not_in_kb": "这不是本知识库的复盘：复盘是 {reviews} 中的 .md 文件",
    "check.synonyms_shape": "synonyms.yml 要写成同义词组的列表，一行一组，如“- [报名, 参与, 参加]”；或写成 {{replace: true, general: true, groups: [...]}}",
    "check.synonyms_group": "这一组没有使用：{shape}",
    "check.synonyms_big": "这一组有 {n} 个词，没有使用；一组最多 {max} 个意思相同的词：请拆成几组",
    "check.env_required": "{where} 需要填写“{key}”：一个环境变量的名称",
    "check.env_name": "{where} 要写环境变量的名称（英文字母、数字和 _），如 FUPAN_WECOM_URL，不能写“{value}”",
    "check.unused_key": "{where} 不会被使用；可以写的项有：{keys}",
    "check.secret": "{where}：密钥不能写在知识库的文件里；请把它放进环境变量，在这里写“{key}_env: 环境变量名”",
    "check.unit_names": "{where} 要写一个单位名称，或单位名称的列表",
    "check.addresses": "{where} 要写一个邮箱地址，或邮箱地址的列表",
    "check.address": "{where}：“{value}”不是邮箱地址（应像 name@example.com 这样）",
    "check.webhook_shape": "{where} 要分行写出 name、kind、url_env 等项",
    "check.one_of": "{where} 只能写 {choices} 之一，不能写“{value}”",
    "check.mail_shape": "reminders.mail 要分行写出 host、from、owners 或 units 等项",
    "check.mail_needs": "reminders.mail 需要填写“{key}”",
    "check.mail_port": "reminders.mail.port 要写端口号（数字），不能写“{value}”",
    "check.reminders_shape": "reminders 要分行写出 within、webhooks、mail 等项",
    "check.reminders_within": "reminders.within 要写天数（整数），不能写“{value}”",
    "check.reminders_timeout": "reminders.timeout 要写秒数，不能写“{value}”",
    "check.webhooks_not_list": "reminders.webhooks 要写成机器人的列表（每个机器人以 - 开头）",
}

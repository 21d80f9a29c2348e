"""English: the help pages: help.<command>, help.<command>.<option>, help.shared.<option>."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # help pages (cli/helptext.py): help.<command>, help.<command>.<option>, and
    # help.shared.<option> for an option of several commands that has none of its own
    "help.fupan": (
        "fupan (复盘): write, check, search and publish lessons learned.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan check                      # check every entry\n"
        "  fupan search 报名人数不足        # find past problems\n"
        "  fupan actions --overdue          # improvement items past due\n"
        "  fupan stats --kb ~/reviews-kb    # work on another knowledge base\n"
        "\n"
        "Exit codes: 0 done or found, 1 nothing found or problems found,\n"
        "2 a usage error or a bad value."
    ),
    "help.fupan.version": "Show the version and exit.",
    "help.shared.kb": "Knowledge base folder (default: $FUPAN_KB, or the nearest folder upward with mkdocs.yml).",
    "help.shared.lang": "Language of messages, tables and help (default: the site's theme.language).",
    "help.shared.json": "Print JSON for scripts (stable English keys).",
    "help.shared.csv": "Print CSV (UTF-8 with BOM, for Excel and WPS).",
    "help.shared.unit": "Only this unit (a registered name or alias).",
    "help.shared.group": "Only the units of this group in units.yml, e.g. 分公司.",
    "help.shared.campaign": "Only this campaign (its name, or an unambiguous part of it).",
    "help.shared.category": "Only this category, e.g. 文体活动.",
    "help.shared.tag": "Only entries with this tag.",
    "help.shared.since": "Only entries written on or after DATE.",
    "help.shared.until": "Only entries written on or before DATE.",
    "help.shared.mode": "Find by words, by meaning, or both ranked together.",
    "help.init": (
        "Create a new knowledge base in FOLDER, ready for `fupan new` and `mkdocs build`.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  fupan init union-reviews && cd union-reviews && fupan check"
    ),
    "help.init.name": "Site name (default: FOLDER 复盘知识库).",
    "help.new": (
        "Create a new entry and print its path: a form that asks for what no flag gives.\n"
        "\n"
        "Asks, in the knowledge base's language, for the unit (by number from\n"
        "reviews/units.yml), the campaign (by number, or a new name; a name close to\n"
        "an existing one is questioned), title, date, category, author, then metrics\n"
        "and improvement items one at a time. A wrong answer is asked again. With\n"
        "--unit and --campaign it asks nothing, for scripts. Never overwrites a file.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan new\n"
        "  fupan new --unit 第一分公司工会 --campaign 2026年职工春季运动会 --date 2026-04-20\n"
        "  fupan new --unit 一分工会 --campaign 2026年安全生产月 --metric 隐患排查:80:86:项 \\\n"
        "      --action '外包队伍培训纳入统一考试|何雪|2026-09-30'"
    ),
    "help.new.unit": "The unit that writes the review (a registered name or alias).",
    "help.new.campaign": "The campaign being reviewed.",
    "help.new.title": "Title (default: CAMPAIGN复盘（UNIT）).",
    "help.new.date": "Date written (default: today).",
    "help.new.category": "Kind of work, e.g. 文体活动.",
    "help.new.author": "Who writes it.",
    "help.new.metric": "A metric NAME:TARGET:ACTUAL[:UNIT], e.g. 参与人数:300:245:人 (repeatable).",
    "help.new.action": "An improvement item ACTION|OWNER|DUE (repeatable).",
    "help.new.slug": "File name under reviews/YEAR/ (default from campaign and unit).",
    "help.template": (
        "Write the Word template that `fupan import` reads (default: review-template.docx).\n"
        "\n"
        "A header table (标题, 单位, 活动, 日期, 撰写人, ...), the three parts with\n"
        "their guiding questions, a metrics table and an action table. Never\n"
        "overwrites a file.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan template --docx\n"
        "  fupan template --docx 2026运动会复盘.docx"
    ),
    "help.template.docx": "A Word template (the only kind yet).",
    "help.import": (
        "Import Word reviews (.docx; .doc and .wps with LibreOffice) as entries.\n"
        "\n"
        "Finds the three parts by heading style or by 公文 numbering (一、总结 /\n"
        "（一） / 1.), the header block (单位：… 活动：… 日期：… 撰写人：…), the\n"
        "metrics table (指标/目标/实际/单位) and the action table\n"
        "(措施/责任人/完成时限/状态); saves images beside the entry. Options fill in\n"
        "what the document leaves out and win over it. Never overwrites a file;\n"
        "prints the check of each entry written. Exits 1 when a file could not be\n"
        "imported or an entry has errors.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan template --docx 复盘模板.docx      # then fill it in Word or WPS\n"
        "  fupan import 复盘模板.docx\n"
        "  fupan import 各单位复盘/ --campaign 2026年职工春季运动会 --dry-run"
    ),
    "help.import.unit": "The unit, when the document does not say (a name or alias).",
    "help.import.campaign": "The campaign, when the document does not say.",
    "help.import.date": "The date written, when the document does not say.",
    "help.import.title": "Title (default: the document's, else CAMPAIGN复盘（UNIT）).",
    "help.import.author": "Who wrote it, when the document does not say.",
    "help.import.category": "Kind of work, e.g. 文体活动.",
    "help.import.slug": "File name under reviews/YEAR/ (one file only).",
    "help.import.dry_run": "Show the entry and its check; write nothing.",
    "help.action": (
        "Update action N of entry ID in place: status, due date, owner or a note.\n"
        "\n"
        "ID and N are the id and N columns of `fupan actions`. Only the values\n"
        "changed are rewritten; every other byte of the file (comments, order,\n"
        "quoting, line endings) stays as it was. A file changed since it was\n"
        "read is left alone.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan action 2025/spring-games-branch1 1 --status done\n"
        "  fupan action 2025/spring-games-branch1 2 --status 进行中 --due 2026-09-30\n"
        "  fupan action 2025/spring-games-branch1 1 --owner 王芳 --note 已交接"
    ),
    "help.action.status": "open, doing, done, dropped (or 待办, 进行中, 已完成, 已取消).",
    "help.action.due": "A new due date.",
    "help.action.owner": "A new owner.",
    "help.action.note": "A note on the item (kept under 'note').",
    "help.check": (
        "Check entries against the format: the whole knowledge base, or the files named\n"
        "(a folder: every entry in it).\n"
        "\n"
        "Prints PATH:LINE: error|warning: message in the knowledge base's language\n"
        "(错误/警告 on a Chinese one), then a summary; --json gives each problem's\n"
        "English message and its code. Exits 1 when there are errors (with\n"
        "--strict, also warnings).\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan check\n"
        "  fupan check reviews/2025/spring-games-branch1.md\n"
        "  fupan check reviews/2025\n"
        "  fupan check --strict --json > problems.json"
    ),
    "help.check.strict": "Also fail (exit 1) on warnings.",
    "help.search": (
        "Search past reviews by words and meaning, best matches first.\n"
        "\n"
        'Type Chinese without spaces; "quoted words" find an exact phrase, +word\n'
        "or AND requires a word, -word excludes one. Synonyms from\n"
        "reviews/synonyms.yml and a general thesaurus count too, below exact words.\n"
        "Entries that say the same in other words are found by meaning and marked.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan search 报名人数不足\n"
        "  fupan search 一线职工压根不知道有这个活动\n"
        "  fupan search 通知没有传达到班组 --unit 一分公司工会\n"
        "  fupan search '\"经费超支\"' --since 2025-01-01 --part reflection\n"
        "  fupan search 倒班 --mode words --json"
    ),
    "help.search.part": "Search only one part.",
    "help.search.limit": "Hits to show at most.",
    "help.related": (
        "Before you plan: past lessons related to a draft plan (a file, or - for stdin).\n"
        "\n"
        "Picks the plan's key terms, finds the entries most relevant to them and to\n"
        "what the plan means, and lists what they reflected, what they changed, and\n"
        "their improvement items still open. A Word plan (.docx) is read too.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan related 2026运动会方案.md\n"
        "  fupan related 2026运动会方案.docx    # also .doc and .wps with LibreOffice\n"
        '  echo "组织职工篮球赛，各班组报名，经费三万元" | fupan related -'
    ),
    "help.related.limit": "Entries to show at most.",
    "help.similar": (
        "Past reviews of other units or years with problems like those of one entry.\n"
        "\n"
        "ENTRY_ID is the entry's path under reviews/ without .md (as `fupan actions`\n"
        "shows it), or the file's path. Similar by meaning: each line says which of\n"
        "its passages is close to which passage of the entry.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan similar 2025/safety-month-branch2\n"
        "  fupan similar reviews/2025/safety-month-branch2.md --json"
    ),
    "help.similar.limit": "Entries to show at most.",
    "help.index": (
        "Bring the search indexes up to date (search does this by itself, too).\n"
        "\n"
        "Only added, changed and removed entries are read again; only passages whose\n"
        "text changed are embedded again for search by meaning.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan index\n"
        "  fupan index --rebuild\n"
        "  fupan index --words-only"
    ),
    "help.index.rebuild": "Rebuild the index from scratch.",
    "help.index.words_only": "Skip the meaning index.",
    "help.actions": (
        "Improvement items by unit, overdue first, with owner, due date and entry.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan actions\n"
        "  fupan actions --overdue --unit 一分公司工会\n"
        "  fupan actions --campaign 2025年安全 --limit 5\n"
        "  fupan actions --group 分公司 --overdue\n"
        "  fupan actions --status open,doing,done --today 2026-06-30 --csv > items.csv"
    ),
    "help.actions.status": "Comma list of statuses: open,doing,done,dropped (default: open,doing).",
    "help.actions.overdue": "Only items past their due date.",
    "help.actions.owner": "Only items whose owner contains this name.",
    "help.actions.due_before": "Only items due before DATE.",
    "help.actions.today": "Measure 'overdue' from DATE (default: today).",
    "help.actions.limit": "Items to show at most.",
    "help.compare": (
        "Units that reviewed CAMPAIGN, side by side; best and weakest marked.\n"
        "\n"
        "CAMPAIGN is the exact name or an unambiguous part of it. Best and weakest\n"
        "are judged by mean metric completion (the rating when there are no metrics).\n"
        "On a narrow terminal each unit is shown as a block of its own. With --group,\n"
        "only the units of that group of units.yml are compared with each other.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan compare 2025年职工春季运动会\n"
        "  fupan compare 2025年安全 --group 车间\n"
        "  fupan compare 2025年安全 --csv > compare.csv"
    ),
    "help.recurring": (
        "Problems that recur across units or years, and relapses after a fix.\n"
        "\n"
        "A problem is a shared tag, or passages of reflection parts that say the\n"
        "same thing in other words (by meaning; word pairs when meaning is off).\n"
        "A relapse: a unit marked an item on a problem done, and a later entry of\n"
        "the same kind of work shows that problem again.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan recurring\n"
        "  fupan recurring --min-units 3 --json"
    ),
    "help.recurring.min_units": "Units a problem must appear in (or --min-years years).",
    "help.recurring.min_years": "Years a problem must appear in (or --min-units units).",
    "help.recurring.limit": "Problems to show at most.",
    "help.stats": (
        "Entries by unit, campaign and year; item closure per unit; lessons learned.\n"
        "\n"
        "A lesson is *identified* while any of its items is open or doing, and\n"
        "*learned* when all are done or dropped and no later entry of the unit\n"
        "shows the problem again.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan stats\n"
        "  fupan stats --csv > 统计.csv\n"
        "  fupan stats --json"
    ),
    "help.remind": (
        "Remind owners of items due within some days or overdue, by unit and owner.\n"
        "\n"
        "Channels (企业微信, 钉钉, 飞书 and JSON robots, SMTP mail) are set in the\n"
        "reminders: section of reviews/fupan.yml; secrets come from environment\n"
        "variables. A message that went out today is not sent again. Exit code 0\n"
        "when every message went out (or nothing was due), 1 when one failed or\n"
        "fupan.yml has errors.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan remind --dry-run\n"
        "  fupan remind --within 7 --unit 一分公司工会\n"
        "  fupan remind --ics 一分公司.ics --unit 一分公司工会"
    ),
    "help.remind.within": "Days ahead to include (default: reminders.within, or 14).",
    "help.remind.today": "Measure due and overdue from DATE (default: today).",
    "help.remind.dry_run": "Print exactly what would be sent; send nothing.",
    "help.remind.ics": "Write the calendar feed of open items (of --unit) to FILE; send nothing.",
    "help.site": (
        "Write fupan's pages into a build folder and build the site there with Zensical.\n"
        "\n"
        "The same pages as `mkdocs build`, for a generator that runs no MkDocs plugins.\n"
        "Needs Zensical: pip install 'fupan[zensical]'.\n"
        "\n"
        "\b\n"
        "Examples:\n"
        "  fupan site\n"
        "  fupan site --out /tmp/kb-site --no-build"
    ),
    "help.site.out": "Build folder (default: site-build/ in the knowledge base); the site goes to OUT/site.",
    "help.site.no_build": "Only write the build folder; run no generator.",
    "help.site.strict": "Fail (exit 1) when an entry has errors.",
    # the placeholder of an option's value, by its type (click writes TEXT, DATE ...)
    "help.metavar.text": "TEXT",
    "help.metavar.directory": "DIRECTORY",
    "help.metavar.file": "FILE",
    "help.metavar.integer_range": "INTEGER RANGE",
    "help.metavar.date": "DATE",
    # the usage line's placeholders: for the options, the command, and each argument
    "help.usage.options": "[OPTIONS]",
    "help.usage.command": "COMMAND [ARGS]...",
    "help.argument.entry_id": "ID",
    "help.argument.number": "N",
    "help.argument.paths": "PATHS",
    "help.argument.campaign": "CAMPAIGN",
    "help.argument.folder": "FOLDER",
    "help.argument.plan": "PLAN",
    "help.argument.words": "WORDS",
    "help.argument.file": "FILE",
}

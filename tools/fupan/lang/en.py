"""Every string fupan shows in English: site labels, CLI messages and help, prompts, CSV headers."""

from __future__ import annotations

STRINGS: dict[str, str] = {
    # the site's labels
    "recurring": "Recurring problems",
    "relapses": "Relapses: fixed, then back",
    "problem": "Problem",
    "kind": "Kind",
    "kind_tag": "tag",
    "kind_meaning": "said alike",
    "kind_term": "term",
    "fixed_in": "Fixed in",
    "again_in": "Back in",
    "action_done": "Action done",
    "more_in_browse": "The latest {shown} of {total}: all of them on the browse page →",
    "tags_in_browse": "{n} less used tags have no page of their own: find them on the browse page →",
    "see_also": "See also",
    "recurring_note": "Problems in reviews of at least two units or two years: shared tags, and passages of the reflection parts that say the same thing in other words (one sentence stands for each group).",
    "unit": "Unit",
    "campaign": "Campaign",
    "period": "Period",
    "category": "Category",
    "author": "Author",
    "rating": "Rating",
    "tags": "Tags",
    "date": "Date",
    "title": "Title",
    "year": "Year",
    "summary": "Summary",
    "reflection": "Reflection",
    "improvement": "Improvement",
    "metrics": "Metrics",
    "metric": "Metric",
    "target": "Target",
    "actual": "Actual",
    "completion": "Completion",
    "actions": "Improvement actions",
    "action": "Action",
    "owner": "Owner",
    "due": "Due",
    "status": "Status",
    "status_open": "open",
    "status_doing": "doing",
    "status_done": "done",
    "status_dropped": "dropped",
    "overdue": "overdue",
    "same_campaign": "Other units on this campaign",
    "similar": "Similar problems in other units or years",
    "lesson": "Lesson",
    "lesson_identified": "identified (actions open, or the problem came back)",
    "lesson_learned": "learned (actions done, no relapse)",
    "units": "Units",
    "campaigns": "Campaigns",
    "tracking": "Tracking",
    "tag_index": "Tags",
    "categories": "Categories",
    "years": "Years",
    "browse": "Browse",
    "home": "Home",
    "entries": "Reviews",
    "entry_count": "Reviews",
    "unit_count": "Units",
    "campaign_count": "Campaigns",
    "open_actions": "Open actions",
    "overdue_actions": "Overdue actions",
    "done_ratio": "Done",
    "action_count": "Actions",
    "latest": "Latest reviews",
    "unit_entries": "All reviews",
    "unit_open": "Open and overdue actions",
    "unit_trend": "Ratings and metric completion",
    "metric_completion": "Mean metric completion",
    "compare_table": "Side by side",
    "best": "best",
    "weakest": "weakest",
    "charts": "Metrics compared",
    "shared_tags": "Problems several units share",
    "no_shared_tags": "No problem tag is shared.",
    "units_reviewed": "Units that reviewed it",
    "per_unit_completion": "Completion per unit",
    "from_entry": "From",
    "none": "none",
    "all_done": "No open actions.",
    "remote_image_note": "(an image on another site, not loaded)",
    "entries_with_tag": "Reviews with this tag",
    "dashboard_campaigns": "Units that reviewed each campaign",
    "group": "Group",
    "invalid_entries": "Entry files with errors, not published",
    "score_note": "Best and weakest by mean metric completion (the rating without metrics).",
    "chart_title": "{metric}: completion by unit",
    "of_target": "target {target}, actual {actual}",
    "browse_placeholder": "Type to filter…",
    "all": "All",
    "results": "results",
    "search_placeholder": "Search reviews",
    "reset": "Clear filters",
    # the command line
    "cli.err.group": "no group '{name}' in units.yml; the groups: {groups}",
    "cli.compare.unit_group": "{unit} ({group})",
    "cli.err.no_kb": "no knowledge base here: no mkdocs.yml in {start} or above; run inside one, pass --kb DIR, or create one with `fupan init DIR`",
    "cli.err.no_reviews": "{root} has no {folder}/ folder for entries; create it or start with `fupan init DIR`",
    "cli.err.no_folder": "--kb {path}: no such folder",
    "cli.err.no_campaign": "no campaign matches '{wanted}'; campaigns: {names}",
    "cli.err.campaigns": "'{wanted}' matches several campaigns: {names}; be more specific",
    "cli.err.exists": "{path} already exists; choose another --slug",
    "cli.err.kb_exists": "{path} already exists; choose an empty folder",
    "cli.sep": "; ",
    "cli.h.unit": "unit",
    "cli.h.group": "group",
    "cli.h.status": "status",
    "cli.h.overdue": "overdue",
    "cli.h.due": "due",
    "cli.h.owner": "owner",
    "cli.h.action": "action",
    "cli.h.id": "id",
    "cli.h.campaign": "campaign",
    "cli.h.mark": "mark",
    "cli.h.rating": "rating",
    "cli.h.metric": "metric",
    "cli.h.target": "target",
    "cli.h.actual": "actual",
    "cli.h.completion": "%",
    "cli.h.metric_target": "{metric} target",
    "cli.h.metric_actual": "{metric} actual",
    "cli.h.metric_completion": "{metric} %",
    "cli.h.actions": "actions",
    "cli.h.done": "done",
    "cli.h.done_pct": "done %",
    "cli.h.tags": "tags",
    "cli.h.kind": "kind",
    "cli.h.problem": "problem",
    "cli.h.units": "units",
    "cli.h.years": "years",
    "cli.h.entries": "entries",
    "cli.h.year": "year",
    "cli.h.fixed_in": "fixed in",
    "cli.h.back_in": "back in",
    "cli.h.action_done": "action done",
    "cli.h.dimension": "by",
    "cli.h.name": "name",
    "cli.status.open": "open",
    "cli.status.doing": "doing",
    "cli.status.done": "done",
    "cli.status.dropped": "dropped",
    "cli.overdue": "overdue",
    "cli.mark.best": "★ best",
    "cli.mark.weakest": "▼ weakest",
    "cli.kind.tag": "tag",
    "cli.kind.meaning": "meaning",
    "cli.kind.term": "term",
    "cli.kind.relapse": "relapse",
    "cli.check.summary": "{files} entries read, {valid} valid, {errors} errors, {warnings} warnings",
    "cli.note.left_out": "note: {n} entries with errors are left out: {names} (run `fupan check`)",
    "cli.note.limited": "{total} found; showing {shown} (use --limit for more)",
    "cli.empty.actions": "no improvement items match",
    "cli.empty.recurring": "no recurring problems",
    "cli.empty.stats": "no entries to count",
    "cli.compare.head": "{campaign}: {n} units",
    "cli.compare.shared": "shared problems: ",
    "cli.compare.unit_line": "{unit}  {mark}",
    "cli.compare.figures": "rating {rating} · {actions} actions · {done} done",
    "cli.compare.tags": "tags: {tags}",
    "cli.recurring.relapses": "relapses (fixed, then back):",
    "cli.stats.head": "{entries} entries; lessons: {identified} identified, {learned} learned",
    "cli.stats.by_unit": "unit",
    "cli.stats.by_campaign": "campaign",
    "cli.stats.by_year": "year",
    "cli.init.created": "created {path}",
    "cli.err.no_command": "no such command {name}",
    "cli.err.no_option": "no such option {name}",
    "cli.err.did_you_mean": "did you mean {hint}?",
    "cli.err.commands": "commands: {names}",
    "cli.err.status": "unknown status '{status}'; use {choices}",
    "cli.err.text": "{what} must be one line of text, without line breaks, tabs or control characters, and must not start with ---",
    "cli.err.number": "'{value}' is not a number",
    "cli.err.choice": "type a number from 1 to {n}, or a name",
    "cli.err.metric": "write a metric as NAME:TARGET:ACTUAL[:UNIT], e.g. 参与人数:300:245:人; '{value}' is not",
    "cli.err.action": "write an action as ACTION|OWNER|DUE, e.g. '报名提前两周启动|李强|2026-09-01'; '{value}' is not",
    "cli.new.units": "Registered units:",
    "cli.new.campaigns": "Existing campaigns:",
    "cli.new.unit": "Unit (number or name)",
    "cli.new.campaign": "Campaign (number, or a new name)",
    "cli.new.near": "campaign '{name}' exists; did you mean {name}?",
    "cli.new.use_near": "Use '{name}'",
    "cli.new.new_campaign": "new campaign: {name}",
    "cli.new.title": "Title",
    "cli.new.date": "Date written",
    "cli.new.category": "Kind of work, e.g. 文体活动 (may be empty)",
    "cli.new.author": "Author (may be empty)",
    "cli.new.metrics": "Metrics: target and actual figures, one at a time; an empty name ends",
    "cli.new.metric_name": "Metric name",
    "cli.new.metric_target": "Target",
    "cli.new.metric_actual": "Actual",
    "cli.new.metric_unit": "Unit of measure, e.g. 人, 元 (may be empty)",
    "cli.new.actions": "Improvement items, one at a time; an empty item ends",
    "cli.new.action": "Action",
    "cli.new.owner": "Owner",
    "cli.new.due": "Due",
    "cli.new.what.title": "the title",
    "cli.new.what.campaign": "the campaign",
    "cli.new.what.category": "the category",
    "cli.new.what.author": "the author",
    "cli.new.what.metric": "a metric name",
    "cli.new.what.action": "an action",
    "cli.new.what.owner": "the owner",
    "cli.new.what.slug": "the file name",
    "cli.new.what.unit": "the unit",
    # fupan site
    "site.cli.written": "Build folder written: {path}",
    "site.cli.no_zensical": "Zensical is not installed: run pip install 'fupan[zensical]'",
    "site.cli.failed": "Zensical failed to build {path}; see the messages above",
    "site.cli.built": "Site built: {path}",
    "site.err.strict": "fupan: {n} errors in entries (above); with --strict no site is written and site/ is left as it was. Fix them (`fupan check`), or build without --strict to publish the valid entries only.",
    "site.err.today": "plugin option 'today': {reason}",
    "date_format": "{y}-{m:02d}-{d:02d}",
    "search_all": "All results",
    "search_none": "No matching reviews",
    "search_loading": "Searching…",
    "search_count": "{n} matching reviews",
    "footer_note": "{site} · made with fupan",
    "part_about": "Title and tags",
    # fupan remind
    "remind.header": "[Improvement items] {date}: {count} due or overdue",
    "remind.part": "({n}/{total})",
    "remind.group": "{unit} · {owner} ({count} items, {overdue} overdue)",
    "remind.no_owner": "(no owner)",
    "remind.overdue_days": "{days} days overdue",
    "remind.due_today": "due today",
    "remind.days_left": "{days} days left",
    "remind.item_due": "due {due}, {when} · {status}",
    "remind.source": "from: {title}",
    "remind.footer": "When an item is done, set its status to done in the review file.",
    "remind.subject": "[Improvement items] {who}: {count} due or overdue ({date})",
    "remind.calendar_name": "Improvement items due",
    "remind.calendar_unit": "Improvement items due · {unit}",
    "remind.event_summary": "{owner}: {action}",
    "remind.event_description": "{unit} · owner {owner} · {status} · due {due}",
    "remind.subscribe": "Subscribe to the calendar (.ics)",
    "remind.subscribe_note": "Add this address in Outlook, WPS or a phone calendar: open items show on their due dates and stay up to date.",
    "remind.h.unit": "unit",
    "remind.h.owner": "owner",
    "remind.h.due": "due",
    "remind.h.when": "when",
    "remind.h.action": "action",
    "remind.h.entry": "entry",
    "remind.h.channel": "channel",
    "remind.h.target": "to",
    "remind.h.result": "result",
    "remind.channel.wecom": "WeCom",
    "remind.channel.dingtalk": "DingTalk",
    "remind.channel.feishu": "Feishu",
    "remind.channel.json": "JSON",
    "remind.channel.mail": "mail",
    "remind.result.sent": "sent",
    "remind.result.failed": "failed",
    "remind.result.skipped": "already sent today",
    "remind.result.dry-run": "dry run, not sent",
    "remind.result.reason": "{result}: {reason}",
    "remind.nothing_due": "no items due within {within} days or overdue: no reminder sent",
    "remind.no_channels": "{path} configures no reminder channels: only listing what is due (see the guide, Reminders)",
    "remind.dry_run_head": "--- {channel} · {target} ---",
    "remind.summary": "{sent} sent, {skipped} already sent today, {failed} failed",
    "remind.ics_written": "{path} written: {count} open items",
    "remind.config_invalid": "{path} has errors; the channels with errors were not used",
    "remind.error.env": "environment variable {name} is not set",
    "remind.error.bad_url": "environment variable {name} does not hold a robot address starting with http:// or https://",
    "remind.error.http": "the robot address answered HTTP {code} {reason}",
    "remind.error.timeout": "no answer within {seconds} s",
    "remind.error.unreachable": "cannot reach the robot address: {reason}",
    "remind.error.refused": "the robot refused the message: {reason}",
    "remind.error.login": "mail server {where} refused the login of {user}: {reply}",
    "remind.error.smtp": "mail server {where}: {reply}",
    "remind.error.tls": "TLS with mail server {where} failed ({reason}); name the intranet certificate in cafile",
    "remind.error.mail_unreachable": "cannot reach mail server {where}: {reason}",
    "remind.error.recipients": "recipients refused: {reply}",
    "remind.error.not_taken": "the mail server did not take the message: {reply}",
    "remind.error.unexpected": "unexpected error ({kind}): {detail}",
    "remind.error.no_address_owner": "no mail address for {who}: add it under reminders.mail.owners, or the unit's under reminders.mail.units",
    "remind.error.no_address_unit": "no mail address for {who}: add it under reminders.mail.units",
    "import.no_pandoc": "reading Word files needs pandoc: install fupan's dependencies (pip install pypandoc-binary, which bundles pandoc)",
    "import.unreadable": "{path} cannot be read as a Word document ({reason}); open it in Word or WPS, save it as .docx and import that",
    "import.not_word": "{path} is not a Word file; fupan imports .docx, and .doc and .wps when LibreOffice is installed",
    "import.needs_libreoffice": "{path}: importing {suffix} files needs LibreOffice, which is not installed; install it (on a Debian/Ubuntu server: apt-get install libreoffice-writer-nogui), or save the file as .docx in Word/WPS and import that",
    "import.missing_unit": "{path} names no unit: start the document with a line '单位：第一分公司工会' (or fill in the template's table), or give --unit",
    "import.missing_campaign": "{path} names no campaign: start the document with a line '活动：2026年职工春季运动会', or give --campaign",
    "import.missing_date": "{path} has no date: start the document with a line '日期：2026-04-20', or give --date",
    "import.bad_date": "{path}: the date '{value}' is not a date; write 2026-04-20, 2026/4/20 or 2026年4月20日, or give --date",
    "import.unit": "{path}: {detail}; or give --unit with the registered name",
    "import.exists": "{path} already exists and was not overwritten; a file imported before need not be imported again, use --slug for another name",
    "import.slug_one": "--slug works with one file only",
    "import.failed": "{path}: not imported: {reason}",
    "import.wrote": "{source} → {path}",
    "import.would_write": "{source} → {path} (dry run, nothing written)",
    "import.images": "{n} images, saved in {folder}",
    "import.move_source": "{source} is imported; move it out of reviews/ (a Word file there is no entry, and check says so)",
    "import.missing_part": "no '{part}' part found: the document needs a heading or bold line that starts with it",
    "import.part.summary": "一、总结 (summary)",
    "import.part.reflection": "二、反思 (reflection)",
    "import.part.improvement": "三、改进 (improvement)",
    "import.checked": "check: {errors} errors, {warnings} warnings",
    "import.total": "{files} files: {ok} imported without errors, {failed} not imported or with errors",
    "import.no_files": "no Word files (.docx, .doc, .wps) found",
    "import.template_name": "review-template.docx",
    "import.template_exists": "{path} already exists and was not overwritten; choose another name",
    "import.template_next": "fill in {path} in Word or WPS, save it, then run: fupan import {path}",
    "action.h.n": "n",
    "action.no_entry": "no entry with the id {id} (the id column of fupan actions)",
    "action.no_number": "{path} has no action {n}: it has {count}",
    "action.no_list": "{path} has no actions list in its front matter",
    "action.unsupported": "{path}:{line}: this action is written in a way that cannot be edited line by line ({why}); edit the file itself",
    "action.changed": "{path} changed on disk after it was read and was not written; run the command again",
    "action.bad_status": "status '{value}' is unknown; use open, doing, done, dropped (or 待办、进行中、已完成、已取消)",
    "action.nothing": "nothing to change: give --status, --due, --owner or --note",
    "action.empty": "{option} must not be empty",
    "action.updated": "{path}:{line}: action {n} updated: {changes}",
    "action.invalid": "{path}: its front matter cannot be read; run fupan check and fix it first",
    "action.numbering": "{path}: an action before action {n} has an error, so the numbers do not match and nothing was changed; run fupan check and fix it first",
    "action.same": "{path}:{line}: action {n} is unchanged",
    "action.why.not_mapping": "not a mapping",
    "action.why.not_one_value": "'{key}' is not one value",
    "action.why.unclosed": "unclosed {{",
    "action.why.block_text": "a block text ends it",
    # search: index, search, related, similar
    "search.index.rebuilt": "index rebuilt ({why}): {n} entries",
    "search.index.updated": "index updated: {added} added, {changed} changed, {removed} removed",
    "search.index.failed": "note: {n} entries have errors and are not searchable: {names} (run `fupan check`)",
    "search.index.current": "index is up to date",
    "search.meaning.rebuilt": "meaning index rebuilt ({why})",
    "search.meaning.updated": "meaning index updated: {entries} entries, {n} passages embedded",
    "search.meaning.off": "note: searching by words only. {why}",
    "search.off.env": "Search by meaning is turned off by FUPAN_MEANING=off.",
    "search.off.off": "Search by meaning is turned off by semantic: {{backend: none}} in reviews/fupan.yml.",
    "search.off.missing": "Search by meaning needs {package}: pip install {package}.",
    "search.meaning.pending": "note: {n} new passages have no meaning vectors yet, so this search used those there are and the words; run `fupan index` (about {minutes} minutes or more, with progress; it can be stopped and resumed)",
    "search.meaning.busy": "note: another fupan process is embedding passages; this search used the vectors there are",
    "search.why.new": "no index yet",
    "search.why.asked": "asked to rebuild",
    "search.why.format": "index format changed",
    "search.why.units": "units.yml changed",
    "search.why.damaged": "index was damaged or incomplete",
    "search.why.meaning_damaged": "the semantic index was damaged",
    "search.why.backend": "the semantic backend changed",
    "search.progress.words": "indexing",
    "search.progress.meaning": "embedding",
    "search.unpublished": "[unpublished]",
    "search.by_meaning": "[related]",
    "search.part.summary": "summary",
    "search.part.reflection": "reflection",
    "search.part.improvement": "improvement",
    "search.part.title": "title",
    "search.part.tags": "tags",
    "search.none": "no entries found for {text}",
    "search.did_you_mean": '; did you mean "{text}"?',
    "search.found": "{n} entries found",
    "search.found_more": "{n} entries found; showing {shown} (use --limit for more)",
    "search.found_many": "more entries found; showing {shown} (use --limit for more)",
    "search.related.none": "no related entries found",
    "search.related.terms": "key terms: {terms}",
    "search.similar.none": "no similar problems of other units or years found",
    "search.similar.theirs": "theirs",
    "search.similar.ours": "this entry",
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
        "Check entries against the format: the whole knowledge base, or the files named.\n"
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
    # the checker's problems (fupan.model.Problem) and the errors that become them; a
    # part's name is its label above (summary, ...), said in the same language
    "check.level.error": "error",
    "check.level.warning": "warning",
    "check.list": ", ",
    "check.at": "{where}: {reason}",
    "check.at_line": "line {line}: {reason}",
    "check.cannot_read": "cannot read file: {reason}",
    "check.broken_link_to": "broken link: it points to {target}, which cannot be read; remove the link or restore its target",
    "check.not_a_file": "not a regular file (a folder, pipe or device); remove it or move it out of reviews/",
    "check.too_big": "file is {size:.1f} MB; the limit is {limit:.0f} MB: keep attachments and data in other files and link to them",
    "check.not_utf8": "file is not UTF-8 encoded; save it as UTF-8 in your editor",
    "check.not_utf8_gbk": "file is not UTF-8 encoded; it looks like GBK/GB18030 (common in Windows editors); convert it with `iconv -f GB18030 -t UTF-8 FILE > FILE.new` or save it as UTF-8",
    "check.too_many_values": "too many values (more than {limit:,}, counting each use of an &anchor by *name); write the values out, or split the file",
    "check.anchor_in_itself": "an &anchor is used inside itself (*name within &name); write the values out",
    "check.long_number": "a number is thousands of digits long; write a real figure",
    "check.yaml": "invalid YAML: {detail}",
    "check.yaml_too_deep": "invalid YAML: values are nested too deeply",
    "check.yaml_tag": "invalid YAML: YAML tag refused ({detail}); only plain values are allowed",
    "check.control_character": "a control character (#x{char:04x}) is in the text; delete it",
    "check.wide_colon": "'{key}' is followed by a full-width colon '：'; write an English colon and a space: '{key}: ...' (switch the input method to English for it)",
    "check.empty": "file is empty; start from the template made by `fupan new`",
    "check.no_front_matter": "no front matter: the file must start with a line '---', the YAML keys, and another '---'",
    "check.front_matter_open": "front matter is not closed: add a line '---' after the last key",
    "check.front_matter_not_mapping": "front matter must be a mapping of keys to values (title: ..., unit: ...)",
    "check.not_a_day": "{value!r} is not a real day ({detail})",
    "check.not_a_date": "{value!r} is not a date; write it as 2025-04-20, 2025/4/20 or 2025年4月20日",
    "check.bad_date": "'{key}': {reason}",
    "check.control_removed": "'{key}' holds control characters; they are removed",
    "check.not_text": "'{key}' must be non-empty text",
    "check.not_a_number": "'{key}' must be a number, not {shown} (write 300, not '300人')",
    "check.number_too_large": "'{key}' is too large to be a real figure",
    "check.not_finite": "'{key}' must be a real figure, not NaN or infinity",
    "check.key_twice": "'{key}' is given twice; the last one counts",
    "check.key_twice_in": "'{key}' is given twice in {parent}; the last one counts",
    "check.key_missing": "required key '{key}' is missing; add '{key}: ...' to the front matter",
    "check.unknown_key": "unknown key '{key}' is kept but not used; check its spelling",
    "check.key_not_word": "key {key!r} is not a word; keys are names such as 'title:'",
    "check.unwritten": "the parts still hold only the template's questions; the entry is left out of the site, comparisons and counts until they are written",
    "check.unit_unknown": "unit '{name}' is not registered in reviews/units.yml; add it to reviews/units.yml or fix the name",
    "check.unit_unknown_close": "unit '{name}' is not registered in reviews/units.yml; did you mean {hint}?",
    "check.period_shape": "'period' must be {{start: DATE, end: DATE}}",
    "check.period_reversed": "period ends ({end}) before it starts ({start}); swap or fix the dates",
    "check.tags_not_list": "'tags' must be a list, e.g. tags: [报名, 宣传]",
    "check.too_many_tags": "{n} tags; only the first {max} are kept: choose the telling ones",
    "check.rating": "'rating' must be a whole number from 1 to 5, not {value!r}",
    "check.metrics_not_list": "'metrics' must be a list of {{name, target, actual, unit}}",
    "check.metric_shape": "each metric needs name, target and actual",
    "check.metric_missing": "metric '{name}' has no '{key}'",
    "check.metric_better": "metric '{name}': 'better' must be higher or lower, not {value!r}",
    "check.actions_not_list": "'actions' must be a list of {{action, owner, due, status}}",
    "check.action_shape": "each action needs 'action' (what will be done)",
    "check.action_status": "action status '{status}' is unknown; use one of {codes} (or {words})",
    "check.open_action_missing": "{status} action '{text}' has no '{key}'; every open item needs an owner and a due date",
    "check.action_placeholder": "action still holds the template's placeholder; write the real item and its owner",
    "check.publish": "'publish' must be true or false, not {value!r}",
    "check.part_twice": "a second '{part}' heading; its text joins the first",
    "check.part_order": "part '{part}' comes after '{later}'; the order is Summary, Reflection, Improvement",
    "check.part_missing": "the {part} part is missing: add a level-2 heading with one of {words}, e.g. '## {part}'",
    "check.duplicate": "same title, unit and campaign as {other}; merge the two or change the title",
    "check.same_page": "this file and {other} would get the same page on the site, so it is left off the site; rename it (use letters, digits and '-' in file names)",
    "check.units_shape": "units.yml must be a list of units: '- name: 第一分公司工会' (with optional group, aliases)",
    "check.unit_name": "each unit needs a 'name' (text)",
    "check.unit_aliases": "'aliases' must be a list of names",
    "check.folder_unreadable": "folder cannot be read: {reason}",
    "check.linked_folder": "this folder is a link, which fupan does not follow: its entries are not read; move them into reviews/ itself",
    "check.name_not_utf8": "the file name is not valid UTF-8; rename the file",
    "check.word_file": "a Word file is not an entry; turn it into one with `fupan import {file}`",
    "check.not_md": "not an entry (entries are .md files) and not read; move it out of reviews/, or for a Word document use `fupan import`",
    "check.link_loop": "broken link: it leads to a loop; remove it",
    "check.link_missing": "broken link: it leads to {target}, which does not exist; remove it",
    "check.link_outside": "a link to {target}, outside the knowledge base, is not read; copy the entry here instead",
    "check.not_in_kb": "not an entry of this knowledge base: entries are .md files under {reviews}",
    "check.synonyms_shape": "synonyms.yml must be a list of groups, e.g. '- [报名, 参与, 参加]', or {{replace: true, general: true, groups: [...]}}",
    "check.synonyms_group": "this group is left out: {shape}",
    "check.synonyms_big": "a group of {n} terms is left out; a group holds at most {max} words that mean the same: split it",
    "check.env_required": "{where} needs '{key}': the name of an environment variable",
    "check.env_name": "{where} must name an environment variable (letters, digits, _), such as FUPAN_WECOM_URL, not {value!r}",
    "check.unused_key": "{where} is not used; the keys are {keys}",
    "check.secret": "{where}: secrets are never kept in the repository; put the value in an environment variable and write '{key}_env: VARIABLE_NAME'",
    "check.unit_names": "{where} must be a unit name or a list of them",
    "check.addresses": "{where} must be a mail address or a list of them",
    "check.address": "{where}: {value!r} is not a mail address (name@example.com)",
    "check.webhook_shape": "{where} must be a mapping: name, kind, url_env",
    "check.one_of": "{where} must be one of {choices}, not {value!r}",
    "check.mail_shape": "reminders.mail must be a mapping: host, from, owners or units",
    "check.mail_needs": "reminders.mail needs '{key}'",
    "check.mail_port": "reminders.mail.port must be a port number, not {value!r}",
    "check.reminders_shape": "reminders must be a mapping: within, webhooks, mail",
    "check.reminders_within": "reminders.within must be a number of days, not {value!r}",
    "check.reminders_timeout": "reminders.timeout must be seconds, not {value!r}",
    "check.webhooks_not_list": "reminders.webhooks must be a list of robots",
}

"""The command line: check, new, init, global options, exit codes, and docs kept in step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fupan import __version__
from fupan.cli import cli
from fupan.lang import TABLES

from .conftest import ROOT, entry

DOCS = (ROOT / "docs/guide/cli.md").read_text("utf-8")
COMMANDS = cli.list_commands(click.Context(cli))


def run(*args: str, input: str | None = None, code: int = 0, env: dict | None = None):
    r = CliRunner().invoke(cli, list(args), input=input, env=env)
    assert r.exit_code == code, r.output
    return r


def section(name: str) -> str:
    """The text of docs/guide/cli.md's section on ``name`` (``## name：…`` to the next ``##``)."""
    found = re.search(rf"^## {re.escape(name)}(?![\w-]).*?(?=^## |\Z)", DOCS, re.M | re.S)
    return found.group(0) if found else ""


def test_the_lazy_group_lists_its_commands():
    assert len(COMMANDS) >= 10 and {"search", "new", "actions"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_docs_section_and_examples(name):
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, name
    for lang, heading in (("zh", "示例："), ("en", "Example")):
        help = TABLES[lang][f"help.{name}"]
        assert f"\b\n{heading}" in help and f"  fupan {name}" in help, (
            f"the {lang} help of `fupan {name}` (help.{name}) has no example"
        )
    text = section(name)
    assert text, f"docs/guide/cli.md has no section '## {name}'"
    blocks = re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    assert any(re.search(rf"^(\$ )?fupan {name}\b", b, re.M) for b in blocks), (
        f"the section on {name} in docs/guide/cli.md has no example"
    )
    assert f"fupan {name}" in run(name, "--help").output


def test_docs_name_exit_codes_language_order_and_completion():
    for words in ("退出码", "--lang", "拼音", "_FUPAN_COMPLETE", "FUPAN_KB", "did you mean"):
        assert words in DOCS, words


def test_version():
    assert __version__ in run("--version").output


def test_check_reports_and_counts(kb_factory):
    kb = kb_factory(
        {
            "2025/good.md": entry(),
            "2025/bad.md": entry(title="坏的", extra="rating: 9\n"),
            "2025/broken.md": "no front matter",
            "_draft.md": "not an entry",
        }
    )
    r = run("--kb", str(kb), "check", code=1)
    lines = r.stdout.splitlines()
    assert (
        "reviews/2025/bad.md:6: 错误: “rating”（落实效果评分）要写 1 到 5 的整数，不能写“9”"
        in lines
    )
    assert any(line.startswith("reviews/2025/broken.md:1: 错误: 没有文件头") for line in lines)
    assert lines[-1] == "共读取 3 篇复盘，1 篇有效，2 个错误，0 个警告"
    problems = json.loads(run("--kb", str(kb), "check", "--json", code=1).stdout)
    assert {p["path"] for p in problems} == {"reviews/2025/bad.md", "reviews/2025/broken.md"}
    one = run("--kb", str(kb), "check", "--lang", "en", str(kb / "reviews/2025/good.md"))
    assert one.stdout.strip() == "1 entries read, 1 valid, 0 errors, 0 warnings"


def test_check_speaks_the_knowledge_base_language_and_json_keeps_english(kb_factory):
    body = "## 一、总结\n计划\n\n## 三、改进\n提前\n"
    kb = kb_factory({"a.md": entry(extra="rating: 9\ncolour: red\n", body=body)})
    zh = run("--kb", str(kb), "check", code=1).stdout.splitlines()
    assert zh[:3] == [
        "reviews/a.md:6: 错误: “rating”（落实效果评分）要写 1 到 5 的整数，不能写“9”",
        "reviews/a.md:7: 警告: “colour”不是 fupan 认识的项，会保留但不使用；请检查拼写",
        "reviews/a.md:9: 错误: 缺少“二、反思”部分：请加一个二级标题（以 ## 和空格开头），"
        "标题中要有 反思、分析、reflection、reflect 之一，例如“## 二、反思”",
    ]
    en = run("--kb", str(kb), "check", "--lang", "en", code=1).stdout.splitlines()
    assert en[:3] == [
        "reviews/a.md:6: error: 'rating' must be a whole number from 1 to 5, not 9",
        "reviews/a.md:7: warning: unknown key 'colour' is kept but not used; check its spelling",
        "reviews/a.md:9: error: the Reflection part is missing: add a level-2 heading with one "
        "of 反思, 分析, reflection, reflect, e.g. '## Reflection'",
    ]
    problems = json.loads(run("--kb", str(kb), "check", "--json", code=1).stdout)
    assert [(p["line"], p["code"]) for p in problems] == [
        (6, "check.rating"),
        (7, "check.unknown_key"),
        (9, "check.part_missing"),
    ]
    assert [f"reviews/a.md:{p['line']}: {p['level']}: {p['message']}" for p in problems] == en[:3]
    config = kb / "mkdocs.yml"  # an English knowledge base speaks English without --lang
    config.write_text(config.read_text("utf-8").replace("  font: false", "  language: en"))
    assert run("--kb", str(kb), "check", code=1).stdout.splitlines()[:3] == en[:3]


def test_the_site_build_warns_in_the_site_language(monkeypatch):
    """The MkDocs plugin logs the problems of the build in the labels' language."""
    from types import SimpleNamespace

    from fupan.lang import strings
    from fupan.model import Problem
    from fupan.site import plugin

    problem = Problem.of("reviews/a.md", 6, "error", "check.rating", value=9)
    logged: list[str] = []
    monkeypatch.setattr(plugin, "log", SimpleNamespace(warning=logged.append, info=logged.append))
    fupan = plugin.FupanPlugin()
    fupan.load_config({})
    fupan.root, fupan.language = Path("."), "zh"
    config = SimpleNamespace(use_directory_urls=True, site_url="", strict=False)
    for language in ("zh", "en"):
        built = SimpleNamespace(problems=[problem], labels=strings(language))
        monkeypatch.setattr(plugin.build, "load", lambda *args, built=built: built)
        fupan.on_pre_build(config)
    assert logged == [
        "reviews/a.md:6: 错误: “rating”（落实效果评分）要写 1 到 5 的整数，不能写“9”",
        "reviews/a.md:6: error: 'rating' must be a whole number from 1 to 5, not 9",
    ]


def test_check_strict_fails_on_warnings(kb_factory):
    kb = kb_factory({"a.md": entry(extra="colour: red\n")})
    assert "警告: “colour”不是 fupan 认识的项" in run("--kb", str(kb), "check").stdout
    run("--kb", str(kb), "check", "--strict", code=1)


def test_check_duplicates_and_close_unit(kb_factory):
    kb = kb_factory({"a.md": entry(), "b.md": entry(), "c.md": entry(unit="第一分公司工")})
    out = run("--kb", str(kb), "check", code=1).stdout
    assert "reviews/b.md:2: 警告: 与 reviews/a.md 的标题、单位和活动都相同" in out
    assert (
        "reviews/c.md:3: 错误: 单位“第一分公司工”不在 reviews/units.yml 名册中；是不是 第一分公司工会？"
        in out
    )


def test_check_warns_of_a_campaign_written_another_way(kb_factory):
    usual = "2026年安全生产月"
    kb = kb_factory(
        {
            "a.md": entry(unit="第一分公司工会", campaign=usual),
            "b.md": entry(unit="第二分公司工会", campaign=usual),
            "c.md": entry(unit="检修车间工会", campaign="2026年安全生产月份"),
            # other campaigns, however close: another season, round, year or contest
            "d.md": entry(campaign="2026年职工秋季运动会"),
            "e.md": entry(unit="检修车间工会", campaign="2026年职工春季运动会"),
            "f.md": entry(campaign="2026年反违章专项行动（第6期）"),
            "g.md": entry(unit="检修车间工会", campaign="2026年反违章专项行动（第7期）"),
            "h.md": entry(campaign="2025年安全生产月"),
            "i.md": entry(campaign="2026年安全生产月知识竞赛"),
        }
    )
    out = run("--kb", str(kb), "check").stdout
    assert (
        "reviews/c.md:4: 警告: 活动“2026年安全生产月份”与“2026年安全生产月”（2 篇复盘）只差一两个字"
        in out
    )
    assert out.count("只差一两个字") == 1, out


def test_a_file_named_against_the_format_loses_the_page_it_shares(kb_factory):
    kb = kb_factory({"2025/games-center.md": entry(), "2025/Games Center.md": entry()})
    out = run("--kb", str(kb), "check", code=1).stdout
    bad, good = "reviews/2025/Games Center.md", "reviews/2025/games-center.md"
    assert f"{bad}:1: 错误: 这个文件与 {good} 在网站上会是同一个页面" in out
    assert f"{bad}:2: 警告: 与 {good} 的标题、单位和活动都相同" in out
    assert f"{good}:" not in out


def test_actions_say_which_entries_they_could_not_fully_count(kb_factory):
    bad_due = "actions:\n  - {action: 报名提前, owner: 李强, due: 9月底, status: open}\n"
    kb = kb_factory({"a.md": entry(extra=bad_due)})
    run("--kb", str(kb), *NEW, "--action", "增设备用场地|王芳|2026-09-01")
    r = run("--kb", str(kb), "actions")
    assert "注意：1 篇复盘有错误，只计入了能读懂的部分" in r.stderr and "reviews/a.md" in r.stderr
    assert "注意：1 篇复盘还只有模板的提示，没有写内容，其中的改进措施暂不跟踪" in r.stderr
    assert "报名提前" in r.stdout and "增设备用场地" not in r.stdout


def test_check_takes_a_folder_and_a_bad_kb_is_told_in_chinese(kb_factory, tmp_path):
    kb = kb_factory({"2025/a.md": entry(), "2025/b.md": entry(date="2025-13-01"), "c.md": entry()})
    out = run("--kb", str(kb), "check", str(kb / "reviews/2025"), code=1).stdout
    assert "reviews/2025/b.md:5: 错误" in out and out.strip().endswith(
        "共读取 2 篇复盘，1 篇有效，1 个错误，0 个警告"
    )
    r = CliRunner().invoke(cli, ["--kb", str(tmp_path / "nowhere"), "check"])
    assert (
        r.exit_code == 2 and r.output.startswith("用法: ") and "[选项] 命令 [参数]..." in r.output
    )


def test_a_written_entry_keeps_its_page_from_a_template_named_right(kb_factory):
    kb = kb_factory({"2025/Games Day.md": entry()})
    run(
        "--kb",
        str(kb),
        "new",
        "--unit",
        "一分工会",
        "--campaign",
        "2025年职工春季运动会",
        "--slug",
        "games-day",
        "--date",
        "2025-04-20",
    )
    out = run("--kb", str(kb), "check", code=1).stdout
    assert "reviews/2025/games-day.md:1: 错误: 这个文件与 reviews/2025/Games Day.md" in out


def test_check_of_a_folder_names_what_the_walk_found_there_and_each_file_once(kb_factory):
    kb = kb_factory({"2025/a.md": entry(), "2026/b.md": entry(title="另一篇")})
    (kb / "reviews/2025/gone.md").symlink_to(kb / "reviews/2025/nowhere.md")
    out = run("--kb", str(kb), "check", str(kb / "reviews/2025"), code=1).stdout
    assert "reviews/2025/gone.md:1: 错误" in out and "reviews/2026" not in out
    both = run("--kb", str(kb), "check", str(kb / "reviews/2026"), str(kb / "reviews/2026/b.md"))
    assert both.stdout.strip() == "共读取 1 篇复盘，1 篇有效，0 个错误，0 个警告"


def test_finds_kb_upward_and_says_when_none(kb_factory, monkeypatch, tmp_path):
    kb = kb_factory({"a.md": entry()})
    monkeypatch.chdir(kb / "reviews")
    assert "1 篇有效" in run("check").stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    if any((folder / "mkdocs.yml").exists() for folder in empty.parents):
        empty = Path("/proc")  # somebody's knowledge base above the temporary folders
    monkeypatch.chdir(empty)
    r = run("check", code=1)
    assert "这里没有知识库：" in r.stderr and "mkdocs.yml" in r.stderr and "fupan init" in r.stderr
    en = run("check", "--lang", "en", code=1)
    assert "no knowledge base here" in en.stderr
    assert "Traceback" not in r.output


def test_kb_after_the_command_and_from_the_environment(kb_factory, monkeypatch, tmp_path):
    kb = kb_factory({"a.md": entry()})
    monkeypatch.chdir(tmp_path)
    assert "1 篇有效" in run("check", "--kb", str(kb)).stdout
    assert "1 篇有效" in run("check", env={"FUPAN_KB": str(kb)}).stdout
    # the option after the command wins over the one before it, and over the environment
    assert "1 篇有效" in run("--kb", str(tmp_path), "check", "--kb", str(kb)).stdout
    elsewhere = {"FUPAN_KB": str(tmp_path)}
    assert "1 篇有效" in run("--kb", str(kb), "check", env=elsewhere).stdout
    assert "1 篇有效" in run("check", "--kb", str(kb), env=elsewhere).stdout
    # a unit is resolved in the knowledge base named after it on the line
    run("actions", "--unit", "一分工会", "--kb", str(kb), "--json", code=1)
    r = run("check", "--kb", str(tmp_path / "nowhere"), code=2)
    assert "nowhere" in r.output


def test_mistyped_command_gets_a_suggestion():
    r = run("serach", "报名", code=2)
    assert "没有 serach 这个命令；是不是 search？" in r.output
    r = run("--lang", "en", "stat", code=2)
    assert "no such command stat; did you mean stats?" in r.output
    assert "actions, check" in run("xyzzy", code=2).output  # nothing close: the list


def test_language_from_the_site_and_overridden(kb_factory):
    kb = kb_factory({"a.md": entry()})
    config = kb / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  font: false", "  font: false\n  language: en")
    )
    assert "1 entries read" in run("--kb", str(kb), "check").stdout
    assert "共读取 1 篇复盘" in run("--kb", str(kb), "check", "--lang", "zh").stdout
    r = run("--kb", str(kb), "--lang", "fr", "check", code=2)
    assert "'fr' is not one of 'zh', 'en'" in r.output


NEW = ["new", "--unit", "一分工会", "--campaign", "2026年职工篮球赛"]


def test_new_with_flags_writes_a_valid_entry(kb_factory):
    kb = kb_factory({})
    r = run("--kb", str(kb), *NEW, "--date", "2026/5/1", "--author", "张敏")
    path = kb / r.stdout.strip()
    assert path.parent == kb / "reviews/2026" and path.exists()
    text = path.read_text("utf-8")
    assert "title: 2026年职工篮球赛复盘（第一分公司工会）" in text and "原计划是什么" in text
    checked = run("--kb", str(kb), "check", "--lang", "en").stdout
    assert "warning: action still holds the template's placeholder" in checked
    again = CliRunner().invoke(cli, ["--kb", str(kb), *NEW, "--date", "2026-05-01"])
    assert again.exit_code == 1 and "已经存在，没有覆盖；请用 --slug 另起一个文件名" in again.output
    assert path.read_text("utf-8") == text  # never overwritten


def test_new_with_metric_and_action_flags(kb_factory):
    kb = kb_factory({})
    r = run(
        "--kb", str(kb), *NEW, "--date", "2026-05-01",
        "--metric", "参与人数:300:245:人", "--metric", "经费执行：50000：47800",
        "--action", "报名提前两周启动|李强|2026-09-01", "--action", "增设备用场地|王芳",
    )  # fmt: skip
    text = (kb / r.stdout.strip()).read_text("utf-8")
    assert "  - name: 参与人数\n    target: 300\n    actual: 245\n    unit: 人\n" in text
    assert "  - name: 经费执行\n    target: 50000\n    actual: 47800\n" in text
    assert "  - action: 报名提前两周启动\n    owner: 李强\n    due: 2026-09-01\n" in text
    assert "  - action: 增设备用场地\n    owner: 王芳\n    due: 2026-07-30\n" in text
    checked = run("--kb", str(kb), "check", "--lang", "en").stdout.splitlines()
    assert checked[-1] == "1 entries read, 1 valid, 0 errors, 1 warnings"  # parts to write
    assert "parts still hold only the template's questions" in checked[0]


@pytest.mark.parametrize(
    "flag, value, says",
    [
        ("--category", "x\n---", "工作类别 只能是一行文字"),
        ("--title", "---", "标题 只能是一行文字"),
        ("--author", "张\t敏", "撰写人 只能是一行文字"),
        ("--metric", "参与人数:很多:245", "指标写作 名称:目标:实际"),
        ("--metric", "参与人数", "指标写作 名称:目标:实际"),
        ("--action", "只有措施", "措施写作 措施|责任人|完成时限"),
        ("--action", "措施|李强|下个月", "措施写作 措施|责任人|完成时限"),
        ("--unit", "第一分公司公会", "是不是 第一分公司工会？"),
    ],
)
def test_new_refuses_bad_flag_values(kb_factory, flag, value, says):
    kb = kb_factory({})
    args = ["--kb", str(kb), "new", "--unit", "一分工会", "--campaign", "x", flag, value]
    r = run(*args, "--date", "2026-01-01", code=2)
    assert says in r.output and "Traceback" not in r.output
    assert not list((kb / "reviews").rglob("*.md"))


def test_new_form_asks_in_the_kb_language_and_reasks_wrong_answers(kb_factory):
    kb = kb_factory(
        {
            "2026/a.md": entry(campaign="2026年安全生产月", date="2026-06-30"),
            "2025/b.md": entry(campaign="2025年职工春季运动会"),
        }
    )
    answers = [
        "5",  # no unit 5 among three: asked again
        "第一分公司",  # not a registered name: asked again, with the closest
        "2",  # 第二分公司工会
        "2026年安全",  # a new name close to an existing campaign ...
        "y",  # ... which is what was meant
        "",  # title: the default
        "2026.6.30",  # not a date: asked again
        "2026-07-01",
        "安全生产",  # category
        "张敏",  # author
        "隐患排查",  # a metric ...
        "八十",  # not a number: asked again
        "80",
        "86",
        "项",
        "",  # no more metrics
        "外包队伍培训纳入统一考试",  # an action ...
        "",  # an owner is required: asked again
        "何雪",
        "",  # due: the default, 90 days on
        "",  # no more actions
    ]
    r = run("--kb", str(kb), "new", input="\n".join(answers) + "\n")
    out = r.output
    assert "登记的单位：\n  1. 第一分公司工会\n  2. 第二分公司工会\n  3. 检修车间工会" in out
    assert "请输入 1 到 3 之间的序号，或者名称" in out
    assert "单位“第一分公司”不在 reviews/units.yml 名册中；是不是 第一分公司工会？" in out
    assert "已有的活动：\n  1. 2026年安全生产月\n  2. 2025年职工春季运动会" in out
    assert "已有活动“2026年安全生产月”，是不是它？" in out
    assert "'八十' 不是数字" in out
    path = kb / r.stdout.strip().splitlines()[-1]
    text = path.read_text("utf-8")
    assert "unit: 第二分公司工会\ncampaign: 2026年安全生产月\ndate: 2026-07-01\n" in text
    assert "title: 2026年安全生产月复盘（第二分公司工会）" in text
    assert "category: 安全生产\nauthor: 张敏\n" in text
    assert "  - name: 隐患排查\n    target: 80\n    actual: 86\n    unit: 项\n" in text
    assert "  - action: 外包队伍培训纳入统一考试\n    owner: 何雪\n    due: 2026-09-29\n" in text
    checked = run("--kb", str(kb), "check", str(path), "--lang", "en").stdout
    assert checked.endswith("1 valid, 0 errors, 1 warnings\n")  # the parts are to write


def test_new_form_in_english_keeps_a_new_campaign_when_told(kb_factory):
    kb = kb_factory({"2026/a.md": entry(campaign="2026年安全生产月", date="2026-06-30")})
    answers = ["一分工会", "2026年安全", "n", "", "2026-07-01", "", "", "", ""]
    r = run("--kb", str(kb), "--lang", "en", "new", input="\n".join(answers) + "\n")
    assert "Unit (number or name)" in r.output and "did you mean 2026年安全生产月?" in r.output
    assert "new campaign: 2026年安全" in r.output
    text = (kb / r.stdout.strip().splitlines()[-1]).read_text("utf-8")
    assert "campaign: 2026年安全\n" in text and "unit: 第一分公司工会" in text


def test_new_by_flags_warns_of_a_near_campaign(kb_factory):
    kb = kb_factory({"2026/a.md": entry(campaign="2026年安全生产月", date="2026-06-30")})
    r = run("--kb", str(kb), "new", "--unit", "一分工会", "--campaign", "2026年安全")
    assert "已有活动“2026年安全生产月”，是不是它？" in r.stderr


def test_the_settings_file_is_not_taken_for_a_stray_file(kb_factory):
    kb = kb_factory(
        {"a.md": entry(), "fupan.yml": "semantic: {backend: none}\n", "x.yml": "a: 1\n"}
    )
    out = run("--kb", str(kb), "check", code=0).stdout
    assert "fupan.yml" not in out and "x.yml:1: 警告: 这不是复盘" in out


def test_a_campaign_of_another_year_is_not_near(kb_factory):
    kb = kb_factory({"2025/a.md": entry(campaign="2025年职工春季运动会", date="2025-04-20")})
    r = run("--kb", str(kb), "new", "--unit", "一分工会", "--campaign", "2026年职工春季运动会")
    assert "是不是它" not in r.stderr
    text = (kb / r.stdout.strip().splitlines()[-1]).read_text("utf-8")
    assert "campaign: 2026年职工春季运动会\n" in text
    # an entry not written yet names a campaign too
    r = run("--kb", str(kb), "new", "--unit", "一分工会", "--campaign", "2026年职工春季运动")
    assert "已有活动“2026年职工春季运动会”，是不是它？" in r.stderr


def test_init_scaffolds_a_checkable_kb(tmp_path: Path):
    assert f"已创建 {tmp_path / 'kb' / 'mkdocs.yml'}" in run("init", str(tmp_path / "kb")).stdout
    for name in ("mkdocs.yml", "docs/index.md", "reviews/units.yml", ".gitignore"):
        assert (tmp_path / "kb" / name).exists(), name
    ignored = (tmp_path / "kb" / ".gitignore").read_text("utf-8").split()
    assert {"/site/", "/site-build/", ".fupan/"} <= set(ignored)  # what builds make
    assert "1 篇有效" in run("--kb", str(tmp_path / "kb"), "check").stdout
    r = CliRunner().invoke(cli, ["init", str(tmp_path / "kb")])
    assert r.exit_code == 1 and "已经存在，没有覆盖；请选一个空文件夹" in r.output


@pytest.mark.parametrize("args", [["search", "x", "--since", "去年"], ["actions", "--today", "x"]])
def test_bad_dates_are_usage_errors(kb_factory, args):
    kb = kb_factory({"a.md": entry()})
    r = CliRunner().invoke(cli, ["--kb", str(kb), *args])
    assert (
        r.exit_code == 2 and "不是日期；请写作 2025-04-20、2025/4/20 或 2025年4月20日" in r.output
    )


def test_shell_completion_offers_commands_and_units(kb_factory, monkeypatch):
    kb = kb_factory({})
    monkeypatch.chdir(kb)

    def complete(words: str) -> list[str]:
        env = {"_FUPAN_COMPLETE": "bash_complete", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - 1)}  # fmt: skip
        r = CliRunner().invoke(cli, [], env=env, prog_name="fupan")
        return [line.split(",", 1)[1] for line in r.output.splitlines()]

    assert {"search", "stats"} <= set(complete("fupan s"))
    assert complete("fupan actions --unit 一") == ["一分公司工会", "一分工会"]


def test_readme_builds_quietly_installs_offline_and_has_windows_notes():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "NO_MKDOCS_2_WARNING=1 mkdocs build --strict" in readme
    assert "pip download . -d wheelhouse" in readme
    assert "pip install --no-index --find-links wheelhouse fupan" in readme
    assert "## On Windows" in readme and "_FUPAN_COMPLETE=bash_source" in readme


REPORTS = ("actions", "compare", "recurring", "stats")


def documented_runs(text: str) -> list[tuple[str, list[str]]]:
    """(command line, printed lines) of each console example of a report command."""
    runs = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for run_ in re.split(r"^(?=\$ )", block, flags=re.M):
            first, _, rest = run_.partition("\n")
            if first.startswith("$ fupan ") and first.split()[2] in REPORTS:
                runs.append((first[2:], rest.splitlines()))
    return runs


@pytest.mark.parametrize("doc", ["README.md", "docs/guide/cli.md"])
def test_documented_report_output_is_what_the_commands_print(doc, tmp_path):
    import shlex
    import shutil

    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    shutil.copytree(ROOT / "reviews", tmp_path / "reviews")
    # the tables shown do not depend on search by meaning, which would embed every entry
    (tmp_path / "reviews/fupan.yml").write_text("semantic: {backend: off}\n", "utf-8")
    runs = documented_runs((ROOT / doc).read_text("utf-8"))
    assert len(runs) >= 4
    for line, printed in runs:
        args = shlex.split(line)[1:]
        r = CliRunner().invoke(cli, ["--kb", str(tmp_path), *args], env={"COLUMNS": "100"})
        real = r.stdout.splitlines()
        missing = [x for x in printed if x.strip() not in ("…", "") and x not in real]
        assert not missing, (line, missing[:3])


@pytest.fixture(scope="module")
def searchable(tmp_path_factory) -> Path:
    """Three entries about 报名, in two units, with tags; its word index built once."""
    from fupan.kb import KnowledgeBase
    from fupan.search.index import SearchIndex

    from .conftest import make_kb

    def about(unit: str, tags: str, text: str) -> str:
        body = f"## 总结\n{text}\n\n## 反思\n报名通知没有传达到班组。\n\n## 改进\n提前报名。\n"
        return entry(title=f"{unit}复盘", unit=unit, extra=f"tags: [{tags}]\n", body=body)

    root = make_kb(
        tmp_path_factory.mktemp("searchable"),
        {
            "a.md": about("第一分公司工会", "报名, 宣传", "报名人数不足，倒班职工没有参加。"),
            "b.md": about("第二分公司工会", "外包管理", "外包队伍报名晚。"),
            "c.md": about("检修车间工会", "报名", "报名顺利。"),
        },
    )
    SearchIndex(KnowledgeBase(root)).refresh()
    return root


def search(root: Path, *args: str, code: int = 0):
    return run("--kb", str(root), "search", *args, "--mode", "words", code=code)


@pytest.mark.parametrize(
    "filters",
    [
        ["--unit", "检修车间工会", "--tag", "外包管理"],  # each matches, together nothing
        ["--tag", "不存在"],
        ["--since", "2030-01-01"],
        ["--until", "2000-01-01"],
        ["--campaign", "不存在的活动"],
        ["--category", "不存在的类别"],
        ["--unit", "第二分公司工会", "--tag", "宣传", "--since", "2025-01-01"],
    ],
)
def test_filters_that_match_nothing_find_nothing(searchable, filters):
    r = search(searchable, "报名", *filters, code=1)
    assert r.stdout == "" and "报名" in r.stderr
    assert json.loads(search(searchable, "报名", *filters, "--json", code=1).stdout) == []


def test_each_filter_still_filters(searchable):
    def units(*filters: str) -> set[str]:
        return {
            h["unit"] for h in json.loads(search(searchable, "报名", *filters, "--json").stdout)
        }

    assert units() == {"第一分公司工会", "第二分公司工会", "检修车间工会"}
    assert units("--unit", "一分工会") == {"第一分公司工会"}
    assert units("--tag", "外包管理") == {"第二分公司工会"}
    assert units("--unit", "检修车间工会", "--tag", "报名") == {"检修车间工会"}
    r = search(searchable, "报名", "--unit", "第三分公司工会", code=2)  # not registered
    assert "不在 reviews/units.yml 名册中" in r.output


@pytest.mark.parametrize(
    "option, says",
    [
        (["--lmit", "2"], "没有 --lmit 这个选项；是不是 --limit？"),
        (["--limt=2"], "没有 --limt 这个选项；是不是 --limit？"),
        (["-n", "2"], "没有 -n 这个选项"),
        (["--csv"], "没有 --csv 这个选项"),
    ],
)
def test_unknown_options_are_usage_errors(searchable, option, says):
    r = search(searchable, "报名", *option, code=2)
    assert says in r.output and "用法: fupan search" in r.output.replace(
        "cli search", "fupan search"
    )
    assert r.stdout.count("复盘\n") == 0  # no hits printed


@pytest.mark.parametrize(
    "args, zh, en",
    [
        (["search"], "错误：缺少参数 '搜索词...'", "Error: Missing argument 'WORDS...'"),
        (["search", "--limit", "abc", "x"], "'--limit' 的值不对：'abc' 不是整数", "'abc' is not"),
        (["search", "--limit", "0", "x"], "0 不在 x>=1 的范围内", "0 is not in the range"),
        (["check", "nowhere.md"], "'nowhere.md' 不存在", "Path 'nowhere.md' does not exist"),
        (["actions", "--limit"], "选项 --limit 后面要跟一个值", "Option '--limit' requires"),
        (["compare", "a", "b"], "多出了参数（b）", "Got unexpected extra argument (b)"),
    ],
)
def test_click_own_messages_speak_the_kb_language(searchable, args, zh, en):
    r = run("--kb", str(searchable), *args, code=2)
    assert zh in r.output and "错误：" in r.output
    assert "Usage:" not in r.output and "Error:" not in r.output
    for where in (["--lang", "en", *args], [*args, "--lang", "en"]):
        if where[-1] == "en" and args[-1] == "--limit":
            continue  # --lang would be taken as the value --limit lacks
        r = run("--kb", str(searchable), *where, code=2)
        assert en in r.output and "Error:" in r.output and "错误" not in r.output
    r = run("--kb", str(searchable), "search", code=2)
    assert "用法: cli search" in r.output and "运行 'cli search --help' 查看帮助" in r.output
    assert "选项:" in run("--kb", str(searchable), "search", "--help").output


def test_dash_word_excludes_and_double_dash_ends_options(searchable):
    def found(*args: str) -> tuple[int, str]:
        r = CliRunner().invoke(cli, ["--kb", str(searchable), "search", *args])
        assert r.exit_code in (0, 1), r.output  # never a usage error
        return r.exit_code, r.stdout

    words = ["--mode", "words", "--json"]
    # -倒班 reaches the query as the words' exclusion, as if the query were quoted whole
    assert found("报名", "-倒班", *words) == found("报名 -倒班", *words)
    assert found(*words, "--", "报名", "-倒班") == found("报名 -倒班", *words)
    # after --, an option is a word: --json below asks for no JSON
    code, out = found("--mode", "words", "--", "报名", "--json")
    assert code == 0 and not out.startswith("[") and "第一分公司工会复盘" in out


def test_strict_build_with_an_invalid_entry_writes_no_site(kb_factory):
    """What docs/guide/publish.md says: with --strict an invalid entry stops the build
    before anything is written, and the site already published stays as it was."""
    import os
    import subprocess
    import sys

    kb = kb_factory({"a.md": entry(), "b.md": entry(title="坏的", unit="第三分公司工会")})
    (kb / "reviews/fupan.yml").write_text("semantic: {backend: off}\n", "utf-8")
    (kb / "site").mkdir()
    (kb / "site/index.html").write_text("the site published yesterday", "utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    r = subprocess.run(mkdocs, cwd=kb, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 1, r.stderr
    # no theme.language: Material's own default, English, is the site's language
    assert "reviews/b.md:3: error: unit '第三分公司工会' is not registered" in r.stderr
    assert "with --strict no site is written" in r.stderr
    assert sorted(p.name for p in (kb / "site").iterdir()) == ["index.html"]
    config = kb / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  font: false\n", "  font: false\n  language: zh\n")
    )
    r = subprocess.run(mkdocs, cwd=kb, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 1 and "复盘中有 1 个错误（见上）；使用 --strict 时不生成网站" in r.stderr
    assert (kb / "site/index.html").read_text("utf-8") == "the site published yesterday"


def test_new_without_a_registry_takes_any_unit(kb_factory):
    kb = kb_factory({}, units=None)
    answers = ["12", "2026年安全生产月", "", "2026-07-01", "", "", "", ""]
    r = run("--kb", str(kb), "new", "--slug", "a", input="\n".join(answers) + "\n")
    text = (kb / r.stdout.strip().splitlines()[-1]).read_text("utf-8")
    assert 'unit: "12"\n' in text  # quoted: a name, not a number
    r = run("--kb", str(kb), "new", "--unit", "x", "--campaign", "y", "--slug", "a\nb", code=2)
    assert "文件名 只能是一行文字" in r.output


def test_no_string_is_in_two_tables_of_a_language():
    """A language's tables are merged into one: a key in two of them would silently
    say the text of the last one."""
    import importlib

    for lang in TABLES:
        package = importlib.import_module(f"fupan.lang.{lang}")
        seen: dict[str, str] = {}
        for name in ("site", "commands", "help", "problems"):
            for key in getattr(package, name).STRINGS:
                assert key not in seen, f"{key} in lang/{lang}/{seen[key]}.py and {name}.py"
                seen[key] = name
        assert seen.keys() == TABLES[lang].keys()

"""The help pages: in the knowledge base's language, every command and option with help in
both tables, and wrapped to the terminal by columns."""

from __future__ import annotations

import re

import click
import pytest
from click.formatting import wrap_text
from click.testing import CliRunner
from fupan.cli import cli
from fupan.cli.helptext import fill, key_of, metavar_key, option_help, option_key, wrap
from fupan.cli.output import width
from fupan.lang import TABLES

from .conftest import entry

CTX = click.Context(cli)
COMMANDS = [cli, *(cli.get_command(CTX, name) for name in cli.list_commands(CTX))]
HELP_KEYS = {lang: {k for k in TABLES[lang] if k.startswith("help.")} for lang in TABLES}
PLACEHOLDERS = re.compile(r"(?<!{){([^{}!:]*)[^{}]*}(?!})")


def run(*args: str, code: int = 0) -> str:
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == code, r.output
    return r.output


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option)]


@pytest.fixture
def kb(kb_factory):
    return str(kb_factory({"a.md": entry()}))


def test_help_is_in_the_knowledge_base_language(kb):
    page = run("--kb", kb, "--help")
    assert "fupan（复盘）：撰写、检查、检索和发布复盘" in page
    assert "  search     检索以往的复盘：按字词和意思查找，最相关的排在前面。\n" in page
    assert "  --version       显示版本号后退出。\n" in page
    assert "  --kb 文件夹     知识库所在的文件夹（默认：环境变量 FUPAN_KB；" in page
    assert "-h, --help      显示这段帮助后退出。" in page
    assert "    fupan check                      # 检查所有复盘\n" in page
    page = run("--kb", kb, "search", "--help")
    assert "检索以往的复盘：按字词和意思查找，最相关的排在前面。" in page
    assert "汉字之间不用加空格。" in page and "\n  示例：\n    fupan search 报名人数不足\n" in page
    assert "  --unit 文本                     只限这个单位（写名册中的名称或别名）。\n" in page
    assert "最多显示多少条结果。  [默认：10; x>=1]" in page
    assert page.splitlines()[0].endswith(" search [选项] 搜索词...")
    for english in ("Search past", "Only this unit", "Examples", "Show this message", "TEXT"):
        assert english not in page, english
    for english in ("OPTIONS", "WORDS"):
        assert english not in page, english
    assert run("--kb", kb, "--help").splitlines()[0].endswith(" [选项] 命令 [参数]...")
    assert run("--kb", kb, "check", "--help").splitlines()[0].endswith(" check [选项] [路径]...")


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "search", "--help"],
        ["search", "--lang", "en", "--help"],  # --lang after the command's name, too
        ["search", "--help", "--lang", "en"],  # and after --help, which click answers at once
    ],
)
def test_help_follows_lang(kb, args):
    page = run("--kb", kb, *args)
    assert "Search past reviews by words and meaning, best matches first." in page
    assert "  --unit TEXT                     Only this unit (a registered name or alias).\n" in (
        page
    )
    assert "Hits to show at most.  [default: 10; x>=1]" in page
    assert "-h, --help                      Show this message and exit." in page
    assert "\n  Examples:\n    fupan search 报名人数不足\n" in page
    for chinese in ("检索以往", "只限", "示例", "显示这段帮助", "用法"):
        assert chinese not in page, chinese
    page = run("--kb", kb, "--lang", "en", "--help")
    assert "  search     Search past reviews by words and meaning, best matches first.\n" in page
    assert "  --version       Show the version and exit.\n" in page
    assert "  -h, --help      Show this message and exit.\n" in page
    assert "显示" not in page and "fupan (复盘): write, check, search" in page


def test_an_english_knowledge_base_has_english_help(kb):
    config = f"{kb}/mkdocs.yml"
    with open(config, encoding="utf-8") as f:
        text = f.read()
    with open(config, "w", encoding="utf-8") as f:
        f.write(text.replace("  font: false", "  language: en"))
    assert "Improvement items by unit, overdue first" in run("--kb", kb, "actions", "--help")
    assert "用法" not in run("--kb", kb, "-h") and "Usage: cli" in run("--kb", kb, "-h")


def test_every_command_and_option_has_help_in_both_languages():
    assert len(COMMANDS) >= 17 and sum(len(options(c)) for c in COMMANDS) >= 100
    used: set[str] = set()
    for lang, table in TABLES.items():
        for command in COMMANDS:
            name = key_of(command)
            assert f"help.{name}" in table, f"no help.{name} in lang/{lang}/help.py"
            used.add(f"help.{name}")
            for param in options(command):
                key = option_key(param)
                assert option_help(table, name, key), (lang, name, key)
                own = f"help.{name}.{key}"
                used.add(own if own in table else f"help.shared.{key}")
                kind = metavar_key(param)
                if kind in table:
                    used.add(kind)
            for param in command.params:  # the usage line names each argument
                if isinstance(param, click.Argument):
                    assert f"help.argument.{param.name}" in table, (lang, name, param.name)
                    used.add(f"help.argument.{param.name}")
        used |= {"help.usage.options", "help.usage.command"}
    assert HELP_KEYS["zh"] == HELP_KEYS["en"]
    assert HELP_KEYS["zh"] == used, "help keys that no command or option uses"
    for key in HELP_KEYS["zh"]:
        zh, en = TABLES["zh"][key], TABLES["en"][key]
        assert set(PLACEHOLDERS.findall(zh)) == set(PLACEHOLDERS.findall(en)), key


def examples(help: str) -> list[str]:
    """The example commands of a help, without their comments."""
    block = help.split("\b\n", 1)[1].split("\n\n")[0]
    return [line.split("#")[0].rstrip() for line in block.splitlines()[1:]]


@pytest.mark.parametrize("command", COMMANDS, ids=key_of)
def test_both_languages_show_the_same_examples_and_fit_the_terminal(command):
    name = key_of(command)
    assert examples(TABLES["zh"][f"help.{name}"]) == examples(TABLES["en"][f"help.{name}"])
    args = [] if command is cli else [name]
    for lang in TABLES:
        help = TABLES[lang][f"help.{name}"]
        for line in run("--lang", lang, *args, "--help").splitlines():
            # CliRunner's terminal is 80 wide; only an example may be longer
            assert width(line) <= 80 or line.strip() in help, line


def test_chinese_breaks_between_characters_but_not_before_a_mark():
    text = "只在一个部分中检索：summary 总结、reflection 反思、improvement 改进。"
    lines = fill(text, 30, "  ")
    assert lines == [
        "  只在一个部分中检索：summary",
        "  总结、reflection 反思、",
        "  improvement 改进。",
    ]
    assert all(width(line) <= 30 for line in lines)
    assert wrap("按意思\n检索，\n\nand\nwords", 40) == "按意思检索，\n\nand words"
    assert fill("最多显示多少条结果。  [默认：10; x>=1]", 26) == [
        "最多显示多少条结果。",
        "[默认：10; x>=1]",
    ]


def test_english_help_wraps_as_click_wraps_it():
    texts = [TABLES["en"][k] for k in sorted(HELP_KEYS["en"])]
    plain = [t for t in texts if all(ord(ch) < 0x2E80 for ch in t)]
    assert len(plain) >= 40
    for text in plain:
        for cols in (78, 50):
            assert wrap(text, cols, "  ") == wrap_text(text, cols, "  ", "  ", True), text


def test_completion_describes_commands_in_the_knowledge_base_language(kb, monkeypatch):
    monkeypatch.chdir(kb)
    env = {"_FUPAN_COMPLETE": "zsh_complete", "COMP_WORDS": "fupan se", "COMP_CWORD": "1"}
    r = CliRunner().invoke(cli, [], env=env, prog_name="fupan")
    assert r.exit_code == 0 and r.output == (
        "plain\nsearch\n检索以往的复盘：按字词和意思查找，最相关的排在前面。\n"
    )


def test_version_line_speaks_the_language(kb):
    assert run("--kb", kb, "--version").strip().startswith("fupan，版本 ")
    assert run("--kb", kb, "--version", "--lang", "en").strip().startswith("fupan, version ")

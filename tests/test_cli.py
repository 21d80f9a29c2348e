"""The command line: check, new, init, global options, and docs kept in step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fupan import __version__
from fupan.cli import cli

from .conftest import ROOT, entry


def run(*args: str, input: str | None = None, code: int = 0):
    r = CliRunner().invoke(cli, list(args), input=input)
    assert r.exit_code == code, r.output
    return r


def test_every_command_has_an_example_and_is_documented():
    docs = (ROOT / "docs/guide/cli.md").read_text("utf-8")
    for name, command in cli.commands.items():
        assert command.help and "Example" in command.help, name
        assert f"fupan {name}" in docs, f"{name} is missing from docs/guide/cli.md"
        assert f"fupan {name}" in run(name, "--help").output


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
        "reviews/2025/bad.md:6: error: 'rating' must be a whole number from 1 to 5, not 9" in lines
    )
    assert any(
        line.startswith("reviews/2025/broken.md:1: error: no front matter") for line in lines
    )
    assert lines[-1] == "3 entries read, 1 valid, 2 errors, 0 warnings"
    problems = json.loads(run("--kb", str(kb), "check", "--json", code=1).stdout)
    assert {p["path"] for p in problems} == {"reviews/2025/bad.md", "reviews/2025/broken.md"}
    one = run("--kb", str(kb), "check", str(kb / "reviews/2025/good.md"))
    assert one.stdout.strip() == "1 entries read, 1 valid, 0 errors, 0 warnings"


def test_check_strict_fails_on_warnings(kb_factory):
    kb = kb_factory({"a.md": entry(extra="colour: red\n")})
    assert "warning: unknown key 'colour'" in run("--kb", str(kb), "check").stdout
    run("--kb", str(kb), "check", "--strict", code=1)


def test_check_duplicates_and_close_unit(kb_factory):
    kb = kb_factory({"a.md": entry(), "b.md": entry(), "c.md": entry(unit="第一分公司工")})
    out = run("--kb", str(kb), "check", code=1).stdout
    assert "reviews/b.md:2: warning: same title, unit and campaign as reviews/a.md" in out
    assert "did you mean 第一分公司工会?" in out


def test_finds_kb_upward_and_says_when_none(kb_factory, monkeypatch, tmp_path):
    kb = kb_factory({"a.md": entry()})
    monkeypatch.chdir(kb / "reviews")
    assert "1 valid" in run("check").stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    r = run("check", code=1)
    assert "no knowledge base here" in r.stderr and "fupan init" in r.stderr
    assert "Traceback" not in r.output


NEW = ["new", "--unit", "一分工会", "--campaign", "2026年职工篮球赛"]


def test_new_with_flags_writes_a_valid_entry(kb_factory):
    kb = kb_factory({})
    r = run("--kb", str(kb), *NEW, "--date", "2026/5/1", "--author", "张敏")
    path = kb / r.stdout.strip()
    assert path.parent == kb / "reviews/2026" and path.exists()
    text = path.read_text("utf-8")
    assert "title: 2026年职工篮球赛复盘（第一分公司工会）" in text and "原计划是什么" in text
    checked = run("--kb", str(kb), "check").stdout
    assert "warning: action still holds the template's placeholder" in checked
    assert checked.endswith("1 valid, 0 errors, 1 warnings\n")
    again = CliRunner().invoke(cli, ["--kb", str(kb), *NEW, "--date", "2026-05-01"])
    assert again.exit_code == 1 and "already exists" in again.output
    assert path.read_text("utf-8") == text  # never overwritten


def test_new_asks_for_what_is_missing(kb_factory):
    kb = kb_factory({"2025/a.md": entry()})
    r = run("--kb", str(kb), "new", input="2\n1\n\n2026-03-08\n")
    path = kb / r.stdout.strip()
    text = path.read_text("utf-8")
    assert "unit: 第二分公司工会" in text and "campaign: 2025年职工春季运动会" in text
    assert "date: 2026-03-08" in text


def test_new_refuses_unknown_unit(kb_factory):
    kb = kb_factory({})
    r = CliRunner().invoke(
        cli,
        [
            "--kb",
            str(kb),
            "new",
            "--unit",
            "第一分公司公会",
            "--campaign",
            "x",
            "--date",
            "2026-01-01",
        ],
    )
    assert r.exit_code == 2 and "did you mean 第一分公司工会?" in r.output


def test_init_scaffolds_a_checkable_kb(tmp_path: Path):
    run("init", str(tmp_path / "kb"))
    for name in ("mkdocs.yml", "docs/index.md", "reviews/units.yml", ".gitignore"):
        assert (tmp_path / "kb" / name).exists(), name
    assert "1 entries read, 1 valid" in run("--kb", str(tmp_path / "kb"), "check").stdout
    r = CliRunner().invoke(cli, ["init", str(tmp_path / "kb")])
    assert r.exit_code == 1 and "already exists" in r.output


@pytest.mark.parametrize("args", [["search", "x", "--since", "去年"], ["actions", "--today", "x"]])
def test_bad_dates_are_usage_errors(kb_factory, args):
    kb = kb_factory({"a.md": entry()})
    r = CliRunner().invoke(cli, ["--kb", str(kb), *args])
    assert r.exit_code == 2 and "2025/4/20" in r.output

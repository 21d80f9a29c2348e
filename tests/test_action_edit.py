"""`fupan action ID N`: one action changed in place, every other byte of the file kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fupan.cli import cli
from fupan.entries import edit
from fupan.entries.contract import load
from fupan.kb import KnowledgeBase

BODY = "## 一、总结\n计划 300 人。\n\n## 二、反思\n通知没到班组。\n\n## 三、改进\n提前两周。\n"
# written by hand in a Windows editor: CRLF, a BOM, comments, both quotings, a flow item
HAND = (
    "\ufeff---\n"
    "title: '2025年职工春季运动会复盘'   # 标题\n"
    "unit: 一分工会\n"
    "campaign: 2025年职工春季运动会\n"
    "date: 2025-04-20\n"
    "tags: [报名,  宣传]\n"
    "actions:\n"
    "  # 第一项：报名\n"
    '  - action: "报名提前两周启动"\n'
    '    owner: "李强"\n'
    "    due: '2025-09-01'   # 九月底前\n"
    "    status: open\n"
    "  - {action: 场地提前预定, owner: 王芳, due: 2025-07-01}\n"
    "  -   action: 裁判培训\n"
    "      owner: 何雪\n"
    "      due: 2025/8/1\n"
    "      # 还没开始\n"
    "publish: true\n"
    "---\n\n" + BODY
)


def run(*args: str, code: int = 0):
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == code, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r


@pytest.fixture
def kb(kb_factory) -> Path:
    crlf = HAND.replace("\n", "\r\n").encode("utf-8")
    return kb_factory({"2025/games.md": crlf})


def changed(kb: Path, *args: str, code: int = 0) -> tuple[bytes, bytes, object]:
    path = kb / "reviews/2025/games.md"
    before = path.read_bytes()
    r = run("action", "2025/games", *args, "--kb", str(kb), code=code)
    return before, path.read_bytes(), r


def test_status_in_chinese_changes_only_that_value(kb: Path):
    before, after, r = changed(kb, "1", "--status", "已完成")
    assert after == before.replace(b"    status: open\r\n", b"    status: done\r\n", 1)
    assert r.stdout == "reviews/2025/games.md:9: 第 1 项措施已更新：status: open → done\n"
    entry, problems = load(
        kb / "reviews/2025/games.md", kb, kb / "reviews", KnowledgeBase(kb).units
    )
    assert [a.status for a in entry.actions] == ["done", "open", "open"] and problems == []


def test_quoting_is_kept_and_a_missing_key_is_added_in_place(kb: Path):
    before, after, _ = changed(
        kb, "1", "--due", "2025年10月8日", "--owner", "王芳", "--note", "已交接: 见 #12"
    )
    expected = (
        before.replace(b"    due: '2025-09-01'   #", b"    due: '2025-10-08'   #")
        .replace(b'    owner: "\xe6\x9d\x8e\xe5\xbc\xba"\r\n', '    owner: "王芳"\r\n'.encode())
        .replace(
            b"    status: open\r\n", "    status: open\r\n    note: '已交接: 见 #12'\r\n".encode()
        )
    )
    assert after == expected


def test_a_flow_item_gets_its_key_inside_the_braces(kb: Path):
    before, after, _ = changed(kb, "2", "--status", "doing", "--owner", "王芳, 李强")
    old = "  - {action: 场地提前预定, owner: 王芳, due: 2025-07-01}\r\n".encode()
    new = '  - {action: 场地提前预定, owner: "王芳, 李强", due: 2025-07-01, status: doing}\r\n'.encode()
    assert after == before.replace(old, new)


def test_a_key_goes_after_the_last_one_at_its_indent(kb: Path):
    before, after, _ = changed(kb, "3", "--status", "dropped")
    old = b"      due: 2025/8/1\r\n"
    assert after == before.replace(old, old + b"      status: dropped\r\n")


def test_the_same_value_writes_nothing(kb: Path):
    before, after, r = changed(kb, "1", "--status", "待办")
    assert after == before and "第 1 项措施没有变化" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("4", "--status", "done"), "reviews/2025/games.md 中没有第 4 项措施：共有 3 项"),
        (("1", "--status", "finished"), "状态“finished”无法识别"),
        (("1",), "没有要修改的内容"),
        (("1", "--owner", " "), "--owner 不能为空"),
    ],
)
def test_refusals_leave_the_file_alone(kb: Path, args, message):
    before, after, r = changed(kb, *args, code=2)  # the command line is wrong: a usage error
    assert after == before and message in r.output and "Traceback" not in r.output


def test_an_unknown_entry_and_an_entry_without_actions(kb_factory):
    kb = kb_factory({"2025/plain.md": "---\ntitle: x\n---\n"})
    assert (
        "没有编号为 2025/nope 的复盘"
        in run("action", "2025/nope", "1", "--status", "done", "--kb", str(kb), code=2).output
    )
    r = run("action", "2025/plain", "1", "--status", "done", "--kb", str(kb), code=1)
    assert "文件头中没有 actions 列表" in r.output


def test_numbers_that_do_not_match_the_listing_are_refused(kb_factory):
    """An action the loader cannot read is not listed, so the numbers after it shift."""
    head = "---\ntitle: x\nunit: 一分工会\ncampaign: c\ndate: 2025-04-20\nactions:\n"
    items = "  - owner: 李强\n  - {action: 做, owner: 王芳, due: 2025-07-01}\n"
    kb = kb_factory({"2025/a.md": head + items + "---\n\n" + BODY})
    rows = json.loads(run("actions", "--json", "--kb", str(kb)).stdout)
    assert [(r["action"], r["n"]) for r in rows] == [("做", 1)]
    before = (kb / "reviews/2025/a.md").read_bytes()
    r = run("action", "2025/a", "1", "--status", "done", "--kb", str(kb), code=1)
    assert "序号对不上，没有修改" in r.output
    assert (kb / "reviews/2025/a.md").read_bytes() == before


def test_a_file_changed_since_it_was_read_is_refused(kb: Path):
    path = kb / "reviews/2025/games.md"
    planned = edit.plan(path, 1, {"status": "done"})
    someone_else = path.read_bytes().replace(b"# \xe6\xa0\x87\xe9\xa2\x98", b"# changed")
    path.write_bytes(someone_else)
    with pytest.raises(edit.EditError) as e:
        edit.apply(planned)
    assert e.value.key == "action.changed"
    assert path.read_bytes() == someone_else


def test_a_new_error_is_reported_after_the_edit(kb_factory):
    text = (
        "---\ntitle: x\nunit: 一分工会\ncampaign: c\ndate: 2025-04-20\nactions:\n  - action: 做\n    status: done\n---\n\n"
        + BODY
    )
    kb = kb_factory({"2025/a.md": text})
    r = run("action", "2025/a", "1", "--status", "doing", "--kb", str(kb), code=1)
    assert "reviews/2025/a.md:7: 错误: 措施“做”的状态是进行中，但没有填写“owner”" in r.stderr
    r = run("action", "2025/a", "1", "--due", "2026-01-01", "--kb", str(kb), "--lang", "en", code=1)
    assert "reviews/2025/a.md:7: error: doing action '做' has no 'owner'" in r.stderr


def test_actions_shows_the_number_action_takes(kb: Path):
    rows = json.loads(run("actions", "--json", "--kb", str(kb)).stdout)
    assert [(r["action"], r["n"]) for r in rows] == [
        ("场地提前预定", 2),
        ("裁判培训", 3),
        ("报名提前两周启动", 1),
    ]
    table = run("actions", "--kb", str(kb), "--today", "2025-01-01").stdout
    assert table.splitlines()[0].split()[-1] == "序号"
    assert table.splitlines()[2].split()[-2:] == ["2025/games", "2"]
    run("action", "2025/games", "2", "--status", "done", "--kb", str(kb))
    rows = json.loads(run("actions", "--status", "done", "--json", "--kb", str(kb)).stdout)
    assert [(r["action"], r["n"]) for r in rows] == [("场地提前预定", 2)]


def test_yaml_scalar():
    assert edit.yaml_scalar(dt.date(2025, 9, 1)) == "2025-09-01"
    assert edit.yaml_scalar(dt.date(2025, 9, 1), "'") == "'2025-09-01'"
    assert edit.yaml_scalar("李强") == "李强"
    assert edit.yaml_scalar("a: b") == "'a: b'"
    assert edit.yaml_scalar("yes") == "'yes'"
    assert edit.yaml_scalar("王芳, 李强", flow=True) == '"王芳, 李强"'
    assert edit.yaml_scalar('说"好"', '"') == '"说\\"好\\""'


def test_why_an_action_cannot_be_edited_is_said_in_either_language(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: x\nunit: u\ncampaign: c\ndate: 2025-04-20\nactions:\n  - 做\n---\n\n" + BODY,
        "utf-8",
    )
    with pytest.raises(edit.EditError) as e:
        edit.plan(path, 1, {"status": "done"}, "reviews/a.md")
    assert e.value.message("zh") == (
        "reviews/a.md:7: 这项措施的写法无法逐行修改（这一项不是分行写的 action: …、status: … 等）；"
        "请直接编辑这个文件"
    )
    assert "(not a mapping); edit the file itself" in e.value.message("en")

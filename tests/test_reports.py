"""Closing the loop: actions, compare, recurring, lesson status and stats, with known answers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from fupan.cli import cli
from fupan.errors import FupanError
from fupan.kb import KnowledgeBase
from fupan.reports.compare import compare
from fupan.reports.lessons import IDENTIFIED, LEARNED, statuses
from fupan.reports.recurring import recurring
from fupan.text.thesaurus import Thesaurus

from .conftest import entry

GAMES = "2025年职工春季运动会"


def games(unit: str, participants: int, budget: int, rating: int, actions: str, tags: str) -> str:
    extra = (
        f"category: 文体活动\nrating: {rating}\ntags: [{tags}]\nmetrics:\n"
        f"  - {{name: 参与人数, target: 200, actual: {participants}, unit: 人}}\n"
        f"  - {{name: 经费执行, target: 40000, actual: {budget}, unit: 元}}\n"
        f"actions:\n{actions}"
    )
    return entry(title=f"{unit}运动会复盘", unit=unit, campaign=GAMES, extra=extra)


A1 = """\
  - {action: 报名通知转发到班组微信群, owner: 李强, due: 2025-06-01, status: done}
  - {action: 增设备用场地, owner: 王芳, due: 2025-09-01, status: open}
"""
A2 = """\
  - {action: 预算预留不可预见费, owner: 赵磊, due: 2026-03-01, status: doing}
  - {action: 取消摸底, owner: 赵磊, due: 2025-05-01, status: dropped}
"""
A3 = "  - {action: 裁判培训, owner: 陈东, due: 2025-05-01, status: done}\n"

RELAPSE = entry(
    title="第一分公司2026年运动会复盘",
    campaign="2026年职工春季运动会",
    date="2026-04-20",
    extra="category: 文体活动\ntags: [报名]\n"
    "actions:\n  - {action: 线上报名, owner: 李强, due: 2026-06-01, status: done}\n",
    body="## 总结\n报名人数又少了\n## 反思\n一线职工不知道报名渠道，通知传达断层\n"
    "## 改进\n线上报名\n",
)


@pytest.fixture
def kb(kb_factory) -> KnowledgeBase:
    return KnowledgeBase(
        kb_factory(
            {
                "2025/b1.md": games("第一分公司工会", 150, 39000, 3, A1, "报名, 场地"),
                "2025/b2.md": games("第二分公司工会", 210, 42000, 4, A2, "经费, 场地"),
                "2025/m.md": games("检修车间工会", 100, 20000, 2, A3, "报名, 裁判"),
                "2026/b1.md": RELAPSE,
            }
        )
    )


def run(kb: KnowledgeBase, *args: str):
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), *args])
    assert r.exit_code == 0, r.output
    return r


def test_actions_overdue_as_of_fixed_day(kb):
    rows = json.loads(run(kb, "actions", "--today", "2025-10-01", "--json").stdout)
    assert [(r["owner"], r["overdue"]) for r in rows] == [("王芳", True), ("赵磊", False)]
    assert set(rows[0]) >= {"id", "unit", "action", "owner", "due", "status", "overdue"}
    rows = json.loads(run(kb, "actions", "--today", "2026-04-01", "--overdue", "--json").stdout)
    assert {r["owner"] for r in rows} == {"赵磊", "王芳"}
    rows = json.loads(run(kb, "actions", "--status", "done", "--unit", "一分工会", "--json").stdout)
    assert [r["action"] for r in rows] == ["报名通知转发到班组微信群", "线上报名"]
    rows = json.loads(
        run(
            kb,
            "actions",
            "--status",
            "open,doing,done,dropped",
            "--owner",
            "赵磊",
            "--due-before",
            "2025-12-31",
            "--json",
        ).stdout
    )
    assert [r["status"] for r in rows] == ["dropped"]


def test_actions_table_groups_by_unit_overdue_first(kb):
    out = run(kb, "actions", "--status", "open,doing,done", "--today", "2025-10-01").stdout
    lines = out.splitlines()
    first_unit = [line for line in lines if line.startswith("第一分公司工会")]
    assert "逾期" in first_unit[0] and "王芳" in first_unit[0]


def test_bad_status_is_clear(kb):
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), "actions", "--status", "closed"])
    assert r.exit_code == 2 and "unknown status 'closed'" in r.output


def test_compare_rows_and_completion(kb):
    c = compare(kb.load_all().entries, "2025年职工春季")
    assert c.campaign == GAMES and [u.unit for u in c.units] == [
        "检修车间工会",
        "第一分公司工会",
        "第二分公司工会",
    ]
    b2 = c.units[2]
    assert b2.metrics["参与人数"]["completion"] == 105.0
    assert b2.metrics["经费执行"]["completion"] == 105.0
    assert b2.done_ratio == 0.0 and b2.actions == 2  # dropped items do not count
    assert c.units[1].done_ratio == 0.5
    assert (b2.mark, c.units[0].mark) == ("best", "weakest")
    assert c.shared_tags == {
        "报名": ["检修车间工会", "第一分公司工会"],
        "场地": ["第一分公司工会", "第二分公司工会"],
    }


def test_compare_json_shape_and_csv(kb):
    data = json.loads(run(kb, "compare", GAMES, "--json").stdout)
    assert data["campaign"] == GAMES
    assert set(data["units"][0]) >= {"unit", "rating", "metrics", "actions", "done_ratio", "tags"}
    raw = run(kb, "compare", GAMES, "--csv").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["unit", "mark", "rating"] and "参与人数 %" in rows[0]
    assert rows[3][0] == "第二分公司工会" and "105%" in rows[3]


def test_compare_ambiguous_or_unknown(kb):
    with pytest.raises(FupanError, match="no campaign matches"):
        compare(kb.load_all().entries, "安全月")
    with pytest.raises(FupanError, match="several campaigns"):
        compare(kb.load_all().entries, "运动会")


def test_recurring_by_tag_and_terms(kb):
    report = recurring(kb.load_all().entries, Thesaurus([]))
    tags = {p.problem: p for p in report.problems if p.kind == "tag"}
    assert tags["场地"].units == ["第一分公司工会", "第二分公司工会"]
    assert tags["报名"].years == [2025, 2026]
    assert "裁判" not in tags  # one unit, one year
    report3 = recurring(kb.load_all().entries, Thesaurus([]), min_units=3, min_years=3)
    assert [p.problem for p in report3.problems if p.kind == "tag"] == []


def test_recurring_terms_in_reflections(kb_factory):
    body = "## 总结\n略\n## 反思\n{}\n## 改进\n略\n"
    kb = KnowledgeBase(
        kb_factory(
            {
                "a.md": entry(
                    unit="第一分公司工会", body=body.format("这次经费超支较多，物资采购晚")
                ),
                "b.md": entry(
                    unit="第二分公司工会", campaign="x", body=body.format("经费超支两千元")
                ),
                "c.md": entry(unit="检修车间工会", campaign="y", body=body.format("裁判到得晚")),
                "d.md": entry(unit="检修车间工会", campaign="z", body=body.format("天气很好")),
                "e.md": entry(unit="检修车间工会", campaign="w", body=body.format("场地很大")),
            }
        )
    )
    report = recurring(kb.load_all().entries, Thesaurus([]))
    terms = {p.problem: p for p in report.problems if p.kind == "term"}
    assert terms["经费超支"].units == ["第一分公司工会", "第二分公司工会"]
    assert terms["经费超支"].ids == ["a", "b"]


def test_relapse_and_lesson_status(kb):
    entries = kb.load_all().entries
    report = recurring(entries, Thesaurus([]))
    assert [(r.unit, r.problem, r.fixed_in, r.again_in) for r in report.relapses] == [
        ("第一分公司工会", "报名", "2025/b1", "2026/b1")
    ]
    status = statuses(entries, report.relapses)
    assert status["2025/b1"] == IDENTIFIED  # an open item, and relapsed
    assert status["2025/m"] == LEARNED  # all done, never came back
    assert status["2025/b2"] == IDENTIFIED  # one item still doing
    assert status["2026/b1"] == LEARNED


def test_lesson_status_transitions(kb):
    path = kb.reviews / "2025/m.md"
    path.write_text(path.read_text("utf-8").replace("status: done", "status: doing"), "utf-8")
    entries = kb.load_all().entries
    assert statuses(entries, [])["2025/m"] == IDENTIFIED
    path.write_text(path.read_text("utf-8").replace("status: doing", "status: dropped"), "utf-8")
    assert statuses(kb.load_all().entries, [])["2025/m"] == LEARNED


def test_recurring_json_lists_relapses(kb):
    data = json.loads(run(kb, "recurring", "--json").stdout)
    assert all({"problem", "units", "years", "ids"} <= set(p) for p in data)
    relapse = [p for p in data if p["kind"] == "relapse"]
    assert relapse == [
        {
            "kind": "relapse",
            "problem": "报名",
            "units": ["第一分公司工会"],
            "years": [2025, 2026],
            "ids": ["2025/b1", "2026/b1"],
            "action": "报名通知转发到班组微信群",
        }
    ]


def test_stats(kb):
    data = json.loads(run(kb, "stats", "--json").stdout)
    assert data["entries"] == 4 and data["by_year"] == {"2025": 3, "2026": 1}
    assert data["by_unit"]["第一分公司工会"] == 2
    assert data["closure"]["第一分公司工会"] == {"actions": 3, "done": 2, "done_ratio": 2 / 3}
    assert data["lessons"] == {"identified": 2, "learned": 2}
    out = run(kb, "stats").stdout
    assert "2 identified, 2 learned" in out and "67%" in out


def test_actions_csv_round_trips(kb):
    raw = run(kb, "actions", "--status", "open,doing,done,dropped", "--csv").stdout_bytes
    assert raw[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    assert len(rows) == 6 and {r["status"] for r in rows} == {"open", "doing", "done", "dropped"}
    assert any(r["owner"] == "李强" and r["action"] == "线上报名" for r in rows)


def test_today_default_is_today(kb):
    rows = json.loads(run(kb, "actions", "--json").stdout)
    today = dt.date.today().isoformat()
    assert all(r["overdue"] == (r["due"] < today) for r in rows)

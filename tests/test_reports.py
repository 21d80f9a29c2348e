"""Closing the loop: actions, compare, recurring, lesson status and stats, with known answers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from fupan.cli import cli
from fupan.errors import FupanError
from fupan.kb import KnowledgeBase
from fupan.reports.compare import compare
from fupan.reports.lessons import IDENTIFIED, LEARNED, statuses
from fupan.reports.recurring import recurring
from fupan.text.thesaurus import Thesaurus

from .conftest import SAMPLE, entry

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


def run(kb: KnowledgeBase, *args: str, code: int = 0, columns: int | None = None):
    env = {"COLUMNS": str(columns)} if columns else None
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), *args], env=env)
    assert r.exit_code == code, r.output
    return r


def test_actions_overdue_as_of_fixed_day(kb):
    rows = json.loads(run(kb, "actions", "--today", "2025-10-01", "--json").stdout)
    assert [(r["owner"], r["overdue"]) for r in rows] == [("王芳", True), ("赵磊", False)]
    assert [r["status"] for r in rows] == ["open", "doing"]  # JSON keeps the codes
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
    r = run(kb, "actions", "--status", "closed", code=2)
    assert "未知的状态 'closed'；可用 open, doing, done, dropped, 待办, 进行中, 已完成" in r.output
    # the words the table prints are accepted too
    words = run(kb, "actions", "--status", "已完成,进行中", "--json").stdout
    codes = run(kb, "actions", "--status", "done,doing", "--json").stdout
    assert words == codes and '"done"' in words


def test_compare_rows_and_completion(kb):
    c = compare(kb.load_all().entries, "2025年职工春季", kb.units.sort_key)
    assert c.campaign == GAMES and [u.unit for u in c.units] == [
        "第一分公司工会",
        "第二分公司工会",
        "检修车间工会",
    ]  # the order of units.yml
    b2 = c.units[1]
    assert b2.metrics["参与人数"]["completion"] == 1.05
    assert b2.metrics["经费执行"]["completion"] == 1.05
    assert b2.done_ratio == 0.0 and b2.actions == 2  # dropped items do not count
    assert c.units[0].done_ratio == 0.5
    assert (b2.mark, c.units[2].mark) == ("best", "weakest")
    assert c.shared_tags == {
        "报名": ["第一分公司工会", "检修车间工会"],
        "场地": ["第一分公司工会", "第二分公司工会"],
    }


def test_compare_json_shape_and_csv(kb):
    data = json.loads(run(kb, "compare", GAMES, "--json").stdout)
    assert data["campaign"] == GAMES
    assert set(data["units"][0]) >= {"unit", "rating", "metrics", "actions", "done_ratio", "tags"}
    raw = run(kb, "compare", GAMES, "--csv").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["单位", "分组", "评价", "评分"] and "参与人数 完成率" in rows[0]
    assert [r[0] for r in rows[1:]] == ["第一分公司工会", "第二分公司工会", "检修车间工会"]
    assert rows[2][1:3] == ["分公司", "★ 最佳"] and "105%" in rows[2]
    raw = run(kb, "compare", GAMES, "--csv", "--lang", "en").stdout_bytes
    assert raw.decode("utf-8-sig").startswith("unit,group,mark,rating,")


def test_compare_ambiguous_or_unknown(kb):
    with pytest.raises(FupanError, match="no campaign matches"):
        compare(kb.load_all().entries, "安全月")
    with pytest.raises(FupanError, match="several campaigns"):
        compare(kb.load_all().entries, "运动会")


def test_recurring_by_tag_and_terms(kb):
    report = recurring(kb.load_all().entries, Thesaurus([]))
    tags = {p.problem: p for p in report.problems if p.kind == "tag"}
    assert tags["场地"].units == [
        "第二分公司工会",
        "第一分公司工会",
    ]  # by pinyin: di4 er4 < di4 yi1
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
    assert terms["经费超支"].units == ["第二分公司工会", "第一分公司工会"]
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


def test_a_relapse_is_listed_once_however_many_of_its_tags_came_back(kb):
    for name, old, new in (
        ("2025/b1.md", "tags: [报名, 场地]", "tags: [报名, 场地, 通知]"),
        ("2026/b1.md", "tags: [报名]", "tags: [报名, 通知]"),
    ):
        path = kb.reviews / name
        assert old in path.read_text("utf-8")
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    found = recurring(kb.load_all().entries, Thesaurus([])).relapses
    assert [(r.tags, r.fixed_in, r.again_in) for r in found] == [
        (["报名", "通知"], "2025/b1", "2026/b1")
    ]


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
            "tags": ["报名"],
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
    assert "4 篇复盘；教训：2 篇已识别，2 篇已吸取" in out and "67%" in out
    assert "2 identified, 2 learned" in run(kb, "stats", "--lang", "en").stdout


def test_actions_csv_round_trips(kb):
    raw = run(kb, "actions", "--status", "open,doing,done,dropped", "--csv").stdout_bytes
    assert raw[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    assert len(rows) == 6 and {r["状态"] for r in rows} == {"待办", "进行中", "已完成", "已取消"}
    assert any(r["责任人"] == "李强" and r["措施"] == "线上报名" for r in rows)
    # dates a spreadsheet sorts, where the screen writes 2025年9月1日
    assert all(dt.date.fromisoformat(r["完成时限"]) for r in rows if r["完成时限"])
    raw = run(kb, "actions", "--status", "done", "--csv", "--lang", "en").stdout_bytes
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["status"] for r in rows} == {"done"}


def test_today_default_is_today(kb):
    rows = json.loads(run(kb, "actions", "--json").stdout)
    today = dt.date.today().isoformat()
    assert all(r["overdue"] == (r["due"] < today) for r in rows)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("sample")
    shutil.copy(SAMPLE / "mkdocs.yml", root)
    shutil.copytree(SAMPLE / "reviews", root / "reviews")
    # tables by words and tags: search by meaning would embed every entry first
    (root / "reviews/fupan.yml").write_text("semantic: {backend: off}\n", "utf-8")
    return KnowledgeBase(root)


def test_tables_speak_the_kb_language(kb):
    out = run(kb, "actions", "--status", "open,doing,done,dropped", "--today", "2025-10-01").stdout
    assert out.splitlines()[0].split()[:7] == [
        "单位",
        "状态",
        "逾期",
        "完成时限",
        "责任人",
        "措施",
        "复盘",
    ]
    assert {"待办", "进行中", "已完成", "已取消", "逾期"} <= set(out.split())
    en = run(kb, "actions", "--lang", "en", "--status", "dropped").stdout
    assert en.splitlines()[0].split()[:2] == ["unit", "status"] and " dropped " in en


def test_units_in_roster_order_then_pinyin(kb_factory):
    roster = "- name: 运行车间工会\n- name: 公司工会\n"  # not the order of code points
    entries = {
        f"{n}.md": entry(
            title=f"复盘{n}",
            unit=u,
            extra=f"actions:\n  - {{action: 措施{n}, owner: 李强, due: 2025-06-01, status: open}}\n",
        )
        for n, u in enumerate(["公司工会", "运行车间工会"])
    }
    kb = KnowledgeBase(kb_factory(entries, units=roster))
    rows = json.loads(run(kb, "actions", "--json").stdout)
    assert [r["unit"] for r in rows] == ["运行车间工会", "公司工会"]
    table = run(kb, "actions").stdout.splitlines()
    assert [line.split()[0] for line in table[2:]] == ["运行车间工会", "公司工会"]
    stats = json.loads(run(kb, "stats", "--json").stdout)
    assert list(stats["by_unit"]) == ["运行车间工会", "公司工会"]
    assert list(stats["closure"]) == ["运行车间工会", "公司工会"]


def test_names_by_pinyin_not_code_point():
    from fupan.text.collate import ordered

    names = [
        "信息技术中心工会",
        "公司工会",
        "长沙分公司工会",
        "重庆分公司工会",
        "2025年10月",
        "2025年9月",
    ]
    assert ordered(names) == [
        "2025年9月",
        "2025年10月",
        "长沙分公司工会",  # cháng, not zhǎng
        "重庆分公司工会",  # chóng, not zhòng
        "公司工会",
        "信息技术中心工会",
    ]


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize(
    "args",
    [
        ["actions", "--status", "open,doing,done,dropped"],
        ["compare", "2025年安全"],
        ["compare", "2025年职工春季运动会"],
        ["recurring"],
        ["stats"],
    ],
)
def test_tables_fit_the_terminal(sample, args, columns):
    from fupan.cli.output import width

    out = run(sample, *args, columns=columns).stdout
    too_wide = [line for line in out.splitlines() if width(line) > columns]
    assert not too_wide, too_wide[:3]
    assert "…" in out or args[0] in ("actions", "compare", "stats")  # cut, not wrapped


def test_compare_on_a_narrow_terminal_is_one_block_per_unit(sample):
    out = run(sample, "compare", "2025年安全", columns=80).stdout
    assert "物资供应中心工会（中心）  ★ 最佳\n  评分 4 · 措施 2 条 · 完成 100%\n" in out
    assert "  隐患排查  35    38    109%\n" in out
    wide = run(sample, "compare", "2025年安全", columns=400).stdout
    assert "隐患排查 目标" in wide.splitlines()[2]  # one row per unit when it fits


def test_stats_csv(kb):
    raw = run(kb, "stats", "--csv").stdout_bytes
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["分类", "名称", "复盘数", "措施数", "已完成", "完成比例"]
    assert ["单位", "第一分公司工会", "2", "3", "2", "67%"] in rows
    assert ["活动", GAMES, "3", "", "", ""] in rows and ["年份", "2026", "1", "", "", ""] in rows


def test_actions_by_campaign_and_limit(kb):
    rows = json.loads(
        run(kb, "actions", "--campaign", "2026年", "--status", "done", "--json").stdout
    )
    assert [r["action"] for r in rows] == ["线上报名"]
    r = run(kb, "actions", "--status", "open,doing,done,dropped", "--limit", "2")
    assert len(r.stdout.splitlines()) == 4 and "共 6 条，显示前 2 条" in r.stderr
    assert len(json.loads(run(kb, "actions", "--limit", "1", "--json").stdout)) == 1
    r = run(kb, "actions", "--campaign", "运动会", code=2)  # two campaigns: say which
    assert "“运动会”与多项活动相符：2025年职工春季运动会, 2026年职工春季运动会" in r.output


def test_exit_codes_agree(kb):
    # nothing found: 1, in every format
    r = run(kb, "actions", "--owner", "没有这个人", code=1)
    assert r.stdout == "" and "没有符合条件的改进措施" in r.stderr
    assert json.loads(run(kb, "actions", "--owner", "没有这个人", "--json", code=1).stdout) == []
    run(kb, "compare", "没有这个活动", code=1)
    # a bad value: 2, whatever the command
    r = run(kb, "actions", "--unit", "第一分公司", code=2)
    assert "单位“第一分公司”不在 reviews/units.yml 名册中；是不是 第一分公司工会？" in r.output
    assert "第一分公司工会" in run(kb, "search", "报名", "--unit", "第一分公司", code=2).output
    r = run(kb, "new", "--unit", "第一分公司", "--campaign", "x", code=2)
    assert "是不是 第一分公司工会？" in r.output
    run(kb, "actions", "--limit", "0", code=2)


def test_site_lists_units_in_roster_order(kb_factory):
    from fupan.lang import strings
    from fupan.site.data import site_data

    roster = "- name: 运行车间工会\n- name: 公司工会\n- name: 第一分公司工会\n"
    kb = KnowledgeBase(
        kb_factory(
            {
                f"{n}.md": entry(title=f"复盘{n}", unit=u, extra="rating: 3\n")
                for n, u in enumerate(["第一分公司工会", "公司工会", "运行车间工会"])
            },
            units=roster,
        )
    )
    entries = kb.load_all().entries
    d = site_data(
        entries, kb.thesaurus, strings("zh"), dt.date(2026, 1, 1), order=kb.units.sort_key
    )
    in_roster = ["运行车间工会", "公司工会", "第一分公司工会"]
    assert list(d.by_unit) == in_roster
    assert [u.unit for u in d.comparisons[GAMES].units] == in_roster
    plain = site_data(entries, kb.thesaurus, strings("zh"), dt.date(2026, 1, 1))
    assert list(plain.by_unit) == ["第一分公司工会", "公司工会", "运行车间工会"]  # by pinyin


def test_groups_of_the_registry_are_shown_and_filter(kb):
    out = run(kb, "compare", GAMES, columns=80).stdout
    assert "第一分公司工会（分公司）\n" in out and "检修车间工会（车间）  ▼ 待提升" in out
    data = json.loads(run(kb, "compare", GAMES, "--group", "分公司", "--json").stdout)
    assert [u["unit"] for u in data["units"]] == ["第一分公司工会", "第二分公司工会"]
    assert [u["mark"] for u in data["units"]] == ["weakest", "best"]  # judged within the group
    rows = json.loads(run(kb, "actions", "--group", "车间", "--status", "done", "--json").stdout)
    assert {r["unit"] for r in rows} == {"检修车间工会"}
    r = run(kb, "actions", "--group", "分公", code=2)
    assert "units.yml 中没有“分公”这个分组；分组有：分分公司, 车间" not in r.output
    assert "分组有：分公司, 车间；是不是 分公司？" in r.output


def test_actions_on_a_narrow_terminal_keep_the_id_whole(sample):
    out = run(sample, "actions", "--overdue", "--unit", "一分工会", "--today", "2026-11-25",
              columns=80).stdout  # fmt: skip
    lines = out.splitlines()
    assert lines[0].split() == ["状态", "逾期", "完成时限", "责任人", "复盘", "序号"]
    assert lines[1] == "第一分公司工会"
    assert lines[2].split() == [
        "进行中",
        "逾期",
        "2025年6月30日",  # dates as people write them; --csv keeps 2025-06-30
        "何雪",
        "2024/safety-month-branch1",
        "2",
    ]
    assert lines[3] == "      外包队伍安全培训纳入分公司统一考试，成绩与队伍结算挂钩"
    wide = run(sample, "actions", "--overdue", "--unit", "一分工会", "--today", "2026-11-25",
               columns=200).stdout  # fmt: skip
    assert wide.splitlines()[0].split()[:6] == [
        "单位",
        "状态",
        "逾期",
        "完成时限",
        "责任人",
        "措施",
    ]

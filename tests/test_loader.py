"""Every rule of the entry contract, and each kind of bad input, at the right line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fupan.entries.contract import loads
from fupan.entries.units import Unit, Units
from fupan.kb import KnowledgeBase

from .conftest import entry

UNITS = Units([Unit("第一分公司工会", "分公司", ["一分工会"]), Unit("第二分公司工会")])


def check(text: str, units: Units = UNITS):
    return loads(text, "2025/a", "reviews/2025/a.md", units)


def only(problems, level="error"):
    found = [p for p in problems if p.level == level]
    assert len(found) == 1, problems
    return found[0]


def test_valid_entry_reads_every_key():
    text = entry(
        extra="""\
        period: {start: 2025-03-01, end: 2025/4/15}
        category: 文体活动
        author: 张敏
        tags: [报名, 宣传]
        rating: 3
        metrics:
          - {name: 参与人数, target: 300, actual: 245, unit: 人}
        actions:
          - {action: 报名提前两周启动, owner: 李强, due: 2025-09-01, status: open}
          - {action: 复盘会, status: done}
        publish: false
        """
    )
    e, problems = check(text)
    assert problems == []
    assert (e.id, e.unit, e.date) == ("2025/a", "第一分公司工会", dt.date(2025, 4, 20))
    assert e.period == (dt.date(2025, 3, 1), dt.date(2025, 4, 15))
    assert e.tags == ["报名", "宣传"] and e.rating == 3 and e.publish is False
    assert e.metrics[0].completion == pytest.approx(245 / 3)
    assert e.actions[0].due == dt.date(2025, 9, 1) and e.actions[0].line == 14
    assert "245" in e.parts["summary"] and "班组" in e.parts["reflection"]
    assert e.parts["improvement"].startswith("1. 报名")


@pytest.mark.parametrize("written", ["2025-04-20", "2025/4/20", "2025年4月20日", "'2025-4-20'"])
def test_three_date_forms_mean_the_same_day(written):
    e, problems = check(entry(date=written))
    assert problems == [] and e.date == dt.date(2025, 4, 20)


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "reviews").mkdir()
    path = tmp_path / "reviews" / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + entry().replace("\n", "\r\n").encode())
    e, problems = KnowledgeBase(tmp_path).load(path)
    assert problems == [] and e.title == "2025年职工春季运动会复盘"
    assert e.parts["summary"] == "计划 300 人参加，实际 245 人。"


def test_alias_resolves_to_registered_name():
    e, problems = check(entry(unit="一分工会"))
    assert problems == [] and e.unit == "第一分公司工会" and e.unit_as_written == "一分工会"


def test_any_unit_without_registry():
    e, problems = check(entry(unit="某某车间"), Units())
    assert problems == [] and e.unit == "某某车间"


def test_english_headings_and_numbering():
    body = "## 1. Summary\nplan\n\n## (二) Reflection\nwhy\n\n## 三、Improve next time\nfix\n"
    e, problems = check(entry(body=body))
    assert problems == [] and e.parts == {
        "summary": "plan",
        "reflection": "why",
        "improvement": "fix",
    }


def test_earliest_part_word_decides():
    body = "## 回顾\na\n## 原因分析与反思\nb\n## 改进（总结规律、改进措施）\nc\n"
    e, problems = check(entry(body=body))
    assert problems == [] and e.parts["improvement"] == "c"


def test_unknown_key_is_kept_with_warning():
    e, problems = check(entry(extra="budget_code: A-17\n"))
    p = only(problems, "warning")
    assert p.line == 6 and "budget_code" in p.message
    assert e.extra == {"budget_code": "A-17"}


def test_headings_inside_code_fences_are_not_parts():
    body = "## 总结\n```\n## 反思\n```\n## 反思\nb\n## 改进\nc\n"
    e, problems = check(entry(body=body))
    assert problems == [] and "## 反思" in e.parts["summary"]


# Each bad input: (text, line, words the message must contain).
BAD = {
    "no front matter": ("# 标题\n\n## 总结\n", 1, "no front matter"),
    "unclosed front matter": ("---\ntitle: x\nunit: y\n\n## 总结\n", 1, "not closed"),
    "invalid yaml": ("---\ntitle: x\nunit: [a, b\ncampaign: c\n---\n", 4, "invalid YAML"),
    "not a mapping": ("---\n- a\n- b\n---\n## 总结\n", 2, "must be a mapping"),
    "missing title": (
        entry().replace("title: 2025年职工春季运动会复盘\n", ""),
        1,
        "'title' is missing",
    ),
    "missing unit": (entry().replace("unit: 第一分公司工会\n", ""), 1, "'unit' is missing"),
    "missing campaign": (entry().replace("campaign: 2025年职工春季运动会\n", ""), 1, "'campaign'"),
    "missing date": (entry().replace("date: 2025-04-20\n", ""), 1, "'date' is missing"),
    "unregistered unit": (entry(unit="第一分公司公会"), 3, "did you mean 第一分公司工会"),
    "bad date": (entry(date="2025-13-01"), 5, "not a real day"),
    "date not a date": (entry(date="上周五"), 5, "2025/4/20"),
    "period reversed": (
        entry(extra="period: {start: 2025-04-15, end: 2025-03-01}\n"),
        6,
        "before it starts",
    ),
    "period not a mapping": (entry(extra="period: 2025-03\n"), 6, "{start: DATE, end: DATE}"),
    "rating out of range": (entry(extra="rating: 6\n"), 6, "1 to 5"),
    "rating not a number": (entry(extra="rating: 良好\n"), 6, "1 to 5"),
    "metric not a number": (
        entry(extra="metrics:\n  - name: 参与人数\n    target: 300\n    actual: 二百四十五\n"),
        9,
        "must be a number",
    ),
    "unknown action status": (
        entry(
            extra="actions:\n  - action: a\n    owner: b\n    due: 2025-01-01\n    status: finished\n"
        ),
        10,
        "unknown",
    ),
    "open action without owner": (
        entry(extra="actions:\n  - action: 报名提前\n    due: 2025-01-01\n    status: open\n"),
        7,
        "no 'owner'",
    ),
    "doing action without due": (
        entry(extra="actions:\n  - {action: 报名提前, owner: 李强, status: doing}\n"),
        7,
        "no 'due'",
    ),
    "missing part": (
        entry(body="## 总结\na\n## 改进\nc\n"),
        7,
        "反思 (Reflection) part is missing",
    ),
    "empty file": ("", 1, "empty"),
    "python tag": (
        "---\ntitle: !!python/object/apply:os.system ['touch /tmp/fupan-pwned']\n---\n",
        2,
        "tag refused",
    ),
    "publish not boolean": (entry(extra="publish: 也许\n"), 6, "true or false"),
    "tags not a list": (entry(extra="tags: {a: 1}\n"), 6, "'tags' must be a list"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_reported_at_line(name):
    text, line, words = BAD[name]
    _, problems = check(text)
    errors = [p for p in problems if p.level == "error"]
    assert any(words in p.message and p.line == line for p in errors), problems
    assert all(p.path == "reviews/2025/a.md" for p in problems)


def test_python_tag_is_never_executed():
    check(BAD["python tag"][0])
    assert not Path("/tmp/fupan-pwned").exists()


def test_parts_out_of_order_is_a_warning():
    e, problems = check(entry(body="## 反思\nb\n## 总结\na\n## 改进\nc\n"))
    p = only(problems, "warning")
    assert p.line == 10 and "order" in p.message and e is not None


def test_gbk_file_says_how_to_convert(tmp_path: Path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "reviews").mkdir()
    path = tmp_path / "reviews" / "gbk.md"
    path.write_bytes(entry().encode("gbk"))
    e, problems = KnowledgeBase(tmp_path).load(path)
    p = only(problems)
    assert e is None and p.line == 2 and "not UTF-8" in p.message and "GB18030" in p.message
    assert "iconv" in p.message

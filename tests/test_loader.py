"""Every rule of the entry contract, and each kind of bad input, at the right line."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from fupan.entries.checks import check as check_kb
from fupan.entries.contract import loads
from fupan.entries.parts import PART_WORDS
from fupan.entries.units import Unit, Units
from fupan.kb import KnowledgeBase
from fupan.lang import TABLES, strings

from .conftest import entry, make_kb

NOT_A_FILE = "not a regular file (a folder, pipe or device); remove it or move it out of reviews/"
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
    assert e.metrics[0].completion == pytest.approx(2.45 / 3)
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


# The bad-input corpus: each file of tests/data/bad/ beside its expected problems
# (``NAME.expected``: one ``LINE: LEVEL: message`` a line), checked in a knowledge base
# with three good entries that must stay good. ``units.*.yml`` and ``synonyms.*.yml``
# stand in for reviews/units.yml and reviews/synonyms.yml.
BAD_DIR = Path(__file__).parent / "data" / "bad"
BAD_FILES = sorted(f.name for f in BAD_DIR.iterdir() if f.suffix != ".expected")


def test_the_corpus_is_there():
    assert len(BAD_FILES) >= 40
    assert all((BAD_DIR / f"{name}.expected").is_file() for name in BAD_FILES)


def bad_place(name: str) -> str:
    if name.startswith(("units.", "synonyms.")):
        return name.split(".")[0] + ".yml"
    return f"2025/{name}"


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_gives_its_problem_and_the_others_go_on(kb_factory, name):
    good = {f"2024/good{i}.md": entry(title=f"好的复盘{i}") for i in range(3)}
    root = kb_factory({**good, bad_place(name): (BAD_DIR / name).read_bytes()})
    report = check_kb(KnowledgeBase(root))
    path = f"reviews/{bad_place(name)}"
    found = [f"{p.line}: {p.level}: {p.message}" for p in report.problems if p.path == path]
    expected = (BAD_DIR / f"{name}.expected").read_text("utf-8").splitlines()
    assert found == expected
    assert [p for p in report.problems if p.path != path] == []
    assert {e.path for e in report.loaded.entries} >= {f"reviews/{g}" for g in good}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_problems_are_said_in_chinese(kb_factory, name):
    """Every problem of the corpus has a code both tables say, with the level word and
    the file and line kept; the Chinese is not the English."""
    root = kb_factory({bad_place(name): (BAD_DIR / name).read_bytes()})
    problems = [p for p in check_kb(KnowledgeBase(root)).problems if p.level != "ignore"]
    assert problems
    for p in problems:
        assert p.code.startswith("check.") and p.said(strings("en")) == str(p)
        said = p.said(strings("zh"))
        level = {"error": "错误", "warning": "警告"}[p.level]
        assert said.startswith(f"{p.path}:{p.line}: {level}: ") and said != str(p)
        assert p.message not in said


PLACEHOLDERS = re.compile(r"(?<!{){([^{}!:]*)[^{}]*}(?!})")


def test_every_check_message_is_in_both_languages_with_the_same_placeholders():
    zh = {k: v for k, v in TABLES["zh"].items() if k.startswith("check.")}
    en = {k: v for k, v in TABLES["en"].items() if k.startswith("check.")}
    assert len(zh) >= 80 and set(zh) == set(en)
    for key in zh:
        assert set(PLACEHOLDERS.findall(zh[key])) == set(PLACEHOLDERS.findall(en[key])), key


def test_a_value_that_is_a_message_is_said_in_the_same_language():
    _, problems = check(entry(body="## 一、总结\n计划\n\n## 三、改进\n提前\n"))
    p = only(problems)
    assert (p.code, p.values["words"]) == ("check.part_missing", PART_WORDS["reflection"])
    assert p.message.startswith("the Reflection part is missing: add a level-2 heading with")
    assert "one of 反思, 分析, reflection, reflect, e.g. '## Reflection'" in p.message
    assert p.said(strings("zh")) == (
        "reviews/2025/a.md:7: 错误: 缺少“二、反思”部分：请加一个二级标题（以 ## 和空格开头），"
        "标题中要有 反思、分析、reflection、reflect 之一，例如“## 二、反思”"
    )
    assert p.as_dict() == {
        "path": "reviews/2025/a.md",
        "line": 7,
        "level": "error",
        "message": p.message,
        "code": "check.part_missing",
    }


def test_python_tag_is_never_executed():
    check((BAD_DIR / "python-tag.md").read_text("utf-8"))
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


# -- what union offices write: Chinese status words, 、 between tags, better: lower


@pytest.mark.parametrize(
    "word, status",
    [("待办", "open"), ("进行中", "doing"), ("已完成", "done"), ("已取消", "dropped")],
)
def test_chinese_status_words(word, status):
    e, problems = check(
        entry(
            extra=f"actions:\n  - {{action: 报名提前, owner: 李强, due: 2025-09-01, status: {word}}}\n"
        )
    )
    assert problems == [] and e.actions[0].status == status


@pytest.mark.parametrize(
    "written", ["tags: 报名、宣传、班组", "tags: [报名、宣传, 班组]", "tags: 报名，宣传,班组"]
)
def test_tags_split_at_chinese_commas(written):
    e, problems = check(entry(extra=written + "\n"))
    assert problems == [] and e.tags == ["报名", "宣传", "班组"]


def test_many_tags_are_read_in_linear_time():
    tags = ", ".join(f"标签{i % 5000}" for i in range(19_000))
    e, problems = check(entry(extra=f"tags: [{tags}]\n"))
    assert len(e.tags) == 30 and "19000" not in str(problems) and "5000 tags" in str(problems)


def test_better_lower_turns_completion_around():
    e, problems = check(
        entry(
            extra="metrics:\n"
            "  - {name: 经费, target: 30000, actual: 32400, unit: 元, better: lower}\n"
            "  - {name: 事故, target: 2, actual: 0, better: lower}\n"
            "  - {name: 参与人数, target: 300, actual: 324}\n"
        )
    )
    assert problems == []
    budget, accidents, people = e.metrics
    assert budget.better == "lower" and budget.completion == pytest.approx(0.92)
    assert accidents.completion == pytest.approx(2.0)
    assert people.better == "higher" and people.completion == pytest.approx(1.08)


def test_untouched_template_is_left_out(kb_factory):
    from fupan.scaffold import entry_text

    template = entry_text(
        "未写的复盘", "第一分公司工会", "2025年职工春季运动会", dt.date(2025, 5, 1), "", ""
    )
    root = kb_factory({"2025/a.md": entry(), "2025/draft.md": template})
    loaded = KnowledgeBase(root).load_all()
    assert [e.path for e in loaded.entries] == ["reviews/2025/a.md"]
    assert [e.path for e in loaded.unwritten] == ["reviews/2025/draft.md"]
    assert any(
        p.path == "reviews/2025/draft.md" and "template's questions" in p.message
        for p in loaded.problems
    )


def test_a_written_part_makes_the_entry_count():
    body = "## 一、总结\n<!-- 原计划是什么？ -->\n实际 245 人。\n## 二、反思\n\n## 三、改进\n"
    e, problems = check(entry(body=body))
    assert e.written and problems == []


# -- files the walk must survive: each is a problem at its path, the others go on


def walk_kb(kb_factory, make) -> tuple[KnowledgeBase, list[str]]:
    root = kb_factory({f"2024/good{i}.md": entry(title=f"好的复盘{i}") for i in range(3)})
    make(root / "reviews")
    kb = KnowledgeBase(root)
    loaded = kb.load_all()
    assert len(loaded.entries) == 3
    return kb, [str(p) for p in loaded.problems]


def test_fifo_is_not_read(kb_factory):
    _, problems = walk_kb(kb_factory, lambda r: os.mkfifo(r / "x.md"))
    assert problems == ["reviews/x.md:1: error: " + NOT_A_FILE]


def test_fifo_named_on_the_command_line_does_not_hang(kb_factory):
    root = kb_factory({})
    os.mkfifo(root / "reviews" / "x.md")
    e, problems = KnowledgeBase(root).load(root / "reviews" / "x.md")
    assert e is None and "not a regular file" in problems[0].message


def test_dangling_link(kb_factory):
    _, problems = walk_kb(kb_factory, lambda r: os.symlink("gone.md", r / "x.md"))
    assert problems == [
        "reviews/x.md:1: error: broken link: it leads to gone.md, which does not exist; remove it"
    ]


def test_link_loop(kb_factory):
    def make(r):
        os.symlink("b.md", r / "a.md")
        os.symlink("a.md", r / "b.md")

    _, problems = walk_kb(kb_factory, make)
    assert problems == [
        f"reviews/{n}.md:1: error: broken link: it leads to a loop; remove it" for n in "ab"
    ]


def test_link_out_of_the_knowledge_base_is_not_read(kb_factory, tmp_path):
    (tmp_path / "secret.md").write_text(entry(title="机密"), encoding="utf-8")
    _, problems = walk_kb(kb_factory, lambda r: os.symlink(tmp_path / "secret.md", r / "x.md"))
    assert len(problems) == 1 and "outside the knowledge base, is not read" in problems[0]


def test_link_inside_the_knowledge_base_is_read_at_its_own_path(kb_factory):
    root = kb_factory({"2024/a.md": entry()})
    os.symlink("2024/a.md", root / "reviews" / "b.md")
    loaded = KnowledgeBase(root).load_all()
    assert sorted(e.path for e in loaded.entries) == ["reviews/2024/a.md", "reviews/b.md"]


def test_linked_folder_is_named(kb_factory, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.md").write_text(entry(), encoding="utf-8")
    _, problems = walk_kb(kb_factory, lambda r: os.symlink(tmp_path / "elsewhere", r / "2026"))
    assert len(problems) == 1 and problems[0].startswith(
        "reviews/2026:1: warning: this folder is a link"
    )


def test_reviews_folder_as_a_link_with_one_broken_entry(tmp_path):
    real = tmp_path / "store"
    real.mkdir()
    make_kb(real, {"2024/a.md": entry(), "2024/b.md": "broken"})
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "mkdocs.yml").write_text("site_name: t\n")
    os.symlink(real / "reviews", tmp_path / "kb" / "reviews")
    loaded = KnowledgeBase(tmp_path / "kb").load_all()
    assert [e.path for e in loaded.entries] == ["reviews/2024/a.md"]
    assert loaded.failed == ["reviews/2024/b.md"]


def test_units_yml_that_is_a_folder(kb_factory):
    root = kb_factory({"2024/a.md": entry()}, units=None)
    (root / "reviews" / "units.yml").mkdir()
    loaded = KnowledgeBase(root).load_all()
    assert len(loaded.entries) == 1
    assert [str(p) for p in loaded.problems] == ["reviews/units.yml:1: error: " + NOT_A_FILE]


def test_file_name_that_is_not_utf8(kb_factory):
    def make(r):
        with open(os.path.join(os.fsencode(r), b"bad-\xff.md"), "wb") as f:
            f.write(entry().encode())

    kb, problems = walk_kb(kb_factory, make)
    assert problems == [
        "reviews/bad-\\xff.md:1: error: the file name is not valid UTF-8; rename the file"
    ]
    assert len(kb.scan()) == 3  # the index never sees it


def test_newline_in_a_file_name_cannot_forge_a_line(kb_factory):
    name = "x.md\nreviews/forged.md:1: error: forged"
    root = kb_factory({"2024/a.md": entry(), f"{name}.md": "broken"})
    problems = [str(p) for p in KnowledgeBase(root).load_all().problems]
    assert len(problems) == 1 and "\n" not in problems[0]
    assert problems[0].startswith("reviews/x.md\\nreviews/forged.md:1: error: forged.md:1: error")


def test_a_file_outside_the_knowledge_base(kb_factory):
    root = kb_factory({"2024/a.md": entry()})
    loaded = KnowledgeBase(root).load_all([Path("/etc/hostname")])
    assert loaded.entries == [] and "not an entry of this knowledge base" in str(loaded.problems[0])


def test_entry_size_is_limited(kb_factory):
    big = entry(body="## 总结\n" + "报名" * 1_100_000 + "\n## 反思\nb\n## 改进\nc\n")
    _, problems = walk_kb(kb_factory, lambda r: (r / "big.md").write_text(big, encoding="utf-8"))
    assert problems == [
        "reviews/big.md:1: error: file is 6.6 MB; the limit is 2 MB: keep attachments and "
        "data in other files and link to them"
    ]


def test_huge_synonym_group_is_refused_quickly(kb_factory):
    group = "- [" + ", ".join(f"词{i}" for i in range(20_001)) + "]\n"
    _, problems = walk_kb(kb_factory, lambda r: (r / "synonyms.yml").write_text(group, "utf-8"))
    assert len(problems) == 1 and "too many values (more than 20,000" in problems[0]


@pytest.mark.parametrize(
    "front",
    [
        "title: x\ncampaign: c\ndate: 2025-04-20\nunit: 没有这个单位\npublish: false  # 暂不发布",
        "title: x\ncampaign: c\ndate: 2025-04-20\nunit: 没有这个单位\npublish : false",
        'title: x\ncampaign: c\ndate: 2025-04-20\nunit: 没有这个单位\n"publish": false',
        "{title: x, unit: 没有这个单位, campaign: c, date: 2025-04-20, publish: false}",
        "publish: false\nunit: [broken",
    ],
)
def test_failed_entry_that_may_be_unpublished_is_hidden(kb_factory, front):
    root = kb_factory({"2025/secret.md": f"---\n{front}\n---\n## 总结\n## 反思\n## 改进\n"})
    loaded = KnowledgeBase(root).load_all()
    assert loaded.failed == loaded.hidden == ["reviews/2025/secret.md"]


def test_failed_entry_meant_for_the_site_is_listed(kb_factory):
    root = kb_factory({"2025/bad.md": entry(unit="没有这个单位")})
    loaded = KnowledgeBase(root).load_all()
    assert loaded.failed == ["reviews/2025/bad.md"] and loaded.hidden == []


def test_non_string_keys_are_warned_at_their_own_line():
    e, problems = check(entry(extra="budget: 1\n2024: x\ntrue: y\n"))
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (6, "unknown key 'budget' is kept but not used"),
        (7, "key 2024 is not a word"),
        (8, "key True is not a word"),
    ]


def test_full_width_colon_inside_a_text_is_no_key():
    e, problems = check(entry(extra="author: |\n  Step：张敏\n  Note：李强\n"))
    assert problems == [] and e.author == "Step：张敏\nNote：李强"

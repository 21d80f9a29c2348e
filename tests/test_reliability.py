"""Nothing lost, nothing hung: the index on shared, read-only and full disks, searches
that stay the same after edits, and every command over a knowledge base full of bad
files. Real indexes on disk, real processes, real builds."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from fupan.entries.checks import check
from fupan.errors import FupanError
from fupan.kb import KnowledgeBase
from fupan.search.index import SearchIndex
from fupan.search.query import build, prune
from fupan.text.snippets import plain, snippet
from fupan.text.thesaurus import BUILTIN, Thesaurus

from .conftest import entry, make_kb

BAD = Path(__file__).parent / "data" / "bad"
FUPAN = str(Path(sys.executable).parent / "fupan")
UNITS = ("第一分公司工会", "第二分公司工会", "检修车间工会")


def found(index: SearchIndex, text: str) -> set[str]:
    """Ids a query finds, however many: the query as search builds and prunes it."""
    with index.open().searcher() as searcher:
        q = prune(build(text, Thesaurus(BUILTIN)).query, searcher.reader())
        return {hit["id"] for hit in searcher.search(q, limit=None)}


def many(n: int, word_every: int = 3) -> dict[str, str]:
    """``n`` entries: every third speaks of 经费, every eighth of 超支."""
    out = {}
    for i in range(n):
        text = "活动按计划完成，职工反映良好。"
        text += "经费使用清楚。" if i % word_every == 0 else ""
        text += "部分项目超支。" if i % 8 == 0 else ""
        body = f"## 总结\n{text}\n\n## 反思\n第{i}次。\n\n## 改进\n继续。\n"
        out[f"2025/e{i:03}.md"] = entry(title=f"复盘{i}", unit=UNITS[i % 3], body=body)
    return out


def test_same_query_same_entries_after_edits(tmp_path):
    root = make_kb(tmp_path, many(60))
    index = SearchIndex(KnowledgeBase(root))
    index.refresh()
    before = found(index, "经费超支")
    assert len(before) == 25  # each entry with either word: 20 + 8 - 3 with both
    for i in range(0, 60, 3)[:14]:  # edit most of the 经费 entries: old versions linger
        path = root / "reviews" / f"2025/e{i:03}.md"
        path.write_text(path.read_text("utf-8") + "\n补充一句。\n", encoding="utf-8")
    assert index.refresh().updated == 14
    with index.open().searcher() as s:
        assert s.reader().has_deletions()  # what the stored term counts do not see
    assert found(index, "经费超支") == before


def test_index_json_follows_the_umask(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    old = os.umask(0o002)
    try:
        SearchIndex(KnowledgeBase(root)).refresh()
    finally:
        os.umask(old)
    mode = stat.S_IMODE((root / ".fupan" / "index.json").stat().st_mode)
    assert mode == 0o664


@pytest.fixture
def shared(tmp_path):
    """A knowledge base another user (nobody) can read but not write."""
    if not shutil.which("setpriv") or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to act as another user")
    folder = Path(tempfile.mkdtemp(dir="/tmp", prefix="fupan-shared-"))
    os.chmod(folder, 0o755)
    root = make_kb(folder, {"2025/a.md": entry(), "2025/b.md": entry(title="第二篇复盘")})
    yield root
    shutil.rmtree(folder, ignore_errors=True)


AS_NOBODY = """
import sys
from fupan.errors import FupanError
from fupan.kb import KnowledgeBase
from fupan.search.index import SearchIndex
index = SearchIndex(KnowledgeBase(sys.argv[1]))
try:
    report = index.refresh()
except FupanError as e:
    sys.exit(f"error: {e}")
with index.open().searcher() as s:
    print(s.doc_count(), repr(report.stale))
"""


CLI = "import sys; from fupan.cli import main; sys.argv[0] = 'fupan'; main()"


def as_nobody(script: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``python -c script args`` as user nobody."""
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        + [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": "/tmp", **env},
    )


def test_another_user_searches_right_after_a_fresh_index(shared):
    SearchIndex(KnowledgeBase(shared)).refresh()
    r = as_nobody(AS_NOBODY, str(shared))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split()[0] == "2" and "Traceback" not in r.stderr


def test_read_only_knowledge_base_answers_from_the_index_it_has(shared):
    SearchIndex(KnowledgeBase(shared)).refresh()
    (shared / "reviews" / "2025" / "c.md").write_text(entry(title="新的复盘"), encoding="utf-8")
    r = as_nobody(AS_NOBODY, str(shared))  # cannot write .fupan/: the two indexed entries answer
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("2 'Permission denied")
    r = as_nobody(
        CLI, "--kb", str(shared), "search", "--mode", "words", "复盘", FUPAN_MEANING="off"
    )
    assert "检索索引没能更新（Permission denied" in r.stderr and "Traceback" not in r.stderr


def test_no_index_and_no_way_to_write_one_is_one_clear_message(shared):
    r = as_nobody(AS_NOBODY, str(shared))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"error: cannot write the search index in {shared}/.fupan: ")


def test_a_folder_that_cannot_be_read_is_named(shared):
    (shared / "reviews" / "private").mkdir(mode=0o700)  # root's: nobody cannot list it
    (shared / "reviews" / "private" / "x.md").write_text(entry(), encoding="utf-8")
    script = (
        "import sys\nfrom fupan.entries.checks import check\nfrom fupan.kb import KnowledgeBase\n"
        "r = check(KnowledgeBase(sys.argv[1]))\nprint(len(r.loaded.entries))\n"
        "print(*r.problems, sep='\\n')"
    )
    r = as_nobody(script, str(shared))
    assert r.stdout.splitlines() == [
        "2",
        "reviews/private:1: error: folder cannot be read: Permission denied",
    ], r.stderr


@pytest.fixture
def small_disk():
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    folder = Path(tempfile.mkdtemp(prefix="fupan-full-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield folder
    subprocess.run(["umount", "--lazy", str(folder)])  # Whoosh may still map a segment
    folder.rmdir()


def test_full_disk_keeps_the_old_index_and_says_so(small_disk):
    root = make_kb(small_disk, many(30))
    index = SearchIndex(KnowledgeBase(root))
    index.refresh()
    before = found(index, "经费")
    # fill the disk; unbuffered, so that closing has nothing left to write
    with open(small_disk / "filler", "wb", buffering=0) as f, pytest.raises(OSError):
        while True:
            f.write(b"\0" * 65536)
    report = index.refresh(rebuild=True)
    assert "No space left on device" in report.stale
    assert found(index, "经费") == before
    assert not list((root / ".fupan").glob("index.*-tmp"))


def test_linked_state_folder_is_refused_and_its_target_untouched(tmp_path):
    (tmp_path / "kb").mkdir()
    root = make_kb(tmp_path / "kb", {"2025/a.md": entry()})
    target = tmp_path / "precious"
    target.mkdir()
    (target / "index.json").write_text("mine", encoding="utf-8")
    os.symlink(target, root / ".fupan")
    with pytest.raises(FupanError, match=r"\.fupan is a link to .*precious; fupan keeps"):
        SearchIndex(KnowledgeBase(root)).refresh()
    assert [p.name for p in target.iterdir()] == ["index.json"]
    assert (target / "index.json").read_text("utf-8") == "mine"


def test_leftover_of_a_killed_rebuild_is_removed_at_the_next_start(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    index = SearchIndex(KnowledgeBase(root))
    index.refresh()
    leftover = root / ".fupan" / "index.4242-tmp"
    leftover.mkdir()
    (leftover / "_MAIN_1.toc").write_bytes(b"\0" * 1000)
    assert index.refresh().changed == 0  # nothing to index, and yet
    assert not leftover.exists()


def test_long_quoted_phrase(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    index = SearchIndex(KnowledgeBase(root))
    index.refresh()
    assert found(index, '"' + "报名人数不足，通知没有传达" * 100 + '"') == set()
    assert found(index, '"报名通知只发到车间一级"') == {"2025/a"}


def test_snippet_window_holds_the_most_distinct_matches():
    text = "报名 " * 30 + "。" * 200 + "报名和经费都不足，场地也小。" + "。" * 200
    shown, spans = snippet(text, ["报名", "经费", "场地"], width=40)
    assert {shown[a:b] for a, b in spans} == {"报名", "经费", "场地"}


def test_snippet_of_an_entry_with_twenty_thousand_matches():
    text = "报名的人很多，" * 20_000 + "经费不足"
    shown, spans = snippet(text, ["报名", "经费"])  # one pass: this once took minutes
    assert shown.endswith("经费不足") and "经费" in {shown[a:b] for a, b in spans}


def test_a_snippet_of_a_table_or_link_reads_as_text():
    table = "指标对比：\n\n| 指标 | 2024年 | 2025年 |\n|------|:----:|---|\n| 参与 | 1 | 2 |\n"
    assert plain(table) == "指标对比： 指标 2024年 2025年 参与 1 2"
    assert plain("见[附件](a.pdf)与![现场](x.png)\n\n---\n下文") == "见附件与现场 下文"


def test_a_part_of_blank_lines_reads_in_one_pass():
    # the markup patterns once matched newlines as spaces and backtracked through every
    # blank line: 2,000 of them took a minute, and a site build hung on them
    assert plain("总结\n" + " \n" * 20_000 + "- 完") == "总结 完"


def test_terminal_escapes_never_reach_a_snippet():
    assert plain("通知\x1b[2J\x1b]0;x\x07没有传达\x9b31m") == "通知[2J]0;x没有传达31m"


# -- every command over one knowledge base that holds the whole bad-input corpus


@pytest.fixture(scope="module")
def all_bad(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("all-bad")
    good = {
        f"2025/good{i}.md": entry(title=f"好的复盘{i}", unit=u, extra="tags: [报名, 宣传]\n")
        for i, u in enumerate(UNITS)
    }
    make_kb(root, good)
    reviews = root / "reviews"
    for f in BAD.iterdir():
        if f.suffix != ".expected" and not f.name.startswith(("units.", "synonyms.")):
            shutil.copy(f, reviews / "2025" / f.name)
    shutil.copy(BAD / "synonyms.mapping.yml", reviews / "synonyms.yml")
    os.mkfifo(reviews / "fifo.md")
    os.symlink("gone.md", reviews / "dangling.md")
    os.symlink("loop2.md", reviews / "loop1.md")
    os.symlink("loop1.md", reviews / "loop2.md")
    os.symlink("/etc/hostname", reviews / "outside.md")
    with open(os.path.join(os.fsencode(reviews), b"bad-\xff.md"), "wb") as f:
        f.write(entry(title="名字坏了").encode())
    for name, title in (("a b", "甲"), ("a-b", "乙"), ("A.B", "丙")):
        (reviews / f"{name}.md").write_text(entry(title=title), encoding="utf-8")
    (reviews / "tagged.md").write_text(entry(title="丁", extra="tags: [index]\n"), "utf-8")
    secret = entry(unit="没有登记的单位", extra="publish : false  # 暂不发布\n")
    (reviews / "secret-draft.md").write_text(secret, encoding="utf-8")
    return root


def test_check_names_every_bad_file_and_keeps_the_good(all_bad):
    report = check(KnowledgeBase(all_bad))
    paths = {p.path for p in report.problems}
    for name in ("fifo", "dangling", "loop1", "loop2", "outside", "bad-\\xff", "a b", "A.B"):
        assert f"reviews/{name}.md" in paths
    assert "reviews/a-b.md" not in paths  # named as the format asks, it keeps the page
    assert "reviews/synonyms.yml" in paths
    assert {f"reviews/2025/good{i}.md" for i in range(3)} <= {e.path for e in report.loaded.entries}
    assert report.clashing == ["reviews/A.B.md", "reviews/a b.md"]


COMMANDS = [
    ["check"],
    ["index"],
    ["search", "报名"],
    ["actions"],
    ["actions", "--status", "open,doing"],
    ["stats"],
    ["compare", "2025年职工春季运动会"],
    ["recurring"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_no_command_gives_a_traceback(all_bad, args):
    r = subprocess.run(
        [FUPAN, "--kb", str(all_bad), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in r.stderr and "Invalid value" not in r.stderr, r.stderr
    assert r.returncode in (0, 1), r.stderr


def test_site_builds_around_every_bad_file(all_bad):
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=all_bad,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "WARNING -  reviews/outside.md:1: error: a link to /etc/hostname" in r.stderr
    # the build runs the same check as `fupan check`: duplicates are named too
    assert (
        "reviews/2025/metric-nan.md:2: warning: same title, unit and campaign as "
        "reviews/2025/action-status-chinese-unknown.md"
    ) in r.stderr
    site = all_bad / "site"
    home = (site / "index.html").read_text("utf-8")
    assert "乙" in (site / "reviews" / "a-b" / "index.html").read_text("utf-8")  # a-b.md's
    assert "reviews/A.B.md" in home and "reviews/a b.md" in home  # left off, and named
    assert "reviews/2025/empty-file.md" in home  # a failed entry meant for the site is named
    for page in site.rglob("*"):  # one that may have said publish: false is named nowhere
        if page.is_file():
            assert b"secret-draft" not in page.read_bytes(), page
    tags = (site / "tags" / "index.html").read_text("utf-8")
    assert "报名" in tags and 'href="../tags/index-' in tags  # tag 'index' has its own page


# -- contract additions as the reports and the site see them


def test_overspending_a_budget_is_not_best(kb_factory):
    from fupan.reports.compare import compare
    from fupan.site.build import load

    def review(unit: str, spent: int) -> str:
        metrics = (
            "metrics:\n"
            f"  - {{name: 经费, target: 30000, actual: {spent}, unit: 元, better: lower}}\n"
            "  - {name: 参与人数, target: 300, actual: 300, unit: 人}\n"
        )
        return entry(title=f"复盘（{unit}）", unit=unit, extra=metrics)

    root = kb_factory(
        {"2025/a.md": review("第一分公司工会", 32400), "2025/b.md": review("第二分公司工会", 28500)}
    )
    rows = {r.unit: r for r in compare(KnowledgeBase(root).load_all().entries, "2025").units}
    assert rows["第一分公司工会"].metrics["经费"]["completion"] == 0.92
    assert rows["第一分公司工会"].mark == "weakest" and rows["第二分公司工会"].mark == "best"
    site = load(root)  # the comparison page and its charts are drawn from these rows
    marks = {u.unit: u.mark for u in site.data.comparisons["2025年职工春季运动会"].units}
    assert marks == {"第一分公司工会": "weakest", "第二分公司工会": "best"}


def test_untouched_template_is_left_out_of_comparisons_and_counts(kb_factory):
    from fupan.scaffold import entry_text
    from fupan.site.build import load

    template = entry_text(
        "未写", "第二分公司工会", "2025年职工春季运动会", dt.date(2025, 5, 1), "", ""
    )
    root = kb_factory({"2025/a.md": entry(), "2025/draft.md": template})
    site = load(root)
    assert [e.path for e in site.data.entries] == ["reviews/2025/a.md"]
    assert [u.unit for u in site.data.comparisons["2025年职工春季运动会"].units] == [
        "第一分公司工会"
    ]
    assert "第二分公司工会" not in site.data.by_unit
    assert any("template's questions" in str(p) for p in site.problems)

"""Search on real on-disk Whoosh indexes: the sample knowledge base and small ones."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fupan.cli import cli
from fupan.kb import KnowledgeBase
from fupan.search.hits import Filters, search
from fupan.search.index import WORDS, SearchIndex
from fupan.search.query import build, prune
from fupan.search.related import related
from fupan.search.scoring import rank
from fupan.text import cilin
from fupan.text.thesaurus import load_thesaurus
from whoosh import query as Q

from .conftest import copy_sample, entry, make_kb


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_vectors) -> KnowledgeBase:
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    kb = KnowledgeBase(root)
    SearchIndex(kb).refresh()
    return kb


def words(kb: KnowledgeBase, text: str, filters: Filters | None = None):
    """Search by words alone (what these tests check is the word engine), after a refresh."""
    index = SearchIndex(kb)
    index.refresh()
    return search(index, text, filters or Filters(limit=50), mode="words")


def ids(kb: KnowledgeBase, text: str, **filters) -> list[str]:
    return [h.id for h in words(kb, text, Filters(limit=50, **filters)).hits]


def texts_of(kb: KnowledgeBase, entry_id: str) -> str:
    e, _ = kb.load(kb.reviews / f"{entry_id}.md")
    return e.text


def test_english_words_find_the_chinese_entries_that_say_them(sample):
    for query, chinese in (
        ("notice", "通知"),
        ("budget", "经费"),
        ("rain", "下雨"),
        ("trainings", "培训"),
    ):
        found = ids(sample, query)
        assert sum(chinese in texts_of(sample, i) for i in found) >= 2, (query, found)


def test_improvement_items_are_found_by_their_words_and_owners(sample):
    # 林海 is written nowhere but as the owner of items
    owning = {e.id for e in sample.load_all().entries if any(a.owner == "林海" for a in e.actions)}
    assert len(owning) >= 3 and all("林海" not in texts_of(sample, i) for i in owning)
    assert set(ids(sample, "林海")) == owning
    # each shows the item, in the improvement part, and --part and "phrases" see it too
    for h in words(sample, "林海").hits:
        assert h.part == "improvement" and "（林海）" in h.snippet, h
    assert set(ids(sample, '"林海"', part="improvement")) == owning


def test_the_part_shown_holds_the_word_asked_before_its_synonyms(sample):
    hits = words(sample, "台账").hits
    holding = [h for h in hits if any("台账" in t for t in h.parts.values())]
    assert len(holding) >= 3
    assert all("台账" in h.snippet for h in holding), [(h.id, h.part, h.snippet) for h in holding]


def test_unspaced_phrase_ranks_full_match_first(sample):
    found = ids(sample, "通知没有传达到班组")
    assert "通知没有传达到班组" in texts_of(sample, found[0])
    assert len(found) > 3  # partial matches still appear below


def test_one_and_two_character_queries(sample):
    one = ids(sample, "雨")
    assert one and all("雨" in texts_of(sample, i) for i in one[:5])
    two = ids(sample, "场地")
    assert len(two) >= 3 and "场地" in texts_of(sample, two[0])


def test_sub_word_inside_longer_word(sample):
    # 传达 is inside 传达到, which the segmenter splits as 传 / 达到
    found = ids(sample, "达到")
    assert found
    assert any("传达到" in texts_of(sample, i) for i in ids(sample, "传达到")[:3])


def test_exact_phrase_only_finds_exact_text(sample):
    found = ids(sample, '"没有传达"')
    assert found and all("没有传达" in texts_of(sample, i) for i in found)


def test_english_is_stemmed_and_case_folded(sample):
    found = ids(sample, "REGISTRATIONS")
    assert found and "registration" in texts_of(sample, found[0]).lower()


def test_synonym_found_below_exact(sample):
    exact = set(ids(sample, "参赛"))
    found = ids(sample, "报名")
    assert exact & set(found)  # 参赛 is a synonym of 报名 in the built-in thesaurus
    first = found[0]
    assert "报名" in texts_of(sample, first)


def test_general_thesaurus_is_the_same_scanned_or_tabled():
    """A search looks its few words up in the text; the site, thousands, in a table."""
    assert cilin.general_synonyms("走过场") >= {"逢场作戏"}
    table = cilin._groups()
    for word in list(table)[::50] + ["夜班", "不是一个词"]:
        scanned = sorted(map(tuple, cilin._scanned(word)))
        assert scanned == sorted(map(tuple, table.get(word, []))), word


def test_required_and_excluded_words(sample):
    thesaurus = load_thesaurus(sample.reviews / "synonyms.yml")

    def has(word: str, entry_id: str) -> bool:  # a required word may match as a synonym
        text = texts_of(sample, entry_id)
        return any(w in text for w in {word, *thesaurus.synonyms(word)})

    required = ids(sample, "+班组 经费")
    assert required and all(has("班组", i) for i in required)
    assert set(required) <= set(ids(sample, "班组"))
    excluded = ids(sample, "报名 -班组")
    assert excluded and not any(has("班组", i) for i in excluded)
    # a word most entries hold, less an excluded one: still the entries without it
    common = ids(sample, "职工 -倒班")
    assert len(common) >= 5 and not any(has("倒班", i) for i in common)
    both = ids(sample, "报名 AND 天气")
    assert both and all(has("天气", i) and has("报名", i) for i in both)


def test_filters(sample):
    loaded = {e.id: e for e in sample.load_all().entries}
    unit = next(iter(loaded.values())).unit
    assert all(loaded[i].unit == unit for i in ids(sample, "报名", unit=unit))
    aliases = [u for u in sample.units.units if u.aliases]
    alias_unit = aliases[0]
    by_alias = ids(sample, "报名 经费 安全", unit=alias_unit.aliases[0])
    assert by_alias and all(loaded[i].unit == alias_unit.name for i in by_alias)
    assert all("运动会" in loaded[i].campaign for i in ids(sample, "报名", campaign="运动会"))
    assert all(loaded[i].category == "安全生产" for i in ids(sample, "隐患", category="安全生产"))
    assert all("宣传" in loaded[i].tags for i in ids(sample, "报名", tag="宣传"))
    import datetime as dt

    since = ids(sample, "报名", since=dt.date(2026, 1, 1))
    assert since and all(loaded[i].date >= dt.date(2026, 1, 1) for i in since)
    until = ids(sample, "报名", until=dt.date(2024, 12, 31))
    assert until and all(loaded[i].date <= dt.date(2024, 12, 31) for i in until)
    hits = words(sample, "微信", Filters(part="improvement", limit=50)).hits
    assert hits and all(h.part == "improvement" and "微信" in h.parts["improvement"] for h in hits)


def test_unpublished_entries_are_found_and_marked(sample):
    drafts = [e for e in sample.load_all().entries if not e.publish]
    assert drafts
    hits = words(sample, drafts[0].title).hits
    assert any(h.id == drafts[0].id and h.publish is False for h in hits)


def test_cli_json_shape(sample):
    r = CliRunner().invoke(cli, ["--kb", str(sample.root), "search", "报名人数不足", "--json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert hits and set(hits[0]) >= {
        "id",
        "title",
        "unit",
        "campaign",
        "date",
        "score",
        "path",
        "part",
        "snippet",
    }
    assert hits[0]["path"].startswith("reviews/") and hits[0]["part"] in (
        "summary",
        "reflection",
        "improvement",
        "title",
        "tags",
    )


def test_cli_writes_dates_as_its_language_does(sample):
    query = ["search", "通知没有传达到班组", "--mode", "words", "--limit", "1"]
    hit = json.loads(CliRunner().invoke(cli, ["--kb", str(sample.root), *query, "--json"]).stdout)
    day = dt.date.fromisoformat(hit[0]["date"])  # JSON keeps 2025-07-09
    zh = CliRunner().invoke(cli, ["--kb", str(sample.root), *query]).stdout
    en = CliRunner().invoke(cli, ["--kb", str(sample.root), "--lang", "en", *query]).stdout
    assert f" · {day.year}年{day.month}月{day.day}日 · " in zh
    assert f" · {day.isoformat()} · " in en


def test_full_width_letters_and_digits_are_the_half_width_ones(tmp_path):
    # typed in Word's full-width mode, searched in half-width, and the other way
    body = "## 一、总结\n报名改在ＯＡ系统上进行。\n\n## 二、反思\n无。\n\n## 三、改进\n无。\n"
    kb = KnowledgeBase(make_kb(tmp_path, {"2025/a.md": entry(body=body)}))
    index = SearchIndex(kb)
    index.refresh()
    for query in ("OA", "oa", "ＯＡ", '"ＯＡ系统"', '"oa系统"'):
        assert [h.id for h in search(index, query).hits] == ["2025/a"], query


def test_cli_no_hit_suggests(sample):
    r = CliRunner().invoke(cli, ["--kb", str(sample.root), "search", "registratoin"])
    assert r.exit_code == 1
    assert "没有找到" in r.stderr and "您是不是要找“registration”" in r.stderr
    r = CliRunner().invoke(
        cli, ["--kb", str(sample.root), "--lang", "en", "search", "registratoin"]
    )
    assert "no entries found" in r.stderr and 'did you mean "registration' in r.stderr
    # a Chinese word one character off (a slip of the pinyin keyboard)
    r = CliRunner().invoke(
        cli, ["--kb", str(sample.root), "--lang", "en", "search", "--mode", "words", "班祖"]
    )
    assert r.exit_code == 1 and 'did you mean "班组"' in r.stderr
    # a short English word is offered none that starts otherwise or is two letters away
    r = CliRunner().invoke(cli, ["--kb", str(sample.root), "search", "--mode", "words", "raid"])
    assert r.exit_code == 1 and "said" not in r.stderr and "您是不是要找" not in r.stderr


@pytest.mark.parametrize(
    "query, zh, en",
    [
        ('"报名', "引号没有配对", "quotation mark is not closed"),
        ("AND", "AND 的两边都要有词", "AND needs a word on both sides"),
        ("-报名", "没有可以查找的词", "no words to search for"),
    ],
)
def test_cli_bad_query_is_one_line_in_the_kb_language(sample, query, zh, en):
    for lang, says in (("zh", zh), ("en", en)):
        r = CliRunner().invoke(
            cli, ["--kb", str(sample.root), "--lang", lang, "search", "--", query]
        )
        assert r.exit_code == 1 and says in r.stderr and "Traceback" not in r.output
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_related_plan(sample):
    plan = (
        "2026年秋季职工趣味运动会方案：各车间、班组组织报名，报名通知要传达到每个班组，"
        "经费预算3万元，在厂区篮球场举行，注意雨天备用场地。"
    )
    terms, found = related(SearchIndex(sample), plan, limit=5)
    assert "报名" in terms and "班组" in terms
    assert found and "运动会" in found[0].hit.campaign
    assert found[0].reflection and found[0].improvement
    r = CliRunner().invoke(cli, ["--kb", str(sample.root), "related", "-", "--json"], input=plan)
    data = json.loads(r.stdout)
    assert data["entries"][0]["open_actions"] is not None and data["terms"]


SCORED = (
    "通知没有传达到班组",
    "经费",
    "报名 AND 班组",
    "报名人数不足 -天气",
    "+经费 超支",
    '"经费超支"',
    "超支",
    "volunteers training",
    "一线 职工 不知道",
)


def _whoosh_and_arrays(kb: KnowledgeBase, text: str) -> tuple[dict, dict]:
    """Scores per document: Whoosh's own full ranking, and the array scorer's."""
    with SearchIndex(kb).open().searcher() as searcher:
        reader = searcher.reader()
        built = build(text, kb.thesaurus, lambda t: reader.doc_frequency(WORDS, t) > 0)
        q = prune(built.query, reader)
        whoosh = {r.docnum: r.score for r in searcher.search(q, limit=None)}
        ranked = rank(searcher, q)
        mine = dict(ranked)
        assert list(ranked.scores) == sorted(ranked.scores, reverse=True)
    return whoosh, mine


def test_array_scorer_gives_whoosh_scores_before_and_after_edits(tmp_path):
    kb = KnowledgeBase(copy_sample(tmp_path))
    SearchIndex(kb).refresh(rebuild=True)
    checked = 0
    for text in SCORED:
        whoosh, mine = _whoosh_and_arrays(kb, text)
        assert whoosh.keys() == mine.keys(), text
        assert all(abs(whoosh[d] - mine[d]) < 1e-9 for d in whoosh), text
        checked += bool(whoosh)
    assert checked >= 8
    with SearchIndex(kb).open().searcher() as searcher:  # a plan's terms, coordinated
        terms = ["通知", "班组", "经费", "报名", "不存在的词"]
        q = Q.Or([Q.Term(WORDS, t, boost=1 / (i + 1)) for i, t in enumerate(terms)], scale=0.9)
        whoosh = {r.docnum: r.score for r in searcher.search(q, limit=None)}
        mine = dict(rank(searcher, q))
        assert len(whoosh) > 5 and whoosh.keys() == mine.keys()
        assert all(abs(whoosh[d] - mine[d]) < 1e-9 for d in whoosh)
    for text in ("雨", "车"):  # one character: a prefix, which Whoosh scores by index size
        whoosh, mine = _whoosh_and_arrays(kb, text)
        assert whoosh.keys() == mine.keys() and len(set(mine.values())) > 1, text
    # edits leave superseded documents deleted in the old segment and new segments
    for path in sorted(kb.reviews.rglob("*.md"))[:3]:
        path.write_text(path.read_text("utf-8") + "\n经费超支，班组没有收到通知。\n", "utf-8")
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
        assert SearchIndex(kb).refresh().updated == 1
    with SearchIndex(kb).open().searcher() as searcher:
        assert not searcher.reader().is_atomic() and searcher.reader().has_deletions()
    for text in SCORED:
        whoosh, mine = _whoosh_and_arrays(kb, text)
        assert whoosh.keys() == mine.keys(), text
        assert all(abs(whoosh[d] - mine[d]) < 1e-9 for d in whoosh), text


def small_kb(tmp_path: Path, n: int = 3) -> KnowledgeBase:
    entries = {f"2025/e{i}.md": entry(title=f"第{i}号复盘", campaign=f"活动{i}") for i in range(n)}
    return KnowledgeBase(make_kb(tmp_path, entries))


def test_incremental_refresh_add_edit_delete_rename(tmp_path):
    kb = small_kb(tmp_path)
    store = SearchIndex(kb)
    assert store.refresh().rebuilt
    assert store.refresh().changed == 0
    (kb.reviews / "2025/new.md").write_text(
        entry(
            title="新增的复盘", body=("## 总结\n篮球赛\n## 反思\n裁判不足\n## 改进\n提前培训裁判\n")
        ),
        "utf-8",
    )
    r = store.refresh()
    assert (r.added, r.updated, r.removed) == (1, 0, 0)
    assert ids(kb, "裁判") == ["2025/new"]
    path = kb.reviews / "2025/e0.md"
    path.write_text(path.read_text("utf-8").replace("245 人", "245 人，拔河绳断裂"), "utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert ids(kb, "拔河绳") == ["2025/e0"]
    (kb.reviews / "2025/e1.md").unlink()
    assert "2025/e1" not in ids(kb, "报名")
    (kb.reviews / "2025/new.md").rename(kb.reviews / "2025/renamed.md")
    assert ids(kb, "裁判") == ["2025/renamed"]
    assert store.refresh().changed == 0


def _columns(store: SearchIndex) -> dict[str, str]:
    with store.open().reader() as reader:
        ids, sigs = reader.column_reader("id"), reader.column_reader("sig")
        return {ids[n]: sigs[n] for n in reader.all_doc_ids()}


def test_signatures_of_the_latest_commit_are_kept_beside_the_index(tmp_path):
    kb = small_kb(tmp_path)
    (kb.reviews / "bad.md").write_text("no front matter", "utf-8")
    store = SearchIndex(kb)
    store.refresh()
    (kb.reviews / "2025/e1.md").unlink()
    path = kb.reviews / "2025/e0.md"
    path.write_text(path.read_text("utf-8").replace("245 人", "246 人"), "utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert store.refresh().changed == 2
    meta = json.loads(store.meta_path.read_text("utf-8"))
    assert meta["indexed"] == _columns(store) and set(meta["indexed"]) == {"2025/e0", "2025/e2"}
    assert meta["commit"] == store._commit(store.open()) and "bad" in meta["failed"]
    # a refresh reads the signatures from index.json, not from the index
    told = {**meta, "indexed": {**meta["indexed"], "2025/e2": "stale"}}
    store.meta_path.write_text(json.dumps(told), "utf-8")
    assert SearchIndex(kb).refresh().updated == 1
    # index.json of another commit is not trusted: the columns are read instead
    meta = json.loads(store.meta_path.read_text("utf-8"))
    meta["commit"] = "another"
    meta["indexed"] = {"2025/e0": "stale", "2025/gone": "stale"}
    store.meta_path.write_text(json.dumps(meta), "utf-8")
    assert SearchIndex(kb).refresh().changed == 0


def _refresh(root: str) -> int:
    return SearchIndex(KnowledgeBase(Path(root))).refresh().changed


def test_concurrent_refreshes_of_an_older_index_json_all_succeed(tmp_path):
    kb = small_kb(tmp_path)
    store = SearchIndex(kb)
    store.refresh()
    meta = json.loads(store.meta_path.read_text("utf-8"))
    with multiprocessing.get_context("fork").Pool(12) as pool:
        for _ in range(10):  # as after an upgrade: every search rewrites index.json at once
            store.meta_path.write_text(json.dumps({**meta, "commit": "older"}), "utf-8")
            assert pool.map(_refresh, [str(kb.root)] * 24, chunksize=1) == [0] * 24
    assert json.loads(store.meta_path.read_text("utf-8"))["commit"] == meta["commit"]


def test_bad_entry_is_named_not_indexed(tmp_path):
    kb = small_kb(tmp_path)
    (kb.reviews / "bad.md").write_text("no front matter", "utf-8")
    store = SearchIndex(kb)
    store.refresh()
    assert store.failed_paths() == ["reviews/bad.md"]
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), "search", "报名"])
    assert r.exit_code == 0 and "reviews/bad.md" in r.stderr
    (kb.reviews / "bad.md").write_text(entry(title="修好了"), "utf-8")
    assert "bad" in ids(kb, "修好了")
    assert store.failed_paths() == []


def test_corrupt_index_is_rebuilt_with_message(tmp_path):
    kb = small_kb(tmp_path)
    SearchIndex(kb).refresh()
    for toc in (kb.state_dir / "index").glob("*.toc"):
        toc.write_bytes(b"garbage")
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), "--lang", "en", "search", "报名"])
    assert r.exit_code == 0 and "index rebuilt" in r.stderr and "damaged" in r.stderr


def _fupan(*args: str) -> list[str]:
    return [sys.executable, "-c", "from fupan.cli import main; main()", *args]


def test_kill_during_indexing_then_next_command_works(tmp_path):
    kb = small_kb(tmp_path, n=600)
    proc = subprocess.Popen(
        _fupan("--kb", str(kb.root), "index", "--words-only"), stderr=subprocess.PIPE
    )
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    r = subprocess.run(
        _fupan("--kb", str(kb.root), "search", "第599号复盘", "--mode", "words", "--json"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["id"] == "2025/e599"
    assert not list(kb.state_dir.glob("index.*-tmp"))


def test_two_writers_wait_for_each_other(tmp_path):
    kb = small_kb(tmp_path, n=300)
    procs = [
        subprocess.Popen(
            _fupan("--kb", str(kb.root), "index", "--rebuild", "--words-only"),
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    with SearchIndex(kb).open().searcher() as s:
        assert s.doc_count() == 300


def test_plain_output_when_piped(sample):
    r = CliRunner().invoke(cli, ["--kb", str(sample.root), "search", "班组"])
    assert r.exit_code == 0 and "\x1b[" not in r.stdout
    first = r.stdout.splitlines()
    assert first[0].startswith("1. ") and first[3].startswith("   reviews/")


def test_a_forked_child_does_not_keep_the_index_locked(tmp_path):
    """Whoosh's multi-process writer forks workers; if one outlives a killed parent it
    must not hold the lock, or every later command waits and fails."""
    from fupan.search.locking import file_lock

    lock = tmp_path / "lock"
    with file_lock(lock, 1.0, "the index"):
        child = os.fork()
        if child == 0:  # the worker: lives on after the parent lets go
            time.sleep(3)
            os._exit(0)
    try:
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from fupan.search.locking import file_lock\n"
                f"with file_lock(Path({str(lock)!r}), 0.5, 'the index'): print('got it')",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert probe.stdout.strip() == "got it", probe.stderr
    finally:
        os.waitpid(child, 0)


def test_a_lock_held_too_long_is_said_in_either_language(tmp_path):
    from fupan.errors import IndexBusy
    from fupan.lang import say, strings
    from fupan.search.locking import file_lock

    lock = tmp_path / "lock"
    held = file_lock(lock, 1, "search.what.index")
    with held, pytest.raises(IndexBusy) as caught, file_lock(lock, 0.2, "search.what.index"):
        pass
    e = caught.value
    assert "another fupan process has been writing the index for 0 s" in str(e)
    assert say(strings("zh"), e.key, e.values).startswith("另一个 fupan 进程正在写检索索引")

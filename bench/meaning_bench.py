"""Search by meaning: what it finds (labelled query sets) and what it costs.

Usage::

    python bench/meaning_bench.py quality              # recall@10 / precision@10 tables
    python bench/meaning_bench.py cost --entries 1000  # embedding from scratch, searches
    python bench/meaning_bench.py latency --entries 10000
    python bench/meaning_bench.py pooled               # passages as their words' mean

``quality`` runs every query of each labelled set in three modes (words, meaning, both)
and prints recall@10 and precision@10 per kind of query. The sets:

* ``sample``: tests/data/meaning_queries.yml over the sample in reviews/: queries written
  from the campaign names before any entry was read; relevance decided by reading every
  entry. Fusion was tuned on this set.
* ``held-out``: bench/heldout/queries.yml over the 30 entries of bench/heldout/, another
  enterprise's unions: queries fixed from a list of topics before the entries were
  written, relevance judged by reading. Nothing was tuned on it.
* ``contains``: tests/data/site_queries.yml over the sample, relevance = "the text holds
  these strings". It measures whether search finds what holds the words (a lexical
  engine passes it by construction), not whether it finds what is meant.

``cost`` embeds a synthetic knowledge base (bench/synth.py) from scratch with the real
encoder and times it, then times searches. ``latency`` measures searches at a size where
embedding everything for real would take hours on this machine: the store is filled
with random unit vectors, one per real passage (search time depends on their number
and shape only), under the real encoder's name, so the real CLI uses it and re-embeds
for real only what an edit changes.

``pooled`` asks whether passages need the encoder at all: each passage's vector made
instead from its words' (the query vectors the site's table embeds, summed and
normalized) against the encoder's own, ranked alone and fused with the words, and how
far apart the cosines are that the thresholds rely on.

Precision@10 counts relevant hits among the first ten over ten: with ~5 relevant
entries per query, 0.5 is the most a perfect engine reaches on these sets.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))
import synth  # noqa: E402
from installed import compile_fupan  # noqa: E402

MODES = ("words", "meaning", "both")
KINDS = ("word", "phrase", "paraphrase", "multi")
SETS = {
    "sample": (REPO, REPO / "tests" / "data" / "meaning_queries.yml"),
    "held-out": (BENCH / "heldout", BENCH / "heldout" / "queries.yml"),
}
QUERY = "通知没有传达到班组"


def _copy_kb(src: Path, name: str) -> Path:
    """A copy of a knowledge base's mkdocs.yml and reviews/, so .fupan/ stays out of git."""
    dest = OUT / f"quality-{name}"
    if dest.exists():
        shutil.rmtree(dest / "reviews")
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "mkdocs.yml", dest)
    shutil.copytree(src / "reviews", dest / "reviews")
    return dest


def _labelled(name: str, src: Path, queries: Path) -> list[tuple[str, str, set[str]]]:
    """(query, kind, relevant ids)."""
    if name == "contains":
        from fupan.kb import KnowledgeBase

        from tests.queries import labelled

        return [(q, "word", rel) for q, rel in labelled(KnowledgeBase(src), False) if rel]
    return [
        (q["query"], q["kind"], set(q["relevant"]))
        for q in yaml.safe_load(queries.read_text("utf-8"))
    ]


def quality() -> str:
    from fupan.kb import KnowledgeBase
    from fupan.search.hits import Filters, search
    from fupan.search.indexes import open_indexes

    sets = {**SETS, "contains": (REPO, REPO / "tests" / "data" / "site_queries.yml")}
    lines = [
        "| set | queries | mode | recall@10 all | word | phrase | paraphrase | multi | precision@10 all |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, (src, queries) in sets.items():
        kb = KnowledgeBase(_copy_kb(src, name))
        opened = open_indexes(kb)
        labelled = _labelled(name, src, queries)
        for mode in MODES:
            rec: dict[str, list[float]] = {k: [] for k in ("all", *KINDS)}
            prec = []
            for text, kind, relevant in labelled:
                hits = search(opened.index, text, Filters(limit=10), opened.meaning, mode).hits
                top = {h.id for h in hits[:10]}
                r = len(top & relevant) / min(10, len(relevant))
                rec["all"].append(r)
                rec[kind].append(r)
                prec.append(len(top & relevant) / 10)
            cells = [f"{statistics.mean(v):.2f}" if v else "–" for v in rec.values()]
            lines.append(
                f"| {name} | {len(labelled)} | {mode} | {' | '.join(cells)} | {statistics.mean(prec):.2f} |"
            )
    return "\n".join(lines)


NONSENSE = ("量子计算机芯片", "股票涨了", "猫咪生病了", "火星探测器发射", "比特币价格", "宇宙黑洞")


def pooled() -> str:
    """Passages as the normalized sum of their words' vectors, against the encoder's."""
    from fupan.kb import KnowledgeBase
    from fupan.search import hits
    from fupan.search.indexes import open_indexes
    from fupan.search.store import pack
    from fupan.text.words import tokens

    lines = [
        "| set | passages | ranked alone: encoder / pooled | fused with words: encoder / pooled "
        "| best cosine, labelled queries (median) / nonsense (max): encoder; pooled "
        "| nearest other entry's passage, median: encoder / pooled |",
        "|---|---|---|---|---|---|",
    ]
    for name, (src, queries) in SETS.items():
        opened = open_indexes(KnowledgeBase(_copy_kb(src, name)))
        meaning = opened.meaning
        store = meaning.store()
        cut = [tokens(store.text(i)) for i in range(len(store))]
        vocab = sorted({w for ws in cut for w in ws})
        at = {w: i for i, w in enumerate(vocab)}
        words = meaning.word_vectors(vocab)
        mean = np.zeros((len(store), words.shape[1]), np.float32)
        for i, ws in enumerate(cut):
            if ws:
                v = words[[at[w] for w in ws]].sum(0)
                mean[i] = v / np.linalg.norm(v)
        labelled = [(q, rel) for q, _, rel in _labelled(name, src, queries) if rel]
        asked = meaning.backend.queries([q for q, _ in labelled])
        nonsense = meaning.backend.queries(list(NONSENSE))
        alone, fused, spread, nearest = [], [], [], []
        meaning.layers = lambda s=store: (s, None)  # search these vectors, as they are set
        for vectors in (store.vectors(), mean):
            store.codes, store.scale = pack(vectors)
            alone.append(_recall((store.search(v, None, 50) for v in asked), labelled))
            fused.append(
                _recall(
                    (
                        hits.search(opened.index, q, hits.Filters(limit=10), meaning, "both").hits
                        for q, _ in labelled
                    ),
                    labelled,
                )
            )
            spread.append(
                f"{np.median((vectors @ asked.T).max(0)):.3f} / {(vectors @ nonsense.T).max():.3f}"
            )
            same = vectors @ vectors.T
            same[store.entry[:, None] == store.entry[None, :]] = -1
            nearest.append(f"{np.median(same.max(1)):.3f}")
        lines.append(
            f"| {name} | {len(store)} | {alone[0]:.2f} / {alone[1]:.2f} | {fused[0]:.2f} / "
            f"{fused[1]:.2f} | {spread[0]}; {spread[1]} | {' / '.join(nearest)} |"
        )
    return "\n".join(lines)


def _recall(rankings, labelled) -> float:
    """Mean recall@10 of rankings (matches or hits, best first) against ``labelled``."""
    out = []
    for found, (_, relevant) in zip(rankings, labelled, strict=True):
        top = list(dict.fromkeys(h.id for h in found))[:10]
        out.append(len(set(top) & relevant) / min(10, len(relevant)))
    return statistics.mean(out)


def _fupan(kb: Path, *args: str) -> tuple[float, str, int]:
    """Wall seconds, stderr and peak RSS (KiB) of one CLI run."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "from fupan.cli import main; main()",
            "--kb",
            str(kb),
            "--lang",
            "en",
            *args,
        ],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - started
    if r.returncode not in (0, 1):
        raise SystemExit(f"fupan {' '.join(args)} failed:\n{r.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, r.stderr, max(peak, before)


def _searches(kb: Path, repeat: int) -> dict[str, float]:
    """Cold CLI search, search right after one edit, warm p95 in this process."""
    from fupan.kb import KnowledgeBase
    from fupan.search.hits import Filters, search
    from fupan.search.indexes import open_indexes

    out: dict[str, float] = {}
    cold = [_fupan(kb, "search", QUERY)[0] for _ in range(repeat)]
    out["cold search (s)"] = statistics.median(cold)
    victim = sorted((kb / "reviews").rglob("*.md"))[len(cold) * 7 % 97]
    original = victim.read_bytes()
    edits = []
    try:
        for i in range(repeat):
            extra = f"\n补充说明（第{i + 1}次）：报名人数不足的问题仍需在班组层面持续跟踪。\n"
            victim.write_bytes(original + extra.encode("utf-8"))
            took, err, _ = _fupan(kb, "search", "报名人数不足")
            if "1 changed" not in err or "passages embedded" not in err:
                raise SystemExit(f"the search after an edit did not re-index one entry:\n{err}")
            edits.append(took)
    finally:
        victim.write_bytes(original)
        _fupan(kb, "index")
    out["search after one edit (s)"] = statistics.median(edits)
    opened = open_indexes(KnowledgeBase(kb))
    queries = [q["query"] for q in yaml.safe_load(SETS["sample"][1].read_text("utf-8"))]
    times = []
    for round_ in range(3):
        for q in queries:
            started = time.perf_counter()
            search(opened.index, q, Filters(limit=10), opened.meaning, "both")
            if round_:
                times.append((time.perf_counter() - started) * 1000)
    times.sort()
    out["warm search p50 (ms)"] = times[len(times) // 2]
    out["warm search p95 (ms)"] = times[int(len(times) * 0.95)]
    out["peak memory of a search (MiB)"] = _fupan(kb, "search", QUERY)[2] / 1024
    return out


def _kb(entries: int) -> Path:
    kb = OUT / f"kb-{entries}"
    if not synth.matches(kb, entries, 0):
        synth.generate(kb, entries, 0)
    return kb


def cost(entries: int, repeat: int) -> str:
    from fupan.kb import KnowledgeBase
    from fupan.search.index import SearchIndex

    rows = []
    for name, kb in (("sample", _copy_kb(REPO, "sample")), (f"synthetic {entries}", _kb(entries))):
        SearchIndex(KnowledgeBase(kb)).refresh()
        (kb / ".fupan" / "semantic.npz").unlink(missing_ok=True)
        took, err, peak = _fupan(kb, "index")
        store = np.load(kb / ".fupan" / "semantic.npz")
        passages = len(store["entry"])
        rows.append(
            (name, took, passages, peak / 1024, _searches(kb, repeat) if name != "sample" else {})
        )
    lines = [
        "| knowledge base | meaning index from scratch (s) | passages | passages/s | peak MiB |",
        "|---|---|---|---|---|",
    ]
    for name, took, passages, peak, _ in rows:
        lines.append(f"| {name} | {took:.1f} | {passages} | {passages / took:.1f} | {peak:.0f} |")
    lines += ["", "| synthetic | figure |", "|---|---|"]
    lines += [f"| {entries} | {k}: {v:.2f} |" for k, v in rows[-1][4].items()]
    return "\n".join(lines)


class RandomVectors:
    """Stands in for the encoder while a large store is filled: one random unit vector
    per passage, under the real encoder's name so the real CLI takes the store as its own."""

    def __init__(self, name: str, dim: int):
        self.name, self.dim = name, dim
        self._rng = np.random.default_rng(0)

    def passages(self, texts: list[str]) -> np.ndarray:
        v = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    queries = passages


def random_store(entries: int) -> tuple[Path, float, float, int]:
    """``kb-N`` with its word index and a meaning index of random vectors, one per real
    passage: (folder, seconds for the word index, for the store, passages)."""
    from fupan.kb import KnowledgeBase
    from fupan.search import semantic
    from fupan.search.embedding import Settings, load
    from fupan.search.index import SearchIndex

    kb = _kb(entries)
    index = SearchIndex(KnowledgeBase(kb))
    started = time.perf_counter()
    index.refresh()
    words_s = time.perf_counter() - started
    real, _ = load(Settings())
    store = semantic.SemanticIndex(index, RandomVectors(real.name, real.dim), Settings(workers=1))
    started = time.perf_counter()
    store.refresh()
    fill_s = time.perf_counter() - started
    return kb, words_s, fill_s, len(store.store())


def latency(entries: int, repeat: int) -> str:
    kb, words_s, fill_s, passages = random_store(entries)
    lines = [
        f"{entries} synthetic entries, {passages} passages (random vectors; word index "
        f"{words_s:.0f} s, store filled in {fill_s:.0f} s)",
        "",
        "| figure | value |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v:.2f} |" for k, v in _searches(kb, repeat).items()]
    size = (kb / ".fupan" / "semantic.npz").stat().st_size / 2**20
    lines.append(f"| semantic.npz (MiB) | {size:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("quality", "cost", "latency", "pooled"))
    parser.add_argument("--entries", type=int, default=1000, help="synthetic entries")
    parser.add_argument("--repeat", type=int, default=3, help="runs per CLI timing")
    args = parser.parse_args(argv)
    compile_fupan()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    OUT.mkdir(parents=True, exist_ok=True)
    if args.what == "quality":
        print(quality())
    elif args.what == "pooled":
        print(pooled())
    elif args.what == "cost":
        print(cost(args.entries, args.repeat))
    else:
        print(latency(args.entries, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())

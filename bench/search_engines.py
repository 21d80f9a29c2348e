"""Two ways to search the site in the browser, measured on the queries labelled by meaning.

Usage::

    python bench/search_engines.py [--kb PATH] [--queries FILE] [--fupan-only]

Builds the knowledge base's site (default: this repository's sample) with ``fupan
index`` (the meaning index: its ``.fupan/`` is copied first, so only what changed is
embedded) and ``mkdocs build``, then answers every query of ``tests/data/meaning_queries.yml``
(relevant entries limited to the published ones) in headless Chromium with:

* **fupan**: the site's own engine (``assets/search.js``), the one behind the search box;
* **Pagefind**, fed with fupan's records: one custom record per published entry, its
  text cut into words by fupan's analyzer (``fupan.text.words``, joined by spaces) so
  index and query are segmented the same way. The query is given as typed, and cut into
  the index's words the way fupan's engine does it (``query_terms``).

Prints recall@10 per kind of query and the bytes the first query fetched.
Needs ``pip install 'pagefind[extended]'`` (the binary comes with it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fupan.kb import KnowledgeBase  # noqa: E402
from fupan.model import PARTS  # noqa: E402
from fupan.text.words import query_terms, words  # noqa: E402
from site_bench import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "data" / "meaning_queries.yml"

FUPAN_JS = "q => fupanSearch.search(q, {}, 10).then(r => r.results.map(x => x.href))"
PAGEFIND_JS = """async (q) => {
  const pf = await import(new URL('pagefind/pagefind.js', location.href).href);
  const found = await pf.search(q);
  const top = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return top.map(d => new URL(d.url, location.href).href);
}"""
BYTES_JS = """() => performance.getEntriesByType('resource')
  .reduce((n, e) => n + (e.encodedBodySize || 0), 0)"""


def build_site(kb: Path, into: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "reviews"):
        src = kb / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy)(src, into / name)
    if not (into / "docs").exists():  # a knowledge base of entries alone: a home page
        (into / "docs").mkdir()
        (into / "docs" / "index.md").write_text("# 复盘\n", "utf-8")
    if (kb / ".fupan").is_dir():  # its indexes, so that only what changed is embedded
        shutil.copytree(kb / ".fupan", into / ".fupan", ignore=shutil.ignore_patterns("*lock"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # the meaning index first: a build leaves more than a few passages for `fupan index`
    index = [sys.executable, "-c", "from fupan.cli import main; main()", "--kb", str(into), "index"]
    subprocess.run(index, check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=into, check=True, env=env)
    for name in ("semantic.npz", "semantic-words.npz"):  # kept for the next run
        if (into / ".fupan" / name).is_file() and (kb / ".fupan").is_dir():
            shutil.copy(into / ".fupan" / name, kb / ".fupan" / name)
    return into / "site"


async def pagefind_index(entries, site: Path) -> set[str]:
    """Pagefind's files in ``site/pagefind``; returns the words it was fed."""
    from pagefind.index import IndexConfig, PagefindIndex

    vocab: set[str] = set()
    config = IndexConfig(output_path=str(site / "pagefind"))
    async with PagefindIndex(config=config) as index:
        for e in entries:
            text = " ".join(
                [e.title, e.unit, e.campaign, e.category or "", " ".join(e.tags)]
                + [e.parts.get(p, "") for p in PARTS]
                + [a.action for a in e.actions]
            )
            segmented = [w for w in words(text) if not w.isdigit()]
            vocab.update(segmented)
            await index.add_custom_record(
                url=f"reviews/{e.id}.html",
                content=" ".join(segmented),
                language="zh",
                meta={"title": e.title},
                filters={"unit": [e.unit], "campaign": [e.campaign]},
            )
    return vocab


def ids(hrefs: list[str]) -> list[str]:
    out = [h.split("/reviews/", 1)[1] for h in hrefs if "/reviews/" in h]
    return [i.removesuffix(".html").removesuffix("/index").rstrip("/") for i in out]


def recall(found: list[str], relevant: set[str]) -> float:
    return len(set(found[:10]) & relevant) / min(10, len(relevant))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=ROOT)
    parser.add_argument("--queries", type=Path, default=QUERIES, help="labelled queries")
    parser.add_argument("--fupan-only", action="store_true", help="leave Pagefind out")
    parser.add_argument("--each", action="store_true", help="print each query's recall too")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    entries = [e for e in KnowledgeBase(args.kb).load_all().entries if e.publish]
    shown = {e.id for e in entries}
    queries = []
    for q in yaml.safe_load(args.queries.read_text("utf-8")):
        relevant = {i for i in q["relevant"] if i in shown}
        if relevant:
            queries.append((q["query"], q["kind"], relevant))
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(args.kb, Path(tmp))
        vocab = set() if args.fupan_only else asyncio.run(pagefind_index(entries, site))
        engines = {
            "fupan": (FUPAN_JS, lambda q: q),
            "Pagefind, query as typed": (PAGEFIND_JS, lambda q: q),
            "Pagefind, query cut as fupan cuts it": (
                PAGEFIND_JS,
                lambda q: " ".join(query_terms(q, vocab.__contains__)),
            ),
        }
        if args.fupan_only:
            engines = {"fupan": engines["fupan"]}
        rows = {}
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (js, prepare) in engines.items():
                page = browser.new_context().new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                before = page.evaluate(BYTES_JS)
                by_kind: dict[str, list[float]] = {}
                first_bytes = None
                for query, kind, relevant in queries:
                    found = ids(page.evaluate(js, prepare(query)))
                    if first_bytes is None:
                        first_bytes = page.evaluate(BYTES_JS) - before
                    by_kind.setdefault(kind, []).append(recall(found, relevant))
                    if args.each:
                        print(f"{name}\t{kind}\t{recall(found, relevant):.2f}\t{query}")
                every = [r for rs in by_kind.values() for r in rs]
                rows[name] = (by_kind, sum(every) / len(every), first_bytes)
            browser.close()
    kinds = list(next(iter(rows.values()))[0])
    print(f"{len(queries)} queries over {len(entries)} published entries\n")
    print("| engine | " + " | ".join(kinds) + " | all | KB for the first query |")
    print("|---|" + "---|" * (len(kinds) + 2))
    for name, (by_kind, mean, first) in rows.items():
        cells = [f"{sum(by_kind[k]) / len(by_kind[k]):.2f}" for k in kinds]
        print(f"| {name} | " + " | ".join(cells) + f" | **{mean:.2f}** | {first / 1000:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

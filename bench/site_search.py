"""The site's search box at scale: bytes fetched and time to the first answer.

Usage::

    python bench/site_search.py [--sizes 10000] [--runs 3]

For each size N it reuses (or makes, with ``bench/synth.py`` through ``site_bench``) the
synthetic knowledge base ``bench/out/site-N``, builds its site when the build is older
than the sources or the code, serves it on 127.0.0.1 and, in a fresh browser context
each run (a first visit, cold cache):

* opens the home page and waits for it to load, types each query into the search box at
  the top, and takes the moment the result list holds the answer (a MutationObserver in
  the page, so Playwright's polling does not count); and the bytes of every response
  from navigation start to that moment (encoded body sizes: what the wire carried);
* opens the browse page with the query in its address, the same way.

Every request must stay on 127.0.0.1, and the page must log no error.

With ``--meaning`` the knowledge base is ``bench/out/kb-N`` of ``meaning_bench.py``,
whose meaning index holds one random vector per real passage (embedding 10,000 entries
for real takes hours here): the site then carries the entries near each word in
meaning, of their real number and size, with the words embedded for real.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_bench import CHROMIUM, CHROMIUM_ARGS, knowledge_base, serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["通知没有传达到班组", "雨天备用场地", "运动会", "报名人数不足"]

# in the page before any script: the time the answer is in, and its query
WATCH_JS = """
window.__fupanAnswers = {};
new MutationObserver(() => {
  const box = document.querySelector('.md-search-result');
  const q = box && box.dataset.fupanQuery;
  if (q && !(q in window.__fupanAnswers)) window.__fupanAnswers[q] = performance.now();
  const count = document.querySelector('form.fupan-browse.ready');
  if (count && window.__fupanBrowse === undefined) window.__fupanBrowse = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
"""
BYTES_JS = """(until) => performance.getEntriesByType('resource').concat(
  performance.getEntriesByType('navigation'))
  .filter(e => e.responseEnd <= until + 1)
  .reduce((n, e) => n + (e.encodedBodySize || e.transferSize || 0), 0)"""


BUILT: dict[Path, float] = {}  # seconds the build of each site took, when it was built


def site_of(kb: Path) -> Path:
    """``kb``'s site, built again when a source or fupan's code is newer than it."""
    site = kb / "site" / "index.html"
    sources = [*(kb / "reviews").rglob("*"), *(ROOT / "tools" / "fupan").rglob("*.*")]
    newest = max(p.stat().st_mtime for p in sources if p.is_file())
    if not site.is_file() or site.stat().st_mtime < newest:
        print(f"building {kb} …", file=sys.stderr)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=kb,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        print(f"built in {time.monotonic() - started:.0f} s", file=sys.stderr)
        BUILT[kb] = time.monotonic() - started
    return kb / "site"


def use_file_urls(kb: Path) -> None:
    config = kb / "mkdocs.yml"
    text = config.read_text("utf-8")
    if "use_directory_urls" not in text:
        config.write_text("use_directory_urls: false\n" + text, "utf-8")


def header_first_answer(page, base: str, query: str) -> tuple[float, float, int]:
    """(ms from load to answer, ms from typing to answer, bytes until the answer)."""
    page.goto(base)
    page.wait_for_load_state("load")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    box = page.locator("input.md-search__input")
    box.click()
    typed = page.evaluate("performance.now()")
    box.fill(query)
    page.wait_for_function("q => q in window.__fupanAnswers", arg=query, timeout=60_000)
    answered = page.evaluate("q => window.__fupanAnswers[q]", query)
    return answered - loaded, answered - typed, page.evaluate(BYTES_JS, answered)


def browse_first_answer(page, base: str, query: str) -> tuple[float, int]:
    page.goto(f"{base}browse.html?text={quote(query)}")
    page.wait_for_function("window.__fupanBrowse !== undefined", timeout=60_000)
    answered = page.evaluate("window.__fupanBrowse")
    return answered, page.evaluate(BYTES_JS, answered)


def measure(site: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {}
    outside: list[str] = []
    errors: list[str] = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            for query in QUERIES:
                for where in ("header", "browse"):
                    context = browser.new_context()
                    page = context.new_page()
                    page.add_init_script(WATCH_JS)
                    page.on(
                        "request",
                        lambda r: outside.append(r.url) if not r.url.startswith(base) else None,
                    )
                    page.on(
                        "console", lambda m: errors.append(m.text) if m.type == "error" else None
                    )
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    if where == "header":
                        after_load, after_typing, size = header_first_answer(page, base, query)
                        out.setdefault("header: ms from load", []).append(after_load)
                        out.setdefault("header: ms from typing", []).append(after_typing)
                        out.setdefault("header: KB fetched", []).append(size / 1000)
                    else:
                        since_start, size = browse_first_answer(page, base, query)
                        out.setdefault("browse: ms from navigation", []).append(since_start)
                        out.setdefault("browse: KB fetched", []).append(size / 1000)
                    context.close()
        browser.close()
    if outside or errors:
        raise SystemExit(f"requests off the host: {outside[:5]}; console errors: {errors[:5]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--meaning", action="store_true", help="a meaning index of random vectors")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: dict[str, dict[int, str]] = {}
    for n in sizes:
        if args.meaning:
            from meaning_bench import random_store

            kb = random_store(n)[0]
        else:
            kb = knowledge_base(n, args.seed)
        use_file_urls(kb)
        site = site_of(kb)
        chunks = site / "assets/fupan/search"
        total = sum(p.stat().st_size for p in chunks.glob("*.js"))
        rows.setdefault("search data, all chunks (KB)", {})[n] = f"{total / 1000:,.0f}"
        rows.setdefault("chunks", {})[n] = f"{len(list(chunks.glob('*.js'))):,}"
        if kb in BUILT:
            rows.setdefault("site build, `mkdocs build` (s)", {})[n] = f"{BUILT[kb]:,.0f}"
        for name, values in measure(site, args.runs).items():
            rows.setdefault(name + " (median / max)", {})[n] = (
                f"{statistics.median(values):,.0f} / {max(values):,.0f}"
            )
    print("| measure | " + " | ".join(f"{n:,} entries" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, by_size in rows.items():
        print(f"| {name} | " + " | ".join(by_size.get(n, "") for n in sizes) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

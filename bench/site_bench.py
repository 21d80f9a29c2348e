"""Benchmark the fupan MkDocs site against a plain MkDocs + Material site of the same text.

Usage::

    python bench/site_bench.py [--sizes 1000,10000] [--builds 3] [--runs 3] [--profile] [--json OUT]

For each size N it generates (or reuses) a synthetic knowledge base in
``bench/out/site-N`` with ``bench/synth.py``, builds it with ``mkdocs build``, builds a
plain baseline in ``bench/out/plain-N``, times the browse page in headless Chromium and
prints one Markdown table (one row per measure, one column per size).

Why it works this way:

* The question is "what does the fupan plugin cost over the site MkDocs would build
  anyway?", so the baseline is the same text on the same theme: every entry's body
  (front matter removed) as ``docs/reviews/<id>.md``, ``plugins: [search]`` only, and a
  ``nav`` with just ``index.md``. Like fupan's entry pages, the entries are marked
  ``not_in_nav``, because a nav that lists every page is copied into every page and
  would make the baseline, not the plugin, the slow one.
* Builds run as subprocesses under ``/usr/bin/time -v`` so peak memory is the build's
  own maximum resident set size, not this script's; without GNU time a tiny Python
  wrapper reads ``RUSAGE_CHILDREN`` instead. ``site/`` is deleted before each build so
  both builds write from scratch.
* The browse page is measured inside the page: ``performance.now()`` counts from
  navigation start, and a MutationObserver installed before any page script records
  the moment the answer is in the DOM, so Playwright's polling and round trips do not
  inflate the numbers. Every run uses a fresh browser context (cold HTTP cache), as a
  first visit would. Material's search worker loads ``search_index.json`` during the
  same page load, as it would for a reader, so its CPU use is part of the measurement.
* Wall time on a shared machine includes waiting for a core, so the user + system CPU
  time from the same ``time -v`` report is printed too. Each project is built
  ``--builds`` times, fupan and plain in turn, and the medians are compared: one build
  each swings by a quarter on a machine that others share.
* The fupan build uses a second core for part of its work (a forked child), which
  plain MkDocs does not; wall time is the target, and the CPU ratio shows the work.
* The site is served by ``http.server`` without compression; the gzip sizes in the
  table show what a compressing web server would transfer.
* The header names the fupan commit and a hash of ``tools/`` as measured, and says so
  when ``tools/`` changed during a run, because the plugin is edited while runs go on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Page

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from synth import SAMPLES, generate, matches  # noqa: E402  (bench/ is not a package)

OUT = BENCH / "out"
GNU_TIME = Path("/usr/bin/time")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]
FIRST_QUERY = "报名人数不足"  # an unspaced phrase: the case the browse page exists for
SECOND_QUERY = "安全培训"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
KB_MARKER = ".site_bench.json"  # in a KB: the generator_fingerprint it was made with
PLAIN_MARKER = ".plain.json"  # in a baseline: the fingerprint of the KB it was made from
# The browse page's data: JSON fetched by browse.js, a script that sets a global, or
# (newest) the search's chunks, of which a query loads a few (see site_search.py)
BROWSE_DATA = (
    Path("assets/fupan/browse.json"),
    Path("assets/fupan/browse-data.js"),
    Path("assets/fupan/search"),
)
SEARCH_JSON = Path("search/search_index.json")

# Runs before any page script: records when browse.js has answered the query in the URL.
FIRST_ANSWER_JS = """
(() => {
  const answered = () => document.querySelector("form.fupan-browse.ready")
    && document.querySelector(".fupan-results li");
  new MutationObserver((_, observer) => {
    if (window.__fupanFirst === undefined && answered()) {
      window.__fupanFirst = performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ["class"]});
})();
"""

# Arms the typed-query clock: from the input event to the result list being replaced.
ARM_TYPED_JS = """
() => {
  window.__typedStart = window.__typedEnd = undefined;
  document.addEventListener("input", () => { window.__typedStart = performance.now(); },
                            {capture: true, once: true});
  new MutationObserver((_, observer) => {
    window.__typedEnd = performance.now();
    observer.disconnect();
  }).observe(document.querySelector(".fupan-results"), {childList: true});
}
"""

# When GNU time is missing: run the command and report like ``time -v`` would.
RUSAGE_WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.call(sys.argv[2:]); "
    "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "open(sys.argv[1], 'w').write("
    "f'User time (seconds): {r.ru_utime}\\nSystem time (seconds): {r.ru_stime}\\n'"
    "f'Maximum resident set size (kbytes): {r.ru_maxrss}\\n'); "
    "sys.exit(code)"
)


def log(message: str) -> None:
    """Progress goes to stderr so stdout stays a clean Markdown table."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the two projects ------------------------------------------------------------------


def generator_fingerprint(n: int, seed: int) -> str:
    """What a KB depends on: synth.py's arguments, its code and the samples it harvests.

    synth.py's own marker only records its arguments and a version number that an edit
    may forget to bump, so reuse is checked against the bytes themselves.
    """
    digest = hashlib.sha1((BENCH / "synth.py").read_bytes())
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(SAMPLES).as_posix().encode() + b"\0" + path.read_bytes())
    return json.dumps({"entries": n, "seed": seed, "synth": digest.hexdigest()})


def knowledge_base(n: int, seed: int) -> Path:
    """The synthetic KB of ``n`` entries, generated only when not already there."""
    kb = OUT / f"site-{n}"
    fingerprint = generator_fingerprint(n, seed)
    made_by = kb / KB_MARKER
    if matches(kb, n, seed) and made_by.is_file() and made_by.read_text("utf-8") == fingerprint:
        log(f"reusing {kb}")
    else:
        log(f"generating {n} entries in {kb}")
        generate(kb, n, seed)
        made_by.write_text(fingerprint, "utf-8")
    return kb


def strip_front_matter(text: str) -> str:
    """The Markdown body of an entry: what MkDocs alone would render of it."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if text.startswith("---\n"):
        _, sep, body = text[4:].partition("\n---\n")
        if sep:
            return body.lstrip("\n")
    return text


def plain_project(kb: Path, n: int) -> Path:
    """A MkDocs + Material project with the KB's text, theme and ``search`` only.

    Rebuilt when the KB it was made from changes (the KB's fingerprint is copied in).
    """
    plain = OUT / f"plain-{n}"
    source_marker = (kb / KB_MARKER).read_text("utf-8")
    made_from = plain / PLAIN_MARKER
    if made_from.is_file() and made_from.read_text("utf-8") == source_marker:
        log(f"reusing {plain}")
        return plain
    log(f"writing plain baseline in {plain}")
    shutil.rmtree(plain, ignore_errors=True)
    docs = plain / "docs"
    (docs / "reviews").mkdir(parents=True)
    config = yaml.safe_load((kb / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = ["search"]
    config["nav"] = ["index.md"]
    config["not_in_nav"] = "/reviews/"
    (plain / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8"
    )
    shutil.copyfile(kb / "docs" / "index.md", docs / "index.md")
    reviews = kb / "reviews"
    for path in sorted(reviews.rglob("*.md")):
        target = docs / "reviews" / path.relative_to(reviews)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(strip_front_matter(path.read_text("utf-8")), "utf-8")
    (plain / PLAIN_MARKER).write_text(source_marker, "utf-8")
    return plain


# -- building --------------------------------------------------------------------------


@dataclass
class Build:
    """``mkdocs build`` of one project: its costs (medians over the builds, peak memory
    the highest), and what it left in ``site/``."""

    seconds: float  # wall clock
    cpu_seconds: float  # user + system: less sensitive than wall time to a busy machine
    peak_rss: int  # bytes
    site_bytes: int
    files: int
    largest_page_bytes: int
    largest_page: str
    all_seconds: list[float] = field(default_factory=list)  # every build, in order


def tree_size(folder: Path) -> tuple[int, int, int, str]:
    """Apparent size in bytes (``du -sb``) and file count: what a host stores and serves;
    and the largest HTML page, since one page that lists every entry grows with the KB
    while its readers' patience does not."""
    total = count = largest = 0
    largest_page = ""
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            size = os.stat(path).st_size
            total += size
            count += 1
            if name.endswith(".html") and size > largest:
                largest, largest_page = size, os.path.relpath(path, folder)
    return total, count, largest, largest_page


def time_field(report: str, name: str) -> float:
    """One number from a ``time -v`` style report."""
    found = re.search(rf"{re.escape(name)}: ([\d.]+)", report)
    if not found:
        raise SystemExit(f"no '{name}' in the time report:\n{report}")
    return float(found.group(1))


def build(project: Path) -> Build:
    """``mkdocs build`` in ``project`` from an empty ``site/``: wall and CPU time, peak RSS."""
    shutil.rmtree(project / "site", ignore_errors=True)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "rss"
        if GNU_TIME.exists():
            command = [str(GNU_TIME), "-v", "-o", str(report), *mkdocs]
        else:
            command = [sys.executable, "-c", RUSAGE_WRAPPER, str(report), *mkdocs]
        log(f"building {project.name}")
        started = time.perf_counter()
        done = subprocess.run(command, cwd=project, env=BUILD_ENV, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"mkdocs build failed in {project}:\n{done.stderr[-4000:]}")
        text = report.read_text()
    cpu = time_field(text, "User time (seconds)") + time_field(text, "System time (seconds)")
    peak_kib = int(time_field(text, "Maximum resident set size (kbytes)"))
    size, files, largest, largest_page = tree_size(project / "site")
    log(f"built {project.name} in {seconds:.1f} s ({cpu:.1f} s CPU), peak {peak_kib >> 10} MiB")
    return Build(seconds, cpu, peak_kib * 1024, size, files, largest, largest_page)


def profile(project: Path, top: int = 25) -> str:
    """cProfile of one ``mkdocs build``: the top functions by cumulative time, as text."""
    with tempfile.TemporaryDirectory() as tmp:
        stats = Path(tmp) / "prof"
        code = (
            "import cProfile, sys; sys.argv = ['mkdocs', 'build', '--quiet']; "
            "from mkdocs.__main__ import cli; "
            f"cProfile.run('cli()', {str(stats)!r})"
        )
        log(f"profiling {project.name}")
        subprocess.run([sys.executable, "-c", code], cwd=project, env=BUILD_ENV, check=True)
        out = io.StringIO()
        pstats.Stats(str(stats), stream=out).sort_stats("cumulative").print_stats(top)
        return out.getvalue()


# -- the browse page -------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    """Closing a browser context mid-download (Material's search worker may still be
    fetching search_index.json) resets the connection; that is expected, not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port, in a thread; yields the base URL."""
    server = QuietServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Where the first-answer time goes: the HTML parsed, and the browse data fully received.
MILESTONES_JS = """
(names) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const data = performance.getEntriesByType("resource")
    .find(e => names.some(name => e.name.endsWith(name)));
  return [nav.domContentLoadedEventEnd, data ? data.responseEnd : null];
}
"""


@dataclass
class Browse:
    """Milliseconds, one value per run: first_ms, parsed_ms and data_ms count from
    navigation start, typed_ms from the input event to the replaced result list."""

    first_ms: list[float] = field(default_factory=list)
    typed_ms: list[float] = field(default_factory=list)
    parsed_ms: list[float] = field(default_factory=list)  # DOMContentLoaded
    data_ms: list[float] = field(default_factory=list)  # browse data received
    results: str = ""  # the page's result count line, to show the query found something


def browse_timings(site: Path, runs: int, timeout_ms: float = 60_000) -> Browse:
    """Page load to first answer, and a typed second query, ``runs`` times each."""
    from playwright.sync_api import sync_playwright  # only needed for this part

    measured = Browse()
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context()  # fresh cache, like a first visit
                try:
                    visit(context.new_page(), base, timeout_ms, measured)
                finally:
                    context.close()
        finally:
            browser.close()
    log(f"browse page: first {measured.first_ms} ms, typed {measured.typed_ms} ms")
    return measured


def visit(page: Page, base: str, timeout_ms: float, measured: Browse) -> None:
    """One first visit: wait for the answer to the URL's query, then type another."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    errors: list[str] = []  # a broken page should say why, not just time out
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(FIRST_ANSWER_JS)
    browse = "browse.html" if page.context.request.get(f"{base}browse.html").ok else "browse/"
    url = f"{base}{browse}?text={quote(FIRST_QUERY)}"
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_function("window.__fupanFirst !== undefined", timeout=timeout_ms)
    except PlaywrightTimeout:
        raise SystemExit(
            f"no answer on {url} within {timeout_ms / 1000:.0f} s; page errors: {errors or 'none'}"
        ) from None
    measured.first_ms.append(page.evaluate("window.__fupanFirst"))
    parsed, data = page.evaluate(MILESTONES_JS, [path.name for path in BROWSE_DATA])
    measured.parsed_ms.append(parsed)
    if data is not None:
        measured.data_ms.append(data)
    measured.results = page.inner_text(".fupan-count")
    page.evaluate(ARM_TYPED_JS)
    page.fill(".fupan-q", SECOND_QUERY)
    page.wait_for_function("window.__typedEnd !== undefined", timeout=timeout_ms)
    measured.typed_ms.append(page.evaluate("window.__typedEnd - window.__typedStart"))


# -- one size, and the report ----------------------------------------------------------


@dataclass
class Result:
    """Everything measured at one size."""

    entries: int
    fupan: Build
    plain: Build
    search_json: int
    search_json_gz: int
    browse_data: str  # which file the site has, see BROWSE_DATA
    browse_bytes: int
    browse_bytes_gz: int
    browse: Browse
    profile: str = ""


def gzipped(path: Path) -> int:
    """Bytes a compressing web server would send (level 6, the usual default)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def summary(builds: list[Build]) -> Build:
    """Median time and CPU, highest peak memory; the site of the last build."""
    last = builds[-1]
    return Build(
        statistics.median(b.seconds for b in builds),
        statistics.median(b.cpu_seconds for b in builds),
        max(b.peak_rss for b in builds),
        last.site_bytes,
        last.files,
        last.largest_page_bytes,
        last.largest_page,
        [b.seconds for b in builds],
    )


def measure(n: int, seed: int, builds: int, runs: int, with_profile: bool) -> Result:
    kb = knowledge_base(n, seed)
    plain = plain_project(kb, n)
    fupans, plains = [], []
    for _ in range(builds):  # in turn, so a busy spell on the machine hits both
        fupans.append(build(kb))
        plains.append(build(plain))
    fupan_build, plain_build = summary(fupans), summary(plains)
    site = kb / "site"
    found = [site / name for name in BROWSE_DATA if (site / name).exists()]
    if not found:
        raise SystemExit(f"no browse data in {site}: looked for {[str(n) for n in BROWSE_DATA]}")
    data = found[0]
    browse = browse_timings(site, runs)
    return Result(
        entries=n,
        fupan=fupan_build,
        plain=plain_build,
        search_json=(site / SEARCH_JSON).stat().st_size,
        search_json_gz=gzipped(site / SEARCH_JSON),
        browse_data=data.name,
        browse_bytes=sum(f.stat().st_size for f in _files(data)),
        browse_bytes_gz=sum(gzipped(f) for f in _files(data)),
        browse=browse,
        profile=profile(kb) if with_profile else "",
    )


def _files(data: Path) -> list[Path]:
    return sorted(data.glob("*.js")) if data.is_dir() else [data]


def mb(n: float) -> str:
    return f"{n / 1e6:,.2f} MB" if n < 1e7 else f"{n / 1e6:,.0f} MB"


def kilo(n: float) -> str:
    return f"{n / 1e3:,.1f} KB"


def ms(values: list[float]) -> str:
    """Median and range: on a shared machine one slow run is common and worth seeing."""
    if not values:
        return "–"
    return f"{statistics.median(values):,.0f} ms ({min(values):,.0f}–{max(values):,.0f})"


def seconds(b: Build) -> str:
    times = b.all_seconds or [b.seconds]
    return f"{b.seconds:,.1f} s ({min(times):,.1f}–{max(times):,.1f})"


ROWS: list[tuple[str, str, Callable[[Result], str]]] = [
    ("fupan build, median (range)", "", lambda r: seconds(r.fupan)),
    ("plain build, median (range)", "", lambda r: seconds(r.plain)),
    ("ratio fupan / plain", "≤ 1.5 at 1,000", lambda r: f"{r.fupan.seconds / r.plain.seconds:.2f}"),
    ("fupan build CPU (user + sys)", "", lambda r: f"{r.fupan.cpu_seconds:,.1f} s"),
    ("plain build CPU (user + sys)", "", lambda r: f"{r.plain.cpu_seconds:,.1f} s"),
    ("ratio of CPU times", "", lambda r: f"{r.fupan.cpu_seconds / r.plain.cpu_seconds:.2f}"),
    ("fupan site (files)", "", lambda r: f"{mb(r.fupan.site_bytes)} ({r.fupan.files:,})"),
    ("fupan site per entry", "≤ 60 KB, linear", lambda r: kilo(r.fupan.site_bytes / r.entries)),
    (
        "fupan largest page",
        "",
        lambda r: f"{mb(r.fupan.largest_page_bytes)} {r.fupan.largest_page}",
    ),
    ("plain site (files)", "", lambda r: f"{mb(r.plain.site_bytes)} ({r.plain.files:,})"),
    ("plain site per entry", "", lambda r: kilo(r.plain.site_bytes / r.entries)),
    ("fupan peak memory", "≤ 4 GB at 10,000", lambda r: mb(r.fupan.peak_rss)),
    ("plain peak memory", "", lambda r: mb(r.plain.peak_rss)),
    ("search_index.json (gzip)", "", lambda r: f"{mb(r.search_json)} ({mb(r.search_json_gz)})"),
    ("search_index.json per entry", "", lambda r: kilo(r.search_json / r.entries)),
    ("browse data file", "", lambda r: r.browse_data),
    ("browse data (gzip)", "", lambda r: f"{mb(r.browse_bytes)} ({mb(r.browse_bytes_gz)})"),
    ("browse data per entry", "", lambda r: kilo(r.browse_bytes / r.entries)),
    (
        "browse: load → first answer, median (range)",
        "≤ 1 s at 10,000",
        lambda r: ms(r.browse.first_ms),
    ),
    ("browse: DOMContentLoaded, median (range)", "", lambda r: ms(r.browse.parsed_ms)),
    ("browse: browse data received, median (range)", "", lambda r: ms(r.browse.data_ms)),
    ("browse: typed query → results, median (range)", "", lambda r: ms(r.browse.typed_ms)),
    ("browse: result count shown", "", lambda r: r.browse.results),
]


def table(results: list[Result]) -> str:
    head = ["measure", "target", *(f"{r.entries:,} entries" for r in results)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, target, cell in ROWS:
        lines.append("| " + " | ".join([name, target, *(cell(r) for r in results)]) + " |")
    return "\n".join(lines)


def machine() -> str:
    """Enough about the machine to compare runs: cores, CPU, memory, versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {mem / 1024**2:.1f} GiB RAM"
    except (OSError, AttributeError):
        memory = ""
    import material
    import mkdocs

    return (
        f"{os.cpu_count()} cores ({cpu}){memory}; Python {platform.python_version()}, "
        f"MkDocs {mkdocs.__version__}, Material {material.__version__}"
    )


def code_version() -> str:
    """Which fupan was measured: the commit, and a hash of tools/ as it is on disk,
    because the plugin may be edited between commits (read-only git calls)."""
    tools = BENCH.parent / "tools"
    digest = hashlib.sha1()
    for path in sorted(tools.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
            digest.update(path.relative_to(tools).as_posix().encode() + b"\0" + path.read_bytes())

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=BENCH.parent, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = len(git("status", "--porcelain", "--", "tools").splitlines())
    state = f", {dirty} files in tools/ changed since" if dirty else ""
    return f"fupan at commit {commit}{state} (tools/ content sha1 {digest.hexdigest()[:12]})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="entry counts, comma-separated")
    parser.add_argument("--seed", type=int, default=0, help="synth.py seed (default 0)")
    parser.add_argument("--builds", type=int, default=3, help="builds per project (median)")
    parser.add_argument("--runs", type=int, default=3, help="browser runs per size (median)")
    parser.add_argument("--profile", action="store_true", help="also cProfile each fupan build")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs positive entry counts, e.g. 1000,10000")
    measured_code = code_version()
    results = [measure(n, args.seed, args.builds, args.runs, args.profile) for n in sizes]
    print(f"Site benchmark, {dt.date.today().isoformat()}, {machine()}; {measured_code}\n")
    if code_version() != measured_code:  # others edit tools/ while a long run goes on
        print(f"**tools/ changed during the run**; at the end: {code_version()}\n")
    print(table(results))
    for r in results:
        if r.profile:
            print(f"\n### cProfile, fupan build, {r.entries:,} entries\n\n```\n{r.profile}```")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

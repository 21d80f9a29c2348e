"""Search benchmark: index and query time, memory and index size on synthetic KBs.

Usage::

    python bench/search_bench.py                    # 1,000 and 10,000 entries
    python bench/search_bench.py --sizes 1000       # a quick run

For each size it generates (or reuses) a knowledge base in ``bench/out/kb-N`` with
``bench/synth.py`` and measures what a user waits for:

* ``fupan index --rebuild`` as a separate process: wall time, entries/s, peak memory;
* ``fupan search 报名人数不足`` right after one entry file changed (the refresh re-indexes
  it first), whole process, median of 5;
* ``fupan search 通知没有传达到班组`` with a fresh index (a new process each time, OS file
  cache warm), median of 5, and its peak memory;
* warm queries in this process with ``fupan.search.search(..., refresh=False)``: p50/p95
  over ~50 varied queries, each run several times after one warm-up round;
* the size of ``.fupan/index`` on disk.

Why whole processes: the CLI is what people run, and interpreter start, imports and
opening the index are part of what they wait for. Why two memory numbers for the full
index: Whoosh's multi-process writer forks workers, so ``/usr/bin/time``'s peak (the
largest single process) understates what the machine needs; the second number sums the
proportional set size (PSS, shared pages split fairly) of the whole process tree,
sampled every 50 ms. The targets below are judged at 10,000 entries on a 2-core machine.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402  (bench/ is not a package; synth sits beside this file)
from installed import compile_fupan  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
TIME = Path("/usr/bin/time")
EDIT_QUERY = "报名人数不足"
COLD_QUERY = "通知没有传达到班组"
TARGET_SIZE = 10_000
MIB = 1024 * 1024

# (query, filters) for the warm latency: words, unspaced phrases, one character,
# English, quoted phrases, operators, and every kind of filter.
WARM_QUERIES: list[tuple[str, dict]] = [
    ("报名", {}),
    ("经费", {}),
    ("场地", {}),
    ("宣传", {}),
    ("培训", {}),
    ("隐患整改", {}),
    ("外包人员", {}),
    ("满意度", {}),
    ("班组", {}),
    ("通知传达", {}),
    ("困难职工", {}),
    ("慰问", {}),
    ("交通", {}),
    ("天气", {}),
    ("奖励激励", {}),
    ("报名人数不足", {}),
    ("通知没有传达到班组", {}),
    ("经费超支", {}),
    ("外包人员培训走过场", {}),
    ("应急物资配备不齐", {}),
    ("满意度下降的原因", {}),
    ("信息统计靠手工表格", {}),
    ("倒班职工参与度低", {}),
    ("宣传形式单一", {}),
    ("名单核对用时太长", {}),
    ("隐患整改不闭环", {}),
    ("报名 班组", {}),
    ("经费 预算 超支", {}),
    ("场地 天气 延期", {}),
    ("雨", {}),
    ("车", {}),
    ("票", {}),
    ("Excel", {}),
    ("registration", {}),
    ("training budget", {}),
    ('"经费超支"', {}),
    ('"最后一公里"', {}),
    ('"班前十分钟"', {}),
    ('"扫码在线登记"', {}),
    ("+报名 -天气", {}),
    ("报名 AND 班组", {}),
    ("培训 -外包", {}),
    ("报名", {"unit": "一分工会"}),
    ("隐患整改", {"category": "安全生产"}),
    ("经费", {"since": dt.date(2025, 1, 1)}),
    ("慰问", {"until": dt.date(2019, 12, 31)}),
    ("满意度", {"part": "reflection"}),
    ("通知传达", {"tag": "报名"}),
    ("场地", {"campaign": "职工春季运动会"}),
    ("报名人数不足", {"unit": "检修车间工会", "part": "improvement", "since": dt.date(2020, 1, 1)}),
    ("培训", {"limit": 50}),
]

# metric key -> (label, target text, limit or None, unit). Limits are upper bounds.
METRICS: dict[str, tuple[str, str, float | None, str]] = {
    "index_s": ("full index, `fupan index --rebuild`", "≤ 60 s", 60.0, "s"),
    "index_rate": ("indexing rate", "—", None, "entries/s"),
    "index_cpu_s": ("full index, CPU time (user + sys, all processes)", "—", None, "s"),
    "index_peak_mib": ("peak memory, full index (largest process)", "≤ 1 GB", 1024.0, "MiB"),
    "index_tree_mib": ("peak memory, full index (process tree, PSS)", "≤ 1 GB", 1024.0, "MiB"),
    "edit_search_s": ("`fupan search` after one edit, median", "≤ 1 s", 1.0, "s"),
    "cold_search_s": ("cold `fupan search`, fresh index, median", "≤ 0.5 s", 0.5, "s"),
    "cold_search_cpu_s": ("cold `fupan search`, CPU time, median", "—", None, "s"),
    "search_peak_mib": ("peak memory, `fupan search`", "≤ 300 MB", 300.0, "MiB"),
    "warm_p50_ms": ("warm query in-process, p50", "—", None, "ms"),
    "warm_p95_ms": ("warm query in-process, p95", "≤ 30 ms", 30.0, "ms"),
    "index_mib": ("index size on disk", "—", None, "MiB"),
}


# -- running a command and watching it ---------------------------------------------------


@dataclass
class Run:
    """One measured process: wall time, memory, and what it printed (to check it worked)."""

    wall: float
    rc: int
    stdout: str
    stderr: str
    peak_kib: int | None = None  # largest single process (maxrss)
    cpu_s: float | None = None  # user + system CPU of the process and its waited-for children
    tree_kib: int | None = None  # peak summed PSS of the process tree (when sampled)


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc (psutil is not a dependency)."""
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and all its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            kids, tree, todo = _children(), [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo += kids.get(pid, [])
            self.peak = max(self.peak, sum(_pss_kib(p) for p in tree))
            self.done.wait(self.interval)


def run(cmd: list[str], cwd: Path, sample_tree: bool = False) -> Run:
    """Run ``cmd`` once, timing the whole process and recording its peak memory.

    Peak memory comes from ``/usr/bin/time -v`` where it exists, else from
    ``getrusage(RUSAGE_CHILDREN)`` in a fresh Python wrapper (same number: maxrss).
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rusage") as report:
        if TIME.exists():
            wrapped = [str(TIME), "-v", "-o", report.name, *cmd]
        else:
            code = (
                "import resource, subprocess, sys; rc = subprocess.call(sys.argv[2:]); "
                "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
                "open(sys.argv[1], 'w').write('Maximum resident set size (kbytes): %d\\n"
                "User time (seconds): %f\\nSystem time (seconds): %f' % "
                "(u.ru_maxrss, u.ru_utime, u.ru_stime)); sys.exit(rc)"
            )
            wrapped = [sys.executable, "-c", code, report.name, *cmd]
        started = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        sampler = TreeSampler(proc.pid) if sample_tree else None
        if sampler:
            sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - started
        if sampler:
            sampler.done.set()
            sampler.join()
        peak, cpu = None, 0.0
        for line in report.read().splitlines():
            if "Maximum resident set size" in line:
                peak = int(line.rsplit(":", 1)[1])
            elif line.strip().startswith(("User time", "System time")):
                cpu += float(line.rsplit(":", 1)[1])
    return Run(wall, proc.returncode, out, err, peak, cpu, sampler.peak if sampler else None)


def fupan_cmd() -> list[str]:
    """The installed ``fupan`` script, as a user runs it (falls back to this Python)."""
    script = shutil.which("fupan") or str(Path(sys.executable).with_name("fupan"))
    if Path(script).exists():
        return [script]
    return [sys.executable, "-c", "from fupan.cli import main; main()"]


def _checked(r: Run, what: str, expect: str | None = None) -> Run:
    """Fail loudly when a run did not do what is being timed, rather than time an error."""
    if r.rc not in (0, 1) or (expect is not None and expect not in r.stderr + r.stdout):
        raise SystemExit(
            f"{what} did not work (exit {r.rc}; expected {expect!r}):\n{r.stderr[-2000:]}"
        )
    return r


# -- the measurements --------------------------------------------------------------------


@dataclass
class SizeResult:
    entries: int
    generated_s: float | None  # None when an existing KB was reused
    values: dict[str, float] = field(default_factory=dict)
    edit_runs_s: list[float] = field(default_factory=list)
    cold_runs_s: list[float] = field(default_factory=list)
    slowest_queries: list[tuple[str, float]] = field(default_factory=list)


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: a value that was really observed."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def prepare(n: int, seed: int, out: Path, log: Callable[[str], None]) -> tuple[Path, float | None]:
    """The KB for ``n`` entries, generated only when no matching one exists."""
    kb = out / f"kb-{n}"
    if synth.matches(kb, n, seed):
        log(f"reusing {kb}")
        return kb, None
    log(f"generating {n} entries in {kb} ...")
    started = time.perf_counter()
    synth.generate(kb, n, seed)
    return kb, time.perf_counter() - started


def bench_size(
    n: int, seed: int, out: Path, repeat: int, rounds: int, log, mode: str = "words"
) -> SizeResult:
    kb, generated = prepare(n, seed, out, log)
    res = SizeResult(n, generated)
    fupan = [*fupan_cmd(), "--kb", str(kb), "--lang", "en"]
    v = res.values
    index = ["index", "--rebuild"] + (["--words-only"] if mode == "words" else [])
    search = ["search", "--mode", mode]

    log(f"[{n}] full index (fupan {' '.join(index)}) ...")
    r = _checked(run([*fupan, *index], kb, sample_tree=True), "index", "rebuilt")
    v["index_s"], v["index_rate"], v["index_cpu_s"] = r.wall, n / r.wall, r.cpu_s or 0.0
    v["index_peak_mib"] = (r.peak_kib or 0) / 1024
    v["index_tree_mib"] = (r.tree_kib or 0) / 1024
    v["index_mib"] = _dir_size(kb / ".fupan" / "index") / MIB
    log(
        f"[{n}]   {r.wall:.1f} s, {n / r.wall:.0f} entries/s, CPU {r.cpu_s or 0:.0f} s, "
        f"peak {v['index_peak_mib']:.0f} MiB, tree {v['index_tree_mib']:.0f} MiB"
    )

    # Untimed: absorbs an index-format change if tools/ changed since the rebuild above,
    # so that the timings below see exactly one changed entry, or none.
    _checked(run([*fupan, *index[:1], *index[2:]], kb), "index before the search timings")

    log(f"[{n}] search after one edit x{repeat} ...")
    files = sorted((kb / "reviews").rglob("*.md"))
    victim = files[len(files) // 2]
    original = victim.read_bytes()
    try:
        for i in range(repeat):
            extra = f"\n补充说明（第{i + 1}次）：报名人数不足的问题仍需在班组层面持续跟踪。\n"
            victim.write_bytes(original + extra.encode("utf-8"))
            r = run([*fupan, *search, EDIT_QUERY], kb)
            if "index rebuilt" in r.stderr:
                raise SystemExit(
                    "the search after one edit rebuilt the whole index: the index format "
                    f"changed while the benchmark ran (tools/ was edited); run it again\n{r.stderr}"
                )
            _checked(r, "search after edit", "1 changed")
            res.edit_runs_s.append(r.wall)
    finally:
        victim.write_bytes(original)
        _checked(
            run([*fupan, *index[:1], *index[2:]], kb), "index after restoring the edited entry"
        )
    v["edit_search_s"] = _median(res.edit_runs_s)
    log(f"[{n}]   runs (s): {', '.join(f'{t:.2f}' for t in res.edit_runs_s)}")

    log(f"[{n}] cold search x{repeat} ...")
    peaks, cpu = [], []
    for _ in range(repeat):
        r = _checked(run([*fupan, *search, COLD_QUERY], kb), "cold search", "found")
        if "index updated" in r.stderr or "index rebuilt" in r.stderr:
            raise SystemExit(f"cold search found a stale index:\n{r.stderr}")
        res.cold_runs_s.append(r.wall)
        peaks.append(r.peak_kib or 0)
        cpu.append(r.cpu_s or 0.0)
    v["cold_search_s"], v["cold_search_cpu_s"] = _median(res.cold_runs_s), _median(cpu)
    v["search_peak_mib"] = max(peaks) / 1024
    log(
        f"[{n}]   runs (s): {', '.join(f'{t:.2f}' for t in res.cold_runs_s)}; peak {max(peaks)} KiB"
    )

    log(f"[{n}] warm queries: {len(WARM_QUERIES)} queries x {rounds} rounds ...")
    latencies = warm_latencies(kb, rounds, mode)
    every = [ms for times in latencies.values() for ms in times]
    v["warm_p50_ms"], v["warm_p95_ms"] = _percentile(every, 50), _percentile(every, 95)
    worst = sorted(latencies.items(), key=lambda kv: -_median(kv[1]))[:5]
    res.slowest_queries = [(q, _median(t)) for q, t in worst]
    return res


def warm_latencies(kb: Path, rounds: int, mode: str = "words") -> dict[str, list[float]]:
    """Milliseconds per query label, after one untimed warm-up round."""
    from fupan.kb import KnowledgeBase
    from fupan.search.hits import Filters, search
    from fupan.search.indexes import open_indexes

    opened = open_indexes(KnowledgeBase(kb), mode != "words")
    out: dict[str, list[float]] = {}
    for round_ in range(rounds + 1):
        for text, filters in WARM_QUERIES:
            label = text + (
                " " + json.dumps(filters, default=str, ensure_ascii=False) if filters else ""
            )
            started = time.perf_counter()
            search(opened.index, text, Filters(**filters), opened.meaning, mode)
            took = (time.perf_counter() - started) * 1000
            if round_:  # round 0 warms caches and imports
                out.setdefault(label, []).append(took)
    return out


# -- reporting ---------------------------------------------------------------------------


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f}" if value < 10 else f"{value:.0f}"
    if unit == "ms":
        return f"{value:.1f}"
    return f"{value:,.0f}"


def table(results: list[SizeResult]) -> str:
    """The Markdown table: one column per size, pass/fail judged at 10,000 entries."""
    judged = next((r for r in results if r.entries == TARGET_SIZE), None)
    head = ["metric", "target (10,000 entries)", *(f"{r.entries:,} entries" for r in results)]
    head.append("result at 10,000" if judged else "result")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, (label, target, limit, unit) in METRICS.items():
        cells = [f"{label} ({unit})", target]
        cells += [_fmt(r.values[key], unit) if key in r.values else "—" for r in results]
        if limit is None or (judged is not None and key not in judged.values):
            verdict = "—"
        elif judged is None:
            verdict = "not judged (no 10,000 run)"
        elif judged.values[key] <= limit:
            verdict = "pass"
        else:
            verdict = f"**fail** ({judged.values[key] / limit:.1f}× target)"
        lines.append("| " + " | ".join([*cells, verdict]) + " |")
    return "\n".join(lines)


def code_state() -> str:
    """The commit, and whether tools/ differs from it: the package is installed editable,
    so every measured process runs whatever tools/ holds at that moment."""
    commit = subprocess.run(  # read-only
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(  # read-only: compares files with HEAD, writes nothing
        ["git", "diff", "--quiet", "HEAD", "--", "tools"], cwd=REPO, capture_output=True
    ).returncode
    return (commit or "?") + (" + uncommitted changes in tools/" if dirty else "")


def environment() -> dict[str, str]:
    """What the numbers depend on, printed above the table."""
    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    try:
        from importlib.metadata import version

        whoosh = version("whoosh-reloaded")
    except Exception:
        whoosh = "?"
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {cpu or platform.machine()}",
        "python": platform.python_version(),
        "whoosh-reloaded": whoosh,
        "code at start": code_state(),
        "load average (1 min) at start": f"{os.getloadavg()[0]:.2f}",
    }


def render(env: dict[str, str], results: list[SizeResult]) -> str:
    """Environment, table and per-size notes, as Markdown."""
    lines = [*(f"- {k}: {v}" for k, v in env.items()), "", table(results)]
    for r in results:
        slow = ", ".join(f"`{q}` {ms:.0f} ms" for q, ms in r.slowest_queries)
        lines += [
            "",
            f"{r.entries:,} entries — slowest warm queries (median): {slow}.",
            f"{r.entries:,} entries — after-edit runs (s): "
            + ", ".join(f"{t:.2f}" for t in r.edit_runs_s)
            + "; cold runs (s): "
            + ", ".join(f"{t:.2f}" for t in r.cold_runs_s)
            + ".",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="entry counts, comma-separated")
    parser.add_argument("--seed", type=int, default=0, help="synthetic KB seed (default 0)")
    parser.add_argument("--out", type=Path, default=OUT, help="where KBs are kept (bench/out)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per CLI search timing")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of warm queries")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--mode",
        choices=("words", "both"),
        default="words",
        help="words: the word index alone; both: with the meaning index (embeds every entry)",
    )
    args = parser.parse_args(argv)
    compile_fupan()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs one or more positive entry counts, e.g. 1000,10000")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # A plain `kill` then still restores the edited entry (the finally in bench_size).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = environment()
    results: list[SizeResult] = []
    for n in sizes:
        results.append(bench_size(n, args.seed, args.out, args.repeat, args.rounds, log, args.mode))
        # Report after every size, so a long run that is stopped still leaves its numbers.
        env["code at end"] = code_state()
        env["load average (1 min) at end"] = f"{os.getloadavg()[0]:.2f}"
        report = render(env, results)
        log(f"\n{report}\n")
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            payload = {"environment": env, "results": [asdict(r) for r in results]}
            args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What reminders cost on large knowledge bases: planning, messages, calendar feeds.

Usage::

    python bench/remind_bench.py [--sizes 1000,10000] [--seed 0]

For each size N it generates (or reuses) ``bench/out/remind-N`` with ``bench/synth.py``,
adds a ``reminders:`` section (a 企业微信 robot, mail per owner to every owner), and
prints one Markdown table, one row per measure, one column per size.

Why it works this way:

* A reminder run is a cron job: what matters is the whole ``fupan remind`` process,
  measured as a subprocess with ``--dry-run --json`` (everything but the network) and
  its wall time; then the parts in this process, in CPU time, which other processes on
  a shared machine hardly change.
* The site's feeds are timed through :func:`fupan.site.calendar.feeds`, the function
  the build calls, on the published entries' open items as the site holds them.
* Synthetic entries keep many items open and overdue, more than a knowledge base
  whose owners close their items, so these are upper figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from fupan.kb import KnowledgeBase  # noqa: E402
from fupan.lang import strings  # noqa: E402
from fupan.model import OPEN_STATUSES  # noqa: E402
from fupan.reminders.config import load_config  # noqa: E402
from fupan.reminders.deliver import mail_deliveries, webhook_deliveries  # noqa: E402
from fupan.reminders.mail import MailSession  # noqa: E402
from fupan.reminders.plan import due_groups, entry_urls  # noqa: E402
from fupan.reports.actions import action_rows  # noqa: E402
from fupan.site import calendar  # noqa: E402
from fupan.site.data import SiteData  # noqa: E402
from fupan.site.urls import Site  # noqa: E402
from synth import generate, matches  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def kb_for(n: int, seed: int) -> Path:
    out = BENCH / "out" / f"remind-{n}"
    if not matches(out, n, seed):
        generate(out, n, seed)
    owners = sorted(
        {a.owner for e in KnowledgeBase(out).load_all().entries for a in e.actions if a.owner}
    )
    addresses = "".join(f"      {o}: owner{i}@intranet.example\n" for i, o in enumerate(owners))
    (out / "reviews" / "fupan.yml").write_text(
        "reminders:\n  site_url: http://fupan.intranet.example/\n  webhooks:\n"
        "    - name: 工作群\n      kind: wecom\n      url_env: BENCH_WECOM\n"
        "  mail:\n    host: 127.0.0.1\n    from: union@intranet.example\n    owners:\n" + addresses,
        "utf-8",
    )
    return out


def cpu(f):
    start = time.process_time()
    result = f()
    return result, time.process_time() - start


def measure(root: Path) -> dict[str, str]:
    row: dict[str, str] = {}
    start = time.perf_counter()
    r = subprocess.run(
        [str(Path(sys.executable).with_name("fupan")), "--kb", str(root), "remind", "--dry-run", "--json",
         "--today", TODAY.isoformat()],
        capture_output=True, env={**os.environ, "BENCH_WECOM": "http://127.0.0.1:9/"},
    )  # fmt: skip
    row["fupan remind --dry-run, whole process"] = f"{time.perf_counter() - start:.1f} s wall"
    assert r.returncode == 0, r.stderr.decode()
    kb = KnowledgeBase(root)
    entries, t = cpu(lambda: kb.load_all().entries)
    row["entries loaded (part of the above)"] = f"{len(entries):,} in {t:.1f} s CPU"
    s = strings("zh")
    config, _ = load_config(kb.reviews, kb.units)
    url_of = entry_urls(config.site_url)
    groups, t = cpu(lambda: due_groups(entries, TODAY, 14, url_of=url_of))
    items = sum(len(g.items) for g in groups)
    row["due or overdue: items, owners"] = f"{items:,} items, {len(groups):,} groups"
    row["what is due"] = f"{t:.2f} s CPU"
    hook = config.webhooks[0]
    texts, t = cpu(lambda: webhook_deliveries(hook, groups, TODAY, s, {}, 1))
    row["企业微信 messages (2,000 bytes each)"] = f"{len(texts):,} in {t:.2f} s CPU"
    with MailSession(config.mail, {}, 1) as session:  # connects only to send: never here
        mails, t = cpu(lambda: mail_deliveries(config.mail, groups, TODAY, s, session))
    row["mail messages, one per owner"] = f"{len(mails):,} in {t:.2f} s CPU"
    published = [e for e in entries if e.publish]
    units = sorted({e.unit for e in published})
    d = SiteData(published, TODAY, s, Site(units, [], [], []))
    d.by_unit = {u: [e for e in published if e.unit == u] for u in units}
    d.open_rows = action_rows(published, TODAY, list(OPEN_STATUSES))
    feeds, t = cpu(lambda: calendar.feeds(d, config.site_url))
    size = sum(len(x.encode("utf-8")) for x in feeds.values()) / 1e6
    row["site feeds: open items, files, size"] = (
        f"{len(d.open_rows):,} items, {len(feeds)} files, {size:.1f} MB"
    )
    row["site feeds, in the build"] = f"{t:.2f} s CPU"
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    load = os.getloadavg()[0]
    results = {n: measure(kb_for(n, args.seed)) for n in sizes}
    print(f"remind benchmark, {os.cpu_count()} cores, load {load:.1f} → {os.getloadavg()[0]:.1f}\n")
    print("| measure | " + " | ".join(f"{n:,} entries" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for key in results[sizes[0]]:
        print(f"| {key} | " + " | ".join(results[n][key] for n in sizes) + " |")


if __name__ == "__main__":
    main()

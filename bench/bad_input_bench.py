"""How long the inputs that once hung fupan take now: one command, one table.

    python bench/bad_input_bench.py

Each case is a small file that used to take minutes or all the memory (a snippet
over 20,000 matches, 400,000 tags, a "billion laughs" front matter, a 50 MB entry, a
synonym group of 20,001 terms, a quoted phrase of 1,000 characters); each is read
here the way `fupan check` and `fupan search` read it, and timed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from fupan.entries.checks import check  # noqa: E402
from fupan.kb import KnowledgeBase  # noqa: E402
from fupan.search.query import build  # noqa: E402
from fupan.text.snippets import matches, plain, snippet  # noqa: E402
from fupan.text.thesaurus import BUILTIN, Thesaurus  # noqa: E402

HEAD = "---\ntitle: t\nunit: u\ncampaign: c\ndate: 2025-04-20\n"
BODY = "---\n\n## 总结\na\n## 反思\nb\n## 改进\nc\n"


def old_window(text: str, spans: list[tuple[int, int]], width: int = 90) -> int:
    """The window search before it was linear: every match against every match."""
    best, best_count = 0, -1
    for a, _ in spans:
        start = max(0, a - width // 4)
        inside = {text[x:y].lower() for x, y in spans if start <= x and y <= start + width}
        if len(inside) > best_count:
            best, best_count = start, len(inside)
    return best


def timed(f) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def check_one(folder: Path, name: str, text: str, extra: dict[str, str] | None = None) -> float:
    kb_dir = folder / name
    (kb_dir / "reviews").mkdir(parents=True)
    (kb_dir / "mkdocs.yml").write_text("site_name: t\n", "utf-8")
    (kb_dir / "reviews" / "x.md").write_text(text, "utf-8")
    for rel, content in (extra or {}).items():
        (kb_dir / "reviews" / rel).write_text(content, "utf-8")
    return timed(lambda: check(KnowledgeBase(kb_dir)))


def main() -> None:
    rows = []
    for n in (2_000, 20_000):
        text = plain("报名的人很多，" * n + "经费不足")
        spans = matches(text, ["报名", "经费"])
        new = timed(lambda text=text: snippet(text, ["报名", "经费"]))
        old = timed(lambda t=text, s=spans: old_window(t, s)) if n <= 2_000 else None
        rows.append((f"snippet, {n:,} matches", old, new))
    blank = "总结\n" + " \n" * 20_000 + "完"  # a part of blank lines: plain() once backtracked
    rows.append(("plain text, 20,000 blank lines", None, timed(lambda: plain(blank))))
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        for n in (400_000, 150_000):
            tags = HEAD + "tags: [" + ",".join(f"t{i}" for i in range(n)) + "]\n" + BODY
            case = f"check, {n:,} tags ({len(tags) / 1e6:.1f} MB)"
            rows.append((case, None, check_one(folder, f"tags{n}", tags)))
        laughs = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        laughs += "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
        rows.append(
            ("check, billion laughs (359 B)", None, check_one(folder, "laughs", laughs + BODY))
        )
        big = HEAD + BODY + "报名" * 25_000_000
        rows.append(("check, 50 MB entry", None, check_one(folder, "big", big)))
        group = "- [" + ", ".join(f"词{i}" for i in range(20_001)) + "]\n"
        ok = HEAD + BODY
        rows.append(
            (
                "check, synonym group of 20,001",
                None,
                check_one(folder, "syn", ok, {"synonyms.yml": group}),
            )
        )
    phrase = '"' + "报名人数不足，通知没有传达" * 80 + '"'
    rows.append(
        (
            "query, phrase of 1,040 characters",
            None,
            timed(lambda: build(phrase, Thesaurus(BUILTIN))),
        )
    )
    print(f"{'case':<36}  {'before':>9}  {'now':>9}")
    print(f"{'-' * 36}  {'-' * 9}  {'-' * 9}")
    for case, old, new in rows:
        before = f"{old:8.2f}s" if old is not None else "        –"
        print(f"{case:<36}  {before:>9}  {new:8.3f}s")


if __name__ == "__main__":
    main()

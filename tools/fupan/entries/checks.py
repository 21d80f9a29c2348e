"""Checking a knowledge base: every file's own problems, and what no single file can
show wrong on its own. ``fupan check`` and the site's build both call :func:`check`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Entry, Problem
from .campaigns import spelling_problems
from .slug import safe_id

if TYPE_CHECKING:
    from ..kb import KnowledgeBase, Loaded


@dataclass
class CheckReport:
    """What a check found, sorted by path and line, with the loaded entries."""

    loaded: Loaded
    problems: list[Problem] = field(default_factory=list)
    # entries whose page another entry already has: the site leaves them out
    clashing: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def files(self) -> int:
        return self.loaded.files

    @property
    def valid(self) -> int:
        """Entries without errors (one still to be written counts: it is well formed)."""
        bad = {p.path for p in self.problems if p.level == "error"}
        return sum(e.path not in bad for e in [*self.loaded.entries, *self.loaded.unwritten])


def check(
    kb: KnowledgeBase,
    paths: list[Path] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckReport:
    """Load every entry (or those of ``paths``: files, or folders for the entries in
    them) and check them, alone and together."""
    files, walked = _named(kb, paths) if paths else (None, [])
    loaded = kb.load_all(files, progress=progress)
    everything = loaded.entries + loaded.unwritten
    problems = walked + loaded.problems + cross_checks(everything)
    problems.sort(key=lambda p: (p.path, p.line))
    return CheckReport(loaded, problems, sorted(page_clashes(everything)))


def _named(kb: KnowledgeBase, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The files named, and for each folder the entry files the knowledge base's own
    walk finds in it, with what the walk found wrong there (a broken link, a stray
    file); each file once."""
    folders = [p.resolve() for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    problems: list[Problem] = []
    if folders:
        scan = kb.walk()

        def inside(path: Path) -> bool:
            return any(path.resolve().is_relative_to(d) for d in folders)

        files += [Path(f) for f, _ in scan.files if inside(Path(f))]
        problems = [p for p in scan.problems if inside(kb.root / p.path)]
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)  # a file named twice is checked once
    return list(unique.values()), problems


def _keeper_first(e: Entry) -> tuple[bool, bool, bool, str]:
    """Of two files that clash, a written and published one keeps its place before one
    still a template or kept off the site; then the one named as the format asks."""
    return not e.written, not e.publish, safe_id(e.id) != e.id, e.path


def duplicate_entries(entries: list[Entry]) -> list[Problem]:
    """Two entries with the same title, unit and campaign are most likely one review twice."""
    seen: dict[tuple, list[Entry]] = defaultdict(list)
    for e in sorted(entries, key=_keeper_first):
        seen[(e.title, e.unit, e.campaign)].append(e)
    problems = []
    for group in seen.values():
        for later in group[1:]:
            problems.append(
                Problem.of(
                    later.path, later.title_line, "warning", "check.duplicate", other=group[0].path
                )
            )
    return problems


def page_clashes(entries: list[Entry]) -> dict[str, str]:
    """Path of each entry whose page another entry already has -> that entry's path.
    File names that differ only in what a web address cannot hold (``a b.md``,
    ``a-b.md``, ``A.B.md``) would share one page of the site; the page goes to the
    file named as the format asks, else to the first by path."""
    first: dict[str, str] = {}
    clashes = {}
    for e in sorted(entries, key=_keeper_first):
        other = first.setdefault(safe_id(e.id), e.path)
        if other != e.path:
            clashes[e.path] = other
    return clashes


def same_page(entries: list[Entry]) -> list[Problem]:
    return [
        Problem.of(path, 1, "error", "check.same_page", other=other)
        for path, other in page_clashes(entries).items()
    ]


def cross_checks(entries: list[Entry]) -> list[Problem]:
    return duplicate_entries(entries) + same_page(entries) + spelling_problems(entries)

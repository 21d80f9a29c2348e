"""A knowledge base on disk: where it is, which files are entries, and loading them all."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .entries.contract import load
from .entries.units import Units, load_units
from .errors import KBNotFound
from .model import Entry, Problem

log = logging.getLogger(__name__)

REVIEWS_DIR = "reviews"
STATE_DIR = ".fupan"


def find_root(start: Path) -> Path:
    """The nearest folder upward from ``start`` that holds ``mkdocs.yml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise KBNotFound(
        f"no knowledge base here: no mkdocs.yml in {start} or above; "
        "run inside one, pass --kb DIR, or create one with `fupan init DIR`"
    )


@dataclass
class Loaded:
    """Every entry file read: the usable entries, all problems, and the unusable files."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # paths of files that gave no entry

    @property
    def files(self) -> int:
        return len(self.entries) + len(self.failed)


class KnowledgeBase:
    def __init__(self, root: Path, reviews_dir: str = REVIEWS_DIR):
        self.root = Path(root).resolve()
        self.reviews = self.root / reviews_dir
        if not self.reviews.is_dir():
            raise KBNotFound(
                f"{self.root} has no {reviews_dir}/ folder for entries; "
                "create it or start with `fupan init DIR`"
            )

    @classmethod
    def discover(cls, kb: Path | None = None, reviews_dir: str = REVIEWS_DIR) -> KnowledgeBase:
        """``--kb DIR`` when given, else the nearest KB upward from the current folder."""
        if kb is not None:
            if not Path(kb).is_dir():
                raise KBNotFound(f"--kb {kb}: no such folder")
            return cls(Path(kb), reviews_dir)
        return cls(find_root(Path.cwd()), reviews_dir)

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    @cached_property
    def units_loaded(self) -> tuple[Units, list[Problem]]:
        path = self.reviews / "units.yml"
        return load_units(path, self.rel(path) if path.exists() else "units.yml")

    @property
    def units(self) -> Units:
        return self.units_loaded[0]

    def entry_files(self) -> Iterator[Path]:
        """Every ``*.md`` under reviews/, skipping names that start with ``_`` or ``.``."""
        for path, _ in self.scan():
            yield Path(path)

    def scan(self) -> list[tuple[str, os.stat_result]]:
        """Entry files with their stat, sorted; one walk with os.scandir, which a search
        does before every query on knowledge bases of thousands of entries."""
        found = []
        for folder, dirs, files in os.walk(self.reviews):
            dirs[:] = [d for d in dirs if not d.startswith(("_", "."))]
            for name in files:
                if name.endswith(".md") and not name.startswith(("_", ".")):
                    path = os.path.join(folder, name)
                    found.append((path, os.stat(path)))
        found.sort()
        return found

    def load(self, path: Path) -> tuple[Entry | None, list[Problem]]:
        return load(path, self.root, self.reviews, self.units)

    def load_all(
        self, paths: list[Path] | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Loaded:
        """Read every entry (or the ones named); one bad file never stops the others."""
        files = list(self.entry_files()) if paths is None else paths
        out = Loaded(problems=list(self.units_loaded[1]))
        for n, path in enumerate(files, 1):
            entry, problems = self.load(path)
            out.problems.extend(problems)
            if entry is None:
                out.failed.append(self.rel(path))
            else:
                out.entries.append(entry)
            if progress:
                progress(n, len(files))
        return out

"""A knowledge base on disk: where it is, which files are entries, and loading them all."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .entries.contract import load, may_be_unpublished
from .entries.units import Units, load_units
from .errors import KBNotFound
from .model import Entry, Problem
from .text.thesaurus import Thesaurus, read_thesaurus

log = logging.getLogger(__name__)

REVIEWS_DIR = "reviews"
STATE_DIR = ".fupan"
REGISTRIES = ("units.yml", "synonyms.yml", "fupan.yml")  # files of reviews/ that are not entries
# files that sit beside entries on purpose: images their bodies show
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp")
WORD_SUFFIXES = (".docx", ".doc", ".wps", ".rtf", ".odt")


def find_root(start: Path) -> Path:
    """The nearest folder upward from ``start`` that holds ``mkdocs.yml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise KBNotFound.of("cli.err.no_kb", start=start)


@dataclass
class Loaded:
    """Every entry file read: the usable entries, all problems, and the unusable files."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # paths of files that gave no entry
    # failed files that may have said publish: false; their paths stay off the site
    hidden: list[str] = field(default_factory=list)
    # entries whose parts hold only the template's questions: left out of everything
    unwritten: list[Entry] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.entries) + len(self.failed) + len(self.unwritten)


@dataclass
class Scan:
    """The entry files of reviews/ with their stat, and what the walk could not use."""

    files: list[tuple[str, os.stat_result]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class KnowledgeBase:
    def __init__(self, root: Path, reviews_dir: str = REVIEWS_DIR):
        self.root = Path(root).resolve()
        self.reviews = self.root / reviews_dir
        if not self.reviews.is_dir():
            raise KBNotFound.of("cli.err.no_reviews", root=self.root, folder=reviews_dir)

    @classmethod
    def discover(cls, kb: Path | None = None, reviews_dir: str = REVIEWS_DIR) -> KnowledgeBase:
        """``--kb DIR`` when given, else the nearest KB upward from the current folder."""
        if kb is not None:
            if not Path(kb).is_dir():
                raise KBNotFound.of("cli.err.no_folder", path=kb)
            return cls(Path(kb), reviews_dir)
        return cls(find_root(Path.cwd()), reviews_dir)

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    def rel(self, path: Path | str) -> str:
        """``path`` relative to the root, as written (a link is not followed)."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).resolve().relative_to(self.root).as_posix()

    @cached_property
    def units_loaded(self) -> tuple[Units, list[Problem]]:
        path = self.reviews / "units.yml"
        rel = self.rel(path)
        if os.path.lexists(path) and not path.is_file():
            return Units(), [Problem.of(rel, 1, "error", "check.not_a_file")]
        try:
            return load_units(path, rel)
        except OSError as e:
            return Units(), [Problem.of(rel, 1, "error", "check.cannot_read", reason=e.strerror)]

    @property
    def units(self) -> Units:
        return self.units_loaded[0]

    @cached_property
    def thesaurus_loaded(self) -> tuple[Thesaurus, list[Problem]]:
        path = self.reviews / "synonyms.yml"
        return read_thesaurus(path, self.rel(path))

    @property
    def thesaurus(self) -> Thesaurus:
        """The built-in synonyms with the knowledge base's; its bad parts left out."""
        return self.thesaurus_loaded[0]

    def entry_files(self) -> Iterator[Path]:
        """Every ``*.md`` under reviews/, skipping names that start with ``_`` or ``.``."""
        for path, _ in self.scan():
            yield Path(path)

    def scan(self) -> list[tuple[str, os.stat_result]]:
        """Entry files with their stat, sorted; one walk with os.scandir, which a search
        does before every query on knowledge bases of thousands of entries."""
        return self.walk().files

    def walk(self) -> Scan:
        """Every readable entry file, and a problem for each file or folder of reviews/
        that is skipped: links that lead nowhere or out of the knowledge base, pipes,
        folders that cannot be read, names that are not UTF-8, files that are no entry.

        One ``os.scandir`` per folder: the file type comes with the listing, so a plain
        entry costs one stat, as a search before every query on 10,000 entries needs."""
        out = Scan()
        cut = len(str(self.root)) + 1  # every path below starts with the root

        def rel(path: str) -> str:
            return path[cut:].replace(os.sep, "/")

        folders = [str(self.reviews)]
        while folders:
            folder = folders.pop()
            try:
                with os.scandir(folder) as listing:
                    items = sorted(listing, key=lambda item: item.name)
            except OSError as e:
                out.problems.append(
                    Problem.of(
                        rel(folder), 1, "error", "check.folder_unreadable", reason=e.strerror
                    )
                )
                continue
            below = []
            for item in items:
                name = item.name
                if name.startswith(("_", ".")):
                    continue
                if item.is_dir(follow_symlinks=False):
                    below.append(item.path)
                elif item.is_symlink() and os.path.isdir(item.path):  # False on a loop
                    out.problems.append(
                        Problem.of(rel(item.path), 1, "warning", "check.linked_folder")
                    )
                elif name.endswith(".md") and item.is_file(follow_symlinks=False) and _utf8(name):
                    out.files.append((item.path, item.stat()))
                else:
                    problem = self._skip(item.path, rel(item.path), name, folder)
                    if problem is None:  # a link to an entry of this knowledge base
                        if name.endswith(".md"):
                            out.files.append((item.path, item.stat()))
                    elif problem.level != "ignore":
                        out.problems.append(problem)
            folders += reversed(below)
        out.files.sort()
        return out

    def _skip(self, path: str, rel: str, name: str, folder: str) -> Problem | None:
        """Why the file at ``path`` is not read as an entry: a problem, one of level
        "ignore" for files that belong there, or None for a link to an entry here."""
        if not _utf8(name):
            return Problem.of(rel, 1, "error", "check.name_not_utf8")
        if not name.endswith(".md"):
            if name.lower().endswith(ASSET_SUFFIXES) or (
                name in REGISTRIES and folder == str(self.reviews)
            ):
                return Problem(rel, 1, "ignore", "")
            if name.lower().endswith(WORD_SUFFIXES):
                return Problem.of(rel, 1, "warning", "check.word_file", file=rel)
            return Problem.of(rel, 1, "warning", "check.not_md")
        try:
            st = os.stat(path)
        except OSError as e:
            if os.path.islink(path) and e.errno == 40:
                return Problem.of(rel, 1, "error", "check.link_loop")
            if os.path.islink(path):
                return Problem.of(rel, 1, "error", "check.link_missing", target=os.readlink(path))
            return Problem.of(rel, 1, "error", "check.cannot_read", reason=e.strerror)
        if not stat.S_ISREG(st.st_mode):
            return Problem.of(rel, 1, "error", "check.not_a_file")
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(self.root):
            return Problem.of(rel, 1, "error", "check.link_outside", target=target)
        return None

    def load(self, path: Path) -> tuple[Entry | None, list[Problem]]:
        path = Path(os.path.abspath(path))
        if not (path.is_relative_to(self.reviews) and path.suffix == ".md"):
            if path.resolve().is_relative_to(self.reviews) and path.suffix == ".md":
                path = path.resolve()
            else:
                return None, [
                    Problem.of(str(path), 1, "error", "check.not_in_kb", reviews=self.reviews)
                ]
        return load(path, self.root, self.reviews, self.units)

    def load_all(
        self, paths: list[Path] | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Loaded:
        """Read every entry (or the ones named); one bad file never stops the others."""
        out = Loaded(problems=[*self.units_loaded[1], *self.thesaurus_loaded[1]])
        if paths is None:
            scan = self.walk()
            files: list[Path] = [Path(p) for p, _ in scan.files]
            out.problems += scan.problems
        else:
            files = list(paths)
        for n, path in enumerate(files, 1):
            entry, problems = self.load(path)
            out.problems.extend(problems)
            if entry is None:
                rel = problems[0].path if problems else self.rel(path)
                out.failed.append(rel)
                if may_be_unpublished(path):
                    out.hidden.append(rel)
            elif not entry.written:
                out.unwritten.append(entry)
            else:
                out.entries.append(entry)
            if progress:
                progress(n, len(files))
        return out


def _utf8(name: str) -> bool:
    """Whether a file name from the disk is UTF-8 (Python keeps other bytes as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml for two plain values; its ``!ENV`` and ``!!python`` tags
    become None instead of refusing the file."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class SiteSettings:
    language: str = "zh"
    site_url: str = ""
    use_directory_urls: bool = True


def site_settings(root: Path) -> SiteSettings:
    """The site's language and address as mkdocs.yml gives them (defaults if unreadable):
    the command line speaks the site's language, reminders link to its pages."""
    try:
        data = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_Tolerant)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteSettings()
    if not isinstance(data, dict):
        return SiteSettings()
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return SiteSettings(
        str(theme.get("language") or "zh"),
        str(data.get("site_url") or ""),
        data.get("use_directory_urls", True) is not False,
    )

"""The Whoosh search index in ``<kb>/.fupan/index``, kept in step with the entry files.

Each entry's file signature (mtime and size) is stored in a column beside its id, and
all of them in ``.fupan/index.json`` for the latest commit, so a refresh reads one small
file (or the two columns, when that file describes another commit), stats the files,
and re-indexes only what changed.
All writing happens under one file lock; a rebuild is written beside the live index
and swapped in, so a process killed at any point leaves a usable or absent index,
never a broken one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, STORED, Schema

from ..errors import FupanError, IndexBusy
from ..kb import KnowledgeBase
from ..model import Entry, item_text
from ..text.words import pairs, tokens
from .locking import file_lock

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6  # 5: full-width letters and digits folded; 6: improvement items
STORED_TEXT = ("title", "tags", "summary", "reflection", "improvement")
# One word field and one character-pair field, not one per part: each field costs a
# posting per distinct term and a matcher per query term, and Whoosh is pure Python.
# Title and tags weigh more by repetition; the part that matched is found from the
# stored text afterwards.
TITLE_REPEAT, TAGS_REPEAT = 3, 2
WORDS, GRAMS, SPELL = "words", "grams", "spell"
GRAM_BOOST = 0.3  # character pairs find more but mean less than words
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LATIN = re.compile(r"[A-Za-z]{3,}")


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        sig=ID(sortable=True),
        path=STORED(),
        unit=ID(stored=True),
        campaign=ID(stored=True),
        category=ID(stored=True),
        tag=KEYWORD(lowercase=True, commas=True),
        date=DATETIME(stored=True),
        publish=BOOLEAN(stored=True),
        actions=STORED(),
        **{
            # terms come analysed (see document), so Whoosh only splits on spaces
            WORDS: KEYWORD(scorable=True),
            GRAMS: KEYWORD(scorable=True, field_boost=GRAM_BOOST),
            SPELL: KEYWORD(lowercase=True),
        },  # English words unstemmed, for "did you mean"  # English words unstemmed, for "did you mean"
        **{name: STORED() for name in STORED_TEXT},
    )


def signature(path: Path) -> str:
    st = path.stat()
    return f"{st.st_mtime_ns}-{st.st_size}"


def stored_texts(entry: Entry) -> dict[str, str]:
    """The text an entry is searched by: title, tags and parts, comments left out. The
    meaning index cuts its passages from it, and so does the site's search data, so a
    passage's number means the same in both."""
    return {
        "title": entry.title,
        "tags": " ".join(entry.tags),
        **{
            part: _COMMENT.sub("", entry.parts.get(part, "")).strip()
            for part in ("summary", "reflection", "improvement")
        },
    }


def document(entry: Entry, sig: str) -> dict:
    texts = stored_texts(entry)
    # the improvement items are found by their words and owners too (李强 finds the
    # entries with an item of his), though only the parts are stored and embedded
    items = [item_text(a.action, a.owner) for a in entry.actions]
    parts = "\n".join([*(texts[p] for p in ("summary", "reflection", "improvement")), *items])
    everything = "\n".join([texts["title"], texts["tags"], parts])
    title, tags, body = tokens(texts["title"]), tokens(texts["tags"]), tokens(parts)
    weighted = title * TITLE_REPEAT + tags * TAGS_REPEAT + body
    # pairs that are words of the entry are found through the word field already
    grams = sorted(set(pairs(everything)) - set(weighted))
    return {
        "id": entry.id,
        "sig": sig,
        "path": entry.path,
        "unit": entry.unit,
        "campaign": entry.campaign,
        "category": entry.category,
        "tag": ",".join(entry.tags),
        "date": dt.datetime.combine(entry.date, dt.time()),
        "publish": entry.publish,
        "actions": [
            {
                "action": a.action,
                "owner": a.owner,
                "status": a.status,
                "due": a.due.isoformat() if a.due else None,
            }
            for a in entry.actions
        ],
        WORDS: " ".join(weighted),
        GRAMS: " ".join(grams),
        SPELL: " ".join(sorted({w.lower() for w in _LATIN.findall(everything)})),
        **texts,
    }


@dataclass
class Refresh:
    """What a refresh did, for the message the CLI prints."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: str = ""  # why the index was rebuilt, if it was
    failed: dict[str, str] = field(default_factory=dict)  # path -> signature of unusable files
    stale: str = ""  # why the index could not be brought up to date (it answers as it was)

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed


class SearchIndex:
    """Opens, refreshes and rebuilds one knowledge base's index."""

    def __init__(self, kb: KnowledgeBase, lock_timeout: float = 30.0):
        if kb.state_dir.is_symlink():  # a committed link would aim our writes elsewhere
            raise FupanError(
                f"{kb.state_dir} is a link to {os.readlink(kb.state_dir)}; fupan keeps its "
                f"index there and writes only into a real folder: remove the link "
                f"(rm {kb.state_dir}) and the next search makes a fresh index"
            )
        self.kb = kb
        self.dir = kb.state_dir / "index"
        self.meta_path = kb.state_dir / "index.json"
        self.lock_timeout = lock_timeout
        self._ix = None
        self._meta_read: dict | None = None

    # -- reading --------------------------------------------------------------

    def _meta(self) -> dict:
        """index.json as of the start of this refresh (read once, written by _save_meta)."""
        if self._meta_read is None:
            try:
                self._meta_read = json.loads(self.meta_path.read_text("utf-8"))
            except (OSError, ValueError):
                self._meta_read = {}
        return self._meta_read

    def _expected_meta(self) -> dict:
        units = self.kb.reviews / "units.yml"
        return {"schema": SCHEMA_VERSION, "units": signature(units) if units.exists() else ""}

    def _files(self) -> dict[str, tuple[Path, str]]:
        """Entry id -> (path, signature) of every entry file now on disk."""
        base = len(str(self.kb.reviews)) + 1  # ids by string slicing: thousands per search
        return {
            p[base:-3].replace(os.sep, "/"): (p, f"{st.st_mtime_ns}-{st.st_size}")
            for p, st in self.kb.scan()
        }

    def open(self):
        """The index as last committed; raises if it is missing or unreadable.

        Opened once: each reader or writer taken from it sees the latest commit."""
        if self._ix is None:
            self._ix = whoosh_index.open_dir(str(self.dir))
        return self._ix

    def _why_rebuild(self) -> str:
        """Why the index cannot be updated in place, or "" when it can."""
        if not self.dir.exists():
            return "no index yet"
        meta = self._meta()
        expected = self._expected_meta()
        if meta.get("schema") != expected["schema"]:
            return "index format changed"
        if meta.get("units") != expected["units"]:
            return "units.yml changed"
        try:
            self.open()
        except Exception as e:  # whatever Whoosh cannot read is rebuilt from the files
            return f"index was damaged or incomplete ({type(e).__name__})"
        return ""

    def _indexed(self) -> dict[str, str]:
        """Indexed id -> signature: from index.json when it was written for the index's
        latest commit (a few ms), else from the index's columns (0.1–0.3 s at 10,000)."""
        meta, ix = self._meta(), self.open()
        commit = self._commit(ix)  # before the reader: never newer than what it reads
        if "indexed" in meta and meta.get("commit") == commit:
            return meta["indexed"]
        with ix.reader() as reader:
            ids, sigs = reader.column_reader("id"), reader.column_reader("sig")
            indexed = {ids[n]: sigs[n] for n in reader.all_doc_ids()}
        # an index written before index.json kept signatures: keep them from now on,
        # if this process may write there (a search needs no write access)
        with contextlib.suppress(OSError):
            self._save_meta(meta.get("failed", {}), indexed, commit)
        return indexed

    def signatures(self) -> dict[str, str]:
        """Indexed entry id -> file signature, as of the latest commit."""
        return self._indexed()

    def commit_name(self) -> str:
        """Names the latest commit: what a store derived from this index was built from."""
        return self._commit(self.open())

    def _commit(self, ix) -> str:
        """Names the index's latest commit: generations restart in a rebuilt index, so
        the folder's inode (a rebuild swaps in a new folder) is part of the name."""
        return f"{os.stat(self.dir).st_ino}-{ix.latest_generation()}"

    def _plan(self) -> tuple[dict, dict[str, str], list[str]]:
        """(entries to index, indexed id -> signature, ids to remove)."""
        files = self._files()
        indexed = self._indexed()
        failed = self._meta().get("failed", {})
        todo = {i: v for i, v in files.items() if indexed.get(i) != v[1] and failed.get(i) != v[1]}
        gone = [i for i in indexed if i not in files]
        gone += [i for i in failed if i not in files]  # forget unusable files that were removed
        return todo, indexed, gone

    # -- writing --------------------------------------------------------------

    def _lock(self, timeout: float | None = None) -> contextlib.AbstractContextManager[bool]:
        """Hold the write lock; yields whether another process held it first."""
        wait = self.lock_timeout if timeout is None else timeout
        return file_lock(self.kb.state_dir / "lock", wait, "search.what.index")

    def refresh(
        self, rebuild: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> Refresh:
        """Bring the index in step with the files; only changed entries are read.

        When the index cannot be written (a read-only or full disk, another user's
        folder), the index as last written answers and ``stale`` says why."""
        self._meta_read = None
        why = "asked to rebuild" if rebuild else self._why_rebuild()
        plan = None
        if not why:
            plan = self._plan()
            if not plan[0] and not plan[2]:
                self._clean_leftovers_if_free()
                return Refresh(failed=self._meta().get("failed", {}))
        try:
            with self._lock() as waited:
                self._clean_leftovers()
                if waited:  # another process wrote meanwhile: look again
                    self._meta_read = None
                    why = "asked to rebuild" if rebuild else self._why_rebuild()
                    plan = None if why else self._plan()
                if why:
                    return self._rebuild(why, progress)
                return self._update(*plan, progress)
        except OSError as e:
            return self._stale(e)

    def _stale(self, e: OSError) -> Refresh:
        """The index as it is, when it cannot be written; an error when there is none."""
        reason = f"{e.strerror or e} ({e.filename or self.kb.state_dir})"
        self._ix = None
        self._meta_read = None
        try:
            self.open()
        except Exception:  # no usable index to answer from
            raise FupanError.of(
                "search.err.unwritable", folder=self.kb.state_dir, reason=reason
            ) from None
        log.info("search index not brought up to date: %s", reason)  # the CLI says it
        return Refresh(failed=self._meta().get("failed", {}), stale=reason)

    def _clean_leftovers(self) -> None:
        for old in self.kb.state_dir.glob("index.*-tmp"):
            shutil.rmtree(old, ignore_errors=True)

    def _clean_leftovers_if_free(self) -> None:
        """Remove what a killed rebuild left, when no other process is writing."""
        if any(self.kb.state_dir.glob("index.*-tmp")):
            with contextlib.suppress(OSError, IndexBusy), self._lock(timeout=0):
                self._clean_leftovers()

    def _write(self, ix, todo: dict, gone: list[str], progress, fresh: bool) -> dict[str, str]:
        """Index ``todo`` and drop ``gone``; returns the unusable files (id -> signature)."""
        big = len(todo) > 500
        # segments as plain files, not one compound file: Whoosh copies a compound file's
        # parts into memory each time a searcher opens it (~50 ms a search at 10,000)
        if big:
            writer = ix.writer(procs=2, multisegment=True, limitmb=256, compound=False)
        else:
            writer = ix.writer(compound=False)
        failed = {} if fresh else dict(self._meta().get("failed", {}))
        try:
            for eid in gone:
                writer.delete_by_term("id", eid)
                failed.pop(eid, None)
            for n, (eid, (path, sig)) in enumerate(sorted(todo.items()), 1):
                entry, _ = self.kb.load(Path(path))
                failed.pop(eid, None)
                if entry is None:  # counted and named by the caller, never dropped silently
                    failed[eid] = sig
                    if not fresh:
                        writer.delete_by_term("id", eid)
                elif fresh:
                    writer.add_document(**document(entry, sig))
                else:
                    writer.update_document(**document(entry, sig))
                if progress:
                    progress(n, len(todo))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        return failed

    def _save_meta(self, failed: dict[str, str], indexed: dict[str, str], commit: str) -> None:
        """Written after each commit; ``commit`` says which one ``indexed`` describes."""
        meta = {**self._expected_meta(), "failed": failed, "commit": commit, "indexed": indexed}
        fd, tmp = tempfile.mkstemp(".tmp", "index.json.", self.kb.state_dir)  # one per process
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would lock out the office
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(meta, f, ensure_ascii=False)
            os.replace(tmp, self.meta_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._meta_read = meta

    def failed_paths(self) -> list[str]:
        """Entry files that could not be indexed, as of the last refresh by any process."""
        self._meta_read = None
        return sorted(self._path_of(i) for i in self._meta().get("failed", {}))

    def _path_of(self, eid: str) -> str:
        return self.kb.rel(self.kb.reviews / f"{eid}.md")

    def _update(self, todo, indexed, gone, progress) -> Refresh:
        report = Refresh(removed=sum(i in indexed for i in gone))
        report.added = sum(i not in indexed for i in todo)
        report.updated = len(todo) - report.added
        report.failed = self._write(self.open(), todo, gone, progress, fresh=False)
        now = {i: sig for i, sig in indexed.items() if i not in gone}
        now |= {i: sig for i, (_, sig) in todo.items()}
        for i in report.failed:
            now.pop(i, None)
        self._save_meta(report.failed, now, self._commit(self.open()))
        return report

    def _rebuild(self, why: str, progress) -> Refresh:
        log.info("rebuilding the search index: %s", why)
        tmp = self.kb.state_dir / f"index.{os.getpid()}-tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        todo = self._files()
        try:
            ix = whoosh_index.create_in(str(tmp), make_schema())
            try:
                failed = self._write(ix, todo, [], progress, fresh=True)
            finally:
                ix.close()
        except BaseException:  # a full disk, say: the live index is untouched
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        # no index.json from the old index may describe the new one, even after a crash
        self.meta_path.unlink(missing_ok=True)
        old = self.kb.state_dir / f"index.old{os.getpid()}-tmp"
        if self.dir.exists():
            os.replace(self.dir, old)
        os.replace(tmp, self.dir)
        self._ix = None  # the folder was swapped: open the new one next time
        shutil.rmtree(old, ignore_errors=True)
        indexed = {i: sig for i, (_, sig) in todo.items() if i not in failed}
        self._save_meta(failed, indexed, self._commit(self.open()))
        return Refresh(added=len(todo) - len(failed), rebuilt=why, failed=failed)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

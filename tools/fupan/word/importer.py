"""One Word file into one entry of a knowledge base: read, place, check, write.

What the document leaves out (unit, campaign, date, ...) can be given by the caller;
a file without unit, campaign or date is refused before anything is written, since
its place in reviews/ depends on them.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..entries.contract import entry_id, loads
from ..entries.dates import parse_date
from ..entries.slug import slug as make_slug
from ..errors import FupanError
from ..kb import KnowledgeBase
from ..lang import Message
from ..model import PARTS, Problem
from ..scaffold import new_entry_path
from . import legacy, pandoc, reader, template, writer
from .errors import WordError

SUFFIXES = (".docx", *legacy.SUFFIXES)
REQUIRED = ("unit", "campaign", "date")


@dataclass
class Imported:
    source: Path
    path: Path  # the entry to write
    text: str
    images: dict[str, bytes]
    media: Path  # the folder beside the entry its images go to
    problems: list[Problem] = field(default_factory=list)
    missing_parts: list[str] = field(default_factory=list)


def read_document(path: Path) -> pandoc.Document:
    """A .docx through pandoc; .doc and .wps through LibreOffice first."""
    suffix = path.suffix.lower()
    if suffix in legacy.SUFFIXES:
        return legacy.as_docx(path, pandoc.read_docx)
    if suffix != ".docx":
        raise WordError("import.not_word", path=path)
    return pandoc.read_docx(path)


def plan_text(source: Path | bytes, suffix: str = ".docx") -> str:
    """A Word plan's text, for finding related lessons: from a file (.docx, .doc, .wps),
    or from a file's bytes (read from standard input, say) with its ``suffix``."""
    if isinstance(source, bytes):
        with tempfile.TemporaryDirectory(prefix="fupan-plan-") as tmp:
            path = Path(tmp, "plan" + suffix)
            path.write_bytes(source)
            return plan_text(path)
    path = Path(source)
    if path.suffix.lower() in legacy.SUFFIXES:
        return legacy.as_docx(path, pandoc.to_plain)
    return pandoc.to_plain(path)


def word_files(paths: list[Path]) -> list[Path]:
    """The files named, and the Word files in the folders named (Word's ~$ lock files left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
            )
        else:
            found.append(path)
    return found


def prepare(
    source: Path, kb: KnowledgeBase, given: dict | None = None, slug: str | None = None
) -> Imported:
    """The entry ``source`` becomes, checked, with nothing written yet.

    ``given`` holds front matter values from the caller; they win over the document's.
    """
    doc = read_document(source)
    draft = reader.read(doc, template.prompts())
    meta = draft.meta
    for key, value in (given or {}).items():
        if value not in (None, ""):
            meta[key] = parse_date(value) if key == "date" and isinstance(value, str) else value
    missing = [key for key in REQUIRED if meta.get(key) in (None, "")]
    if len(missing) == 1:
        raise WordError(f"import.missing_{missing[0]}", path=source)
    if missing:  # all of them in one message, not one per run
        raise WordError(
            "import.missing_many",
            path=source,
            fields=tuple(Message(f"import.field.{k}") for k in missing),
            examples=tuple(Message(f"import.example.{k}") for k in missing),
            options=tuple(f"--{k}" for k in missing),
        )
    if isinstance(meta["date"], str):
        raise WordError("import.bad_date", path=source, value=meta["date"])
    unit = kb.units.resolve(str(meta["unit"]))
    if unit is None:
        raise WordError("import.unit", path=source, detail=kb.units.not_registered(meta["unit"]))
    meta.setdefault("title", f"{meta['campaign']}复盘（{unit}）")
    name = slug or f"{meta['campaign']}-{unit}"
    try:
        path = new_entry_path(kb.reviews, meta["date"], name)
    except FupanError:  # the only reason: the file is there
        there = kb.reviews / str(meta["date"].year) / f"{make_slug(name)}.md"
        raise WordError("import.exists", path=kb.rel(there)) from None
    media = path.with_name(path.stem + ".files")
    body, images = writer.body(draft, doc, media.name)
    text = writer.entry_text(draft, body)
    rel = path.relative_to(kb.root).as_posix()
    _, problems = loads(text, entry_id(path, kb.reviews), rel, kb.units)
    return Imported(
        source,
        path,
        text,
        images,
        media,
        problems,
        [p for p in PARTS if p not in draft.parts],
    )


def write(imported: Imported) -> None:
    """Write the entry and its images; never over an existing file or folder."""
    if imported.images and imported.media.exists():
        raise WordError("import.exists", path=imported.media)
    imported.path.parent.mkdir(parents=True, exist_ok=True)
    with imported.path.open("x", encoding="utf-8", newline="\n") as f:
        f.write(imported.text)
    if imported.images:
        imported.media.mkdir()
        for name, data in imported.images.items():
            (imported.media / name).write_bytes(data)

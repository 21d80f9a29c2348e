"""pandoc, bundled by pypandoc-binary: .docx in as pandoc's document tree, Markdown out.

pandoc was chosen by measurement (bench/word_bench.py): it keeps heading styles, both
list kinds, table header rows, merged cells and images as files, where mammoth lost
header rows and inlined images. fupan reads the tree, not pandoc's Markdown, because
it must find the three parts, the tables and the header block itself.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import WordError

# Markdown that Python-Markdown (the site's renderer) reads the same way: pipe tables,
# four-space list nesting, and no raw HTML (the site escapes it)
MARKDOWN = "markdown_strict+pipe_tables+four_space_rule-raw_html"


@dataclass
class Document:
    """A Word file as pandoc reads it, with its images held in memory."""

    api: list  # pandoc-api-version, needed to hand blocks back to pandoc
    meta: dict
    blocks: list
    images: dict[str, bytes] = field(default_factory=dict)  # path in the tree -> bytes


def _pypandoc():
    try:
        import pypandoc

        pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        raise WordError("import.no_pandoc") from None
    return pypandoc


def read_docx(path: Path) -> Document:
    """The tree and images of a .docx; a damaged or non-Word file is a WordError."""
    pypandoc = _pypandoc()
    with tempfile.TemporaryDirectory(prefix="fupan-media-") as media:
        try:
            out = pypandoc.convert_file(
                str(path), "json", format="docx", extra_args=[f"--extract-media={media}"]
            )
        except RuntimeError as e:
            raise WordError("import.unreadable", path=path, reason=_first_line(e)) from None
        tree = json.loads(out)
        images = {}
        for file in Path(media).rglob("*"):
            if file.is_file():
                images[str(file)] = file.read_bytes()
    return Document(tree["pandoc-api-version"], tree.get("meta", {}), tree["blocks"], images)


def to_markdown(api: list, blocks: list) -> str:
    """Blocks of a tree as Markdown for an entry's body."""
    if not blocks:
        return ""
    doc = json.dumps({"pandoc-api-version": api, "meta": {}, "blocks": blocks})
    return _pypandoc().convert_text(doc, MARKDOWN, format="json", extra_args=["--wrap=none"])


def to_plain(path: Path) -> str:
    """A .docx as plain text, for `fupan related`."""
    try:
        return _pypandoc().convert_file(
            str(path), "plain", format="docx", extra_args=["--wrap=none"]
        )
    except RuntimeError as e:
        raise WordError("import.unreadable", path=path, reason=_first_line(e)) from None


def _first_line(e: Exception) -> str:
    lines = [line for line in str(e).splitlines() if line.strip()]
    return lines[-1].strip() if lines else type(e).__name__

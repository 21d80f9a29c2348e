"""Cut an entry into the short passages that search by meaning embeds.

An encoder reads ~9 passages of ~120 characters a second per core, so what is embedded
is chosen: the title with the tags, and the reflection and improvement parts (where
problems and remedies are written), each paragraph under its own heading so a passage
says what it is about. Long paragraphs are cut at sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 160
MIN_CHARS = 8
PARTS = ("reflection", "improvement", "summary")  # embedded parts, most telling first
_HEADING = re.compile(r"^#{1,6}\s*(.+?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)、]|[（(]?[一二三四五六七八九十]+[）)、.])\s*")
_MARKUP = re.compile(r"[*_`>|]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")


@dataclass(frozen=True)
class Passage:
    part: str  # "title" or a part name
    text: str


def _plain(line: str) -> str:
    line = _LIST.sub("", line)
    line = _MARKUP.sub(lambda m: m.group(1) or "", line)
    return line.strip()


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(heading, paragraph) for each paragraph or list item, in order."""
    heading, out, current = "", [], []

    def flush() -> None:
        if current:
            out.append((heading, "".join(current)))
            current.clear()

    for raw in markdown.splitlines():
        m = _HEADING.match(raw)
        if m:
            flush()
            heading = _plain(m.group(1))
            continue
        if not raw.strip() or _LIST.match(raw):
            flush()
        text = _plain(raw)
        if text:
            current.append(text)
    flush()
    return out


def _cut(text: str, limit: int) -> list[str]:
    """Sentences packed into pieces of at most ``limit`` characters."""
    pieces, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:  # one overlong sentence: cut it hard
            if current:
                pieces.append(current)
                current = ""
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return [p.strip() for p in pieces if len(p.strip()) >= MIN_CHARS]


def passages(fields: dict, parts: tuple[str, ...] = PARTS) -> list[Passage]:
    """The passages of one entry, from its stored text (title, tags and parts)."""
    head = fields.get("title", "")
    if fields.get("tags"):
        head += "（" + "、".join(fields["tags"].split()) + "）"
    out = [Passage("title", head)] if head.strip() else []
    for part in parts:
        for heading, paragraph in _blocks(fields.get(part) or ""):
            room = MAX_CHARS - len(heading) - 1 if heading else MAX_CHARS
            for piece in _cut(paragraph, max(room, MAX_CHARS // 2)):
                out.append(Passage(part, f"{heading}：{piece}" if heading else piece))
    return out

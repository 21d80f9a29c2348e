"""Find the three parts of a review body by their level-2 headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PARTS

# Words that name each part; the earliest one in a heading decides, so that
# "三、改进（总结规律、改进措施）" is the improvement part, not the summary.
PART_WORDS: dict[str, tuple[str, ...]] = {
    "summary": ("总结", "回顾", "summary", "summarize"),
    "reflection": ("反思", "分析", "reflection", "reflect"),
    "improvement": ("改进", "提升", "improvement", "improve"),
}
_NUMBERING = re.compile(r"^\s*[（(]?\s*(?:[一二三四五六七八九十]+|\d+)\s*[)）]?\s*[、.．:：]?\s*")
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Heading:
    part: str | None
    text: str
    line: int  # 0-based line within the body


def part_of(heading: str) -> str | None:
    """Which part a level-2 heading names, or None."""
    text = _NUMBERING.sub("", heading).lower()
    best: tuple[int, str] | None = None
    for part, words in PART_WORDS.items():
        for word in words:
            pos = text.find(word)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, part)
    return best[1] if best else None


def headings(body: str) -> list[Heading]:
    """Level-2 headings outside code fences."""
    found: list[Heading] = []
    fenced = False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else _HEADING.match(line)
        if m:
            found.append(Heading(part_of(m.group(1)), m.group(1), i))
    return found


def split_parts(body: str, found: list[Heading]) -> dict[str, str]:
    """Text under each part's heading, up to the next part heading.

    A level-2 heading that names no part stays inside the part above it.
    """
    lines = body.split("\n")
    marks = [h for h in found if h.part]
    parts: dict[str, str] = {}
    for n, h in enumerate(marks):
        end = marks[n + 1].line if n + 1 < len(marks) else len(lines)
        text = "\n".join(lines[h.line + 1 : end]).strip()
        if h.part in parts:
            parts[h.part] += "\n\n" + text
        else:
            parts[h.part] = text
    return {p: parts[p] for p in PARTS if p in parts}

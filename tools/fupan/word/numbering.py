"""公文 numbering: 一、 at the first level, （一） at the second, 1. at the third, （1） at the fourth.

Offices number their headings by hand this way instead of using Word's heading
styles, so the level of a line is read from how it starts.
"""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
LEVELS = (
    (1, re.compile(rf"^\s*[{_CN}]+\s*[、.．]\s*")),
    (2, re.compile(rf"^\s*[（(]\s*[{_CN}]+\s*[)）]\s*[、.．]?\s*")),
    (3, re.compile(r"^\s*\d{1,2}\s*(?:[、．]|\.(?!\d))\s*")),
    (4, re.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]\s*")),
)
# a heading line is short and is not a sentence
HEADING_MAX = 40


def level(line: str) -> tuple[int, str] | None:
    """(level, text after the number) of a numbered line, or None."""
    for n, pattern in LEVELS:
        m = pattern.match(line)
        if m and line[m.end() :].strip():
            return n, line[m.end() :].strip()
    return None


def looks_like_heading(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= HEADING_MAX and "\n" not in line and not line.endswith(("。", "；", ";"))
    )

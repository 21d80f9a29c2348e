"""The order people expect: Chinese names by pinyin, never by code point.

Code point order puts 公司工会 after 信息技术中心工会 and scatters units of one
kind; readers look names up the way a dictionary lists them. pypinyin reads
polyphones from its phrase dictionary (长沙 is cháng, 重庆 chóng), numbers compare
as numbers (9月 before 10月), and Latin letters ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

Key = tuple[tuple[int, int, str], ...]

_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=16384)  # names repeat: every row of a table asks for its unit's key
def pinyin_key(text: str) -> Key:
    """A sort key that orders Chinese text by pinyin (with tone), digits as numbers."""
    from pypinyin import Style, lazy_pinyin  # loads its dictionary: only when sorting

    out: list[tuple[int, int, str]] = []
    for piece in lazy_pinyin(str(text), style=Style.TONE3):
        for part in _DIGITS.split(piece.lower()):
            if part.isdigit():
                out.append((0, int(part), part))
            elif part.strip():
                out.append((1, 0, part.strip()))
    return tuple(out)


def roster_key(roster: Sequence[str]) -> Callable[[str], tuple]:
    """Names in the order of ``roster`` (the unit registry), then the rest by pinyin."""
    place = {name: n for n, name in enumerate(roster)}
    last = len(place)

    def key(name: str) -> tuple:
        if name in place:  # registered: no pinyin needed, nor its dictionary loaded
            return (place[name],)
        return (last, pinyin_key(name))

    return key


def ordered(names: Iterable[str], key: Callable[[str], object] = pinyin_key) -> list[str]:
    """``names`` without repeats, in people's order."""
    return sorted(set(names), key=key)

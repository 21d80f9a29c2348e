"""Short excerpts of an entry's text around what a query matched."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(
    # a table's |---|---| row, a rule; spaces, never newlines (\s would backtrack
    # through every blank line of a long text)
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"
    r"|<!--.*?-->|^#+[ \t]*|[*_`>|]+|^[ \t]*[-+][ \t]+",
    re.S | re.M,
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](address) and images: the text
_SPACE = re.compile(r"\s+")
# control characters but whitespace: an escape sequence would drive the reader's terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def plain(markdown: str) -> str:
    """Markdown reduced to one line of readable text, without control characters."""
    text = _LINK.sub(r"\1", _CONTROL.sub("", markdown))
    return _SPACE.sub(" ", _MARKDOWN.sub("", text)).strip()


def _pattern(surfaces: list[str]) -> re.Pattern | None:
    alts = []
    for s in sorted({s.strip() for s in surfaces if s.strip()}, key=len, reverse=True):
        # an English stem (registr) highlights the whole word (Registration)
        alts.append(re.escape(s) + (r"\w*" if s.isascii() else ""))
    return re.compile("|".join(alts), re.I) if alts else None


def matches(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    pattern = _pattern(surfaces)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def score(text: str, surfaces: list[str]) -> int:
    """How well ``text`` matches: distinct matched strings first, then occurrences."""
    found = [text[a:b].lower() for a, b in matches(text, surfaces)]
    return len(set(found)) * 100 + len(found)


def snippet(text: str, surfaces: list[str], width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` holding the most distinct matches, and the match spans in it."""
    text = plain(text)
    spans = matches(text, surfaces)
    if not spans:
        return (text[:width] + ("…" if len(text) > width else "")), []
    best = _best_window(text, spans, width)
    end = min(len(text), best + width)
    prefix = "…" if best > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - best
    inside = [(x + shift, y + shift) for x, y in spans if best <= x and y <= end]
    return prefix + text[best:end] + suffix, inside


def _best_window(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """Start of the window (opening a little before a match) that holds the most
    distinct matched strings; one pass over the sorted spans with two pointers, so
    an entry with 20,000 matches costs 20,000 steps, not 400 million."""
    words = [text[x:y].lower() for x, y in spans]
    count: dict[str, int] = {}
    best, best_count, lo, hi = 0, -1, 0, 0
    for a, _ in spans:
        start = max(0, a - width // 4)
        while hi < len(spans) and spans[hi][1] <= start + width:  # spans are in order
            count[words[hi]] = count.get(words[hi], 0) + 1
            hi += 1
        while lo < hi and spans[lo][0] < start:
            count[words[lo]] -= 1
            if not count[words[lo]]:
                del count[words[lo]]
            lo += 1
        if len(count) > best_count:
            best, best_count = start, len(count)
    return best


def highlight(text: str, spans: list[tuple[int, int]], start: str, end: str) -> str:
    out, last = [], 0
    for a, b in spans:
        out += [text[last:a], start, text[a:b], end]
        last = b
    return "".join(out) + text[last:]

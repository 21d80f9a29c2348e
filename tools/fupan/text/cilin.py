"""A general Chinese thesaurus below the knowledge base's own: 同义词词林's strict groups.

Officers write the same thing in other words (夜班 / 值夜, 走过场 / 逢场作戏); a
knowledge base's ``synonyms.yml`` cannot list them all. These groups count below exact
words and below that file's groups. Attribution and licence: ``data/CILIN-LICENSE.txt``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "cilin.txt"  # not importlib.resources: 50 ms to import


SCAN_UP_TO = 64  # words looked up by scanning the text, before the table pays for itself


@cache
def _text() -> str:
    return DATA.read_text("utf-8")


@cache
def _groups() -> dict[str, list[list[str]]]:
    """Word -> the groups it is in (50 ms to make: worth it for the site's thousands of
    words, not for the few of one search)."""
    groups: dict[str, list[list[str]]] = {}
    for line in _text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        terms = line.split()[1:]  # the first field is the group's code
        for term in terms:
            groups.setdefault(term, []).append(terms)
    return groups


def _scanned(term: str) -> list[list[str]]:
    """The groups holding ``term``, found in the text itself."""
    text, found, at = _text(), [], 0
    while (at := text.find(" " + term, at)) >= 0:
        end = at + 1 + len(term)
        if end == len(text) or text[end] in " \n":
            start, stop = text.rfind("\n", 0, at) + 1, text.find("\n", at)
            line = text[start : stop if stop >= 0 else len(text)]
            if not line.startswith("#"):
                found.append(line.split()[1:])
        at = end
    return found


@cache
def general_synonyms(term: str) -> frozenset[str]:
    """Words of the same strict-synonym group as ``term`` (not ``term`` itself)."""
    asked = general_synonyms.cache_info().currsize
    groups = _scanned(term) if asked < SCAN_UP_TO else _groups().get(term, [])
    return frozenset(w for group in groups for w in group if w != term)

"""A general Chinese thesaurus below the knowledge base's own: 同义词词林's strict groups.

Officers write the same thing in other words (夜班 / 值夜, 走过场 / 逢场作戏); a
knowledge base's ``synonyms.yml`` cannot list them all. These groups count below exact
words and below that file's groups. Attribution and licence: ``data/CILIN-LICENSE.txt``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _groups() -> dict[str, frozenset[str]]:
    equiv: dict[str, set[str]] = {}
    text = resources.files("fupan.text").joinpath("data", "cilin.txt").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        terms = line.split()[1:]  # the first field is the group's code
        for term in terms:
            equiv.setdefault(term, set()).update(terms)
    return {term: frozenset(group - {term}) for term, group in equiv.items()}


def general_synonyms(term: str) -> frozenset[str]:
    """Words of the same strict-synonym group as ``term`` (not ``term`` itself)."""
    return _groups().get(term, frozenset())

"""Entries with similar problems: shared tags first, then shared problem phrases."""

from __future__ import annotations

from collections import defaultdict

from ..model import Entry
from .recurring import phrases

RAREST = 12


def similar(entries: list[Entry], limit: int = 5) -> dict[str, list[Entry]]:
    """For each entry, the others most alike in problems (same campaign excluded:
    those are listed as the side-by-side comparison already)."""
    marks = {
        e.id: {f"#{t}" for t in e.tags} | phrases(e.parts.get("reflection", "")) for e in entries
    }
    having: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for m in marks[e.id]:
            having[m].append(e)
    cap = max(10, min(100, len(entries) // 20))  # a mark many entries have tells little
    out: dict[str, list[Entry]] = {}
    for e in entries:
        # the rarest shared marks say most, and bound the work on large knowledge bases
        rare = sorted(
            (m for m in marks[e.id] if 2 <= len(having[m]) <= cap), key=lambda m: len(having[m])
        )[:RAREST]
        score: dict[str, float] = defaultdict(float)
        by_id: dict[str, Entry] = {}
        for m in rare:
            for other in having[m]:
                if other.id != e.id and other.campaign != e.campaign:
                    score[other.id] += 2.0 if m.startswith("#") else 1.0
                    by_id[other.id] = other
        best = sorted(score, key=lambda i: (-score[i], -by_id[i].date.toordinal(), i))
        out[e.id] = [by_id[i] for i in best[:limit]]
    return out

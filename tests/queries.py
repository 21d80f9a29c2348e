"""The labelled query set over the sample knowledge base, and recall at 10."""

from __future__ import annotations

from pathlib import Path

import yaml
from fupan.kb import KnowledgeBase

QUERIES = Path(__file__).parent / "data" / "site_queries.yml"


def labelled(kb: KnowledgeBase, published_only: bool = True) -> list[tuple[str, set[str]]]:
    """(query, ids of the relevant entries) for every labelled query."""
    entries = [e for e in kb.load_all().entries if e.publish or not published_only]
    out = []
    for q in yaml.safe_load(QUERIES.read_text("utf-8")):
        relevant = set()
        for e in entries:
            text = " ".join([e.title, " ".join(e.tags), *e.parts.values()])
            if all(s in text for s in q.get("all", [])) and (
                not q.get("any") or any(s in text for s in q["any"])
            ):
                relevant.add(e.id)
        out.append((q["query"], relevant))
    return out


def recall_at_10(found: list[str], relevant: set[str]) -> float:
    """Share of the relevant entries in the top 10 (of at most 10 that could be)."""
    if not relevant:
        return 1.0
    return len(set(found[:10]) & relevant) / min(10, len(relevant))

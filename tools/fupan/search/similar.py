"""Entries like a given one by meaning: other units' or years' passages that say what
one of its passages says, for `fupan similar` and the entry pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..errors import FupanError
from ..model import Entry
from .index import SearchIndex
from .semantic import SemanticIndex


@dataclass
class Similar:
    """An entry of another unit or year like a given one, and the passages that are alike."""

    id: str
    title: str
    unit: str
    campaign: str
    date: str
    path: str
    score: float
    passage: str  # this entry's passage
    own: str  # the given entry's passage it is close to

    def as_dict(self) -> dict:
        return asdict(self)


def entry_id(text: str, reviews_dir: str = "reviews") -> str:
    """An entry id from what a user typed: the id itself, or the file's path."""
    eid = text.strip().replace("\\", "/")
    eid = eid.removeprefix("./").removeprefix(f"{reviews_dir}/")
    return eid.removesuffix(".md")


PROBLEM_PARTS = ("reflection",)  # where problems are written: titles would pair every
# safety month with every other
Work = tuple[str, int, str]  # unit, year, campaign


def alike(a: Work, b: Work) -> bool:
    """Whether ``b`` is worth showing as like ``a``: another unit or another year, and
    not the same campaign (the comparison of that campaign lists those)."""
    return (a[0] != b[0] or a[1] != b[1]) and a[2] != b[2]


def _work(fields: dict) -> Work:
    return fields["unit"], fields["date"].year, fields["campaign"]


def similar_by_meaning(
    index: SearchIndex,
    meaning: SemanticIndex,
    eid: str,
    limit: int = 5,
    published_only: bool = False,
) -> list[Similar]:
    """The entries whose passages say most nearly what one of ``eid``'s passages says."""
    eid = entry_id(eid, index.kb.reviews.name)
    store = meaning.store()
    with index.open().searcher() as searcher:
        me = searcher.document(id=eid)
        if me is None:
            # a file that is there but not searched has errors, or is not written yet
            there = (index.kb.reviews / f"{eid}.md").is_file()
            key = "search.similar.not_indexed" if there else "search.similar.no_entry"
            raise FupanError.of(key, eid=eid)
        if store is None:
            return []
        fields: dict[str, dict | None] = {}

        def keep(other: str) -> bool:
            if other not in fields:
                fields[other] = searcher.document(id=other)
            f = fields[other]
            return bool(f) and alike(_work(me), _work(f)) and (f["publish"] or not published_only)

        found = store.neighbours(eid, limit, keep, PROBLEM_PARTS)
        return [
            Similar(
                m.id,
                fields[m.id]["title"],
                fields[m.id]["unit"],
                fields[m.id]["campaign"],
                fields[m.id]["date"].date().isoformat(),
                fields[m.id]["path"],
                round(m.score, 4),
                m.passage,
                m.own,
            )
            for m in found
        ]


def similar_all(
    meaning: SemanticIndex, entries: list[Entry], limit: int = 5
) -> dict[str, list[tuple[str, str]]]:
    """For each of ``entries``, up to ``limit`` others of them alike in meaning, as
    (id, the other's passage that is close): for the entry pages of a site, which
    name only the entries given (the published ones)."""
    store = meaning.store()
    if store is None:
        return {}
    work = {e.id: (e.unit, e.year, e.campaign) for e in entries}
    out = {}
    for e in entries:
        mine = work[e.id]
        found = store.neighbours(
            e.id, limit, lambda o, w=mine: o in work and alike(w, work[o]), PROBLEM_PARTS
        )
        out[e.id] = [(m.id, m.passage) for m in found]
    return out

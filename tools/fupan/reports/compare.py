"""The horizontal comparison: every unit that reviewed one campaign, side by side."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import BadValue, FupanError
from ..model import Entry
from ..text.collate import pinyin_key
from .actions import Order, done_ratio


@dataclass
class UnitRow:
    unit: str
    id: str
    title: str
    rating: int | None
    metrics: dict[str, dict]  # name -> {target, actual, unit, completion}
    actions: int
    done_ratio: float | None
    tags: list[str]
    score: float | None = None  # what best and weakest are judged by
    mark: str = ""  # "best", "weakest" or ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Comparison:
    campaign: str
    units: list[UnitRow]
    metric_names: list[str] = field(default_factory=list)
    shared_tags: dict[str, list[str]] = field(default_factory=dict)  # tag -> units

    def as_dict(self) -> dict:
        return {
            "campaign": self.campaign,
            "units": [u.as_dict() for u in self.units],
            "metric_names": self.metric_names,
            "shared_tags": self.shared_tags,
        }


def find_campaign(entries: list[Entry], wanted: str) -> str:
    """The campaign named exactly, or the only one whose name contains ``wanted``."""
    names = {e.campaign for e in entries}
    if wanted in names:
        return wanted
    close = [n for n in names if wanted.lower() in n.lower()]
    if len(close) == 1:
        return close[0]
    close.sort(key=pinyin_key)  # for the message: no pinyin tables loaded otherwise
    if not close:
        known = ", ".join(sorted(names, key=pinyin_key)[:10])
        raise FupanError(
            f"no campaign matches '{wanted}'; campaigns: {known}",
            "cli.err.no_campaign",
            wanted=wanted,
            names=known,
        )
    raise BadValue(
        f"'{wanted}' matches several campaigns: {', '.join(close)}; be more specific",
        "cli.err.campaigns",
        wanted=wanted,
        names=", ".join(close),
    )


def _score(row: UnitRow) -> float | None:
    """Mean metric completion (capped at 150%, so one overshoot cannot hide the rest);
    the self-rating (a fifth a point) when there are no metrics."""
    done = [min(m["completion"], 1.5) for m in row.metrics.values() if m["completion"] is not None]
    if done:
        return sum(done) / len(done)
    return row.rating / 5 if row.rating else None


def compare(entries: list[Entry], campaign: str, order: Order = pinyin_key) -> Comparison:
    """Each unit's latest review of ``campaign``, units in ``order``."""
    name = find_campaign(entries, campaign)
    latest: dict[str, Entry] = {}
    for e in sorted((e for e in entries if e.campaign == name), key=lambda e: e.date):
        latest[e.unit] = e  # a unit's latest review of the campaign speaks for it
    rows = []
    for unit, e in sorted(latest.items(), key=lambda ue: order(ue[0])):
        metrics = {
            m.name: {
                "target": m.target,
                "actual": m.actual,
                "unit": m.unit,
                "better": m.better,  # completion already counts which way is good
                "completion": None if m.completion is None else round(m.completion, 3),
            }
            for m in e.metrics
        }
        rows.append(
            UnitRow(
                unit,
                e.id,
                e.title,
                e.rating,
                metrics,
                len(e.actions),
                done_ratio(e.actions),
                list(e.tags),
            )
        )
    for r in rows:
        r.score = _score(r)
    scored = [r for r in rows if r.score is not None]
    if len(scored) >= 2:
        best = max(scored, key=lambda r: r.score)
        worst = min(scored, key=lambda r: r.score)
        if best.score != worst.score:
            best.mark, worst.mark = "best", "weakest"
    metric_names = list(dict.fromkeys(n for r in rows for n in r.metrics))
    tag_units: dict[str, list[str]] = {}
    for r in rows:
        for t in r.tags:
            tag_units.setdefault(t, []).append(r.unit)
    shared = {t: u for t, u in sorted(tag_units.items(), key=lambda kv: -len(kv[1])) if len(u) > 1}
    return Comparison(name, rows, metric_names, shared)

"""Generate a synthetic fupan knowledge base of any size, for benchmarks.

Usage::

    python bench/synth.py OUT_DIR --entries 10000 [--seed 0]

or, from another benchmark::

    from synth import generate          # with bench/ on sys.path
    generate(Path("bench/out/kb-10000"), 10_000, seed=0)

Why it works this way:

* Search cost depends on the vocabulary (how many distinct words and character pairs,
  how long the posting lists are), so lorem-ipsum or random characters would measure
  the wrong thing. The text is built from sentences harvested from the real sample
  entries in ``reviews/`` (split on 。；！？), recombined per category, with the numbers
  in them redrawn, so word frequencies look like a real knowledge base that grew.
* Every entry is valid per the entry contract (``fupan check`` reports nothing), so
  a benchmark measures indexing and searching, not error handling.
* The same ``seed`` gives byte-identical files, so timings on two machines or two
  commits are comparable. A single ``random.Random`` drives everything.
* Speed matters (10,000 entries in a few seconds): sentences are pre-split into
  literal text and number slots once, the front matter is written as text rather
  than through a YAML dumper, and no fupan code runs while generating.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

GENERATOR_VERSION = 2  # bump whenever the generated files change
MARKER = ".synth.json"  # at the KB root: what made this folder, so it can be reused or replaced
SAMPLES = Path(__file__).resolve().parent.parent / "reviews"

# Characters per part (±20 %); together about 1,500 Chinese characters per entry.
PART_CHARS = {"summary": 450, "reflection": 600, "improvement": 450}
PUBLISH_FALSE = 0.02
FIRST_YEAR, LAST_YEAR = 2016, 2026

# (name, group, aliases, slug): 20 units, so filters and comparisons have real choices.
UNITS: list[tuple[str, str, list[str], str]] = [
    ("公司工会", "公司本部", ["公司总工会"], "company"),
    ("机关工会", "公司本部", ["机关分工会"], "office"),
    ("第一分公司工会", "分公司", ["一分公司工会", "一分工会"], "branch1"),
    ("第二分公司工会", "分公司", ["二分公司工会", "二分工会"], "branch2"),
    ("第三分公司工会", "分公司", ["三分公司工会", "三分工会"], "branch3"),
    ("第四分公司工会", "分公司", ["四分公司工会", "四分工会"], "branch4"),
    ("第五分公司工会", "分公司", ["五分公司工会"], "branch5"),
    ("检修车间工会", "车间", ["检修分工会"], "maintenance"),
    ("运行车间工会", "车间", ["运行分工会"], "operation"),
    ("化验车间工会", "车间", ["化验分工会"], "lab"),
    ("输煤车间工会", "车间", ["输煤分工会"], "coal"),
    ("燃料车间工会", "车间", ["燃料分工会"], "fuel"),
    ("调度中心工会", "中心", ["调度分工会"], "dispatch"),
    ("物资供应中心工会", "中心", ["物资中心工会"], "supply"),
    ("信息技术中心工会", "中心", ["信息中心工会", "IT中心工会"], "it"),
    ("培训中心工会", "中心", ["培训分工会"], "training"),
    ("后勤服务中心工会", "中心", ["后勤中心工会"], "logistics"),
    ("财务共享中心工会", "中心", ["财务中心工会"], "finance"),
    ("安全监察部工会", "职能部门", ["安监部工会"], "safety"),
    ("新能源项目部工会", "项目部", ["新能源分工会"], "newenergy"),
]

# Campaigns that no sample covers, each written with its category's sentences.
EXTRA_CAMPAIGNS: list[tuple[str, str, str]] = [
    ("职工篮球联赛", "文体活动", "basketball-league"),
    ("迎新春文艺汇演", "文体活动", "new-year-gala"),
    ("职工健步走", "文体活动", "walking"),
    ("冬季安全大检查", "安全生产", "winter-safety-check"),
    ("反违章专项行动", "安全生产", "anti-violation"),
    ("夏送清凉", "困难帮扶", "summer-cooling"),
    ("大病救助", "困难帮扶", "illness-relief"),
    ("合理化建议征集", "劳动竞赛", "suggestions"),
    ("节能降耗劳动竞赛", "劳动竞赛", "energy-saving-contest"),
    ("班组长培训", "职工培训", "team-leader-training"),
    ("职工代表巡视", "民主管理", "rep-inspection"),
    ("三八节系列活动", "女职工工作", "womens-day"),
]

STATUS_WEIGHTS = {"open": 30, "doing": 25, "done": 35, "dropped": 10}
RATING_WEIGHTS = {1: 5, 2: 15, 3: 35, 4: 35, 5: 10}
MIN_UNITS, MAX_UNITS = 3, 8  # units that write a review of one campaign
SAME_CATEGORY = 0.7  # share of sentences taken from samples of the entry's own category

_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")
_LIST_MARK = re.compile(r"^\s*(?:\d+[.、]\s*|[-*+]\s+)")
_YEAR_PREFIX = re.compile(r"^\d{4}年")
_SAFE_PLAIN = re.compile(r"[\w\u3400-\u9fff（）·、—-]+")
_QUARTERS = "一二三四"
_CJK = re.compile(r"[\u3400-\u9fff]")


# -- harvesting the samples ----------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A harvested sentence as literal text around number slots, to refill quickly.

    A slot is ``("year", offset)`` (relative to the sample's year, so "去年" stays
    true), ``("month", 0)``, ``("day", 0)``, ``("dec", digits)`` or ``("int", digits)``.
    """

    literals: tuple[str, ...]
    slots: tuple[tuple[str, int], ...]


@dataclass
class Sample:
    """What one real entry contributes to the pools."""

    campaign: str  # without the leading year
    category: str
    slug: str
    year: int
    tags: list[str]
    metrics: list[tuple[str, float, str]]  # name, target, unit
    actions: list[str]
    people: list[str]
    headings: dict[str, str]  # part -> level-2 heading text
    subheadings: list[str]
    sentences: dict[str, list[Sentence]]  # part -> sentences


@dataclass
class Pools:
    """The harvest, grouped so that one category's entries read like that category."""

    campaigns: list[tuple[str, str, str]] = field(default_factory=list)  # base, category, slug
    sentences: dict[tuple[str, str], list[Sentence]] = field(default_factory=dict)
    all_sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    all_tags: list[str] = field(default_factory=list)
    metrics: dict[str, list[tuple[str, float, str]]] = field(default_factory=dict)
    actions: dict[str, list[str]] = field(default_factory=dict)
    people: list[str] = field(default_factory=list)
    headings: dict[str, list[str]] = field(default_factory=dict)
    subheadings: list[str] = field(default_factory=list)


def _template(sentence: str, year: int) -> Sentence:
    pieces = _NUMBER.split(sentence)
    literals, slots = pieces[0::2], []
    for i, number in enumerate(pieces[1::2]):
        after = literals[i + 1][:1]
        if "." in number:
            slots.append(("dec", len(number.split(".")[0])))
        elif len(number) == 4 and number.startswith(("19", "20")):
            slots.append(("year", int(number) - year))
        elif after == "月" and int(number) <= 12:
            slots.append(("month", 0))
        elif after in "日号" and after and int(number) <= 31:
            slots.append(("day", 0))
        else:
            slots.append(("int", len(number)))
    return Sentence(tuple(literals), tuple(slots))


def _sentences(paragraph: str) -> Iterable[str]:
    """Split on 。；！？ but never inside “quotes”, so quotes stay balanced."""
    held = ""
    for piece in _SENTENCE_END.split(paragraph):
        held += piece
        if held and held.count("“") <= held.count("”"):
            yield held.strip()
            held = ""
    if held.strip():
        yield held.strip()


def _part_of(heading: str) -> str | None:
    """Which part a level-2 heading names: the earliest part word in it decides."""
    words = {
        "summary": ("总结", "回顾"),
        "reflection": ("反思", "分析"),
        "improvement": ("改进", "提升"),
    }
    found = [(heading.find(w), p) for p, ws in words.items() for w in ws if w in heading]
    return min(found)[1] if found else None


def _parse_sample(path: Path) -> Sample | None:
    text = path.read_text("utf-8-sig").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    head, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(head) or {}
    date = meta.get("date")
    year = date.year if isinstance(date, dt.date) else LAST_YEAR
    unit_slugs = {u[3] for u in UNITS}
    stem = path.stem
    prefix, _, last = stem.rpartition("-")
    slug = prefix if prefix and last in unit_slugs else stem
    sample = Sample(
        campaign=_YEAR_PREFIX.sub("", str(meta.get("campaign", ""))).strip(),
        category=str(meta.get("category") or "综合"),
        slug=slug,
        year=year,
        tags=[str(t) for t in meta.get("tags") or []],
        metrics=[
            (str(m["name"]), float(m["target"]), str(m.get("unit") or ""))
            for m in meta.get("metrics") or []
            if isinstance(m, dict) and "name" in m and "target" in m
        ],
        actions=[str(a["action"]) for a in meta.get("actions") or [] if a.get("action")],
        people=[str(meta.get("author") or "")]
        + [str(a.get("owner") or "") for a in meta.get("actions") or []],
        headings={},
        subheadings=[],
        sentences=defaultdict(list),
    )
    part = None
    for line in body.split("\n"):
        line = line.strip()
        if line.startswith("## "):
            part = _part_of(line[3:])
            if part:
                sample.headings.setdefault(part, line[3:].strip())
            continue
        if line.startswith("### "):
            sample.subheadings.append(line[4:].strip())
            continue
        if not part or not line or line.startswith(("|", "#", ">", "<!--", "```")):
            continue
        line = _LIST_MARK.sub("", line).replace("**", "")
        for sentence in _sentences(line):
            sentence = _LIST_MARK.sub("", sentence)
            if len(sentence) >= 6:
                sample.sentences[part].append(_template(sentence, year))
    return sample


def harvest(samples: Path = SAMPLES) -> Pools:
    """Read every sample entry once and group what it offers by category."""
    pools = Pools()
    sentences: dict[tuple[str, str], list[Sentence]] = defaultdict(list)
    all_sentences: dict[str, list[Sentence]] = defaultdict(list)
    tags: dict[str, list[str]] = defaultdict(list)
    metrics: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    actions: dict[str, list[str]] = defaultdict(list)
    headings: dict[str, list[str]] = defaultdict(list)
    seen_campaigns: set[str] = set()
    for path in sorted(samples.rglob("*.md")):
        if path.name.startswith(("_", ".")):
            continue
        sample = _parse_sample(path)
        if sample is None or not sample.campaign:
            continue
        if sample.campaign not in seen_campaigns:
            seen_campaigns.add(sample.campaign)
            pools.campaigns.append((sample.campaign, sample.category, sample.slug))
        for part, found in sample.sentences.items():
            sentences[(sample.category, part)] += found
            all_sentences[part] += found
        for tag in sample.tags:
            if tag not in tags[sample.category]:
                tags[sample.category].append(tag)
            if tag not in pools.all_tags:
                pools.all_tags.append(tag)
        known = {m[0] for m in metrics[sample.category]}
        metrics[sample.category] += [m for m in sample.metrics if m[0] not in known]
        actions[sample.category] += sample.actions
        pools.people += [p for p in sample.people if p and p not in pools.people]
        for part, heading in sample.headings.items():
            if heading not in headings[part]:
                headings[part].append(heading)
        pools.subheadings += [h for h in sample.subheadings if h not in pools.subheadings]
    if not all(all_sentences.get(p) for p in PART_CHARS):
        raise SystemExit(f"no usable sample entries under {samples}: need all three parts")
    categories = {c for _, c, _ in pools.campaigns}
    pools.campaigns += [c for c in EXTRA_CAMPAIGNS if c[1] in categories]
    pools.sentences, pools.all_sentences = dict(sentences), dict(all_sentences)
    pools.tags, pools.metrics, pools.actions = dict(tags), dict(metrics), dict(actions)
    pools.headings = dict(headings)
    return pools


# -- writing a knowledge base ----------------------------------------------------------


def _scalar(text: str) -> str:
    """Plain YAML when that is unambiguous, else a JSON string (valid YAML too)."""
    if _SAFE_PLAIN.fullmatch(text) and not text[0].isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    """Draws one entry after another from the pools with one seeded generator."""

    def __init__(self, pools: Pools, rng: random.Random):
        self.pools, self.rng = pools, rng
        self.statuses, self.status_w = zip(*STATUS_WEIGHTS.items(), strict=True)
        self.ratings, self.rating_w = zip(*RATING_WEIGHTS.items(), strict=True)

    def fill(self, s: Sentence, year: int) -> str:
        # random() with int() instead of randint(): this runs ~50 times per entry and
        # randint's argument checks were a third of the generation time.
        rand, out = self.rng.random, [s.literals[0]]
        for (kind, arg), literal in zip(s.slots, s.literals[1:], strict=True):
            if kind == "year":
                out.append(str(year + arg))
            elif kind == "month":
                out.append(str(1 + int(rand() * 12)))
            elif kind == "day":
                out.append(str(1 + int(rand() * 28)))
            else:
                low = 10 ** (arg - 1) if arg > 1 else (0 if kind == "dec" else 1)
                number = str(low + int(rand() * (10**arg - low)))
                out.append(f"{number}.{1 + int(rand() * 9)}" if kind == "dec" else number)
            out.append(literal)
        return "".join(out)

    def text(self, category: str, part: str, year: int, chars: int) -> list[str]:
        """Sentences of about ``chars`` characters, mostly from the same category."""
        rng = self.rng
        own = self.pools.sentences.get((category, part)) or self.pools.all_sentences[part]
        every = self.pools.all_sentences[part]
        out: list[str] = []
        used: set[int] = set()  # no sentence twice in one part, as a person would write
        total, goal = 0, int(chars * rng.uniform(0.8, 1.2))
        while total < goal:
            pool = own if rng.random() < SAME_CATEGORY else every
            template = pool[int(rng.random() * len(pool))]
            if id(template) in used and len(used) < len(every) // 2:
                continue
            used.add(id(template))
            sentence = self.fill(template, year)
            out.append(sentence)
            total += len(sentence)
        return out

    def paragraphs(self, sentences: list[str], most: int = 4) -> list[str]:
        out, i = [], 0
        while i < len(sentences):
            step = self.rng.randint(2, most)
            out.append("".join(sentences[i : i + step]))
            i += step
        return out

    def metrics(self, category: str) -> list[tuple[str, int, int, str]]:
        rng = self.rng
        pool = self.pools.metrics.get(category) or [
            m for ms in self.pools.metrics.values() for m in ms
        ]
        out = []
        for name, target, unit in rng.sample(pool, min(len(pool), rng.randint(2, 4))):
            if unit == "%":
                t = rng.randint(80, 100)
                a = min(100, int(t * rng.uniform(0.8, 1.1)))
            else:
                t = max(1, int(target * rng.uniform(0.6, 1.6)))
                a = max(0, int(t * rng.uniform(0.6, 1.25)))
            out.append((name, t, a, unit))
        return out

    def entry(self, campaign: str, base: str, category: str, unit: str, year: int) -> str:
        """One entry's full text: front matter and the three parts."""
        rng, pools = self.rng, self.pools
        start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(300))
        end = start + dt.timedelta(days=rng.randint(7, 60))
        date = end + dt.timedelta(days=rng.randint(3, 40))
        metrics = self.metrics(category)
        tag_pool = pools.tags.get(category) or pools.all_tags
        tags = rng.sample(tag_pool, min(len(tag_pool), rng.randint(2, 4)))
        if rng.random() < 0.3:
            extra = rng.choice(pools.all_tags)
            tags += [extra] if extra not in tags else []
        action_pool = pools.actions.get(category) or [a for x in pools.actions.values() for a in x]
        actions = rng.sample(action_pool, min(len(action_pool), rng.randint(1, 4)))
        lines = [
            "---",
            f"title: {_scalar(f'{unit}{campaign}复盘')}",
            f"unit: {_scalar(unit)}",
            f"campaign: {_scalar(campaign)}",
            f"date: {self.date(date)}",
            f"period: {{start: {start.isoformat()}, end: {end.isoformat()}}}",
            f"category: {_scalar(category)}",
            f"author: {_scalar(rng.choice(pools.people))}",
            f"tags: [{', '.join(_scalar(t) for t in tags)}]",
            f"rating: {rng.choices(self.ratings, self.rating_w)[0]}",
            "metrics:",
            *(
                f"  - {{name: {_scalar(n)}, target: {t}, actual: {a}"
                + (f", unit: {_scalar(u)}}}" if u else "}")
                for n, t, a, u in metrics
            ),
            "actions:",
        ]
        for action in actions:
            due = date + dt.timedelta(days=rng.randint(30, 400))
            lines += [
                f"  - action: {_scalar(action)}",
                f"    owner: {_scalar(rng.choice(pools.people))}",
                f"    due: {due.isoformat()}",
                f"    status: {rng.choices(self.statuses, self.status_w)[0]}",
            ]
        lines += [f"publish: {'false' if rng.random() < PUBLISH_FALSE else 'true'}", "---", ""]
        lines += self.body(base, category, year, metrics, actions)
        return "\n".join(lines) + "\n"

    def date(self, d: dt.date) -> str:
        """Mostly ISO, sometimes the other spellings the contract accepts."""
        r = self.rng.random()
        if r < 0.05:
            return f"{d.year}/{d.month}/{d.day}"
        if r < 0.10:
            return f"{d.year}年{d.month}月{d.day}日"
        return d.isoformat()

    def body(self, base, category, year, metrics, actions) -> list[str]:
        rng, pools = self.rng, self.pools
        out = [f"## {rng.choice(pools.headings['summary'])}", ""]
        facts = [
            f"计划{name}{t}{unit}，实际{a}{unit}，完成{round(100 * a / t) if t else 0}%。"
            for name, t, a, unit in metrics
        ]
        opening = f"{year}年{base}于{rng.randint(1, 12)}月{rng.randint(1, 28)}日结束。"
        summary = [opening, *facts, *self.text(category, "summary", year, PART_CHARS["summary"])]
        out += [p + "\n" for p in self.paragraphs(summary)]
        out += [f"## {rng.choice(pools.headings['reflection'])}", ""]
        reflection = self.text(category, "reflection", year, PART_CHARS["reflection"])
        if rng.random() < 0.5 and pools.subheadings:
            chunks = self.paragraphs(reflection, most=5)
            for heading, chunk in zip(
                rng.sample(pools.subheadings, len(chunks)), chunks, strict=False
            ):
                out += [f"### {heading}", "", chunk, ""]
        else:
            for n, chunk in enumerate(self.paragraphs(reflection), 1):
                lead, _, rest = chunk.partition("。")
                out += [f"{n}. **{lead}。**{rest}" if rest else f"{n}. {chunk}", ""]
        out += [f"## {rng.choice(pools.headings['improvement'])}", ""]
        improvement = self.text(category, "improvement", year, PART_CHARS["improvement"])
        items = [
            f"{a}，{rng.choice(_QUARTERS)}季度前完成。" if _CJK.search(a) else f"{a}."
            for a in actions
        ]
        items += self.paragraphs(improvement, most=2)
        out += [f"{n}. {item}" for n, item in enumerate(items, 1)]
        return out


def _plan(pools: Pools, n: int, rng: random.Random) -> list[tuple[str, str, str, str, str, int]]:
    """(campaign, base, category, unit name as written, path under reviews, year) for n entries.

    Each campaign gets reviews from 3–8 different units, like a real campaign that several
    units took part in; a campaign repeated in the same year becomes a later phase (第N期).
    """
    plan: list[tuple[str, str, str, str, str, int]] = []
    phases: dict[tuple[int, str], int] = defaultdict(int)
    while len(plan) < n:
        base, category, slug = rng.choice(pools.campaigns)
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        phases[(year, base)] += 1
        phase = phases[(year, base)]
        campaign = f"{year}年{base}" + (f"（第{phase}期）" if phase > 1 else "")
        for name, _, aliases, unit_slug in rng.sample(UNITS, rng.randint(MIN_UNITS, MAX_UNITS)):
            written = rng.choice(aliases) if aliases and rng.random() < 0.2 else name
            suffix = f"-p{phase}" if phase > 1 else ""
            plan.append(
                (campaign, base, category, written, f"{year}/{slug}-{unit_slug}{suffix}.md", year)
            )
            if len(plan) == n:
                break
    return plan


def _units_yml() -> str:
    lines = ["# 单位名册（合成）：复盘条目的 unit 必须是这里登记的 name 或 aliases 之一"]
    for name, group, aliases, _ in UNITS:
        lines += [f"- name: {name}", f"  group: {group}", f"  aliases: [{', '.join(aliases)}]"]
    return "\n".join(lines) + "\n"


def _mkdocs_yml(n: int) -> str:
    return (
        f"site_name: 合成复盘知识库（{n} 条）\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        "plugins:\n  - search\n  - fupan\n"
    )


INDEX_MD = """# 合成复盘知识库

本知识库由 bench/synth.py 生成，用于性能测试：句子取自真实样例条目，重新组合，数字随机。

<!-- fupan:dashboard -->
"""


def _clear(out: Path) -> None:
    """Empty ``out`` for a new KB, but never a folder this module did not make."""
    if not out.exists():
        return
    if any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"{out} is not empty and was not made by synth.py; choose another folder")
    for child in out.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def generate(out: Path, n: int, seed: int = 0, samples: Path = SAMPLES) -> Path:
    """Write a knowledge base of ``n`` entries to ``out`` and return ``out``.

    ``out`` is emptied first if a previous run made it; any other non-empty folder is
    refused. ``out/.synth.json`` records entries, seed and generator version so callers
    can reuse a KB (see :func:`matches`).
    """
    out = Path(out)
    rng = random.Random(seed)
    pools = harvest(samples)
    _clear(out)
    reviews = out / "reviews"
    reviews.mkdir(parents=True)
    (out / "docs").mkdir()
    (out / "mkdocs.yml").write_text(_mkdocs_yml(n), "utf-8")
    (out / "docs" / "index.md").write_text(INDEX_MD, "utf-8")
    (reviews / "units.yml").write_text(_units_yml(), "utf-8")
    if (samples / "synonyms.yml").is_file():  # query expansion costs time too: keep it real
        shutil.copyfile(samples / "synonyms.yml", reviews / "synonyms.yml")
    writer = _Writer(pools, rng)
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        (reviews / str(year)).mkdir()
    for campaign, base, category, unit, rel, year in _plan(pools, n, rng):
        (reviews / rel).write_text(writer.entry(campaign, base, category, unit, year), "utf-8")
    marker = {"entries": n, "seed": seed, "generator": GENERATOR_VERSION}
    (out / MARKER).write_text(json.dumps(marker), "utf-8")
    return out


def matches(out: Path, n: int, seed: int = 0) -> bool:
    """True when ``out`` holds a KB that :func:`generate` made with these arguments."""
    try:
        marker = json.loads((Path(out) / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return marker == {"entries": n, "seed": seed, "generator": GENERATOR_VERSION}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the knowledge base (created)")
    parser.add_argument("--entries", "-n", type=int, required=True, help="number of entries")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="real entries to harvest")
    args = parser.parse_args(argv)
    if args.entries < 1:
        parser.error("--entries must be at least 1")
    started = time.perf_counter()
    generate(args.out, args.entries, args.seed, args.samples)
    took = time.perf_counter() - started
    print(f"{args.entries} entries in {args.out} ({took:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

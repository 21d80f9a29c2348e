"""Commands that search: index, search, related, similar.

The command owns the refresh: it brings the word index and the meaning index in step
with the files (saying what changed), then hands the open indexes to the core.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from ..entries.source import SourceError, decode
from ..kb import KnowledgeBase
from ..model import PARTS
from ..search import indexes
from ..search.hits import MODES, Filters, Hit, search
from ..search.index import Refresh, SearchIndex
from ..search.semantic import SemanticIndex, SemanticRefresh
from ..text.snippets import highlight
from . import output
from .common import (
    WordsCommand,
    color_enabled,
    filter_options,
    get_app,
    limit_option,
    note,
    output_options,
    pass_kb,
    progress,
)


def _t(key: str, **values: object) -> str:
    return get_app().t(key, **values)


# why an index was rebuilt, as the core says it -> the key of the user's words for it
WHY = {
    "no index yet": "search.why.new",
    "asked to rebuild": "search.why.asked",
    "index format changed": "search.why.format",
    "units.yml changed": "search.why.units",
    "index was damaged": "search.why.damaged",
    "the semantic index was damaged": "search.why.meaning_damaged",
    "the semantic backend changed": "search.why.backend",
}


def _why(reason: str) -> str:
    key = next((k for prefix, k in WHY.items() if reason.startswith(prefix)), None)
    return _t(key) if key else reason


def report_refresh(report: Refresh, index: SearchIndex) -> None:
    """Say on stderr what a refresh did, and name entries that could not be indexed."""
    if report.rebuilt:
        note(_t("search.index.rebuilt", why=_why(report.rebuilt), n=report.added))
    elif report.changed:
        note(
            _t(
                "search.index.updated",
                added=report.added,
                changed=report.updated,
                removed=report.removed,
            )
        )
    if report.stale:
        note(_t("search.index.stale", reason=report.stale))
    failed = index.failed_paths()
    if failed:
        names = ", ".join(failed[:5]) + (" …" if len(failed) > 5 else "")
        note(_t("search.index.failed", n=len(failed), names=names))


def _report_meaning(report: SemanticRefresh) -> None:
    if report.pending:
        note(_t("search.meaning.pending", n=report.pending, minutes=max(1, report.pending // 600)))
    if report.busy:
        note(_t("search.meaning.busy"))
    if report.rebuilt:
        note(_t("search.meaning.rebuilt", why=_why(report.rebuilt)))
    if report.embedded:
        note(_t("search.meaning.updated", n=report.embedded, entries=report.entries))


def _refresh(
    kb: KnowledgeBase, meaning: bool, rebuild: bool, budget: int | None, quiet: bool
) -> indexes.Opened:
    """Both indexes refreshed with progress on a terminal, saying what changed."""
    opened = indexes.open_indexes(
        kb,
        meaning,
        rebuild,
        progress(_t("search.progress.words"), 20),
        progress(_t("search.progress.meaning"), 20),
        budget,
    )
    if not quiet:
        report_refresh(opened.words, opened.index)
        if opened.embedded:
            _report_meaning(opened.embedded)
    return opened


def open_indexes(
    kb: KnowledgeBase, mode: str = "both", rebuild: bool = False, quiet: bool = False
) -> tuple[SearchIndex, SemanticIndex | None]:
    """Both indexes for a search, which embeds at most a budget first; the meaning index
    is None in words mode or without a backend (said once per knowledge base, with how
    to turn it on)."""
    opened = _refresh(kb, mode != "words", rebuild, indexes.SEARCH_BUDGET, quiet)
    if opened.off and mode != "words":
        if mode == "meaning":
            raise click.UsageError(_why_off(opened.off))
        _say_once(kb, _why_off(opened.off))
    return opened.index, opened.meaning


def _why_off(code: str) -> str:
    """Why search by meaning is off, in the user's language."""
    kind, _, package = code.partition(":")
    return _t(f"search.off.{kind}", package=package)


def _say_once(kb: KnowledgeBase, why: str) -> None:
    marker = kb.state_dir / "meaning-off"
    if marker.exists():
        return
    note(_t("search.meaning.off", why=why))
    with contextlib.suppress(OSError):  # read-only: said every time rather than never
        marker.write_text(why + "\n", "utf-8")


def mode_option(f):
    return click.option(
        "--mode",
        type=click.Choice(MODES),
        default="both",
        show_default=True,
    )(f)


@click.command("index")
@click.option("--rebuild", is_flag=True)
@click.option("--words-only", is_flag=True)
@pass_kb
def index_command(kb: KnowledgeBase, rebuild: bool, words_only: bool) -> None:
    """Refresh the indexes ahead of time, so that no search waits for them."""
    opened = _refresh(kb, not words_only, rebuild, None, quiet=False)
    if opened.off:
        note(_t("search.meaning.off", why=_why_off(opened.off)))
    words, embedded = opened.words, opened.embedded
    if not words.changed and not words.rebuilt and not (embedded and embedded.embedded):
        note(_t("search.index.current"))


def _no_results(data: object, found: bool, none: str) -> bool:
    """What every search command does first: with --json print ``data``; with nothing
    found say ``none`` (exit 1 either way). True when the command is done."""
    if get_app().fmt == "json":
        click.echo(output.to_json(data))
    elif not found:
        note(none)
    else:
        return False
    if not found:
        raise SystemExit(1)
    return True


def _day(value: str | None) -> str:
    return get_app().day(value)


def _label(part: str) -> str:
    return get_app().strings.get(f"search.part.{part}", part)


def _print_hit(n: int, hit: Hit, color: bool) -> None:
    style = (lambda s, **kw: click.style(s, **kw)) if color else (lambda s, **kw: s)
    draft = "  " + style(_t("search.unpublished"), fg="magenta") if not hit.publish else ""
    found = "  " + style(_t("search.by_meaning"), fg="cyan") if hit.match == "meaning" else ""
    click.echo(f"{n}. {style(hit.title, bold=True)}{draft}{found}")
    click.echo(f"   {hit.unit} · {hit.campaign} · {_day(hit.date)} · {_label(hit.part)}")
    text = highlight(hit.snippet, hit.spans, "\x1b[1;33m", "\x1b[0m") if color else hit.snippet
    click.echo(f"   {text}")
    click.echo(f"   {style(hit.path, dim=True)}")


@click.command("search", cls=WordsCommand)  # -词 excludes a word; --lmit is an error
@click.argument("words", nargs=-1, required=True)
@filter_options
@click.option("--part", type=click.Choice(PARTS))
@mode_option
@limit_option(10)
@output_options()
@pass_kb
def search_command(
    kb: KnowledgeBase,
    words,
    unit,
    campaign,
    category,
    tag,
    since,
    until,
    part,
    mode,
    limit,
) -> None:
    """Find past reviews by words and meaning."""
    index, meaning = open_indexes(kb, mode)
    filters = Filters(unit, campaign, category, tag, since, until, part, limit)
    text = " ".join(words)
    results = search(index, text, filters, meaning, mode if meaning else "words")
    hint = _t("search.did_you_mean", text=results.suggestion) if results.suggestion else ""
    hits = [h.as_dict() for h in results.hits]
    if _no_results(hits, bool(hits), _t("search.none", text=text) + hint):
        return
    color = color_enabled()
    for n, hit in enumerate(results.hits, 1):
        _print_hit(n, hit, color)
    shown = len(results.hits)
    if results.total is not None and results.total <= shown:
        note(_t("search.found", n=shown))
    elif results.total:
        note(_t("search.found_more", n=results.total, shown=shown))
    else:
        note(_t("search.found_many", shown=shown))


WORD_PLANS = (".docx", ".doc", ".wps")


def plan_text(data: bytes, name: str) -> str:
    """A plan's text: Word documents through the importer, other files as UTF-8 text."""
    suffix = Path(name).suffix.lower()
    if suffix in WORD_PLANS:
        from ..word import plan_text as word_text  # noqa: PLC0415 - loads pandoc's wrapper

        return word_text(data, suffix)
    try:
        return decode(data)
    except SourceError as e:
        reason = _t("check.at_line", line=e.line, reason=e.said_as)
        raise click.BadParameter(reason, param_hint="PLAN") from None


@click.command("related")
@click.argument("plan", type=click.File("rb"))
@mode_option
@limit_option(5)
@output_options()
@pass_kb
def related_command(kb: KnowledgeBase, plan, mode: str, limit: int) -> None:
    """Past lessons for a plan being drafted."""
    from ..search.related import related  # noqa: PLC0415

    text = plan_text(plan.read(), getattr(plan, "name", "") or "")
    index, meaning = open_indexes(kb, mode)
    terms, found = related(index, text, limit, meaning if mode != "words" else None)
    data = {"terms": terms, "entries": [r.as_dict() for r in found]}
    if _no_results(data, bool(found), _t("search.related.none")):
        return
    if terms:
        note(_t("search.related.terms", terms=" ".join(terms)) + "\n")
    for n, r in enumerate(found, 1):
        h = r.hit
        draft = "  " + _t("search.unpublished") if not h.publish else ""
        found_by = "  " + _t("search.by_meaning") if h.match == "meaning" else ""
        click.echo(
            f"{n}. {h.title}{draft}{found_by}\n   {h.unit} · {h.campaign} · {_day(h.date)} · {h.path}"
        )
        click.echo(f"   {_label('reflection')}: {r.reflection}")
        click.echo(f"   {_label('improvement')}: {r.improvement}")
        for a in r.open_actions:
            status = _t(f"cli.status.{a['status']}")
            click.echo(f"   □ {a['action']} ({a['owner']}, {_day(a['due'])}, {status})")
        click.echo("")
    sys.stdout.flush()


@click.command("similar")
@click.argument("entry_id")
@limit_option(5)
@output_options()
@pass_kb
def similar_command(kb: KnowledgeBase, entry_id: str, limit: int) -> None:
    """Problems like one entry's, in other units and years."""
    from ..search.similar import similar_by_meaning  # noqa: PLC0415

    index, meaning = open_indexes(kb, "meaning", quiet=True)
    found = similar_by_meaning(index, meaning, entry_id, limit)
    if _no_results([s.as_dict() for s in found], bool(found), _t("search.similar.none")):
        return
    for n, s in enumerate(found, 1):
        click.echo(f"{n}. {s.title}\n   {s.unit} · {s.campaign} · {_day(s.date)} · {s.path}")
        click.echo(f"   {_t('search.similar.theirs')}: {s.passage}")
        click.echo(f"   {_t('search.similar.ours')}: {s.own}")
        click.echo("")


def meaning_groups(kb: KnowledgeBase) -> list | None:
    """Recurring problems by meaning (passages alike), or None without a backend."""
    from ..search.clusters import clusters  # noqa: PLC0415

    index, meaning = open_indexes(kb, "both", quiet=True)
    store = meaning.store() if meaning else None
    if store is None:
        return None
    with index.open().searcher() as searcher:
        described = {f["id"]: (f["unit"], f["date"].year) for f in searcher.all_stored_fields()}
    return clusters(store, described.get)

"""Commands that search: index, search, related."""

from __future__ import annotations

import sys

import click

from ..entries.source import SourceError, decode
from ..kb import KnowledgeBase
from ..model import PARTS
from ..search.hits import Filters, Hit
from ..search.hits import search as run_search
from ..search.index import Refresh, SearchIndex
from ..text.snippets import highlight
from . import output
from .common import DATE, color_enabled, pass_kb, progress

PART_LABELS = {
    "summary": "总结",
    "reflection": "反思",
    "improvement": "改进",
    "title": "标题",
    "tags": "标签",
}


def report_refresh(report: Refresh, store: SearchIndex) -> None:
    """Say on stderr what a refresh did, and name entries that could not be indexed."""
    if report.rebuilt:
        click.echo(f"index rebuilt ({report.rebuilt}): {report.added} entries", err=True)
    elif report.changed:
        click.echo(
            f"index updated: {report.added} added, {report.updated} changed, "
            f"{report.removed} removed",
            err=True,
        )
    failed = store.failed_paths()
    if failed:
        names = ", ".join(failed[:5]) + (" …" if len(failed) > 5 else "")
        click.echo(
            f"note: {len(failed)} entries have errors and are not searchable: {names} "
            "(run `fupan check`)",
            err=True,
        )


@click.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the index from scratch.")
@pass_kb
def index(kb: KnowledgeBase, rebuild: bool) -> None:
    """Bring the search index up to date (search does this by itself, too).

    Only added, changed and removed entries are re-indexed.

    \b
    Examples:
      fupan index
      fupan index --rebuild
    """
    store = SearchIndex(kb)
    report = store.refresh(rebuild=rebuild, progress=progress("indexing", threshold=20))
    report_refresh(report, store)
    if not report.changed and not report.rebuilt:
        click.echo("index is up to date", err=True)


def _print_hit(n: int, hit: Hit, color: bool) -> None:
    style = (lambda s, **kw: click.style(s, **kw)) if color else (lambda s, **kw: s)
    draft = "  " + style("[unpublished]", fg="magenta") if not hit.publish else ""
    click.echo(f"{n}. {style(hit.title, bold=True)}{draft}")
    label = PART_LABELS.get(hit.part, hit.part)
    click.echo(f"   {hit.unit} · {hit.campaign} · {hit.date} · {label}")
    text = highlight(hit.snippet, hit.spans, "\x1b[1;33m", "\x1b[0m") if color else hit.snippet
    click.echo(f"   {text}")
    click.echo(f"   {style(hit.path, dim=True)}")


@click.command(context_settings={"ignore_unknown_options": True})  # -word excludes a word
@click.argument("words", nargs=-1, required=True)
@click.option("--unit", help="Only this unit (a name or alias).")
@click.option("--campaign", help="Only this campaign (exact, or part of its name).")
@click.option("--category", help="Only this category, e.g. 文体活动.")
@click.option("--tag", help="Only entries with this tag.")
@click.option("--since", type=DATE, help="Only entries written on or after DATE.")
@click.option("--until", type=DATE, help="Only entries written on or before DATE.")
@click.option("--part", type=click.Choice(PARTS), help="Search only one part.")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(1), help="Hits to show."
)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@pass_kb
def search(
    kb: KnowledgeBase, words, unit, campaign, category, tag, since, until, part, limit, as_json
) -> None:
    """Search past reviews, best matches first.

    Type Chinese without spaces; "quoted words" find an exact phrase, +word
    or AND requires a word, -word excludes one. Synonyms from
    reviews/synonyms.yml count too, below exact matches.

    \b
    Examples:
      fupan search 报名人数不足
      fupan search 通知没有传达到班组 --unit 一分公司工会
      fupan search '"经费超支"' --since 2025-01-01 --part reflection
      fupan search registration --json
    """
    store = SearchIndex(kb)
    report_refresh(store.refresh(progress=progress("indexing", threshold=20)), store)
    filters = Filters(unit, campaign, category, tag, since, until, part, limit)
    results = run_search(kb, " ".join(words), filters, refresh=False, store=store)
    if as_json:
        click.echo(output.to_json([h.as_dict() for h in results.hits]))
        return
    if not results.hits:
        hint = f'; did you mean "{results.suggestion}"?' if results.suggestion else ""
        click.echo(f"no entries found for {' '.join(words)}{hint}", err=True)
        raise SystemExit(1)
    color = color_enabled()
    for n, hit in enumerate(results.hits, 1):
        _print_hit(n, hit, color)
    shown = len(results.hits)
    if results.total is not None and results.total <= shown:
        click.echo(f"{shown} entries found", err=True)
    else:
        found = f"{results.total} entries found" if results.total else "more entries found"
        click.echo(f"{found}; showing {shown} (use --limit for more)", err=True)


@click.command()
@click.argument("plan", type=click.File("rb"))
@click.option(
    "--limit", default=5, show_default=True, type=click.IntRange(1), help="Entries to show."
)
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@pass_kb
def related(kb: KnowledgeBase, plan, limit: int, as_json: bool) -> None:
    """Before you plan: past lessons related to a draft plan (a file, or - for stdin).

    Picks the plan's key terms and lists the entries most relevant to them, with
    what they reflected, what they changed, and their improvement items still open.

    \b
    Examples:
      fupan related 2026运动会方案.md
      fupan related 2026运动会方案.docx
      echo "组织职工篮球赛，各班组报名，经费三万元" | fupan related -
    """
    try:
        data = plan.read()
        if getattr(plan, "name", "").lower().endswith(".docx"):
            from ..word import plan_text  # a Word plan: its text, read by pandoc

            text = plan_text(data)
        else:
            text = decode(data)
    except SourceError as e:
        raise click.BadParameter(f"line {e.line}: {e.message}", param_hint="PLAN") from None
    from ..search.related import related as find_related

    terms, found = find_related(kb, text, limit)
    if as_json:
        click.echo(output.to_json({"terms": terms, "entries": [r.as_dict() for r in found]}))
        return
    if not found:
        click.echo("no related entries found", err=True)
        raise SystemExit(1)
    click.echo(f"key terms: {' '.join(terms)}\n", err=True)
    for n, r in enumerate(found, 1):
        h = r.hit
        draft = "  [unpublished]" if not h.publish else ""
        click.echo(f"{n}. {h.title}{draft}\n   {h.unit} · {h.campaign} · {h.date} · {h.path}")
        click.echo(f"   反思: {r.reflection}")
        click.echo(f"   改进: {r.improvement}")
        for a in r.open_actions:
            click.echo(f"   □ {a['action']} ({a['owner']}, {a['due']}, {a['status']})")
        click.echo("")
    sys.stdout.flush()

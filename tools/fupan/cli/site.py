"""``fupan site``: the site built by Zensical, which runs no MkDocs plugins."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import click

from ..kb import KnowledgeBase
from ..lang import strings
from ..site.export import export
from .common import pass_kb


@click.command("site")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--no-build", is_flag=True)
@click.option("--strict", is_flag=True)
@pass_kb
def site(kb: KnowledgeBase, out: Path | None, no_build: bool, strict: bool) -> None:
    """The site built by Zensical, which runs no MkDocs plugins."""
    out = (out or kb.root / "site-build").resolve()
    config, problems, language = export(kb.root, out)
    L = strings(language)
    for problem in problems:
        click.echo(problem.said(L), err=True)
    if no_build:
        click.echo(L["site.cli.written"].format(path=config))
    else:
        if importlib.util.find_spec("zensical") is None:
            raise click.ClickException(L["site.cli.no_zensical"])
        args = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)]
        if subprocess.run(args, cwd=out).returncode:
            raise click.ClickException(L["site.cli.failed"].format(path=config))
        click.echo(L["site.cli.built"].format(path=out / "site" / "index.html"))
    if strict and any(p.level == "error" for p in problems):
        raise SystemExit(1)

"""Shared fixtures: small knowledge bases written to disk for each test."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT  # the repository itself is the sample knowledge base

UNITS = """\
- name: 第一分公司工会
  group: 分公司
  aliases: [一分公司工会, 一分工会]
- name: 第二分公司工会
  group: 分公司
- name: 检修车间工会
  group: 车间
"""


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    """Commands print as into a pipe, whatever terminal the tests run in: a $COLUMNS
    exported by the shell (or set by a test runner) would cut their tables."""
    monkeypatch.delenv("COLUMNS", raising=False)


def entry(
    title: str = "2025年职工春季运动会复盘",
    unit: str = "第一分公司工会",
    campaign: str = "2025年职工春季运动会",
    date: str = "2025-04-20",
    extra: str = "",
    body: str | None = None,
) -> str:
    """A valid entry's text; ``extra`` adds front matter lines, ``body`` replaces the parts."""
    if body is None:
        body = (
            "## 一、总结（回顾目标、评估结果）\n计划 300 人参加，实际 245 人。\n\n"
            "## 二、反思（分析原因）\n报名通知只发到车间一级，班组没有传达。\n\n"
            "## 三、改进（总结规律、改进措施）\n1. 报名提前两周启动。\n"
        )
    head = f"title: {title}\nunit: {unit}\ncampaign: {campaign}\ndate: {date}\n"
    return f"---\n{head}{textwrap.dedent(extra)}---\n\n{body}"


def make_kb(root: Path, entries: dict[str, str | bytes], units: str | None = UNITS) -> Path:
    """Write a knowledge base: ``entries`` maps paths under reviews/ to file contents."""
    (root / "mkdocs.yml").write_text(
        "site_name: test\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n  - fupan\n",
        encoding="utf-8",
    )
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text(
        "# 测试\n\n<!-- fupan:dashboard -->\n", encoding="utf-8"
    )
    reviews = root / "reviews"
    reviews.mkdir(exist_ok=True)
    if units is not None:
        (reviews / "units.yml").write_text(units, encoding="utf-8")
    for rel, content in entries.items():
        path = reviews / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def kb_factory(tmp_path: Path):
    def factory(entries: dict[str, str | bytes], units: str | None = UNITS) -> Path:
        (tmp_path / "kb").mkdir()
        return make_kb(tmp_path / "kb", entries, units)

    return factory


_VECTORS: list[Path] = []  # the sample's meaning index, once embedded this session


def copy_sample(root: Path) -> Path:
    """The sample knowledge base's site sources, copied to ``root``, with the meaning
    index embedded once per session when ``sample_vectors`` has run (vectors are kept
    by passage text, so the copy re-embeds nothing)."""
    for name in ("mkdocs.yml", "docs", "reviews"):
        src = SAMPLE / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    if _VECTORS:
        (root / ".fupan").mkdir(exist_ok=True)
        shutil.copy(_VECTORS[0], root / ".fupan" / "semantic.npz")
    return root


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run: by this process, or, with ``pytest -n``, by
    whichever worker asks first while the others wait for it (the workers' temporary
    folders share a parent)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / name
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / f"{name}.done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (base / f"{name}.done").touch()
    return folder


@pytest.fixture(scope="session")
def sample_vectors(tmp_path_factory) -> Path:
    """The sample's meaning index, embedded for real once per test run."""

    def make(root: Path) -> None:
        from fupan.kb import KnowledgeBase
        from fupan.search.indexes import open_indexes

        shutil.copy(SAMPLE / "mkdocs.yml", root)
        shutil.copytree(SAMPLE / "reviews", root / "reviews")
        opened = open_indexes(KnowledgeBase(root))
        assert opened.meaning is not None, opened.off

    path = made_once(tmp_path_factory, "sample-vectors", make) / ".fupan" / "semantic.npz"
    if not _VECTORS:
        _VECTORS.append(path)
    return path


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, sample_vectors) -> Path:
    """The sample knowledge base built once per test run with `mkdocs build --strict`
    (site and browser tests share it); the folder holds the sources and site/."""

    def make(root: Path) -> None:
        copy_sample(root)
        r = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        assert r.returncode == 0, r.stderr
        assert "WARNING" not in r.stderr, r.stderr

    return made_once(tmp_path_factory, "sample-build", make)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory, sample_vectors) -> Path:
    """The sample's site made by ``fupan site`` (Zensical), once per test run."""
    pytest.importorskip("zensical", reason="Zensical is not installed: pip install '.[zensical]'")

    def make(root: Path) -> None:
        from click.testing import CliRunner
        from fupan.cli import cli

        copy_sample(root)
        r = CliRunner().invoke(cli, ["--kb", str(root), "site"])
        assert r.exit_code == 0, r.output

    return made_once(tmp_path_factory, "zensical", make) / "site-build" / "site"

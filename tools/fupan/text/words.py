"""Text analysis for search: Chinese words, character pairs, English stems.

The index stores the result as space-separated terms, so Whoosh only splits on
spaces and its schema holds no class of ours: the analysis runs once per entry, in
one pass, and an index never depends on this module's names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.lang.porter import stem as porter_stem

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[A-Za-z0-9]+")
LONGEST_WORD = 6  # characters; longer dictionary words are rare and split anyway

# Function words that say nothing about a problem; dropping them keeps `related`
# and long queries on the words that matter.
STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "有",
        "也",
        "就",
        "都",
        "而",
        "并",
        "等",
        "对",
        "把",
        "被",
        "从",
        "向",
        "为",
        "以",
        "之",
        "其",
        "这",
        "那",
        "我",
        "我们",
        "他",
        "她",
        "它",
        "他们",
        "一个",
        "一些",
        "没有",
        "不",
        "很",
        "还",
        "又",
        "但",
        "但是",
        "因为",
        "所以",
        "如果",
        "可以",
        "进行",
        "通过",
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "are",
        "was",
        "were",
        "be",
        "by",
        "with",
        "as",
        "at",
        "it",
        "this",
        "that",
    ]
)


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    return porter_stem(word) if word not in STOP_WORDS else word


_ALNUM = re.compile(r"[^\W_]")


def _kept(word: str) -> bool:
    """A word, not punctuation or space (pure words, the common case, test fastest)."""
    return word.isalnum() or _ALNUM.search(word) is not None


@lru_cache(maxsize=1)
def _segmenter():
    """rjieba, imported on first use: loading its dictionary is most of a cold search's
    start-up, and a search on a fresh index does without it (see query_terms)."""
    import rjieba

    return rjieba


@lru_cache(maxsize=1 << 19)  # a knowledge base reuses a few thousand words, over and over
def _term(word: str) -> str:
    """The index term for one segmented word; "" for punctuation, space, function words."""
    if not _kept(word):
        return ""
    if word.isascii():
        word = _stem(word.lower())
    return "" if word in STOP_WORDS else word


def folded(text: str) -> str:
    """Full-width letters and digits as ASCII (ＯＡ → OA, ２０２５ → 2025), as NFKC folds
    them: what a Word document typed in full-width mode holds is found by what is typed
    in half-width, and the other way. Chinese is left as it is."""
    return unicodedata.normalize("NFKC", text) if not text.isascii() else text


def index_term(word: str) -> str:
    """What the index keeps of one word: registration → registr; "" for none."""
    return _term(word)


def tokens(text: str) -> list[str]:
    """Index terms of ``text`` in order, repeats kept (they count in the ranking):
    words by rjieba in search mode (工会组织 → 工会, 组织, 工会组织), English words
    case-folded and stemmed, function words dropped."""
    return [t for t in map(_term, _segmenter().cut_for_search(folded(text))) if t]


def words(text: str) -> list[str]:
    """The distinct index terms of ``text``, in order."""
    return list(dict.fromkeys(tokens(text)))


def pairs(text: str) -> list[str]:
    """Overlapping pairs of Chinese characters, plus the last character of each run.

    They find what word segmentation splits differently (传达到 → 传 / 达到), and
    single characters (a prefix query over pairs and words).
    """
    out = []
    for run in CJK.findall(folded(text)):
        out += [run[i : i + 2] for i in range(len(run))]
    return out


@lru_cache(maxsize=1 << 19)
def _precise(word: str) -> str | None:
    """A word of a phrase; "" for a break (function word, punctuation); None for space."""
    if _kept(word):
        word = word.lower()
        return "" if word in STOP_WORDS else word
    return "" if word.strip() else None


def precise_words(text: str) -> list[str]:
    """Words of the precise segmentation, in order; function words become "" (a break)."""
    return [w for w in map(_precise, _segmenter().cut(folded(text))) if w is not None]


def query_terms(text: str, known) -> list[str]:
    """Index terms of a query without the segmenter: every piece of its Chinese that
    is a word of the index (``known``), which is what search mode finds and more
    (报名人数不足 → 报名, 人数, 不足), and its English words stemmed."""
    text = folded(text)
    out: list[str] = []
    for run in CJK.findall(text):
        for n in range(min(len(run), LONGEST_WORD), 1, -1):
            out += [run[i : i + n] for i in range(len(run) - n + 1) if known(run[i : i + n])]
        if len(run) == 1 and run not in STOP_WORDS and known(run):
            out.append(run)
    for word in LATIN.findall(CJK.sub(" ", text)):
        word = _stem(word.lower())
        if word not in STOP_WORDS:
            out.append(word)
    return list(dict.fromkeys(t for t in out if t not in STOP_WORDS))

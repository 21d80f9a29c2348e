"""Text analysis for the search index: Chinese words, character bigrams, English stems.

Whoosh pickles the schema with references to these classes, so this module's import
path (``fupan.analysis``) and class names are part of the index format: keep them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import rjieba
from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem as porter_stem

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

# Function words that say nothing about a problem; dropping them keeps `related`
# and the coordination of long queries on the words that matter.
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


def _kept(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


class ChineseTokenizer(Tokenizer):
    """Words by rjieba in search mode (工会组织 → 工会, 组织, 工会组织), English words
    case-folded and stemmed, function words dropped.

    Positions count the words of the precise segmentation, and a sub-word takes the
    position of the word it lies in, so that a phrase of words still matches. Folding,
    stop words and stems are done here rather than by a chain of Whoosh filters:
    indexing is pure Python, and each filter is one more generator per token.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            t.pos, t.startchar, t.endchar = start_pos, start_char, start_char + len(value)
            yield t
            return
        pos_at: dict[int, int] = {}
        if positions:
            pos = start_pos
            for word, start, end in rjieba.tokenize(value):
                if _kept(word):
                    for i in range(start, end):
                        pos_at[i] = pos
                    pos += 1
        for word, start, end in rjieba.tokenize(value, mode="search"):
            if not _kept(word):
                continue
            if word.isascii():
                word = _stem(word.lower())
            if word in STOP_WORDS and removestops:
                continue
            t.text = word
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos_at.get(start, start_pos)
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class BigramTokenizer(Tokenizer):
    """Overlapping pairs of Chinese characters, plus the last character of each run.

    Finds what word segmentation splits differently (传达到 → 传 / 达到) and single
    characters (a prefix query over pairs). Positions are character offsets, so a
    phrase of pairs matches exactly the consecutive characters.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for run in CJK.finditer(value):
            text, base = run.group(), run.start()
            for i in range(len(text)):
                gram = text[i : i + 2]
                t.text = gram
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = gram
                if positions:
                    t.pos = start_pos + base + i
                if chars:
                    t.startchar = start_char + base + i
                    t.endchar = t.startchar + len(gram)
                yield t


def word_analyzer():
    """Chinese words and English stems, case-folded, without function words."""
    return ChineseTokenizer()


def bigram_analyzer():
    return BigramTokenizer()


def words(text: str) -> list[str]:
    """The index terms of ``text``, in order, without duplicates."""
    seen: dict[str, None] = {}
    for t in word_analyzer()(text):
        seen.setdefault(t.text, None)
    return list(seen)


def precise_words(text: str) -> list[str]:
    """Words of the precise segmentation, in order; function words become "" (a break)."""
    out = []
    for word, _, _ in rjieba.tokenize(text):
        if _kept(word):
            word = word.lower()
            out.append("" if word in STOP_WORDS else word)
        elif word.strip():
            out.append("")  # punctuation breaks a phrase
    return out


def bigrams(text: str) -> list[str]:
    return [t.text for t in BigramTokenizer()(text)]


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None

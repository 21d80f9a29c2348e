"""From a file's bytes to front matter values with line numbers and a Markdown body.

python-frontmatter splits and parses in one step and forgets where each key stood;
the checker must name the line of every bad value, so we split here and compose the
YAML node tree (safe loader only: tags that construct Python objects are refused).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..lang import Message
from ..model import Problem

# Limits that keep one careless or hostile file from hanging every command.
MAX_FILE_BYTES = 2_000_000  # an entry of 2 MB is some 600,000 Chinese characters
MAX_YAML_VALUES = 20_000  # values in one YAML file, counting each use of an &anchor

Path_ = tuple  # a key path into the front matter, e.g. ("metrics", 0, "target")


class SourceError(Exception):
    """The file cannot be read as an entry at all; carries the line to report and the
    message (a key of fupan.lang's ``check.`` strings with its values)."""

    def __init__(self, line: int, key: str, /, **values: object):
        self.line, self.said_as = line, Message(key, **values)
        self.message = str(self.said_as)  # in English
        super().__init__(self.message)

    def problem(self, path: str) -> Problem:
        return Problem.told(path, self.line, "error", self.said_as)


def line_of(lines: dict[Path_, int], path: tuple) -> int:
    """Line of the deepest key of ``path`` that ``lines`` knows (else of its parents; 1)."""
    key = tuple(path)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return 1


@dataclass
class Source:
    meta: dict
    lines: dict[Path_, int]  # key path -> 1-based line in the file
    body: str
    body_line: int  # line of the body's first line in the file
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)  # key path, line

    def line(self, *path: object) -> int:
        """Line of the deepest known key on ``path`` (falls back to its parents)."""
        return line_of(self.lines, path)


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; SourceError otherwise.

    Opened without blocking, so a named pipe called ``x.md`` cannot hang a command."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise _os_error(e) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(1, "check.not_a_file")
        if st.st_size > limit:
            raise SourceError(1, "check.too_big", size=st.st_size / 1e6, limit=limit / 1e6)
        try:
            return f.read(limit + 1)
        except OSError as e:
            raise _os_error(e) from None


def _os_error(e: OSError) -> SourceError:
    if e.filename and os.path.islink(e.filename) and not os.path.exists(e.filename):
        return SourceError(1, "check.broken_link_to", target=os.readlink(e.filename))
    return SourceError(1, "check.cannot_read", reason=e.strerror)


def decode(data: bytes) -> str:
    """UTF-8 (BOM allowed, CRLF normalized); a clear error for GBK and other encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            raise SourceError(line, "check.not_utf8") from None
        raise SourceError(line, "check.not_utf8_gbk") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_KEYS = yaml.constructor.SafeConstructor()


def _key(node: yaml.Node) -> object:
    """A mapping key as the loader constructs it (``1`` is the number 1), so that keys
    that are not text are found at their own line."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        return node.value  # nearly every key: no constructor needed
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:timestamp":
        try:
            return _KEYS.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            pass
    return node.value if isinstance(node, yaml.ScalarNode) else str(node.start_mark)


def _too_many(line: int) -> SourceError:
    return SourceError(line, "check.too_many_values", limit=MAX_YAML_VALUES)


class _Budget:
    """Counts values as the line map visits them: an &anchor used again and again
    (a "billion laughs" of a few hundred bytes) is stopped before it is expanded."""

    def __init__(self, base: int):
        self.left, self.base = MAX_YAML_VALUES, base
        self.open: set[yaml.Node] = set()  # collections being walked: a cycle is an error

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise _too_many(node.start_mark.line + self.base)


def _line_map(
    node: yaml.Node, base: int, prefix: Path_, out: dict, dups: list, budget: _Budget
) -> None:
    budget.spend(node)
    if isinstance(node, yaml.CollectionNode):
        if node in budget.open:
            raise SourceError(node.start_mark.line + base, "check.anchor_in_itself")
        budget.open.add(node)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = _key(key_node)
            line = key_node.start_mark.line + base
            with_key = (*prefix, key)
            try:
                if key in seen:
                    dups.append((with_key, line))
                seen.add(key)
            except TypeError:  # a key that is a list or mapping: reported by the contract
                continue
            out[with_key] = line
            _line_map(value_node, base, with_key, out, dups, budget)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*prefix, i)] = item.start_mark.line + base
            _line_map(item, base, (*prefix, i), out, dups, budget)
    if isinstance(node, yaml.CollectionNode):
        budget.open.discard(node)


def _long_number_line(node: yaml.Node | None, base: int) -> int:
    """Line of the first integer too long for Python to read (4,300 digits and more)."""
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            if n.tag == "tag:yaml.org,2002:int" and len(n.value) > 4000:
                return n.start_mark.line + base
        elif isinstance(n, yaml.MappingNode):
            stack += [v for kv in reversed(n.value) for v in reversed(kv)]
        elif isinstance(n, yaml.SequenceNode):
            stack += reversed(n.value)
    return base


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed
    """The safe loader, minus YAML's own dates: fupan reads every date itself, so
    an impossible day such as 2025-13-01 gets a clear message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, base: int = 1) -> tuple[object, dict, list]:
    """Value, key-path -> line map and duplicate top-level keys of a YAML text.

    ``base`` is the file line of the text's first line. Only the safe loader is used.
    """
    if text.count("\n") + text.count(",") > MAX_YAML_VALUES:  # before the slow part
        raise _too_many(base)
    loader = _Loader(text)
    node = None
    lines: dict = {}
    dups: list = []
    try:
        node = loader.get_single_node()
        if node is not None:  # counted before anything is built from it
            _line_map(node, base, (), lines, dups, _Budget(base))
        data = loader.construct_document(node) if node is not None else None
    except ValueError:  # a number of thousands of digits: Python refuses to read it
        raise SourceError(_long_number_line(node, base), "check.long_number") from None
    except RecursionError:
        raise SourceError(base, "check.yaml_too_deep") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + base if mark else base
        what = (e.problem or str(e)).strip()
        if "could not determine a constructor" in str(e):
            raise SourceError(line, "check.yaml_tag", detail=what) from None
        rows = text.split("\n")
        key, start = _yaml_hint(e, rows[line - base] if 0 <= line - base < len(rows) else "")
        if start and e.context_mark:  # the quote or bracket left open, not the file's end
            line = e.context_mark.line + base
        raise SourceError(line, key, detail=what) from None
    except yaml.reader.ReaderError as e:  # a control character, typed or pasted
        line = text.count("\n", 0, max(e.position, 0)) + base
        raise SourceError(line, "check.control_character", char=e.character) from None
    except yaml.YAMLError as e:
        raise SourceError(base, "check.yaml", detail=str(e)) from None
    finally:
        loader.dispose()
    return data, lines, dups


# PyYAML's problems as what an officer writing front matter can do about them:
# (words of PyYAML's context or problem, message key, report where it opened)
_YAML_HINTS = (
    ("while scanning a quoted scalar", "check.yaml_quote", True),
    ("while parsing a flow", "check.yaml_bracket", True),
    ("mapping values are not allowed", "check.yaml_colon", False),
    ("expected <block end>", "check.yaml_indent", False),
    ("while parsing a block", "check.yaml_indent", False),
)


def _yaml_hint(e: yaml.MarkedYAMLError, line: str) -> tuple[str, bool]:
    """The message key for PyYAML's error ``e`` at ``line``, and whether to report the
    line where the construct it complains of opened."""
    if "\t" in line[: len(line) - len(line.lstrip())] or "'\\t'" in str(e.problem):
        return "check.yaml_tab", False
    said = f"{e.context or ''} {e.problem or ''}"
    return next(
        ((key, start) for words, key, start in _YAML_HINTS if words in said), ("check.yaml", False)
    )


_WIDE_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]+)\s*：")
_TIGHT_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]+):(?=[^\s:/])")


def _ascii_colon(line: str, number: int, keys: frozenset[str]) -> None:
    """``title：`` (the full-width colon a Chinese input method types) is no key at all
    to YAML, which then reports a puzzling error lines later; name it here. Only for
    the names of ``keys``: a line of a longer text may well hold ``Note：``."""
    m = _WIDE_COLON.match(line)
    if m and m.group(1) in keys:
        raise SourceError(number, "check.wide_colon", key=m.group(1))
    m = _TIGHT_COLON.match(line)  # title:运动会 is one string to YAML, and no key
    if m and m.group(1) in keys:
        raise SourceError(number, "check.colon_space", key=m.group(1))


def split(text: str, keys: frozenset[str] = frozenset()) -> Source:
    """Split ``---`` front matter from the body and parse it safely; ``keys`` are the
    names a full-width colon after is reported for."""
    if not text.strip():
        raise SourceError(1, "check.empty")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise SourceError(1, "check.no_front_matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise SourceError(1, "check.front_matter_open")
    for i in range(1, end):
        _ascii_colon(lines[i], i + 1, keys)
    meta, line_of, dups = parse_yaml("\n".join(lines[1:end]), base=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(2, "check.front_matter_not_mapping")
    return Source(meta, line_of, "\n".join(lines[end + 1 :]), end + 2, dups)

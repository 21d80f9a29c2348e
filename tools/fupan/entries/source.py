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

# Limits that keep one careless or hostile file from hanging every command.
MAX_FILE_BYTES = 2_000_000  # an entry of 2 MB is some 600,000 Chinese characters
MAX_YAML_VALUES = 20_000  # values in one YAML file, counting each use of an &anchor

Path_ = tuple  # a key path into the front matter, e.g. ("metrics", 0, "target")


class SourceError(Exception):
    """The file cannot be read as an entry at all; carries the line to report."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


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
        raise SourceError(1, _os_message(e)) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(
                1,
                "not a regular file (a folder, pipe or device); remove it or move it out of reviews/",
            )
        if st.st_size > limit:
            raise SourceError(
                1,
                f"file is {st.st_size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB: "
                "keep attachments and data in other files and link to them",
            )
        try:
            return f.read(limit + 1)
        except OSError as e:
            raise SourceError(1, _os_message(e)) from None


def _os_message(e: OSError) -> str:
    if e.filename and os.path.islink(e.filename) and not os.path.exists(e.filename):
        return (
            f"broken link: it points to {os.readlink(e.filename)}, which cannot be read; "
            "remove the link or restore its target"
        )
    return f"cannot read file: {e.strerror}"


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
            hint = "save it as UTF-8 in your editor"
        else:
            hint = (
                "it looks like GBK/GB18030 (common in Windows editors); convert it with "
                "`iconv -f GB18030 -t UTF-8 FILE > FILE.new` or save it as UTF-8"
            )
        raise SourceError(line, f"file is not UTF-8 encoded; {hint}") from None
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


_TOO_MANY = (
    f"too many values (more than {MAX_YAML_VALUES:,}, counting each use of an &anchor "
    "by *name); write the values out, or split the file"
)


class _Budget:
    """Counts values as the line map visits them: an &anchor used again and again
    (a "billion laughs" of a few hundred bytes) is stopped before it is expanded."""

    def __init__(self, base: int):
        self.left, self.base = MAX_YAML_VALUES, base
        self.open: set[yaml.Node] = set()  # collections being walked: a cycle is an error

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise SourceError(node.start_mark.line + self.base, _TOO_MANY)


def _line_map(
    node: yaml.Node, base: int, prefix: Path_, out: dict, dups: list, budget: _Budget
) -> None:
    budget.spend(node)
    if isinstance(node, yaml.CollectionNode):
        if node in budget.open:
            raise SourceError(
                node.start_mark.line + base,
                "an &anchor is used inside itself (*name within &name); write the values out",
            )
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
        raise SourceError(base, _TOO_MANY)
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
        raise SourceError(
            _long_number_line(node, base),
            "a number is thousands of digits long; write a real figure",
        ) from None
    except RecursionError:
        raise SourceError(base, "invalid YAML: values are nested too deeply") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + base if mark else base
        what = (e.problem or str(e)).strip()
        if "could not determine a constructor" in str(e):
            what = f"YAML tag refused ({what}); only plain values are allowed"
        raise SourceError(line, f"invalid YAML: {what}") from None
    except yaml.reader.ReaderError as e:  # a control character, typed or pasted
        line = text.count("\n", 0, max(e.position, 0)) + base
        raise SourceError(
            line, f"a control character (#x{e.character:04x}) is in the text; delete it"
        ) from None
    except yaml.YAMLError as e:
        raise SourceError(base, f"invalid YAML: {e}") from None
    finally:
        loader.dispose()
    return data, lines, dups


_WIDE_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]+)\s*：")


def _ascii_colon(line: str, number: int, keys: frozenset[str]) -> None:
    """``title：`` (the full-width colon a Chinese input method types) is no key at all
    to YAML, which then reports a puzzling error lines later; name it here. Only for
    the names of ``keys``: a line of a longer text may well hold ``Note：``."""
    m = _WIDE_COLON.match(line)
    if m and m.group(1) in keys:
        raise SourceError(
            number,
            f"'{m.group(1)}' is followed by a full-width colon '：'; write an English colon "
            f"and a space: '{m.group(1)}: ...' (switch the input method to English for it)",
        )


def split(text: str, keys: frozenset[str] = frozenset()) -> Source:
    """Split ``---`` front matter from the body and parse it safely; ``keys`` are the
    names a full-width colon after is reported for."""
    if not text.strip():
        raise SourceError(1, "file is empty; start from the template made by `fupan new`")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise SourceError(
            1,
            "no front matter: the file must start with a line '---', the YAML keys, "
            "and another '---'",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise SourceError(1, "front matter is not closed: add a line '---' after the last key")
    for i in range(1, end):
        _ascii_colon(lines[i], i + 1, keys)
    meta, line_of, dups = parse_yaml("\n".join(lines[1:end]), base=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(
            2, "front matter must be a mapping of keys to values (title: ..., unit: ...)"
        )
    return Source(meta, line_of, "\n".join(lines[end + 1 :]), end + 2, dups)

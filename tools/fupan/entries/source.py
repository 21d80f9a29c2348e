"""From a file's bytes to front matter values with line numbers and a Markdown body.

python-frontmatter splits and parses in one step and forgets where each key stood;
the checker must name the line of every bad value, so we split here and compose the
YAML node tree (safe loader only: tags that construct Python objects are refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path_ = tuple  # a key path into the front matter, e.g. ("metrics", 0, "target")


class SourceError(Exception):
    """The file cannot be read as an entry at all; carries the line to report."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Source:
    meta: dict
    lines: dict[Path_, int]  # key path -> 1-based line in the file
    body: str
    body_line: int  # line of the body's first line in the file
    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)

    def line(self, *path: object) -> int:
        """Line of the deepest known key on ``path`` (falls back to its parents)."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


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


def _line_map(node: yaml.Node, base: int, prefix: Path_, out: dict, dups: list) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + base
            if key in seen and not prefix:
                dups.append((key, line))
            seen.add(key)
            out[(*prefix, key)] = line
            _line_map(value_node, base, (*prefix, key), out, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*prefix, i)] = item.start_mark.line + base
            _line_map(item, base, (*prefix, i), out, dups)


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
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + base if mark else base
        what = (e.problem or str(e)).strip()
        if "could not determine a constructor" in str(e):
            what = f"YAML tag refused ({what}); only plain values are allowed"
        raise SourceError(line, f"invalid YAML: {what}") from None
    except yaml.YAMLError as e:
        raise SourceError(base, f"invalid YAML: {e}") from None
    finally:
        loader.dispose()
    lines: dict = {}
    dups: list = []
    if node is not None:
        _line_map(node, base, (), lines, dups)
    return data, lines, dups


def split(text: str) -> Source:
    """Split ``---`` front matter from the body and parse it safely."""
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
    meta, line_of, dups = parse_yaml("\n".join(lines[1:end]), base=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(
            2, "front matter must be a mapping of keys to values (title: ..., unit: ...)"
        )
    return Source(meta, line_of, "\n".join(lines[end + 1 :]), end + 2, dups)

"""Small helpers over pandoc's document tree (its JSON form): text, tables, new blocks."""

from __future__ import annotations

import copy
from collections.abc import Iterator

NO_ATTR = ["", [], []]
_SPACES = {"Space": " ", "SoftBreak": "\n", "LineBreak": "\n"}


def text(node: object) -> str:
    """The plain text of a node or a list of nodes; line breaks kept as newlines."""
    if isinstance(node, list):
        return "".join(text(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return content
    if kind in _SPACES:
        return _SPACES[kind]
    if kind in ("Code", "Math"):
        return content[-1]
    if kind in ("Link", "Image"):
        return text(content[1])
    if kind in ("Span", "Div", "Cite"):
        return text(content[-1] if kind != "Cite" else content[1])
    if kind == "Quoted":
        return "“" + text(content[1]) + "”"
    if kind in ("Para", "Plain", "Header"):
        inlines = content[-1] if kind == "Header" else content
        return text(inlines) + ("\n" if kind != "Plain" else "")
    if isinstance(content, list):
        return text(content)
    return ""


def is_bold(block: dict) -> bool:
    """A paragraph written wholly in bold: how many offices mark a heading."""
    if block.get("t") not in ("Para", "Plain"):
        return False
    inlines = [i for i in block["c"] if i.get("t") not in _SPACES]
    return bool(inlines) and all(i.get("t") == "Strong" for i in inlines)


def header(level: int, title: str) -> dict:
    return {"t": "Header", "c": [level, NO_ATTR, [{"t": "Str", "c": title}]]}


def plain(value: str) -> dict:
    return {"t": "Plain", "c": [{"t": "Str", "c": value}] if value else []}


def ordered_list(items: list[list[dict]]) -> dict:
    return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}


def table_rows(table: dict) -> list[list[dict]]:
    """Every row of a table, head rows first, as grids of cells with merged cells
    spread over the places they cover (a merged cell's content in each place)."""
    _, _, colspecs, head, bodies, foot = table["c"]
    rows = [r[1] for r in head[1]]
    for body in bodies:
        rows += [r[1] for r in body[2]] + [r[1] for r in body[3]]
    rows += [r[1] for r in foot[1]]
    width = len(colspecs)
    grid: list[list[dict | None]] = [[None] * width for _ in rows]
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            while c < width and grid[r][c] is not None:
                c += 1
            _, _, rowspan, colspan, _ = cell
            for dr in range(rowspan):
                for dc in range(colspan):
                    if r + dr < len(grid) and c + dc < width:
                        grid[r + dr][c + dc] = cell
            c += colspan
    return [[cell or [NO_ATTR, {"t": "AlignDefault"}, 1, 1, []] for cell in row] for row in grid]


def cell_text(cell: list) -> str:
    return " ".join(text(cell[4]).split())


def table_texts(table: dict) -> list[list[str]]:
    return [[cell_text(c) for c in row] for row in table_rows(table)]


def head_rows(table: dict) -> int:
    return len(table["c"][3][1])


def pipe_table(table: dict, keep: list[int] | None = None) -> dict:
    """The same table (or its rows ``keep``) with no merged cells and one line per
    cell, which a Markdown pipe table can hold: merged content repeats in each place
    it covered."""
    rows = table_rows(table)
    heads = max(head_rows(table), 1)
    if keep is not None:
        rows, heads = [rows[i] for i in keep], 1

    def row(cells: list) -> list:
        return [NO_ATTR, [[NO_ATTR, c[1], 1, 1, [_one_line(c[4])]] for c in cells]]

    out = copy.copy(table)
    _, _, colspecs, head, _, foot = table["c"]
    body = [NO_ATTR, 0, [], [row(r) for r in rows[heads:]]]
    out["c"] = [
        NO_ATTR,
        [None, []],
        colspecs,
        [NO_ATTR, [row(r) for r in rows[:heads]]],
        [body],
        [NO_ATTR, []],
    ]
    return out


def _one_line(blocks: list) -> dict:
    inlines: list = []
    for block in blocks:
        if block.get("t") in ("Para", "Plain"):
            part = block["c"]
        else:
            part = [{"t": "Str", "c": " ".join(text(block).split())}]
        if inlines and part:
            inlines.append({"t": "Space"})
        inlines += [
            i if i.get("t") not in ("SoftBreak", "LineBreak") else {"t": "Space"} for i in part
        ]
    return {"t": "Plain", "c": inlines}


def images(node: object) -> Iterator[dict]:
    """Every Image inline under a node, to point it at where its file is saved."""
    if isinstance(node, list):
        for n in node:
            yield from images(n)
    elif isinstance(node, dict):
        if node.get("t") == "Image":
            yield node
        yield from images(node.get("c"))

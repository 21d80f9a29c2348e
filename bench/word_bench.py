"""Word in and actions edited: which converter, and which way of editing YAML.

1. Which converter reads union offices' Word files best: pandoc or mammoth. Both
   read the same documents (tests/wordmake.py: heading styles, bold 一、 lines, header
   block as lines or as a table, tables, a merged cell, lists, an image) and write
   HTML, so what each kept can be counted the same way; one row per converter and
   document shape, with the time per document.
2. Which edit of one action's status keeps the other bytes of a hand-written entry
   (tests/test_action_edit.py's CRLF file with comments and both quotings): fupan's
   line-precise edit, or a ruamel.yaml round trip.

    python bench/word_bench.py      # mammoth and ruamel.yaml are optional: pip install them

pandoc comes from pypandoc-binary (a fupan dependency).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import wordmake  # noqa: E402

SHAPES = {
    "heading styles": {"headings": "styles"},
    "bold 一、 lines, header table": {"headings": "bold", "header": "table"},
}
# what a document of each shape holds, and how to see it in the HTML
FEATURES: dict[str, Callable[[str], bool]] = {
    "headings": lambda h: len(re.findall(r"<h[1-6]", h)) >= 5,
    "bullet list": lambda h: "<ul" in h,
    "numbered list": lambda h: "<ol" in h,
    "table header": lambda h: "<th" in h,
    "merged cell": lambda h: 'colspan="2"' in h,
    "image as file": lambda h: bool(re.search(r'<img[^>]+src="(?!data:)', h)),
    "title": lambda h: "运动会复盘" in h,
}


def pandoc_html(path: Path, media: Path) -> str:
    import pypandoc

    return pypandoc.convert_file(
        str(path), "html", extra_args=[f"--extract-media={media}", "--standalone"]
    )


def mammoth_html(path: Path, media: Path) -> str:
    import mammoth

    with path.open("rb") as f:
        return mammoth.convert_to_html(f).value


def main() -> None:
    converters = {"pandoc": pandoc_html}
    try:
        import mammoth  # noqa: F401

        converters["mammoth"] = mammoth_html
    except ImportError:
        print("mammoth is not installed; measuring pandoc only", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape, options in SHAPES.items():
            doc = wordmake.review(Path(tmp) / f"{len(rows)}.docx", **options)
            for name, convert in converters.items():
                convert(doc, Path(tmp) / "warm")  # first run pays for loading
                start = time.perf_counter()
                runs = 5
                for n in range(runs):
                    html = convert(doc, Path(tmp) / f"m{n}")
                ms = 1000 * (time.perf_counter() - start) / runs
                kept = [k for k, test in FEATURES.items() if test(html)]
                lost = [k for k in FEATURES if k not in kept]
                rows.append(
                    (
                        name,
                        shape,
                        f"{len(kept)}/{len(FEATURES)}",
                        ", ".join(lost) or "-",
                        f"{ms:.0f}",
                    )
                )
    show(("converter", "document", "kept", "lost", "ms/doc"), rows)
    print()
    show(("edit of actions[0].status", "lines changed", "lines that had to change"), edits())


def edits() -> list[tuple]:
    """Lines of the front matter that differ after setting one status, per method."""
    from fupan.entries import edit
    from test_action_edit import HAND

    original = HAND.replace("\n", "\r\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "a.md")
        path.write_bytes(original.encode("utf-8"))
        planned = edit.plan(path, 1, {"status": "done"})
        rows.append(("fupan line edit", _changed(original, planned.new.decode("utf-8")), 1))
    try:
        import io

        from ruamel.yaml import YAML
    except ImportError:
        return rows
    yaml = YAML()
    yaml.preserve_quotes = True
    head, rest = original.split("---\r\n")[1], original.split("---\r\n", 2)[2]
    data = yaml.load(head)
    data["actions"][0]["status"] = "done"
    out = io.StringIO()
    yaml.dump(data, out)
    after = "\ufeff---\r\n" + out.getvalue() + "---\r\n" + rest
    rows.append(("ruamel.yaml round trip", _changed(original, after), 1))
    return rows


def _changed(before: str, after: str) -> int:
    a, b = before.split("\n"), after.split("\n")
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


def show(headers: tuple, rows: list) -> None:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for r in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()

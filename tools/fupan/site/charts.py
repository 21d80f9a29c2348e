"""Static bar charts as inline SVG: no JavaScript, no fonts or scripts from elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from .html import esc

SHRINK = 0.85  # the least a chart is scaled down to fit a narrow page: 13 px letters at 11
FITS = 420  # px of a chart that, so scaled, fits a phone's page (358 px at 390)
FONT = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif"


@dataclass
class Bar:
    label: str  # e.g. the unit
    value: float  # bar length, e.g. a completion share
    text: str  # shown at the bar's end
    mark: str = ""  # "best" / "weakest" colour the bar (see marked)


def marked(bars: list[Bar]) -> list[Bar]:
    """The longest bar marked best and the shortest weakest, by this chart's own values
    (a unit best overall may be last on one metric), when there is a difference."""
    values = [b.value for b in bars]
    hi, lo = max(values, default=0.0), min(values, default=0.0)
    if len(bars) < 2 or hi == lo:
        return bars
    return [
        Bar(
            b.label,
            b.value,
            b.text,
            "best" if b.value == hi else "weakest" if b.value == lo else "",
        )
        for b in bars
    ]


def _text_width(text: str) -> int:
    return sum(14 if ord(ch) > 0x2E80 else 8 for ch in text)


def bar_chart(title: str, bars: list[Bar], reference: float | None = 1.0) -> str:
    """Horizontal bars, one per row; a dashed line marks ``reference`` (the target)."""
    label_w = min(240, max([_text_width(b.label) for b in bars] + [60]) + 12)
    text_w = max([_text_width(b.text) for b in bars] + [40]) + 10
    # bars shorter when labels and figures are long, so that the chart fits a phone
    bar_w, row_h, top = min(180, max(120, FITS - label_w - text_w)), 28, 30
    width, height = label_w + bar_w + text_w, top + row_h * len(bars) + 10
    scale_max = max([b.value for b in bars] + [reference or 0, 1e-9])
    out = [
        '<div class="fupan-scroll">'
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fupan-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        # as wide as the page allows, down to SHRINK of its size (its letters stay
        # legible on a phone); narrower than that, it scrolls sideways
        f'style="width:100%;max-width:{width}px;min-width:{round(width * SHRINK)}px" '
        f'font-family="{esc(FONT)}" font-size="13">',
        f"<title>{esc(title)}</title>",
        f'<text x="0" y="18" font-weight="bold">{esc(title)}</text>',
    ]
    if reference:  # under the bars and their figures, which stay readable across it
        x = label_w + reference / scale_max * bar_w
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 6}" '
            'stroke="#555" stroke-dasharray="4 3"/>'
        )
    for i, b in enumerate(bars):
        y = top + i * row_h
        length = max(0.0, b.value) / scale_max * bar_w
        colour = {"best": "#2e7d32", "weakest": "#c62828"}.get(b.mark, "#3f51b5")
        out += [
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{esc(b.label)}</text>',
            f'<rect class="fupan-bar" x="{label_w}" y="{y + 4}" width="{length:.1f}" '
            f'height="{row_h - 10}" fill="{colour}" data-label="{esc(b.label)}"/>',
            f'<text class="fupan-figure" x="{label_w + length + 6:.1f}" y="{y + 17}">'
            f"{esc(b.text)}</text>",
        ]
    out.append("</svg></div>")
    return "".join(out)

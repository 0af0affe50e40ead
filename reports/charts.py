"""Figures drawn on the server with matplotlib (Agg, no pyplot state): SVG for the page
and the PDF, PNG for Word, labelled in the active language (Noto fonts; Arabic joined and
put in display order first, since matplotlib does not shape). The figure's number and title
are the document's, above the image, never inside it; legends sit below the axes, so they
never cover a bar or its value."""

import io

import matplotlib

matplotlib.use("Agg")

from django.utils.translation import get_language  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402

from ethics_office.base.fonts import (  # noqa: E402, F401
    CJK_FILES,
    CJK_FONT,
    is_right_to_left,
    register_fonts,
    shape_right_to_left,
)

from .document import Figure, n  # noqa: E402

COLOURS = ["#0b3d6b", "#5b92c8", "#e0a800", "#7a9a01", "#b5443a"]
# Bump when the drawing changes, so cached images of the old drawing are not served.
DRAWING_VERSION = "4"
FIGSIZE, DPI = (7.5, 3.8), 110
# The image's size in CSS pixels (for the page's width and height attributes, so the layout
# does not move when the image arrives).
SIZE_PX = (round(FIGSIZE[0] * 96), round(FIGSIZE[1] * 96))


def render(figure: Figure, fmt: str = "svg") -> bytes:
    families = register_fonts()
    rtl = is_right_to_left(get_language())

    def label(text) -> str:
        return shape_right_to_left(text) if rtl else str(text)

    cats = [label(c) for c in figure.categories]
    positions = list(range(len(cats)))
    legend = False
    with matplotlib.rc_context(
        {"font.family": families, "svg.fonttype": "path", "axes.unicode_minus": False}
    ):
        fig = MplFigure(figsize=FIGSIZE, dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        if figure.kind == "hbar":
            values = figure.series[0][1]
            bars = ax.barh(positions, values, color=COLOURS[0])
            ax.set_yticks(positions, cats)
            ax.invert_yaxis()
            ax.bar_label(bars, labels=[n(v) for v in values], padding=3)
            ax.margins(x=0.12)
            if rtl:
                ax.yaxis.tick_right()
                ax.invert_xaxis()
        elif figure.kind in ("grouped", "bar"):
            count = len(figure.series)
            width = 0.8 / count
            for i, (name, values) in enumerate(figure.series):
                offsets = [p - 0.4 + width * (i + 0.5) for p in positions]
                bars = ax.bar(offsets, values, width, label=label(name), color=COLOURS[i % len(COLOURS)])
                ax.bar_label(bars, labels=[n(v) for v in values], padding=2, fontsize=7)
            rotate = len(cats) > 5
            ax.set_xticks(positions, cats, rotation=30 if rotate else 0, ha="right" if rotate else "center")
            ax.margins(y=0.12)
            legend = count > 1
        elif figure.kind == "stacked":
            bottom = [0] * len(cats)
            for i, (name, values) in enumerate(figure.series):
                ax.bar(
                    positions, values, 0.6, bottom=bottom, label=label(name), color=COLOURS[i % len(COLOURS)]
                )
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            for p, total in zip(positions, bottom, strict=True):
                ax.annotate(n(total), (p, total), ha="center", va="bottom", fontsize=8)
            ax.set_xticks(positions, cats)
            ax.margins(y=0.1)
            legend = True
        if figure.kind != "hbar" and rtl:
            ax.invert_xaxis()
            ax.yaxis.tick_right()
        if legend:
            # Above the axes, outside the plotting area (the figure's title is the document's, so
            # the space is free): it can never cover a bar, its value or an axis label.
            ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02), ncol=len(figure.series), frameon=False,
                      fontsize=8)  # fmt: skip
        ax.spines[["top", "left" if rtl else "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def fingerprint(figure: Figure, fmt: str) -> str:
    """The figure's cache key: its numbers and labels (so its language), the format and the drawing."""
    import hashlib
    import json

    data = json.dumps(
        [DRAWING_VERSION, fmt, get_language(), figure.kind, figure.categories, figure.series], default=str
    )
    return "reports-chart-" + hashlib.sha256(data.encode()).hexdigest()


def render_cached(figure: Figure, fmt: str = "svg") -> bytes:
    """The same figure (same numbers, labels and language) is drawn once a day at most."""
    from django.core.cache import cache

    key = fingerprint(figure, fmt)
    data = cache.get(key)
    if data is None:
        data = render(figure, fmt)
        cache.set(key, data, 60 * 60 * 24)
    return data

"""Figures drawn on the server with matplotlib (Agg, no pyplot state): SVG for the page
and the PDF, PNG for Word. Chinese labels use Noto Sans CJK SC."""

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402

from ethics_office.base.fonts import CJK_FILES, CJK_FONT, register_fonts  # noqa: E402, F401

from .document import Figure  # noqa: E402

COLOURS = ["#0b3d6b", "#5b92c8", "#e0a800", "#7a9a01", "#b5443a"]


def render(figure: Figure, fmt: str = "svg") -> bytes:
    families = register_fonts()
    fig = MplFigure(figsize=(7.5, 3.8), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    cats = figure.categories
    positions = list(range(len(cats)))
    with matplotlib.rc_context(
        {"font.family": families, "svg.fonttype": "path", "axes.unicode_minus": False}
    ):
        if figure.kind == "hbar":
            values = figure.series[0][1]
            bars = ax.barh(positions, values, color=COLOURS[0])
            ax.set_yticks(positions, cats, fontfamily=families)
            ax.invert_yaxis()
            ax.bar_label(bars, padding=3, fontfamily=families)
        elif figure.kind in ("grouped", "bar"):
            count = len(figure.series)
            width = 0.8 / count
            for i, (name, values) in enumerate(figure.series):
                offsets = [p - 0.4 + width * (i + 0.5) for p in positions]
                bars = ax.bar(offsets, values, width, label=name, color=COLOURS[i % len(COLOURS)])
                ax.bar_label(bars, padding=2, fontsize=7, fontfamily=families)
            ax.set_xticks(positions, cats, fontfamily=families, rotation=30 if len(cats) > 5 else 0, ha="right"
                          if len(cats) > 5 else "center")  # fmt: skip
            if count > 1:
                ax.legend(prop={"family": families})
        elif figure.kind == "stacked":
            bottom = [0] * len(cats)
            for i, (name, values) in enumerate(figure.series):
                ax.bar(positions, values, 0.6, bottom=bottom, label=name, color=COLOURS[i % len(COLOURS)])
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            for p, total in zip(positions, bottom, strict=True):
                ax.annotate(f"{total:,}", (p, total), ha="center", va="bottom", fontsize=8)
            ax.set_xticks(positions, cats)
            ax.legend(prop={"family": families}, fontsize=8)
        ax.set_title(f"{figure.caption}  {figure.title}", fontsize=9, fontfamily=families, wrap=True)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def render_cached(figure: Figure, fmt: str = "svg") -> bytes:
    """The same figure (same numbers, labels and language) is drawn once a day at most."""
    import hashlib
    import json

    from django.core.cache import cache

    fingerprint = json.dumps(
        [fmt, figure.kind, figure.caption, figure.title, figure.categories, figure.series], default=str
    )
    key = "reports-chart-" + hashlib.sha256(fingerprint.encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        data = render(figure, fmt)
        cache.set(key, data, 60 * 60 * 24)
    return data

"""The assessment's figures, drawn on the server (matplotlib Agg, no pyplot state): SVG for the
page and the PDF, PNG for Word. Each figure is shown with its data table beside it."""

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ethics_office.base.fonts import register_fonts  # noqa: E402

BLUE, AMBER, RED, GREEN = "#0b3d6b", "#e0a800", "#b5443a", "#7a9a01"


def _rc() -> dict:
    # Figures and axes are made inside this context, so every text object gets the CJK font.
    return {"font.family": register_fonts(), "svg.fonttype": "path", "axes.unicode_minus": False}


def _save(fig, fmt):
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buffer.getvalue()


def heat_map(points: list[dict], *, title: str, x_label: str, y_label: str, fmt: str = "svg") -> bytes:
    """Perceived likelihood (x) × severity (y), 1–5, on a green-to-red ground; one labelled dot per risk."""
    families = register_fonts()
    fig = Figure(figsize=(6.5, 5.2), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    with matplotlib.rc_context(
        {"font.family": families, "svg.fonttype": "path", "axes.unicode_minus": False}
    ):
        grid = [[(x + y) / 2 for x in range(1, 6)] for y in range(1, 6)]
        ax.imshow(
            grid, extent=(0.5, 5.5, 0.5, 5.5), origin="lower", cmap="RdYlGn_r", alpha=0.35, vmin=1, vmax=5
        )
        for point in points:
            x, y = point.get("likelihood"), point.get("severity")
            if x is None or y is None:
                continue
            ax.scatter([x], [y], s=60, color=BLUE, zorder=3)
            ax.annotate(
                point["label"],
                (x, y),
                xytext=(5, 4),
                textcoords="offset points",
                fontsize=8,
                fontfamily=families,
            )
        ax.set_xlim(0.5, 5.5)
        ax.set_ylim(0.5, 5.5)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.set_xlabel(x_label, fontfamily=families)
        ax.set_ylabel(y_label, fontfamily=families)
        ax.set_title(title, fontsize=10, fontfamily=families)
        fig.tight_layout()
        return _save(fig, fmt)


def section_bars(labels: list[str], shares: list[float | None], *, title: str, fmt: str = "svg") -> bytes:
    """Share of favourable answers per item of one section (suppressed items are left out)."""
    families = register_fonts()
    pairs = [(label, share) for label, share in zip(labels, shares, strict=True) if share is not None]
    fig = Figure(figsize=(7.0, 0.5 + 0.45 * max(len(pairs), 1)), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    with matplotlib.rc_context(
        {"font.family": families, "svg.fonttype": "path", "axes.unicode_minus": False}
    ):
        positions = list(range(len(pairs)))
        values = [round(100 * share, 1) for _, share in pairs]
        bars = ax.barh(positions, values, color=BLUE)
        ax.set_yticks(positions, [label for label, _ in pairs], fontsize=8, fontfamily=families)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.bar_label(bars, padding=3, fontsize=8, fontfamily=families)
        ax.set_title(title, fontsize=10, fontfamily=families)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        return _save(fig, fmt)


def cached(draw, fmt: str, **data) -> bytes:
    """The same chart (same numbers, labels and language) is drawn once a day at most."""
    import hashlib
    import json

    from django.core.cache import cache

    fingerprint = json.dumps([draw.__name__, fmt, data], default=str, sort_keys=True)
    key = "assessment-chart-" + hashlib.sha256(fingerprint.encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        content = draw(fmt=fmt, **data)
        cache.set(key, content, 60 * 60 * 24)
    return content

"""Fonts for server-side charts and documents: Chinese labels need Noto Sans CJK SC
(Debian fonts-noto-cjk), registered with matplotlib once. Imports nothing of the project."""

from functools import cache
from pathlib import Path

CJK_FONT = "Noto Sans CJK SC"
CJK_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
]


@cache
def register_fonts() -> list[str]:
    """Add the CJK font once; fall back to DejaVu Sans for Latin text if it is missing."""
    from matplotlib import font_manager

    for path in CJK_FILES:
        if Path(path).exists():
            font_manager.fontManager.addfont(path)
    names = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in (CJK_FONT, "DejaVu Sans") if name in names] or ["sans-serif"]

"""Fonts for server-side charts and documents in the six official languages: Latin and
Cyrillic in Noto Sans/Serif and Arabic in Noto Naskh/Sans Arabic (Debian fonts-noto-core),
Chinese in Noto Sans CJK SC (fonts-noto-cjk), registered with matplotlib once.
Imports nothing of the project."""

from functools import cache
from pathlib import Path

CJK_FONT = "Noto Sans CJK SC"
ARABIC_FONT = "Noto Naskh Arabic"
ARABIC_SANS_FONT = "Noto Sans Arabic"
LATIN_FONT = "Noto Sans"  # Latin, Greek and Cyrillic
SERIF_FONT = "Noto Serif"
CJK_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
]
NOTO_DIR = "/usr/share/fonts/truetype/noto"
NOTO_FILES = [
    f"{NOTO_DIR}/{name}.ttf"
    for name in (
        "NotoSans-Regular", "NotoSans-Bold", "NotoSerif-Regular", "NotoSerif-Bold",
        "NotoSansArabic-Regular", "NotoSansArabic-Bold", "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold",
    )
]  # fmt: skip


@cache
def register_fonts() -> list[str]:
    """Add the Noto fonts once; the families in fallback order (matplotlib picks, glyph by glyph,
    the first family that has it). DejaVu Sans stands in for whatever is missing."""
    from matplotlib import font_manager

    for path in [*NOTO_FILES, *CJK_FILES]:
        if Path(path).exists():
            font_manager.fontManager.addfont(path)
    names = {f.name for f in font_manager.fontManager.ttflist}
    wanted = (LATIN_FONT, ARABIC_SANS_FONT, CJK_FONT, "DejaVu Sans")
    return [name for name in wanted if name in names] or ["sans-serif"]


def is_right_to_left(language: str | None) -> bool:
    return (language or "").lower().split("-", 1)[0] in {"ar", "fa", "he", "ur"}


def shape_right_to_left(text: str) -> str:
    """Arabic text joined and put in display order, for renderers without shaping (matplotlib)."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(str(text)))

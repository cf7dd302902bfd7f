"""Text on the social cards: the bundled fonts, and fitting text into a box.

Text never leaves its box: it is wrapped to the box width (at spaces and after hyphens), made
smaller step by step down to a minimum size, and the last line that fits ends with «…».

The fonts are read from `generator/fonts/` only, never from the system, and laid out with
Pillow's basic layout (not Raqm), so a machine without fonts or Raqm draws the same pixels.
`social_images.py` draws the cards with these and caches them.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from PIL import ImageFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
LAYOUT_ENGINE = ImageFont.Layout.BASIC  # the same glyph positions with or without Raqm
ELLIPSIS = "…"
SIZE_STEP = 2  # pixels the font shrinks by per try
Weight = Literal["regular", "bold"]


def font_path(weight: Weight) -> Path:
    return FONTS_DIR / FONT_FILES[weight]


_fonts = threading.local()  # a FreeType face must not be used by two threads at once


def load_font(weight: Weight, size: int) -> ImageFont.FreeTypeFont:
    """The bundled font, loaded once per size in each thread."""
    if not hasattr(_fonts, "loaded"):
        _fonts.loaded = {}
    loaded: dict[tuple[str, int], ImageFont.FreeTypeFont] = _fonts.loaded
    key = (weight, size)
    if key not in loaded:
        loaded[key] = ImageFont.truetype(str(font_path(weight)), size, layout_engine=LAYOUT_ENGINE)
    return loaded[key]


def text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The width of the line's box as `ImageDraw.textbbox` gives it (the wider of the advance
    and the ink), counting ink left of the start («J» reaches back), so no glyph pokes out."""
    if not text:
        return 0
    left, _, right, _ = font.getbbox(text)
    return right - min(0, left)


def line_height(font: ImageFont.FreeTypeFont) -> int:
    ascent, descent = font.getmetrics()
    return ascent + descent


def pieces(text: str) -> list[tuple[str, bool]]:
    """The places a line may break, as (piece, follows_a_space): «Spesialsykepleier-kreft
    natt» gives («Spesialsykepleier-», True), («kreft», False), («natt», True)."""
    result: list[tuple[str, bool]] = []
    for word in text.split():
        parts = word.split("-")
        for index, part in enumerate(parts):
            piece = part + ("-" if index < len(parts) - 1 else "")
            if piece:
                result.append((piece, index == 0))
    return result


def split_wide(piece: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A piece wider than the box, cut into chunks that fit (the last resort for one word)."""
    chunks: list[str] = []
    current = ""
    for character in piece:
        if current and text_width(font, current + character) > width:
            chunks.append(current)
            current = ""
        current += character
    return [*chunks, current] if current else chunks


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking at spaces and after hyphens, cutting only words too wide alone."""
    lines: list[str] = []
    current = ""
    for piece, after_space in pieces(text):
        candidate = current + (" " if after_space and current else "") + piece
        if text_width(font, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = piece
        if text_width(font, piece) > width:
            *whole, current = split_wide(piece, font, width)
            lines.extend(whole)
    return [*lines, current] if current else lines


def truncate(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The line shortened until it fits with «…» after it, by words while it has several."""
    while line:
        candidate = line.rstrip(" ,.;:-–·") + ELLIPSIS
        if text_width(font, candidate) <= width:
            return candidate
        line = line.rsplit(" ", 1)[0] if " " in line.strip() else line[:-1]
    return ELLIPSIS


@dataclass(frozen=True)
class FittedText:
    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    line_height: int

    @property
    def height(self) -> int:
        return len(self.lines) * self.line_height


def fit_text(
    text: str, weight: Weight, sizes: tuple[int, int], width: int, height: int, max_lines: int
) -> FittedText:
    """The largest size from `sizes` (largest, smallest) at which the wrapped text fits the
    box; at the smallest size, the lines that fit, the last ending with «…»."""
    largest, smallest = sizes
    size = largest
    while True:
        font = load_font(weight, size)
        step = line_height(font)
        lines = wrap(text, font, width)
        room = max(1, min(max_lines, height // step))
        if len(lines) <= room:
            return FittedText(tuple(lines), font, step)
        if size <= smallest:
            kept = [*lines[: room - 1], truncate(lines[room - 1], font, width)]
            return FittedText(tuple(kept), font, step)
        size = max(smallest, size - SIZE_STEP)


@cache
def font_digests() -> dict[str, str]:
    return {
        name: hashlib.sha256((FONTS_DIR / name).read_bytes()).hexdigest()
        for name in FONT_FILES.values()
    }

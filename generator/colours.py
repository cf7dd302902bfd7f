"""Colours and their contrast as WCAG 2.1 defines it (relative luminance, contrast ratio).

Used when the site settings are read (brand colours must carry white text) and when the share
images are drawn (the text colour is chosen for the background).
"""

from __future__ import annotations

Color = tuple[int, int, int]

WHITE: Color = (255, 255, 255)
BLACK: Color = (0, 0, 0)
MIN_CONTRAST = 4.5  # WCAG 2.1 AA, normal text (success criterion 1.4.3)


def parse_color(color: str) -> Color:
    """«#0b5a73» or «#fff» as (red, green, blue)."""
    digits = color.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def hex_color(color: Color) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Color, second: Color) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def darkened_for_contrast(color: Color, against: Color = WHITE) -> Color:
    """The lightest shade of ``color`` (the same hue, mixed with black) that reaches
    MIN_CONTRAST against ``against``: what to suggest when a brand colour is too light."""
    for step in range(101):
        keep = 1 - step / 100
        shade = (round(color[0] * keep), round(color[1] * keep), round(color[2] * keep))
        if contrast_ratio(shade, against) >= MIN_CONTRAST:
            return shade
    return BLACK

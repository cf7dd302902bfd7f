"""WCAG contrast maths, checked against published reference values."""

from __future__ import annotations

import pytest

from generator.colours import (
    BLACK,
    MIN_CONTRAST,
    WHITE,
    contrast_ratio,
    darkened_for_contrast,
    hex_color,
    parse_color,
)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Reference values from WebAIM's contrast checker.
        ("#ffffff", "#000000", 21.0),
        ("#767676", "#ffffff", 4.54),
        ("#777777", "#ffffff", 4.48),
        ("#0b5a73", "#ffffff", 7.71),
        ("#fff", "#ffffff", 1.0),
    ],
)
def test_contrast_ratio_matches_reference_values(first: str, second: str, expected: float) -> None:
    assert contrast_ratio(parse_color(first), parse_color(second)) == pytest.approx(
        expected, abs=0.01
    )


@pytest.mark.parametrize("color", ["#ff9900", "#4fa3c4", "#ffff00", "#e0e0e0", "#ff0000"])
def test_the_suggested_shade_is_the_lightest_of_the_same_hue_that_carries_white_text(
    color: str,
) -> None:
    original = parse_color(color)
    shade = darkened_for_contrast(original)
    assert contrast_ratio(shade, WHITE) >= MIN_CONTRAST
    # No darker than needed: the lightest passing shade is within a step of 4.5:1.
    assert contrast_ratio(shade, WHITE) < MIN_CONTRAST + 0.2
    # Same hue: the channels keep their proportions (to rounding).
    brightest = max(range(3), key=lambda index: original[index])
    for index in range(3):
        if original[brightest]:
            assert shade[index] / max(shade[brightest], 1) == pytest.approx(
                original[index] / original[brightest], abs=0.02
            )


def test_a_colour_that_already_passes_is_kept_and_black_is_the_last_resort() -> None:
    assert darkened_for_contrast(parse_color("#0b5a73")) == parse_color("#0b5a73")
    assert darkened_for_contrast(WHITE, against=BLACK) == WHITE
    assert hex_color(darkened_for_contrast(BLACK, against=BLACK)) == "#000000"

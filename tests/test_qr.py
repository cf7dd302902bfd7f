"""QR codes for print: the address with UTM parameters, read back by an independent decoder."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from generator.render.qr import event_qr_url, qr_code, qr_png, qr_svg

PAGE = "https://karriere.fjordvik.kommune.no/arrangementer/utdanningsmessa-2026/"
QR_URL = f"{PAGE}?utm_source=qr&utm_medium=print&utm_campaign=utdanningsmessa-2026"
SVG = "{http://www.w3.org/2000/svg}"


def decode(image: Image.Image) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def test_the_address_gets_the_utm_parameters() -> None:
    assert event_qr_url(PAGE, "utdanningsmessa-2026") == QR_URL


def test_other_parameters_and_the_fragment_are_kept_and_old_utm_values_replaced() -> None:
    url = event_qr_url(f"{PAGE}?lang=nb&utm_source=facebook#program", "messe")
    parts = urlsplit(url)
    assert parts.fragment == "program"
    assert parse_qs(parts.query) == {
        "lang": ["nb"],
        "utm_source": ["qr"],
        "utm_medium": ["print"],
        "utm_campaign": ["messe"],
    }
    assert parts.query.startswith("lang=nb&")


def test_the_png_decodes_to_exactly_the_utm_address(tmp_path: Path) -> None:
    png = tmp_path / "qr.png"
    qr_png(QR_URL, png)
    with Image.open(png) as image:
        assert decode(image) == [QR_URL]


def test_the_symbol_is_robust_enough_for_print() -> None:
    symbol = qr_code(QR_URL)
    assert not symbol.is_micro
    assert symbol.error in {"M", "Q", "H"}


def test_the_svg_is_well_formed_and_sized_for_print() -> None:
    svg = qr_svg(QR_URL)
    assert not svg.startswith("<?xml")
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox")
    assert root.get("width", "").endswith("mm")
    assert root.get("width") == root.get("height")
    assert qr_svg(QR_URL) == svg


def rasterise(svg: str, pixels_per_unit: int = 8) -> Image.Image:
    """Draw segno's SVG on white: its dark modules are one path of horizontal strokes
    (`M`/`m` moves and `h` runs, each one unit thick, centred on the pen's y)."""
    root = ElementTree.fromstring(svg)
    size = float(root.get("viewBox", "").split()[2])
    group = root.find(f"{SVG}g")
    transform = group.get("transform", "") if group is not None else ""
    scale_match = re.fullmatch(r"scale\(([\d.]+)\)", transform)
    scale = float(scale_match.group(1)) if scale_match else 1.0
    modules = round(size / scale)
    strokes = [path for path in root.iter(f"{SVG}path") if path.get("stroke")]
    assert len(strokes) == 1
    image = Image.new("L", (modules * pixels_per_unit,) * 2, 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, arguments in re.findall(r"([MmhHvVz])([^MmhHvVz]*)", strokes[0].get("d", "")):
        numbers = [float(number) for number in arguments.replace(",", " ").split()]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command == "h":
            top = (y - 0.5) * pixels_per_unit
            left, right = x * pixels_per_unit, (x + numbers[0]) * pixels_per_unit
            draw.rectangle((left, top, right - 1, top + pixels_per_unit - 1), fill=0)
            x += numbers[0]
        else:
            pytest.fail(f"segno drew an unexpected path command {command!r}")
    return image


def test_the_svg_itself_decodes_to_exactly_the_utm_address() -> None:
    assert decode(rasterise(qr_svg(QR_URL))) == [QR_URL]

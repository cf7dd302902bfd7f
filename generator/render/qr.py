"""QR codes for printed material (posters, flyers, roll-ups) that lead to an event's page.

The address carries UTM parameters, so visits from print can be told apart in the statistics.
The SVG has no title or role: the template wraps it in markup that names it.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import segno

UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")
# Medium error correction (15 %) keeps long addresses in a small symbol; segno raises it to Q
# or H when that fits in the same size. Four modules of quiet zone, as ISO/IEC 18004 asks.
ERROR_CORRECTION = "m"
QUIET_ZONE = 4
# Half a millimetre per module: about 3 cm for an event address, readable at arm's length.
# The SVG has a viewBox, so CSS can make it larger for a poster.
MODULE_MM = 0.5
PNG_SCALE = 8


def event_qr_url(page_url: str, event_slug: str) -> str:
    """The page's address with utm_source=qr, utm_medium=print, utm_campaign=<slug>.
    Other query parameters and the fragment are kept; old UTM values are replaced."""
    parts = urlsplit(page_url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query = [(key, value) for key, value in query if key not in UTM_KEYS]
    query += [("utm_source", "qr"), ("utm_medium", "print"), ("utm_campaign", event_slug)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def qr_code(url: str) -> segno.QRCode:
    """The symbol both the SVG and the PNG are drawn from."""
    return segno.make_qr(url, error=ERROR_CORRECTION, boost_error=True)


def qr_svg(url: str) -> str:
    """An inline SVG (no XML declaration) in black on white, sized in millimetres."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        scale=MODULE_MM,
        unit="mm",
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        svgclass="qr-code",
    )
    return buffer.getvalue().decode("utf-8")


def qr_png(url: str, path: Path, *, scale: int = PNG_SCALE) -> None:
    """The same symbol as a PNG, for flyers made in a word processor."""
    qr_code(url).save(
        str(path), kind="png", scale=scale, border=QUIET_ZONE, dark="#000", light="#fff"
    )

"""Images for sharing on social media: a link preview (also the page's og:image) and the
Instagram sizes, drawn with Pillow from the brand colours and the bundled DejaVu Sans.

Each card shows a kicker («Ledig stilling») under an accent bar, the item's title large and
bold, a line of detail, and at the foot the logo (a PNG or JPEG; an SVG logo cannot be drawn
without an SVG renderer, so the organisation's name is set as a wordmark instead). A job at
another employer than the site's organisation (a non-profit's nursing home, a neighbour
municipality on a regional site) shows that employer's logo or name, never the site's. The text
colour is white when it reaches WCAG contrast 4.5:1 on the primary colour, otherwise dark.

Text never leaves its box: `text_fitting.py` wraps it to the box width, makes it smaller step
by step down to a minimum size, and ends the last line that fits with «…», in the bundled fonts
only. Every line's box is recorded, so tests can check that it lies inside the card's safe area
(`content_box`). The full text is always in the alt text, also when the image had to cut it.

Rendering is cached like the photos (`images.py`): the key covers the content and everything
that shapes the image, and file names carry a short form of it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import PIL
from PIL import Image, ImageDraw, features

from generator.colours import BLACK, MIN_CONTRAST, WHITE, Color, contrast_ratio, parse_color
from generator.language import slugify
from generator.models.site_config import Brand
from generator.render.images import write_atomically
from generator.render.text_fitting import LAYOUT_ENGINE, FittedText, fit_text, font_digests

# Raise when a change to this module or to `text_fitting.py` changes the output, so that
# cached cards are redone.
RENDER_VERSION = 1
SOCIAL_PATH = "assets/social"  # where the cards live in the site, as a URL path
HASH_LENGTH = 8
DARK = (20, 20, 20)
LOGO_FORMATS = ("PNG", "JPEG")
# Threads drawing at once: measured on two cores, threads were as fast as processes (the PNG
# encoder, most of the time, runs without the GIL) without pickling or fork's pitfalls.
MAX_WORKERS = 8
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class CardContent:
    """What one card says; `detail` is one line of facts, or a story's quote."""

    kind: Literal["job", "story", "event"]
    title: str
    detail: str
    kicker: str  # «Ledig stilling», «Historie», «Arrangement»
    organisation: str  # the name in the wordmark and the alt text: the employer's for a job
    alt: str = ""  # the alt text, when the default from the other fields will not do
    # False for a job at another employer than the site's organisation: the foot shows
    # `logo` (that employer's, a site path) or, without one, `organisation` as a wordmark.
    brand: bool = True
    logo: str | None = None


@dataclass(frozen=True)
class ImageSpec:
    name: str
    width: int
    height: int


SPECS: tuple[ImageSpec, ...] = (
    ImageSpec("link", 1200, 630),  # link previews (og:image, Facebook, LinkedIn)
    ImageSpec("square", 1080, 1080),  # Instagram feed
    ImageSpec("portrait", 1080, 1350),  # Instagram feed, 4:5
    ImageSpec("story", 1080, 1920),  # Instagram and Facebook stories
)


@dataclass(frozen=True)
class Layout:
    """Sizes in pixels for one spec. The margins make the safe area: stories keep clear of
    the top ~250 and bottom ~300 pixels the apps cover with their own controls."""

    margin_x: int
    margin_top: int
    margin_bottom: int
    kicker_size: int
    title_sizes: tuple[int, int]  # largest, smallest
    title_lines: int
    detail_sizes: tuple[int, int]
    detail_lines: int
    footer_height: int  # the logo or wordmark


LAYOUTS = {
    "link": Layout(64, 52, 48, 28, (64, 32), 4, (32, 22), 2, 52),
    "square": Layout(80, 80, 80, 36, (88, 40), 6, (40, 28), 4, 72),
    "portrait": Layout(80, 100, 100, 38, (96, 44), 7, (42, 30), 5, 80),
    "story": Layout(80, 260, 300, 40, (104, 48), 8, (44, 32), 6, 88),
}


@dataclass(frozen=True)
class RenderedImage:
    """One card file; `path` is its site-relative URL path, `text_boxes` the box of every
    line of text drawn, all inside `content_box`."""

    spec: ImageSpec
    path: str
    text_boxes: tuple[Box, ...]
    content_box: Box
    alt: str


@dataclass(frozen=True, eq=False)
class CardStyle:
    """The brand as the cards use it: colours as RGB, the logo decoded (None: a wordmark)."""

    primary: Color
    accent: Color
    logo: Image.Image | None


def alt_text(content: CardContent) -> str:
    """«Ledig stilling: Sykepleier natt. Solbakken sykehjem. 100 %. Søknadsfrist 8. desember.
    Fjordvik kommune.»: everything the card says, uncut, each part of the detail line read as
    a sentence of its own. `content.alt`, when given, is used instead."""
    if content.alt.strip():
        return content.alt.strip()
    details = [part for part in shown_detail(content).split(" · ") if part.strip()]
    sentences = [f"{content.kicker}: {content.title}", *details, content.organisation]
    return " ".join(end_sentence(sentence) for sentence in sentences if sentence.strip())


def shown_detail(content: CardContent) -> str:
    """The detail line as shown, a story's quote within «»."""
    detail = content.detail.strip()
    if content.kind == "story" and detail:
        return f"«{detail.strip('«»')}»"
    return detail


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "»", "…")) else text + "."


# Colours


def text_color(background: Color) -> Color:
    """White when it is readable on the background, else dark grey, else black (one of white
    and black always reaches 4.5:1)."""
    for candidate in (WHITE, DARK):
        if contrast_ratio(candidate, background) >= MIN_CONTRAST:
            return candidate
    return max((WHITE, BLACK), key=lambda candidate: contrast_ratio(candidate, background))


# Drawing


def read_logo(logo: bytes | None) -> Image.Image | None:
    """The logo as RGBA, or None when it is not a PNG or JPEG Pillow can read."""
    if not logo:
        return None
    try:
        with Image.open(io.BytesIO(logo), formats=LOGO_FORMATS) as opened:
            return opened.convert("RGBA")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


class Card:
    """Draws one card and records the box of every line of text: kicker, title, detail and
    wordmark, in that order."""

    def __init__(self, content: CardContent, style: CardStyle, spec: ImageSpec) -> None:
        self.content = content
        self.style = style
        self.layout = LAYOUTS[spec.name]
        self.ink = text_color(style.primary)
        self.image = Image.new("RGB", (spec.width, spec.height), style.primary)
        self.draw = ImageDraw.Draw(self.image)
        self.text_boxes: list[Box] = []
        layout = self.layout
        self.content_box: Box = (
            layout.margin_x,
            layout.margin_top,
            spec.width - layout.margin_x,
            spec.height - layout.margin_bottom,
        )

    def render(self) -> Image.Image:
        left, top, right, bottom = self.content_box
        layout, content = self.layout, self.content
        width = right - left
        bar_height = max(8, layout.kicker_size // 3)
        self.draw.rectangle(
            (left, top, left + layout.kicker_size * 3 - 1, top + bar_height - 1),
            fill=self.style.accent,
        )
        kicker_top = top + bar_height + layout.kicker_size // 2
        sizes = (layout.kicker_size, layout.kicker_size)
        kicker = fit_text(content.kicker, "bold", sizes, width, 2 * layout.kicker_size, 1)
        self.write(kicker, left, kicker_top)
        footer_top = bottom - layout.footer_height
        gap = layout.detail_sizes[0] // 2
        middle_top = kicker_top + kicker.height + gap
        middle_height = footer_top - gap - middle_top
        detail_text = shown_detail(content)
        # The detail may take a third of the middle, the title the rest.
        detail_box = (width, middle_height // 3)
        detail = fit_text(
            detail_text, "regular", layout.detail_sizes, *detail_box, layout.detail_lines
        )
        detail_gap = gap if detail.lines else 0
        title_box = (width, middle_height - detail.height - detail_gap)
        title = fit_text(content.title, "bold", layout.title_sizes, *title_box, layout.title_lines)
        block = title.height + detail_gap + detail.height
        y = middle_top + max(0, (middle_height - block) // 2)
        self.write(title, left, y)
        self.write(detail, left, y + title.height + detail_gap)
        self.footer(left, footer_top, right, bottom)
        return self.image

    def footer(self, left: int, top: int, right: int, bottom: int) -> None:
        """The logo on a white plate, or the organisation's name as a wordmark."""
        logo = self.style.logo
        height = bottom - top
        if logo is None:
            sizes = (round(height * 0.55), round(height * 0.35))
            wordmark = fit_text(self.content.organisation, "bold", sizes, right - left, height, 1)
            self.write(wordmark, left, bottom - wordmark.height)
            return
        padding = height // 6
        inner_height = height - 2 * padding
        scale = min(inner_height / logo.height, ((right - left) // 2) / logo.width)
        size = (max(1, round(logo.width * scale)), max(1, round(logo.height * scale)))
        resized = logo.resize(size, Image.Resampling.LANCZOS)
        plate = (left, top, left + size[0] + 2 * padding - 1, bottom - 1)
        self.draw.rounded_rectangle(plate, radius=padding, fill=WHITE)
        self.image.paste(resized, (left + padding, top + padding), resized)

    def write(self, text: FittedText, left: int, top: int) -> None:
        for index, line in enumerate(text.lines):
            x, y = left - min(0, text.font.getbbox(line)[0]), top + index * text.line_height
            self.draw.text((x, y), line, font=text.font, fill=self.ink)
            box = self.draw.textbbox((x, y), line, font=text.font)
            self.text_boxes.append((int(box[0]), int(box[1]), int(box[2]), int(box[3])))


def draw_card(
    content: CardContent, style: CardStyle, spec: ImageSpec, file: Path
) -> tuple[list[Box], Box]:
    """Draw one card into `file` as PNG; its text boxes and content box. A pure function of
    its input, so cards drawn in parallel have the same bytes as cards drawn one by one."""
    card = Card(content, style, spec)
    buffer = io.BytesIO()
    card.render().save(buffer, "PNG", optimize=True)
    write_atomically(file, buffer.getvalue())
    return card.text_boxes, card.content_box


class SocialImageRenderer:
    """Makes the cards of items into `cache_dir`, and copies them into a site.

    `rendered` and `reused` count image files: drawn, and found in the cache."""

    def __init__(
        self,
        cache_dir: Path,
        brand: Brand,
        site_dir: Path,
        specs: tuple[ImageSpec, ...] = SPECS,
        workers: int | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.brand = brand
        self.specs = specs
        self.workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
        self.site_dir = site_dir
        self.logo = read_file(site_dir / brand.logo) if brand.logo else None
        self.employer_logos: dict[str, bytes | None] = {}  # by site path, read once
        self.style = CardStyle(
            parse_color(brand.primary_color), parse_color(brand.accent_color), read_logo(self.logo)
        )
        self.rendered = 0
        self.reused = 0

    @property
    def has_raster_logo(self) -> bool:
        """Whether the brand's logo is drawn; an SVG or missing logo becomes a wordmark."""
        return self.style.logo is not None

    def recipe(self) -> dict[str, Any]:
        """Everything besides the content that shapes the cards."""
        return {
            "version": RENDER_VERSION,
            "pillow": PIL.__version__,
            "libraries": {name: features.version(name) for name in ("freetype2", "zlib")},
            "layout_engine": int(LAYOUT_ENGINE),
            "fonts": font_digests(),
            "specs": [asdict(spec) for spec in self.specs],
            "layouts": {spec.name: asdict(LAYOUTS[spec.name]) for spec in self.specs},
            "primary": self.brand.primary_color,
            "accent": self.brand.accent_color,
            "logo": hashlib.sha256(self.logo).hexdigest() if self.logo else None,
        }

    def employer_logo(self, content: CardContent) -> bytes | None:
        """The bytes of a card's own logo (another employer's), None for the brand's."""
        if content.brand or not content.logo:
            return None
        if content.logo not in self.employer_logos:
            self.employer_logos[content.logo] = read_file(self.site_dir / content.logo)
        return self.employer_logos[content.logo]

    def style_for(self, content: CardContent) -> CardStyle:
        """The brand's colours, with the brand's logo or the card's own employer's."""
        if content.brand:
            return self.style
        return CardStyle(
            self.style.primary, self.style.accent, read_logo(self.employer_logo(content))
        )

    def cache_key(self, content: CardContent) -> str:
        record: dict[str, Any] = {"recipe": self.recipe(), "content": asdict(content)}
        logo = self.employer_logo(content)
        if logo:
            record["employer_logo"] = hashlib.sha256(logo).hexdigest()
        return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()

    def render(self, slug: str, content: CardContent) -> list[RenderedImage]:
        """The cards of one item in every size, from the cache when nothing changed."""
        return self.render_many([(slug, content)])[slug]

    def render_many(self, items: list[tuple[str, CardContent]]) -> dict[str, list[RenderedImage]]:
        """The cards of many items by slug. Cards not in the cache are drawn in threads: most
        of the time goes to Pillow's PNG encoder, which releases the GIL."""
        results: dict[str, list[RenderedImage]] = {}
        missing: dict[str, tuple[str, str, CardContent]] = {}  # base → slug, key, content
        for slug, content in items:
            key = self.cache_key(content)
            base = f"{slugify(slug) or 'kort'}-{key[:HASH_LENGTH]}"
            cached = self._read_manifest(base, key)
            if cached is not None:
                self.reused += len(cached)
                results[slug] = cached
            else:
                missing[base] = (slug, key, content)
        tasks = [
            (content, style, spec, self.cache_dir / f"{base}-{spec.name}.png")
            for base, (_, _, content) in missing.items()
            for style in [self.style_for(content)]
            for spec in self.specs
        ]
        with ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(tasks)))) as pool:
            drawn = list(pool.map(lambda task: draw_card(*task), tasks))
        count = len(self.specs)
        for index, (base, (slug, key, content)) in enumerate(missing.items()):
            boxes = drawn[index * count : (index + 1) * count]
            images = [
                RenderedImage(
                    spec,
                    f"{SOCIAL_PATH}/{base}-{spec.name}.png",
                    tuple(text),
                    box,
                    alt_text(content),
                )
                for spec, (text, box) in zip(self.specs, boxes, strict=True)
            ]
            self.rendered += len(images)
            self._write_manifest(base, key, images)
            results[slug] = images
        return {slug: results[slug] for slug, _ in items}

    def copy_into(self, images: Iterable[RenderedImage], docs_dir: Path) -> None:
        """Copy the card files to `docs_dir/<image.path>`."""
        for image in images:
            destination = docs_dir / image.path
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.cache_file(image), destination)

    def cache_file(self, image: RenderedImage) -> Path:
        return self.cache_dir / PurePosixPath(image.path).name

    def _write_manifest(self, base: str, key: str, images: list[RenderedImage]) -> None:
        record = {"key": key, "images": [asdict(image) for image in images]}
        write_atomically(self.cache_dir / f"{base}.json", json.dumps(record, indent=1).encode())

    def _read_manifest(self, base: str, key: str) -> list[RenderedImage] | None:
        """The cached cards, or None when any of them is missing (then they are redrawn)."""
        try:
            record = json.loads((self.cache_dir / f"{base}.json").read_text(encoding="utf-8"))
            if record["key"] != key:
                return None
            images = [
                RenderedImage(
                    ImageSpec(**fields["spec"]),
                    fields["path"],
                    tuple(as_box(box) for box in fields["text_boxes"]),
                    as_box(fields["content_box"]),
                    fields["alt"],
                )
                for fields in record["images"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if [image.spec for image in images] != list(self.specs):
            return None
        if all(self.cache_file(image).is_file() for image in images):
            return images
        return None


def as_box(values: list[int]) -> Box:
    left, top, right, bottom = values
    return (left, top, right, bottom)


def read_file(path: Path) -> bytes | None:
    """The file's bytes, or None when it cannot be read (the logo's existence is checked
    with the rest of the site)."""
    try:
        return path.read_bytes()
    except OSError:
        return None

"""Photos for the web: resized at build time to a few widths, in AVIF, WebP and JPEG.

Every photo is turned upright by its EXIF orientation, converted to sRGB, flattened onto white
and then stripped of all metadata: no EXIF, no GPS position, no camera serial number, no XMP,
no colour profile, no comment. Ambassadors' photos are often taken at home, and the position
of their home must not leak with them.

Processing is cached by content: the key is the photo's bytes together with everything that
shapes the output (widths, formats, encoder settings, library versions, `PIPELINE_VERSION`),
and the output file names carry a short form of the key, so browsers may cache them forever.
The same photo with the same settings always gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import warnings
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import PIL
from PIL import Image, ImageOps, features

from generator.diagnostics import Diagnostics
from generator.language import slugify
from generator.site import Site

# Raise when a change to this module changes the output, so that cached photos are redone.
PIPELINE_VERSION = 1
IMAGES_PATH = "assets/images"  # where the variants live in the site, as a URL path
DEFAULT_WIDTHS = (400, 800, 1200)
HASH_LENGTH = 8
# Larger photos are refused rather than decoded: 80 megapixels take about 240 MB of memory.
MAX_PIXELS = 80_000_000
BACKGROUND = (255, 255, 255)  # transparent parts of a photo become white
READABLE_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "AVIF", "GIF")
# Modern formats first: the browser takes the first <source> it supports.
FORMAT_ORDER = ("avif", "webp", "jpeg")
FALLBACK_FORMAT = "jpeg"
PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
SUFFIXES = {"avif": ".avif", "webp": ".webp", "jpeg": ".jpg"}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
# Settings for photos on slow networks. AVIF is pinned to two threads: libaom's output depends
# on the thread count (one thread gives other bytes than two or more), and the build must give
# the same bytes on every machine.
ENCODER_SETTINGS: dict[str, dict[str, Any]] = {
    "avif": {"quality": 55, "speed": 6, "max_threads": 2},
    "webp": {"quality": 75, "method": 4},
    "jpeg": {"quality": 80, "optimize": True, "progressive": True},
}
SUPPORTED_FORMATS_HINT = "lagre bildet som JPEG eller PNG"


class ImageError(Exception):
    """A photo that cannot be used, with a Norwegian message and hint for a diagnostic."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Variant:
    """One output file: `path` is its site-relative URL path."""

    path: str
    width: int
    height: int
    format: str

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


@dataclass(frozen=True)
class ProcessedImage:
    """All variants of one photo; `width` and `height` are those of `fallback`, the largest
    JPEG, after orientation."""

    variants: tuple[Variant, ...]
    width: int
    height: int
    fallback: Variant

    @classmethod
    def from_variants(cls, variants: tuple[Variant, ...]) -> ProcessedImage:
        fallbacks = [variant for variant in variants if variant.format == FALLBACK_FORMAT]
        fallback = max(fallbacks, key=lambda variant: variant.width)
        return cls(variants, fallback.width, fallback.height, fallback)

    @property
    def formats(self) -> tuple[str, ...]:
        present = {variant.format for variant in self.variants}
        return tuple(format for format in FORMAT_ORDER if format in present)

    def candidates(self, format: str) -> list[dict[str, Any]]:
        """The variants of one format, narrowest first, as `{"url", "width"}` for templates
        (each URL must pass through MkDocs' `url` filter, so a srcset is built there)."""
        chosen = sorted(
            (variant for variant in self.variants if variant.format == format),
            key=lambda variant: variant.width,
        )
        return [{"url": variant.path, "width": variant.width} for variant in chosen]

    def srcset(self, format: str) -> str:
        """`"assets/images/x-400.webp 400w, assets/images/x-800.webp 800w"`."""
        return ", ".join(f"{item['url']} {item['width']}w" for item in self.candidates(format))

    def view(self, alt: str, sizes: str) -> dict[str, Any]:
        """Plain data for the `picture` macro (`partials/careers/picture.html`)."""
        if not alt.strip():
            raise ValueError("a photo needs alt text")
        return {
            "src": self.fallback.path,
            "width": self.width,
            "height": self.height,
            "alt": alt,
            "sizes": sizes,
            "sources": [
                {
                    "type": MIME_TYPES[format],
                    "srcset": self.srcset(format),
                    "candidates": self.candidates(format),
                }
                for format in self.formats
                if format != FALLBACK_FORMAT
            ],
            "srcset": self.srcset(FALLBACK_FORMAT),
            "candidates": self.candidates(FALLBACK_FORMAT),
        }


@cache
def can_encode(format: str) -> bool:
    """Whether this Pillow can write the format (AVIF needs libavif with an encoder)."""
    if format == "avif" and not features.check("avif"):
        return False
    try:
        Image.new("RGB", (8, 8)).save(io.BytesIO(), PILLOW_FORMATS[format])
    except (KeyError, OSError, ValueError):
        return False
    return True


def available_formats() -> tuple[str, ...]:
    return tuple(
        format for format in FORMAT_ORDER if format == FALLBACK_FORMAT or can_encode(format)
    )


def output_widths(original_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """The configured widths, never wider than the original: a width the photo cannot fill is
    replaced by the photo's own width, so there is always at least one."""
    return tuple(sorted({min(width, original_width) for width in widths}))


def output_name(relative_name: str) -> str:
    """«Historier/Åse Bråten.JPG» → «historier/ase-braten»: URL-safe, without the suffix."""
    path = PurePosixPath(relative_name.replace("\\", "/"))
    parts = [slugify(part) for part in [*path.parent.parts, path.stem] if part not in ("", ".")]
    parts = [part for part in parts if part]
    return "/".join(parts) if parts else "bilde"


class ImageProcessor:
    """Makes the variants of photos into `cache_dir`, and copies them into a site."""

    def __init__(
        self,
        cache_dir: Path,
        widths: tuple[int, ...] = DEFAULT_WIDTHS,
        formats: tuple[str, ...] | None = None,
        max_pixels: int = MAX_PIXELS,
    ) -> None:
        if not widths or min(widths) < 1:
            raise ValueError("widths must be positive")
        self.cache_dir = cache_dir
        self.widths = tuple(sorted(set(widths)))
        chosen = available_formats() if formats is None else formats
        self.formats = tuple(format for format in FORMAT_ORDER if format in chosen)
        if FALLBACK_FORMAT not in self.formats:
            raise ValueError("the JPEG fallback cannot be left out")
        self.max_pixels = max_pixels
        self.encoded = 0  # files encoded by this processor
        self.reused = 0  # photos found in the cache

    def recipe(self) -> dict[str, Any]:
        """Everything besides the photo itself that shapes the output files."""
        return {
            "pipeline": PIPELINE_VERSION,
            "pillow": PIL.__version__,
            "libraries": {name: features.version(name) for name in ("jpg", "webp", "avif")},
            "widths": self.widths,
            "formats": self.formats,
            "encoders": {format: ENCODER_SETTINGS[format] for format in self.formats},
            "background": BACKGROUND,
        }

    def cache_key(self, photo: bytes) -> str:
        digest = hashlib.sha256(json.dumps(self.recipe(), sort_keys=True).encode())
        digest.update(photo)
        return digest.hexdigest()

    def process(self, source: Path, relative_name: str) -> ProcessedImage:
        """The variants of `source`, named after `relative_name` (e.g. `stories/sofie.jpg`),
        from the cache when this photo was processed before with the same settings."""
        try:
            photo = source.read_bytes()
        except OSError as error:
            raise ImageError("kan ikke lese bildefilen", "sjekk at filen finnes") from error
        key = self.cache_key(photo)
        base = f"{output_name(relative_name)}-{key[:HASH_LENGTH]}"
        manifest = self.cache_dir / f"{base}.json"
        cached = self._read_manifest(manifest, key)
        if cached is not None:
            self.reused += 1
            return cached

        image = prepare(photo, self.max_pixels)
        variants: list[Variant] = []
        for width in output_widths(image.width, self.widths):
            height = max(1, round(image.height * width / image.width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS)
            for format in self.formats:
                variant = Variant(
                    f"{IMAGES_PATH}/{base}-{width}{SUFFIXES[format]}", width, height, format
                )
                write_atomically(self.cache_file(variant), encode(resized, format))
                self.encoded += 1
                variants.append(variant)
        processed = ProcessedImage.from_variants(tuple(variants))
        record = {"key": key, "variants": [asdict(variant) for variant in variants]}
        write_atomically(manifest, json.dumps(record, indent=1).encode())
        return processed

    def copy_into(self, processed: ProcessedImage, docs_dir: Path) -> None:
        """Copy the variant files to `docs_dir/<variant.path>`."""
        for variant in processed.variants:
            destination = docs_dir / variant.path
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.cache_file(variant), destination)

    def cache_file(self, variant: Variant) -> Path:
        return self.cache_dir / PurePosixPath(variant.path).relative_to(IMAGES_PATH)

    def _read_manifest(self, manifest: Path, key: str) -> ProcessedImage | None:
        """The cached result, or None when any of it is missing (a cache miss, not an error:
        the photo is simply processed again)."""
        try:
            record = json.loads(manifest.read_text(encoding="utf-8"))
            if record["key"] != key:
                return None
            variants = tuple(Variant(**fields) for fields in record["variants"])
            processed = ProcessedImage.from_variants(variants)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if all(self.cache_file(variant).is_file() for variant in variants):
            return processed
        return None


def prepare(photo: bytes, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """The photo upright, in sRGB, flattened onto white, as bare RGB pixels."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(photo), formats=readable_formats()) as opened:
                if opened.width * opened.height > max_pixels:
                    raise too_large(max_pixels, opened.size)
                upright = ImageOps.exif_transpose(opened)
                profile = opened.info.get("icc_profile")
                return pixels_only(to_srgb(flatten(upright), profile))
        except Image.UnidentifiedImageError as error:
            raise ImageError(
                "filen er ikke et bilde i et format som kan brukes (JPEG, PNG, WebP, AVIF eller "
                "GIF)",
                SUPPORTED_FORMATS_HINT,
            ) from error
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise too_large(max_pixels) from error
        except (OSError, SyntaxError, ValueError, EOFError, IndexError) as error:
            raise ImageError(
                "bildefilen er ødelagt eller ufullstendig",
                f"last opp bildet på nytt, eller {SUPPORTED_FORMATS_HINT}",
            ) from error


@cache
def readable_formats() -> tuple[str, ...]:
    """The photo formats this Pillow reads; other formats are not even tried."""
    Image.init()
    return tuple(format for format in READABLE_FORMATS if format in Image.OPEN)


def too_large(max_pixels: int, size: tuple[int, int] | None = None) -> ImageError:
    dimensions = f" ({size[0]} × {size[1]} piksler)" if size else ""
    return ImageError(
        f"bildet er for stort{dimensions}, grensen er {max_pixels // 1_000_000} megapiksler",
        "skaler bildet ned, for eksempel til 2400 piksler bredde",
    )


def flatten(image: Image.Image) -> Image.Image:
    """Transparent parts onto white, in every format alike; other modes to RGB (or CMYK and
    greyscale kept for the colour profile)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if has_alpha:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (*BACKGROUND, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if image.mode in ("RGB", "CMYK", "L"):
        return image
    return image.convert("RGB")


def to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """Colours converted from the photo's embedded profile (e.g. Display P3 from a phone) to
    sRGB, since the profile is dropped. A profile that cannot be read is ignored: the colours
    are then taken as sRGB, as browsers do."""
    if profile and features.check("littlecms2"):
        from PIL import ImageCms

        try:
            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None
        if converted is not None:
            return converted
    return image if image.mode == "RGB" else image.convert("RGB")


def pixels_only(image: Image.Image) -> Image.Image:
    """A new image with the pixels and nothing else: no `info` (EXIF, XMP, ICC profile,
    comment, DPI) for an encoder to carry over."""
    bare = Image.new("RGB", image.size)
    bare.paste(image)
    return bare


def encode(image: Image.Image, format: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, PILLOW_FORMATS[format], **ENCODER_SETTINGS[format])
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name, then rename: an interrupted build leaves no half file that
    a later build would take for a finished one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


# Under the site folder: resized, metadata-free photos by content hash, kept between builds.
PHOTO_CACHE = Path(".careers-cache") / "images"


def process_site_photos(site: Site, diagnostics: Diagnostics) -> dict[str, ProcessedImage]:
    """Every photo the published pages show (story portraits, job ad images), processed once
    and cached, by its site-relative path. A photo Pillow cannot read becomes a diagnostic."""
    processor = ImageProcessor(site.site_dir / PHOTO_CACHE)
    wanted: list[tuple[str, str, str]] = [
        (story.source, "photo", story.photo) for story in site.published_stories if story.photo
    ]
    wanted += [(job.source, "image", job.image) for job in site.jobs if job.image]
    processed: dict[str, ProcessedImage] = {}
    for source, field_name, relative in wanted:
        if relative in processed:
            continue
        try:
            name = relative.removeprefix("assets/")  # published under assets/images/
            processed[relative] = processor.process(site.site_dir / relative, name)
        except ImageError as error:
            diagnostics.add(source, 0, field_name, f"{relative}: {error.message}", error.hint)
    return processed

"""The photo pipeline: metadata stripped, orientation applied, sizes, cache, errors, <picture>."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from mkdocs.utils.templates import url_filter
from PIL import ExifTags, Image, ImageCms, ImageDraw

from generator.render.images import (
    IMAGES_PATH,
    ImageError,
    ImageProcessor,
    ProcessedImage,
    output_name,
)

REPO = Path(__file__).resolve().parent.parent
SERIAL = "SN-4471-0923-TEST"
MAKE = "Testkamera"
XMP_MARKER = "hjemmeadresse-hemmelig"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    f'syntax-ns#"><rdf:Description>{XMP_MARKER}</rdf:Description></rdf:RDF></x:xmpmeta>'
).encode()
RED = (220, 30, 30)
BLUE = (40, 120, 200)
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "dpi"}


def camera_exif(orientation: int) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera, serial number and the GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = "TK-1"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (59.0, 54.0, 30.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (10.0, 45.0, 12.25)
    return exif


def make_photo(path: Path, size: tuple[int, int] = (1600, 1200), orientation: int = 6) -> Path:
    """A JPEG whose stored top-left quarter is red, carrying every kind of metadata."""
    image = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1] // 2), fill=RED)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(
        path,
        "JPEG",
        quality=90,
        exif=camera_exif(orientation),
        xmp=XMP,
        icc_profile=srgb,
        comment=b"tatt hjemme",
    )
    return path


@dataclass
class Processed:
    source: Path
    processor: ImageProcessor
    image: ProcessedImage


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Processed:
    """One 1600 × 1200 camera photo, stored on its side (orientation 6), processed once."""
    folder = tmp_path_factory.mktemp("photo")
    source = make_photo(folder / "sofie.jpg")
    processor = ImageProcessor(folder / "cache")
    return Processed(source, processor, processor.process(source, "stories/sofie.jpg"))


def read_back(processor: ImageProcessor, image: ProcessedImage) -> dict[str, bytes]:
    return {v.path: processor.cache_file(v).read_bytes() for v in image.variants}


def color_near(pixel: object, expected: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) < 40 for a, b in zip(pixel[:3], expected, strict=True))


def test_the_source_photo_carries_the_metadata(photo: Processed) -> None:
    with Image.open(photo.source) as source:
        exif = source.getexif()
        assert exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] == SERIAL
        assert exif[ExifTags.Base.Orientation] == 6
        assert {"xmp", "icc_profile", "comment"} <= set(source.info)


def test_every_output_is_stripped_of_metadata(photo: Processed) -> None:
    outputs = read_back(photo.processor, photo.image)
    assert len(outputs) == 3 * len(photo.processor.formats)
    for path, data in outputs.items():
        with Image.open(io.BytesIO(data)) as output:
            exif = output.getexif()
            assert not exif, path
            assert not exif.get_ifd(ExifTags.IFD.GPSInfo), path
            assert not METADATA_KEYS & set(output.info), (path, set(output.info))
        for secret in (SERIAL, MAKE, XMP_MARKER, "tatt hjemme"):
            assert secret.encode() not in data, (path, secret)
        assert b"Exif\x00\x00" not in data, path


def test_orientation_is_applied(photo: Processed) -> None:
    assert (photo.image.width, photo.image.height) == (1200, 1600)
    for variant in photo.image.variants:
        with Image.open(photo.processor.cache_file(variant)) as output:
            rgb = output.convert("RGB")
            width, height = rgb.size
            # Turned a quarter clockwise: the stored top-left corner is now the top right.
            assert color_near(rgb.getpixel((width * 3 // 4, height // 8)), RED), variant
            assert color_near(rgb.getpixel((width // 4, height // 8)), BLUE), variant


def test_variants_exist_with_the_stated_sizes(photo: Processed, tmp_path: Path) -> None:
    photo.processor.copy_into(photo.image, tmp_path)
    formats = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}
    for variant in photo.image.variants:
        assert variant.path.startswith(f"{IMAGES_PATH}/stories/sofie-")
        with Image.open(tmp_path / variant.path) as output:
            assert output.size == (variant.width, variant.height)
            assert output.format == formats[variant.format]
    assert photo.image.fallback.format == "jpeg"
    assert photo.image.fallback.path.endswith("-1200.jpg")
    for format in photo.processor.formats:
        entries = [entry.split() for entry in photo.image.srcset(format).split(", ")]
        assert [width for _, width in entries] == ["400w", "800w", "1200w"]
        for url, width in entries:
            with Image.open(tmp_path / url) as output:
                assert f"{output.width}w" == width
    assert [(v.width, v.height) for v in photo.image.variants if v.format == "jpeg"] == [
        (400, 533),
        (800, 1067),
        (1200, 1600),
    ]


def test_a_small_photo_is_never_upscaled(tmp_path: Path) -> None:
    processor = ImageProcessor(tmp_path / "cache")
    small = processor.process(make_photo(tmp_path / "small.jpg", (300, 200), 1), "small.jpg")
    assert {(v.width, v.height) for v in small.variants} == {(300, 200)}
    assert len(small.variants) == len(processor.formats)
    medium = processor.process(make_photo(tmp_path / "medium.jpg", (1000, 750), 1), "medium.jpg")
    assert sorted({v.width for v in medium.variants}) == [400, 800, 1000]
    assert medium.width == 1000


def test_an_unchanged_photo_comes_from_the_cache(tmp_path: Path) -> None:
    source = make_photo(tmp_path / "ida.jpg", (600, 400))
    first = ImageProcessor(tmp_path / "cache", widths=(200, 400))
    processed = first.process(source, "ida.jpg")
    assert first.encoded == 2 * len(first.formats)
    times = {v.path: first.cache_file(v).stat().st_mtime_ns for v in processed.variants}

    second = ImageProcessor(tmp_path / "cache", widths=(200, 400))
    assert second.process(source, "ida.jpg") == processed
    assert (second.encoded, second.reused) == (0, 1)
    assert times == {v.path: second.cache_file(v).stat().st_mtime_ns for v in processed.variants}

    # Other settings or another photo are processed afresh, under another name.
    other_widths = ImageProcessor(tmp_path / "cache", widths=(200, 300))
    assert other_widths.process(source, "ida.jpg").fallback.path != processed.fallback.path
    assert other_widths.encoded == 2 * len(first.formats)
    make_photo(source, (600, 400), orientation=1)
    changed = second.process(source, "ida.jpg")
    assert second.encoded > 0
    assert changed.fallback.path != processed.fallback.path


def test_a_missing_cache_file_means_processing_again(tmp_path: Path) -> None:
    source = make_photo(tmp_path / "jonas.jpg", (600, 400))
    processor = ImageProcessor(tmp_path / "cache", widths=(200,))
    processed = processor.process(source, "jonas.jpg")
    processor.cache_file(processed.fallback).unlink()
    assert processor.process(source, "jonas.jpg") == processed
    assert processor.encoded == 2 * len(processor.formats)
    assert processor.cache_file(processed.fallback).is_file()


def test_output_is_byte_identical_from_build_to_build(photo: Processed, tmp_path: Path) -> None:
    again = ImageProcessor(tmp_path / "cache")
    processed = again.process(photo.source, "stories/sofie.jpg")
    assert processed == photo.image
    assert read_back(again, processed) == read_back(photo.processor, photo.image)


def test_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 199, 299), fill=(*RED, 255))
    image.save(tmp_path / "logo.png")
    processor = ImageProcessor(tmp_path / "cache", widths=(400,))
    processed = processor.process(tmp_path / "logo.png", "logo.png")
    for variant in processed.variants:
        with Image.open(processor.cache_file(variant)) as output:
            assert output.mode == "RGB", variant
            assert color_near(output.getpixel((300, 150)), (255, 255, 255)), variant
            assert color_near(output.getpixel((100, 150)), RED), variant


def test_a_text_file_named_jpg_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "portrett.jpg"
    source.write_text("Dette er ikke et bilde.\n", encoding="utf-8")
    with pytest.raises(ImageError) as caught:
        ImageProcessor(tmp_path / "cache").process(source, "portrett.jpg")
    assert "ikke et bilde" in caught.value.message
    assert caught.value.hint == "lagre bildet som JPEG eller PNG"
    assert not (tmp_path / "cache").exists()


def test_a_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    whole = make_photo(tmp_path / "whole.jpg", (800, 600)).read_bytes()
    source = tmp_path / "truncated.jpg"
    source.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImageError) as caught:
        ImageProcessor(tmp_path / "cache").process(source, "truncated.jpg")
    assert "ødelagt eller ufullstendig" in caught.value.message
    assert caught.value.hint


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="kan ikke lese"):
        ImageProcessor(tmp_path / "cache").process(tmp_path / "borte.jpg", "borte.jpg")


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size without having the pixels: opening it reads only this."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b""))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(50_000, 50_000), (10_000, 9_000)])
def test_a_decompression_bomb_is_refused(tmp_path: Path, size: tuple[int, int]) -> None:
    source = tmp_path / "bomb.png"
    source.write_bytes(png_header(*size))
    with pytest.raises(ImageError, match="for stort"):
        ImageProcessor(tmp_path / "cache").process(source, "bomb.png")


def test_the_pixel_limit_can_be_set(tmp_path: Path) -> None:
    source = tmp_path / "wide.png"
    source.write_bytes(png_header(2000, 1000))
    with pytest.raises(ImageError) as caught:
        ImageProcessor(tmp_path / "cache", max_pixels=1_000_000).process(source, "wide.png")
    assert caught.value.message.startswith("bildet er for stort (2000 × 1000 piksler)")


def test_output_names_are_url_safe() -> None:
    assert output_name("Historier/Åse Bråten.JPG") == "historier/ase-braten"
    assert output_name("sofie.jpg") == "sofie"
    assert output_name("___.jpg") == "bilde"


def test_the_view_needs_alt_text(photo: Processed) -> None:
    with pytest.raises(ValueError):
        photo.image.view("  ", "100vw")


def test_the_view_is_plain_data(photo: Processed) -> None:
    view = photo.image.view("Sofie på jobb", "(min-width: 45em) 20rem, 100vw")
    assert view["src"] == photo.image.fallback.path
    assert (view["width"], view["height"]) == (1200, 1600)
    assert view["srcset"] == photo.image.srcset("jpeg")
    modern = [format for format in photo.processor.formats if format != "jpeg"]
    assert [source["type"] for source in view["sources"]] == [f"image/{f}" for f in modern]


def render_picture(view: dict[str, object], call: str, base_url: str) -> BeautifulSoup:
    environment = Environment(loader=FileSystemLoader(REPO / "overrides"))
    environment.filters["url"] = url_filter
    template = environment.from_string(
        '{% from "partials/careers/picture.html" import picture with context %}' + call
    )
    html = template.render(image=view, page=None, base_url=base_url)
    return BeautifulSoup(html, "lxml")


def test_the_picture_macro(photo: Processed) -> None:
    view = photo.image.view('Sofie <smiler> "på jobb"', "(min-width: 45em) 20rem, 100vw")
    soup = render_picture(view, "{{ picture(image) }}", "../..")
    img = soup.find("img")
    assert img is not None
    assert img["src"] == f"../../{photo.image.fallback.path}"
    assert img["alt"] == 'Sofie <smiler> "på jobb"'
    assert (img["width"], img["height"]) == ("1200", "1600")
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    assert not img.has_attr("fetchpriority")
    assert img["sizes"] == "(min-width: 45em) 20rem, 100vw"
    assert (
        str(img["srcset"]).split(", ")[0]
        == f"../../{photo.image.candidates('jpeg')[0]['url']} 400w"
    )
    sources = soup.find_all("source")
    assert [source["type"] for source in sources] == [s["type"] for s in view["sources"]]
    for source in sources:
        urls = [entry.split()[0] for entry in str(source["srcset"]).split(", ")]
        assert len(urls) == 3
        assert all(url.startswith(f"../../{IMAGES_PATH}/") for url in urls)

    eager = render_picture(view, '{{ picture(image, loading="eager", class_="hero") }}', ".")
    img = eager.find("img")
    assert img is not None
    assert (img["loading"], img["fetchpriority"], img["class"]) == ("eager", "high", ["hero"])

"""Social-media cards: sizes, text inside its box, Norwegian letters, contrast, cache, logo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFont

from generator.models.site_config import Brand
from generator.render import text_fitting
from generator.render.social_images import (
    SOCIAL_PATH,
    SPECS,
    CardContent,
    RenderedImage,
    SocialImageRenderer,
)
from generator.render.text_fitting import FONTS_DIR, fit_text, load_font, text_width

JOB = CardContent(
    kind="job",
    title="Sykepleier natt",
    detail="Solbakken sykehjem · 100 % · Søknadsfrist 8. desember",
    kicker="Ledig stilling",
    organisation="Fjordvik kommune",
)
LONG_WORDS = " ".join(["Spesialsykepleier-kreftsykepleier"] * 7)[:200]
WORST_JOB = CardContent(
    kind="job",
    title=LONG_WORDS,
    detail="Fjordvik helse- og omsorgssenter, avdeling for langtidsopphold, lindrende behandling "
    "og korttidsrehabilitering for eldre med sammensatte behov · 2 stillinger: 100 % og 75 % "
    "· Søknadsfrist 8. desember",
    kicker="Ledig stilling",
    organisation="Fjordvik kommune, helse- og omsorgstjenestene, virksomhet for sykehjem",
)
STORY = CardContent(
    kind="story",
    title="Åse fant drømmejobben på Øyane",
    detail="Her får jeg bruke hele meg, og kollegaene mine er de beste jeg har hatt. " * 6,
    kicker="Historie",
    organisation="Fjordvik kommune",
)
EVENT = CardContent(
    kind="event",
    title="Fagdag om demens og ernæring",
    detail="Torsdag 3. desember kl. 09.00–15.00 · Fjordvik rådhus, store sal",
    kicker="Arrangement",
    organisation="Fjordvik kommune",
)
DEFAULT_BRAND = Brand(primary_color="#0b5a73", accent_color="#b8410b")
# Validation refuses such a brand (white text on it fails WCAG), but the renderer still picks a
# readable text colour for any background it is given.
LIGHT_BRAND = Brand.model_construct(primary_color="#f2d16b", accent_color="#0b5a73")


def make_renderer(
    tmp_path: Path, brand: Brand = DEFAULT_BRAND, workers: int | None = None
) -> SocialImageRenderer:
    return SocialImageRenderer(tmp_path / "cache", brand, tmp_path / "site", workers=workers)


def pixel(card: Image.Image, x: int, y: int) -> tuple[int, int, int]:
    red, green, blue = card.getpixel((x, y))  # type: ignore[misc]
    return (red, green, blue)


def open_card(renderer: SocialImageRenderer, image: RenderedImage) -> Image.Image:
    with Image.open(renderer.cache_file(image)) as opened:
        return opened.convert("RGB")


# Independent of the module's own contrast code: WCAG 2.x relative luminance and ratio.
def luminance(rgb: tuple[int, ...]) -> float:
    linear = [
        (c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
        for c in rgb[:3]
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def wcag_contrast(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_inside(box: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    return outer[0] <= box[0] <= box[2] <= outer[2] and outer[1] <= box[1] <= box[3] <= outer[3]


def test_all_four_sizes_exactly(tmp_path: Path) -> None:
    renderer = make_renderer(tmp_path)
    images = renderer.render("sykepleier-natt", JOB)
    assert [image.spec for image in images] == list(SPECS)
    assert [(image.spec.name, image.spec.width, image.spec.height) for image in images] == [
        ("link", 1200, 630),
        ("square", 1080, 1080),
        ("portrait", 1080, 1350),
        ("story", 1080, 1920),
    ]
    for image in images:
        assert image.path.startswith(f"{SOCIAL_PATH}/sykepleier-natt-")
        assert image.path.endswith(f"-{image.spec.name}.png")
        with Image.open(renderer.cache_file(image)) as opened:
            assert opened.format == "PNG"
            assert opened.size == (image.spec.width, image.spec.height)


@pytest.mark.parametrize(
    "content", [JOB, WORST_JOB, STORY, EVENT], ids=["job", "worst", "story", "event"]
)
def test_text_stays_inside_the_content_box(tmp_path: Path, content: CardContent) -> None:
    renderer = make_renderer(tmp_path)
    for image in renderer.render("kort", content):
        whole = (0, 0, image.spec.width, image.spec.height)
        assert is_inside(image.content_box, whole)
        assert len(image.text_boxes) >= 3  # kicker, title, wordmark at least
        for box in image.text_boxes:
            assert is_inside(box, image.content_box), (image.spec.name, box, image.content_box)
        # Nothing at all is drawn outside the content box: the margins are plain background.
        card = open_card(renderer, image)
        background = pixel(card, 0, 0)
        left, top, right, bottom = image.content_box
        for margin in ((0, 0, left, card.height), (right, 0, card.width, card.height),
                       (0, 0, card.width, top), (0, bottom, card.width, card.height)):  # fmt: skip
            assert card.crop(margin).getcolors() == [
                ((margin[2] - margin[0]) * (margin[3] - margin[1]), background)
            ], (image.spec.name, margin)


def test_text_shrinks_then_ends_with_an_ellipsis() -> None:
    short = fit_text("Sykepleier natt", "bold", (64, 32), 1000, 400, 4)
    assert short.font.size == 64 and short.lines == ("Sykepleier natt",)
    medium = fit_text(LONG_WORDS, "bold", (64, 32), 1000, 400, 4)
    assert 32 <= medium.font.size < 64
    assert not medium.lines[-1].endswith("…")
    cut = fit_text(LONG_WORDS * 3, "bold", (64, 32), 500, 400, 3)
    assert cut.font.size == 32
    assert len(cut.lines) == 3
    assert cut.lines[-1].endswith("…")
    assert cut.height <= 400
    assert all(text_width(cut.font, line) <= 500 for line in cut.lines)
    # A single word wider than the box is broken, never drawn past the edge.
    word = fit_text(
        "Kreftsykepleierspesialistutdanningskoordinator", "bold", (64, 64), 300, 1000, 9
    )
    assert all(text_width(word.font, line) <= 300 for line in word.lines)


def test_the_bundled_font_draws_norwegian_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (FONTS_DIR / "LICENSE-DejaVu.txt").is_file()
    for weight, name in text_fitting.FONT_FILES.items():
        font = load_font(weight, 40)  # type: ignore[arg-type]
        assert Path(str(font.path)) == FONTS_DIR / name
        assert font.getmask("æøåÆØÅ").getbbox() is not None
        missing = list(font.getmask("\U000f0000"))  # no glyph: the font's empty box
        for letter in "æøåÆØÅ":
            assert list(font.getmask(letter)) != missing

    opened: list[str] = []
    real_truetype = ImageFont.truetype

    def recording_truetype(font: str, *args: object, **kwargs: object) -> ImageFont.FreeTypeFont:
        opened.append(str(font))
        return real_truetype(font, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(text_fitting, "_fonts", type(text_fitting._fonts)())
    monkeypatch.setattr(ImageFont, "truetype", recording_truetype)
    make_renderer(tmp_path, workers=1).render("aase", STORY)
    assert opened
    assert all(Path(path).parent == FONTS_DIR for path in opened)


def test_second_render_is_a_cache_hit(tmp_path: Path) -> None:
    first = make_renderer(tmp_path)
    images = first.render("sykepleier-natt", JOB)
    assert (first.rendered, first.reused) == (4, 0)
    before = {image.path: first.cache_file(image).read_bytes() for image in images}

    second = make_renderer(tmp_path)
    assert second.render("sykepleier-natt", JOB) == images
    assert (second.rendered, second.reused) == (0, 4)
    assert {image.path: second.cache_file(image).read_bytes() for image in images} == before


def test_a_changed_brand_colour_or_text_misses_the_cache(tmp_path: Path) -> None:
    first = make_renderer(tmp_path)
    images = first.render("sykepleier-natt", JOB)
    recoloured = make_renderer(tmp_path, Brand(primary_color="#5a1f73", accent_color="#b8410b"))
    again = recoloured.render("sykepleier-natt", JOB)
    assert (recoloured.rendered, recoloured.reused) == (4, 0)
    assert {image.path for image in again}.isdisjoint(image.path for image in images)
    retitled = make_renderer(tmp_path)
    retitled.render("sykepleier-natt", CardContent(**{**JOB.__dict__, "title": "Sykepleier dag"}))
    assert retitled.rendered == 4


@pytest.mark.parametrize(
    ("brand", "expect_white"), [(DEFAULT_BRAND, True), (LIGHT_BRAND, False)], ids=["dark", "light"]
)
def test_text_colour_has_enough_contrast(tmp_path: Path, brand: Brand, expect_white: bool) -> None:
    renderer = make_renderer(tmp_path, brand)
    for image in renderer.render("sykepleier-natt", JOB):
        card = open_card(renderer, image)
        background = pixel(card, 0, 0)
        assert background == pixel(Image.new("RGB", (1, 1), brand.primary_color), 0, 0)
        title_box = image.text_boxes[1]  # the kicker's, then the title's first line
        colours = [colour for _, colour in card.crop(title_box).getcolors(1 << 16) or []]
        # The text's own colour: the one farthest from the background (the rest is smoothing).
        inks = [colour for colour in colours if isinstance(colour, tuple)]
        ink = max(inks, key=lambda colour: wcag_contrast(colour, background))
        assert wcag_contrast(ink, background) >= 4.5
        assert (ink == (255, 255, 255)) is expect_white


def test_parallel_rendering_gives_the_same_bytes(tmp_path: Path) -> None:
    items = [("sykepleier-natt", JOB), ("lang", WORST_JOB), ("aase", STORY), ("fagdag", EVENT)]
    serial = SocialImageRenderer(tmp_path / "serial", DEFAULT_BRAND, tmp_path, workers=1)
    parallel = SocialImageRenderer(tmp_path / "parallel", DEFAULT_BRAND, tmp_path, workers=4)
    one_by_one = serial.render_many(items)
    together = parallel.render_many(items)
    assert list(together) == ["sykepleier-natt", "lang", "aase", "fagdag"]
    assert together == one_by_one
    assert parallel.rendered == 16
    for slug, images in together.items():
        for image, twin in zip(images, one_by_one[slug], strict=True):
            assert parallel.cache_file(image).read_bytes() == serial.cache_file(twin).read_bytes()


def test_a_raster_logo_is_drawn_and_an_svg_logo_becomes_a_wordmark(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets/logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    logo = Image.new("RGB", (300, 100), (200, 30, 30))
    logo.save(site / "assets/logo.png")

    with_svg = make_renderer(tmp_path, Brand(logo="assets/logo.svg"))
    assert not with_svg.has_raster_logo
    wordmark_card = with_svg.render("sykepleier-natt", JOB)[0]

    with_png = make_renderer(tmp_path, Brand(logo="assets/logo.png"))
    assert with_png.has_raster_logo
    logo_card = with_png.render("sykepleier-natt", JOB)[0]
    assert len(logo_card.text_boxes) == len(wordmark_card.text_boxes) - 1  # no wordmark
    colours = {colour for _, colour in open_card(with_png, logo_card).getcolors(1 << 16) or []}
    assert (200, 30, 30) in colours and (255, 255, 255) in colours

    logo.putpixel((0, 0), (0, 0, 0))
    logo.save(site / "assets/logo.png")
    changed = make_renderer(tmp_path, Brand(logo="assets/logo.png"))
    changed.render("sykepleier-natt", JOB)
    assert changed.rendered == 4


def test_alt_text_says_everything_the_card_says(tmp_path: Path) -> None:
    images = make_renderer(tmp_path).render_many([("lang", WORST_JOB), ("aase", STORY)])
    assert images["lang"][0].alt.startswith(f"Ledig stilling: {LONG_WORDS}. Fjordvik helse-")
    assert "Søknadsfrist 8. desember." in images["lang"][0].alt
    assert images["aase"][0].alt.startswith("Historie: Åse fant drømmejobben på Øyane. «Her får")
    given = CardContent(**{**JOB.__dict__, "alt": "Ledig stilling: Sykepleier natt."})
    assert (
        make_renderer(tmp_path).render("natt", given)[0].alt == "Ledig stilling: Sykepleier natt."
    )


def test_copy_into_puts_the_cards_at_their_paths(tmp_path: Path) -> None:
    renderer = make_renderer(tmp_path)
    images = renderer.render("sykepleier-natt", JOB)
    renderer.copy_into(images, tmp_path / "docs")
    for image in images:
        assert (tmp_path / "docs" / image.path).read_bytes() == renderer.cache_file(
            image
        ).read_bytes()

"""Draw the illustrated portraits used by the example site (Fjordvik kommune).

The people in the example stories are invented, so their "photos" are simple flat
illustrations drawn with Pillow: a coloured background, shoulders in work clothes, a head with
hair and a friendly face. Nothing is downloaded and no font is needed. The output is
deterministic: running the script twice gives the same files.

Run it from the repository root:

    .venv/bin/python scripts/make_example_photos.py

It writes assets/stories/<slug>.jpg (1200 x 1500 px, JPEG quality 85).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 1500
SCALE = 2  # draw at twice the size and scale down, for smooth edges
JPEG_QUALITY = 85
OUTPUT_FOLDER = Path(__file__).resolve().parent.parent / "assets" / "stories"

Color = tuple[int, int, int]


def hex_color(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def mix(first: Color, second: Color, amount: float) -> Color:
    """Blend two colours; amount 0 gives first, 1 gives second."""
    red, green, blue = (round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))
    return (red, green, blue)


@dataclass(frozen=True)
class Person:
    slug: str
    background: str
    skin: str
    hair: str
    hair_style: str  # hijab, ponytail, short, bun, curly, bob
    clothes: str
    clothes_style: str  # tunic, polo, sweater
    trim: str = "#ffffff"
    glasses: bool = False
    beard: bool = False
    freckles: bool = False
    stethoscope: bool = False
    lanyard: str = ""


PEOPLE = [
    Person(
        slug="amina",
        background="#cfe8d8",
        skin="#c98e66",
        hair="#2a5d8f",  # the colour of her hijab
        hair_style="hijab",
        clothes="#f7f7f4",
        clothes_style="tunic",
        trim="#2a7f8f",
        stethoscope=True,
    ),
    Person(
        slug="jonas",
        background="#f6d2b0",
        skin="#e8b896",
        hair="#9a7b4f",
        hair_style="short",
        clothes="#0b5a73",
        clothes_style="polo",
        trim="#0a4a5f",
        beard=True,
        lanyard="#b8410b",
    ),
    Person(
        slug="sofie",
        background="#f7e08a",
        skin="#f4cfb6",
        hair="#b5482a",
        hair_style="ponytail",
        clothes="#fbfbf8",
        clothes_style="tunic",
        trim="#5b8fb9",
        freckles=True,
        stethoscope=True,
    ),
    Person(
        slug="ida",
        background="#d9cdef",
        skin="#a86e4c",
        hair="#3b2418",
        hair_style="bun",
        clothes="#9fd3b5",
        clothes_style="tunic",
        trim="#5c9e7a",
    ),
    Person(
        slug="kristian",
        background="#bcdcf0",
        skin="#6e4430",
        hair="#1c1412",
        hair_style="curly",
        clothes="#c99a2e",
        clothes_style="sweater",
        trim="#f2f2ee",
        glasses=True,
        beard=True,
    ),
    Person(
        slug="randi",
        background="#f3c9cf",
        skin="#efc3a4",
        hair="#c9c6c2",
        hair_style="bob",
        clothes="#7b5aa6",
        clothes_style="tunic",
        trim="#ffffff",
        glasses=True,
    ),
]


class Canvas:
    """A thin wrapper that takes coordinates in final pixels and draws at SCALE."""

    def __init__(self, background: Color) -> None:
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _box(box: tuple[float, float, float, float]) -> list[float]:
        return [value * SCALE for value in box]

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=width * SCALE)

    def rounded(self, box, radius, fill, outline=None, width=0):
        self.draw.rounded_rectangle(
            self._box(box), radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def polygon(self, points, fill):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line(
            [(x * SCALE, y * SCALE) for x, y in points],
            fill=fill,
            width=width * SCALE,
            joint="curve",
        )

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._box(box), start, end, fill=fill, width=width * SCALE)

    def chord(self, box, start, end, fill):
        self.draw.chord(self._box(box), start, end, fill=fill)

    def pieslice(self, box, start, end, fill):
        self.draw.pieslice(self._box(box), start, end, fill=fill)

    def finish(self) -> Image.Image:
        return self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


# Head geometry, shared by all portraits.
HEAD = (410, 420, 790, 930)
CENTER_X = 600


def draw_background(canvas: Canvas, person: Person) -> None:
    base = hex_color(person.background)
    light = mix(base, (255, 255, 255), 0.35)
    dark = mix(base, (0, 0, 0), 0.08)
    canvas.ellipse((-250, -200, 650, 700), fill=light)
    canvas.ellipse((820, 160, 1400, 740), fill=light)
    # a gentle fjord wave behind the shoulders
    wave = [(x, 1180 + 40 * math.sin(x / 150)) for x in range(0, WIDTH + 20, 20)]
    canvas.polygon([*wave, (WIDTH, HEIGHT), (0, HEIGHT)], fill=dark)


def draw_body(canvas: Canvas, person: Person) -> None:
    skin = hex_color(person.skin)
    clothes = hex_color(person.clothes)
    trim = hex_color(person.trim)
    shade = mix(clothes, (0, 0, 0), 0.12)

    # neck
    canvas.rounded((530, 820, 670, 1130), 40, fill=mix(skin, (0, 0, 0), 0.12))
    # shoulders and torso
    canvas.ellipse((130, 1060, 1070, 2000), fill=clothes)
    canvas.ellipse((130, 1060, 1070, 2000), fill=None, outline=shade, width=6)

    if person.clothes_style == "tunic":
        canvas.polygon([(500, 1075), (700, 1075), (600, 1230)], fill=skin)
        canvas.line([(500, 1075), (600, 1230), (700, 1075)], fill=trim, width=16)
        canvas.rounded((740, 1300, 880, 1350), 10, fill=trim)  # chest pocket edge
        canvas.rounded((330, 1290, 470, 1345), 12, fill=(255, 255, 255), outline=shade, width=3)
        canvas.line([(350, 1318), (450, 1318)], fill=shade, width=6)  # name badge
    elif person.clothes_style == "polo":
        canvas.polygon([(540, 1075), (660, 1075), (600, 1180)], fill=skin)
        canvas.polygon([(470, 1060), (540, 1075), (600, 1180), (520, 1150)], fill=trim)
        canvas.polygon([(730, 1060), (660, 1075), (600, 1180), (680, 1150)], fill=trim)
        canvas.line([(600, 1180), (600, 1320)], fill=shade, width=5)
        canvas.ellipse((591, 1225, 609, 1243), fill=trim)
        canvas.ellipse((591, 1275, 609, 1293), fill=trim)
    elif person.clothes_style == "sweater":
        canvas.polygon([(510, 1070), (690, 1070), (600, 1200)], fill=trim)  # shirt
        canvas.polygon([(560, 1070), (640, 1070), (600, 1110)], fill=skin)
        canvas.line([(515, 1070), (600, 1200), (685, 1070)], fill=shade, width=14)
        for offset in range(0, 300, 40):  # knitted ribs
            canvas.line([(330 + offset, 1420), (330 + offset, 1500)], fill=shade, width=5)
            canvas.line([(600 + offset, 1420), (600 + offset, 1500)], fill=shade, width=5)

    if person.hair_style == "hijab":
        # the scarf falls over the neck and the top of the chest
        scarf = hex_color(person.hair)
        fold = mix(scarf, (0, 0, 0), 0.18)
        canvas.polygon([(420, 740), (780, 740), (820, 1150), (600, 1250), (380, 1150)], fill=scarf)
        canvas.line([(440, 1000), (600, 1120), (760, 1000)], fill=fold, width=8)
        canvas.line([(400, 1140), (600, 1230), (800, 1140)], fill=fold, width=8)

    if person.lanyard:
        band = hex_color(person.lanyard)
        canvas.line([(530, 1090), (585, 1380)], fill=band, width=14)
        canvas.line([(670, 1090), (615, 1380)], fill=band, width=14)
        canvas.rounded((545, 1370, 655, 1470), 10, fill=(255, 255, 255), outline=band, width=4)
        canvas.rounded((565, 1395, 635, 1420), 4, fill=hex_color("#0b5a73"))

    if person.stethoscope:
        metal = (70, 78, 88)
        canvas.arc((430, 960, 770, 1400), 20, 160, fill=metal, width=14)
        canvas.line([(735, 1250), (760, 1340)], fill=metal, width=12)
        canvas.ellipse((732, 1330, 792, 1390), fill=(180, 186, 194), outline=metal, width=8)


def draw_hair_back(canvas: Canvas, person: Person) -> None:
    hair = hex_color(person.hair)
    style = person.hair_style
    if style == "hijab":
        shade = mix(hair, (0, 0, 0), 0.18)
        canvas.ellipse((350, 360, 850, 980), fill=hair)
        canvas.arc((350, 360, 850, 980), 200, 340, fill=shade, width=8)
    elif style == "ponytail":
        canvas.ellipse((385, 390, 815, 760), fill=hair)
        canvas.ellipse((760, 520, 930, 980), fill=hair)  # the ponytail, seen from the side
        canvas.ellipse((770, 470, 840, 540), fill=mix(hair, (0, 0, 0), 0.2))  # hair tie
    elif style == "bun":
        canvas.ellipse((395, 395, 805, 720), fill=hair)
        canvas.ellipse((515, 280, 685, 450), fill=hair)
    elif style == "curly":
        rng = random.Random(7)  # fixed seed: same curls every run
        for angle in range(180, 361, 12):
            radius = 235 + rng.randint(-10, 12)
            x = CENTER_X + radius * math.cos(math.radians(angle))
            y = 640 + radius * 1.08 * math.sin(math.radians(angle))
            size = 70 + rng.randint(0, 20)
            canvas.ellipse((x - size, y - size, x + size, y + size), fill=hair)
        canvas.ellipse((390, 400, 810, 760), fill=hair)
    elif style == "bob":
        canvas.ellipse((380, 390, 820, 800), fill=hair)
        canvas.rounded((380, 560, 820, 840), 90, fill=hair)
    elif style == "short":
        canvas.ellipse((400, 400, 800, 700), fill=hair)


def draw_head(canvas: Canvas, person: Person) -> None:
    skin = hex_color(person.skin)
    shadow = mix(skin, (0, 0, 0), 0.15)
    if person.hair_style != "hijab":
        canvas.ellipse((380, 620, 450, 740), fill=shadow)  # ears
        canvas.ellipse((750, 620, 820, 740), fill=shadow)
        canvas.ellipse(HEAD, fill=skin)
    else:
        canvas.ellipse((440, 450, 760, 900), fill=skin)


def draw_hair_front(canvas: Canvas, person: Person) -> None:
    hair = hex_color(person.hair)
    style = person.hair_style
    if style == "hijab":
        shade = mix(hair, (0, 0, 0), 0.18)
        canvas.arc((440, 450, 760, 900), 180, 360, fill=shade, width=8)
        canvas.chord((430, 430, 770, 640), 180, 360, fill=hair)
    elif style == "ponytail":
        canvas.chord((400, 410, 800, 700), 180, 360, fill=hair)
        canvas.pieslice((380, 380, 700, 720), 180, 280, fill=hair)  # side-swept fringe
    elif style == "bun":
        canvas.chord((405, 415, 795, 660), 180, 360, fill=hair)
        canvas.line([(600, 430), (600, 540)], fill=mix(hair, (255, 255, 255), 0.15), width=6)
    elif style == "curly":
        rng = random.Random(11)
        for x in range(450, 760, 55):
            size = 48 + rng.randint(0, 14)
            canvas.ellipse((x - size, 520 - size, x + size, 520 + size), fill=hair)
    elif style == "bob":
        canvas.chord((395, 405, 805, 700), 180, 360, fill=hair)
        canvas.pieslice((470, 380, 830, 700), 250, 360, fill=hair)
    elif style == "short":
        canvas.chord((405, 410, 795, 620), 180, 360, fill=hair)
        canvas.rounded((405, 520, 440, 660), 14, fill=hair)  # sideburns
        canvas.rounded((760, 520, 795, 660), 14, fill=hair)


def draw_face(canvas: Canvas, person: Person) -> None:
    skin = hex_color(person.skin)
    ink = (43, 33, 30)
    brow = mix(hex_color(person.hair), ink, 0.5) if person.hair_style != "hijab" else ink
    blush = mix(skin, (226, 110, 110), 0.35)
    nose = mix(skin, (0, 0, 0), 0.22)

    if person.beard:
        beard = hex_color(person.hair)
        canvas.chord((420, 560, 780, 935), 20, 160, fill=beard)
        canvas.ellipse((520, 770, 680, 830), fill=skin)  # around the mouth

    canvas.ellipse((460, 760, 540, 810), fill=blush)
    canvas.ellipse((660, 760, 740, 810), fill=blush)

    for eye_x in (520, 680):
        canvas.ellipse((eye_x - 20, 665, eye_x + 20, 715), fill=ink)
        canvas.ellipse((eye_x - 4, 672, eye_x + 10, 686), fill=(255, 255, 255))
        canvas.arc((eye_x - 50, 600, eye_x + 50, 670), 200, 340, fill=brow, width=12)

    canvas.arc((570, 690, 630, 780), 30, 150, fill=nose, width=8)
    canvas.chord((540, 775, 660, 865), 0, 180, fill=(150, 60, 60))
    canvas.chord((555, 778, 645, 815), 0, 180, fill=(255, 255, 255))  # teeth

    if person.freckles:
        rng = random.Random(3)
        for _ in range(18):
            x = rng.choice((rng.randint(470, 550), rng.randint(650, 730)))
            y = rng.randint(735, 775)
            canvas.ellipse((x - 4, y - 4, x + 4, y + 4), fill=mix(skin, (120, 60, 30), 0.45))

    if person.glasses:
        frame = (40, 40, 48)
        canvas.rounded((455, 645, 585, 735), 26, fill=None, outline=frame, width=9)
        canvas.rounded((615, 645, 745, 735), 26, fill=None, outline=frame, width=9)
        canvas.line([(585, 680), (615, 680)], fill=frame, width=8)


def draw_portrait(person: Person) -> Image.Image:
    canvas = Canvas(hex_color(person.background))
    draw_background(canvas, person)
    draw_hair_back(canvas, person)
    draw_body(canvas, person)
    draw_head(canvas, person)
    draw_hair_front(canvas, person)
    draw_face(canvas, person)
    return canvas.finish()


def main() -> None:
    OUTPUT_FOLDER.mkdir(parents=True, exist_ok=True)
    for person in PEOPLE:
        target = OUTPUT_FOLDER / f"{person.slug}.jpg"
        draw_portrait(person).save(target, "JPEG", quality=JPEG_QUALITY, optimize=True)
        print(f"wrote {target.relative_to(OUTPUT_FOLDER.parent.parent)}")


if __name__ == "__main__":
    main()

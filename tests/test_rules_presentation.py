"""JA501–JA504, presentation: title and body length, images without alt text and a missing
summary; each rule on ads that must fire and ads that must not, through the real pipeline."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from generator.guidelines import RULES
from tests.guideline_helpers import BASE_AD, ad_file, body_line, check_ad

BODY = "Du jobber natt sammen med to helsefagarbeidere.\n"


def _small_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 90, 115)).save(buffer, "JPEG")
    return buffer.getvalue()


# A real picture: validation reads it (a file that is no picture is an error of its own).
IMAGE_FILES = {"assets/bilder/natt.jpg": _small_jpeg()}


def field_line(
    key: str, changes: dict[str, Any] | None = None, remove: tuple[str, ...] = ()
) -> int:
    front = {k: v for k, v in {**BASE_AD, **(changes or {})}.items() if k not in remove}
    lines = ad_file(front, BODY).splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.startswith(key + ":"))


def first_body_line() -> int:
    return body_line(BASE_AD, BODY, BODY.strip())


def words(count: int) -> str:
    """A body of `count` words in sentences of ten."""
    sentences = [" ".join(["ord"] * 10) + "." for _ in range(count // 10)]
    if count % 10:
        sentences.append(" ".join(["ord"] * (count % 10)) + ".")
    return " ".join(sentences) + "\n"


# --- JA501 title-length ---


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("S" * 71, "tittelen har 71 tegn; den bør ha høyst 70"),
        (
            "Rekrutteringsstilling for helsefagarbeider som vil ta "
            "sykepleierutdanning ved helsehuset",
            "tittelen har 88 tegn",
        ),
        ("Sykepleie", "tittelen har bare 9 tegn; den bør ha minst 10"),
        ("  Lege  ", "tittelen har bare 4 tegn"),
    ],
)
def test_ja501_fires(tmp_path: Path, title: str, message: str) -> None:
    findings = check_ad(tmp_path, BODY, select=("JA501",), changes={"title": title})
    assert [(f.code, f.field, f.line) for f in findings] == [("JA501", "title", 2)]
    assert message in findings[0].message
    assert "Sykepleier natt – Solbakken sykehjem" in findings[0].hint


@pytest.mark.parametrize(
    "title",
    [
        "S" * 70,  # exactly the limit
        "Sykepleier",  # exactly 10 characters
        "Sykepleier natt – Solbakken sykehjem",
        "Fagarbeider ÆØÅ – Øvre Åsen bofellesskap",  # letters, not bytes
    ],
)
def test_ja501_passes(tmp_path: Path, title: str) -> None:
    assert check_ad(tmp_path, BODY, select=("JA501",), changes={"title": title}) == []


def test_ja501_limits_come_from_the_configuration(tmp_path: Path) -> None:
    guidelines = "thresholds:\n  title_max_chars: 30\n"
    title = "Sykepleier natt – Solbakken sykehjem"  # 36 characters
    findings = check_ad(
        tmp_path,
        BODY,
        select=("JA501",),
        changes={"title": title},
        files={"data/guidelines.yml": guidelines},
    )
    assert [f.message.split(",")[0] for f in findings] == [
        "tittelen har 36 tegn; den bør ha høyst 30"
    ]


# --- JA502 body-length ---


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (BODY, "teksten har bare 7 ord; en annonse bør ha minst 150"),
        (words(149), "teksten har bare 149 ord"),
        (words(701), "teksten har 701 ord; en annonse bør ha høyst 700"),
        # Link addresses, images and Markdown syntax are not words an applicant reads.
        (
            words(140)
            + "\n[Les mer](https://www.fjordvik.kommune.no/helse/omsorg/sykehjem/solbakken)\n"
            "\n![Solbakken sykehjem om vinteren sett fra fjorden](assets/solbakken.jpg)\n",
            "teksten har bare 142 ord",
        ),
    ],
)
def test_ja502_fires(tmp_path: Path, body: str, message: str) -> None:
    findings = check_ad(tmp_path, body, select=("JA502",))
    assert [(f.code, f.line) for f in findings] == [("JA502", first_body_line())]
    assert message in findings[0].message
    assert findings[0].hint


@pytest.mark.parametrize(
    "body",
    [
        words(150),
        words(700),
        # Headings and list items count.
        "## Arbeidsoppgaver\n\n" + "".join(f"- {words(12)}" for _ in range(13)) + "\n",
    ],
)
def test_ja502_passes(tmp_path: Path, body: str) -> None:
    assert check_ad(tmp_path, body, select=("JA502",)) == []


def test_ja502_limits_come_from_the_configuration(tmp_path: Path) -> None:
    guidelines = "thresholds:\n  body_min_words: 5\n"
    findings = check_ad(
        tmp_path, BODY, select=("JA502",), files={"data/guidelines.yml": guidelines}
    )
    assert findings == []


# --- JA503 image-without-alt ---


def test_ja503_fires_on_a_front_matter_image_without_alt(tmp_path: Path) -> None:
    changes = {"image": "assets/bilder/natt.jpg"}
    findings = check_ad(tmp_path, BODY, select=("JA503",), changes=changes, files=IMAGE_FILES)
    assert [(f.code, f.field, f.line) for f in findings] == [
        ("JA503", "image", field_line("image", changes))
    ]
    assert "«assets/bilder/natt.jpg» har ingen alternativ tekst (image_alt)" in findings[0].message
    assert findings[0].severity == "error"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("![](assets/bilder/natt.jpg)", "bildet «assets/bilder/natt.jpg» i teksten"),
        ("Se her: ![  ](assets/bilder/natt.jpg) fra natten.", "«assets/bilder/natt.jpg»"),
        ("![][natt]\n\n[natt]: assets/bilder/natt.jpg", "et bilde i teksten har ingen"),
        ('<img src="assets/bilder/natt.jpg">', "«assets/bilder/natt.jpg» i teksten (<img>)"),
        ('<img src="assets/bilder/natt.jpg" alt="">', "(<img>) har ingen alternativ tekst"),
        ("<img alt=' ' src='natt.jpg'>", "«natt.jpg»"),
        ('<img\n  src="natt.jpg"\n  width="300">', "«natt.jpg»"),
    ],
)
def test_ja503_fires_on_a_body_image_without_alt(tmp_path: Path, markup: str, message: str) -> None:
    body = f"Du jobber natt.\n\n{markup}\n\nVi har mentor.\n"
    findings = check_ad(tmp_path, body, select=("JA503",))
    first = markup.splitlines()[0]
    assert [(f.code, f.line) for f in findings] == [("JA503", body_line(BASE_AD, body, first))]
    assert message in findings[0].message


@pytest.mark.parametrize(
    ("markup", "changes"),
    [
        ("", {"image": "assets/bilder/natt.jpg", "image_alt": "To sykepleiere på nattrunden"}),
        ("![To sykepleiere på nattrunden](assets/bilder/natt.jpg)", {}),
        ('<img src="natt.jpg" alt="To sykepleiere på nattrunden">', {}),
        ("<img alt=Nattevakt src=natt.jpg>", {}),
        # An image shown as code is an example for the reader, not an image.
        ("```markdown\n![](assets/bilder/natt.jpg)\n```", {}),
        ("Skriv `![](bilde.jpg)` for et bilde.", {}),
        # A link is not an image.
        ("[](https://example.com)", {}),
    ],
)
def test_ja503_passes(tmp_path: Path, markup: str, changes: dict[str, Any]) -> None:
    body = f"Du jobber natt.\n\n{markup}\n"
    assert check_ad(tmp_path, body, select=("JA503",), changes=changes, files=IMAGE_FILES) == []


def test_ja503_reports_each_image_on_its_line(tmp_path: Path) -> None:
    body = "![](a.jpg)\n\nTekst.\n\n![Fin tekst](b.jpg)\n\n<img src='c.jpg'>\n"
    findings = check_ad(tmp_path, body, select=("JA503",))
    assert [f.line for f in findings] == [
        body_line(BASE_AD, body, "a.jpg"),
        body_line(BASE_AD, body, "c.jpg"),
    ]


# --- JA504 missing-summary ---


def test_ja504_fires_without_a_summary(tmp_path: Path) -> None:
    findings = check_ad(tmp_path, BODY, select=("JA504",), remove=("summary",))
    assert [(f.code, f.field, f.line) for f in findings] == [
        ("JA504", "title", field_line("title", remove=("summary",)))
    ]
    assert "ingen ingress (summary)" in findings[0].message
    assert "200 tegn" in findings[0].hint


def test_ja504_fires_on_an_empty_summary_field(tmp_path: Path) -> None:
    findings = check_ad(tmp_path, BODY, select=("JA504",), changes={"summary": None})
    assert [f.code for f in findings] == ["JA504"]


@pytest.mark.parametrize(
    "summary",
    ["Fast 100 % stilling som sykepleier på natt.", "S" * 200, "Kort."],
)
def test_ja504_passes(tmp_path: Path, summary: str) -> None:
    assert check_ad(tmp_path, BODY, select=("JA504",), changes={"summary": summary}) == []


@pytest.mark.parametrize("code", ["JA501", "JA502", "JA503", "JA504"])
def test_rules_are_documented(code: str) -> None:
    doc = RULES[code].doc
    assert all([doc.title, doc.what, doc.why, doc.fix, doc.bad, doc.good])

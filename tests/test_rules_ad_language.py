"""The text rules read the word lists of the ad's language: the Norwegian lists (with the
nynorsk forms) for `nb` and `nn`, the English originals for `en`, and the site's lists for
the footer under the ad. Each case runs the real pipeline on one ad."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_CONFIG
from tests.guideline_helpers import BASE_AD, body_line, check_ad, codes

EN = {"language": "en", "title": "Nurse, nights – Solbakken nursing home"}
NN = {"language": "nn", "title": "Sjukepleiar natt – Solbakken sjukeheim"}
# Each body is neutral for the rules it is not about.
EN_PLAIN = """\
You work nights with two healthcare workers on a ward with twelve residents.

We offer a mentor in your first year, training days every month and paid further education.
The night bus stops outside the door.

We welcome all qualified applicants regardless of age, gender, ethnic background and
disability.
"""
NN_PLAIN = """\
Du jobbar natt saman med to helsefagarbeidarar på ei avdeling med tolv bebuarar.

Vi tilbyr fagutvikling, rettleiing og mentor det første året. Nattbussen stoppar ved døra.

Vi oppmodar alle kvalifiserte til å søkje, uavhengig av alder, kjønn, etnisk bakgrunn og
funksjonsevne.
"""
TEXT_RULES = ("JA203", "JA204", "JA205", "JA206", "JA303", "JA305", "JA306", "JA307")


@pytest.mark.parametrize(("changes", "body"), [(EN, EN_PLAIN), (NN, NN_PLAIN)], ids=["en", "nn"])
def test_a_plain_ad_in_its_own_language_passes_the_text_rules(
    tmp_path: Path, changes: dict[str, str], body: str
) -> None:
    found = check_ad(tmp_path, body, select=TEXT_RULES, changes=changes, remove=("summary",))
    assert found == [], [finding.format() for finding in found]


# --- JA306 impersonal-address ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "body"),
    [
        (EN, "Your shifts are nights. The team welcomes new colleagues.\n"),
        (EN, "We are looking for you.\n"),
        (NN, "Vi ser etter deg som vil jobbe natt.\n"),
        (NN, "Du får fast turnus.\n"),
    ],
)
def test_ja306_passes_when_the_ad_speaks_to_the_reader_in_its_language(
    tmp_path: Path, changes: dict[str, str], body: str
) -> None:
    assert check_ad(tmp_path, body, select=("JA306",), changes=changes) == []


@pytest.mark.parametrize(
    ("changes", "body"),
    [
        (EN, "The successful applicant will work nights.\n"),
        # Norwegian «du» means nothing in an English ad.
        (EN, "The applicant works nights (du).\n"),
        (NN, "Den som blir tilsett, skal jobbe natt.\n"),
    ],
)
def test_ja306_fires_when_the_reader_is_never_addressed(
    tmp_path: Path, changes: dict[str, str], body: str
) -> None:
    found = check_ad(tmp_path, body, select=("JA306",), changes=changes)
    assert codes(found) == ["JA306"]
    said = "«you» eller «your»" if changes is EN else "«du» eller «deg»"
    assert said in found[0].message


# --- JA205 no-development-offer --------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "body"),
    [
        (EN, "You get training and a mentor.\n"),
        (EN, "We offer professional development and a clear career path.\n"),
        (EN, "We support further education in dementia care.\n"),
        (NN, "Du får fagutvikling og rettleiing.\n"),
        (NN, "Vi støttar vidareutdanning.\n"),
    ],
)
def test_ja205_passes_on_development_words_of_the_ads_language(
    tmp_path: Path, changes: dict[str, str], body: str
) -> None:
    found = check_ad(tmp_path, body, select=("JA205",), changes=changes, remove=("summary",))
    assert found == []


@pytest.mark.parametrize(
    ("changes", "body"),
    [
        (EN, "You work nights in a good team.\n"),
        # A task, not an offer; and a Norwegian word in English text is not a list word here.
        (EN, "You provide training to patients and their families.\n"),
        (EN, "Of course you work with kurs.\n"),
        (NN, "Du jobbar natt i eit godt team.\n"),
    ],
)
def test_ja205_fires_without_an_offer_in_the_ads_language(
    tmp_path: Path, changes: dict[str, str], body: str
) -> None:
    found = check_ad(tmp_path, body, select=("JA205",), changes=changes, remove=("summary",))
    assert codes(found) == ["JA205"]


# --- JA303 gender-coded-language -------------------------------------------------------------

EN_MASCULINE = """\
We want an ambitious, competitive and decisive nurse.
You are self-confident, analytical and driven, and you lead the night shift.
"""


def test_ja303_counts_the_english_masculine_coded_words(tmp_path: Path) -> None:
    found = check_ad(tmp_path, EN_MASCULINE, select=("JA303",), changes=EN)
    assert codes(found) == ["JA303"]
    message = found[0].message
    assert "maskulint kodede ord" in message
    for word in ("ambitious", "competitive", "decisive", "self-confident", "analytical"):
        assert f"«{word}»" in message, message
    assert found[0].line == body_line({**BASE_AD, **EN}, EN_MASCULINE, "ambitious")


def test_ja303_english_words_do_not_count_in_a_norwegian_ad(tmp_path: Path) -> None:
    assert check_ad(tmp_path, EN_MASCULINE, select=("JA303",)) == []


def test_ja303_counts_the_nynorsk_forms(tmp_path: Path) -> None:
    body = "Vi søkjer ein sjølvstendig, tydeleg og målretta sjukepleiar som er sjølvsikker.\n"
    found = check_ad(tmp_path, body, select=("JA303",), changes=NN)
    assert codes(found) == ["JA303"]
    assert "«sjølvstendig»" in found[0].message and "«målretta»" in found[0].message


def test_ja303_english_feminine_words_are_counted_too(tmp_path: Path) -> None:
    body = "We want a warm, gentle, kind and sympathetic nurse who is polite to everyone.\n"
    found = check_ad(tmp_path, body, select=("JA303",), changes=EN)
    assert codes(found) == ["JA303"] and "feminint kodede ord" in found[0].message


# --- JA203, JA204, JA206: the English lists, and the Norwegian footer under an English ad ------

FOOTER = MINIMAL_CONFIG + (
    "ad_footer: >-\n  Vi oppfordrer alle kvalifiserte til å søke, uavhengig av alder, kjønn,\n"
    "  etnisk bakgrunn og funksjonsevne.\n"
)


def test_ja203_reads_the_english_statement(tmp_path: Path) -> None:
    body = "You work nights. We welcome applicants regardless of age and gender.\n"
    found = check_ad(tmp_path, body, select=("JA203",), changes=EN)
    assert codes(found) == ["JA203"]
    assert "nevner alder og kjønn, men ikke etnisk bakgrunn og funksjonsevne" in found[0].message


def test_ja203_reads_the_norwegian_footer_under_an_english_ad(tmp_path: Path) -> None:
    found = check_ad(
        tmp_path,
        "You work nights.\n",
        select=("JA203",),
        changes=EN,
        files={"site_config.yml": FOOTER},
    )
    assert found == []


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("You work nights.\n", True),
        ("You get a mentor for your first year.\n", False),
        ("You follow an induction programme for three weeks.\n", False),
    ],
)
def test_ja204_reads_english_onboarding_words(tmp_path: Path, body: str, fires: bool) -> None:
    found = check_ad(tmp_path, body, select=("JA204",), changes=EN, remove=("summary",))
    assert codes(found) == (["JA204"] if fires else [])


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("You work nights.\n", True),
        ("The night bus stops outside the door.\n", False),
        ("There is free parking for staff.\n", False),
        # «bus*» would find «business»; the English list does not.
        ("Nights are business as usual.\n", True),
    ],
)
def test_ja206_reads_english_commute_words(tmp_path: Path, body: str, fires: bool) -> None:
    found = check_ad(tmp_path, body, select=("JA206",), changes={**EN, "unit": "fjordtun"})
    assert codes(found) == (["JA206"] if fires else [])


def test_ja206_reads_english_shift_words_when_shifts_are_empty(tmp_path: Path) -> None:
    body = "You work night shifts every third weekend.\n"
    changes = {**EN, "unit": "fjordtun", "shifts": []}
    found = check_ad(tmp_path, body, select=("JA206",), changes=changes)
    assert codes(found) == ["JA206"] and "«night shifts»" in found[0].message


@pytest.mark.parametrize(
    ("changes", "body", "fires"),
    [
        (NN, "Du jobbar natt. Vi oppmodar alle til å søkje, uavhengig av alder og kjønn.\n", True),
        (NN, NN_PLAIN, False),
        (EN, EN_PLAIN, False),
    ],
)
def test_ja203_in_nynorsk_and_english(
    tmp_path: Path, changes: dict[str, str], body: str, fires: bool
) -> None:
    found = check_ad(tmp_path, body, select=("JA203",), changes=changes)
    assert codes(found) == (["JA203"] if fires else [])


@pytest.mark.parametrize(
    ("changes", "body", "fires"),
    [
        (NN, "Du jobbar natt.\n", True),
        (NN, "Du får ein fadder dei første vekene.\n", False),
    ],
)
def test_ja204_in_nynorsk(tmp_path: Path, changes: dict[str, str], body: str, fires: bool) -> None:
    found = check_ad(tmp_path, body, select=("JA204",), changes=changes, remove=("summary",))
    assert codes(found) == (["JA204"] if fires else [])


@pytest.mark.parametrize(
    ("changes", "body", "fires"),
    [
        (NN, "Du jobbar natt.\n", True),
        (NN, "Nattbussen stoppar ved døra, og du kan parkere gratis.\n", False),
    ],
)
def test_ja206_in_nynorsk(tmp_path: Path, changes: dict[str, str], body: str, fires: bool) -> None:
    found = check_ad(tmp_path, body, select=("JA206",), changes={**changes, "unit": "fjordtun"})
    assert codes(found) == (["JA206"] if fires else [])


# --- JA105: the salary field in the ad's language ---------------------------------------------


@pytest.mark.parametrize(
    ("changes", "salary", "fires"),
    [
        (NN, "God løn.", True),
        (NN, "Løn etter lønstrinn 45.", False),
        (EN, "Competitive salary.", True),
        (EN, "Salary by agreement.", True),
        (EN, "Salary by agreement, pay grade 45.", False),
        (EN, "Under the collective agreement.", False),
        (EN, "From NOK 575 000 a year.", False),
    ],
)
def test_ja105_reads_the_salary_in_the_ads_language(
    tmp_path: Path, changes: dict[str, str], salary: str, fires: bool
) -> None:
    found = check_ad(
        tmp_path, "Du jobbar natt.\n", select=("JA105",), changes={**changes, "salary": salary}
    )
    assert codes(found) == (["JA105"] if fires else [])


# --- JA304, JA305, JA307: English patterns and abbreviations ----------------------------------


def test_ja304_finds_english_gendered_titles(tmp_path: Path) -> None:
    found = check_ad(tmp_path, "You join us as a male nurse.\n", select=("JA304",), changes=EN)
    assert codes(found) == ["JA304"] and "«male nurse»" in found[0].message


def test_ja305_an_english_ad_explains_in_english(tmp_path: Path) -> None:
    explained = "You work with user-controlled personal assistance (BPA).\n"
    assert check_ad(tmp_path / "a", explained, select=("JA305",), changes=EN) == []
    bare = "You work with BPA.\n"
    found = check_ad(tmp_path / "b", bare, select=("JA305",), changes=EN)
    assert codes(found) == ["JA305"]
    assert "user-controlled personal assistance (BPA)" in found[0].hint


@pytest.mark.parametrize(
    ("changes", "body", "fires"),
    [
        (EN, "We want a self-starter who works well under pressure.\n", True),
        (EN, "You plan the night with two colleagues.\n", False),
        (NN, "Du er sjølvgåande.\n", True),
    ],
)
def test_ja307_reads_the_cliches_of_the_ads_language(
    tmp_path: Path, changes: dict[str, str], body: str, fires: bool
) -> None:
    found = check_ad(tmp_path, body, select=("JA307",), changes=changes)
    assert bool(found) == fires, [finding.format() for finding in found]


# --- Configuration: a site changes one English list -------------------------------------------


def test_a_site_can_change_one_english_list(tmp_path: Path) -> None:
    overlay = "languages:\n  en:\n    words:\n      reader_address: [we]\n"
    found = check_ad(
        tmp_path,
        "We work nights.\n",
        select=("JA306", "JA205"),
        changes=EN,
        remove=("summary",),
        files={"data/guidelines.yml": overlay},
    )
    # JA306 now takes «we»; JA205 still has its English list from the default.
    assert codes(found) == ["JA205"]

"""JA201–JA207: whole and permanent positions, diversity, mentoring, development, commuting
after late shifts, and WHO's safeguard list. Each case runs the real pipeline on one ad."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.guidelines.config import WhoSafeguards
from tests.conftest import MINIMAL_CONFIG, MINIMAL_SITE, REPO
from tests.guideline_helpers import BASE_AD, body_line, check_ad, codes

BODY = "Du jobber i et godt team på en avdeling med tolv beboere.\n"


def front_matter(changes: dict[str, Any], remove: tuple[str, ...] = ()) -> dict[str, Any]:
    """The ad's front matter as check_ad writes it, for finding lines."""
    result = {key: value for key, value in BASE_AD.items() if key not in remove}
    result.update(changes)
    return result


def field_line(changes: dict[str, Any], field: str, remove: tuple[str, ...] = ()) -> int:
    """The file line of a front-matter field (the line that starts with `field:`)."""
    return body_line(front_matter(changes, remove), BODY, f"{field}:")


def site_config_with_footer(footer: str) -> dict[str, str]:
    indented = "".join(f"  {line}\n" if line else "\n" for line in footer.splitlines())
    return {"site_config.yml": MINIMAL_CONFIG + "ad_footer: |\n" + indented}


# --- JA201 part-time-without-reason ------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "message"),
    [
        (60, "Stillingen er på 60 %, men annonsen sier ikke hvorfor den ikke er hel"),
        ([100, 75, 50], "2 av 3 stillinger er deltid (75 % og 50 %)"),
        ([99], "Stillingen er på 99 %"),
    ],
)
def test_ja201_fires_on_part_time_without_reason(
    tmp_path: Path, percent: Any, message: str
) -> None:
    changes = {"position_percent": percent}
    findings = check_ad(tmp_path, BODY, select=("JA201",), changes=changes)
    assert codes(findings) == ["JA201"]
    assert message in findings[0].message
    assert findings[0].field == "position_percent"
    assert findings[0].line == field_line(changes, "position_percent")
    assert "part_time_reason" in findings[0].hint


@pytest.mark.parametrize(
    "changes",
    [
        {"position_percent": 100},
        {"position_percent": [100, 100]},
        {"position_percent": 80, "part_time_reason": "Dagsenteret er åpent fire dager i uka."},
        {"position_percent": [100, 75], "part_time_reason": "Turnusen har plass til én på 75 %."},
    ],
)
def test_ja201_passes_whole_or_explained_positions(tmp_path: Path, changes: dict) -> None:
    assert check_ad(tmp_path, BODY, select=("JA201",), changes=changes) == []


def test_ja201_leaves_a_missing_percent_to_ja104(tmp_path: Path) -> None:
    assert check_ad(tmp_path, BODY, select=("JA201",), remove=("position_percent",)) == []


# --- JA202 temporary-without-reason ------------------------------------------------------


@pytest.mark.parametrize(
    ("employment_type", "message"),
    [
        ("vikariat", "Stillingen er et vikariat, men annonsen sier ikke hvorfor"),
        ("engasjement", "Stillingen er et engasjement, men annonsen sier ikke hvorfor"),
    ],
)
def test_ja202_fires_on_temporary_without_reason(
    tmp_path: Path, employment_type: str, message: str
) -> None:
    changes = {"employment_type": employment_type}
    findings = check_ad(tmp_path, BODY, select=("JA202",), changes=changes)
    assert codes(findings) == ["JA202"]
    assert message in findings[0].message
    assert findings[0].line == field_line(changes, "employment_type")
    assert "temporary_reason" in findings[0].hint


@pytest.mark.parametrize(
    "changes",
    [
        {"employment_type": "fast"},
        {"employment_type": "vikariat", "temporary_reason": "Vikar for en ansatt i permisjon."},
        {"employment_type": "engasjement", "temporary_reason": "Prosjektet varer ut 2028."},
        # Temporary too, but the reason is in the name.
        {"employment_type": "sommerjobb"},
        {"employment_type": "laerling"},
    ],
)
def test_ja202_passes_permanent_explained_and_self_evident(tmp_path: Path, changes: dict) -> None:
    assert check_ad(tmp_path, BODY, select=("JA202",), changes=changes) == []


# --- JA203 missing-diversity-statement ---------------------------------------------------

EXAMPLE_FOOTER = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))["ad_footer"]


@pytest.mark.parametrize(
    ("body", "footer", "snippet", "message"),
    [
        (
            BODY,
            "",
            "Du jobber",
            "Annonsen inviterer ikke alle til å søke uavhengig av alder, kjønn, etnisk "
            "bakgrunn og funksjonsevne",
        ),
        (
            BODY + "\nVi oppfordrer alle til å søke, uavhengig av alder og kjønn.\n",
            "",
            "Vi oppfordrer",
            "Mangfoldserklæringen nevner alder og kjønn, men ikke etnisk bakgrunn og funksjonsevne",
        ),
        (
            # Not a statement: «faglig bakgrunn» and «høy alder» are about something else.
            "Du har faglig bakgrunn fra psykiatri.\nBeboerne har høy alder.\n",
            "",
            "Du har faglig",
            "Annonsen inviterer ikke alle til å søke uavhengig av alder, kjønn, etnisk",
        ),
        (
            BODY,
            "## Søk\n\nVi ønsker søkere uansett kjønn og nasjonalitet.\n",
            "Du jobber",
            "Mangfoldserklæringen nevner kjønn og etnisk bakgrunn, men ikke alder og funksjonsevne",
        ),
        (
            BODY,
            "## Offentlig søkerliste\n\nOpplysninger om deg kan bli offentlige.\n",
            "Du jobber",
            "Verken annonsen eller bunnteksten for annonser inviterer alle til å søke",
        ),
    ],
)
def test_ja203_fires_without_a_complete_statement(
    tmp_path: Path, body: str, footer: str, snippet: str, message: str
) -> None:
    files = site_config_with_footer(footer) if footer else {}
    findings = check_ad(tmp_path, body, select=("JA203",), files=files)
    assert codes(findings) == ["JA203"]
    assert message in findings[0].message
    assert findings[0].line == body_line(BASE_AD, body, snippet)
    assert "uavhengig av alder, kjønn, etnisk bakgrunn og funksjonsevne" in findings[0].hint


@pytest.mark.parametrize(
    ("body", "footer"),
    [
        (
            BODY + "\nVi oppfordrer alle kvalifiserte søkere til å søke, uavhengig av alder, "
            "kjønn, etnisk bakgrunn og funksjonsevne.\n",
            "",
        ),
        (
            BODY + "\nVi oppmodar alle kvalifiserte søkjarar til å søkje, uavhengig av alder, "
            "kjønn, etnisitet og nedsett funksjonsevne.\n",
            "",
        ),
        (
            BODY + "\nVi ønsker en arbeidsplass som speiler befolkningen. Alle er velkomne, "
            "uansett alder,\nkjønn, kulturell bakgrunn eller funksjonsnedsettelse.\n",
            "",
        ),
        # A statement as a bullet list under an invitation.
        (
            BODY + "\nVi oppfordrer alle til å søke, uavhengig av\n\n- alder\n- kjønn\n"
            "- etnisk bakgrunn\n- funksjonsevne\n",
            "",
        ),
        # The example site's footer.
        (BODY, EXAMPLE_FOOTER),
        # Half in the ad, half in the footer.
        (
            BODY + "\nDu er velkommen uansett etnisk bakgrunn og funksjonshemming.\n",
            "Vi oppfordrer alle til å søke, uavhengig av alder og kjønn.\n",
        ),
    ],
)
def test_ja203_passes_a_complete_statement(tmp_path: Path, body: str, footer: str) -> None:
    files = site_config_with_footer(footer) if footer else {}
    assert check_ad(tmp_path, body, select=("JA203",), files=files) == []


# --- JA204 mentor-not-mentioned ----------------------------------------------------------

NO_MENTOR_SUMMARY = {"summary": "Fast 100 % stilling som sykepleier på natt."}
UNITS_WITH_PROGRAMMES = {
    "data/units.yml": MINIMAL_SITE["data/units.yml"]
    + """\
- id: lyngveien
  name: Lyngveien bofellesskap
  type: bofellesskap
  district: Nord
  address: Lyngveien 3
  postcode: "0152"
  city: Testvik
  intro_program: true
- id: fjellsida
  name: Fjellsida sykehjem
  type: sykehjem
  district: Nord
  address: Fjellveien 4
  postcode: "0153"
  city: Testvik
  mentor_program: true
  intro_program: true
"""
}


@pytest.mark.parametrize(
    ("unit", "body", "message", "hint"),
    [
        (
            "solbakken",
            BODY,
            "Solbakken sykehjem har mentorordning, men annonsen nevner det ikke",
            "«Du får mentor det første året.»",
        ),
        (
            "lyngveien",
            BODY + "Du får god opplæring.\n",
            "Lyngveien bofellesskap har introduksjonsprogram, men annonsen nevner det ikke",
            "introduksjonsprogram med opplæringsplan",
        ),
        (
            "fjellsida",
            BODY,
            "Fjellsida sykehjem har mentorordning og introduksjonsprogram, men annonsen",
            "«Du får mentor det første året.»",
        ),
    ],
)
def test_ja204_fires_when_the_units_programme_is_not_named(
    tmp_path: Path, unit: str, body: str, message: str, hint: str
) -> None:
    changes = {**NO_MENTOR_SUMMARY, "unit": unit}
    findings = check_ad(
        tmp_path, body, select=("JA204",), changes=changes, files=UNITS_WITH_PROGRAMMES
    )
    assert codes(findings) == ["JA204"]
    assert message in findings[0].message
    assert hint in findings[0].hint
    assert findings[0].field == "unit"
    assert findings[0].line == field_line(changes, "unit")


@pytest.mark.parametrize(
    ("unit", "body", "changes"),
    [
        ("solbakken", BODY + "Mentoren din møter deg første dag.\n", NO_MENTOR_SUMMARY),
        ("solbakken", BODY + "Vi har fadderordning for nyansatte.\n", NO_MENTOR_SUMMARY),
        ("lyngveien", BODY + "Du følger introduksjonsprogrammet.\n", NO_MENTOR_SUMMARY),
        ("fjellsida", BODY + "Du får en opplæringsplan.\n", NO_MENTOR_SUMMARY),
        ("fjellsida", BODY + "- Mentorordning det første året\n", NO_MENTOR_SUMMARY),
        # The summary («… med mentor det første året») is part of the ad.
        ("solbakken", BODY, {}),
        # Fjordtun has no programme to mention.
        ("fjordtun", BODY, NO_MENTOR_SUMMARY),
    ],
)
def test_ja204_passes_when_named_or_not_offered(
    tmp_path: Path, unit: str, body: str, changes: dict
) -> None:
    findings = check_ad(
        tmp_path,
        body,
        select=("JA204",),
        changes={**changes, "unit": unit},
        files=UNITS_WITH_PROGRAMMES,
    )
    assert findings == []


# --- JA205 no-development-offer ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "snippet"),
    [
        ("Vi tilbyr et godt arbeidsmiljø og gode kolleger.\n", "Vi tilbyr"),
        # The applicant supervising others is a task, not an offer.
        (
            "## Arbeidsoppgaver\n\n- Du veileder studenter og lærlinger.\n"
            "- Du gir råd og veiledning til pasienter og pårørende.\n",
            "Arbeidsoppgaver",
        ),
        ("Du gir veiledning hver dag.\nVi har kursiv skrift i journalen.\n", "Du gir"),
    ],
)
def test_ja205_fires_without_a_development_offer(tmp_path: Path, body: str, snippet: str) -> None:
    findings = check_ad(tmp_path, body, select=("JA205",))
    assert codes(findings) == ["JA205"]
    assert "Annonsen sier ikke hva søkeren får av faglig utvikling" in findings[0].message
    assert findings[0].line == body_line(BASE_AD, body, snippet)
    assert findings[0].severity == "info"


@pytest.mark.parametrize(
    "body",
    [
        "Vi har fagdager hver måned.\n",
        "Vi støtter videreutdanningen din i demens.\n",
        "Du blir del av et robust fagmiljø.\n",
        "Du får egen veileder de første ukene.\n",
        "Du får veiledning av erfarne kolleger.\n",
        "Vi satsar på kompetanseheving og karrierevegar.\n",
        "Du får betalt norskkurs.\n",
        "## Arbeidsoppgaver\n\n- Du veileder studenter.\n\n## Vi tilbyr\n\n- veiledning i gruppe\n",
    ],
)
def test_ja205_passes_with_a_development_offer(tmp_path: Path, body: str) -> None:
    assert check_ad(tmp_path, body, select=("JA205",)) == []


def test_ja205_counts_the_summary(tmp_path: Path) -> None:
    changes = {"summary": "Fast stilling med fagdag hver måned."}
    assert check_ad(tmp_path, BODY, select=("JA205",), changes=changes) == []


# --- JA206 shift-work-without-commute-info -----------------------------------------------


@pytest.mark.parametrize(
    ("changes", "remove", "body", "snippet", "message"),
    [
        (
            {"unit": "fjordtun", "shifts": ["dag", "kveld", "natt"]},
            (),
            BODY,
            "shifts:",
            "Stillingen har kveldsvakter og nattevakter, men verken annonsen eller "
            "arbeidsstedet sier hvordan en kommer seg til og fra jobb",
        ),
        (
            {"unit": "fjordtun", "shifts": ["helg"]},
            (),
            BODY + "Du kjører tjenestebil mellom brukerne.\n",
            "shifts:",
            "Stillingen har helgevakter",
        ),
        (
            {"unit": "fjordtun"},
            ("shifts",),
            BODY + "Du går i turnus med hver tredje helg.\n",
            "Du går i turnus",
            "Annonsen nevner «turnus»",
        ),
    ],
)
def test_ja206_fires_on_late_shifts_without_commute_info(
    tmp_path: Path,
    changes: dict,
    remove: tuple[str, ...],
    body: str,
    snippet: str,
    message: str,
) -> None:
    findings = check_ad(tmp_path, body, select=("JA206",), changes=changes, remove=remove)
    assert codes(findings) == ["JA206"]
    assert message in findings[0].message
    assert findings[0].line == body_line(front_matter(changes, remove), body, snippet)
    assert "data/units.yml" in findings[0].hint


UNIT_WITH_PARKING_ONLY = {
    "data/units.yml": MINIMAL_SITE["data/units.yml"]
    + """\
- id: fjellsida
  name: Fjellsida sykehjem
  type: sykehjem
  district: Nord
  address: Fjellveien 4
  postcode: "0153"
  city: Testvik
  parking: Gratis parkering for ansatte.
"""
}


@pytest.mark.parametrize(
    ("changes", "remove", "body"),
    [
        # The unit tells how to get there (data/units.yml).
        ({"unit": "solbakken", "shifts": ["natt"]}, (), BODY),
        ({"unit": "fjellsida", "shifts": ["kveld", "helg"]}, (), BODY),
        # The ad tells.
        ({"unit": "fjordtun", "shifts": ["natt"]}, (), BODY + "Nattbussen stopper utenfor.\n"),
        ({"unit": "fjordtun", "shifts": ["kveld"]}, (), BODY + "- Gratis parkering\n"),
        ({"unit": "fjordtun", "shifts": ["kveld"]}, (), BODY + "Vi betaler taxi hjem.\n"),
        # Day work: a «new rota» is not evening work.
        (
            {"unit": "fjordtun", "shifts": ["dag"]},
            (),
            BODY + "Den nye turnusen er klar i august.\n",
        ),
        ({"unit": "fjordtun"}, ("shifts",), BODY),
    ],
)
def test_ja206_passes_with_commute_info_or_day_work(
    tmp_path: Path, changes: dict, remove: tuple[str, ...], body: str
) -> None:
    findings = check_ad(
        tmp_path,
        body,
        select=("JA206",),
        changes=changes,
        remove=remove,
        files=UNIT_WITH_PARKING_ONLY,
    )
    assert findings == []


# --- JA207 who-safeguard-country ---------------------------------------------------------


def test_ja207_ships_the_2023_list_of_55_countries() -> None:
    data = yaml.safe_load((REPO / "data/guidelines/attraction.yml").read_text(encoding="utf-8"))
    safeguards = WhoSafeguards.model_validate(data["who_safeguards"])
    assert safeguards.year == 2023
    assert len(safeguards.countries) == len(set(safeguards.countries)) == 55
    # The names that are easy to get wrong.
    for code in ("CG", "CD", "CI", "LA", "FM", "TZ", "TL", "GW", "GQ", "CF", "SS", "GM", "NE"):
        assert code in safeguards.countries
    for code in ("ZA", "IN", "PH", "NO", "SE", "KE", "NA"):
        assert code not in safeguards.countries


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        (["SE", "NG"], [(1, "NG")]),
        (["CD", "CG", "DK"], [(0, "CD"), (1, "CG")]),
        (["tl"], [(0, "TL")]),
    ],
)
def test_ja207_fires_on_a_listed_country(
    tmp_path: Path, countries: list[str], expected: list[tuple[int, str]]
) -> None:
    changes = {"recruitment_countries": countries}
    findings = check_ad(tmp_path, BODY, select=("JA207",), changes=changes)
    assert codes(findings) == ["JA207"] * len(expected)
    first_item = field_line(changes, "recruitment_countries") + 1
    for finding, (index, code) in zip(findings, expected, strict=True):
        assert finding.severity == "error"
        assert finding.field == f"recruitment_countries[{index}]"
        assert finding.line == first_item + index
        assert f"({code}) står på WHOs liste fra 2023" in finding.message
        assert f"fjern {code} fra recruitment_countries" in finding.hint


@pytest.mark.parametrize("countries", [[], ["SE", "DK"], ["ZA", "IN", "PH"]])
def test_ja207_passes_countries_not_on_the_list(tmp_path: Path, countries: list[str]) -> None:
    changes = {"recruitment_countries": countries}
    assert check_ad(tmp_path, BODY, select=("JA207",), changes=changes) == []

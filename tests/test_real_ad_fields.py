"""The fields real ads need (openings, several units and professions, standing deadlines,
decimal sizes and ranges, Norwegian dates, lenient phones, employers): each accepted form is
read as the author meant it, and each malformed value is reported with file, line, field, a
Norwegian message and a hint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity
from generator.models.terms import PositionSize
from generator.pipeline import read_site
from generator.site import Site
from tests.conftest import MINIMAL_SITE, run_careers

MakeSite = Callable[..., Path]
TODAY = date(2026, 11, 23)
JOB_FILE = "content/jobs/sykepleier-natt.md"
JOB = MINIMAL_SITE[JOB_FILE]
UNITS = MINIMAL_SITE["data/units.yml"]

# A foundation (ideell) that runs a nursing home for the municipality. 998 877 601 passes the
# register's mod-11 check; the unit has its own number (underenhet), 974 760 673.
EMPLOYERS = """\
- id: stiftelsen-fjellro
  name: Stiftelsen Fjellro
  organisation_number: "998 877 601"
  sector: ideell
  website: https://fjellro.example/
  ad_footer: Vi oppfordrer alle kvalifiserte til å søke, uavhengig av alder, kjønn, etnisk
    bakgrunn og funksjonsevne.
"""
FJELLRO_UNIT = """\
- id: fjellro
  name: Fjellro sykehjem
  type: sykehjem
  district: Nord
  address: Fjellveien 3
  postcode: "0152"
  city: Testvik
  employer: stiftelsen-fjellro
  organisation_number: "974760673"
"""


def job_with(*replacements: tuple[str, str], extra: str = "") -> str:
    """The minimal site's job with lines replaced, and `extra` front matter added."""
    text = JOB
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text.replace("---\n\n", f"{extra}---\n\n", 1) if extra else text


def read(
    make_site: MakeSite, changes: dict[str, str | None]
) -> tuple[Site | None, list[Diagnostic]]:
    site, diagnostics = read_site(make_site(changes), TODAY)
    return site, [d for d in diagnostics if d.code == "SITE"]


def only_job(site: Site | None):  # type: ignore[no-untyped-def]
    assert site is not None
    (job,) = site.jobs
    return job


def problem(diagnostics: list[Diagnostic], field: str) -> Diagnostic:
    found = [d for d in diagnostics if d.field == field]
    assert found, f"no message for {field}: {[d.format() for d in diagnostics]}"
    return found[0]


# --- Accepted forms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("73,68", [PositionSize(73.68, 73.68)]),
        ("73.68", [PositionSize(73.68, 73.68)]),
        ('"73,68 %"', [PositionSize(73.68, 73.68)]),
        ('"75–100"', [PositionSize(75, 100)]),
        ("75-100 %", [PositionSize(75, 100)]),
        ("[100, 73.68]", [PositionSize(100, 100), PositionSize(73.68, 73.68)]),
        ('["73,68", "28,17"]', [PositionSize(73.68, 73.68), PositionSize(28.17, 28.17)]),
    ],
)
def test_sizes_with_decimals_and_ranges(make_site: MakeSite, written: str, expected: list) -> None:
    site, problems = read(
        make_site,
        {JOB_FILE: job_with(("position_percent: 100", f"position_percent: {written}"))},
    )
    assert problems == []
    assert only_job(site).position_percent == expected


@pytest.mark.parametrize("written", ["fortløpende", "løpende", "snarest", "Fortløpende"])
def test_standing_deadlines(make_site: MakeSite, written: str) -> None:
    site, problems = read(
        make_site, {JOB_FILE: job_with(("deadline: 2026-12-08", f"deadline: {written}"))}
    )
    assert problems == []
    job = only_job(site)
    assert job.is_standing and job.deadline_date is None and job.days_left(TODAY) is None
    assert job.is_open(date(2030, 1, 1))


def test_a_standing_ad_is_listed_until_visible_until(make_site: MakeSite) -> None:
    site, problems = read(
        make_site,
        {
            JOB_FILE: job_with(
                ("deadline: 2026-12-08", "deadline: fortløpende"),
                extra="visible_until: 31.1.2027\n",
            )
        },
    )
    assert problems == []
    job = only_job(site)
    assert job.is_open(date(2027, 1, 31)) and not job.is_open(date(2027, 2, 1))


@pytest.mark.parametrize(
    ("written", "expected"),
    [("3", 3), ('"hver 3. helg"', 3), ("annenhver helg", 2), ("hver helg", 1), ("kvar 4. helg", 4)],
)
def test_weekends_as_ads_say_it(make_site: MakeSite, written: str, expected: int) -> None:
    site, problems = read(make_site, {JOB_FILE: job_with(extra=f"weekend_every: {written}\n")})
    assert problems == []
    assert only_job(site).weekend_every == expected


def test_norwegian_dates_and_an_open_count(make_site: MakeSite) -> None:
    site, problems = read(
        make_site,
        {
            JOB_FILE: job_with(
                ("published: 2026-11-01", "published: 1.11.2026"),
                ("deadline: 2026-12-08", "deadline: 08.12.2026"),
                extra="positions: flere\nstart: 04.01.2027\n",
            )
        },
    )
    assert problems == []
    job = only_job(site)
    assert (job.published, job.deadline, job.start) == (
        date(2026, 11, 1),
        date(2026, 12, 8),
        date(2027, 1, 4),
    )
    assert job.total_positions == "flere"


@pytest.mark.parametrize(
    ("phone", "mobile"),
    [
        ('"+47 912 40 118"', None),
        ('"0047 912 40 118"', None),
        ("91240118", None),
        ('"12 34 56 78, tast 3"', '"48 12 34 56"'),
    ],
)
def test_phone_numbers_as_people_write_them(
    make_site: MakeSite, phone: str, mobile: str | None
) -> None:
    contact = f"    phone: {phone}\n" + (f"    mobile: {mobile}\n" if mobile else "")
    site, problems = read(
        make_site, {JOB_FILE: job_with(('    phone: "+47 912 34 567"\n', contact))}
    )
    assert problems == []
    assert only_job(site).contacts[0].phone == phone.strip('"')


def test_openings_units_and_professions(make_site: MakeSite) -> None:
    openings = """\
units: [solbakken, fjordtun]
professions: [sykepleier, helsefagarbeider]
openings:
  - {percent: 73.68, employment_type: fast, shifts: [dag, kveld], unit: solbakken}
  - percent: "70,42"
    employment_type: vikariat
    until: 31.08.2027
    temporary_reason: Foreldrepermisjon.
    shifts: [kveld, natt]
    unit: fjordtun
  - {percent: "10–16", count: flere, weekend_every: 1, shifts: [helg, langvakt]}
"""
    text = job_with(
        ("unit: solbakken\n", ""),
        ("profession: sykepleier\n", ""),
        ("position_percent: 100\n", ""),
        extra=openings,
    )
    site, problems = read(make_site, {JOB_FILE: text})
    assert problems == []
    job = only_job(site)
    assert job.unit_ids == ["solbakken", "fjordtun"]
    assert [opening.unit for opening in job.resolved_openings] == ["solbakken", "fjordtun", None]
    assert job.employment_types == ["fast", "vikariat"]
    assert job.total_positions == "flere"
    assert job.all_shifts == ["dag", "kveld", "natt", "helg", "langvakt"]
    assert job.resolved_openings[1].until == date(2027, 8, 31)


# --- Malformed values -------------------------------------------------------------------

# (replacements, extra front matter, field, line, words in the message, words in the hint)
MALFORMED = [
    pytest.param(
        [("position_percent: 100", "position_percent: 73,685")],
        "",
        "position_percent",
        6,
        "flere enn to desimaler",
        "73,68",
        id="three-decimals",
    ),
    pytest.param(
        [("position_percent: 100", 'position_percent: "100–75"')],
        "",
        "position_percent",
        6,
        "første tallet",
        "75–100",
        id="range-upside-down",
    ),
    pytest.param(
        [("position_percent: 100", "position_percent: [73,68, 28,17]")],
        "",
        "position_percent[0]",
        6,
        "kan være to tall eller ett desimaltall",
        "73.68",
        id="comma-decimals-in-a-list",
    ),
    pytest.param(
        [("position_percent: 100\n", "")],
        "openings:\n  - {percent: 73,68, employment_type: fast}\n",
        "openings[0].percent",
        15,
        "kan være to tall eller ett desimaltall",
        '"73,68"',
        id="comma-decimal-in-an-opening",
    ),
    pytest.param(
        [("deadline: 2026-12-08", "deadline: snart")],
        "",
        "deadline",
        10,
        "ikke en dato eller «fortløpende»",
        "fortløpende",
        id="deadline-word",
    ),
    pytest.param(
        [("deadline: 2026-12-08", "deadline: 31.02.2027")],
        "",
        "deadline",
        10,
        "ikke en gyldig dato",
        "DD.MM.ÅÅÅÅ",
        id="impossible-norwegian-date",
    ),
    pytest.param(
        [("employment_type: fast", "employment_type: ekstravakt")],
        "",
        "employment_type",
        7,
        "ikke en gyldig verdi",
        "tilkallingsvikar",
        id="ekstravakt",
    ),
    pytest.param(
        [("shifts: [natt]", "shifts: [våken natt]")],
        "",
        "shifts[0]",
        8,
        "ikke en gyldig verdi",
        "vaken-natt",
        id="shift-spelling",
    ),
    pytest.param(
        [],
        "weekend_every: 7\n",
        "weekend_every",
        15,
        "fra 1 til 6",
        "hver 3. helg",
        id="weekend-every",
    ),
    pytest.param([], "language: no\n", "language", 15, "ikke en gyldig verdi", "nb", id="language"),
    pytest.param(
        [('    phone: "+47 912 34 567"', '    phone: "912 40 118 / 48 12 34 56"')],
        "",
        "contacts[0].phone",
        13,
        "to telefonnumre",
        "mobile",
        id="two-phone-numbers",
    ),
    pytest.param(
        [],
        "units: [fjordtun]\n",
        "units",
        15,
        "både unit og units",
        "flytt «solbakken»",
        id="unit-and-units",
    ),
    pytest.param(
        [("unit: solbakken\n", "")],
        "",
        "",
        2,
        "unit mangler",
        "units: [a, b]",
        id="no-unit",
    ),
    pytest.param(
        [],
        "professions: [helsefagarbeider, sykepleir]\n",
        "professions",
        15,
        "både profession og professions",
        "professions",
        id="profession-and-professions",
    ),
    pytest.param(
        [],
        "openings:\n  - {percent: 50}\n",
        "position_percent",
        6,
        "både openings og position_percent",
        "percent",
        id="openings-and-position-percent",
    ),
    pytest.param(
        [("position_percent: 100\n", "")],
        "openings:\n  - {percent: 50, unit: fjordtun}\n",
        "openings[0].unit",
        15,
        "ikke blant annonsens units",
        "legg «fjordtun» til i units",
        id="opening-unit-not-the-ads",
    ),
    pytest.param(
        [("position_percent: 100\n", "")],
        "openings:\n  - {prosent: 50}\n",
        "openings[0].prosent",
        15,
        "ukjent felt",
        "percent",
        id="opening-unknown-field",
    ),
    pytest.param(
        [],
        "until: 2027-08-31\n",
        "until",
        15,
        "fast stilling har ingen sluttdato",
        "vikariat",
        id="until-on-a-permanent-position",
    ),
    pytest.param(
        [("employment_type: fast", "employment_type: vikariat")],
        "until: 2026-10-01\n",
        "until",
        15,
        "før publiseringsdatoen",
        "sjekk begge datoene",
        id="until-before-published",
    ),
    pytest.param(
        [("employment_type: fast", "employment_type: vikariat")],
        "until: 2027-01-01\nstart: 2027-02-01\n",
        "until",
        15,
        "før tiltredelsen",
        "start",
        id="until-before-start",
    ),
    pytest.param(
        [("employment_type: fast", "employment_type: vikariat")],
        "until: 2026-12-01\n",
        "until",
        15,
        "før søknadsfristen",
        "deadline",
        id="until-before-deadline",
    ),
    pytest.param(
        [("position_percent: 100\n", "")],
        "openings:\n  - percent: [50, 60]\n",
        "openings[0].percent",
        15,
        "én størrelse, ikke en liste",
        "én opening per størrelse",
        id="a-list-in-an-opening",
    ),
    pytest.param(
        [("profession: sykepleier\n", "")],
        "professions: []\n",
        "professions",
        14,
        "profession mangler",
        "professions: [a, b]",
        id="an-empty-list-of-professions",
    ),
    pytest.param(
        [("employment_type: fast", "employment_type: sommervikariat")],
        "",
        "employment_type",
        7,
        "ikke en gyldig verdi",
        "sommerjobb",
        id="sommervikariat",
    ),
]


@pytest.mark.parametrize(("replacements", "extra", "field", "line", "message", "hint"), MALFORMED)
def test_malformed_values_are_reported_by_line_with_a_hint(
    make_site: MakeSite,
    replacements: list[tuple[str, str]],
    extra: str,
    field: str,
    line: int,
    message: str,
    hint: str,
) -> None:
    _, problems = read(make_site, {JOB_FILE: job_with(*replacements, extra=extra)})
    found = problem(problems, field)
    assert (found.file, found.line, found.severity) == (JOB_FILE, line, Severity.ERROR)
    assert message in found.message, found.format()
    assert hint in found.hint, found.format()


def test_a_count_that_contradicts_the_sizes_is_a_warning(make_site: MakeSite) -> None:
    text = job_with(
        ("position_percent: 100", "position_percent: [100, 75, 50, 40]"), extra="positions: 2\n"
    )
    site, problems = read(make_site, {JOB_FILE: text})
    found = problem(problems, "positions")
    assert found.severity == Severity.WARNING and "viser 4 stillinger" in found.message
    assert only_job(site).total_positions == 4


def test_visible_until_on_a_dated_ad_is_a_warning(make_site: MakeSite) -> None:
    _, problems = read(make_site, {JOB_FILE: job_with(extra="visible_until: 2027-01-31\n")})
    found = problem(problems, "visible_until")
    assert found.severity == Severity.WARNING and "fortløpende" in found.hint


# --- Employers --------------------------------------------------------------------------


def test_an_employer_from_employers_yml(make_site: MakeSite) -> None:
    text = job_with(("unit: solbakken", "unit: fjellro"))
    site, problems = read(
        make_site,
        {"data/employers.yml": EMPLOYERS, "data/units.yml": UNITS + FJELLRO_UNIT, JOB_FILE: text},
    )
    assert problems == []
    assert site is not None
    employer = site.employer_of(only_job(site))
    assert (employer.name, employer.organisation_number, employer.sector) == (
        "Stiftelsen Fjellro",
        "998877601",
        "ideell",
    )
    assert not employer.has_public_applicant_list
    assert site.ad_footer_of(only_job(site)).startswith("Vi oppfordrer alle")
    assert site.units["fjellro"].organisation_number == "974760673"
    assert [e.name for e in site.employers_in_use] == ["Testvik kommune", "Stiftelsen Fjellro"]


def test_without_employers_yml_the_site_is_the_employer(make_site: MakeSite) -> None:
    site, problems = read(make_site, {})
    assert problems == [] and site is not None
    employer = site.employer_of(only_job(site))
    assert employer.name == "Testvik kommune" and employer.has_public_applicant_list


@pytest.mark.parametrize(
    ("employers", "units", "file", "line", "field", "message", "hint"),
    [
        pytest.param(
            EMPLOYERS.replace("998 877 601", "998 877 602"),
            UNITS + FJELLRO_UNIT,
            "data/employers.yml",
            3,
            "[0].organisation_number",
            "kontrollsifferet stemmer ikke",
            "Enhetsregisteret",
            id="check-digit",
        ),
        pytest.param(
            EMPLOYERS.replace("sector: ideell", "sector: frivillig"),
            UNITS + FJELLRO_UNIT,
            "data/employers.yml",
            4,
            "[0].sector",
            "ikke en gyldig verdi",
            "",
            id="sector",
        ),
        pytest.param(
            EMPLOYERS,
            UNITS
            + FJELLRO_UNIT.replace("employer: stiftelsen-fjellro", "employer: stiftelsen-fjelro"),
            "data/units.yml",
            24,
            "[2].employer",
            "finnes ikke i data/employers.yml",
            "mente du «stiftelsen-fjellro»?",
            id="unknown-employer",
        ),
        pytest.param(
            None,
            UNITS + FJELLRO_UNIT,
            "data/units.yml",
            24,
            "[2].employer",
            "nettstedet har ingen data/employers.yml",
            "lag data/employers.yml",
            id="no-employers-file",
        ),
        pytest.param(
            EMPLOYERS,
            UNITS + FJELLRO_UNIT.replace('"974760673"', '"97476067"'),
            "data/units.yml",
            25,
            "[2].organisation_number",
            "ni sifre",
            "Enhetsregisteret",
            id="unit-number-length",
        ),
    ],
)
def test_bad_employer_data(
    make_site: MakeSite,
    employers: str | None,
    units: str,
    file: str,
    line: int,
    field: str,
    message: str,
    hint: str,
) -> None:
    _, problems = read(make_site, {"data/employers.yml": employers, "data/units.yml": units})
    found = problem(problems, field)
    assert (found.file, found.line) == (file, line), found.format()
    assert message in found.message and hint in found.hint, found.format()


def test_an_ad_for_units_of_two_employers_is_refused(make_site: MakeSite) -> None:
    text = job_with(("unit: solbakken", "units: [solbakken, fjellro]"))
    _, problems = read(
        make_site,
        {"data/employers.yml": EMPLOYERS, "data/units.yml": UNITS + FJELLRO_UNIT, JOB_FILE: text},
    )
    found = problem(problems, "units")
    assert "ulike arbeidsgivere" in found.message and "én annonse per arbeidsgiver" in found.hint


def test_an_employer_without_a_public_list_is_warned_about_the_sites_footer(
    make_site: MakeSite,
) -> None:
    employers = EMPLOYERS.split("  ad_footer:")[0]  # no footer of its own
    _, problems = read(
        make_site, {"data/employers.yml": employers, "data/units.yml": UNITS + FJELLRO_UNIT}
    )
    found = problem(problems, "[0].id")
    assert found.severity == Severity.WARNING and "ikke offentlig søkerliste" in found.message


def test_the_command_exits_non_zero_without_a_traceback(make_site: MakeSite) -> None:
    site = make_site({JOB_FILE: job_with(("deadline: 2026-12-08", "deadline: snart"))})
    result = run_careers("check", "--site", str(site), "--today", "2026-11-23")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{JOB_FILE}:10: deadline: «snart» er ikke en dato eller «fortløpende»" in result.output

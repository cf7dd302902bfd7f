"""JobPosting JSON-LD for Google for Jobs: the fields, the employment types, the salary reader,
and Google's rules for job postings checked on every open ad."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from generator.models import Employer, Job, SiteConfig, Unit
from generator.pipeline import read_site
from generator.render.structured_data import employment_types, job_posting, parse_salary
from generator.render.views import Views
from generator.site import Site
from tests.real_ads import BJORKLY_FOUNDATION, VIKARPOOL

REPO = Path(__file__).resolve().parent.parent
URL = "https://karriere.testvik.example/stillinger/sykepleier-natt/"

# Google's documented employmentType values (Search Central, «Job posting structured data»).
GOOGLE_EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
# The properties Google requires; `description` is the rendered ad, added by the template
# (tests/test_job_pages.py checks it on the built pages).
GOOGLE_REQUIRED = ("title", "datePosted", "hiringOrganization", "jobLocation")
GOOGLE_RECOMMENDED = ("employmentType", "identifier", "directApply", "validThrough", "baseSalary")


def make_job(**fields: Any) -> Job:
    data = {
        "title": "Sykepleier natt",
        "unit": "solbakken",
        "profession": "sykepleier",
        "published": "2026-11-01",
    }
    return Job.model_validate(data | fields)


def make_config(**fields: Any) -> SiteConfig:
    data = {
        "name": "Jobb i Testvik",
        "organisation": "Testvik kommune",
        "base_url": "https://karriere.testvik.example/",
    }
    return SiteConfig.model_validate(data | fields)


def make_unit(**fields: Any) -> Unit:
    data = {
        "id": "solbakken",
        "name": "Solbakken sykehjem",
        "type": "sykehjem",
        "district": "Sentrum",
        "address": "Bakkeveien 1",
        "postcode": "0150",
        "city": "Testvik",
    }
    return Unit.model_validate(data | fields)


def own_employer(config: SiteConfig) -> Employer:
    return Site(site_dir=REPO, config=config, today=date(2026, 11, 23)).own_employer


# A non-profit foundation running a nursing home for the municipality.
FOUNDATION = Employer.model_validate(BJORKLY_FOUNDATION)


def posting(
    job: Job,
    config: SiteConfig | None = None,
    unit: Unit | None = None,
    *,
    units: list[Unit] | None = None,
    employer: Employer | None = None,
    language: str = "nb",
) -> dict[str, Any]:
    config = config or make_config()
    return job_posting(
        job,
        config=config,
        employer=employer or own_employer(config),
        units=units if units is not None else [unit or make_unit()],
        language=language,
        url=URL,
    )


def google_problems(data: dict[str, Any]) -> list[str]:
    """What Google's job posting rules find wrong: a required property missing, an
    employmentType it does not know, a place without a country, an end before the start."""
    problems = [f"{name} missing" for name in GOOGLE_REQUIRED if not data.get(name)]
    kinds = data.get("employmentType", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    problems += [f"employmentType {kind}" for kind in kinds if kind not in GOOGLE_EMPLOYMENT_TYPES]
    organisation = data.get("hiringOrganization", {})
    if not organisation.get("name") or not organisation.get("sameAs", "").startswith("https://"):
        problems.append("hiringOrganization needs a name and sameAs")
    places = data.get("jobLocation", [])
    for place in places if isinstance(places, list) else [places]:
        if place.get("@type") != "Place" or not place.get("address", {}).get("addressCountry"):
            problems.append("jobLocation needs a Place with addressCountry")
    if "validThrough" in data:
        end = datetime.fromisoformat(data["validThrough"])
        if end.tzinfo is None or end.date() < date.fromisoformat(data["datePosted"]):
            problems.append("validThrough before datePosted or without a zone")
    return problems


# --- The posting -------------------------------------------------------------------------


def test_a_full_posting_has_google_s_fields() -> None:
    job = make_job(
        summary="Bli med i et trygt nattlag.",
        position_percent=[100, 75],
        positions=1,
        employment_type="fast",
        deadline="2026-12-08",
        start="2027-02-01",
        salary="Fra kr 575 000 i året etter tariff.",
        reference="2026/1398",
    )
    config = make_config(brand={"logo": "assets/logo.svg"})
    unit = make_unit(geo={"lat": 61.6021, "lon": 5.0412})

    data = posting(job, config, unit)
    assert data == {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Sykepleier natt",
        "datePosted": "2026-11-01",
        "validThrough": "2026-12-08T23:59:59+01:00",
        "employmentType": ["FULL_TIME", "PART_TIME"],
        "hiringOrganization": {
            "@type": "Organization",
            "name": "Testvik kommune",
            "sameAs": "https://karriere.testvik.example/",
            "url": "https://karriere.testvik.example/",
            "logo": "https://karriere.testvik.example/assets/logo.svg",
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Bakkeveien 1",
                "postalCode": "0150",
                "addressLocality": "Testvik",
                "addressCountry": "NO",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": 61.6021, "longitude": 5.0412},
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "NOK",
            "value": {"@type": "QuantitativeValue", "minValue": 575000, "unitText": "YEAR"},
        },
        "identifier": {"@type": "PropertyValue", "name": "Testvik kommune", "value": "2026/1398"},
        "directApply": False,
        "totalJobOpenings": 2,
        "jobStartDate": "2027-02-01",
        "inLanguage": "nb",
        "url": URL,
    }
    assert google_problems(data) == []
    assert set(GOOGLE_RECOMMENDED) <= set(data)


def test_the_summary_and_description_are_left_to_the_template() -> None:
    data = posting(make_job(summary="Bli med i et trygt nattlag."))
    assert "description" not in data
    assert "Bli med i et trygt nattlag." not in json.dumps(data, ensure_ascii=False)


def test_a_minimal_posting_leaves_out_what_it_does_not_know() -> None:
    data = posting(make_job(salary="Lønn etter avtale.", start="etter avtale"))
    for field in ("validThrough", "baseSalary", "identifier", "jobStartDate"):
        assert field not in data
    assert "logo" not in data["hiringOrganization"]
    assert "geo" not in data["jobLocation"]
    assert data["employmentType"] == ["OTHER"]
    assert data["totalJobOpenings"] == 1
    assert google_problems(data) == []


@pytest.mark.parametrize(
    ("deadline", "valid_through"),
    [
        ("2026-12-08", "2026-12-08T23:59:59+01:00"),
        ("08.12.2026", "2026-12-08T23:59:59+01:00"),  # as Norwegians write it
        ("2027-06-30", "2027-06-30T23:59:59+02:00"),
        # Summer time ends on the last Sunday of October: the day itself is already +01:00.
        ("2026-10-25", "2026-10-25T23:59:59+01:00"),
        ("2026-10-24", "2026-10-24T23:59:59+02:00"),
    ],
)
def test_valid_through_is_the_end_of_the_deadline_day_in_oslo(
    deadline: str, valid_through: str
) -> None:
    assert posting(make_job(deadline=deadline))["validThrough"] == valid_through


@pytest.mark.parametrize(
    ("fields", "valid_through"),
    [
        # A standing ad is valid through the last day it is listed …
        ({"visible_until": "2027-06-30"}, "2027-06-30T23:59:59+02:00"),
        # … and without `visible_until` it has no end Google could show.
        ({}, None),
    ],
)
def test_a_standing_ad_is_valid_through_visible_until(
    fields: dict[str, Any], valid_through: str | None
) -> None:
    job = make_job(deadline="fortløpende", employment_type="tilkallingsvikar", **fields)
    data = posting(job)
    assert data.get("validThrough") == valid_through
    assert data["employmentType"] == ["PER_DIEM"]
    assert google_problems(data) == []


@pytest.mark.parametrize(
    ("fields", "openings"),
    [
        ({"positions": 1}, 1),
        ({"positions": 3}, 3),
        ({"positions": 1, "position_percent": [100, 75, 50]}, 3),
        ({"positions": 4, "position_percent": [100, 75]}, 4),
        ({"positions": "flere"}, None),  # «flere stillinger»: no number to give
        ({"openings": [{"percent": 100, "count": 2}, {"percent": "73,68"}]}, 3),
        ({"openings": [{"percent": 100}, {"percent": "10-16", "count": "flere"}]}, None),
    ],
)
def test_total_job_openings_only_when_the_count_is_known(
    fields: dict[str, Any], openings: int | None
) -> None:
    assert posting(make_job(**fields)).get("totalJobOpenings") == openings


def test_the_logo_is_an_absolute_url_under_the_base_path() -> None:
    config = make_config(base_url="https://example.no/jobb", brand={"logo": "/assets/logo ny.svg"})
    organization = posting(make_job(), config)["hiringOrganization"]
    assert organization["logo"] == "https://example.no/jobb/assets/logo%20ny.svg"


def test_an_ad_without_a_known_unit_still_names_the_country() -> None:
    data = posting(make_job(), units=[])
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressCountry": "NO"},
    }


# --- Several workplaces, other employers, other languages --------------------------------

UNITS = [
    make_unit(),
    make_unit(
        id="fjordtun", name="Fjordtun", address="Fjordgata 2", postcode="0151", city="Nordby"
    ),
    make_unit(
        id="helsehus",
        name="Testvik helsehus",
        address="Torget 3",
        postcode="0152",
        city="Testvik",
        geo={"lat": 61.6, "lon": 5.04},
    ),
]


def test_a_vikarpool_across_three_units_names_every_workplace() -> None:
    data = posting(make_job(**VIKARPOOL), units=UNITS)
    places = data["jobLocation"]
    assert isinstance(places, list)
    assert [place["address"]["postalCode"] for place in places] == ["0150", "0151", "0152"]
    assert [place["address"]["addressLocality"] for place in places] == [
        "Testvik",
        "Nordby",
        "Testvik",
    ]
    assert "geo" not in places[0] and places[2]["geo"]["latitude"] == 61.6
    # A range that reaches 100 % is both, and «flere» is no number.
    assert data["employmentType"] == ["FULL_TIME", "PART_TIME", "TEMPORARY"]
    assert "totalJobOpenings" not in data
    assert google_problems(data) == []


def test_a_non_profit_employer_hires() -> None:
    config = make_config(brand={"logo": "assets/logo.svg"})
    data = posting(make_job(reference="LYS-12"), config, employer=FOUNDATION)
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Stiftelsen Bjørkly",
        "sameAs": "https://www.bjorkly.example/",
        "url": "https://www.bjorkly.example/",
        # The foundation's own logo, never the municipality's.
        "logo": "https://karriere.testvik.example/assets/bjorkly.svg",
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Stiftelsen Bjørkly",
        "value": "LYS-12",
    }
    assert google_problems(data) == []


def test_an_employer_without_website_or_logo_points_to_this_site() -> None:
    employer = FOUNDATION.model_copy(update={"website": None, "logo": None})
    config = make_config(brand={"logo": "assets/logo.svg"})
    organization = posting(make_job(), config, employer=employer)["hiringOrganization"]
    assert organization == {
        "@type": "Organization",
        "name": "Stiftelsen Bjørkly",
        "sameAs": "https://karriere.testvik.example/",
        "url": "https://karriere.testvik.example/",
    }


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_in_language_is_the_ad_s_language(language: str) -> None:
    # schema.org lists inLanguage for creative works, not JobPosting; Google ignores it.
    assert posting(make_job(), language=language)["inLanguage"] == language


@pytest.fixture(scope="module")
def example_site() -> Site:
    site, _diagnostics = read_site(REPO, date(2026, 11, 23))
    assert site is not None
    return site


def test_every_open_example_ad_follows_google_s_rules(example_site: Site) -> None:
    views = Views(example_site)
    for job in example_site.open_jobs:
        data = views.job_posting(job)
        assert json.loads(json.dumps(data)) == data, job.slug
        assert google_problems(data) == [], job.slug
        assert data["inLanguage"] == example_site.language_of(job), job.slug
        employer = example_site.employer_of(job)
        organisation = data["hiringOrganization"]
        assert organisation["name"] == employer.name, job.slug
        assert organisation["sameAs"] == (employer.website or example_site.config.base_url)
        assert organisation["logo"].startswith("https://"), job.slug
        places = data["jobLocation"]
        places = places if isinstance(places, list) else [places]
        units = example_site.units_of(job)
        assert [place["address"]["postalCode"] for place in places] == [
            unit.postcode for unit in units
        ], job.slug
        assert all("geo" in place for place in places), job.slug


def test_google_s_rules_can_fail() -> None:
    data = posting(make_job(deadline="2026-12-08"))
    assert google_problems(data | {"employmentType": ["ON_CALL"]}) == ["employmentType ON_CALL"]
    assert google_problems({k: v for k, v in data.items() if k != "title"}) == ["title missing"]
    nowhere = data | {"jobLocation": [{"@type": "Place", "address": {}}]}
    assert google_problems(nowhere) == ["jobLocation needs a Place with addressCountry"]
    early = data | {"validThrough": "2026-10-01T23:59:59+02:00"}
    assert google_problems(early) == ["validThrough before datePosted or without a zone"]


# --- Employment types --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percentages", "employment_type", "expected"),
    [
        ([100], "fast", ["FULL_TIME"]),
        ([60], "fast", ["PART_TIME"]),
        ([100, 75], "fast", ["FULL_TIME", "PART_TIME"]),
        ([100, 75, 50], "sommerjobb", ["FULL_TIME", "PART_TIME", "TEMPORARY"]),
        ([100], "vikariat", ["FULL_TIME", "TEMPORARY"]),
        ([80], "engasjement", ["PART_TIME", "TEMPORARY"]),
        ([100], "prosjekt", ["FULL_TIME", "TEMPORARY"]),
        ([100], "laerling", ["FULL_TIME", "INTERN"]),
        ([100], "rekrutteringsstilling", ["FULL_TIME"]),
        (["75-100"], "fast", ["FULL_TIME", "PART_TIME"]),
        (["73,68"], "fast", ["PART_TIME"]),
        (None, "vikariat", ["TEMPORARY"]),
        (None, "laerling", ["INTERN"]),
        (None, "tilkallingsvikar", ["PER_DIEM"]),
        (None, "fast", ["OTHER"]),
        (None, "rekrutteringsstilling", ["OTHER"]),
        (None, None, ["OTHER"]),
        ([50.5], None, ["PART_TIME"]),
    ],
)
def test_employment_types(
    percentages: list[Any] | None, employment_type: str | None, expected: list[str]
) -> None:
    job = make_job(position_percent=percentages, employment_type=employment_type)
    assert employment_types(job) == expected
    assert set(expected) <= GOOGLE_EMPLOYMENT_TYPES


def test_employment_types_come_from_every_opening() -> None:
    bundle = make_job(
        openings=[
            {"percent": "73,68", "employment_type": "fast", "shifts": ["dag", "kveld"]},
            {"percent": "28,17", "employment_type": "fast", "shifts": ["kveld"]},
            {"percent": "70,42", "employment_type": "vikariat", "until": "2027-08-31"},
            {"percent": "34,33", "employment_type": "vikariat", "until": "2027-08-31"},
        ]
    )
    assert employment_types(bundle) == ["PART_TIME", "TEMPORARY"]
    data = posting(bundle)
    assert data["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert data["totalJobOpenings"] == 4
    mixed = make_job(
        openings=[
            {"percent": 100, "employment_type": "fast"},
            {"employment_type": "tilkallingsvikar", "count": "flere"},
            {"percent": 50, "employment_type": "laerling"},
        ]
    )
    assert employment_types(mixed) == ["FULL_TIME", "PART_TIME", "INTERN", "PER_DIEM"]


# --- Salary ------------------------------------------------------------------------------


def amount(unit: str, **value: int | float) -> dict[str, Any]:
    return {
        "@type": "MonetaryAmount",
        "currency": "NOK",
        "value": {"@type": "QuantitativeValue", **value, "unitText": unit},
    }


# Every salary text in the example site.
EXAMPLE_SALARIES = [
    (
        "Lærlinglønn etter tariff. Den er en prosentandel av lønnen til en helsefagarbeider, "
        "og den øker hvert halvår. Du får også tillegg for kveld og helg.",
        None,
    ),
    (
        "Fra kr 480 000 i året for 100 % etter tariff for fagarbeider med fagbrev.",
        amount("YEAR", minValue=480000),
    ),
    (
        "Fra kr 575 000 i året etter tariff, med et øytillegg på kr 15 000 i året og tillegg "
        "for kveld og helg.",
        amount("YEAR", minValue=575000),
    ),
    (
        "Fra kr 480 000 i året etter tariff, med tillegg for natt og helg.",
        amount("YEAR", minValue=480000),
    ),
    ("Fra kr 590 000 i året etter tariff.", amount("YEAR", minValue=590000)),
    (
        "Du beholder lønnen din som helsefagarbeider, fra kr 480 000 i året etter tariff, også "
        "mens du studerer. Som ferdig sykepleier får du fra kr 575 000.",
        amount("YEAR", minValue=480000),
    ),
    (
        "Fra kr 575 000 i året etter tariff, med tillegg for natt og helg.",
        amount("YEAR", minValue=575000),
    ),
    (
        "Fra kr 575 000 i året etter tariff, med tillegg for kveld og helg.",
        amount("YEAR", minValue=575000),
    ),
    (
        "Fra kr 590 000 i året etter tariff. Har du videreutdanning eller master, får du "
        "høyere lønn.",
        amount("YEAR", minValue=590000),
    ),
    (
        "Fra kr 480 000 i året etter tariff for helsefagarbeider med fagbrev, pluss tillegg for "
        "kveld og helg.",
        amount("YEAR", minValue=480000),
    ),
    (
        "Fra kr 575 000 i året etter tariff. Tillegg for videreutdanning i akuttsykepleie eller "
        "geriatri, og for kveld, natt og helg.",
        amount("YEAR", minValue=575000),
    ),
    (
        "Fra kr 480 000 i året for 100 % etter tariff, med tillegg for kveld og helg.",
        amount("YEAR", minValue=480000),
    ),
    (
        "Fra kr 215 i timen etter tariff. Sykepleierstudenter får mer etter hvor mange studieår "
        "de har fullført. Tillegg for kveld og helg.",
        amount("HOUR", minValue=215),
    ),
    ("Lønn etter avtale.", None),
    (
        "Fra kr 575 000 i året etter tariff. Tillegg for kveld og helg, og et heltidstillegg på "
        "kr 20 000 i året.",
        amount("YEAR", minValue=575000),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLE_SALARIES)
def test_the_example_salaries(text: str, expected: dict[str, Any] | None) -> None:
    assert parse_salary(text) == expected


def test_every_example_salary_with_kr_gives_a_figure(example_site: Site) -> None:
    for job in example_site.jobs:
        if job.salary and "kr " in job.salary:
            assert parse_salary(job.salary) is not None, job.slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ranges
        ("kr 520 000–600 000", amount("YEAR", minValue=520000, maxValue=600000)),
        ("Kr 520 000 - 600 000 per år.", amount("YEAR", minValue=520000, maxValue=600000)),
        (
            "Lønn mellom 520 000 og 600 000 kroner.",
            amount("YEAR", minValue=520000, maxValue=600000),
        ),
        ("Fra kr 480 000 til kr 520 000.", amount("YEAR", minValue=480000, maxValue=520000)),
        ("kr 210–250 i timen", amount("HOUR", minValue=210, maxValue=250)),
        # Exact, minimum, maximum
        ("Årslønn 600 000 kr", amount("YEAR", value=600000)),
        ("NOK 600,000", amount("YEAR", value=600000)),
        ("Salary from NOK 600,000 per year.", amount("YEAR", minValue=600000)),
        ("kr 600 000,- i året", amount("YEAR", value=600000)),
        ("Minst kr 500\u00a0000 per år.", amount("YEAR", minValue=500000)),
        ("Minimum kr 500\u202f000.", amount("YEAR", minValue=500000)),
        ("Inntil kr 650 000 i året.", amount("YEAR", maxValue=650000)),
        ("Opptil kr. 650.000 pr. år.", amount("YEAR", maxValue=650000)),
        ("Maks 650 000 kr.", amount("YEAR", maxValue=650000)),
        ("Lønn: 600\u2009000", amount("YEAR", value=600000)),
        # Month
        ("kr 48 500 per måned", amount("MONTH", value=48500)),
        ("kr 48 500 i måneden", amount("MONTH", value=48500)),
        ("Månedslønn fra kr 48 500.", amount("MONTH", minValue=48500)),
        ("kr 48 500", amount("MONTH", value=48500)),
        # Hour
        ("kr 215 per time", amount("HOUR", value=215)),
        ("Timelønn kr 215,50.", amount("HOUR", value=215.5)),
        ("kr 215", amount("HOUR", value=215)),
        # Year by size when no period is named
        ("kr 480 000 etter tariff", amount("YEAR", value=480000)),
        # A supplement before the base salary, with the base named again
        (
            "Du får et tillegg på kr 20 000, og grunnlønnen er fra kr 500 000.",
            amount("YEAR", minValue=500000),
        ),
        # The period in another clause says nothing about the pay
        ("kr 48 500 etter tariff, og vakter om dagen", amount("MONTH", value=48500)),
    ],
)
def test_salary_forms(text: str, expected: dict[str, Any]) -> None:
    assert parse_salary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lønn etter avtale.",
        "Lønn etter tariff.",
        "Lønnstrinn 45.",
        "100 % stilling etter tariff.",
        "2 stillinger, lønn etter tariff.",
        "Lønn etter tariff fra 2027.",
        "Lønn etter tariff med ansiennitet 10 år.",
        "Lønn etter tariff, og vi har 12 000 innbyggere.",
        "Vi har 12 000 innbyggere.",
        "Fra 1.1.2027 gjelder ny lønn.",
        "Signeringsbonus på kr 30 000. Lønn etter tariff.",
        "Lønn etter tariff, med et heltidstillegg på kr 20 000 i året.",
        "Lønn etter tariff og kr 20 000 i tillegg.",
        "Lønn etter tariff. Honorar for vakter: kr 1 500.",
        "",
    ],
)
def test_no_salary_without_a_base_figure(text: str) -> None:
    assert parse_salary(text) is None

"""The export to NAV's arbeidsplassen import API: the example site's open jobs against the
schema, the mapping of every field to NAV's controlled values, the employer and its
workplaces, the batch and stream files, and a schema strict enough to fail.

NAV's own handling of `expires` is in test_nav_expiry_rule.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from generator.models import Employer, Job, Profession, SiteConfig, Unit
from generator.models.job import EmploymentType
from generator.pipeline import read_site
from generator.render.nav_export import (
    BATCH_LIMIT,
    ENGAGEMENT_TYPES,
    NAV_SCHEMA,
    STREAM_FILE,
    export_files,
    nav_ad,
    nav_export,
)
from generator.render.views import Views
from generator.site import Site
from tests.conftest import (
    MINIMAL_AD_FOOTER,
    MINIMAL_CONFIG,
    MINIMAL_SITE,
    REPO,
    run_careers,
    write_site,
)
from tests.real_ads import (
    BJORKLY_FOUNDATION,
    FJORDTUN,
    LOGO,
    PROFESSIONS,
    SOLBAKKEN,
    VIKARPOOL,
    data_file,
)

TODAY = date(2026, 11, 23)
SCHEMA: dict[str, Any] = json.loads(NAV_SCHEMA.read_text(encoding="utf-8"))
BATCH = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
# One ad on its own, against the same definitions: a line of the stream.
AD = Draft202012Validator(
    {"$schema": SCHEMA["$schema"], "$ref": "#/$defs/ad", "$defs": SCHEMA["$defs"]},
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)


def errors(validator: Draft202012Validator, document: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


@pytest.fixture(scope="module")
def example() -> tuple[Site, Views]:
    site, diagnostics = read_site(REPO, TODAY)
    assert site is not None, diagnostics
    return site, Views(site)


# --- The example site -----------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_example_export_validates(example: tuple[Site, Views]) -> None:
    site, views = example
    export = nav_export(site, views)
    assert errors(BATCH, export) == []
    for ad in export:
        assert errors(AD, ad) == [], ad["reference"]
    # What the API needs to take it and what a reader needs: JSON all the way through.
    assert json.loads(json.dumps(export, ensure_ascii=False)) == export


def test_only_open_jobs_are_exported(example: tuple[Site, Views]) -> None:
    site, views = example
    references = [ad["reference"] for ad in nav_export(site, views)]
    closed = [job.slug for job in site.jobs if not job.is_open(on=TODAY)]
    assert closed, "the example site should have a closed ad to leave out"
    assert references == [job.slug for job in site.open_jobs]
    assert not set(closed) & set(references)


def test_every_example_ad_names_its_employer_and_workplaces(example: tuple[Site, Views]) -> None:
    site, views = example
    for job, ad in zip(site.open_jobs, nav_export(site, views), strict=True):
        employer = site.employer_of(job)
        units = site.units_of(job)
        assert ad["privacy"] == "SHOW_ALL"
        assert ad["employer"]["businessName"] == employer.name, job.slug
        assert ad["employer"]["orgnr"] == (
            units[0].organisation_number or employer.organisation_number
        ), job.slug
        sector = "Offentlig" if employer.is_public_sector else "Privat"
        assert ad["properties"]["sector"] == sector, job.slug
        assert [place["postalCode"] for place in ad["locationList"]] == [
            unit.postcode for unit in units
        ], job.slug
        assert ad["properties"]["sourceurl"].startswith(site.config.base_url)


def test_the_ad_text_is_html_with_its_employer_s_footer_and_absolute_links(
    example: tuple[Site, Views],
) -> None:
    site, views = example
    for job, ad in zip(site.open_jobs, nav_export(site, views), strict=True):
        text = ad["adText"]
        assert text.startswith("<")
        footer_heading = site.ad_footer_of(job).split("\n", 1)[0].removeprefix("## ")
        assert f"{footer_heading}</h2>" in text, job.slug
        assert 'href="/' not in text and 'src="/' not in text
        assert "{{" not in text and "](" not in text  # no Markdown or template left over


# --- A site to export from ------------------------------------------------------------------

CONFIG = {
    "name": "Jobb i Testvik",
    "organisation": "Testvik kommune",
    "organisation_number": "964 125 872",
    "base_url": "https://karriere.testvik.example/",
    "ad_footer": "Les mer om [personvern](/personvern/).",
}
UNIT = {
    "id": "solbakken",
    "name": "Solbakken sykehjem",
    "type": "sykehjem",
    "district": "Sentrum",
    "address": "Bakkeveien 1",
    "postcode": "0150",
    "city": "Testvik",
    "description": "Et godt sted å jobbe.",
}
UNITS = [
    UNIT,
    UNIT
    | {
        "id": "fjordtun",
        "name": "Fjordtun bofellesskap",
        "type": "bofellesskap",
        "address": "Fjordgata 2",
        "postcode": "0151",
        "organisation_number": "991000038",
    },
    UNIT | {"id": "helsehus", "name": "Testvik helsehus", "type": "helsehus", "postcode": "0152"},
    # A nursing home run by a non-profit foundation, with its own «underenhet» number.
    UNIT
    | {
        "id": "bjorkly",
        "name": "Bjørkly sykehjem",
        "address": "Bjørkveien 4",
        "postcode": "0160",
        "employer": "stiftelsen-bjorkly",
        "organisation_number": "973521209",
        "description": "Stiftelsen Bjørkly har drevet sykehjemmet i 70 år.",
    },
    UNIT
    | {
        "id": "bjorkly-dag",
        "name": "Bjørkly dagsenter",
        "type": "dagsenter",
        "postcode": "0161",
        "employer": "stiftelsen-bjorkly",
    },
]
# Every organisation number the tests use; each must pass the register's check.
ORGANISATION_NUMBERS = ["964125872", "997887018", "973521209", "991000038", "924681357"]


def make_site(
    jobs: list[Job], employers: list[dict[str, Any]] | None = None, **config: Any
) -> Site:
    return Site(
        site_dir=REPO,
        config=SiteConfig.model_validate(CONFIG | config),
        today=TODAY,
        units={unit["id"]: Unit.model_validate(unit) for unit in UNITS},
        professions={item["key"]: Profession.model_validate(item) for item in PROFESSIONS},
        employers={
            item["id"]: Employer.model_validate(item)
            for item in (employers or [BJORKLY_FOUNDATION])
        },
        jobs=jobs,
    )


def make_job(slug: str = "sykepleier-natt", body: str = "Du jobber natt.", **fields: Any) -> Job:
    data = {
        "title": "Sykepleier natt",
        "unit": "solbakken",
        "profession": "sykepleier",
        "published": "2026-11-01",
        "deadline": "2026-12-08",
    }
    job = Job.model_validate({**data, **fields})
    job.attach_source(slug, body, f"content/jobs/{slug}.md", 10)
    return job


def export_one(
    job: Job, employers: list[dict[str, Any]] | None = None, **config: Any
) -> dict[str, Any]:
    site = make_site([job], employers, **config)
    ad = nav_ad(job, site=site, views=Views(site))
    assert errors(AD, ad) == []
    return ad


def mod11(number: str) -> bool:
    """The business register's check digit, written here apart from the generator's."""
    assert len(number) == 9 and number.isdigit(), number
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(digit) * weight for digit, weight in zip(number[:8], weights, strict=True))
    remainder %= 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(number[8])


def test_the_test_organisation_numbers_are_valid() -> None:
    assert all(mod11(number) for number in ORGANISATION_NUMBERS)
    assert not mod11("964125873")  # the check can fail


# --- Controlled values ----------------------------------------------------------------------

BUNDLE = [
    {"percent": "73,68", "employment_type": "fast", "shifts": ["dag", "kveld"]},
    {"percent": "28,17", "employment_type": "fast", "shifts": ["kveld"], "weekend_every": 3},
    {"percent": "70,42", "employment_type": "vikariat", "until": "2027-08-31"},
    {"percent": "34,33", "employment_type": "vikariat", "shifts": ["natt"]},
]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Ansettelsesform
        ({"employment_type": "fast"}, {"engagementtype": "Fast"}),
        ({"employment_type": "vikariat"}, {"engagementtype": "Vikariat"}),
        ({"employment_type": "engasjement"}, {"engagementtype": "Engasjement"}),
        ({"employment_type": "prosjekt"}, {"engagementtype": "Prosjekt"}),
        ({"employment_type": "sommerjobb"}, {"engagementtype": "Feriejobb"}),
        ({"employment_type": "laerling"}, {"engagementtype": "Lærling"}),
        ({"employment_type": "rekrutteringsstilling"}, {"engagementtype": "Annet"}),
        ({"employment_type": "tilkallingsvikar"}, {"engagementtype": "Vikariat"}),
        ({}, {"engagementtype": "Annet"}),  # required by NAV, unknown to us
        # One value for openings that differ: the form of most positions …
        (
            {
                "openings": [
                    {"percent": 100, "employment_type": "fast"},
                    {"percent": 50, "employment_type": "vikariat", "count": 3},
                ]
            },
            {"engagementtype": "Vikariat"},
        ),
        # … «flere» counting as two …
        (
            {
                "openings": [
                    {"percent": 100, "employment_type": "fast"},
                    {"employment_type": "tilkallingsvikar", "count": "flere"},
                ]
            },
            {"engagementtype": "Vikariat"},
        ),
        # … and a tie (two fast, two vikariat) going to the form the ad names first.
        ({"openings": BUNDLE}, {"engagementtype": "Fast"}),
        # Omfang and stillingsprosent: every size the Norwegian way
        ({"position_percent": 100}, {"extent": "Heltid", "jobpercentage": "100%"}),
        ({"position_percent": 60}, {"extent": "Deltid", "jobpercentage": "60%"}),
        ({"position_percent": 62.5}, {"extent": "Deltid", "jobpercentage": "62,5%"}),
        ({"position_percent": "73,68"}, {"extent": "Deltid", "jobpercentage": "73,68%"}),
        ({"position_percent": "75-100"}, {"extent": "Heltid", "jobpercentage": "75–100%"}),
        ({"position_percent": [100, 75]}, {"extent": "Heltid", "jobpercentage": "100%, 75%"}),
        ({"position_percent": [75, 50]}, {"extent": "Deltid", "jobpercentage": "75%, 50%"}),
        (
            {"openings": BUNDLE},
            {"extent": "Deltid", "jobpercentage": "73,68%, 28,17%, 70,42%, 34,33%"},
        ),
        (
            {"openings": [{"percent": 100}, {"percent": "10-16", "count": "flere"}]},
            {"extent": "Heltid", "jobpercentage": "100%, 10–16%"},
        ),
        ({"openings": [{"percent": 50}, {"percent": 50}]}, {"jobpercentage": "50%"}),
        ({}, {"extent": None, "jobpercentage": None}),
        ({"employment_type": "tilkallingsvikar"}, {"extent": None, "jobpercentage": None}),
        # Arbeidstid, arbeidsdager, arbeidstidsordning
        (
            {"shifts": ["dag"]},
            {"workhours": "Dagtid", "workday": "Ukedager", "jobarrangement": None},
        ),
        (
            {"shifts": ["natt", "helg"]},
            {
                "workhours": "Natt",
                "workday": '["Ukedager","Lørdag","Søndag"]',
                "jobarrangement": "Turnus",
            },
        ),
        (
            {"shifts": ["dag", "kveld", "natt"]},
            {
                "workhours": '["Dagtid","Kveld","Natt"]',
                "workday": "Ukedager",
                "jobarrangement": "Turnus",
            },
        ),
        ({"shifts": ["helg"]}, {"workhours": None, "workday": '["Lørdag","Søndag"]'}),
        # A langvakt runs from morning into the evening; both kinds of night are nights.
        ({"shifts": ["langvakt"]}, {"workhours": '["Dagtid","Kveld"]', "jobarrangement": None}),
        ({"shifts": ["vaken-natt"]}, {"workhours": "Natt", "workday": "Ukedager"}),
        (
            {"shifts": ["passiv-natt", "vaken-natt"]},
            {"workhours": "Natt", "jobarrangement": "Turnus"},
        ),
        # «Hver 3. helg» is weekdays and weekends in a rota …
        (
            {"shifts": ["dag", "kveld"], "weekend_every": 3},
            {
                "workhours": '["Dagtid","Kveld"]',
                "workday": '["Ukedager","Lørdag","Søndag"]',
                "jobarrangement": "Turnus",
            },
        ),
        # … and a helgestilling (every weekend) is weekends only.
        (
            {"shifts": ["langvakt"], "weekend_every": 1},
            {"workhours": '["Dagtid","Kveld"]', "workday": '["Lørdag","Søndag"]'},
        ),
        # Openings that differ: the hours and days of all of them; a rota when one rotates.
        (
            {"openings": BUNDLE},
            {
                "workhours": '["Dagtid","Kveld","Natt"]',
                "workday": '["Ukedager","Lørdag","Søndag"]',
                "jobarrangement": "Turnus",
            },
        ),
        (
            {
                "openings": [
                    {"percent": 100, "shifts": ["dag"]},
                    {"percent": 50, "shifts": ["natt"]},
                ]
            },
            {"workhours": '["Dagtid","Natt"]', "workday": "Ukedager", "jobarrangement": None},
        ),
        ({}, {"workhours": None, "workday": None, "jobarrangement": None}),
        # Søknadsfrist (written out: see application_due), søknad, oppstart
        ({"deadline": "2026-12-08"}, {"applicationdue": "8. desember 2026"}),
        ({"deadline": "08.12.2026"}, {"applicationdue": "8. desember 2026"}),
        ({"deadline": "fortløpende"}, {"applicationdue": "Snarest"}),
        ({"deadline": "snarest", "visible_until": "2027-06-30"}, {"applicationdue": "Snarest"}),
        ({"deadline": None}, {"applicationdue": "Snarest"}),
        ({"start": "2027-02-01"}, {"starttime": "01.02.2027"}),
        ({"start": "etter avtale"}, {"starttime": "etter avtale"}),
        (
            {"apply_url": "https://jobb.testvik.example/123", "reference": "2026/1398"},
            {"applicationurl": "https://jobb.testvik.example/123", "applicationlabel": "2026/1398"},
        ),
        ({"apply_email": "jobb@testvik.example"}, {"applicationemail": "jobb@testvik.example"}),
        # EURES: active recruitment in Europe outside Norway
        ({"recruitment_countries": ["SE", "DK"]}, {"euresflagg": "true"}),
        ({"recruitment_countries": ["PH"]}, {"euresflagg": None}),
        # The municipality: public, at home on this site
        (
            {},
            {
                "sector": "Offentlig",
                "jobtitle": "Sykepleier",
                "keywords": "Sykepleier;sykehjem",
                "employerhomepage": "https://karriere.testvik.example/",
                "employerdescription": "<p>Et godt sted å jobbe.</p>",
            },
        ),
        # «Sykepleier eller vernepleier», at two workplaces
        (
            {
                "profession": None,
                "professions": ["sykepleier", "vernepleier"],
                "unit": None,
                "units": ["solbakken", "fjordtun"],
            },
            {
                "jobtitle": "Sykepleier / Vernepleier",
                "keywords": "Sykepleier;Vernepleier;sykehjem;bofellesskap",
            },
        ),
    ],
)
def test_properties_use_nav_s_controlled_values(
    fields: dict[str, Any], expected: dict[str, str | None]
) -> None:
    properties = export_one(make_job(**fields))["properties"]
    for name, value in expected.items():
        assert properties.get(name) == value, name


def test_every_employment_type_has_a_value_nav_accepts() -> None:
    accepted = SCHEMA["$defs"]["properties"]["properties"]["engagementtype"]["enum"]
    assert set(ENGAGEMENT_TYPES) == set(get_args(EmploymentType))
    assert set(ENGAGEMENT_TYPES.values()) <= set(accepted)


@pytest.mark.parametrize(
    ("language", "jobtitle", "applicationdue"),
    [
        ("nb", "Sykepleier", "8. desember 2026"),
        ("nn", "Sjukepleiar", "8. desember 2026"),
        ("en", "Nurse", "8 December 2026"),
    ],
)
def test_an_ad_in_another_language_is_exported_in_it(
    language: str, jobtitle: str, applicationdue: str
) -> None:
    properties = export_one(make_job(language=language))["properties"]
    assert properties["jobtitle"] == jobtitle
    assert properties["applicationdue"] == applicationdue


@pytest.mark.parametrize(
    ("fields", "positions"),
    [
        ({}, 1),
        ({"positions": 3}, 3),
        ({"position_percent": [100, 75], "positions": 1}, 2),  # two sizes are two positions
        ({"positions": "flere"}, 2),  # «flere» is at least two
        ({"openings": BUNDLE}, 4),
        ({"openings": [{"percent": 100, "count": 2}, {"percent": "10-16", "count": "flere"}]}, 4),
        ({"employment_type": "tilkallingsvikar", "positions": "flere"}, 2),
    ],
)
def test_positions_count_every_opening(fields: dict[str, Any], positions: int) -> None:
    assert export_one(make_job(**fields))["positions"] == positions


def test_dates_are_nav_s_local_date_times() -> None:
    ad = export_one(make_job(published="2026-11-01", deadline="2026-12-08"))
    assert ad["published"] == "2026-11-01T00:00:00"
    assert ad["expires"] == "2026-12-08T23:59:59"  # open through the deadline day


def test_a_standing_ad_expires_with_visible_until() -> None:
    ad = export_one(make_job(deadline="fortløpende", visible_until="2027-06-30"))
    assert ad["expires"] == "2027-06-30T23:59:59"


@pytest.mark.parametrize("deadline", [None, "fortløpende"])
def test_an_ad_without_an_end_gets_a_rolling_expiry(deadline: str | None) -> None:
    ad = export_one(make_job(deadline=deadline))
    assert ad["expires"] == "2026-12-23T00:00:00"  # 30 days after the build date


# --- The employer and its workplaces --------------------------------------------------------


def test_the_municipality_is_found_by_organisation_number_without_spaces() -> None:
    employer = export_one(make_job())["employer"]
    assert employer["businessName"] == "Testvik kommune"
    assert employer["orgnr"] == "964125872"
    assert "reference" not in employer
    assert employer["location"]["postalCode"] == "0150"


def test_without_an_organisation_number_the_employer_has_a_reference() -> None:
    employer = export_one(make_job(), organisation_number=None)["employer"]
    assert "orgnr" not in employer
    assert employer["reference"] == "Testvik kommune"


def test_a_unit_with_its_own_number_is_the_employer_nav_finds() -> None:
    ad = export_one(make_job(unit="fjordtun"))
    assert ad["employer"] == {
        "businessName": "Testvik kommune",
        "orgnr": "991000038",  # Fjordtun's own «underenhet», not the municipality's
        "location": {
            "address": "Fjordgata 2",
            "postalCode": "0151",
            "city": "Testvik",
            "country": "Norge",
        },
    }


def test_a_non_profit_employer_with_its_own_units() -> None:
    job = make_job(
        unit=None,
        units=["bjorkly", "bjorkly-dag"],
        employment_type="fast",
        position_percent=100,
    )
    ad = export_one(job)
    assert ad["employer"]["businessName"] == "Stiftelsen Bjørkly"
    assert ad["employer"]["orgnr"] == "973521209"  # the nursing home's own number
    assert [place["postalCode"] for place in ad["locationList"]] == ["0160", "0161"]
    properties = ad["properties"]
    assert properties["sector"] == "Privat"
    assert properties["employerhomepage"] == "https://www.bjorkly.example/"
    assert properties["employerdescription"] == (
        "<p>Stiftelsen Bjørkly har drevet sykehjemmet i 70 år.</p>"
    )
    # Its own footer, not the municipality's.
    assert "Stiftelsen lager ingen offentlig søkerliste." in ad["adText"]
    assert "personvern" not in ad["adText"]


def test_a_unit_without_its_own_number_gives_the_employer_s() -> None:
    ad = export_one(make_job(unit="bjorkly-dag"))
    assert ad["employer"]["orgnr"] == "997887018"


def test_an_employer_without_website_has_no_homepage() -> None:
    foundation = BJORKLY_FOUNDATION | {"website": None}
    properties = export_one(make_job(unit="bjorkly"), [foundation])["properties"]
    assert "employerhomepage" not in properties


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("kommune", "Offentlig"),
        ("fylkeskommune", "Offentlig"),
        ("stat", "Offentlig"),
        ("privat", "Privat"),
        ("ideell", "Privat"),
    ],
)
def test_the_sector_is_the_employer_s(sector: str, expected: str) -> None:
    properties = export_one(make_job(unit="bjorkly"), [BJORKLY_FOUNDATION | {"sector": sector}])[
        "properties"
    ]
    assert properties["sector"] == expected


def test_a_vikarpool_lists_every_workplace() -> None:
    ad = export_one(make_job(**VIKARPOOL))
    assert [place["postalCode"] for place in ad["locationList"]] == ["0150", "0151", "0152"]
    assert ad["employer"]["location"]["postalCode"] == "0150"
    assert ad["properties"]["keywords"] == "Sykepleier;sykehjem;bofellesskap;helsehus"


def test_location_positions_and_contacts() -> None:
    job = make_job(
        position_percent=[100, 75],
        positions=1,
        contacts=[
            {"name": "Kari Nordmann", "title": "Avdelingsleder", "phone": "+47 912 34 567"},
            {"name": "Ola Nordmann", "mobile": "987 65 432"},
            {"phone": "+47 987 65 432"},  # NAV requires a contact's name
        ],
    )
    ad = export_one(job)
    assert ad["reference"] == "sykepleier-natt"
    assert ad["positions"] == 2  # two sizes listed are two positions
    assert ad["locationList"] == [
        {"address": "Bakkeveien 1", "postalCode": "0150", "city": "Testvik", "country": "Norge"}
    ]
    assert ad["contactList"] == [
        {"name": "Kari Nordmann", "title": "Avdelingsleder", "phone": "+47 912 34 567"},
        {"name": "Ola Nordmann", "phone": "987 65 432"},
    ]
    assert "contactList" not in export_one(make_job())


def test_the_ad_text_is_the_body_and_footer_as_html() -> None:
    ad = export_one(make_job(body="## Om jobben\n\nDu jobber **natt**."))
    # The same Markdown as the page (heading anchors included), so links to a section work.
    assert ad["adText"].startswith(
        '<h2 id="om-jobben">Om jobben</h2>\n<p>Du jobber <strong>natt</strong>.</p>'
    )
    assert '<a href="https://karriere.testvik.example/personvern/">personvern</a>' in ad["adText"]


# --- Batches and the stream -----------------------------------------------------------------


def many_ads(count: int) -> list[dict[str, Any]]:
    jobs = [
        make_job(f"ad-{number:03d}", title=f"Sykepleier {number}", deadline="2026-12-08")
        for number in range(count)
    ]
    site = make_site(jobs)
    return nav_export(site, Views(site))


def test_250_ads_are_written_as_batches_of_at_most_100_and_one_stream() -> None:
    ads = many_ads(250)
    files = export_files(ads)
    assert sorted(files) == [
        "arbeidsplassen-1.json",
        "arbeidsplassen-2.json",
        "arbeidsplassen-3.json",
        STREAM_FILE,
    ]
    batches = [json.loads(files[f"arbeidsplassen-{number}.json"]) for number in (1, 2, 3)]
    assert [len(batch) for batch in batches] == [100, 100, 50]
    for batch in batches:
        assert errors(BATCH, batch) == []  # the schema's maxItems: 100
    assert [ad for batch in batches for ad in batch] == ads

    lines = files[STREAM_FILE].splitlines()
    assert len(lines) == 250 and files[STREAM_FILE].endswith("}\n")
    streamed = [json.loads(line) for line in lines]
    assert streamed == ads
    assert all(errors(AD, ad) == [] for ad in streamed)
    # The stream is UTF-8 text as NAV reads it, not \u escapes.
    assert "Et godt sted å jobbe." in files[STREAM_FILE]


@pytest.mark.parametrize(("count", "sizes"), [(1, [1]), (100, [100]), (101, [100, 1])])
def test_batches_split_at_the_limit(count: int, sizes: list[int]) -> None:
    files = export_files(many_ads(count))
    batches = [json.loads(text) for name, text in sorted(files.items()) if name != STREAM_FILE]
    assert [len(batch) for batch in batches] == sizes
    assert max(sizes) <= BATCH_LIMIT


def test_no_open_ads_no_files() -> None:
    assert export_files([]) == {}


def test_one_ad_per_line_even_with_line_breaks_in_the_text() -> None:
    ads = many_ads(2)
    ads[0]["adText"] = "<p>Første linje\nandre linje</p>"
    assert len(export_files(ads)[STREAM_FILE].splitlines()) == 2


# --- The schema can fail --------------------------------------------------------------------


def valid_ad() -> dict[str, Any]:
    return export_one(make_job(employment_type="fast", position_percent=100, shifts=["dag"]))


def without(ad: dict[str, Any], field: str) -> dict[str, Any]:
    return {name: value for name, value in ad.items() if name != field}


def with_property(ad: dict[str, Any], name: str, value: str) -> dict[str, Any]:
    return ad | {"properties": ad["properties"] | {name: value}}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ad: with_property(ad, "engagementtype", "fast"), "is not one of"),
        (lambda ad: with_property(ad, "engagementtype", "Sommerjobb"), "is not one of"),
        (lambda ad: with_property(ad, "engagementtype", "Tilkallingsvikar"), "is not one of"),
        (lambda ad: without(ad, "title"), "'title' is a required property"),
        (lambda ad: ad | {"title": ""}, "should be non-empty"),
        (lambda ad: with_property(ad, "extent", "Heltid/Deltid"), "is not one of"),
        (lambda ad: with_property(ad, "sector", "Ideell"), "is not one of"),
        (lambda ad: with_property(ad, "workhours", '["Dagtid","Turnus"]'), "does not match"),
        (lambda ad: with_property(ad, "workhours", "Langvakt"), "does not match"),
        (lambda ad: with_property(ad, "workday", "Helg"), "does not match"),
        (lambda ad: with_property(ad, "jobarrangment", "Turnus"), "Additional properties"),
        (
            lambda ad: ad | {"properties": without(ad["properties"], "engagementtype")},
            "'engagementtype' is a required property",
        ),
        (lambda ad: ad | {"expires": "2026-12-08"}, "does not match"),
        (lambda ad: ad | {"positions": 0}, "less than the minimum"),
        (lambda ad: ad | {"locationList": []}, "should be non-empty"),
        (lambda ad: ad | {"employer": ad["employer"] | {"orgnr": "964 125 872"}}, "does not match"),
        (lambda ad: ad | {"contactList": [{"phone": "+47 912 34 567"}]}, "'name' is a required"),
    ],
)
def test_the_schema_rejects_what_nav_rejects(change: Any, message: str) -> None:
    found = errors(AD, change(valid_ad()))
    assert found, "the schema accepted a broken ad"
    assert any(message in error for error in found), found


def test_a_batch_holds_one_to_a_hundred_ads() -> None:
    ad = valid_ad()
    assert errors(BATCH, [ad]) == []
    assert errors(BATCH, [ad] * 100) == []
    assert any("should be non-empty" in error for error in errors(BATCH, []))
    assert any("is too long" in error for error in errors(BATCH, [ad] * 101))


# --- A real build: a regional site with a non-profit employer -------------------------------

# Every ad: the parts the checker wants, so the build has no errors to report.
JOB = """\
---
{head}
summary: Bli med i et godt lag.
published: 2026-11-01
salary: Fra kr 480 000 i året etter tariff.
contacts:
  - name: Kari Nordmann
    phone: "+47 912 34 567"
apply_url: https://jobb.testvik.example/123
---

Du får mentor og fagdag hver måned. Vi har et godt fagmiljø og gode kolleger.
"""

REGIONAL_UNITS = [
    SOLBAKKEN,
    FJORDTUN | {"organisation_number": "991000038"},  # its own «underenhet»
    {
        "id": "helsehus",
        "name": "Testvik helsehus",
        "type": "helsehus",
        "district": "Sentrum",
        "address": "Torget 3",
        "postcode": "0152",
        "city": "Testvik",
    },
    {
        "id": "bjorkly",
        "name": "Bjørkly sykehjem",
        "type": "sykehjem",
        "district": "Vest",
        "address": "Bjørkveien 4",
        "postcode": "0160",
        "city": "Testvik",
        "employer": "stiftelsen-bjorkly",
        "organisation_number": "973 521 209",
    },
]
REGIONAL_SITE = {
    "site_config.yml": MINIMAL_CONFIG
    + 'organisation_number: "964 125 872"\nbrand:\n  logo: assets/logo.svg\n'
    + MINIMAL_AD_FOOTER,
    "assets/logo.svg": LOGO,
    "assets/bjorkly.svg": LOGO,
    "data/employers.yml": data_file(
        # The number as authors often write it, with spaces.
        [BJORKLY_FOUNDATION | {"organisation_number": "997 887 018"}]
    ),
    "data/units.yml": data_file(REGIONAL_UNITS),
    "data/professions.yml": data_file(PROFESSIONS),
    "content/jobs/sykepleiere-solbakken.md": JOB.format(
        head="""\
title: Sykepleiere, fire stillinger i turnus
unit: solbakken
profession: sykepleier
employment_type: fast
shifts: [dag, kveld]
weekend_every: 3
openings:
  - percent: 73,68
    part_time_reason: Turnusen går opp med denne stillingen.
  - percent: 28,17
    shifts: [passiv-natt]
    part_time_reason: Turnusen går opp med denne stillingen.
  - percent: 70,42
    employment_type: vikariat
    until: 31.08.2027
    temporary_reason: Vikariat for en sykepleier i foreldrepermisjon.
    part_time_reason: Samme størrelse som stillingen du er vikar for.
  - percent: 34,33
    employment_type: vikariat
    until: 31.08.2027
    shifts: [langvakt]
    temporary_reason: Vikariat for en sykepleier i foreldrepermisjon.
    part_time_reason: Samme størrelse som stillingen du er vikar for.
deadline: 08.12.2026"""
    ),
    "content/jobs/vikarpool.md": JOB.format(
        head="""\
title: Helsefagarbeidere til vikarpoolen
units: [solbakken, fjordtun, helsehus]
profession: helsefagarbeider
position_percent: 75–100
positions: flere
employment_type: fast
part_time_reason: Du velger selv stillingsstørrelse.
shifts: [dag, kveld]
deadline: 2026-12-16"""
    ),
    "content/jobs/sykepleier-eller-vernepleier.md": JOB.format(
        head="""\
title: Sykepleier eller vernepleier
unit: fjordtun
professions: [sykepleier, vernepleier]
position_percent: 100
employment_type: fast
shifts: [vaken-natt]
deadline: 2027-01-08"""
    ),
    "content/jobs/ekstravakter.md": JOB.format(
        head="""\
title: Ekstravakter på helsehuset
unit: helsehus
profession: helsefagarbeider
positions: flere
employment_type: tilkallingsvikar
deadline: fortløpende
visible_until: 2027-06-30"""
    ),
    "content/jobs/ekstravakter-hele-aret.md": JOB.format(
        head="""\
title: Ekstravakter på Solbakken
unit: solbakken
profession: helsefagarbeider
positions: flere
employment_type: tilkallingsvikar
deadline: snarest"""
    ),
    "content/jobs/sjukepleiar-bjorkly.md": JOB.format(
        head="""\
title: Sjukepleiar til Bjørkly
language: nn
unit: bjorkly
profession: sykepleier
position_percent: 100
employment_type: fast
shifts: [dag, kveld]
deadline: 2026-12-11"""
    ),
}


@pytest.fixture(scope="module")
def regional_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regional")
    files: dict[str, str | bytes] = {
        name: text for name, text in MINIMAL_SITE.items() if not name.startswith("content/")
    }
    source = write_site(root / "src", files | REGIONAL_SITE)
    out = root / "site"
    result = run_careers(
        "build", "--site", str(source), "--out", str(out), "--today", "2026-11-23", "--quiet"
    )
    assert result.exit_code == 0, result.output
    return out


def test_a_regional_build_exports_every_new_field(regional_build: Path) -> None:
    folder = regional_build / "eksport"
    assert sorted(path.name for path in folder.iterdir()) == [
        "arbeidsplassen-1.json",
        STREAM_FILE,
    ]
    (batch,) = [json.loads((folder / "arbeidsplassen-1.json").read_text(encoding="utf-8"))]
    assert errors(BATCH, batch) == []
    stream = [json.loads(line) for line in (folder / STREAM_FILE).read_text("utf-8").splitlines()]
    assert stream == batch
    ads = {ad["reference"]: ad for ad in batch}
    # Dated ads first, soonest first; standing ads by the last day listed, then without end.
    assert list(ads) == [
        "sykepleiere-solbakken",
        "sjukepleiar-bjorkly",
        "vikarpool",
        "sykepleier-eller-vernepleier",
        "ekstravakter",
        "ekstravakter-hele-aret",
    ]

    bundle = ads["sykepleiere-solbakken"]
    assert bundle["positions"] == 4
    expected = {
        "engagementtype": "Fast",
        "extent": "Deltid",
        "jobpercentage": "73,68%, 28,17%, 70,42%, 34,33%",
        "workhours": '["Dagtid","Kveld","Natt"]',
        "workday": '["Ukedager","Lørdag","Søndag"]',
        "jobarrangement": "Turnus",
        "applicationdue": "8. desember 2026",
        "sector": "Offentlig",
    }
    assert {name: bundle["properties"].get(name) for name in expected} == expected
    assert bundle["expires"] == "2026-12-08T23:59:59"
    assert bundle["employer"]["orgnr"] == "964125872"

    pool = ads["vikarpool"]
    assert [place["postalCode"] for place in pool["locationList"]] == ["0150", "0151", "0152"]
    assert pool["positions"] == 2  # «flere»: at least two
    assert pool["properties"]["jobpercentage"] == "75–100%"
    assert pool["properties"]["extent"] == "Heltid"

    either = ads["sykepleier-eller-vernepleier"]
    assert either["properties"]["jobtitle"] == "Sykepleier / Vernepleier"
    assert either["properties"]["workhours"] == "Natt"
    assert either["employer"]["orgnr"] == "991000038"  # Fjordtun's own underenhet

    for slug, expires in [
        ("ekstravakter", "2027-06-30T23:59:59"),
        ("ekstravakter-hele-aret", "2026-12-23T00:00:00"),
    ]:
        standing = ads[slug]
        assert standing["properties"]["applicationdue"] == "Snarest"
        assert standing["properties"]["engagementtype"] == "Vikariat"
        assert "extent" not in standing["properties"]
        assert standing["expires"] == expires

    foundation = ads["sjukepleiar-bjorkly"]
    assert foundation["employer"]["businessName"] == "Stiftelsen Bjørkly"
    assert foundation["employer"]["orgnr"] == "973521209"
    assert foundation["properties"]["sector"] == "Privat"
    assert foundation["properties"]["employerhomepage"] == "https://www.bjorkly.example/"
    assert foundation["properties"]["jobtitle"] == "Sjukepleiar"
    assert "Stiftelsen lager ingen offentlig søkerliste." in foundation["adText"]
    assert "offentleglova" not in foundation["adText"]


def json_ld(page: Path) -> dict[str, Any]:
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    (script,) = html.select('script[type="application/ld+json"]')
    data: dict[str, Any] = json.loads(script.string or "")
    return data


def test_a_regional_build_has_the_new_fields_in_json_ld(regional_build: Path) -> None:
    def posting(slug: str) -> dict[str, Any]:
        return json_ld(regional_build / "stillinger" / slug / "index.html")

    bundle = posting("sykepleiere-solbakken")
    assert bundle["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert bundle["totalJobOpenings"] == 4
    assert bundle["validThrough"] == "2026-12-08T23:59:59+01:00"
    assert bundle["inLanguage"] == "nb"

    pool = posting("vikarpool")
    assert [place["address"]["postalCode"] for place in pool["jobLocation"]] == [
        "0150",
        "0151",
        "0152",
    ]
    assert "totalJobOpenings" not in pool

    standing = posting("ekstravakter")
    assert standing["employmentType"] == ["PER_DIEM"]
    assert standing["validThrough"] == "2027-06-30T23:59:59+02:00"
    assert "validThrough" not in posting("ekstravakter-hele-aret")

    foundation = posting("sjukepleiar-bjorkly")
    assert foundation["inLanguage"] == "nn"
    assert foundation["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Stiftelsen Bjørkly",
        "sameAs": "https://www.bjorkly.example/",
        "url": "https://www.bjorkly.example/",
        "logo": "https://karriere.testvik.example/assets/bjorkly.svg",
    }
    assert posting("sykepleier-eller-vernepleier")["hiringOrganization"]["name"] == (
        "Testvik kommune"
    )

"""The export to NAV's arbeidsplassen import API: the example site's open jobs against the
schema, the mapping to NAV's controlled values, and a schema strict enough to fail."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, get_args

import pytest
from jsonschema import Draft202012Validator

from generator.models import Job, Profession, SiteConfig, Unit
from generator.models.job import EmploymentType
from generator.pipeline import read_site
from generator.render.nav_export import ENGAGEMENT_TYPES, NAV_SCHEMA, nav_ad, nav_export
from generator.render.views import Views
from generator.site import Site
from tests.conftest import REPO

TODAY = date(2026, 11, 23)
SCHEMA: dict[str, Any] = json.loads(NAV_SCHEMA.read_text(encoding="utf-8"))
BATCH = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
# One ad on its own, against the same definitions.
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


def test_every_example_ad_is_public_and_municipal(example: tuple[Site, Views]) -> None:
    site, views = example
    for ad in nav_export(site, views):
        assert ad["privacy"] == "SHOW_ALL"
        assert ad["properties"]["sector"] == "Offentlig"
        assert ad["employer"]["businessName"] == site.config.organisation
        assert ad["properties"]["sourceurl"].startswith(site.config.base_url)


def test_the_ad_text_is_html_with_the_footer_and_absolute_links(
    example: tuple[Site, Views],
) -> None:
    site, views = example
    for ad in nav_export(site, views):
        text = ad["adText"]
        assert text.startswith("<")
        assert "Offentlig søkerliste</h2>" in text  # from the site's ad footer
        assert 'href="/' not in text and 'src="/' not in text
        assert "{{" not in text and "](" not in text  # no Markdown or template left over


# --- Controlled values ----------------------------------------------------------------------

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


def make_site(jobs: list[Job], **config: Any) -> Site:
    return Site(
        site_dir=REPO,
        config=SiteConfig.model_validate(CONFIG | config),
        today=TODAY,
        units={"solbakken": Unit.model_validate(UNIT)},
        professions={
            "sykepleier": Profession.model_validate({"key": "sykepleier", "name": "Sykepleier"})
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
    job = Job.model_validate(data | fields)
    job.attach_source(slug, body, f"content/jobs/{slug}.md", 10)
    return job


def export_one(job: Job, **config: Any) -> dict[str, Any]:
    site = make_site([job], **config)
    ad = nav_ad(job, site=site, views=Views(site))
    assert errors(AD, ad) == []
    return ad


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Ansettelsesform
        ({"employment_type": "fast"}, {"engagementtype": "Fast"}),
        ({"employment_type": "vikariat"}, {"engagementtype": "Vikariat"}),
        ({"employment_type": "engasjement"}, {"engagementtype": "Engasjement"}),
        ({"employment_type": "sommerjobb"}, {"engagementtype": "Feriejobb"}),
        ({"employment_type": "laerling"}, {"engagementtype": "Lærling"}),
        ({"employment_type": "rekrutteringsstilling"}, {"engagementtype": "Annet"}),
        ({}, {"engagementtype": "Annet"}),  # required by NAV, unknown to us
        # Omfang and stillingsprosent
        ({"position_percent": 100}, {"extent": "Heltid", "jobpercentage": "100%"}),
        ({"position_percent": 60}, {"extent": "Deltid", "jobpercentage": "60%"}),
        ({"position_percent": 62.5}, {"extent": "Deltid", "jobpercentage": "62,5%"}),
        ({"position_percent": [100, 75]}, {"extent": "Heltid", "jobpercentage": "100%, 75%"}),
        ({"position_percent": [75, 50]}, {"extent": "Deltid", "jobpercentage": "75%, 50%"}),
        ({}, {"extent": None, "jobpercentage": None}),
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
        ({}, {"workhours": None, "workday": None, "jobarrangement": None}),
        # Søknadsfrist, søknad, oppstart
        ({"deadline": "2026-12-08"}, {"applicationdue": "08.12.2026"}),
        ({"deadline": None}, {"applicationdue": "Fortløpende"}),
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
        # Always
        ({}, {"sector": "Offentlig", "jobtitle": "Sykepleier"}),
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


def test_dates_are_nav_s_local_date_times() -> None:
    ad = export_one(make_job(published="2026-11-01", deadline="2026-12-08"))
    assert ad["published"] == "2026-11-01T00:00:00"
    assert ad["expires"] == "2026-12-08T23:59:59"  # open through the deadline day


def test_an_ad_without_a_deadline_gets_a_rolling_expiry() -> None:
    ad = export_one(make_job(deadline=None))
    assert ad["expires"] == "2026-12-23T00:00:00"  # 30 days after the build date


def test_the_employer_is_found_by_organisation_number_without_spaces() -> None:
    employer = export_one(make_job())["employer"]
    assert employer["orgnr"] == "964125872"
    assert "reference" not in employer
    assert employer["location"]["postalCode"] == "0150"


def test_without_an_organisation_number_the_employer_has_a_reference() -> None:
    employer = export_one(make_job(), organisation_number=None)["employer"]
    assert "orgnr" not in employer
    assert employer["reference"] == "Testvik kommune"


def test_location_positions_and_contacts() -> None:
    job = make_job(
        position_percent=[100, 75],
        positions=1,
        contacts=[
            {"name": "Kari Nordmann", "title": "Avdelingsleder", "phone": "+47 912 34 567"},
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
        {"name": "Kari Nordmann", "title": "Avdelingsleder", "phone": "+47 912 34 567"}
    ]
    assert "contactList" not in export_one(make_job())


def test_the_ad_text_is_the_body_and_footer_as_html() -> None:
    ad = export_one(make_job(body="## Om jobben\n\nDu jobber **natt**."))
    # The same Markdown as the page (heading anchors included), so links to a section work.
    assert ad["adText"].startswith(
        '<h2 id="om-jobben">Om jobben</h2>\n<p>Du jobber <strong>natt</strong>.</p>'
    )
    assert '<a href="https://karriere.testvik.example/personvern/">personvern</a>' in ad["adText"]
    assert ad["properties"]["employerdescription"] == "<p>Et godt sted å jobbe.</p>"


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
        (lambda ad: without(ad, "title"), "'title' is a required property"),
        (lambda ad: ad | {"title": ""}, "should be non-empty"),
        (lambda ad: with_property(ad, "extent", "Heltid/Deltid"), "is not one of"),
        (lambda ad: with_property(ad, "sector", "Kommunal"), "is not one of"),
        (lambda ad: with_property(ad, "workhours", '["Dagtid","Turnus"]'), "does not match"),
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
    assert any("should be non-empty" in error for error in errors(BATCH, []))
    assert any("is too long" in error for error in errors(BATCH, [ad] * 101))

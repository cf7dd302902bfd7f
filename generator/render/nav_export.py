"""The open jobs as NAV's arbeidsplassen import API takes them, so no one retypes an ad.

`nav_export` gives the body of a batch upload (``POST /stillingsimport/api/v1/transfers/batch/
{providerId}``): a JSON array of ads, at most 100 per request. The field names and the valid
values come from navikt/pam-import-api (``docs/index.md``, the DTO in ``dto/TransferDTO.kt``
and ``properties/PropertyNameValueValidation.kt``) and the code lists it reads them from,
navikt/pam-ansettelseskodeverk 1.18. ``nav_import.schema.json`` (`NAV_SCHEMA`) states the same
contract as a JSON Schema; the tests hold every export of the example site to it.

Only what our content says is sent: a property is left out when we do not know its value,
except where the documentation requires one (see `ENGAGEMENT_FALLBACK`, `expires_at`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from generator.models import Job, Unit
from generator.models.fields import Contact
from generator.render.markdown_html import markdown_html
from generator.render.views import Views
from generator.site import Site

NAV_SCHEMA = Path(__file__).with_name("nav_import.schema.json")

# The API takes at most this many ads in one batch request; split a longer export.
BATCH_LIMIT = 100

# Ansettelsesform: our employment_type → NAV's engagementtype (the code list's texts).
ENGAGEMENT_TYPES = {
    "fast": "Fast",
    "vikariat": "Vikariat",
    "engasjement": "Engasjement",
    # NAV has both «Sesong» (seasonal work) and «Feriejobb»; a summer job covering holidays
    # in a nursing home is the latter.
    "sommerjobb": "Feriejobb",
    "laerling": "Lærling",
    # Pay while studying, then a binding period: none of NAV's forms says that, and «Fast»
    # would promise a permanent contract our content does not state. The ad text explains.
    "rekrutteringsstilling": "Annet",
}
# The documentation marks engagementtype required; an ad without employment_type (which the
# guideline checker reports) gets the code list's «Annet» rather than a guess.
ENGAGEMENT_FALLBACK = "Annet"

# Arbeidstid: the time of day of each of our shifts. «helg» is a day, not a time of day.
WORK_HOURS = {"dag": "Dagtid", "kveld": "Kveld", "natt": "Natt"}
# Arbeidsdager: a day, evening or night shift is on weekdays unless it is the «helg» shift.
WEEKDAYS, WEEKEND = "Ukedager", ["Lørdag", "Søndag"]
# Arbeidstidsordning: more than one kind of shift is a rota («turnus» in health and care).
ROTA = "Turnus"

# Sektor: every job on this site is in a municipality.
SECTOR = "Offentlig"
# Synlighet: the documentation says providers outside NAV always use SHOW_ALL.
PRIVACY = "SHOW_ALL"
COUNTRY = "Norge"

# An ad without a deadline stays open on the site, but NAV needs an expiry date: it gets a
# rolling one this many days after the build, moved on by each new export and upload.
ROLLING_EXPIRY_DAYS = 30

# EURES covers the EU, the EEA and Switzerland: recruiting actively in one of these (other
# than Norway) is what NAV's euresflagg marks.
EURES_COUNTRIES = frozenset(
    """
    AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK
    IS LI CH
    """.split()  # noqa: SIM905 - a block of codes reads better than a list
)

# The site's own Markdown extensions (engine_config.py) without heading anchors, which mean
# nothing on arbeidsplassen; NAV supports basic HTML only.


def nav_export(
    site: Site, views: Views, job_markdown: Callable[[Job], str] | None = None
) -> list[dict[str, Any]]:
    """Every open job as one ad, in the site's order (the soonest deadline first).

    The API accepts 1 to `BATCH_LIMIT` ads per request: an uploader skips an empty export
    and sends a longer one in slices."""
    return [
        nav_ad(job, site=site, views=views, job_markdown=job_markdown) for job in site.open_jobs
    ]


def nav_ad(
    job: Job, *, site: Site, views: Views, job_markdown: Callable[[Job], str] | None = None
) -> dict[str, Any]:
    """One ad in the API's structure.

    `job_markdown` gives the ad's whole Markdown as its page shows it (the stage renders the
    job.md template); by default the body followed by the site's ad footer."""
    config = site.config
    unit = site.units[job.unit]
    page_url = views.absolute_url(views.url("jobs", job.slug))
    text = job_markdown(job) if job_markdown else f"{job.body}\n\n{config.ad_footer}"
    ad: dict[str, Any] = {
        # The slug names the ad for good (the page address), unlike the case number, which
        # an author may leave out or reuse; NAV updates and stops ads by this reference.
        "reference": job.slug,
        # Two sizes listed ([100, 75]) are two positions, as on the page and in JSON-LD.
        "positions": max(job.positions, len(job.position_percent or [])),
        "title": job.title,
        "adText": markdown_html(text, base_url=page_url),
        "published": local_date_time(datetime.combine(job.published, time(0))),
        "expires": local_date_time(expires_at(job, today=site.today)),
        "privacy": PRIVACY,
        "employer": employer(site, unit),
        "locationList": [location(unit)],
        "contactList": [contact(person) for person in job.contacts if person.name],
        "properties": properties(job, site=site, views=views, unit=unit, page_url=page_url),
    }
    if not ad["contactList"]:
        del ad["contactList"]
    return ad


def properties(job: Job, *, site: Site, views: Views, unit: Unit, page_url: str) -> dict[str, str]:
    """The ad's properties: every value is text, the controlled ones from NAV's code lists."""
    values: dict[str, str | None] = {
        "engagementtype": engagement_type(job),
        "extent": extent(job),
        "jobpercentage": job_percentage(job),
        "sector": SECTOR,
        "applicationdue": application_due(job, views),
        "applicationurl": job.apply_url,
        "applicationemail": job.apply_email,
        "applicationlabel": job.reference,
        "starttime": start_time(job.start),
        "jobtitle": views.profession_name(job.profession),
        "keywords": ";".join(dict.fromkeys([views.profession_name(job.profession), unit.type])),
        "workhours": stringified(work_hours(job)),
        "workday": stringified(work_days(job)),
        "jobarrangement": ROTA if len(set(job.shifts)) > 1 else None,
        "euresflagg": "true" if EURES_COUNTRIES.intersection(job.recruitment_countries) else None,
        "employerdescription": markdown_html(unit.description) if unit.description else None,
        "employerhomepage": site.config.base_url,
        "sourceurl": page_url,
    }
    return {name: value for name, value in values.items() if value}


def engagement_type(job: Job) -> str:
    if job.employment_type is None:
        return ENGAGEMENT_FALLBACK
    return ENGAGEMENT_TYPES[job.employment_type]


def extent(job: Job) -> str | None:
    """«Heltid» when at least one position is 100 % (the site's own «Heltid» badge), else
    «Deltid»; NAV takes one value, and `job_percentage` lists every size."""
    if not job.position_percent:
        return None
    return "Heltid" if job.offers_full_time else "Deltid"


def job_percentage(job: Job) -> str | None:
    """«80%» as NAV's example writes it; several sizes as «100%, 75%»."""
    percentages = job.position_percent or []
    return ", ".join(f"{percent}%".replace(".", ",") for percent in percentages) or None


def work_hours(job: Job) -> list[str]:
    return [WORK_HOURS[shift] for shift in job.shifts if shift in WORK_HOURS]


def work_days(job: Job) -> list[str]:
    days = [WEEKDAYS] if any(shift in WORK_HOURS for shift in job.shifts) else []
    return days + (WEEKEND if "helg" in job.shifts else [])


def stringified(values: list[str]) -> str | None:
    """One value as it is; several as the API's stringified list, «["Dagtid","Kveld"]»
    (æ, ø, å as they are: the API compares the text between the quotes)."""
    if len(values) <= 1:
        return values[0] if values else None
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def application_due(job: Job, views: Views) -> str:
    """The deadline as dd.MM.yyyy, the form the API parses; without one, the text the site
    shows (bokmål «Fortløpende»), which the API keeps as text."""
    if job.deadline is None:
        return views.language.ui["no_deadline"]
    return norwegian_date(job.deadline)


def expires_at(job: Job, *, today: date) -> datetime:
    """The end of the deadline day: the ad is open through it. (The API moves expiry back to
    the start of the applicationdue day.) Without a deadline, a rolling expiry."""
    if job.deadline is not None:
        return datetime.combine(job.deadline, time(23, 59, 59))
    return datetime.combine(max(today, job.published) + timedelta(ROLLING_EXPIRY_DAYS), time(0))


def start_time(start: date | str | None) -> str | None:
    if isinstance(start, date):
        return norwegian_date(start)
    return start


def employer(site: Site, unit: Unit) -> dict[str, Any]:
    """The municipality, found by its organisation number when it is one; NAV wants the
    «underenhet» number. Without it, the name, the workplace's address and a reference."""
    config = site.config
    organisation_number = re.sub(r"\s", "", config.organisation_number or "")
    result: dict[str, Any] = {"businessName": config.organisation}
    if re.fullmatch(r"\d{9}", organisation_number):
        result["orgnr"] = organisation_number
    else:
        result["reference"] = config.organisation
    result["location"] = location(unit)
    return result


def location(unit: Unit) -> dict[str, str]:
    place = {
        "address": unit.address,
        "postalCode": unit.postcode,
        "city": unit.city,
        "country": COUNTRY,
    }
    if unit.geo is not None:
        place |= {"latitude": str(unit.geo.lat), "longitude": str(unit.geo.lon)}
    return place


def contact(person: Contact) -> dict[str, str]:
    """A contact person; the API requires the name, so the caller skips those without."""
    fields = {
        "name": person.name,
        "title": person.title,
        "email": person.email,
        "phone": person.phone,
    }
    return {name: value for name, value in fields.items() if value}


def norwegian_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def local_date_time(moment: datetime) -> str:
    """Norwegian local time without offset, as the API's LocalDateTime fields take it."""
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")

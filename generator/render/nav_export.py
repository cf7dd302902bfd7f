"""The open jobs as NAV's arbeidsplassen import API takes them, so no one retypes an ad.

`nav_export` gives every open ad in the API's structure; `export_files` lays them out for the
two ways the API takes them: batches for ``POST /stillingsimport/api/v1/transfers/batch/
{providerId}`` (a JSON array of 1 to `BATCH_LIMIT` ads, ``arbeidsplassen-1.json``,
``arbeidsplassen-2.json``, …) and one stream for ``POST /stillingsimport/api/v1/transfers/
{providerId}`` (``application/x-json-stream``: one ad per line, ``arbeidsplassen.jsonl``).

The field names and the valid values come from navikt/pam-import-api (``docs/index.md``, the
DTO in ``dto/TransferDTO.kt``, ``properties/PropertyNameValueValidation.kt``, and what
``transferlog/TransferLogService.kt`` does to an ad on arrival) and the code lists it reads,
navikt/pam-ansettelseskodeverk 1.18. ``nav_import.schema.json`` (`NAV_SCHEMA`) states the same
contract as a JSON Schema; the tests hold every export to it.

Only what our content says is sent: a property is left out when we do not know its value,
except where the documentation requires one (see `ENGAGEMENT_FALLBACK`, `expires_at`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from generator.language import Language
from generator.models import Employer, Job, Unit
from generator.models.fields import Contact
from generator.models.job import ResolvedOpening
from generator.models.terms import PositionSize
from generator.render.markdown_html import markdown_html
from generator.render.views import Views
from generator.site import Site

# NAV's texts are Norwegian whatever the site's language.
BOKMAL = Language("nb")

NAV_SCHEMA = Path(__file__).with_name("nav_import.schema.json")

# The batch endpoint refuses more ads than this in one request (transferlog.batch-size).
BATCH_LIMIT = 100
BATCH_FILE = "arbeidsplassen-{number}.json"
STREAM_FILE = "arbeidsplassen.jsonl"

# Ansettelsesform: our employment_type → NAV's engagementtype (the code list's texts).
ENGAGEMENT_TYPES = {
    "fast": "Fast",
    "vikariat": "Vikariat",
    "engasjement": "Engasjement",
    "prosjekt": "Prosjekt",
    # NAV has both «Sesong» (seasonal work) and «Feriejobb»; a summer job covering holidays
    # in a nursing home is the latter.
    "sommerjobb": "Feriejobb",
    "laerling": "Lærling",
    # Pay while studying, then a binding period: none of NAV's forms says that, and «Fast»
    # would promise a permanent contract our content does not state. The ad text explains.
    "rekrutteringsstilling": "Annet",
    # Ekstravakter: NAV has no on-call form. A tilkallingsvikar covers absences shift by
    # shift, which is temporary cover, and applicants for extra shifts search «Vikariat».
    "tilkallingsvikar": "Vikariat",
}
# The documentation marks engagementtype required; an ad without employment_type (which the
# guideline checker reports) gets the code list's «Annet» rather than a guess.
ENGAGEMENT_FALLBACK = "Annet"

# Arbeidstid: the times of day each of our shifts covers. A langvakt runs from morning into
# the evening; awake and sleeping («passiv») nights are both nights. «helg» is days, not hours.
WORK_HOURS = {
    "dag": ("Dagtid",),
    "kveld": ("Kveld",),
    "natt": ("Natt",),
    "langvakt": ("Dagtid", "Kveld"),
    "vaken-natt": ("Natt",),
    "passiv-natt": ("Natt",),
}
WORK_HOURS_ORDER = ("Dagtid", "Kveld", "Natt")
# Arbeidsdager: shifts are on weekdays unless the position is weekends only; an opening that
# works weekends (the «helg» shift or `weekend_every`) adds Saturday and Sunday.
WEEKDAYS, WEEKEND = "Ukedager", ("Lørdag", "Søndag")
# Arbeidstidsordning: a position that changes between kinds of shift is a rota («turnus»).
ROTA = "Turnus"

# Sektor: municipalities, county authorities and the state are public; private companies and
# non-profit (ideell) operators are «Privat», the only other value NAV takes.
PUBLIC_SECTOR, PRIVATE_SECTOR = "Offentlig", "Privat"
# Synlighet: the documentation says providers outside NAV always use SHOW_ALL.
PRIVACY = "SHOW_ALL"
COUNTRY = "Norge"

# Søknadsfrist for a standing ad: the word NAV itself recognises (TransferLogService).
STANDING_DUE = "Snarest"
# «Flere stillinger» is at least two: the count NAV gets for each opening that says «flere».
OPEN_COUNT_LOWER_BOUND = 2

# An ad without an end date stays open on the site, but NAV needs an expiry date: it gets a
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


def nav_export(
    site: Site, views: Views, job_markdown: Callable[[Job], str] | None = None
) -> list[dict[str, Any]]:
    """Every open job as one ad, in the site's order (the soonest deadline first)."""
    return [
        nav_ad(job, site=site, views=views, job_markdown=job_markdown) for job in site.open_jobs
    ]


def batches(ads: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The ads in slices the batch endpoint takes: 1 to `BATCH_LIMIT` each, none if no ads."""
    return [list(ads[start : start + BATCH_LIMIT]) for start in range(0, len(ads), BATCH_LIMIT)]


def export_files(ads: Sequence[dict[str, Any]]) -> dict[str, str]:
    """File name → text: one JSON array per batch, numbered from 1, and the stream with one
    ad per line.

    The batches are always numbered, also when all ads fit in one: an uploader posts every
    ``arbeidsplassen-*.json`` the same way however many ads are open, and no single file can
    grow past what the API takes. (``arbeidsplassen.json``, the one array written before,
    is gone for that reason: a site passing 100 open ads would have had it refused.)"""
    if not ads:
        return {}
    files = {
        BATCH_FILE.format(number=number): json.dumps(batch, ensure_ascii=False, indent=2) + "\n"
        for number, batch in enumerate(batches(ads), start=1)
    }
    # json.dumps escapes line breaks inside strings, so each ad is exactly one line.
    files[STREAM_FILE] = "".join(json.dumps(ad, ensure_ascii=False) + "\n" for ad in ads)
    return files


def nav_ad(
    job: Job, *, site: Site, views: Views, job_markdown: Callable[[Job], str] | None = None
) -> dict[str, Any]:
    """One ad in the API's structure.

    `job_markdown` gives the ad's whole Markdown as its page shows it (the stage renders the
    job.md template); by default the body followed by its employer's ad footer."""
    units = site.units_of(job)
    employer = site.employer_of(job)
    page_url = views.absolute_url(views.url("jobs", job.slug))
    text = job_markdown(job) if job_markdown else f"{job.body}\n\n{site.ad_footer_of(job)}"
    ad: dict[str, Any] = {
        # The slug names the ad for good (the page address), unlike the case number, which
        # an author may leave out or reuse; NAV updates and stops ads by this reference.
        "reference": job.slug,
        "positions": position_count(job),
        "title": job.title,
        "adText": markdown_html(text, base_url=page_url),
        "published": local_date_time(datetime.combine(job.published, time(0))),
        "expires": local_date_time(expires_at(job, today=site.today)),
        "privacy": PRIVACY,
        "employer": employer_of_ad(employer, units[0]),
        "locationList": [location(unit) for unit in units],
        "contactList": [contact(person) for person in job.contacts if person.name],
        "properties": properties(job, site=site, employer=employer, units=units, url=page_url),
    }
    if not ad["contactList"]:
        del ad["contactList"]
    return ad


def properties(
    job: Job, *, site: Site, employer: Employer, units: list[Unit], url: str
) -> dict[str, str]:
    """The ad's properties: every value is text, the controlled ones from NAV's code lists."""
    language = Language(site.language_of(job))
    professions = [
        site.professions[key].name_in(language.code) if key in site.professions else key
        for key in job.profession_keys
    ]
    # The site is the careers website of its own organisation; another employer's home page
    # is its own website, or none.
    homepage = employer.website or (
        site.config.base_url if employer.id == site.own_employer.id else None
    )
    values: dict[str, str | None] = {
        "engagementtype": engagement_type(job),
        "extent": extent(job),
        "jobpercentage": job_percentage(job),
        "sector": PUBLIC_SECTOR if employer.is_public_sector else PRIVATE_SECTOR,
        "applicationdue": application_due(job, language),
        "applicationurl": job.apply_url,
        "applicationemail": job.apply_email,
        "applicationlabel": job.reference,
        "starttime": start_time(job.start),
        "jobtitle": " / ".join(professions),
        "keywords": ";".join(dict.fromkeys([*professions, *(unit.type for unit in units)])),
        "workhours": stringified(work_hours(job)),
        "workday": stringified(work_days(job)),
        "jobarrangement": ROTA if any(map(is_rota, job.resolved_openings)) else None,
        "euresflagg": "true" if EURES_COUNTRIES.intersection(job.recruitment_countries) else None,
        "employerdescription": markdown_html(about) if (about := units[0].description) else None,
        "employerhomepage": homepage,
        "sourceurl": url,
    }
    return {name: value for name, value in values.items() if value}


def position_count(job: Job) -> int:
    """The positions in all; an opening of «flere» counts as `OPEN_COUNT_LOWER_BOUND`, the
    least it can mean (NAV takes a number, and the ad text says «flere»)."""
    return sum(least(opening.count) for opening in job.resolved_openings)


def least(count: int | str) -> int:
    return count if isinstance(count, int) else OPEN_COUNT_LOWER_BOUND


def engagement_type(job: Job) -> str:
    """NAV takes one Ansettelsesform. For openings that differ: the form of most positions
    (counting «flere» as `OPEN_COUNT_LOWER_BOUND`), on a tie the one the ad names first. Two
    permanent positions and one vikariat is «Fast»; a vikarpool of five vikariater with one
    permanent position is «Vikariat». The ad text lists every opening."""
    positions: dict[str, int] = {}
    for opening in job.resolved_openings:
        if opening.employment_type is None:
            continue
        kind = ENGAGEMENT_TYPES[opening.employment_type]
        positions[kind] = positions.get(kind, 0) + least(opening.count)
    # max() keeps the first of equals, and the dict keeps the ad's order.
    return max(positions, key=positions.__getitem__) if positions else ENGAGEMENT_FALLBACK


def extent(job: Job) -> str | None:
    """«Heltid» when at least one position reaches 100 % (the site's own «Heltid» badge),
    else «Deltid»; NAV takes one value, and `job_percentage` lists every size. An ad without
    sizes (ekstravakter) states neither."""
    if not job.sizes:
        return None
    return "Heltid" if job.offers_full_time else "Deltid"


def job_percentage(job: Job) -> str | None:
    """Every size the Norwegian way, as NAV's example writes it: «80%», «73,68%, 28,17%»,
    «75–100%»."""
    return ", ".join(dict.fromkeys(percent_text(size) for size in job.sizes)) or None


def percent_text(size: PositionSize) -> str:
    """«73,68%», «75–100%»: the Norwegian size without the space NAV's examples leave out."""
    return BOKMAL.size(size).replace(" %", "%")


def work_hours(job: Job) -> list[str]:
    found = {
        hours
        for opening in job.resolved_openings
        for shift in opening.shifts
        for hours in WORK_HOURS.get(shift, ())
    }
    return [hours for hours in WORK_HOURS_ORDER if hours in found]


def work_days(job: Job) -> list[str]:
    """Weekdays for an opening with shifts at times of day, unless it is weekends only (a
    helgestilling, `weekend_every: 1`); Saturday and Sunday for one that works weekends."""
    weekdays = weekends = False
    for opening in job.resolved_openings:
        has_hours = any(shift in WORK_HOURS for shift in opening.shifts)
        weekdays |= has_hours and opening.weekend_every != 1
        weekends |= opening.works_weekends
    return ([WEEKDAYS] if weekdays else []) + (list(WEEKEND) if weekends else [])


def is_rota(opening: ResolvedOpening) -> bool:
    """More than one kind of shift in one position, weekends counting as one: a turnus."""
    kinds = set(opening.shifts) | ({"helg"} if opening.works_weekends else set())
    return len(kinds) > 1


def stringified(values: list[str]) -> str | None:
    """One value as it is; several as the API's stringified list, «["Dagtid","Kveld"]»
    (æ, ø, å as they are: the API compares the text between the quotes)."""
    if len(values) <= 1:
        return values[0] if values else None
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def application_due(job: Job, language: Language) -> str:
    """The deadline written out in the ad's language, «8. desember 2026»; «Snarest» for a
    standing ad or one without a deadline.

    Not «08.12.2026»: NAV parses applicationdue with the patterns yyyy-MM-dd'T'HH:mm(:ss) and
    dd.MM.yyyy, and when it parses, moves `expires` back to the start of that day
    (TransferLogService.handleExpiryAndStarttimeCombinations), so the ad would leave
    arbeidsplassen.no as the last day to apply begins. A written-out date reads the same to
    applicants and stays text to NAV, so `expires` holds: the end of the deadline day."""
    if job.deadline_date is None:
        return STANDING_DUE
    return language.date(job.deadline_date)


def expires_at(job: Job, *, today: date) -> datetime:
    """The end of the last day the ad is listed: its deadline, or a standing ad's
    `visible_until`. Without either, a rolling expiry (NAV's own default for «Snarest»
    without `expires`, ten days after publishing, would end an old ad at once)."""
    last_day = job.last_listed_day
    if last_day is not None:
        return datetime.combine(last_day, time(23, 59, 59))
    return datetime.combine(max(today, job.published) + timedelta(ROLLING_EXPIRY_DAYS), time(0))


def start_time(start: date | str | None) -> str | None:
    if isinstance(start, date):
        return norwegian_date(start)
    return start


def employer_of_ad(employer: Employer, unit: Unit) -> dict[str, Any]:
    """The employer, found by the organisation number of the ad's (first) workplace: NAV
    wants the «underenhet», the unit's own number, and takes the employer's when the unit has
    none. Without a number, the name, the workplace's address and a reference (the name,
    as earlier exports sent it, so NAV keeps recognising the employer)."""
    organisation_number = re.sub(
        r"\s", "", unit.organisation_number or employer.organisation_number or ""
    )
    result: dict[str, Any] = {"businessName": employer.name}
    if re.fullmatch(r"\d{9}", organisation_number):
        result["orgnr"] = organisation_number
    else:
        result["reference"] = employer.name
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
        # NAV takes one number: the main one, else the second (often a mobile).
        "phone": person.phone or person.mobile,
    }
    return {name: value for name, value in fields.items() if value}


def norwegian_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def local_date_time(moment: datetime) -> str:
    """Norwegian local time without offset, as the API's LocalDateTime fields take it."""
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")

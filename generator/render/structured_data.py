"""schema.org JobPosting data for Google for Jobs: one plain, JSON-ready dict per open ad.

The template serialises the dict into ``<script type="application/ld+json">`` and adds
``description`` from the rendered ad body, so nothing here handles HTML. We emit the fields
Google documents for job postings, plus ``totalJobOpenings``, ``jobStartDate`` and
``inLanguage``. schema.org lists ``inLanguage`` for creative works, not for JobPosting; Google
ignores properties it does not know, and the ad's language helps other readers of the data.

Salaries are free Norwegian text («Fra kr 480 000 i året etter tariff, med tillegg …»), so
``parse_salary`` reads only what it is sure of: a wrong figure in search results is worse
than none, and Google accepts a posting without ``baseSalary``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from urllib.parse import quote

from generator.models import Employer, Event, Job, SiteConfig, Unit
from generator.models.fields import OSLO
from generator.models.job import ON_CALL, TEMPORARY_TYPES

# Google's employmentType values, in the order its documentation lists them; also keeps the
# output stable. CONTRACTOR and VOLUNTEER never apply to a municipal ad.
EMPLOYMENT_TYPE_ORDER = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
# Our employment types that say more than the position size does.
EMPLOYMENT_TYPE_EXTRAS = {kind: "TEMPORARY" for kind in TEMPORARY_TYPES} | {
    "laerling": "INTERN",
    # On call (ekstravakter): paid by the shift as work comes up.
    ON_CALL: "PER_DIEM",
}


def job_posting(
    job: Job,
    *,
    config: SiteConfig,
    employer: Employer,
    units: Sequence[Unit],
    language: str,
    url: str,
) -> dict[str, Any]:
    """schema.org JobPosting for an open ad, without `description` (the template adds the
    rendered HTML body). `units` are the ad's workplaces, `language` the code it is written
    in (nb, nn, en)."""
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job.title,
        "datePosted": job.published.isoformat(),
    }
    # A standing ad without `visible_until` has no end: Google takes no validThrough then.
    if job.last_listed_day is not None:
        posting["validThrough"] = end_of_day(job.last_listed_day).isoformat()
    posting["employmentType"] = employment_types(job)
    posting["hiringOrganization"] = hiring_organization(employer, config)
    places = [job_location(unit) for unit in units] or [job_location(None)]
    posting["jobLocation"] = places[0] if len(places) == 1 else places
    salary = parse_salary(job.salary) if job.salary else None
    if salary is not None:
        posting["baseSalary"] = salary
    if job.reference:
        posting["identifier"] = {
            "@type": "PropertyValue",
            "name": employer.name,
            "value": job.reference,
        }
    # Applicants finish on the employer's recruitment system, not on this page.
    posting["directApply"] = False
    # «Flere stillinger» is no number: better none than a guess.
    if isinstance(job.total_positions, int):
        posting["totalJobOpenings"] = job.total_positions
    if isinstance(job.start, date):
        posting["jobStartDate"] = job.start.isoformat()
    posting["inLanguage"] = language
    posting["url"] = url
    return posting


def end_of_day(day: date) -> datetime:
    """The last second of a day in Norway: an ad is open through its whole deadline day."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=OSLO)


def hiring_organization(employer: Employer, config: SiteConfig) -> dict[str, Any]:
    """The employer: its own website, else this site, which is where its ads live."""
    home = employer.website or config.base_url
    organization: dict[str, Any] = {
        "@type": "Organization",
        "name": employer.name,
        "sameAs": home,
        "url": home,
    }
    if employer.logo:
        # Joined by hand: urljoin would drop a base path such as https://example.no/jobb/.
        organization["logo"] = config.base_url + quote(employer.logo.lstrip("/"))
    return organization


def job_location(unit: Unit | None) -> dict[str, Any]:
    """A workplace; without a known unit, only the country Google requires."""
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if unit is not None:
        address |= {
            "streetAddress": unit.address,
            "postalCode": unit.postcode,
            "addressLocality": unit.city,
        }
    address["addressCountry"] = "NO"
    place: dict[str, Any] = {"@type": "Place", "address": address}
    if unit is not None and unit.geo is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": unit.geo.lat,
            "longitude": unit.geo.lon,
        }
    return place


def employment_types(job: Job) -> list[str]:
    """Google's employmentType values for every opening of the ad: the sizes say full or part
    time (a range «75–100» says both), the employment types the rest; OTHER only when the ad
    states neither."""
    types: set[str] = set()
    if job.offers_full_time:
        types.add("FULL_TIME")
    if job.offers_part_time:
        types.add("PART_TIME")
    for kind in job.employment_types:
        if kind in EMPLOYMENT_TYPE_EXTRAS:
            types.add(EMPLOYMENT_TYPE_EXTRAS[kind])
    return [kind for kind in EMPLOYMENT_TYPE_ORDER if kind in types] or ["OTHER"]


# --- Salary text -------------------------------------------------------------------------

# A figure: grouped by threes with a space (also non-breaking and thin), a dot or a comma,
# or plain digits; «,50» øre may follow. Not inside another number such as a date.
FIGURE = re.compile(
    r"(?<![\d.,])(?P<whole>\d{1,3}(?:[ \u00a0\u2009\u202f.,]\d{3})+|\d+)"
    r"(?:,(?P<ore>\d{1,2}))?(?!\d)"
)
# Sentences end at . ! ? ; or a line break, but not in «kr. 500 000» or «pr. måned».
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ])|;\s*|\n+")
CURRENCY = r"(?:\bkr\b\.?|\bkroner\b|\bnok\b)"
CURRENCY_BEFORE = re.compile(CURRENCY + r"\s*$", re.IGNORECASE)
CURRENCY_AFTER = re.compile(r"^\s*(?:" + CURRENCY + r"|,[-–])", re.IGNORECASE)
MONEY_MARK = re.compile(CURRENCY + r"|,[-–]", re.IGNORECASE)
PERCENT_AFTER = re.compile(r"^\s*%")
# What may stand between the two figures of a range; «og»/«and» only after «mellom»/«between».
RANGE_LINK = re.compile(
    r"^\s*(?:" + CURRENCY + r"|,[-–])?\s*(?P<link>[-–—]|til|to|og|and)\s*" + CURRENCY + r"?\s*$",
    re.IGNORECASE,
)
BETWEEN = re.compile(r"\b(?:mellom|between)\b", re.IGNORECASE)

# Matched inside words: lønnen, årslønn, grunnløn (nynorsk).
SALARY_WORD = re.compile(r"løn|salary|salaries|wage", re.IGNORECASE)
# Supplements on top of the base salary: øytillegg, heltidstillegget, bonus, …
SUPPLEMENTS = r"tillegg|bonus|honorar|kompensasjon|supplement|allowance"
SUPPLEMENT_WORD = re.compile(SUPPLEMENTS, re.IGNORECASE)
SUPPLEMENT_AFTER = re.compile(
    r"^\s*(?:" + CURRENCY + r"|,[-–])?\s*(?:i|som|in|as)\s+\w*(?:" + SUPPLEMENTS + ")",
    re.IGNORECASE,
)

MINIMUM = re.compile(r"\b(?:fra|frå|minst|minimum|from)\b|\bat least\b|\bmin\.", re.IGNORECASE)
MAXIMUM = re.compile(
    r"\b(?:inntil|opptil|maks|maksimalt|maksimum|høyst|maximum|max)\b|\bopp til\b|\bup to\b",
    re.IGNORECASE,
)

_PER = r"(?:\bper|\bpr\.?|/)\s*"
UNIT_PHRASES = {
    "YEAR": r"\b(?:i|om) året\b|" + _PER + r"(?:år|year|annum)\b|\ba year\b"
    r"|\bårl(?:ig|eg)\w*|\bårsl[øo]nn?\w*|\bannual\w*|\byearly\b",
    "MONTH": r"\b(?:i|om) (?:måneden|månaden|mnd)\b|" + _PER + r"(?:måned|månad|mnd|month)\b"
    r"|\ba month\b|\bmån[ea]dl(?:ig|eg)\w*|\bmån[ea]ds?l[øo]nn?\w*|\bmonthly\b",
    "WEEK": r"\bi (?:uka|uken|veka)\b|" + _PER + r"(?:uke|veke|week)\b|\ba week\b"
    r"|\bukel[øo]nn?\w*|\bweekly\b",
    "DAY": r"\bom dagen\b|\bi døgnet\b|" + _PER + r"(?:dag|døgn|day)\b|\ba day\b"
    r"|\bdagsl[øo]nn?\w*|\bdaily\b",
    "HOUR": r"\bi timen\b|" + _PER + r"(?:time|t|hour)\b|\ban hour\b"
    r"|\btimel[øo]nn?\w*|\bhourly\b",
}
UNIT_PATTERNS = {unit: re.compile(pattern, re.IGNORECASE) for unit, pattern in UNIT_PHRASES.items()}


@dataclass(frozen=True)
class Figure:
    amount: int | float
    start: int
    end: int
    is_grouped: bool  # written with a thousands separator, as amounts of money are


def parse_salary(text: str) -> dict[str, Any] | None:
    """schema.org MonetaryAmount when the salary text names a figure, else None.

    Takes the first base amount: a figure marked as money (kr, kroner, NOK, «,-»), or a large
    grouped figure right after a word for pay. Figures after a supplement word in the same
    sentence (øytillegg, bonus, …) are skipped until a word for pay starts over.
    """
    for sentence in SENTENCE_END.split(text):
        value = _first_base_amount(sentence)
        if value is not None:
            return {"@type": "MonetaryAmount", "currency": "NOK", "value": value}
    return None


def _first_base_amount(sentence: str) -> dict[str, Any] | None:
    figures = [
        Figure(_amount(match), match.start(), match.end(), not match["whole"].isdigit())
        for match in FIGURE.finditer(sentence)
    ]
    index = 0
    while index < len(figures):
        low = figures[index]
        prefix = sentence[figures[index - 1].end if index else 0 : low.start]
        high = _range_end(sentence, figures, index, prefix)
        index += 2 if high else 1
        # The text after the figure (or range) runs to the next figure or the sentence's end.
        suffix_end = figures[index].start if index < len(figures) else len(sentence)
        suffix = sentence[(high or low).end : suffix_end]
        between = sentence[low.end : high.start] if high else ""

        if low.amount <= 0 or PERCENT_AFTER.match(suffix):
            continue
        is_money = bool(
            CURRENCY_BEFORE.search(prefix)
            or MONEY_MARK.search(between)
            or CURRENCY_AFTER.match(suffix)
        )
        if not is_money and not _is_named_pay(low, prefix, suffix):
            continue
        if _is_supplement(sentence[: low.start], suffix):
            continue
        return _quantitative_value(low, high, prefix, suffix)
    return None


def _amount(match: re.Match[str]) -> int | float:
    whole = int(re.sub(r"\D", "", match["whole"]))
    ore = int(match["ore"] or 0)
    return whole + ore / 10 ** len(match["ore"]) if ore else whole


def _range_end(sentence: str, figures: list[Figure], index: int, prefix: str) -> Figure | None:
    """The upper figure when `figures[index]` opens a range: «520 000–600 000»."""
    if index + 1 >= len(figures):
        return None
    low, high = figures[index], figures[index + 1]
    link = RANGE_LINK.match(sentence[low.end : high.start])
    if link is None or high.amount <= low.amount:
        return None
    if link["link"].lower() in ("og", "and") and not BETWEEN.search(prefix):
        return None
    return high


def _is_named_pay(figure: Figure, prefix: str, suffix: str) -> bool:
    """A figure without kr counts only when it cannot be a count, a year or a percentage:
    grouped, at least 10 000, and named as pay in its own clause («Årslønn 600 000») or
    followed by a period of time in a sentence about pay («lønnen din, fra 480 000 i året»)."""
    if not figure.is_grouped or figure.amount < 10_000:
        return False
    clause = prefix.rsplit(",", 1)[-1]
    if SALARY_WORD.search(clause) and not SUPPLEMENT_WORD.search(clause):
        return True
    return bool(SALARY_WORD.search(prefix)) and _unit_at_start(suffix) is not None


def _is_supplement(before: str, suffix: str) -> bool:
    """«øytillegg på kr 15 000», «kr 20 000 i tillegg»: not the base salary."""
    if SUPPLEMENT_AFTER.match(suffix):
        return True
    in_supplement = False
    for word in re.findall(r"\w+", before):
        if SUPPLEMENT_WORD.search(word):
            in_supplement = True
        elif SALARY_WORD.search(word):
            in_supplement = False  # «… tillegg for helg, og grunnlønnen er fra kr …»
    return in_supplement


def _quantitative_value(
    low: Figure, high: Figure | None, prefix: str, suffix: str
) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if high is not None:
        value |= {"minValue": low.amount, "maxValue": high.amount}
    else:
        value[_bound(prefix)] = low.amount
    value["unitText"] = _unit(prefix, suffix) or _unit_by_size(low.amount)
    return value


def _bound(prefix: str) -> str:
    """«fra kr 480 000» is a minimum, «inntil kr 600 000» a maximum, else the exact value."""
    tail = " ".join(prefix.split()[-4:])
    minimum = [match.start() for match in MINIMUM.finditer(tail)]
    maximum = [match.start() for match in MAXIMUM.finditer(tail)]
    if not minimum and not maximum:
        return "value"
    return "minValue" if max(minimum, default=-1) > max(maximum, default=-1) else "maxValue"


def _unit(prefix: str, suffix: str) -> str | None:
    """The period named after the figure («i året»), else before it («Timelønn kr 215»),
    within the figure's clause: «…, og vakter om dagen» says nothing about the pay."""
    clause_after = suffix.split(",", 1)[0]
    clause_before = prefix.rsplit(",", 1)[-1]
    after = [
        (match.start(), unit)
        for unit, pattern in UNIT_PATTERNS.items()
        if (match := pattern.search(clause_after))
    ]
    if after:
        return min(after)[1]
    before = [
        (match.start(), unit)
        for unit, pattern in UNIT_PATTERNS.items()
        for match in pattern.finditer(clause_before)
    ]
    return max(before)[1] if before else None


def _unit_at_start(suffix: str) -> str | None:
    for unit, pattern in UNIT_PATTERNS.items():
        match = pattern.search(suffix)
        if match and not suffix[: match.start()].strip():
            return unit
    return None


def _unit_by_size(amount: float) -> str:
    """Norwegian pay without a named period: yearly in the hundred thousands, monthly in
    the tens of thousands, hourly below."""
    if amount >= 100_000:
        return "YEAR"
    return "MONTH" if amount >= 10_000 else "HOUR"


def event_data(event: Event, *, config: SiteConfig, url: str) -> dict[str, Any]:
    """schema.org Event for a public event (a school visit closed to the public gets none:
    search engines would invite people who cannot come)."""
    venue = event.venue
    address: dict[str, Any] = {"@type": "PostalAddress", "streetAddress": venue.address}
    if venue.postcode:
        address["postalCode"] = venue.postcode
    if venue.city:
        address["addressLocality"] = venue.city
    address["addressCountry"] = "NO"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": venue.name, "address": address},
        "organizer": {"@type": "Organization", "name": config.organisation, "url": config.base_url},
        "isAccessibleForFree": True,
        "url": url,
    }
    if event.summary:
        data["description"] = event.summary
    return data

"""iCalendar files (RFC 5545) for events: one `.ics` per event and one calendar to subscribe to.

Every value in a calendar comes from the site model and the caller, never from the clock, so
two builds of the same site give the same bytes: ``stamp`` (DTSTAMP) is derived from the build
date, ``sequence`` (SEQUENCE) from a `SequenceLedger` kept between builds. Calendar apps match
an event by its UID and take a copy with a higher SEQUENCE as the newer one, so the UID is
stable (slug and host) and the caller bumps SEQUENCE when `content_fingerprint` changes.

Times are written in local time with ``TZID=Europe/Oslo`` and a VTIMEZONE that describes the
Norwegian rules (a `tests/test_calendar.py` test checks it against the tz database).

An event written in another language than the site's (its `language`) says so: its SUMMARY,
DESCRIPTION and LOCATION carry the LANGUAGE parameter (RFC 5545, 3.2.10), and the labels in its
description are in that language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as CalendarEvent

from generator.language import Language
from generator.models import Event, SiteConfig
from generator.models.fields import OSLO

TIMEZONE_NAME = "Europe/Oslo"
# Subscribers' apps fetch the calendar again after this long.
REFRESH_INTERVAL = timedelta(days=1)
LEDGER_VERSION = 1


def event_uid(event: Event, config: SiteConfig) -> str:
    """The event's UID, the same in every build: «utdanningsmessa-2026@karriere.fjordvik…»."""
    return f"{event.slug}@{urlsplit(config.base_url).hostname}"


def event_calendar(
    event: Event, *, config: SiteConfig, url: str, sequence: int, stamp: datetime
) -> bytes:
    """A calendar file with one event, for «Legg til i kalender» on the event's page."""
    calendar = _calendar(config, name=event.title)
    calendar.add_component(
        _calendar_event(event, config=config, url=url, sequence=sequence, stamp=stamp)
    )
    ics: bytes = calendar.to_ical()
    return ics


def events_calendar(
    events: Iterable[Event],
    *,
    config: SiteConfig,
    urls: Mapping[str, str],
    sequences: Mapping[str, int],
    stamp: datetime,
    name: str | None = None,
) -> bytes:
    """One calendar of the given events, for subscribing; `urls` and `sequences` are keyed by
    event slug. The name defaults to «Fjordvik kommune – arrangementer»."""
    calendar_name = name or f"{config.organisation} – {calendar_label(config)}"
    calendar = _calendar(config, name=calendar_name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    for event in events:
        calendar.add_component(
            _calendar_event(
                event,
                config=config,
                url=urls[event.slug],
                sequence=sequences[event.slug],
                stamp=stamp,
            )
        )
    ics: bytes = calendar.to_ical()
    return ics


def calendar_label(config: SiteConfig) -> str:
    """«arrangementer» (nb), «arrangement» (nn), «events» (en)."""
    return Language(config.language).ui["events"].lower()


def content_fingerprint(event: Event) -> str:
    """A sha256 of everything about the event that reaches a calendar (plus the body): when it
    changes, the caller gives the event a higher SEQUENCE."""
    content = {
        "title": event.title,
        "type": event.type,
        "start": _local(event.start).isoformat(),
        "end": _local(event.end).isoformat(),
        "venue": event.venue.model_dump(mode="json"),
        "summary": event.summary,
        "audience": event.audience,
        "public": event.public,
        "registration_url": event.registration_url,
        "body": event.body,
    }
    if event.language:  # only when set, so the events of earlier builds keep their SEQUENCE
        content["language"] = event.language
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class LedgerEntry:
    fingerprint: str
    sequence: int


@dataclass
class SequenceLedger:
    """Each UID's last fingerprint and SEQUENCE, kept in a small JSON file between builds.

    A missing or unreadable file gives an empty ledger (every event starts again at 0);
    `problem` then says why, so the caller can warn.
    """

    entries: dict[str, LedgerEntry] = field(default_factory=dict)
    problem: str | None = None

    @classmethod
    def load(cls, path: Path) -> SequenceLedger:
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {
                uid: LedgerEntry(fingerprint=entry["fingerprint"], sequence=entry["sequence"])
                for uid, entry in data["events"].items()
            }
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            return cls(problem=f"{path.name} kunne ikke leses; alle arrangementer får SEQUENCE 0")
        is_valid = all(
            isinstance(uid, str)
            and isinstance(entry.fingerprint, str)
            and type(entry.sequence) is int
            and entry.sequence >= 0
            for uid, entry in entries.items()
        )
        if not is_valid:
            return cls(
                problem=f"{path.name} har ugyldige verdier; alle arrangementer får SEQUENCE 0"
            )
        return cls(entries=entries)

    def sequence_for(self, uid: str, fingerprint: str) -> int:
        """0 for a new event, the same number while nothing changes, one more after a change.
        Records the answer, so asking twice in one build gives the same number."""
        entry = self.entries.get(uid)
        if entry is None:
            entry = self.entries[uid] = LedgerEntry(fingerprint, 0)
        elif entry.fingerprint != fingerprint:
            entry.fingerprint, entry.sequence = fingerprint, entry.sequence + 1
        return entry.sequence

    def save(self, path: Path) -> None:
        events = {
            uid: {"fingerprint": entry.fingerprint, "sequence": entry.sequence}
            for uid, entry in self.entries.items()
        }
        text = json.dumps({"events": events, "version": LEDGER_VERSION}, indent=2, sort_keys=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")


def _calendar(config: SiteConfig, *, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{config.organisation}//Karrierenettsted//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # the same for Outlook and Google
    calendar.add("x-wr-timezone", TIMEZONE_NAME)
    calendar.add_component(oslo_timezone())
    return calendar


def _calendar_event(
    event: Event, *, config: SiteConfig, url: str, sequence: int, stamp: datetime
) -> CalendarEvent:
    code = event.language or config.language
    language = Language(code)
    # The texts say which language they are in when it is not the calendar's.
    text: dict[str, str] = {"LANGUAGE": code} if code != config.language else {}
    calendar_event = CalendarEvent()
    calendar_event.add("uid", event_uid(event, config))
    calendar_event.add("dtstamp", _utc(stamp))
    calendar_event.add("dtstart", _local(event.start))
    calendar_event.add("dtend", _local(event.end))
    calendar_event.add("summary", event.title, parameters=text)
    calendar_event.add(
        "description", description(event, language=language, url=url), parameters=text
    )
    calendar_event.add("location", location(event), parameters=text)
    calendar_event.add("categories", [language.event_type(event.type)], parameters=text)
    calendar_event.add("url", url)
    calendar_event.add("sequence", sequence)
    calendar_event.add("status", "CONFIRMED")
    calendar_event.add("class", "PUBLIC" if event.public else "PRIVATE")
    return calendar_event


def description(event: Event, *, language: Language, url: str) -> str:
    """Plain text in paragraphs: summary, who it is for, registration, the page."""
    paragraphs = [event.summary] if event.summary else []
    if event.audience:
        paragraphs.append(f"{language.ui['audience']}: {event.audience}")
    if event.registration_url:
        paragraphs.append(f"{language.ui['register']}: {event.registration_url}")
    paragraphs.append(f"{language.ui['read_more']}: {url}")
    return "\n\n".join(paragraphs)


def location(event: Event) -> str:
    """«Fjordvik kulturhus, Kaigata 10, 6810 Fjordvik»."""
    venue = event.venue
    place = " ".join(part for part in (venue.postcode, venue.city) if part)
    return ", ".join(part for part in (venue.name, venue.address, place) if part)


def oslo_timezone() -> Timezone:
    """Europe/Oslo as a VTIMEZONE: CET, and CEST from the last Sunday of March at 02:00 to the
    last Sunday of October at 03:00 (local time before each change, as RFC 5545 asks).

    Written as yearly rules, the form Outlook, Google and Apple write themselves, rather than
    `Calendar.add_missing_timezones()`: icalendar 7.3 lists every change as an RDATE and puts
    the start of summer time at 03:00 (the local time after the change).
    """
    timezone_component = Timezone()
    timezone_component.add("tzid", TIMEZONE_NAME)
    timezone_component.add("x-lic-location", TIMEZONE_NAME)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    timezone_component.add_component(summer)
    timezone_component.add_component(winter)
    return timezone_component


def _local(moment: datetime) -> datetime:
    """The time in Oslo, also when the author wrote an explicit offset such as +01:00."""
    return moment.astimezone(OSLO)


def _utc(stamp: datetime) -> datetime:
    if stamp.tzinfo is None:
        raise ValueError("DTSTAMP må ha en tidssone (UTC)")
    return stamp.astimezone(UTC)

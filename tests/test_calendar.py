"""iCalendar files for events, read back with icalendar's parser: times, UIDs, SEQUENCE, folding."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component

from generator.models import Event, SiteConfig
from generator.pipeline import read_site
from generator.render.calendar import (
    SequenceLedger,
    content_fingerprint,
    event_calendar,
    event_uid,
    events_calendar,
    oslo_timezone,
)

REPO = Path(__file__).resolve().parent.parent
OSLO = ZoneInfo("Europe/Oslo")
STAMP = datetime(2026, 11, 23, tzinfo=UTC)
BASE_URL = "https://karriere.testvik.example/"
CONFIG = SiteConfig.model_validate(
    {"name": "Jobb i Testvik", "organisation": "Testvik kommune", "base_url": BASE_URL}
)
LONG_SUMMARY = (
    "Møt sykepleiere, helsefagarbeidere og lærlinger på standen vår i Øyane kulturhus. "
    "Prøv utstyr, lytt på hjertet med stetoskop og øv på hjerte-lunge-redning på en dukke."
)


def make_event(slug: str = "utdanningsmessa", body: str = "Velkommen.", **fields: Any) -> Event:
    """A valid event; a field given as None is left out."""
    data = {
        "title": "Utdanningsmessa i Testvik",
        "summary": "Møt oss på standen.",
        "type": "utdanningsmesse",
        "start": "2026-11-05T09:00",
        "end": "2026-11-05T15:00",
        "venue": {
            "name": "Testvik kulturhus",
            "address": "Kaigata 10",
            "postcode": "6810",
            "city": "Testvik",
        },
        "audience": "Elever på 10. trinn og Vg1",
    }
    event = Event.model_validate(
        {key: value for key, value in (data | fields).items() if value is not None}
    )
    event.attach_source(slug, body, f"content/events/{slug}.md", 14)
    return event


def page_url(event: Event) -> str:
    return f"{BASE_URL}arrangementer/{event.slug}/"


def single(event: Event, sequence: int = 0) -> bytes:
    return event_calendar(event, config=CONFIG, url=page_url(event), sequence=sequence, stamp=STAMP)


def combined(events: list[Event], name: str | None = None) -> bytes:
    return events_calendar(
        events,
        config=CONFIG,
        urls={event.slug: page_url(event) for event in events},
        sequences={event.slug: 0 for event in events},
        stamp=STAMP,
        name=name,
    )


def parse(ics: bytes) -> Calendar:
    return Calendar.from_ical(ics)


def only_event(ics: bytes) -> Component:
    events = parse(ics).walk("VEVENT")
    assert len(events) == 1
    return events[0]


# --- The calendar and the event ----------------------------------------------------------


def test_the_calendar_says_who_publishes_it_and_how() -> None:
    calendar = parse(single(make_event()))
    assert str(calendar["PRODID"]) == "-//Testvik kommune//Karrierenettsted//NO"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Utdanningsmessa i Testvik"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Oslo"


def test_the_event_carries_what_a_calendar_app_shows() -> None:
    event = make_event(registration_url="https://skjema.testvik.example/messa")
    vevent = only_event(single(event, sequence=3))
    assert str(vevent["UID"]) == "utdanningsmessa@karriere.testvik.example"
    assert str(vevent["SUMMARY"]) == "Utdanningsmessa i Testvik"
    assert str(vevent["LOCATION"]) == "Testvik kulturhus, Kaigata 10, 6810 Testvik"
    assert str(vevent["URL"]) == page_url(event)
    assert vevent.decoded("SEQUENCE") == 3
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["CLASS"]) == "PUBLIC"
    assert str(vevent["DESCRIPTION"]) == (
        "Møt oss på standen.\n\n"
        "For hvem: Elever på 10. trinn og Vg1\n\n"
        "Meld deg på: https://skjema.testvik.example/messa\n\n"
        f"Les mer: {page_url(event)}"
    )


def test_a_school_visit_is_private() -> None:
    vevent = only_event(single(make_event(public=False, type="skolebesok")))
    assert str(vevent["CLASS"]) == "PRIVATE"


def test_a_venue_without_postcode_or_city_and_an_event_without_summary() -> None:
    event = make_event(
        summary=None, audience=None, venue={"name": "Aulaen", "address": "Skolev. 1"}
    )
    vevent = only_event(single(event))
    assert str(vevent["LOCATION"]) == "Aulaen, Skolev. 1"
    assert str(vevent["DESCRIPTION"]) == f"Les mer: {page_url(event)}"


def test_the_labels_follow_the_site_language() -> None:
    config = SiteConfig.model_validate(
        {"name": "Jobs", "organisation": "Testvik kommune", "base_url": BASE_URL, "language": "en"}
    )
    event = make_event()
    ics = event_calendar(event, config=config, url=page_url(event), sequence=0, stamp=STAMP)
    assert "Who it is for: Elever" in str(only_event(ics)["DESCRIPTION"])


def test_an_event_in_another_language_says_so_in_summary_description_and_location() -> None:
    event = make_event(
        language="en", title="Open day", summary="Meet us.", audience="Nurses educated abroad"
    )
    for ics in (single(event), combined([event, make_event(slug="messe")])):
        # Written as RFC 5545 writes a parameter, and read back by icalendar.
        assert b"\r\nSUMMARY;LANGUAGE=en:Open day\r\n" in ics
        assert b"\r\nLOCATION;LANGUAGE=en:Testvik kulturhus" in ics
        vevents = {str(v["UID"]).split("@")[0]: v for v in parse(ics).walk("VEVENT")}
        english = vevents["utdanningsmessa"]
        for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            assert english[name].params["LANGUAGE"] == "en", name
            if "messe" in vevents:  # the bokmål event on the bokmål site names no language
                assert "LANGUAGE" not in vevents["messe"][name].params, name
        # The labels are in the event's language, as the parameter says.
        assert str(english["DESCRIPTION"]) == (
            f"Meet us.\n\nWho it is for: Nurses educated abroad\n\nRead more: {page_url(event)}"
        )
    # An event in the site's language, written out, names none either.
    plain = only_event(single(make_event(language="nb")))
    assert "LANGUAGE" not in plain["SUMMARY"].params


# --- Times and the time zone -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        ("2026-03-28", 1),  # the day before summer time starts (29 March 2026)
        ("2026-03-30", 2),
        ("2026-10-24", 2),  # the day before summer time ends (25 October 2026)
        ("2026-10-26", 1),
    ],
)
def test_local_times_are_kept_across_the_summer_time_changes(day: str, offset: int) -> None:
    event = make_event(start=f"{day}T09:00", end=f"{day}T11:30")
    ics = single(event)
    vevent = only_event(ics)
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert getattr(start.tzinfo, "key", None) == "Europe/Oslo"
    assert getattr(end.tzinfo, "key", None) == "Europe/Oslo"
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 0, 11, 30)
    assert start.date() == date.fromisoformat(day)
    assert start.utcoffset() == timedelta(hours=offset)
    assert start.astimezone(UTC).hour == 9 - offset
    compact = day.replace("-", "")
    assert f"DTSTART;TZID=Europe/Oslo:{compact}T090000\r\n".encode() in ics
    assert f"DTEND;TZID=Europe/Oslo:{compact}T113000\r\n".encode() in ics


def test_an_explicit_offset_is_written_as_oslo_time() -> None:
    event = make_event(start="2026-07-01T07:00+00:00", end="2026-07-01T09:00+00:00")
    assert b"DTSTART;TZID=Europe/Oslo:20260701T090000\r\n" in single(event)


def test_the_calendar_describes_the_oslo_time_zone() -> None:
    ics = single(make_event())
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n" in ics
    timezones = parse(ics).walk("VTIMEZONE")
    assert [str(timezone["TZID"]) for timezone in timezones] == ["Europe/Oslo"]
    kinds = {component.name for component in timezones[0].subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}


def test_the_time_zone_rules_agree_with_the_tz_database() -> None:
    """Read the VTIMEZONE's rules alone (not the TZID) and compare every half hour around
    each change from 1996, when Norway took up the EU rules, to 2037."""
    described = oslo_timezone().to_tz(lookup_tzid=False)
    for year in range(1996, 2038):
        for month in (3, 10):
            first = datetime(year, month, 24, tzinfo=UTC)
            for step in range(8 * 48):
                moment = first + timedelta(minutes=30 * step)
                expected = moment.astimezone(OSLO).utcoffset()
                assert moment.astimezone(described).utcoffset() == expected, moment


# --- Reproducible builds -----------------------------------------------------------------


def test_two_builds_give_the_same_bytes_and_uid() -> None:
    first, second = single(make_event()), single(make_event())
    assert first == second
    assert str(only_event(first)["UID"]) == str(only_event(second)["UID"])
    assert only_event(first).decoded("DTSTAMP") == STAMP
    assert b"DTSTAMP:20261123T000000Z\r\n" in first


def test_the_uid_is_slug_and_host() -> None:
    config = SiteConfig.model_validate(
        {
            "name": "Jobb",
            "organisation": "Testvik kommune",
            "base_url": "https://Testvik.example/jobb",
        }
    )
    assert event_uid(make_event(slug="karrieredag"), config) == "karrieredag@testvik.example"


def test_a_stamp_without_time_zone_is_refused() -> None:
    event = make_event()
    with pytest.raises(ValueError, match="tidssone"):
        event_calendar(event, config=CONFIG, url="u", sequence=0, stamp=datetime(2026, 11, 23))


def test_lines_end_in_crlf_and_are_folded_at_75_octets() -> None:
    ics = single(make_event(summary=LONG_SUMMARY, title="Karrieredag på Øyane " * 5))
    assert ics.endswith(b"\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    assert str(only_event(ics)["DESCRIPTION"]).startswith(LONG_SUMMARY)


# --- SEQUENCE ------------------------------------------------------------------------------


def build_sequence(event: Event, ledger_file: Path) -> int:
    """What one build does: load the ledger, ask, write the calendar, save the ledger."""
    ledger = SequenceLedger.load(ledger_file)
    sequence = ledger.sequence_for(event_uid(event, CONFIG), content_fingerprint(event))
    ledger.save(ledger_file)
    return int(only_event(single(event, sequence=sequence)).decoded("SEQUENCE"))


def test_sequence_starts_at_zero_stays_and_grows_with_a_change(tmp_path: Path) -> None:
    ledger_file = tmp_path / "site" / "kalender-sekvens.json"
    assert build_sequence(make_event(), ledger_file) == 0
    assert build_sequence(make_event(), ledger_file) == 0
    assert build_sequence(make_event(title="Utdanningsmessa 2026"), ledger_file) == 1
    assert build_sequence(make_event(title="Utdanningsmessa 2026"), ledger_file) == 1
    assert build_sequence(make_event(slug="ny-messe"), ledger_file) == 0


def test_asking_twice_in_one_build_gives_the_same_sequence() -> None:
    ledger = SequenceLedger()
    ledger.sequence_for("a@x", "one")
    assert ledger.sequence_for("a@x", "two") == 1
    assert ledger.sequence_for("a@x", "two") == 1


def test_the_ledger_file_is_deterministic(tmp_path: Path) -> None:
    ledger = SequenceLedger()
    ledger.sequence_for("b@x", "2")
    ledger.sequence_for("a@x", "1")
    ledger.save(tmp_path / "one.json")
    SequenceLedger.load(tmp_path / "one.json").save(tmp_path / "two.json")
    text = (tmp_path / "one.json").read_text(encoding="utf-8")
    assert text == (tmp_path / "two.json").read_text(encoding="utf-8")
    assert list(json.loads(text)["events"]) == ["a@x", "b@x"]


def test_a_missing_ledger_is_empty_without_a_problem(tmp_path: Path) -> None:
    ledger = SequenceLedger.load(tmp_path / "missing.json")
    assert ledger.entries == {}
    assert ledger.problem is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b"{}",
        b'{"events": []}',
        b'{"events": {"a@x": {"fingerprint": "f"}}}',
        b'{"events": {"a@x": {"fingerprint": "f", "sequence": "3"}}}',
        b'{"events": {"a@x": {"fingerprint": "f", "sequence": -1}}}',
        b'{"events": {"a@x": {"fingerprint": "f", "sequence": true}}}',
    ],
)
def test_an_unreadable_ledger_is_empty_and_says_why(tmp_path: Path, content: bytes) -> None:
    ledger_file = tmp_path / "kalender-sekvens.json"
    ledger_file.write_bytes(content)
    ledger = SequenceLedger.load(ledger_file)
    assert ledger.entries == {}
    assert ledger.problem and "kalender-sekvens.json" in ledger.problem
    assert ledger.sequence_for("a@x", "f") == 0


def test_a_ledger_that_is_a_folder_is_empty(tmp_path: Path) -> None:
    assert SequenceLedger.load(tmp_path).entries == {}


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Ny tittel"},
        {"type": "karrieredag"},
        {"start": "2026-11-05T09:30"},
        {"end": "2026-11-05T16:00"},
        {"venue": {"name": "Testvik kulturhus", "address": "Kaigata 12"}},
        {"summary": "Noe annet."},
        {"audience": "Alle"},
        {"public": False},
        {"registration_url": "https://skjema.testvik.example/"},
        {"body": "Ny tekst."},
        {"language": "en"},
    ],
)
def test_the_fingerprint_changes_with_what_the_calendar_shows(change: dict[str, Any]) -> None:
    assert content_fingerprint(make_event(**change)) != content_fingerprint(make_event())


def test_the_fingerprint_ignores_what_the_calendar_does_not_show() -> None:
    briefed = make_event(patrol=["Sofie"], talking_points=["Lærlinger"], bring=["Stand"])
    assert content_fingerprint(briefed) == content_fingerprint(make_event())
    assert len(content_fingerprint(briefed)) == 64


# --- The calendar of all events ----------------------------------------------------------


def test_the_subscription_calendar_holds_exactly_the_given_events() -> None:
    events = [
        make_event(slug="messe", start="2026-03-28T09:00", end="2026-03-28T12:00"),
        make_event(slug="karrieredag", start="2026-10-26T09:00", end="2026-10-26T12:00"),
        make_event(slug="apen-dag", public=False),
    ]
    ics = combined(events)
    calendar = parse(ics)
    uids = [str(vevent["UID"]) for vevent in calendar.walk("VEVENT")]
    assert uids == [
        f"{slug}@karriere.testvik.example" for slug in ("messe", "karrieredag", "apen-dag")
    ]
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert str(calendar["X-WR-CALNAME"]) == "Testvik kommune – arrangementer"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in ics
    assert b"X-PUBLISHED-TTL:P1D\r\n" in ics
    assert combined(events) == ics
    offsets = [vevent.decoded("DTSTART").utcoffset() for vevent in calendar.walk("VEVENT")]
    assert offsets == [timedelta(hours=1), timedelta(hours=1), timedelta(hours=1)]


def test_the_subscription_calendar_can_be_named_and_be_empty() -> None:
    calendar = parse(combined([], name="Arrangementer i Testvik"))
    assert str(calendar["X-WR-CALNAME"]) == "Arrangementer i Testvik"
    assert calendar.walk("VEVENT") == []


def test_every_example_event_makes_a_valid_calendar() -> None:
    site, _diagnostics = read_site(REPO, date(2026, 11, 23))
    assert site is not None and site.upcoming_events
    urls = {event.slug: page_url(event) for event in site.events}
    sequences = {event.slug: 0 for event in site.events}
    ics = events_calendar(
        site.events, config=site.config, urls=urls, sequences=sequences, stamp=STAMP
    )
    parsed = parse(ics).walk("VEVENT")
    assert sorted(str(vevent["UID"]) for vevent in parsed) == sorted(
        event_uid(event, site.config) for event in site.events
    )
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    for event in site.events:
        vevent = only_event(
            event_calendar(event, config=site.config, url=urls[event.slug], sequence=0, stamp=STAMP)
        )
        assert vevent.decoded("DTSTART") == event.start, event.slug
        assert vevent.decoded("DTEND") == event.end, event.slug

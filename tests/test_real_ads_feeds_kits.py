"""Real ads in the feeds, the social-media kit and the calendars: a bundle of openings, an ad
for three units and two professions, a standing ad with visible_until, a nynorsk ad, a
non-profit employer from data/employers.yml and an English event, in one site built with the
real command. Feeds are read with feedparser, calendars with icalendar, pages as HTML; what is
expected is written out here, not taken from the generator."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import pytest
from icalendar import Calendar
from PIL import Image

from generator.models.site_config import Brand
from generator.pipeline import read_site
from generator.render.feeds import site_feeds
from generator.render.social_images import CardContent, SocialImageRenderer
from generator.render.social_texts import SocialText, job_texts
from generator.render.views import Views
from generator.site import Site
from tests.conftest import MINIMAL_SITE, run_careers, write_site
from tests.real_ads import FJORDTUN, LYSHEIM, SOLBAKKEN, data_file, real_ads_data
from tests.sources import soup

TODAY = "2026-11-23"
BASE = "https://karriere.testvik.example/"

UNITS = [
    SOLBAKKEN,
    FJORDTUN,
    {
        "id": "oyane",
        "name": "Øyane omsorgssenter",
        "type": "sykehjem",
        "district": "Øyane",
        "address": "Øyvegen 3",
        "postcode": "0152",
        "city": "Testvik",
    },
    LYSHEIM,  # run by Stiftelsen Lysheim
]
CONTACT = """\
contacts:
  - name: Kari Nordmann
    phone: 912 34 567
apply_url: https://jobb.testvik.example/{n}
"""


def ad(front_matter: str, n: int, body: str = "Du blir en del av et godt fagmiljø.") -> str:
    return f"---\n{front_matter}{CONTACT.format(n=n)}---\n\n{body}\n"


JOBS = {
    # Four positions that differ, one of them a vikariat; closes within a week.
    "sykepleiere-turnus": ad(
        """\
title: Sykepleiere i turnus
summary: Fire stillinger for sykepleiere, tre faste og ett vikariat.
unit: solbakken
profession: sykepleier
employment_type: fast
shifts: [dag, kveld]
openings:
  - percent: 73,68
  - percent: 28,17
    shifts: [natt]
  - percent: 70,42
    employment_type: vikariat
    until: 31.08.2027
    temporary_reason: Foreldrepermisjon.
    shifts: [kveld, natt]
  - percent: 34,33
published: 2026-11-17
deadline: 27.11.2026
""",
        1,
    ),
    # Three workplaces and two professions.
    "pool": ad(
        """\
title: Vikarpool for sykepleiere og vernepleiere
summary: Fast stilling i vikarpoolen for tre arbeidssteder.
units: [solbakken, fjordtun, oyane]
professions: [sykepleier, vernepleier]
position_percent: 75–100
positions: flere
employment_type: fast
shifts: [dag, kveld]
published: 2026-11-18
deadline: 2026-12-16
""",
        2,
    ),
    # Standing: listed until visible_until.
    "ekstravakter": ad(
        """\
title: Ekstravakter på Fjordtun
summary: Vi trenger helsefagarbeidere som kan ringes inn.
unit: fjordtun
profession: helsefagarbeider
positions: flere
employment_type: tilkallingsvikar
shifts: [dag, kveld]
published: 2026-10-05
deadline: fortløpende
visible_until: 2026-12-31
""",
        3,
    ),
    "sjukepleiar-oyane": ad(
        """\
title: Sjukepleiar på Øyane
summary: Fast heil stilling for sjukepleiar. Du jobbar kvar tredje helg.
language: nn
unit: oyane
profession: sykepleier
position_percent: 100
employment_type: fast
shifts: [dag, kveld]
weekend_every: 3
published: 2026-11-20
deadline: 2026-12-11
""",
        4,
        "Du blir ein del av eit godt fagmiljø.",
    ),
    "lysheim": ad(
        """\
title: Sykepleier på Lysheim
summary: Fast stilling på et sykehjem drevet av en ideell stiftelse.
unit: lysheim
profession: sykepleier
position_percent: 100
employment_type: fast
published: 2026-11-16
deadline: 2026-12-14
""",
        5,
    ),
}
EVENT_EN = """\
---
title: Open day for international nurses
summary: Meet the nurses at Solbakken and see how we work.
language: en
type: apen-dag
start: 2027-01-14T16:00
end: 2027-01-14T19:00
venue:
  name: Solbakken sykehjem
  address: Bakkeveien 1
  postcode: "0150"
  city: Testvik
audience: Nurses educated abroad
---

Welcome.
"""
EVENT_NB = EVENT_EN.replace("language: en\n", "").replace(
    "Open day for international nurses", "Åpen dag på Solbakken"
)
FILES: dict[str, str] = {
    **MINIMAL_SITE,
    "site_config.yml": MINIMAL_SITE["site_config.yml"] + "social:\n  hashtags: [JobbiTestvik]\n",
    **real_ads_data(UNITS),
    **{f"content/jobs/{slug}.md": text for slug, text in JOBS.items()},
    "content/events/open-day.md": EVENT_EN,
    "content/events/apen-dag.md": EVENT_NB,
}
# The minimal site's own ad (Solbakken, sykepleier, 100 %, closes 8 December).
ALL_JOBS = {"sykepleier-natt", *JOBS}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("real-ads") / "src", dict(FILES))


@pytest.fixture(scope="module")
def built(source: Path) -> Path:
    out = source.parent / "out"
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    return out


def site_on(source: Path, day: str) -> Site:
    site, diagnostics = read_site(source, date.fromisoformat(day))
    assert site is not None, diagnostics
    return site


def feed(built: Path, slug: str, extension: str = "xml") -> Any:
    parsed = feedparser.parse((built / "feeds" / f"{slug}.{extension}").read_bytes())
    assert not parsed.bozo, (slug, parsed.get("bozo_exception"))
    return parsed


def slugs(parsed: Any) -> set[str]:
    return {entry.link.rstrip("/").split("/")[-1] for entry in parsed.entries}


def entry(parsed: Any, slug: str) -> Any:
    return next(e for e in parsed.entries if e.link.rstrip("/").endswith("/" + slug))


# --- Feeds --------------------------------------------------------------------------------


def test_an_ad_is_in_the_feed_of_every_profession_and_district_it_names(built: Path) -> None:
    expected = {
        "stillinger": ALL_JOBS,
        "stillinger-yrke-sykepleier": {
            "sykepleier-natt",
            "sykepleiere-turnus",
            "pool",
            "sjukepleiar-oyane",
            "lysheim",
        },
        "stillinger-yrke-vernepleier": {"pool"},
        "stillinger-yrke-helsefagarbeider": {"ekstravakter"},
        "stillinger-bydel-sentrum": {"sykepleier-natt", "sykepleiere-turnus", "pool", "lysheim"},
        "stillinger-bydel-nord": {"pool", "ekstravakter"},
        "stillinger-bydel-oyane": {"pool", "sjukepleiar-oyane"},
    }
    for slug, jobs in expected.items():
        for extension in ("xml", "atom"):
            assert slugs(feed(built, slug, extension)) == jobs, (slug, extension)
    pool = entry(feed(built, "stillinger", "atom"), "pool")
    assert [tag.term for tag in pool.tags] == [
        "Sykepleier",
        "Vernepleier",
        "Solbakken sykehjem",
        "Fjordtun bofellesskap",
        "Øyane omsorgssenter",
        "Sentrum",
        "Nord",
        "Øyane",
    ]


def test_a_regional_site_has_a_feed_per_employer_announced_on_its_page(built: Path) -> None:
    own = feed(built, "stillinger-arbeidsgiver-testvik-kommune")
    foundation = feed(built, "stillinger-arbeidsgiver-stiftelsen-lysheim")
    assert slugs(own) == ALL_JOBS - {"lysheim"}
    assert slugs(foundation) == {"lysheim"}
    assert own.feed.title == "Stillinger i Testvik kommune – Testvik kommune"
    assert foundation.feed.title == "Stillinger hos Stiftelsen Lysheim – Testvik kommune"
    # The page the feed follows exists and announces the feed.
    page = foundation.feed.link.removeprefix(BASE)
    html = soup(built / page / "index.html")
    announced = {
        (built / page / link["href"]).resolve()
        for link in html.select('link[rel="alternate"][type="application/rss+xml"]')
    }
    assert (built / "feeds/stillinger-arbeidsgiver-stiftelsen-lysheim.xml").resolve() in announced
    # The whole list still announces its own feed.
    listing = soup(built / "stillinger" / "index.html")
    titles = [link["title"] for link in listing.select('link[type="application/rss+xml"]')]
    assert "Ledige stillinger – Testvik kommune" in titles
    # The non-profit's ad names its employer; the municipality's ads name none.
    atom_entries = feed(built, "stillinger", "atom")
    assert entry(atom_entries, "lysheim").author == "Stiftelsen Lysheim"
    assert "author" not in entry(atom_entries, "pool")
    assert entry(feed(built, "stillinger"), "lysheim").author == "Stiftelsen Lysheim"  # dc:creator


def test_an_employer_feed_follows_the_whole_list_without_an_employer_filter(
    source: Path,
) -> None:
    site = site_on(source, TODAY)
    views = Views(site)
    views.filters.facets = tuple(f for f in views.filters.facets if f.key != "employer")
    feeds = {f.slug: f for f in site_feeds(site, views)}
    foundation = feeds["stillinger-arbeidsgiver-stiftelsen-lysheim"]
    assert foundation.page_url == BASE + "stillinger/"
    assert [item.url for item in foundation.items] == [BASE + "stillinger/lysheim/"]


def test_a_single_employer_site_has_no_employer_feeds(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        key: value for key, value in FILES.items() if key != "data/employers.yml"
    }
    files["data/units.yml"] = data_file(
        [{key: value for key, value in unit.items() if key != "employer"} for unit in UNITS]
    )
    site = site_on(write_site(tmp_path / "src", files), TODAY)
    assert not [f.slug for f in site_feeds(site, Views(site)) if "arbeidsgiver" in f.slug]


def test_a_standing_ad_says_fortlopende_and_stays_until_visible_until(
    built: Path, source: Path
) -> None:
    for extension in ("xml", "atom"):
        standing = entry(feed(built, "stillinger", extension), "ekstravakter")
        assert standing.summary == (
            "Vi trenger helsefagarbeidere som kan ringes inn. Søknadsfrist fortløpende."
        )
    # Listed through visible_until, gone the day after, from every feed.
    for day, listed in [("2026-12-31", True), ("2027-01-01", False)]:
        site = site_on(source, day)
        for job_feed in site_feeds(site, Views(site)):
            urls = {item.url for item in job_feed.items}
            expected = listed and job_feed.slug in {
                "stillinger",
                "stillinger-yrke-helsefagarbeider",
                "stillinger-bydel-nord",
                "stillinger-arbeidsgiver-testvik-kommune",
            }
            assert (f"{BASE}stillinger/ekstravakter/" in urls) == expected, (day, job_feed.slug)


def test_an_item_in_another_language_says_so(built: Path) -> None:
    atom = feed(built, "stillinger", "atom")
    nynorsk = entry(atom, "sjukepleiar-oyane")
    assert nynorsk.title_detail.language == "nn"
    assert nynorsk.summary_detail.language == "nn"
    assert nynorsk.summary.endswith("Søknadsfrist 11. desember 2026.")
    assert entry(atom, "pool").title_detail.language == "nb"  # the feed's own
    rss = feed(built, "stillinger")
    assert entry(rss, "sjukepleiar-oyane").language == "nn"  # dc:language
    assert "language" not in entry(rss, "pool")
    events = feed(built, "arrangementer", "atom")
    assert entry(events, "open-day").title_detail.language == "en"
    assert entry(events, "apen-dag").title_detail.language == "nb"


# --- Social texts --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(source: Path) -> Site:
    return site_on(source, TODAY)


def texts(site: Site, slug: str) -> dict[str, SocialText]:
    job = next(job for job in site.open_jobs if job.slug == slug)
    return {text.network: text for text in job_texts(job, site=site, views=Views(site))}


def test_the_head_says_sizes_workplaces_and_a_standing_deadline_the_norwegian_way(
    site: Site,
) -> None:
    bundle = texts(site, "sykepleiere-turnus")
    for text in bundle.values():
        assert "Solbakken sykehjem · 4 stillinger · 28,17–73,68 % · Fast og vikariat\n" in text.text
        assert "Søknadsfrist 27. november\n" in text.text
    pool = texts(site, "pool")
    for text in pool.values():
        assert (
            "Solbakken sykehjem, Fjordtun bofellesskap og Øyane omsorgssenter · "
            "Flere stillinger · 75–100 % · Fast\n"
        ) in text.text
    standing = texts(site, "ekstravakter")
    for text in standing.values():
        assert "Flere stillinger · Tilkallingsvikar\nSøknadsfrist: fortløpende\n" in text.text


def test_many_workplaces_are_counted_instead_of_cut(site: Site) -> None:
    job = next(job for job in site.open_jobs if job.slug == "pool")
    job = job.model_copy(update={"units": ["solbakken", "fjordtun", "oyane", "lysheim"]})
    for text in job_texts(job, site=site, views=Views(site)):
        assert "\n4 arbeidssteder · Flere stillinger" in text.text
        assert "Solbakken sykehjem" not in text.text


def test_linkedin_lists_every_opening_and_every_profession_has_a_hashtag(site: Site) -> None:
    linkedin = texts(site, "sykepleiere-turnus")["linkedin"].text
    assert (
        "Stillingene:\n"
        "– 73,68 % fast, dag og kveld\n"
        "– 28,17 % fast, natt\n"
        "– 70,42 % vikariat til 31. august 2027, kveld og natt\n"
        "– 34,33 % fast, dag og kveld"
    ) in linkedin
    assert "Vakter:" not in linkedin
    assert "Stillingene:" not in texts(site, "sykepleiere-turnus")["facebook"].text
    for text in texts(site, "pool").values():
        assert "#JobbiTestvik #sykepleier #vernepleier" in text.text


def test_a_nynorsk_ad_gets_a_nynorsk_post(site: Site) -> None:
    nynorsk = texts(site, "sjukepleiar-oyane")
    assert "Les meir og søk: https://" in nynorsk["facebook"].text
    assert "Les meir og søk: lenkje i bio" in nynorsk["instagram"].text
    assert "#sjukepleiar" in nynorsk["x"].text
    assert "Stillinga:" not in nynorsk["linkedin"].text
    assert "100 % fast, dag og kveld, kvar 3. helg" in nynorsk["linkedin"].text
    for text in nynorsk.values():
        assert text.length <= text.limit


# --- The kit and its cards -----------------------------------------------------------------


def test_the_kit_index_says_fortlopende_and_sorts_standing_ads_after_this_week(
    built: Path,
) -> None:
    index = soup(built / "delingspakker" / "index.html")
    titles = [title.get_text(strip=True) for title in index.select(".careers-card__title")]
    metas = [meta.get_text(strip=True) for meta in index.select(".careers-card__meta")]
    notes = dict(zip(titles, metas, strict=True))
    assert titles[0] == "Sykepleiere i turnus"  # closes in four days
    assert titles.index("Ekstravakter på Fjordtun") > 0
    assert "Fortløpende – på nettstedet til 31. desember 2026" in notes["Ekstravakter på Fjordtun"]
    assert "dager" not in notes["Ekstravakter på Fjordtun"]


def image_alts(built: Path, kit: str) -> set[str]:
    """The alt texts of a kit's four cards: one text, as all four say the same."""
    page = soup(built / "delingspakker" / kit / "index.html")
    return {str(img["alt"]) for img in page.select(".careers-kit-images img")}


def test_a_jobs_card_names_its_employer_and_speaks_its_language(built: Path) -> None:
    (lysheim,) = image_alts(built, "job-lysheim")
    assert lysheim.endswith(" Stiftelsen Lysheim.") and "Testvik kommune" not in lysheim
    (pool,) = image_alts(built, "job-pool")
    assert pool == (
        "Stilling: Vikarpool for sykepleiere og vernepleiere. Solbakken sykehjem, Fjordtun "
        "bofellesskap og Øyane omsorgssenter. Flere stillinger. 75–100 %. Søknadsfrist 16. "
        "desember 2026. Testvik kommune."
    )
    (standing,) = image_alts(built, "job-ekstravakter")
    assert "Søknadsfrist: fortløpende." in standing
    (nynorsk,) = image_alts(built, "job-sjukepleiar-oyane")
    assert "Søknadsfrist 11. desember 2026" in nynorsk
    # Story and event cards keep the site's organisation.
    (event,) = image_alts(built, "event-open-day")
    assert event.endswith(" Testvik kommune.")


def test_another_employers_card_never_shows_the_sites_logo(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    (site_dir / "assets").mkdir(parents=True)
    Image.new("RGB", (300, 100), (200, 30, 30)).save(site_dir / "assets/logo.png")
    Image.new("RGB", (300, 100), (30, 160, 60)).save(site_dir / "assets/lysheim.png")
    renderer = SocialImageRenderer(
        tmp_path / "cache", Brand(logo="assets/logo.png"), site_dir, workers=1
    )
    own = CardContent("job", "Sykepleier", "Solbakken", "Stilling", "Testvik kommune")
    no_logo = CardContent(
        "job", "Sykepleier", "Lysheim", "Stilling", "Stiftelsen Lysheim", brand=False
    )
    with_logo = CardContent(
        "job",
        "Sykepleier",
        "Lysheim",
        "Stilling",
        "Stiftelsen Lysheim",
        brand=False,
        logo="assets/lysheim.png",
    )
    cards = renderer.render_many([("own", own), ("none", no_logo), ("logo", with_logo)])

    def colours(slug: str) -> set[tuple[int, ...]]:
        with Image.open(renderer.cache_file(cards[slug][0])) as card:
            counted = card.convert("RGB").getcolors(1 << 16) or []
            return {tuple(colour) for _, colour in counted if isinstance(colour, tuple)}

    assert (200, 30, 30) in colours("own")
    assert (200, 30, 30) not in colours("none") and (200, 30, 30) not in colours("logo")
    assert (30, 160, 60) in colours("logo")
    # Without a logo of its own, the employer's name is the wordmark: one more line of text.
    assert len(cards["none"][0].text_boxes) == len(cards["own"][0].text_boxes) + 1
    assert len(cards["logo"][0].text_boxes) == len(cards["own"][0].text_boxes)
    # A new employer logo is a new card.
    Image.new("RGB", (300, 100), (30, 60, 160)).save(site_dir / "assets/lysheim.png")
    again = SocialImageRenderer(
        tmp_path / "cache", Brand(logo="assets/logo.png"), site_dir, workers=1
    )
    again.render_many([("own", own), ("logo", with_logo)])
    assert again.rendered == 4 and again.reused == 4


# --- Calendars -----------------------------------------------------------------------------


def test_an_english_event_carries_its_language_in_its_calendar_and_the_feed(built: Path) -> None:
    single = Calendar.from_ical((built / "arrangementer/ics/open-day.ics").read_bytes())
    combined = Calendar.from_ical((built / "arrangementer/kalender.ics").read_bytes())
    for calendar in (single, combined):
        by_uid = {str(vevent["UID"]).split("@")[0]: vevent for vevent in calendar.walk("VEVENT")}
        english, bokmal = by_uid["open-day"], by_uid.get("apen-dag")
        for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            assert english[name].params["LANGUAGE"] == "en", name
            if bokmal is not None:
                assert "LANGUAGE" not in bokmal[name].params, name
        assert str(english["DESCRIPTION"]).startswith(
            "Meet the nurses at Solbakken and see how we work.\n\n"
            "Who it is for: Nurses educated abroad\n\n"
            "Read more: "
        )
    assert len(combined.walk("VEVENT")) == 2

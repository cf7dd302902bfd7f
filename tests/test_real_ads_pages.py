"""Ads as real municipalities write them, built into pages: a bundle of positions that differ,
a vikarpool across three units, «sykepleier eller vernepleier», a standing ad for on-call
staff, a nynorsk ad on a bokmål site, and a nursing home run by a non-profit foundation.
Each shows on its page, on the cards, under every filter it names and on every unit page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import MINIMAL_SITE, run_careers, write_site
from tests.real_ads import FJORDTUN, LYSHEIM, SOLBAKKEN, real_ads_data
from tests.sources import listed_job_slugs, soup

JOBS = "stillinger"
TODAY = "2026-11-26"

UNITS = [
    SOLBAKKEN,
    FJORDTUN,
    {
        "id": "helsehuset",
        "name": "Testvik helsehus",
        "type": "helsehus",
        "district": "Sentrum",
        "address": "Torget 5",
        "postcode": "0152",
        "city": "Testvik",
    },
    LYSHEIM | {"district": "Nord"},  # run by Stiftelsen Lysheim
]

# Four positions in one ad, as on Solbakken's rota: two permanent, two temporary.
BUNDLE = """\
---
title: Sykepleiere til ny turnus på Solbakken
summary: Fire ledige stillinger for sykepleiere, to faste og to vikariater, med ulike vakter.
unit: solbakken
profession: sykepleier
openings:
  - percent: 73,68
    employment_type: fast
    shifts: [dag, kveld]
    part_time_reason: Turnusen går opp med denne størrelsen.
  - percent: 28,17
    employment_type: fast
    part_time_reason: Stillingen dekker helgene.
  - percent: 70,42
    employment_type: vikariat
    until: 31.08.2027
    shifts: [kveld, natt]
    temporary_reason: Vikariat for en sykepleier i foreldrepermisjon.
    part_time_reason: Samme størrelse som stillingen hun har.
  - percent: 34,33
    employment_type: vikariat
    temporary_reason: Vikariat for en sykepleier som studerer.
    part_time_reason: Samme størrelse som stillingen han har.
published: 2026-11-17
deadline: 08.12.2026
apply_email: post@testvik.example
---

Vi har laget ny turnus og har fire stillinger ledige. Skriv hvilke du søker på.
"""

POOL = """\
---
title: Helsefagarbeidere til vikarpoolen
summary: Fast stilling i vikarpoolen for tre arbeidssteder, med fast turnus.
units: [solbakken, fjordtun, helsehuset]
profession: helsefagarbeider
position_percent: 75–100
positions: flere
employment_type: fast
part_time_reason: Du velger selv størrelsen mellom 75 og 100 prosent.
shifts: [dag, kveld]
weekend_every: 3
published: 2026-11-18
deadline: 2026-12-16
apply_email: post@testvik.example
---

Du dekker ferie og sykdom på tre arbeidssteder, og du vet alltid fire uker før hvor du skal.
"""

EITHER = """\
---
title: Sykepleier eller vernepleier i bofellesskap
summary: Hel stilling i et bofellesskap for voksne med utviklingshemming.
unit: fjordtun
professions: [sykepleier, vernepleier]
position_percent: 100
employment_type: fast
shifts: [dag, langvakt, passiv-natt]
published: 2026-11-10
deadline: 2026-12-01
apply_email: post@testvik.example
---

Du jobber langvakter og har passiv natt på huset, med hvilerom og seng.
"""

ON_CALL = """\
---
title: Tilkallingsvikarer til Solbakken
summary: Vi trenger flere som kan ta ekstravakter, særlig i helgene.
unit: solbakken
profession: helsefagarbeider
employment_type: tilkallingsvikar
positions: flere
shifts: [dag, kveld, helg]
published: 2026-11-01
deadline: fortløpende
visible_until: 2026-12-05
apply_email: post@testvik.example
---

Du tar vakter når det passer for deg. Vi ringer eller sender melding når vi trenger folk.
"""

NYNORSK = """\
---
title: Helsefagarbeidar i nattevakt
summary: Vi søkjer ein helsefagarbeidar som vil jobbe natt i bufellesskapet.
language: nn
unit: fjordtun
profession: helsefagarbeider
position_percent: 60
employment_type: fast
part_time_reason: Nattevaktene går opp i ein turnus på 60 prosent.
shifts: [vaken-natt]
start: etter avtale
salary: Løn etter tariff, frå kr 520 000 i året.
contacts:
  - name: Siri Fjell
    title: Avdelingsleiar
    phone: 912 40 118
published: 2026-11-12
deadline: 2026-12-10
apply_email: post@testvik.example
---

Du jobbar vaken natt saman med ein kollega, og du får god opplæring før første vakt.
"""

FOUNDATION = """\
---
title: Sykepleier på Lysheim sykehjem
summary: Fast stilling hos en ideell stiftelse med et lite og oversiktlig sykehjem.
unit: lysheim
profession: sykepleier
position_percent: 100
employment_type: fast
shifts: [dag, kveld]
published: 2026-11-15
deadline: 2026-12-12
apply_email: post@lysheim.example
---

Lysheim har 36 plasser og tre avdelinger rundt en stor hage.
"""

NYNORSK_PAGE = """\
---
title: Slik tilset vi
language: nn
nav_order: 5
---

Vi les søknaden din, og så ringjer vi deg om vi vil ha deg på intervju.
"""

NYNORSK_PLACEMENT = """\
---
title: Praksis i bufellesskapet
summary: Praksis for vernepleiarstudentar i eit lite bufellesskap.
language: nn
unit: fjordtun
programs:
  - education: Vernepleie
    institution: Høgskulen i Testvik
    capacity_per_year: 4
first_day: Du møter rettleiaren din klokka åtte.
---

Du får ein fast rettleiar og er med på alt som skjer i huset.
"""

REAL_ADS: dict[str, str | bytes] = {
    **real_ads_data(UNITS),
    "content/jobs/turnus-solbakken.md": BUNDLE,
    "content/jobs/vikarpool.md": POOL,
    "content/jobs/sykepleier-eller-vernepleier.md": EITHER,
    "content/jobs/tilkallingsvikarer.md": ON_CALL,
    "content/jobs/nattevakt-nynorsk.md": NYNORSK,
    "content/jobs/sykepleier-lysheim.md": FOUNDATION,
    "content/pages/slik-tilset-vi.md": NYNORSK_PAGE,
    "content/placements/praksis-bufellesskap.md": NYNORSK_PLACEMENT,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real ads built on one day, once for the module."""
    root = tmp_path_factory.mktemp("real-ads")
    source = write_site(root / "src", {**MINIMAL_SITE, **REAL_ADS})
    out = root / "site"
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    return out


def page(site: Path, *parts: str) -> BeautifulSoup:
    return soup(site.joinpath(*parts, "index.html"))


def facts(html: BeautifulSoup) -> dict[str, Tag]:
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd")
        for dt in html.select(".careers-facts dt")
    }


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def slug_of(link: Tag) -> str:
    return str(link["href"]).rstrip("/").split("/")[-1]


def card(html: BeautifulSoup, slug: str) -> Tag:
    (found,) = [
        item
        for item in html.select(".careers-job-card")
        if slug_of(item.select_one(".careers-card__title a")) == slug
    ]
    return found


def tags(job_card: Tag) -> list[str]:
    return [li.get_text(strip=True) for li in job_card.select(".careers-tags li")]


# --- The job page's facts box ---------------------------------------------------------------


def test_a_bundle_lists_each_opening_and_counts_them_all(site: Path) -> None:
    box = facts(page(site, JOBS, "turnus-solbakken"))
    lines = [li.get_text(strip=True) for li in box["Stillingene"].select("li")]
    assert lines == [
        "73,68 % fast, dag og kveld",
        "28,17 % fast",
        "70,42 % vikariat til 31. august 2027, kveld og natt",
        "34,33 % vikariat",
    ]
    assert text(box["Antall stillinger"]) == "4"
    # The lines say size and type: no second row that could say otherwise.
    assert "Stillingsstørrelse" not in box and "Ansettelsesform" not in box
    assert "Heltid" not in text(box["Stillingene"])


def test_a_simple_ad_keeps_its_rows_with_a_count_that_agrees(site: Path) -> None:
    box = facts(page(site, JOBS, "vikarpool"))
    assert text(box["Stillingsstørrelse"]) == "Flere stillinger, 75–100 % Heltid"
    assert text(box["Antall stillinger"]) == "Flere"
    assert text(box["Ansettelsesform"]) == "Fast"
    assert text(box["Arbeidstid"]) == "Dag og kveld, hver 3. helg"
    assert "Stillingene" not in box


def test_every_workplace_is_named_with_its_address_and_link(site: Path) -> None:
    html = page(site, JOBS, "vikarpool")
    workplaces = facts(html)["Arbeidssteder"]
    assert [text(li) for li in workplaces.select("li")] == [
        "Solbakken sykehjem Bakkeveien 1, 0150 Testvik",
        "Fjordtun bofellesskap Fjordgata 2, 0151 Testvik",
        "Testvik helsehus Torget 5, 0152 Testvik",
    ]
    links = [a["href"] for a in workplaces.select("a")]
    assert links == [
        f"../../arbeidssteder/{unit}/" for unit in ("solbakken", "fjordtun", "helsehuset")
    ]
    where = " ".join(html.select_one(".careers-job__where").get_text().split())
    assert where == "Solbakken sykehjem, Fjordtun bofellesskap, Testvik helsehus · Sentrum, Nord"
    # One unit keeps the singular label.
    assert "Arbeidssted" in facts(page(site, JOBS, "turnus-solbakken"))


def test_either_profession_and_hours_in_plain_words(site: Path) -> None:
    box = facts(page(site, JOBS, "sykepleier-eller-vernepleier"))
    assert text(box["Yrke"]) == "Sykepleier eller vernepleier"
    assert text(box["Arbeidstid"]) == "Dag, langvakt og passiv natt"


def test_a_standing_ad_says_fortlopende_without_a_countdown(site: Path) -> None:
    html = page(site, JOBS, "tilkallingsvikarer")
    box = facts(html)
    assert text(box["Søknadsfrist"]) == (
        "Fortløpende Vi ansetter fortløpende, så søk så snart du kan."
    )
    assert box["Søknadsfrist"].find("time") is None
    assert "igjen" not in text(html.select_one(".careers-facts"))
    assert text(box["Ansettelsesform"]) == "Tilkallingsvikar"
    assert text(box["Antall stillinger"]) == "Flere"
    # On call has no size: no size row that would say «Flere stillinger» instead.
    assert "Stillingsstørrelse" not in box


def test_the_employer_is_named_where_it_is_not_the_municipality(site: Path) -> None:
    html = page(site, JOBS, "sykepleier-lysheim")
    employer = facts(html)["Arbeidsgiver"]
    link = employer.find("a")
    assert link.get_text(strip=True) == "Stiftelsen Lysheim"
    assert link["href"] == "https://www.lysheim.example/"
    logo = employer.find("img")
    assert logo["alt"] == ""  # the name beside it says who it is
    assert (site / JOBS / "sykepleier-lysheim" / logo["src"]).resolve().is_file()
    # The foundation's own footer, not the municipality's promise of a public applicant list.
    body = text(html.select_one(".careers-job__body"))
    assert "lager ingen offentlig søkerliste" in body
    assert "offentleglova" not in body
    # The municipality's own ads name no employer: the site says who it is.
    assert "Arbeidsgiver" not in facts(page(site, JOBS, "vikarpool"))


# --- Language --------------------------------------------------------------------------------


def test_a_nynorsk_ad_on_a_bokmal_site_says_so_on_its_own_text(site: Path) -> None:
    html = page(site, JOBS, "nattevakt-nynorsk")
    assert html.find("html")["lang"] == "nb"
    assert html.find("h1")["lang"] == "nn"
    assert html.select_one(".careers-lead")["lang"] == "nn"
    body = html.select_one(".careers-job__body")
    assert body["lang"] == "nn" and "Du jobbar vaken natt" in body.get_text()
    # The site's footer inside it is bokmål, and says so.
    assert body.select_one(".careers-ad-footer")["lang"] == "nb"
    # The facts box is the site's own words, in the site's language.
    assert not html.select_one(".careers-facts").has_attr("lang")
    assert text(facts(html)["Arbeidstid"]) == "Våken natt"
    # A bokmål ad carries no lang of its own.
    other = page(site, JOBS, "vikarpool")
    assert other.find("h1").get("lang") is None
    assert other.select_one(".careers-job__body").get("lang") is None


def test_the_ads_own_words_in_the_facts_and_contacts_carry_its_language(site: Path) -> None:
    """WCAG 3.1.2: the start written as text, the salary and a contact's title are the ad's
    words, read in its language; the labels around them are the site's."""
    html = page(site, "stillinger", "nattevakt-nynorsk")
    box = facts(html)
    assert box["Tiltredelse"]["lang"] == "nn" and box["Lønn"]["lang"] == "nn"
    assert not box["Søknadsfrist"].get("lang")
    title = html.select_one(".careers-contacts span[lang]")
    assert title["lang"] == "nn" and title.get_text(strip=True) == "Avdelingsleiar"


def test_cards_carry_the_language_of_the_title(site: Path) -> None:
    listing = page(site, JOBS)
    assert card(listing, "nattevakt-nynorsk").select_one(".careers-card__title")["lang"] == "nn"
    assert card(listing, "vikarpool").select_one(".careers-card__title").get("lang") is None


def test_free_pages_and_placements_in_nynorsk_carry_lang(site: Path) -> None:
    free = page(site, "slik-tilset-vi")
    assert free.find("html")["lang"] == "nb"
    content = free.select_one('[lang="nn"]')
    assert content is not None and "ringjer vi deg" in content.get_text()
    assert content.find("h1").get_text(strip=True) == "Slik tilset vi"
    placement = page(site, "praksisplasser", "praksis-bufellesskap")
    assert placement.find("h1")["lang"] == "nn"
    assert placement.select_one(".careers-lead")["lang"] == "nn"
    body = placement.find(string=lambda s: "fast rettleiar" in s)
    assert body is not None and body.find_parent(attrs={"lang": "nn"}) is not None


# --- Cards -----------------------------------------------------------------------------------


def test_cards_summarise_sizes_types_and_shifts(site: Path) -> None:
    listing = page(site, JOBS)
    assert tags(card(listing, "turnus-solbakken")) == [
        "Sykepleier",
        "4 stillinger, 28,17–73,68 %",
        "Fast",
        "Vikariat",
        "Dag, Kveld, Natt",
    ]
    assert tags(card(listing, "vikarpool")) == [
        "Heltid",
        "Helsefagarbeider",
        "Flere stillinger, 75–100 %",
        "Fast",
        "Dag, Kveld, Helg",
    ]
    assert tags(card(listing, "sykepleier-eller-vernepleier"))[:2] == [
        "Heltid",
        "Sykepleier eller vernepleier",
    ]
    standing = card(listing, "tilkallingsvikarer")
    assert tags(standing) == [
        "Helsefagarbeider",
        "Flere stillinger",
        "Tilkallingsvikar",
        "Dag, Kveld, Helg",
    ]
    assert text(standing.select_one(".careers-deadline")) == "Søknadsfrist Fortløpende"


def test_a_card_names_the_first_unit_and_how_many_more(site: Path) -> None:
    listing = page(site, JOBS)
    meta = text(card(listing, "vikarpool").select_one(".careers-card__meta"))
    assert meta == "Solbakken sykehjem + 2 til · Sentrum, Nord"
    meta = text(card(listing, "turnus-solbakken").select_one(".careers-card__meta"))
    assert meta == "Solbakken sykehjem · Sentrum"


# --- Filters ---------------------------------------------------------------------------------


ALL = [
    "sykepleier-eller-vernepleier",
    "tilkallingsvikarer",
    "sykepleier-natt",  # the minimal site's ad: 8 December, as the bundle; by title
    "turnus-solbakken",
    "nattevakt-nynorsk",
    "sykepleier-lysheim",
    "vikarpool",
]


def in_list_order(*slugs: str) -> list[str]:
    return [slug for slug in ALL if slug in slugs]


def test_the_list_has_every_open_ad_in_order(site: Path) -> None:
    # The standing ad counts by its last listed day (5 December).
    assert listed_job_slugs(site / JOBS / "index.html") == ALL


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # Every unit the pool names, and the district of each.
        ("arbeidssted/solbakken", "tilkallingsvikarer sykepleier-natt turnus-solbakken vikarpool"),
        ("arbeidssted/fjordtun", "sykepleier-eller-vernepleier nattevakt-nynorsk vikarpool"),
        ("arbeidssted/helsehuset", "vikarpool"),
        (
            "bydel/nord",
            "sykepleier-eller-vernepleier nattevakt-nynorsk sykepleier-lysheim vikarpool",
        ),
        # Both professions of «sykepleier eller vernepleier».
        ("yrke/vernepleier", "sykepleier-eller-vernepleier"),
        (
            "yrke/sykepleier",
            "sykepleier-eller-vernepleier sykepleier-natt turnus-solbakken sykepleier-lysheim",
        ),
        # Each employment type and shift of the bundle's openings.
        ("ansettelse/vikariat", "turnus-solbakken"),
        ("ansettelse/fast", " ".join(slug for slug in ALL if slug != "tilkallingsvikarer")),
        ("ansettelse/tilkallingsvikar", "tilkallingsvikarer"),
        ("vakt/natt", "sykepleier-natt turnus-solbakken"),
        ("vakt/kveld", "tilkallingsvikarer turnus-solbakken sykepleier-lysheim vikarpool"),
        ("vakt/helg", "tilkallingsvikarer vikarpool"),
        ("vakt/langvakt", "sykepleier-eller-vernepleier"),
        ("vakt/passiv-natt", "sykepleier-eller-vernepleier"),
        ("vakt/vaken-natt", "nattevakt-nynorsk"),
        (
            "omfang/heltid",
            "sykepleier-eller-vernepleier sykepleier-natt sykepleier-lysheim vikarpool",
        ),
        ("omfang/deltid", "turnus-solbakken nattevakt-nynorsk vikarpool"),
        # Pairs across facets, read opening by opening. The pool's one opening is for all its
        # units, so the pool (at Testvik helsehus, and at Fjordtun in Nord) is on both.
        ("ansettelse/vikariat/vakt/natt", "turnus-solbakken"),
        # … opening by opening: the bundle's nights are in a vikariat, not a permanent post.
        ("ansettelse/fast/vakt/natt", "sykepleier-natt"),
        ("bydel/nord/arbeidssted/helsehuset", "vikarpool"),
        ("yrke/helsefagarbeider/bydel/nord", "nattevakt-nynorsk vikarpool"),
        # The employer facet of a site with more than one employer.
        ("arbeidsgiver/stiftelsen-lysheim", "sykepleier-lysheim"),
        ("arbeidsgiver/testvik-kommune", " ".join(slug for slug in ALL if "lysheim" not in slug)),
        ("arbeidsgiver/stiftelsen-lysheim/yrke/sykepleier", "sykepleier-lysheim"),
    ],
)
def test_an_ad_is_under_every_value_it_names(site: Path, path: str, expected: str) -> None:
    assert listed_job_slugs(site / JOBS / path / "index.html") == in_list_order(*expected.split())


def test_filter_counts_match_the_pages_they_lead_to(site: Path) -> None:
    for path in ["", "vakt/natt", "arbeidsgiver/stiftelsen-lysheim", "yrke/sykepleier"]:
        folder = site / JOBS / path
        links = page(site, JOBS, *filter(None, path.split("/"))).select(
            "[data-careers-filter-links] a:not([aria-current])"
        )
        assert links, path
        for link in links:
            count = int(link.select_one(".careers-filter__count").get_text(strip=True).strip("()"))
            assert len(listed_job_slugs((folder / link["href"]).resolve() / "index.html")) == count


def test_the_in_place_form_and_the_cards_agree(site: Path) -> None:
    """The script filters by the cards' data-filter-* values and the form's counts: each
    option's count is the number of cards that carry its value."""
    listing = page(site, JOBS)
    cards = listing.select("[data-careers-jobs] > li")
    for fieldset in listing.select("form[data-careers-filter] fieldset"):
        for box in fieldset.select("input[type=checkbox]"):
            segment, value = box["name"], box["value"]
            carrying = [c for c in cards if value in c.get(f"data-filter-{segment}", "").split()]
            shown = (
                box.find_parent("label").select_one(".careers-filter__count").get_text(strip=True)
            )
            assert shown == f"({len(carrying)})", (segment, value)
    legends = [legend.get_text(strip=True) for legend in listing.select("form fieldset legend")]
    assert legends[0] == "Arbeidsgiver"
    pool = card(listing, "vikarpool")
    assert pool["data-filter-arbeidssted"] == "fjordtun helsehuset solbakken"
    assert pool["data-filter-arbeidsgiver"] == "testvik-kommune"
    assert card(listing, "turnus-solbakken")["data-filter-ansettelse"] == "fast vikariat"


def test_a_site_with_one_employer_has_no_employer_filter(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    source = make_site()
    out = tmp_path / "out"
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert not (out / JOBS / "arbeidsgiver").exists()
    listing = page(out, JOBS)
    assert "Arbeidsgiver" not in text(listing.select_one("[data-careers-filter-links]"))
    assert not listing.select_one(".careers-job-card").has_attr("data-filter-arbeidsgiver")


# --- Unit pages, related jobs and the home page ----------------------------------------------


def unit_jobs(site: Path, unit: str) -> list[str]:
    html = page(site, "arbeidssteder", unit)
    return [
        a["href"].rstrip("/").split("/")[-1]
        for a in html.select('section[aria-labelledby="unit-jobs"] .careers-card__title a')
    ]


def test_an_ad_is_on_every_unit_page_it_names(site: Path) -> None:
    for unit in ("solbakken", "fjordtun", "helsehuset"):
        assert "vikarpool" in unit_jobs(site, unit), unit
        assert unit_jobs(site, unit) == listed_job_slugs(
            site / JOBS / "arbeidssted" / unit / "index.html"
        )
    assert unit_jobs(site, "lysheim") == ["sykepleier-lysheim"]
    cards = page(site, "arbeidssteder")
    helsehuset = cards.select_one('.careers-unit-card a[href="helsehuset/"]').find_parent("li")
    assert "1 ledig stilling" in text(helsehuset)


def test_more_from_this_workplace_includes_ads_for_several_units(site: Path) -> None:
    more = page(site, JOBS, "turnus-solbakken").select_one(
        'section[aria-labelledby="more-from-unit"]'
    )
    linked = [a["href"].rstrip("/").split("/")[-1] for a in more.select(".careers-job-card a")]
    assert linked == in_list_order("tilkallingsvikarer", "sykepleier-natt", "vikarpool")


def test_the_home_page_never_counts_a_standing_ad_as_closing_soon(site: Path) -> None:
    home = page(site)
    soon = [
        a["href"].rstrip("/").split("/")[-1]
        for a in home.select('section[aria-labelledby="home-closing-soon"] .careers-card__title a')
    ]
    # The standing ad is listed until 5 December, within the fortnight, but has no deadline.
    assert soon == ["sykepleier-eller-vernepleier", "sykepleier-natt", "turnus-solbakken"]
    newest = home.select('section[aria-labelledby="home-jobs"] .careers-card__title a')
    assert "tilkallingsvikarer" in [a["href"].rstrip("/").split("/")[-1] for a in newest]


def test_a_standing_ad_leaves_the_list_after_visible_until(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    source = make_site({"content/jobs/tilkallingsvikarer.md": ON_CALL})
    out = tmp_path / "later"
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", "2026-12-06")
    assert result.exit_code == 0, result.output
    assert listed_job_slugs(out / JOBS / "index.html") == ["sykepleier-natt"]
    closed = page(out, JOBS, "tilkallingsvikarer")
    assert "Stillingen er ikke lenger ledig" in closed.get_text()
    assert "Annonsen sto ute til 5. desember 2026" in " ".join(closed.get_text().split())


def test_a_unit_run_by_another_employer_says_so(site: Path) -> None:
    """The foundation's nursing home names its operator; the municipality's own units do not
    repeat the site's organisation."""
    line = page(site, "arbeidssteder", "lysheim").select_one("p.careers-employer")
    assert line is not None and line.get_text(" ", strip=True) == "Drives av Stiftelsen Lysheim"
    assert line.a["href"] == "https://www.lysheim.example/"
    assert page(site, "arbeidssteder", "solbakken").select_one("p.careers-employer") is None

"""Ready-to-post texts for social media: every text of the example site, and synthetic worst
cases, within its network's limit, counted here independently of the module (X: every link
23 characters, characters outside X's light ranges 2)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.language import I18N_DIR
from generator.models import Event, Job, Story
from generator.models.site_config import Social
from generator.pipeline import read_site
from generator.render.social_texts import (
    SocialText,
    event_texts,
    job_texts,
    story_texts,
    with_utm,
    x_length,
)
from generator.render.views import Views
from generator.site import Site
from tests.conftest import REPO

TODAY = date(2026, 11, 23)
LIMITS = {"facebook": 500, "instagram": 2200, "linkedin": 3000, "x": 280}
CAMPAIGNS = {Job: "stilling", Story: "historie", Event: "arrangement"}
LINK = re.compile(r"https?://\S+")
HASHTAG = re.compile(r"(?<!\S)#(\w+)")
IN_BIO = {"nb": "lenke i bio", "nn": "lenkje i bio", "en": "link in bio"}

Item = Job | Story | Event


@pytest.fixture(scope="module")
def site() -> Site:
    site = read_site(REPO, TODAY)[0]
    assert site is not None
    return site


def independent_x_length(text: str) -> int:
    """X's count: each link 23; weight 1 up to U+10FF and in three punctuation ranges, else 2."""
    text = LINK.sub("x" * 23, unicodedata.normalize("NFC", text))
    light = [(0, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037)]
    return sum(1 if any(a <= ord(c) <= b for a, b in light) else 2 for c in text)


def length(text: SocialText) -> int:
    return independent_x_length(text.text) if text.network == "x" else len(text.text)


def texts_of(item: Item, site: Site) -> list[SocialText]:
    views = Views(site)
    if isinstance(item, Job):
        return job_texts(item, site=site, views=views)
    if isinstance(item, Story):
        return story_texts(item, site=site, views=views)
    return event_texts(item, site=site, views=views)


def items(site: Site) -> Iterator[Item]:
    yield from site.open_jobs
    yield from site.published_stories
    yield from site.upcoming_events


def post_language(site: Site, item: Item) -> str:
    """A job's post is in the ad's language; a story's and an event's in the site's."""
    return (item.language or site.language) if isinstance(item, Job) else site.language


def expected_hashtags(site: Site, item: Item) -> set[str]:
    """The site's hashtags, and each profession's (by key, or by its one-word name in the
    language of the post: the ad's own for a job, the site's otherwise)."""
    tags = {re.sub(r"\W", "", tag).casefold() for tag in site.config.social.hashtags}
    professions = (
        item.profession_keys
        if isinstance(item, Job)
        else [item.person.profession]
        if isinstance(item, Story)
        else []
    )
    language = post_language(site, item)
    for profession in professions:
        tags.add(profession.replace("-", ""))
        known = site.professions.get(profession)
        if known:
            tags.add(known.name_in(language).casefold())
    return tags - {""}


def assert_well_formed(text: SocialText, item: Item, site: Site) -> None:
    """Within the limit, the link whole with its UTM parameters, each hashtag whole and once."""
    assert text.limit == LIMITS[text.network]
    assert text.length == length(text) <= text.limit, text.text
    if text.network == "instagram":
        assert text.url == "" and not LINK.search(text.text)
        assert IN_BIO[post_language(site, item)] in text.text.lower()
    else:
        assert LINK.findall(text.text) == [text.url]
        parts = urlsplit(text.url)
        assert text.url.startswith(site.config.base_url)
        assert parts.path.rstrip("/").endswith("/" + item.slug)
        query = parse_qs(parts.query, strict_parsing=True)
        assert query == {
            "utm_source": [text.network],
            "utm_medium": ["social"],
            "utm_campaign": [f"{CAMPAIGNS[type(item)]}-{item.slug}"],
        }
    tags = [tag.casefold() for tag in HASHTAG.findall(text.text)]
    assert len(tags) == len(set(tags)), text.text
    assert set(tags) <= expected_hashtags(site, item), text.text
    assert len(tags) <= 30


def test_every_item_has_a_text_for_each_network(site: Site) -> None:
    assert site.open_jobs and site.published_stories and site.upcoming_events
    for item in items(site):
        assert [text.network for text in texts_of(item, site)] == [
            "facebook",
            "instagram",
            "linkedin",
            "x",
        ]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_example_texts_are_within_limits_and_well_formed(site: Site, language: str) -> None:
    site = with_config(site, language=language)
    for item in items(site):
        for text in texts_of(item, site):
            assert_well_formed(text, item, site)
            assert "JobbiFjordvik" in text.text  # the site's first hashtag always fits here


def test_job_texts_say_title_unit_size_and_deadline_first(site: Site) -> None:
    job = next(job for job in site.open_jobs if job.slug == "sykepleier-natt-solbakken")
    texts = {text.network: text for text in texts_of(job, site)}
    assert job.deadline == date(2026, 12, 8)
    for text in texts.values():
        assert text.text.startswith(f"Ledig stilling: {job.title}\n")
        assert "Søknadsfrist 8. desember\n" in text.text  # this year: no year
        assert "Solbakken sykehjem" in text.text
        assert "100 %" in text.text
    assert "Søknadsfrist 8. desember" in texts["linkedin"].text[:200]
    assert "Lønn: " in texts["linkedin"].text and "Lønn: " not in texts["facebook"].text
    assert "#sykepleier" in texts["x"].text


def test_a_deadline_next_year_has_its_year(site: Site) -> None:
    job = next(
        job for job in site.open_jobs if job.deadline_date and job.deadline_date.year == 2027
    )
    assert all(" 2027\n" in text.text for text in texts_of(job, site))


def test_story_texts_carry_the_quote_and_who_says_it(site: Site) -> None:
    for story in site.published_stories:
        for text in texts_of(story, site):
            assert f"«{story.quote.strip('«»')}»" in text.text
            assert f"– {story.person.name}, " in text.text
            assert text.text.startswith(story.title) == (text.network == "linkedin")


def test_event_texts_say_when_and_where(site: Site) -> None:
    views = Views(site)
    for event in site.upcoming_events:
        for text in texts_of(event, site):
            assert "Når: " + views.event_card(event)["when"] in text.text
            assert "Hvor: " + event.venue.name in text.text
    open_day = next(event for event in site.upcoming_events if event.type == "apen-dag")
    assert all(not text.text.startswith("Åpen dag: Åpen dag") for text in texts_of(open_day, site))


def test_english_and_nynorsk_wording(site: Site) -> None:
    job = site.open_jobs[0]
    english = {text.network: text.text for text in texts_of(job, with_config(site, "en"))}
    assert english["x"].startswith("Job opening: ")
    assert "Read more and apply: link in bio" in english["instagram"]
    nynorsk = {text.network: text.text for text in texts_of(job, with_config(site, "nn"))}
    assert "Les meir og søk: https://" in nynorsk["facebook"]


def test_a_jobs_post_is_in_the_ads_own_language(site: Site) -> None:
    job = next(job for job in site.open_jobs if job.slug == "sykepleier-natt-solbakken")
    english = {
        text.network: text.text
        for text in texts_of(job.model_copy(update={"language": "en"}), site)
    }
    assert english["x"].startswith(f"Job opening: {job.title}\n")
    assert "Apply by 8 December\n" in english["x"]
    assert "100 % · Permanent" in english["x"]
    assert "Read more and apply: link in bio" in english["instagram"]
    assert "#sykepleier" in english["x"]  # an English post tags the profession by its key
    # A bokmål ad on an English site is posted in bokmål.
    bokmal = job.model_copy(update={"language": "nb"})
    texts = {text.network: text.text for text in texts_of(bokmal, with_config(site, "en"))}
    assert "Søknadsfrist 8. desember\n" in texts["x"] and "Les mer og søk: https://" in texts["x"]


def test_the_wording_files_have_the_same_keys() -> None:
    keys = {}
    for language in ("nb", "nn", "en"):
        with (I18N_DIR / f"social_{language}.yml").open(encoding="utf-8") as file:
            keys[language] = set(yaml.safe_load(file))
    assert keys["nb"] == keys["nn"] == keys["en"]


# Synthetic worst cases. model_copy does not validate, so fields may exceed the model's limits.

LONG_TITLE = " ".join(["Spesialsykepleier"] + ["innen", "geriatri", "og", "lindrende"] * 10)[:200]
LONG_SUMMARY = "Dette er en lang ingress. " * 60
FORTY_HASHTAGS = [f"#Emneknagg{number}Fjordvik" for number in range(40)]


def worst_site(site: Site) -> Site:
    """Forty hashtags, and every unit with a 200-character name."""
    units = {
        unit_id: unit.model_copy(update={"name": "Avdeling for " + "langtidsopphold " * 12})
        for unit_id, unit in site.units.items()
    }
    return dataclasses.replace(with_hashtags(site, FORTY_HASHTAGS), units=units)


def with_hashtags(site: Site, hashtags: list[str]) -> Site:
    config = site.config.model_copy(update={"social": Social(hashtags=hashtags)})
    return dataclasses.replace(site, config=config)


def with_config(site: Site, language: str) -> Site:
    return dataclasses.replace(site, config=site.config.model_copy(update={"language": language}))


def worst_items(site: Site) -> Iterator[Item]:
    job, story, event = site.open_jobs[0], site.published_stories[0], site.upcoming_events[0]
    long = {"title": LONG_TITLE, "summary": LONG_SUMMARY}
    yield job.model_copy(update=long | {"salary": "Etter avtale. " * 300})
    yield job.model_copy(update={"title": "Ø" * 200, "summary": "Kort."})  # one long word
    yield job.model_copy(update={"title": "看護師" * 60 + " 🙂" * 20})  # weighs 2 on X
    yield story.model_copy(update=long | {"quote": "Jeg lærer noe nytt hver dag. " * 40})
    venue = event.venue.model_copy(update={"name": "Store sal i kulturhuset " * 10})
    yield event.model_copy(update=long | {"venue": venue, "audience": "Alle. " * 600})


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_worst_cases_stay_within_limits_without_broken_links_or_hashtags(
    site: Site, language: str
) -> None:
    site = with_config(worst_site(site), language)
    for item in worst_items(site):
        for text in texts_of(item, site):
            assert_well_formed(text, item, site)


def test_a_long_title_is_cut_at_a_word_with_an_ellipsis_only_as_a_last_resort(site: Site) -> None:
    site = worst_site(site)
    job = site.open_jobs[0].model_copy(update={"title": LONG_TITLE, "summary": LONG_SUMMARY})
    texts = {text.network: text.text for text in texts_of(job, site)}
    heading = texts["x"].splitlines()[0].removeprefix("Ledig stilling: ")
    assert heading.endswith("…") and LONG_TITLE.startswith(heading.removesuffix("…"))
    assert LONG_TITLE.split()[len(heading.split()) - 1] == heading.split()[-1].removesuffix("…")
    assert not HASHTAG.search(texts["x"])  # the hashtags went before the title was cut
    assert "Dette er en lang" not in texts["x"]  # and the summary before them
    assert LONG_TITLE in texts["linkedin"] and LONG_TITLE in texts["instagram"]


def test_the_summary_is_cut_at_a_sentence_or_word_before_hashtags_go(site: Site) -> None:
    summary = "Du får fast stilling. " + "Vi har mentorordning og fagdager hver måned. " * 8
    job = site.open_jobs[0].model_copy(update={"summary": summary.strip()})
    texts = {text.network: text.text for text in texts_of(job, site)}
    assert "Du får fast stilling. Vi har mentorordning" in texts["facebook"]
    assert summary.strip() not in texts["facebook"]
    assert "#JobbiFjordvik" in texts["facebook"] and "#JobbiFjordvik" in texts["x"]
    no_sentences = " ".join(["ord"] * 150)
    job = job.model_copy(update={"summary": no_sentences})
    x_text = next(text.text for text in texts_of(job, site) if text.network == "x")
    assert "ord ord…" in x_text


def test_hashtags_are_deduplicated_and_cleaned(site: Site) -> None:
    messy = ["#JobbiFjordvik", "jobbifjordvik", "helse og omsorg", "2026", "Sykepleier", "#"]
    messy_site = with_hashtags(site, messy)
    job = next(job for job in messy_site.open_jobs if job.profession == "sykepleier")
    for text in texts_of(job, messy_site):
        assert HASHTAG.findall(text.text) == ["JobbiFjordvik", "sykepleier", "helseogomsorg"]


def test_forty_hashtags_are_capped_per_network(site: Site) -> None:
    many = with_hashtags(site, FORTY_HASHTAGS)
    story = many.published_stories[0].model_copy(update={"summary": "Kort."})
    caps = {"instagram": 30, "facebook": 5, "linkedin": 5, "x": 3}
    for text in texts_of(story, many):
        assert 1 <= len(HASHTAG.findall(text.text)) <= caps[text.network]
    instagram = next(text for text in texts_of(story, many) if text.network == "instagram")
    assert len(HASHTAG.findall(instagram.text)) == 30


def test_x_length_counts_links_as_23_and_wide_characters_as_2() -> None:
    url = "https://karriere.fjordvik.kommune.no/stillinger/" + "a" * 200 + "/?utm_source=x"
    assert x_length(url) == 23
    assert x_length(f"Søk her: {url}.") == len("Søk her: ") + 23 + 1
    assert x_length("Se fjordvik.kommune.no i dag") == len("Se  i dag") + 23
    assert x_length("skriv til ola@fjordvik.no") == len("skriv til ola@fjordvik.no")
    assert x_length("Søknadsfrist 8. desember – kl. 09.30") == 36
    assert x_length("…") == 2 and x_length("看護師") == 6 and x_length("🙂") == 2
    assert x_length("«æøå»") == 5


def test_with_utm_keeps_the_rest_of_the_url() -> None:
    url = with_utm("https://example.no/a/?lang=nb&utm_source=old#apply", "linkedin", "stilling-a")
    parts = urlsplit(url)
    assert parts.path == "/a/" and parts.fragment == "apply"
    assert parse_qs(parts.query) == {
        "lang": ["nb"],
        "utm_source": ["linkedin"],
        "utm_medium": ["social"],
        "utm_campaign": ["stilling-a"],
    }

"""Ready-to-post texts for social media: every open job, published story and upcoming event,
for Facebook, Instagram, LinkedIn and X, each within what the network allows.

A post is drafted once as parts (head lines, summary, extra details, link, hashtags) and then
fitted to each network. When it is too long, it gives way in this order: the extra details
(LinkedIn's openings, start and salary) go; the summary is cut after a whole sentence, or after
a whole word with «…», and dropped if too little of it would be left; the hashtags go from the
last one; and as a last resort the longest line of the head (the title, the unit's name, …) is
cut word by word with «…». A link or a hashtag is never cut: they are whole or absent.

X counts as X does (twitter-text, version 3): a link is 23 characters however long it is, and
characters outside the ranges X weighs 1 (Latin, Greek, Cyrillic and other alphabets up to
U+10FF, and most general punctuation) count 2, «…» included. Instagram has no clickable links
in posts, so its text points to the link in the profile («lenke i bio») and carries no URL.
Links carry UTM parameters, so visits can be counted per network and item.

The wording is in `i18n/social_{nb,nn,en}.yml`; labels shared with the pages (salary, start)
come from the UI strings. A job's post is in the ad's own language (`text_language`), a story's
and an event's in the site's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from generator.language import I18N_DIR, Language
from generator.models import Event, Job, Story, Unit
from generator.models.document import MarkdownDocument
from generator.render.job_terms import count_text, opening_lines, size_span
from generator.render.views import Views, venue_address
from generator.site import Site

NETWORKS = ("facebook", "instagram", "linkedin", "x")
NETWORK_LABELS = dict(zip(NETWORKS, ("Facebook", "Instagram", "LinkedIn", "X"), strict=True))
# Characters per post: the networks' own limits, except Facebook (63,206), where a post
# longer than about 500 characters is folded away behind «Se mer».
LIMITS = {"facebook": 500, "instagram": 2200, "linkedin": 3000, "x": 280}
# Hashtags per post: Instagram allows 30; more than a handful reads as noise elsewhere.
MAX_HASHTAGS = {"facebook": 5, "instagram": 30, "linkedin": 5, "x": 3}
# utm_campaign is the item's kind and slug, the same in every site language.
CAMPAIGN_PREFIXES = {"job": "stilling", "story": "historie", "event": "arrangement"}
X_URL_LENGTH = 23  # every link is shortened to t.co
# X weighs a character 1 in these code-point ranges and 2 elsewhere (twitter-text v3).
X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
# Links as X finds them: with a scheme, or a bare domain under a common top-level domain;
# punctuation that ends a sentence after a link is not part of it.
X_LINK = re.compile(
    r"(?:https?://|(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:no|com|org|net|eu|info|io|se|dk|nu)\b)"
    r"\S*?(?=[.,:;!?»”)\]'\"]*(?:\s|$))",
    re.IGNORECASE,
)
ELLIPSIS = "…"
MIN_SUMMARY = 40  # a summary cut shorter than this is dropped instead
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TRAILING_PUNCTUATION = " ,;:–—-"
# An ad's workplaces are named when there are at most this many and they fit on a line of
# this length; otherwise they are counted («4 arbeidssteder»). A list is never cut short.
MAX_NAMED_UNITS = 3
MAX_UNITS_LENGTH = 80


@dataclass(frozen=True)
class SocialText:
    """One post, ready to copy: `length` is counted as the network counts it."""

    network: str
    text: str
    length: int
    limit: int
    url: str  # the link in the text, with UTM parameters ("" for Instagram)

    @property
    def label(self) -> str:
        return NETWORK_LABELS[self.network]


@dataclass(frozen=True)
class Line:
    """A line of the post's head. Only `body` (a title, a name, a place) is ever cut."""

    body: str
    prefix: str = ""
    suffix: str = ""
    cuttable: bool = True

    def text(self) -> str:
        return self.prefix + self.body + self.suffix


@dataclass(frozen=True)
class Draft:
    """What a post says on one network, before it is fitted to the network's limit."""

    head: tuple[Line, ...]
    summary: str
    details: tuple[str, ...]  # optional lines, the first to go
    link: str  # the line with the link, «{url}» where the URL goes
    hashtags: tuple[str, ...]

    def text(self, url: str, separator: str) -> str:
        blocks = ["\n".join(line.text() for line in self.head)]
        blocks += [self.summary] if self.summary else []
        blocks += ["\n".join(self.details)] if self.details else []
        blocks.append(self.link.replace("{url}", url))
        blocks += [" ".join("#" + tag for tag in self.hashtags)] if self.hashtags else []
        return separator.join(blocks)


def job_texts(job: Job, *, site: Site, views: Views) -> list[SocialText]:
    """Title, workplaces, sizes and deadline first, then the summary and the link; LinkedIn
    adds a line per opening, the start and the salary. In the ad's language."""
    code = text_language(site, job)
    language, wording = Language(code), social_wording(code)
    title = plain(job.title)
    head = [template_line(wording["job_heading"], title)]
    terms = " · ".join(position_terms(job, language))
    units = site.units_of(job)
    places = workplaces(units, wording, language)
    if len(units) == 1 and places.casefold() in title.casefold():
        places = ""  # «Sykepleier til Solbakken sykehjem» says where already
    if places:
        # One unit's name may be cut as a last resort; a list of several never is.
        head.append(Line(places, suffix=f" · {terms}" if terms else "", cuttable=len(units) == 1))
    elif terms:
        head.append(Line(terms, cuttable=False))
    head.append(Line(deadline_text(job, site, wording, language), cuttable=False))
    ui = language.ui
    lines = [line for line in opening_lines(job, language, site) if line]
    details = [f"{ui['openings']}:", *(f"– {line}" for line in lines)] if len(lines) > 1 else lines
    if job.start:
        start = language.date(job.start) if isinstance(job.start, date) else job.start
        details.append(f"{ui['start']}: {plain(start)}")
    if job.salary:
        details.append(f"{ui['salary']}: {plain(job.salary)}")
    drafts = {
        network: Draft(
            head=tuple(head),
            summary=plain(job.summary or ""),
            details=tuple(details) if network == "linkedin" else (),
            link=wording["job_link_in_bio" if network == "instagram" else "job_link"],
            hashtags=hashtags(site, job.profession_keys, code),
        )
        for network in NETWORKS
    }
    url = views.absolute_url(views.url("jobs", job.slug))
    return fitted(drafts, url, campaign(job.slug, "job"))


def job_card_detail(job: Job, site: Site) -> str:
    """The facts line of a job's share card, in the ad's language: «Solbakken sykehjem ·
    4 stillinger · 28,17–73,68 % · Søknadsfrist 8. desember 2026»."""
    code = text_language(site, job)
    language, wording = Language(code), social_wording(code)
    if job.deadline_date:
        deadline = f"{language.ui['deadline']} {language.date(job.deadline_date)}"
    else:
        deadline = wording["job_standing"] if job.is_standing else language.ui["no_deadline"]
    places = workplaces(site.units_of(job), wording, language)
    return " · ".join(
        part for part in (places, *position_terms(job, language, with_kind=False), deadline) if part
    )


def text_language(site: Site, item: MarkdownDocument) -> str:
    """The language of an item's post: its own when there is wording for it, else the
    site's. A nynorsk ad's title and summary are nynorsk, and a post that switches written
    standard between its lines reads as a mistake; the link leads to a page in that language."""
    code = site.language_of(item)
    return code if (I18N_DIR / f"social_{code}.yml").exists() else site.language


def workplaces(units: list[Unit], wording: dict[str, str], language: Language) -> str:
    """«Solbakken sykehjem», «Solbakken sykehjem, Fjordtun og Øyane», or «4 arbeidssteder»
    when the names would not fit on a line."""
    names = language.join([plain(unit.name) for unit in units])
    if len(units) <= 1 or (len(units) <= MAX_NAMED_UNITS and len(names) <= MAX_UNITS_LENGTH):
        return names
    return wording["job_units_many"].replace("{n}", str(len(units)))


def position_terms(job: Job, language: Language, with_kind: bool = True) -> list[str]:
    """How many, how large and (`with_kind`) what kind, each the Norwegian way: «4 stillinger»,
    «28,17–73,68 %», «Fast og vikariat» (the parts there are something to say about)."""
    openings = job.resolved_openings
    weekends_only = all(opening.weekend_every == 1 for opening in openings)
    count = job.total_positions
    kinds = language.join([language.employment_type(kind).lower() for kind in job.employment_types])
    parts = [
        count_text(count, language, weekends_only) if count != 1 or weekends_only else "",
        size_span(job.sizes, language),
        kinds[:1].upper() + kinds[1:] if with_kind else "",
    ]
    return [part for part in parts if part]


def deadline_text(job: Job, site: Site, wording: dict[str, str], language: Language) -> str:
    """«Søknadsfrist 8. desember» (the year only when it is not this one), «Søknadsfrist:
    fortløpende» for a standing ad, and the «no deadline» line for an ad without one."""
    if job.is_standing:
        return wording["job_standing"]
    deadline_date = job.deadline_date
    if deadline_date is None:
        return wording["job_no_deadline"]
    deadline = language.date(deadline_date)
    if deadline_date.year == site.today.year:
        deadline = deadline.removesuffix(f" {deadline_date.year}")
    return wording["job_deadline"].replace("{date}", deadline)


def story_texts(story: Story, *, site: Site, views: Views) -> list[SocialText]:
    """The quote and who says it first; LinkedIn leads with the title as well."""
    wording = social_wording(site.language)
    card = views.story_card(story)
    quote = Line(
        plain(story.quote).strip('«»"“”„ '),
        prefix=wording["quote_open"],
        suffix=wording["quote_close"],
    )
    profession = lowercase_first(plain(card["profession"]))
    at_unit = views.language.ui["at_unit"]
    person = Line(
        f"{plain(story.person.name)}, {profession} {at_unit} {plain(card['unit']['name'])}",
        prefix="– ",
    )
    title = Line(plain(story.title))
    drafts = {
        network: Draft(
            head=(title, quote, person) if network == "linkedin" else (quote, person),
            summary=plain(story.summary or ""),
            details=(),
            link=wording["story_link_in_bio" if network == "instagram" else "story_link"],
            hashtags=hashtags(site, [story.person.profession], site.language),
        )
        for network in NETWORKS
    }
    url = views.absolute_url(card["url"])
    return fitted(drafts, url, campaign(story.slug, "story"))


def event_texts(event: Event, *, site: Site, views: Views) -> list[SocialText]:
    """What, when and where first; the audience on LinkedIn; the place short on X."""
    wording = social_wording(site.language)
    card = views.event_card(event)
    venue = event.venue
    # X gets the place by name, the others the whole address.
    short_where = venue.name
    if venue.city and venue.city.casefold() not in venue.name.casefold():
        short_where += f", {venue.city}"
    where = {network: plain(venue_address(event)) for network in NETWORKS}
    where["x"] = plain(short_where)
    # «Åpen dag: Åpen dag på helsehuset» says it twice: the type only when the title lacks it.
    title, kind = plain(event.title), card["type"]
    heading = Line(
        title, prefix="" if title.casefold().startswith(kind.casefold()) else kind + ": "
    )
    when = template_line(wording["event_when"], plain(card["when"]), cuttable=False)
    audience = views.language.ui["audience"]
    link = "event_link_register" if event.registration_url and event.public else "event_link"
    drafts = {
        network: Draft(
            head=(
                heading,
                when,
                template_line(wording["event_where"], where[network]),
            ),
            summary=plain(event.summary or ""),
            details=(f"{audience}: {plain(event.audience)}",)
            if network == "linkedin" and event.audience.strip()
            else (),
            link=wording[link + "_in_bio" if network == "instagram" else link],
            hashtags=hashtags(site, [], site.language),
        )
        for network in NETWORKS
    }
    url = views.absolute_url(card["url"])
    return fitted(drafts, url, campaign(event.slug, "event"))


def x_length(text: str) -> int:
    """The length X counts: every link 23, the characters outside X's light ranges 2."""
    text = unicodedata.normalize("NFC", text)
    length, position = 0, 0
    for link in X_LINK.finditer(text):
        length += x_weight(text[position : link.start()]) + X_URL_LENGTH
        position = link.end()
    return length + x_weight(text[position:])


def x_weight(text: str) -> int:
    return sum(
        1 if any(start <= ord(char) <= end for start, end in X_LIGHT_RANGES) else 2 for char in text
    )


def with_utm(url: str, network: str, campaign: str) -> str:
    """The URL with utm_source, utm_medium and utm_campaign (replacing any already there)."""
    parts = urlsplit(url)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key not in {"utm_source", "utm_medium", "utm_campaign"}
    ]
    query += [("utm_source", network), ("utm_medium", "social"), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def campaign(slug: str, kind: str) -> str:
    return f"{CAMPAIGN_PREFIXES[kind]}-{slug}"


@cache
def social_wording(language: str) -> dict[str, str]:
    with (I18N_DIR / f"social_{language}.yml").open(encoding="utf-8") as file:
        wording: dict[str, str] = yaml.safe_load(file)
    return wording


def hashtags(site: Site, profession_keys: list[str], language: str) -> tuple[str, ...]:
    """The site's hashtags in their order, with each profession's after the first one; each
    once (X and Instagram do not tell case apart), and only letters, digits and «_»."""
    tags = [as_hashtag(tag) for tag in site.config.social.hashtags]
    tags[1:1] = [profession_hashtag(site, key, language) for key in profession_keys]
    unique: dict[str, str] = {}
    for tag in tags:
        if tag and not tag.isdigit():
            unique.setdefault(tag.casefold(), tag)
    return tuple(unique.values())


def profession_hashtag(site: Site, key: str, language: str) -> str:
    """#sykepleier (#sjukepleiar in nynorsk): the profession's Norwegian name when it is one
    word (#aktivitør, not #aktivitor), otherwise its key without hyphens (#lege, not
    #registerednurse)."""
    profession = site.professions.get(key)
    name = profession.name_in(language) if profession else ""
    if language != "en" and name and len(name.split()) == 1:
        return as_hashtag(name.lower())
    return key.replace("-", "")


def as_hashtag(text: str) -> str:
    return re.sub(r"\W", "", text.lstrip("#"))


def fitted(drafts: dict[str, Draft], url: str, campaign: str) -> list[SocialText]:
    texts = []
    for network, draft in drafts.items():
        link = "" if network == "instagram" else with_utm(url, network, campaign)
        text = fit(draft, network, link)
        texts.append(SocialText(network, text, measure(network, text), LIMITS[network], link))
    return texts


def measure(network: str, text: str) -> int:
    return x_length(text) if network == "x" else len(text)


def fit(draft: Draft, network: str, url: str) -> str:
    """The draft's text for the network, made shorter step by step until it fits."""
    limit, separator = LIMITS[network], "\n" if network == "x" else "\n\n"

    def fits(candidate: Draft) -> bool:
        return measure(network, candidate.text(url, separator)) <= limit

    draft = replace(draft, hashtags=draft.hashtags[: MAX_HASHTAGS[network]])
    if not fits(draft):
        draft = replace(draft, details=())
    if not fits(draft) and draft.summary:
        summary = shortened(draft.summary, lambda text: fits(replace(draft, summary=text)))
        draft = replace(draft, summary=summary)
    while not fits(draft) and draft.hashtags:
        draft = replace(draft, hashtags=draft.hashtags[:-1])
    while not fits(draft):
        cuttable = [line for line in draft.head if line.cuttable and cut(line.body)]
        if not cuttable:
            break  # nothing left to cut: only a link longer than the limit gets here
        longest = max(cuttable, key=lambda line: len(line.body))
        head = tuple(
            replace(line, body=cut(line.body)) if line is longest else line for line in draft.head
        )
        draft = replace(draft, head=head)
    return draft.text(url, separator)


def shortened(summary: str, fits: Callable[[str], bool]) -> str:
    """The most of the summary that fits: whole sentences, or whole words and «…»; "" when
    less than MIN_SUMMARY characters would be left."""
    sentences = SENTENCE_END.split(summary)
    for count in range(len(sentences) - 1, 0, -1):
        candidate = " ".join(sentences[:count])
        if len(candidate) >= MIN_SUMMARY and fits(candidate):
            return candidate
    words = summary.split()
    for count in range(len(words) - 1, 0, -1):
        candidate = with_ellipsis(" ".join(words[:count]))
        if len(candidate) < MIN_SUMMARY:
            break
        if fits(candidate):
            return candidate
    return ""


def cut(body: str) -> str:
    """The body one word shorter, ending in «…» ("" when it cannot get shorter); a word
    longer than the whole post loses one letter at a time."""
    text = body.removesuffix(ELLIPSIS).rstrip(TRAILING_PUNCTUATION + "«»“”")
    words = text.split()
    if len(words) > 1:
        return with_ellipsis(" ".join(words[:-1]))
    if len(text) > 1:
        return with_ellipsis(text[:-1])
    return ""


def with_ellipsis(text: str) -> str:
    """«…» after the text, and the closing guillemet a cut quotation would lack."""
    text = text.rstrip(TRAILING_PUNCTUATION) + ELLIPSIS
    return text + "»" if text.count("«") > text.count("»") else text


def template_line(template: str, body: str, cuttable: bool = True) -> Line:
    prefix, _, suffix = template.partition("{text}")
    return Line(body, prefix=prefix, suffix=suffix, cuttable=cuttable)


def plain(text: str) -> str:
    """One line of text: YAML block text and Markdown line breaks become single spaces."""
    return " ".join(text.split())


def lowercase_first(text: str) -> str:
    """«Sykepleier» → «sykepleier» in running text; «LIS-lege» keeps its capitals."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text

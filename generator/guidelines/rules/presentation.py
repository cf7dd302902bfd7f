"""JA5xx: presentation. Title and body length (thresholds in data/guidelines/presentation.yml),
images without alt text, and a missing summary."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.diagnostics import Severity
from generator.guidelines.rule import Ad, Finding, RuleDoc, rule

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\](?:\(\s*<?([^)\s>]*)>?[^)]*\)|\[[^\]]*\])")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _whole(number: float) -> str:
    """A threshold as comms staff wrote it: 70, not 70.0."""
    return f"{number:g}"


@rule(
    "JA501",
    "title-length",
    Severity.WARNING,
    RuleDoc(
        title="Tittelen er for lang eller for kort",
        what="Tittelen (`title`) har flere enn 70 eller færre enn 10 tegn. Grensene står i "
        "`data/guidelines/presentation.yml` (`title_max_chars`, `title_min_chars`).",
        why="Tittelen vises i stillingslisten, i søkeresultater (Google viser omtrent 60–70 "
        "tegn) og når annonsen deles i sosiale medier. En lang tittel blir kuttet, så det "
        "viktigste kan forsvinne; en kort tittel som «Sykepleier» sier ikke hvor jobben er.",
        fix="Skriv yrke, eventuelt vakt, og arbeidssted, og flytt resten (stillingsprosent, "
        "varighet, hva dere tilbyr) til ingressen (`summary`).",
        bad="`title: Vi søker engasjerte og faglig dyktige sykepleiere til faste stillinger i "
        "100 % på natt ved Solbakken sykehjem`",
        good="`title: Sykepleier natt – Solbakken sykehjem`",
    ),
)
def title_length(ad: Ad) -> Iterator[Finding]:
    length = len(ad.job.title.strip())
    longest, shortest = ad.threshold("title_max_chars"), ad.threshold("title_min_chars")
    if length > longest:
        yield Finding(
            f"tittelen har {length} tegn; den bør ha høyst {_whole(longest)}, ellers blir den "
            "kuttet i lister, søkeresultater og delinger",
            "skriv yrke og arbeidssted, for eksempel «Sykepleier natt – Solbakken sykehjem», og "
            "flytt resten til ingressen (summary)",
            field="title",
        )
    elif length < shortest:
        yield Finding(
            f"tittelen har bare {length} tegn; den bør ha minst {_whole(shortest)}, så den "
            "sier hva og hvor jobben er",
            "skriv yrke og arbeidssted, for eksempel «Sykepleier natt – Solbakken sykehjem» i "
            "stedet for «Sykepleier»",
            field="title",
        )


@rule(
    "JA502",
    "body-length",
    Severity.WARNING,
    RuleDoc(
        title="Teksten er for kort eller for lang",
        what="Teksten i annonsen (under front matter) har færre enn 150 eller flere enn 700 "
        "ord. Overskrifter og punktlister teller med; bilder, lenkeadresser og Markdown-tegn "
        "gjør det ikke. Grensene står i `data/guidelines/presentation.yml` (`body_min_words`, "
        "`body_max_words`).",
        why="En kort annonse mangler ofte det søkerne veier tyngst: arbeidsoppgaver, fagmiljø, "
        "oppfølging som ny og hva dere tilbyr (T18, JV). En svært lang annonse blir ikke lest "
        "til slutt, og mange søkere leser norsk som andrespråk (O22).",
        fix="For kort: skriv om arbeidsoppgavene, hvem dere ser etter og hva dere tilbyr "
        "(fagmiljø, mentor, videreutdanning). For lang: kort ned, og la sidene om arbeidsstedet "
        "fortelle om kommunen og tjenesten.",
        bad="En annonse med tre setninger: «Vi søker sykepleier. Fast stilling. Søk i dag.»",
        good="En annonse på 300–500 ord med arbeidsoppgaver, «Vi ser etter deg som» og «Vi "
        "tilbyr».",
    ),
)
def body_length(ad: Ad) -> Iterator[Finding]:
    count = len(ad.prose.words)
    most, fewest = ad.threshold("body_max_words"), ad.threshold("body_min_words")
    if count > most:
        yield Finding(
            f"teksten har {count} ord; en annonse bør ha høyst {_whole(most)}, ellers leser få "
            "den til slutt",
            "kort ned: behold arbeidsoppgaver, hvem dere ser etter og hva dere tilbyr, og la "
            "sidene om arbeidsstedet fortelle resten",
            line=ad.job.body_line,
        )
    elif count < fewest:
        yield Finding(
            f"teksten har bare {count} ord; en annonse bør ha minst {_whole(fewest)}, så "
            "søkerne får vite det de lurer på",
            "skriv om arbeidsoppgavene, hvem dere ser etter og hva dere tilbyr (fagmiljø, "
            "mentor, videreutdanning)",
            line=ad.job.body_line,
        )


def _code_blanked(body: str) -> str:
    """The body with fenced code and code spans blanked out (an image shown as code is an
    example, not an image); lengths and line breaks are kept, so offsets still give lines."""
    lines = []
    in_fence = False
    for raw in body.split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            lines.append("")
        else:
            lines.append("" if in_fence else _CODE_SPAN.sub(lambda code: " " * len(code[0]), raw))
    return "\n".join(lines)


def _named(source: str) -> str:
    return f"bildet «{source}»" if source else "et bilde"


def _attribute(pattern: re.Pattern[str], tag: str) -> str | None:
    found = pattern.search(tag)
    return None if found is None else next(value for value in found.groups() if value is not None)


@rule(
    "JA503",
    "image-without-alt",
    Severity.ERROR,
    RuleDoc(
        title="Bilde uten alternativ tekst",
        what="Annonsen har et bilde uten alternativ tekst: `image` i front matter uten "
        "`image_alt`, et Markdown-bilde med tomme klammer (`![](bilde.jpg)`) eller en "
        "`<img>`-tagg uten `alt`.",
        why="Den alternative teksten er det en skjermleser leser opp, og det som vises når "
        "bildet ikke lastes. WCAG 2.1 AA (suksesskriterium 1.1.1), som offentlige nettsteder "
        "må følge, krever tekst for bilder.",
        fix="Skriv én setning om hva bildet viser, slik du ville sagt det til en som ikke ser "
        'det: i `image_alt`, mellom klammene i Markdown eller i `alt="…"`.',
        bad="`![](assets/bilder/nattevakt.jpg)`",
        good="`![To sykepleiere går nattrunden i korridoren på Solbakken]"
        "(assets/bilder/nattevakt.jpg)`",
    ),
)
def image_without_alt(ad: Ad) -> Iterator[Finding]:
    if ad.job.image and not (ad.job.image_alt or "").strip():
        yield Finding(
            f"bildet «{ad.job.image}» har ingen alternativ tekst (image_alt)",
            "skriv hva bildet viser i image_alt, for eksempel «Sykepleier Sofie ved "
            "medisintralla på Solbakken»",
            field="image",
        )
    # The prose drops images, so the body is read here as written.
    body = _code_blanked(ad.job.body)

    def line_of(offset: int) -> int:
        return ad.job.body_line + body.count("\n", 0, offset)

    for image in _MARKDOWN_IMAGE.finditer(body):
        if not image[1].strip():
            source = image[2] or ""  # empty for a reference image, ![][name]
            yield Finding(
                f"{_named(source)} i teksten har ingen alternativ tekst",
                "skriv hva bildet viser mellom klammene: "
                f"![To sykepleiere på nattrunden]({source or '…'})",
                line=line_of(image.start()),
            )
    for tag in _HTML_IMAGE.finditer(body):
        if not (_attribute(_ALT, tag[0]) or "").strip():
            yield Finding(
                f"{_named(_attribute(_SRC, tag[0]) or '')} i teksten (<img>) har ingen "
                "alternativ tekst",
                'skriv hva bildet viser i alt, for eksempel alt="To sykepleiere på nattrunden"',
                line=line_of(tag.start()),
            )


@rule(
    "JA504",
    "missing-summary",
    Severity.WARNING,
    RuleDoc(
        title="Ingress mangler",
        what="Annonsen har ingen ingress (`summary`). Ingressen kan ha inntil 200 tegn; en "
        "lengre ingress er en feil allerede når annonsen leses inn.",
        why="Ingressen vises under tittelen i stillingslisten, i RSS-strømmen og når annonsen "
        "deles i sosiale medier og vises i søkeresultater. Uten den ser søkerne bare "
        "tittelen, eller en tilfeldig bit av teksten.",
        fix="Skriv én eller to setninger om stillingen, arbeidsstedet og det viktigste dere "
        "tilbyr.",
        bad="En annonse uten `summary:` i front matter.",
        good="`summary: Fast 100 % stilling som sykepleier på natt, med mentor det første året.`",
    ),
)
def missing_summary(ad: Ad) -> Iterator[Finding]:
    if not (ad.job.summary or "").strip():
        yield Finding(
            "annonsen har ingen ingress (summary), så lister, feeder og delinger viser bare "
            "tittelen",
            "skriv summary: med én eller to setninger på inntil 200 tegn, for eksempel «Fast "
            "100 % stilling som sykepleier på natt, med mentor det første året.»",
            field="title",
        )

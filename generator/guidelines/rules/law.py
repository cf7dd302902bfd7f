"""JA4xx: the law. Requirements that discriminate (JA401) and personal data an applicant should
not be asked for (JA402). Both read the patterns in data/guidelines/law.yml and look at the
title, the summary and the body."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from generator.diagnostics import Severity
from generator.guidelines.config import TextPattern, any_of
from generator.guidelines.prose import terms_pattern
from generator.guidelines.rule import Ad, Finding, RuleDoc, rule


@dataclass(frozen=True)
class _Text:
    """A piece of the ad to search: a front-matter field, or one sentence of the body."""

    text: str
    field: str = ""
    line: int | None = None


def _texts(ad: Ad) -> Iterator[_Text]:
    """The title and summary (each as one piece, as they are short), then the body's sentences;
    `unless` words count within the same piece."""
    yield _Text(ad.job.title, field="title")
    if ad.job.summary:
        yield _Text(ad.job.summary, field="summary")
    for sentence in ad.prose.sentences:
        yield _Text(sentence.text, line=sentence.line)


@cache
def _unless_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return terms_pattern(words)


def pattern_findings(ad: Ad, patterns: Sequence[TextPattern]) -> Iterator[Finding]:
    """One finding per match of `patterns`, quoting the words as written, unless the same
    piece of text holds one of the pattern's `unless` words. Where matches overlap (the same
    words caught by two patterns) only the first pattern's finding is kept."""
    candidates = any_of(patterns)
    for piece in _texts(ad):
        if candidates is not None and not candidates.search(piece.text):
            continue
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            if pattern.unless and _unless_pattern(tuple(pattern.unless)).search(piece.text):
                continue
            for found in pattern.compiled.finditer(piece.text):
                start, end = found.span()
                if any(start < other_end and other_start < end for other_start, other_end in taken):
                    continue
                taken.append((start, end))
                yield Finding(
                    f"«{found.group(0)}»: {pattern.message}",
                    pattern.hint,
                    field=piece.field,
                    line=piece.line,
                )


@rule(
    "JA401",
    "discriminatory-requirement",
    Severity.ERROR,
    RuleDoc(
        title="Diskriminerende krav",
        what="Annonsen stiller krav eller sier hva dere foretrekker når det gjelder alder "
        "(«under 40 år», «ung og energisk», «unge medarbeidere»), kjønn («mannlig "
        "sykepleier», «menn oppfordres til å søke» uten lovlig grunnlag), nasjonalitet eller "
        "etnisitet («norsk statsborger», «etnisk norsk»), morsmål («norsk som morsmål»), "
        "graviditet og familieplaner, religion og livssyn, seksuell orientering, helse eller "
        "funksjonsnedsettelse («frisk og rask», «god helse») eller politisk syn og "
        "fagforeningsmedlemskap. Regelen leser tittelen, ingressen og teksten, og kjenner igjen "
        "det som bare ligner: «ungdomsskole», «unge brukere», «yngre personer med demens», "
        "«frisk luft», «psykisk helse» og «både kvinner og menn oppfordres til å søke» er i "
        "orden. Mønstrene står i `data/guidelines/law.yml`.",
        why="Likestillings- og diskrimineringsloven (LDO) § 6 forbyr diskriminering på grunn "
        "av kjønn, graviditet, omsorgsoppgaver, etnisitet, religion, livssyn, "
        "funksjonsnedsettelse og seksuell orientering, også i utlysningen (§ 29), og § 30 "
        "forbyr å be om opplysninger om blant annet graviditet, familieplaner, religion, "
        "etnisitet og funksjonsnedsettelse. Arbeidsmiljøloven §§ 13-1 og 13-4 gjelder alder, "
        "politisk syn og medlemskap i fagforening. Et slikt krav stenger ute gode søkere og "
        "kan gi kommunen erstatningsansvar. Det er lov å oppfordre et underrepresentert kjønn "
        "til å søke (LDO § 11, positiv særbehandling); da skal grunnlaget stå i "
        "`positive_action`. Trondheim (T08) ville rekruttere flere menn til omsorgsyrkene; "
        "det er slik det gjøres lovlig.",
        fix="Fjern kravet, og skriv hva søkeren skal kunne i stedet: «gode norskkunnskaper, "
        "muntlig og skriftlig» i stedet for «norsk som morsmål», «Jobben er fysisk aktiv» i "
        "stedet for «god helse». Vil dere oppfordre menn til å søke fordi det er få menn på "
        "avdelingen, skriv grunnlaget i `positive_action`, for eksempel «Bare 3 av 41 ansatte "
        "er menn».",
        bad="Vi søker en ung og energisk sykepleier, helst under 40 år, med norsk som morsmål.",
        good="Vi søker en sykepleier som liker et travelt arbeidsmiljø og har gode "
        "norskkunnskaper, muntlig og skriftlig. Vi ønsker søkere uavhengig av alder, kjønn, "
        "etnisk bakgrunn og funksjonsevne.",
    ),
)
def discriminatory_requirement(ad: Ad) -> Iterator[Finding]:
    patterns = list(ad.patterns("discrimination"))
    # A lawful positive action (LDO § 11) allows inviting one gender; the ad states the ground.
    if not ad.job.positive_action:
        patterns += ad.patterns("gender_preference")
    yield from pattern_findings(ad, patterns)


@rule(
    "JA402",
    "excessive-personal-data",
    Severity.WARNING,
    RuleDoc(
        title="Ber om personopplysninger dere ikke trenger",
        what="Annonsen ber søkeren om bilde, fødselsdato, personnummer, sivilstand eller "
        "familiesituasjon («antall barn»). Regelen leser tittelen, ingressen og teksten; "
        "mønstrene står i `data/guidelines/law.yml`.",
        why="Personvernforordningen (GDPR) artikkel 5 sier at dere bare skal samle inn de "
        "opplysningene dere trenger. For å vurdere en søker trenger dere søknad, CV og "
        "attester. Et bilde og en fødselsdato viser alder, kjønn og etnisitet, som ikke skal "
        "telle (likestillings- og diskrimineringsloven), og personnummer skal bare brukes når "
        "det trengs (personopplysningsloven § 12), altså først ved ansettelse.",
        fix="Fjern ønsket. Trenger dere personnummer eller bilde til adgangskort, ber dere om "
        "det når personen er ansatt.",
        bad="Send søknad og CV med bilde, og oppgi fødselsdato og sivilstand.",
        good="Send søknad og CV. Vitnemål og attester tar du med til intervjuet.",
    ),
)
def excessive_personal_data(ad: Ad) -> Iterator[Finding]:
    yield from pattern_findings(ad, ad.patterns("personal_data"))

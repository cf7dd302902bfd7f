"""JA3xx: plain, inclusive language (Klarspråk, T08, JV).

Every word list, threshold, abbreviation and pattern lives in data/guidelines/language.yml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from generator.diagnostics import Severity
from generator.guidelines.config import TextPattern, any_of
from generator.guidelines.prose import Match, Sentence, terms_pattern
from generator.guidelines.rule import Ad, Finding, RuleDoc, rule

# Björnsson's LIX scale (a reference scale, not a setting): the label of the band a score is in.
LIX_BANDS = (
    (60, "svært vanskelig"),
    (50, "vanskelig"),
    (40, "middels vanskelig"),
    (30, "lett"),
    (float("-inf"), "svært lett"),
)
LONG_WORD_LETTERS = 6  # LIX: a long word has more than six letters
SHOWN_SENTENCES = 2  # JA301's hint names this many of the longest sentences
SHOWN_WORDS = 3  # … and this many of the longest words
BEGINNING_WORDS = 8  # JA302 quotes a long sentence's first words


def _number(value: float, decimals: int = 0) -> str:
    """A number as Norwegian writes it: decimal comma, no needless «,0»."""
    if decimals == 0 or value == int(value):
        return str(round(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"«{text}»" for text in texts)


def _beginning(text: str) -> str:
    words = text.split()
    return " ".join(words[:BEGINNING_WORDS]) + (" …" if len(words) > BEGINNING_WORDS else "")


@rule(
    "JA301",
    "hard-to-read",
    Severity.WARNING,
    RuleDoc(
        title="Teksten er tung å lese",
        what="Regner ut lesbarhetsindeksen LIX for annonseteksten: gjennomsnittlig antall ord per "
        "setning pluss andelen lange ord (over seks bokstaver) i prosent. Et punkt i en liste "
        "teller som en setning. LIX over 50 gir en advarsel, LIX over 40 en info "
        "(tersklene `lix_warning` og `lix_info`). Skalaen: under 30 svært lett, 30–40 lett, "
        "40–50 middels vanskelig, 50–60 vanskelig, over 60 svært vanskelig.",
        why="Klarspråk: en annonse skal kunne leses av alle som kan søke. Mange søkere har norsk "
        "som andrespråk; i Oslo har 51 % av de ansatte i helse og omsorg innvandrerbakgrunn "
        "(O22). Lange setninger og lange ord er det som gjør en tekst tung.",
        fix="Del opp lange setninger, skriv én ting per setning, og bytt lange ord med kortere "
        "der det går. Meldingen nevner de lengste setningene og ordene.",
        bad="«Som sykepleier i hjemmesykepleien vil du inngå i et tverrfaglig fagmiljø med "
        "ansvar for helhetlig oppfølging av brukere med sammensatte behov, herunder "
        "legemiddelhåndtering, sårbehandling og koordinering av tjenestetilbudet.»",
        good="«Du jobber i hjemmesykepleien. Du følger opp brukere som trenger mye hjelp. Du gir "
        "medisiner, steller sår og snakker med fastlegen.»",
    ),
)
def hard_to_read(ad: Ad) -> Iterator[Finding]:
    sentences = ad.prose.sentences
    if not sentences:
        return
    lix = ad.prose.lix()
    warning_above, info_above = ad.threshold("lix_warning"), ad.threshold("lix_info")
    if lix > warning_above:
        severity, target = Severity.WARNING, warning_above
    elif lix > info_above:
        severity, target = Severity.INFO, info_above
    else:
        return
    band = next(label for floor, label in LIX_BANDS if lix > floor)
    words = ad.prose.words
    long_words = [word for word in words if len(word.replace("-", "")) > LONG_WORD_LETTERS]
    longest_sentences = sorted(sentences, key=lambda sentence: -len(sentence.words))
    sentence_list = "; ".join(
        f"linje {sentence.line}: {len(sentence.words)} ord"
        for sentence in longest_sentences[:SHOWN_SENTENCES]
    )
    distinct_long = sorted(
        {word.lower() for word in long_words}, key=lambda word: (-len(word), word)
    )
    word_hint = (
        f", og bruk kortere ord der det går; de lengste er {_quoted(distinct_long[:SHOWN_WORDS])}"
        if distinct_long
        else ""
    )
    yield Finding(
        f"LIX er {_number(lix, 1)}, altså {band} å lese (over {_number(target)}): "
        f"{_number(len(words) / len(sentences), 1)} ord per setning i snitt, og "
        f"{_number(100 * len(long_words) / len(words))} % av ordene har over "
        f"{LONG_WORD_LETTERS} bokstaver",
        f"Sikt mot LIX under {_number(info_above)}: del opp de lengste setningene "
        f"({sentence_list}){word_hint}.",
        line=sentences[0].line,
        severity=severity,
    )


@rule(
    "JA302",
    "long-sentence",
    Severity.INFO,
    RuleDoc(
        title="Lang setning",
        what="Melder hver setning i annonseteksten som har flere enn 30 ord (terskelen "
        "`long_sentence_words`). Et punkt i en liste og en overskrift teller som en setning.",
        why="Klarspråk: lange setninger er det som oftest gjør en tekst vanskelig, særlig for "
        "dem som leser norsk som andrespråk (O22).",
        fix="Del setningen i to eller tre. Skriv én ting per setning, og bruk punktliste når du "
        "ramser opp.",
        bad="«I prosjektet skal du kartlegge hvilke hjelpemidler og hvilken velferdsteknologi som "
        "passer for hver enkelt bruker, lære opp brukere, pårørende og kolleger i "
        "hjemmetjenesten, og samle erfaringer som kommunen kan bruke i alle tjenestene når "
        "prosjektet er over.»",
        good="«Du finner ut hvilke hjelpemidler som passer for hver bruker. Du lærer opp "
        "brukere, pårørende og kolleger. Og du samler erfaringer som hele kommunen kan bruke.»",
    ),
)
def long_sentence(ad: Ad) -> Iterator[Finding]:
    limit = ad.threshold("long_sentence_words")
    for sentence in ad.prose.sentences:
        count = len(sentence.words)
        if count > limit:
            yield Finding(
                f"Setningen har {count} ord: «{_beginning(sentence.text)}»",
                f"Del den opp i setninger på under {_number(limit)} ord, med én ting per setning.",
                line=sentence.line,
            )


@cache
def _single_term(term: str) -> re.Pattern[str]:
    return terms_pattern([term])


def _coded_words(ad: Ad, list_name: str) -> list[Match]:
    """The first use of each word in list `list_name`, in text order: a coded word counts once
    however often the ad repeats it, so an ad that describes its work as «samarbeid» three times
    does not weigh more than one that says it once."""
    terms = ad.word_lists()[list_name]
    first_by_term: dict[str, Match] = {}
    for found in ad.prose.find(ad.words(list_name)):
        term = next((t for t in terms if _single_term(t).fullmatch(found.text)), found.text)
        first_by_term.setdefault(term.lower(), Match(found.text.lower(), found.line))
    return list(first_by_term.values())


@rule(
    "JA303",
    "gender-coded-language",
    Severity.WARNING,
    RuleDoc(
        title="Kjønnskodet språk",
        what="Teller ord i annonseteksten som forskning har vist at leses som maskuline "
        "(«analytisk», «handlekraftig», «konkurranse») eller feminine («omsorgsfull», «blid», "
        "«samarbeid»). Regelen slår ut når den ene siden har minst 3 flere ulike ord enn den "
        "andre (terskelen `gender_margin`), og nevner ordene. Hvert ord teller én gang. Listene "
        "`gender_masculine` og `gender_feminine` bygger på Gaucher, Friesen og Kay (2011), "
        "BI-studien NRK omtalte i 2018, og rådene fra FINN og Difi, med nynorske former. En "
        "annonse på engelsk leses med de engelske originallistene fra gender-decoder "
        "(«ambitious», «decisive», «competitive»; «supportive», «warm», «understanding»).",
        why="Ord som er kodet for det ene kjønnet, får færre av det andre til å søke, selv om de "
        "er kvalifisert (Gaucher mfl. 2011). T08 sier at det er særlig viktig å rekruttere menn "
        "til omsorgsyrkene, og kommunen skal rekruttere alle. Marginen gjør at en vanlig annonse "
        "fra omsorg ikke slår ut bare fordi den beskriver jobben.",
        fix="Beskriv oppgavene og hva dere tilbyr, i stedet for hvilke egenskaper søkeren skal "
        "ha. Bytt noen av de kodede ordene med nøytrale ord, eller balanser dem.",
        bad="«Vi søker en omsorgsfull, blid og empatisk sykepleier som er hyggelig mot alle.»",
        good="«Du hjelper beboerne med stell og måltider, og du snakker med de pårørende.»",
    ),
)
def gender_coded_language(ad: Ad) -> Iterator[Finding]:
    masculine = _coded_words(ad, "gender_masculine")
    feminine = _coded_words(ad, "gender_feminine")
    difference = len(feminine) - len(masculine)
    if abs(difference) < ad.threshold("gender_margin"):
        return
    if difference > 0:
        more, fewer = feminine, masculine
        more_name, fewer_name, deterred = "feminint", "maskulint", "menn"
        example = (
            "«du hjelper beboerne med stell og måltider» i stedet for «du er omsorgsfull og blid»"
        )
    else:
        more, fewer = masculine, feminine
        more_name, fewer_name, deterred = "maskulint", "feminint", "kvinner"
        example = (
            "«du planlegger arbeidet på vakten» i stedet for «du er handlekraftig og "
            "resultatorientert»"
        )
    fewer_words = f": {_quoted([word.text for word in fewer])}" if fewer else ""
    yield Finding(
        f"Teksten har {len(more)} {more_name} kodede ord ({_quoted([w.text for w in more])}) "
        f"og {len(fewer)} {fewer_name} kodede{fewer_words}. Det kan gjøre at færre {deterred} "
        "søker",
        f"Beskriv oppgavene i stedet for egenskapene til søkeren, for eksempel {example}.",
        line=min(word.line for word in more),
    )


def _first_in_front_matter(ad: Ad, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(field, the words found) for the title and the summary, where `pattern` occurs."""
    for field, text in (("title", ad.job.title), ("summary", ad.job.summary or "")):
        found = pattern.search(text)
        if found:
            yield field, found.group(0)


@rule(
    "JA304",
    "gendered-title",
    Severity.WARNING,
    RuleDoc(
        title="Kjønnet stillingstittel",
        what="Finner kjønnede stillingstitler i tittelen, ingressen og annonseteksten, for "
        "eksempel «sykepleierske», «pleierske», «helsesøster», «husmor» og «formann» (mønstrene "
        "`gendered_titles`). «Jordmor» meldes ikke, fordi det er den lovfestede tittelen, og "
        "heller ikke «vaktmester». En annonse på engelsk leses med de engelske mønstrene "
        "(«male nurse», «chairman», «cleaning lady»).",
        why="Likestillings- og diskrimineringsloven forbyr å lyse ut en stilling for bare det ene "
        "kjønnet, og en kjønnet tittel sier nettopp det. T08: det er særlig viktig å rekruttere "
        "menn til omsorgsyrkene.",
        fix="Bruk den kjønnsnøytrale tittelen, som er den autorisasjonen har: «sykepleier», "
        "«helsesykepleier», «hjelpepleier», «leder».",
        bad="«Vi søker sykepleierske til nattevakt.»",
        good="«Vi søker sykepleier til nattevakt.»",
    ),
)
def gendered_title(ad: Ad) -> Iterator[Finding]:
    for title in ad.patterns("gendered_titles"):
        for field, text in _first_in_front_matter(ad, title.compiled):
            yield Finding(f"«{text}» {title.message}", title.hint, field=field)
        found = ad.prose.find(title.compiled)
        if found:
            yield Finding(f"«{found[0].text}» {title.message}", title.hint, line=found[0].line)


def _abbreviation_pattern(abbreviation: str) -> re.Pattern[str]:
    """The abbreviation as written, in capitals, with or without an ending or a number
    («BPA-en», «LIS1», «NEWS2»), but not inside a longer word («ALSO»)."""
    return re.compile(rf"(?<![^\W_]){re.escape(abbreviation)}(?![^\W\d_])")


def _long_form_pattern(long_form: str) -> re.Pattern[str]:
    """The long form with any ending and punctuation between its words: «kommunale akutte
    døgnplasser» also finds «kommunal akutt døgnplass», «helse, miljø og sikkerhet» also
    «helse-, miljø- og sikkerhetsarbeid»."""
    stems = [word[:-2] if len(word) > 5 else word for word in re.findall(r"[^\W\d_]+", long_form)]
    body = r"[\W_]+".join(re.escape(stem) + r"[^\W\d_]*" for stem in stems)
    return re.compile(rf"(?<![^\W\d_]){body}", re.IGNORECASE)


@rule(
    "JA305",
    "unexplained-abbreviation",
    Severity.INFO,
    RuleDoc(
        title="Forkortelse uten forklaring",
        what="Finner kjente forkortelser (listen `abbreviations`, for eksempel BPA, IPLOS, HTV, "
        "AKS, KS) som står i annonsen uten at det de står for, står et sted i den samme "
        "annonsen (teksten, tittelen, ingressen eller bunnteksten). Forkortelsen må være "
        "skrevet med store bokstaver; ordet «kols» er ikke en forkortelse. En annonse på "
        "engelsk forklarer den på engelsk («user-controlled personal assistance (BPA)»).",
        why="Klarspråk: forkortelser som er hverdagsspråk for de ansatte, er ukjente for "
        "nyutdannede, for dem som kommer fra en annen sektor, og for dem som har norsk som "
        "andrespråk.",
        fix="Skriv det fullt ut første gang, med forkortelsen i parentes. Etterpå kan du bruke "
        "forkortelsen.",
        bad="«Du jobber med BPA og dokumenterer i EPJ.»",
        good="«Du jobber med brukerstyrt personlig assistanse (BPA) og dokumenterer i "
        "elektronisk pasientjournal (EPJ).»",
    ),
)
def unexplained_abbreviation(ad: Ad) -> Iterator[Finding]:
    whole_ad = "\n".join((ad.prose.text, ad.job.title, ad.job.summary or "", ad.footer.text))
    for abbreviation, long_form in ad.abbreviations.items():
        pattern = _abbreviation_pattern(abbreviation)
        if not pattern.search(whole_ad) or _long_form_pattern(long_form).search(whole_ad):
            continue
        message = f"Forkortelsen «{abbreviation}» er ikke forklart i annonsen"
        hint = f"Skriv det fullt ut første gang: «{long_form} ({abbreviation})»."
        found = ad.prose.find(pattern)
        if found:
            yield Finding(message, hint, line=found[0].line)
        else:
            field, _ = next(_first_in_front_matter(ad, pattern), ("", ""))
            if field:
                yield Finding(message, hint, field=field)


@rule(
    "JA306",
    "impersonal-address",
    Severity.INFO,
    RuleDoc(
        title="Teksten snakker ikke til søkeren",
        what="Melder annonser der teksten aldri snakker direkte til leseren med «du», «deg», "
        "«din», «ditt» eller «dine» (listen `reader_address`, også nynorsk). En annonse på "
        "engelsk leses med den engelske listen («you», «your»).",
        why="Klarspråk: en tekst som snakker til leseren, er lettere å lese og lettere å kjenne "
        "seg igjen i. «Den som ansettes» og «søker må» gjør setningene lange og avstanden stor.",
        fix="Skriv til søkeren: «du får», «vi ser etter deg som», «du jobber sammen med».",
        bad="«Den som ansettes, vil få mentor det første året. Søker må ha autorisasjon.»",
        good="«Du får mentor det første året. Du har autorisasjon som sykepleier.»",
    ),
)
def impersonal_address(ad: Ad) -> Iterator[Finding]:
    sentences = ad.prose.sentences
    if not sentences or ad.prose.find(ad.words("reader_address")):
        return
    # The first words of the list, in the ad's language: «du» or «deg», «you» or «your».
    examples = " eller ".join(
        f"«{word.rstrip('*')}»" for word in ad.word_lists()["reader_address"][:2]
    )
    yield Finding(
        f"Teksten snakker aldri til søkeren: {examples} står ingen steder",
        "Skriv til søkeren, for eksempel «Du får mentor det første året» i stedet for «Den som "
        "ansettes, får mentor».",
        line=sentences[0].line,
    )


@cache
def _unless_pattern(unless: tuple[str, ...]) -> re.Pattern[str]:
    return terms_pattern(unless)


def _innocent(pattern: TextPattern, sentence: Sentence) -> bool:
    """True if a word in the pattern's `unless` list is in the same sentence."""
    return bool(pattern.unless) and bool(
        _unless_pattern(tuple(pattern.unless)).search(sentence.text)
    )


@rule(
    "JA307",
    "cliche-or-pressure",
    Severity.INFO,
    RuleDoc(
        title="Klisjé eller pressord",
        what="Finner klisjeer og ord som legger press på søkeren, for eksempel «selvgående», "
        "«stå-på-vilje», «tåle press», «rockestjerne», «dynamisk» og «høyt tempo» (mønstrene "
        "`cliches`). «Fleksibel» og «robust» meldes bare som krav til søkeren («du er "
        "fleksibel», «robuste medarbeidere»), ikke som tilbud («fleksibel arbeidstid», «robust "
        "fagmiljø»). Hvert uttrykk meldes én gang. En annonse på engelsk leses med de "
        "engelske mønstrene («self-starter», «rockstar», «work well under pressure»).",
        why="Klisjeer sier lite om jobben, og pressord skremmer bort nyutdannede og dem som "
        "vurderer å bytte jobb. Det som tiltrekker søkere, er et godt fagmiljø, opplæring og "
        "oppfølging (JV, Fafo 2016).",
        fix="Skriv hva jobben faktisk er, og hva dere tilbyr: hvordan en vakt ser ut, hvem "
        "søkeren jobber sammen med, og hvordan dere tar imot nye.",
        bad="«Vi søker en selvgående sykepleier med stå-på-vilje som tåler press.»",
        good="«Du jobber sammen med to helsefagarbeidere, og du har alltid en lege du kan "
        "ringe. De første tre ukene går du sammen med en erfaren sykepleier.»",
    ),
)
def cliche_or_pressure(ad: Ad) -> Iterator[Finding]:
    cliches = ad.patterns("cliches")
    candidates = any_of(cliches)
    reported: set[tuple[int, str]] = set()
    for sentence in ad.prose.sentences:
        if candidates is not None and not candidates.search(sentence.text):
            continue
        found_here = sorted(
            (found.start(), index, " ".join(found.group(0).split()))
            for index, cliche in enumerate(cliches)
            if not _innocent(cliche, sentence)
            for found in cliche.compiled.finditer(sentence.text)
        )
        for _, index, phrase in found_here:  # in reading order
            if (index, phrase.lower()) not in reported:
                reported.add((index, phrase.lower()))
                cliche = cliches[index]
                yield Finding(f"«{phrase}» {cliche.message}", cliche.hint, line=sentence.line)

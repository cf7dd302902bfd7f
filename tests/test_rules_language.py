"""JA301–JA307: plain, inclusive language, on real ads run through the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic, Severity
from tests.conftest import MINIMAL_CONFIG
from tests.guideline_helpers import BASE_AD, ad_file, body_line, check_ad, codes

# An ordinary, well-written ad body: speaks to the reader, short sentences, caring words that
# describe the job, a diversity statement, an explained abbreviation, an offer of flexibility.
PLAIN_AD = """\
På Solbakken bor 64 beboere i fire avdelinger. Vi gir omsorg og trygghet i hverdagen, og vi
samarbeider tett med de pårørende.

## Arbeidsoppgaver

- Du har ansvar for sykepleien til en fast gruppe beboere.
- Du går runder og ser til dem som er syke.
- Du samarbeider med lege, fysioterapeut og helsefagarbeidere.
- Du dokumenterer i elektronisk pasientjournal (EPJ).

## Vi tilbyr

- et robust fagmiljø med fagdager hver måned.
- fleksibel arbeidstid og støtte til videreutdanning.
- et inkluderende arbeidsmiljø. Vi oppfordrer alle til å søke, uavhengig av alder og kjønn.
"""


def findings_of(tmp_path: Path, body: str, code: str, **kwargs: Any) -> list[Diagnostic]:
    found = check_ad(tmp_path, body, select=(code,), **kwargs)
    assert set(codes(found)) <= {code}, [f.format() for f in found]
    return found


def front_matter_line(changes: dict[str, Any], body: str, field: str) -> int:
    text = ad_file({**BASE_AD, **changes}, body)
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{field}:"))


def line_of(body: str, snippet: str, changes: dict[str, Any] | None = None) -> int:
    return body_line({**BASE_AD, **(changes or {})}, body, snippet)


def test_a_plain_ad_passes_every_language_rule(tmp_path: Path) -> None:
    found = check_ad(tmp_path, PLAIN_AD, select=tuple(f"JA30{n}" for n in range(1, 8)))
    assert found == [], [f.format() for f in found]


# JA301 hard-to-read -------------------------------------------------------------------------

HARD = """\
Som sykepleier i hjemmesykepleien vil den som ansettes inngå i et tverrfaglig fagmiljø med
ansvar for helhetlig oppfølging av brukere med sammensatte behov.
Stillingen innebærer legemiddelhåndtering, sårbehandling, koordinering av tjenestetilbudet og
systematisk kvalitetsforbedring i samhandling med spesialisthelsetjenesten.
"""  # LIX 69.9
RATHER_HARD = """\
Du blir en del av hjemmesykepleien i sentrum, der vi hjelper eldre og syke som bor hjemme og
trenger oppfølging.
Du har ansvar for legemidler, sårbehandling og oppfølging av brukere med sammensatte behov.
Du samarbeider med fastleger, fysioterapeuter og pårørende om individuelle løsninger.
"""  # LIX 51.5
MEDIUM = """\

Du blir en del av hjemmesykepleien i sentrum, der vi hjelper eldre og syke som bor hjemme.
Du har ansvar for medisiner, sårbehandling og oppfølging av brukere med sammensatte behov.
Du samarbeider med fastleger, fysioterapeuter og pårørende om gode løsninger.
"""  # LIX 45.8, after an empty first line
EASY = """\
Du jobber i hjemmesykepleien. Du hjelper folk som bor hjemme.
Du gir medisiner og steller sår. Du får mentor det første året.
Vi har god tid til hver bruker, og du kjører bil mellom dem.
"""  # LIX 18.4


@pytest.mark.parametrize(
    ("body", "severity", "message", "first_text"),
    [
        (HARD, Severity.WARNING, "LIX er 69,9, altså svært vanskelig å lese (over 50)", "Som"),
        (RATHER_HARD, Severity.WARNING, "LIX er 51,5, altså vanskelig å lese", "Du blir"),
        (MEDIUM, Severity.INFO, "LIX er 45,8, altså middels vanskelig å lese (over 40)", "Du blir"),
    ],
)
def test_ja301_fires_on_hard_text(
    tmp_path: Path, body: str, severity: Severity, message: str, first_text: str
) -> None:
    [finding] = findings_of(tmp_path, body, "JA301")
    assert finding.severity == severity
    assert finding.message.startswith(message)
    assert finding.line == line_of(body, first_text)
    assert "del opp de lengste setningene (linje" in finding.hint


def test_ja301_hint_names_the_longest_sentence_and_words(tmp_path: Path) -> None:
    [finding] = findings_of(tmp_path, HARD, "JA301")
    assert f"linje {line_of(HARD, 'Som sykepleier')}: 23 ord" in finding.hint
    assert "«spesialisthelsetjenesten»" in finding.hint
    assert "ord per setning i snitt" in finding.message


@pytest.mark.parametrize("body", [EASY, PLAIN_AD, ""])
def test_ja301_passes_easy_text(tmp_path: Path, body: str) -> None:
    assert findings_of(tmp_path, body, "JA301") == []


def test_ja301_thresholds_are_configurable(tmp_path: Path) -> None:
    site_file = {"data/guidelines.yml": "thresholds: {lix_warning: 15, lix_info: 10}\n"}
    [finding] = findings_of(tmp_path, EASY, "JA301", files=site_file)
    assert finding.severity == Severity.WARNING
    assert "svært lett å lese (over 15)" in finding.message


def test_ja301_a_configured_severity_wins_over_the_band(tmp_path: Path) -> None:
    site_file = {"data/guidelines.yml": "rules: {JA301: warning}\n"}
    [finding] = findings_of(tmp_path, MEDIUM, "JA301", files=site_file)
    assert finding.severity == Severity.WARNING


# JA302 long-sentence ------------------------------------------------------------------------

LONG_SENTENCE = (
    "I prosjektet skal du kartlegge hvilke hjelpemidler og hvilken velferdsteknologi som passer "
    "for hver enkelt bruker, lære opp brukere, pårørende og kolleger i hjemmetjenesten, og samle "
    "erfaringer som kommunen kan bruke."
)  # 31 words
THIRTY_WORDS = (
    "I prosjektet skal du kartlegge hvilke hjelpemidler og hvilken velferdsteknologi som passer "
    "for hver enkelt bruker, lære opp brukere, pårørende og kolleger i hjemmetjenesten, og samle "
    "erfaringer kommunen kan bruke."
)  # 30 words


@pytest.mark.parametrize(
    "body",
    [
        # In a paragraph, after a short sentence on the line above.
        f"Mange eldre vil bo hjemme.\n{LONG_SENTENCE}\n",
        # Twice in a list: each list item is a sentence, each is reported with its own line.
        f"## Oppgaver\n\n- {LONG_SENTENCE}\n- Du skriver rapporter.\n- {LONG_SENTENCE}\n",
    ],
)
def test_ja302_reports_each_long_sentence(tmp_path: Path, body: str) -> None:
    found = findings_of(tmp_path, body, "JA302")
    text = ad_file(BASE_AD, body).splitlines()
    assert [f.line for f in found] == [n for n, line in enumerate(text, 1) if "I prosj" in line]
    for finding in found:
        assert finding.message == (
            "Setningen har 31 ord: «I prosjektet skal du kartlegge hvilke hjelpemidler og …»"
        )
        assert "under 30 ord" in finding.hint


@pytest.mark.parametrize(
    "body",
    [
        f"{THIRTY_WORDS}\n",  # exactly at the limit
        # Two short sentences on one line, and a list where each item is a sentence of its own.
        "Du kjører bil mellom brukerne, og du har god tid. Vi har tjenestebil og parkering.\n\n"
        + "\n".join(f"- du får {word} hver uke" for word in ("veiledning", "fagmøte", "kurs"))
        + "\n",
        PLAIN_AD,
    ],
)
def test_ja302_passes_short_sentences(tmp_path: Path, body: str) -> None:
    assert findings_of(tmp_path, body, "JA302") == []


# JA303 gender-coded-language ----------------------------------------------------------------

FEMININE = """\
Hjemmetjenesten Sentrum hjelper folk som vil bo hjemme.

Vi søker en omsorgsfull, blid og empatisk sykepleier som er hyggelig mot alle.
"""
MASCULINE = """\
Legevakten er åpen hele døgnet.

Vi søker en analytisk og ambisiøs lege som er handlekraftig og har gjennomslagskraft.
Vi tilbyr konkurransedyktig lønn.
"""


@pytest.mark.parametrize(
    ("body", "snippet", "message"),
    [
        (
            FEMININE,
            "Vi søker",
            "Teksten har 4 feminint kodede ord («omsorgsfull», «blid», «empatisk», «hyggelig») "
            "og 0 maskulint kodede. Det kan gjøre at færre menn søker",
        ),
        (
            MASCULINE,
            "Vi søker",
            "Teksten har 5 maskulint kodede ord («analytisk», «ambisiøs», «handlekraftig», "
            "«gjennomslagskraft», «konkurransedyktig») og 0 feminint kodede. Det kan gjøre at "
            "færre kvinner søker",
        ),
        (
            # Counts each word once; the minority side is listed too.
            "Du er selvstendig.\n\nDu er omsorgsfull, blid, varm og omsorgsfull, og du "
            "samarbeider godt.\n",
            "Du er omsorgsfull",
            "Teksten har 4 feminint kodede ord («omsorgsfull», «blid», «varm», «samarbeider») "
            "og 1 maskulint kodede: «selvstendig». Det kan gjøre at færre menn søker",
        ),
    ],
)
def test_ja303_fires_when_one_side_outweighs(
    tmp_path: Path, body: str, snippet: str, message: str
) -> None:
    [finding] = findings_of(tmp_path, body, "JA303")
    assert finding.message == message
    assert finding.line == line_of(body, snippet)
    assert finding.hint.startswith("Beskriv oppgavene i stedet for egenskapene")


@pytest.mark.parametrize(
    "body",
    [
        # A caring ad describing the job: omsorg, trygghet, samarbeid (repeated), inkluderende,
        # «helse- og omsorgstjenesten», «uavhengig av alder», «støtte», «ansvar», «sammen».
        PLAIN_AD
        + "\nDu samarbeider med hjemmetjenesten. Samarbeid med de pårørende er viktig for oss.\n"
        + "Du følger reglene i helse- og omsorgstjenesteloven, og du jobber sammen med en "
        + "fast kollega.\n",
        # Two coded words more on one side is within the margin.
        "Du er omsorgsfull og blid, og du liker å jobbe i turnus.\n",
        # Balanced: four on each side.
        "Vi søker en analytisk, ambisiøs, tydelig og selvstendig sykepleier som er omsorgsfull, "
        "blid, hyggelig og empatisk.\n",
        # «leder» as a title, «individuell plan», «beslutninger» as a task are not coded.
        "Du rapporterer til avdelingsleder, lager individuell plan og tar beslutninger om "
        "behandling sammen med legen.\n",
    ],
)
def test_ja303_passes_ordinary_or_balanced_text(tmp_path: Path, body: str) -> None:
    assert findings_of(tmp_path, body, "JA303") == []


def test_ja303_margin_is_configurable(tmp_path: Path) -> None:
    site_file = {"data/guidelines.yml": "thresholds: {gender_margin: 2}\n"}
    body = "Du er omsorgsfull og blid, og du liker å jobbe i turnus.\n"
    [finding] = findings_of(tmp_path, body, "JA303", files=site_file)
    assert "2 feminint kodede ord («omsorgsfull», «blid»)" in finding.message


# JA304 gendered-title -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "changes", "where", "message", "hint"),
    [
        (
            "Vi søker en sykepleierske til nattevakt.\n\nSykepleierska har ansvar for huset.\n",
            {},
            "Vi søker",
            "«sykepleierske» er en kjønnet tittel; autorisasjonen og stillingen heter «…pleier»",
            "sykepleier",
        ),
        (
            "Du jobber sammen med to hjelpepleiersker og en sykepleier.\n",
            {},
            "to hjelpepleiersker",
            "«hjelpepleiersker» er en kjønnet tittel",
            "hjelpepleier",
        ),
        (
            "Du jobber i skolehelsetjenesten.\n",
            {"title": "Helsesøster i skolehelsetjenesten"},
            "title",
            "«Helsesøster» er en kjønnet tittel; den har hett «helsesykepleier» siden 2019",
            "Skriv «helsesykepleier».",
        ),
        (
            "Du leder arbeidet på kjøkkenet.\n",
            {"summary": "Fast stilling som husmor ved Solbakken, med ansvar for kjøkkenet."},
            "summary",
            "«husmor» er en kjønnet tittel",
            "husøkonom",
        ),
        (
            "Formannen i driftsavdelingen tar imot deg første dag.\n",
            {},
            "Formannen",
            "«Formannen» er en kjønnet tittel",
            "Skriv «leder» eller «arbeidsleder».",
        ),
    ],
)
def test_ja304_fires_on_gendered_titles(
    tmp_path: Path,
    body: str,
    changes: dict[str, Any],
    where: str,
    message: str,
    hint: str,
) -> None:
    [finding] = findings_of(tmp_path, body, "JA304", changes=changes)
    assert finding.message.startswith(message)
    assert hint in finding.hint
    if where in ("title", "summary"):
        assert (finding.field, finding.line) == (where, front_matter_line(changes, body, where))
    else:
        assert finding.line == line_of(body, where, changes)


@pytest.mark.parametrize(
    ("body", "changes"),
    [
        # «Jordmor» is the legal title, «vaktmester» the standard one.
        (
            "Du jobber sammen med jordmødre og en vaktmester.\n",
            {"title": "Jordmor til helsestasjonen"},
        ),
        # «formannskapet» is the municipal board; «fagmannsmessig» is not a title.
        ("Formannskapet har vedtatt en ny turnus. Arbeidet blir gjort fagmannsmessig.\n", {}),
        ("Du jobber som sykepleier, helsesykepleier eller hjelpepleier.\n", {}),
    ],
)
def test_ja304_passes_neutral_and_legal_titles(
    tmp_path: Path, body: str, changes: dict[str, Any]
) -> None:
    assert findings_of(tmp_path, body, "JA304", changes=changes) == []


# JA305 unexplained-abbreviation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "changes", "expected"),
    [
        (
            "Vi har tre brukere med BPA.\n\nDu skriver i EPJ. BPA-ordningen er ny.\n",
            {},
            [
                ("BPA", "Vi har tre", "brukerstyrt personlig assistanse (BPA)"),
                ("EPJ", "Du skriver", "elektronisk pasientjournal (EPJ)"),
            ],
        ),
        (
            "Du bruker NEWS2 og har kurs i KOLS-behandling. Vi har LIS1-leger.\n",
            {},
            [
                ("KOLS", "Du bruker", "kronisk obstruktiv lungesykdom (KOLS)"),
                ("LIS", "Du bruker", "lege i spesialisering (LIS)"),
                ("NEWS", "Du bruker", "National Early Warning Score (NEWS)"),
            ],
        ),
        (
            "Du får god opplæring.\n",
            {"title": "Koordinator for BPA"},
            [("BPA", "title", "brukerstyrt personlig assistanse (BPA)")],
        ),
    ],
)
def test_ja305_fires_on_unexplained_abbreviations(
    tmp_path: Path, body: str, changes: dict[str, Any], expected: list[tuple[str, str, str]]
) -> None:
    found = findings_of(tmp_path, body, "JA305", changes=changes)
    assert sorted(f.message for f in found) == [
        f"Forkortelsen «{abbreviation}» er ikke forklart i annonsen"
        for abbreviation, _, _ in expected
    ]
    by_message = {f.message: f for f in found}
    for abbreviation, where, long_form in expected:
        finding = by_message[f"Forkortelsen «{abbreviation}» er ikke forklart i annonsen"]
        assert finding.hint == f"Skriv det fullt ut første gang: «{long_form}»."
        if where == "title":
            assert (finding.field, finding.line) == (
                "title",
                front_matter_line(changes, body, "title"),
            )
        else:
            assert finding.line == line_of(body, where, changes)


FOOTER_SITE_CONFIG = MINIMAL_CONFIG + (
    "ad_footer: Lønn etter avtale mellom Kommunesektorens organisasjon (KS) og forbundene.\n"
)


@pytest.mark.parametrize(
    ("body", "changes", "files"),
    [
        # Explained in the text, inflected differently from the list («kommunal akutt døgnplass»).
        ("Vi har brukerstyrt personlig assistanse (BPA). Les mer om BPA her.\n", {}, {}),
        ("Vi har en kommunal akutt døgnplass (KAD). KAD er åpen hele døgnet.\n", {}, {}),
        # Explained with other punctuation, or only in the summary.
        ("Du er med i HMS-gruppen og har ansvar for helse-, miljø- og sikkerhetsarbeid.\n", {}, {}),
        (
            "Du følger opp brukere med BPA.\n",
            {"summary": "Fast stilling som koordinator for brukerstyrt personlig assistanse."},
            {},
        ),
        # Explained in the site-wide ad footer.
        (
            "Lønn etter tariff mellom KS og forbundene.\n",
            {},
            {"site_config.yml": FOOTER_SITE_CONFIG},
        ),
        # Not an abbreviation: the word «kols», capitals inside a word, an unlisted one.
        ("Mange av beboerne har kols. Vi følger ALSO-prinsippene. NAV hjelper deg.\n", {}, {}),
    ],
)
def test_ja305_passes_explained_abbreviations(
    tmp_path: Path, body: str, changes: dict[str, Any], files: dict[str, str]
) -> None:
    assert findings_of(tmp_path, body, "JA305", changes=changes, files=files) == []


# JA306 impersonal-address -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "first_text"),
    [
        ("Den som ansettes, får mentor det første året.\n\nSøker må ha autorisasjon.\n", "Den som"),
        # «deres» is «their» here; «dusj» and «dusør» are not «du».
        (
            "\n## Om stillingen\n\nBeboerne og deres pårørende får hjelp til dusj og stell. "
            "Det gis ingen dusør.\n",
            "## Om stillingen",
        ),
    ],
)
def test_ja306_fires_when_the_reader_is_never_addressed(
    tmp_path: Path, body: str, first_text: str
) -> None:
    [finding] = findings_of(tmp_path, body, "JA306")
    assert (
        finding.message == "Teksten snakker aldri til søkeren: «du» eller «deg» står ingen steder"
    )
    assert finding.line == line_of(body, first_text)
    assert "«Du får mentor det første året»" in finding.hint


@pytest.mark.parametrize(
    "body",
    [
        "## Vi ser etter deg som\n\n- er sykepleier med autorisasjon.\n",
        "Som sykepleiar hos oss får Du god opplæring.\n",  # nynorsk, and a capital D
        "Beboerne setter pris på kollegene dine.\n",
        "",  # no text at all: JA502 reports that
    ],
)
def test_ja306_passes_when_the_text_says_du(tmp_path: Path, body: str) -> None:
    assert findings_of(tmp_path, body, "JA306") == []


# JA307 cliche-or-pressure -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Vi søker en selvgående sykepleier med stå-på-vilje.\n\n"
            "Du må tåle press i en hektisk hverdag. Du er selvgående.\n",
            [
                ("«selvgående» sier at søkeren må klare seg alene", "Vi søker"),
                ("«stå-på-vilje» er en klisjé", "Vi søker"),
                ("«tåle press» sier at jobben er presset", "Du må tåle"),
                ("«hektisk» beskriver press", "Du må tåle"),
            ],
        ),
        (
            "Vi søker robuste medarbeidere til en dynamisk arbeidsplass med høyt tempo.\n\n"
            "Du er positiv, blid og fleksibel.\n\nDu må være fleksibel med arbeidstid.\n",
            [
                ("«robuste medarbeidere» sier at jobben er tung", "Vi søker"),
                ("«dynamisk» er et moteord", "Vi søker"),
                ("«høyt tempo» beskriver press", "Vi søker"),
                ("«Du er positiv, blid og fleksibel» er et vagt krav", "Du er positiv"),
                ("«Du må være fleksibel» er et vagt krav", "Du må være"),
            ],
        ),
        (
            "## Vi ser etter deg som\n\n- er fleksibel og løsningsorientert.\n\n"
            "Den rette kandidaten er robust.\n",
            [
                ("«er fleksibel» er et vagt krav", "- er fleksibel"),
                ("«løsningsorientert» er et moteord", "- er fleksibel"),
                ("«kandidaten er robust» sier at jobben er tung", "Den rette"),
            ],
        ),
        (
            "Brenner du for eldreomsorg? Er du trygg og robust? Vi søker en rockestjerne.\n",
            [
                ("«Brenner du for» er en klisjé", "Brenner"),
                ("«Er du trygg og robust» sier at jobben er tung", "Brenner"),
                ("«rockestjerne» er en klisjé", "Brenner"),
            ],
        ),
    ],
)
def test_ja307_fires_once_per_phrase(
    tmp_path: Path, body: str, expected: list[tuple[str, str]]
) -> None:
    found = findings_of(tmp_path, body, "JA307")
    assert len(found) == len(expected), [f.format() for f in found]
    for message, where in expected:
        [finding] = [f for f in found if f.message.startswith(message)]
        assert finding.line == line_of(body, where)
        assert finding.hint


@pytest.mark.parametrize(
    "body",
    [
        PLAIN_AD,
        # Offers, not demands: flexible hours, a robust team, flexible rotas.
        "Du er sikret fleksibel arbeidstid. Du blir en del av et robust fagmiljø.\n\n"
        "Vi er fleksible og tilbyr fleksible turnusordninger. Vi har en robust bemanning.\n\n"
        "Vi har en turnus som er fleksibel. Du er med på å lage en fleksibel turnus.\n",
        # Describing the work plainly, and «stå på» in its ordinary sense.
        "Pasientene skifter ofte, så du får bruke hele faget ditt. Navnet ditt står på døra.\n",
    ],
)
def test_ja307_passes_offers_and_plain_descriptions(tmp_path: Path, body: str) -> None:
    assert findings_of(tmp_path, body, "JA307") == []


def test_ja307_unless_words_make_a_match_innocent(tmp_path: Path) -> None:
    site_file = {
        "data/guidelines.yml": (
            "patterns:\n  cliches:\n    - pattern: 'travel'\n      message: er en klisjé\n"
            "      unless: [sommer*]\n"
        )
    }
    body = "Sommeren er travel. Hverdagen er travel.\n"
    [finding] = findings_of(tmp_path, body, "JA307", files=site_file)
    assert finding.message == "«travel» er en klisjé"

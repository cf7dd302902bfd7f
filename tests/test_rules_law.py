"""JA401–JA402, the law: each rule on ads that must fire and ads that must not (the traps: the
people we care for, diversity statements, «frisk luft», a language level), through the real
pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.guidelines import RULES
from tests.guideline_helpers import BASE_AD, ad_file, body_line, check_ad

INTRO = "På Solbakken bor 40 beboere med demens.\n\n"
OUTRO = "\n\nVi har et godt fagmiljø og mentor for nyansatte.\n"


def body_with(sentence: str) -> str:
    """A short ad body with `sentence` as a paragraph of its own, on the ad's fifth body line."""
    return INTRO + "## Vi ser etter deg som\n\n" + sentence + OUTRO


def line_of(sentence: str, changes: dict[str, Any] | None = None) -> int:
    return body_line({**BASE_AD, **(changes or {})}, body_with(sentence), sentence)


def field_line(key: str, changes: dict[str, Any] | None = None) -> int:
    lines = ad_file({**BASE_AD, **(changes or {})}, "").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.startswith(key + ":"))


# (the sentence, the words the finding quotes, a part of the message naming ground and law)
JA401_FIRES = [
    ("Du er under 40 år og har fagbrev.", "under 40 år", "alder (arbeidsmiljøloven § 13-1)"),
    ("Søkere må være maks 35 år.", "maks 35 år", "aldersgrense"),
    ("Søkere bør ikke være eldre enn 45.", "ikke være eldre enn", "alder"),
    ("Du er i alderen 25–40 år.", "i alderen 25–40", "alder"),
    ("Du er mellom 25 og 40 år.", "mellom 25 og 40 år", "alder"),
    ("Du er ung og har fagbrev.", "Du er ung", "alder"),
    ("Vi søker en ung og energisk sykepleier.", "ung og energisk", "alder"),
    ("Vi søker en ung sykepleier.", "søker en ung", "alder"),
    ("Er du ung og sprek?", "ung og sprek", "alder"),
    ("Vi har mange unge medarbeidere og vil ha flere.", "unge medarbeidere", "alder"),
    ("Vi ønsker flere unge medarbeidere.", "ønsker flere unge", "alder"),
    ("Avdelingen søker yngre sykepleier.", "søker yngre", "alder"),
    ("Vi trenger yngre krefter i teamet.", "trenger yngre", "alder"),
    ("Du blir en del av et ungt og dynamisk miljø.", "ungt og dynamisk miljø", "alder"),
    ("Vi søker mannlig sykepleier til nattevakt.", "mannlig sykepleier", "kjønn"),
    ("Kvinnelige søkere foretrekkes.", "Kvinnelige søkere", "positive_action"),
    ("Menn oppfordres til å søke.", "Menn oppfordres", "kjønn (likestillings-"),
    ("Stillingen passer helst for en kvinne.", "helst for en kvinne", "kjønn"),
    ("Du må være norsk statsborger.", "norsk statsborger", "etnisitet"),
    ("Søkere må være norske statsborgere.", "norske statsborgere", "etnisitet"),
    ("Du er etnisk norsk.", "etnisk norsk", "etnisitet"),
    ("Du har skandinavisk bakgrunn.", "skandinavisk bakgrunn", "etnisitet"),
    ("Du har norsk som morsmål.", "norsk som morsmål", "etnisitet"),
    ("Morsmål: norsk.", "Morsmål: norsk", "språknivå"),
    ("Du snakker norsk uten aksent.", "uten aksent", "etnisitet"),
    ("Du er født og oppvokst i Norge.", "født og oppvokst i Norge", "etnisitet"),
    ("Du er ikke gravid når du begynner.", "gravid", "graviditet"),
    ("Du har ingen planer om barn de neste årene.", "planer om barn", "familieplaner"),
    ("Du planlegger ikke familie.", "planlegger ikke familie", "familieplaner"),
    ("Du er aktiv kristen.", "Du er aktiv kristen", "religion"),
    ("Du må dele vårt livssyn.", "dele vårt livssyn", "livssyn"),
    ("Du er heterofil.", "Du er heterofil", "seksuell orientering"),
    ("Du er frisk og rask.", "frisk og rask", "funksjonsnedsettelse"),
    ("Du har god helse.", "god helse", "funksjonsnedsettelse"),
    ("Du har ingen helseplager.", "ingen helseplager", "funksjonsnedsettelse"),
    ("Du må være frisk.", "Du må være frisk", "funksjonsnedsettelse"),
    ("Du er ikke fagorganisert.", "ikke fagorganisert", "arbeidstakerorganisasjon"),
    ("Du er medlem av partiet.", "medlem av partiet", "politisk syn"),
    ("Oppgi ditt politiske ståsted i søknaden.", "politiske ståsted", "politisk syn"),
]

JA401_PASSES = [
    "Du har jobbet som assistent på en ungdomsskole.",
    "Vi jobber mye med ungdom og unge voksne.",
    "Du gir tjenester til unge brukere med rusproblemer.",
    "Du møter unge pasienter og unge beboere hver dag.",
    "Barn og unge er en viktig gruppe for oss.",
    "Avdelingen er for yngre personer med demens.",
    "Vi søker å gi yngre personer med demens en god hverdag.",
    "Du får mye frisk luft på tur med beboerne.",
    "Du kan lede friskliv-gruppen.",
    "Du har erfaring fra psykisk helse og rus.",
    "Helse og omsorg har 800 ansatte.",
    "Du er helsefagarbeider med fagbrev.",
    "Vi fremmer god helse i befolkningen.",
    "Du hjelper brukerne til god psykisk helse.",
    "Vi tilbyr trening i arbeidstiden for god helse.",
    "Vi ønsker søkere uavhengig av alder, kjønn, etnisk bakgrunn og funksjonsevne.",
    "Både kvinner og menn oppfordres til å søke.",
    "Kvinner og menn oppfordres til å søke.",
    "Vi ønsker en mann eller kvinne med fagbrev.",
    "Vi søker mannlige og kvinnelige helsefagarbeidere.",
    "Vi har få menn i teamet.",
    "Du snakker og skriver norsk på B2-nivå.",
    "Du har gode norskkunnskaper, muntlig og skriftlig.",
    "Er du ikke norsk statsborger, hjelper vi deg med arbeidstillatelse.",
    "Vi ønsker søkere med norsk eller utenlandsk bakgrunn.",
    "Du er ung i yrket eller nyutdannet.",
    "Vi har drevet sykehjemmet i over 40 år.",
    "Du må ha fylt 18 år.",
    "Brukerne i bofellesskapet er under 67 år.",
    "Vi har et eget kursopplegg for unge sykepleiere: kurs for unge sykepleiere.",
    "Er du gravid, tilrettelegger vi arbeidet.",
    "Jordmoren følger opp hver gravid kvinne.",
    "Du deler vår tro på at alle kan mestre hverdagen.",
    "Vi ønsker søkere uavhengig av seksuell orientering og politisk syn.",
    "Funksjonsnedsettelse er ingen hindring hos oss.",
    "Du må være strukturert og organisert.",
    "Som medlem av Fagforbundet får du rabatt på kurs.",
    "Du møter både unge og eldre i jobben.",
    "Ring Kristen Olsen om du har spørsmål.",
    "Du hjelper beboerne med planer for dagen.",
]


@pytest.mark.parametrize(("sentence", "words", "ground"), JA401_FIRES)
def test_ja401_fires(tmp_path: Path, sentence: str, words: str, ground: str) -> None:
    findings = check_ad(tmp_path, body_with(sentence), select=("JA401",))
    assert [(f.code, f.line) for f in findings] == [("JA401", line_of(sentence))]
    assert findings[0].message.startswith(f"«{words}»: ")
    assert ground in findings[0].message
    assert "§" in findings[0].message and findings[0].hint
    assert findings[0].severity == "error"


@pytest.mark.parametrize("sentence", JA401_PASSES)
def test_ja401_passes(tmp_path: Path, sentence: str) -> None:
    assert check_ad(tmp_path, body_with(sentence), select=("JA401",)) == []


def test_ja401_mother_tongue_hint_asks_for_a_level(tmp_path: Path) -> None:
    sentence = "Du har norsk som morsmål."
    (finding,) = check_ad(tmp_path, body_with(sentence), select=("JA401",))
    assert "«gode norskkunnskaper, muntlig og skriftlig»" in finding.hint
    assert "i stedet for «norsk som morsmål»" in finding.hint


def test_ja401_positive_action_allows_inviting_one_gender(tmp_path: Path) -> None:
    sentence = "Vi har få menn i teamet, og vi oppfordrer derfor menn spesielt til å søke."
    without = check_ad(tmp_path, body_with(sentence), select=("JA401",))
    assert [(f.line, f.message.split(":")[0]) for f in without] == [
        (line_of(sentence), "«oppfordrer derfor menn»")
    ]
    assert "positive_action" in without[0].message + without[0].hint
    changes = {"positive_action": "Bare 3 av 41 ansatte på avdelingen er menn."}
    assert check_ad(tmp_path, body_with(sentence), select=("JA401",), changes=changes) == []


def test_ja401_positive_action_does_not_allow_other_grounds(tmp_path: Path) -> None:
    sentence = "Menn under 40 år oppfordres til å søke."
    changes = {"positive_action": "Bare 3 av 41 ansatte på avdelingen er menn."}
    findings = check_ad(tmp_path, body_with(sentence), select=("JA401",), changes=changes)
    assert [f.message.split(":")[0] for f in findings] == ["«under 40 år»"]


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("title", "Ung og energisk sykepleier til Solbakken", "Ung og energisk"),
        ("title", "Mannlig helsefagarbeider – Solbakken", "Mannlig helsefagarbeider"),
        ("summary", "Fast stilling for deg med norsk som morsmål.", "norsk som morsmål"),
    ],
)
def test_ja401_reads_title_and_summary(tmp_path: Path, key: str, value: str, words: str) -> None:
    body = body_with("Du liker å jobbe i team.")
    findings = check_ad(tmp_path, body, select=("JA401",), changes={key: value})
    assert [(f.field, f.line) for f in findings] == [(key, field_line(key, {key: value}))]
    assert findings[0].message.startswith(f"«{words}»: ")


def test_ja401_overlapping_patterns_give_one_finding(tmp_path: Path) -> None:
    # «ungt og dynamisk miljø» is caught by two age patterns; comms staff see it once.
    sentence = "Vi har et ungt og dynamisk miljø."
    findings = check_ad(tmp_path, body_with(sentence), select=("JA401",))
    assert len(findings) == 1


def test_ja401_reports_each_requirement_on_its_line(tmp_path: Path) -> None:
    first, second = "Du er under 40 år.", "Du er frisk og rask."
    body = INTRO + f"- {first}\n- har fagbrev.\n- {second}\n" + OUTRO
    findings = check_ad(tmp_path, body, select=("JA401",))
    assert [(f.line, f.message.split(":")[0]) for f in findings] == [
        (body_line(BASE_AD, body, first), "«under 40 år»"),
        (body_line(BASE_AD, body, second), "«frisk og rask»"),
    ]


JA402_FIRES = [
    ("Legg ved et bilde av deg selv.", "bilde", "bilde"),
    ("Send CV med bilde til oss.", "CV med bilde", "bilde"),
    ("Legg gjerne ved et bilde.", "Legg gjerne ved et bilde", "bilde"),
    ("Oppgi fødselsdato i søknaden.", "fødselsdato", "fødselsdato"),
    ("Skriv personnummer i søknaden.", "personnummer", "personnummer"),
    ("Oppgi fødselsnummer.", "fødselsnummer", "personnummer"),
    ("Skriv personnummeret ditt øverst.", "personnummeret", "personnummer"),
    ("Skriv sivilstand i søknaden.", "sivilstand", "sivilstand"),
    ("Er du gift eller samboer?", "Er du gift", "sivilstand"),
    ("Oppgi antall barn.", "antall barn", "familiesituasjon"),
    ("Fortell om familiesituasjonen din.", "familiesituasjonen", "familiesituasjon"),
]

JA402_PASSES = [
    "Se bilder fra avdelingen på nettsiden vår.",
    "Bildet viser Solbakken om vinteren.",
    "Du trenger personnummer og skattekort ved ansettelse.",
    "Vi tar bilde til adgangskortet når du er ansatt.",
    "Vi tar hensyn til familiesituasjonen din når vi lager turnus.",
    "Du passer på at ingen får gift eller feil medisin.",
    "Jordmoren følger opp fødsel og barsel.",
    "Du hjelper beboerne å holde kontakt med familien.",
]


@pytest.mark.parametrize(("sentence", "words", "subject"), JA402_FIRES)
def test_ja402_fires(tmp_path: Path, sentence: str, words: str, subject: str) -> None:
    findings = check_ad(tmp_path, body_with(sentence), select=("JA402",))
    assert [(f.code, f.line) for f in findings] == [("JA402", line_of(sentence))]
    assert words in findings[0].message.split(":")[0]
    assert subject in findings[0].message and findings[0].hint
    assert findings[0].severity == "warning"


@pytest.mark.parametrize("sentence", JA402_PASSES)
def test_ja402_passes(tmp_path: Path, sentence: str) -> None:
    assert check_ad(tmp_path, body_with(sentence), select=("JA402",)) == []


def test_ja402_reports_each_request_in_a_sentence(tmp_path: Path) -> None:
    sentence = "Legg ved bilde av deg selv og personnummeret ditt i søknaden."
    findings = check_ad(tmp_path, body_with(sentence), select=("JA402",))
    assert [(f.line, f.message.split(":")[0]) for f in findings] == [
        (line_of(sentence), "«Legg ved bilde»"),
        (line_of(sentence), "«personnummeret»"),
    ]


def test_ja402_reads_the_summary(tmp_path: Path) -> None:
    changes = {"summary": "Fast stilling. Send søknad og CV med bilde."}
    findings = check_ad(
        tmp_path, body_with("Du liker å jobbe i team."), select=("JA402",), changes=changes
    )
    assert [(f.field, f.line) for f in findings] == [("summary", field_line("summary", changes))]


def test_a_site_may_replace_the_patterns(tmp_path: Path) -> None:
    """The patterns are data: a site's own list replaces the default one."""
    guidelines = (
        "patterns:\n"
        "  personal_data:\n"
        "    - pattern: '\\bskonummer\\b'\n"
        "      message: annonsen ber om skonummer\n"
    )
    body = body_with("Oppgi skonummer og fødselsdato.")
    findings = check_ad(
        tmp_path, body, select=("JA402",), files={"data/guidelines.yml": guidelines}
    )
    assert [f.message for f in findings] == ["«skonummer»: annonsen ber om skonummer"]


@pytest.mark.parametrize("code", ["JA401", "JA402"])
def test_rules_are_documented(code: str) -> None:
    doc = RULES[code].doc
    assert all([doc.title, doc.what, doc.why, doc.fix, doc.bad, doc.good])

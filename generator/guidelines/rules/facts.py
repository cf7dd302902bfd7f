"""JA101–JA109: the facts an applicant needs before applying (deadline, contact, position
size and permanence, pay, where to apply, the public list of applicants), and a standing ad
that nobody closes.

Most of these rules report a front-matter field that is missing. A missing field has no line
of its own, so the finding points at the title line (the top of the front matter) and names
the field in the message; a field written without a value (`deadline:`) is reported on its
own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import get_args

from generator.diagnostics import Severity
from generator.guidelines.rule import BOKMAL, Ad, Finding, RuleDoc, opening_label, rule
from generator.models.fields import Contact
from generator.models.job import ON_CALL, EmploymentType

# A pay figure in the salary text: «kr 575 000», «600 000 kr», «600 000,-», «575 000»,
# «215 i timen». A bare small number is not pay («100 % stilling», «1. mars»), so it needs
# «kr»/«kroner» or a time unit beside it, or thousands grouped with a space or a point.
SALARY_FIGURE = re.compile(
    r"\bkr\.?\s*\d"
    r"|\d[\d\s.,]*(?:kr\b|kroner\b|nok\b|,-)"
    r"|\b\d{1,3}(?:[\s.]\d{3})+\b"
    r"|\b\d+\s*(?:i|per|pr\.?)\s*(?:timen|time|året|år|måneden|måned)\b",
    re.IGNORECASE,
)


def _field_or_title(ad: Ad, field: str) -> str:
    """`field` when the author wrote it (so it has a line), else the title line."""
    return field if field in ad.job.model_fields_set else "title"


def _date(value: date) -> str:
    return BOKMAL.date(value)


def _days(count: int) -> str:
    return "1 dag" if count == 1 else f"{count} dager"


def _application_window(ad: Ad) -> int:
    return int(ad.threshold("application_window_days"))


@rule(
    "JA101",
    "missing-deadline",
    Severity.ERROR,
    RuleDoc(
        title="Søknadsfrist mangler",
        what="Annonsen har ingen søknadsfrist (feltet `deadline`). En annonse med "
        "`deadline: fortløpende` har en frist: dere ansetter etter hvert som søknadene kommer.",
        why="Søkerne må vite hvor lang tid de har. Fristen styrer også nedtellingen på "
        "nettstedet, når annonsen flyttes til arkivet, og Google for Jobs bruker den "
        "(`validThrough`) til å ta annonsen ut når den går ut (GJP).",
        fix="Legg til `deadline:` med en dato, minst 14 dager etter publiseringsdatoen. "
        "Ansetter dere fortløpende (ekstravakter, vikarpool), skriv `deadline: fortløpende` og "
        "sett `visible_until` til den siste dagen annonsen skal stå ute (se JA109).",
        bad="`published: 2026-11-01` og ingen `deadline`",
        good="`published: 2026-11-01` og `deadline: 2026-11-22`",
    ),
)
def missing_deadline(ad: Ad) -> Iterator[Finding]:
    if ad.job.deadline is None:
        earliest = ad.job.published + timedelta(days=_application_window(ad))
        yield Finding(
            "annonsen har ingen søknadsfrist (feltet deadline)",
            f"legg til for eksempel «deadline: {earliest.isoformat()}», minst "
            f"{_days(_application_window(ad))} etter publiseringsdatoen, eller «deadline: "
            "fortløpende» hvis dere ansetter etter hvert som søknadene kommer",
            field=_field_or_title(ad, "deadline"),
        )


@rule(
    "JA102",
    "short-application-window",
    Severity.WARNING,
    RuleDoc(
        title="Kort søknadsfrist",
        what="Det er færre enn 14 dager fra publiseringsdatoen (`published`) til søknadsfristen "
        "(`deadline`). Antallet dager kan endres i `data/guidelines/facts.yml` "
        "(`application_window_days`). En annonse med fortløpende frist sjekkes ikke.",
        why="Mange som jobber turnus, ser annonsen først etter en runde med kvelds-, natt- og "
        "helgevakter. En kort frist gjør at gode søkere ikke rekker å søke, og at stillingen "
        "må lyses ut på nytt.",
        fix="Flytt fristen så søkerne får minst 14 dager, eller publiser annonsen tidligere.",
        bad="`published: 2026-11-10` og `deadline: 2026-11-17` (7 dager)",
        good="`published: 2026-11-10` og `deadline: 2026-11-24` (14 dager)",
    ),
)
def short_application_window(ad: Ad) -> Iterator[Finding]:
    deadline, published = ad.job.deadline_date, ad.job.published
    minimum = _application_window(ad)
    if deadline is None:
        return
    days = (deadline - published).days
    # A deadline before the publishing date is already a site error; say it once.
    if 0 <= days < minimum:
        after = "samme dag som" if days == 0 else f"bare {_days(days)} etter"
        yield Finding(
            f"søknadsfristen {_date(deadline)} er {after} publiseringsdatoen "
            f"{_date(published)}; søkerne bør få minst {_days(minimum)}",
            f"flytt fristen til {_date(published + timedelta(days=minimum))} eller senere, "
            "så de som jobber turnus rekker å søke",
            field="deadline",
        )


def _missing_contact_parts(contact: Contact) -> dict[str, str]:
    """What a contact lacks, in words and as the fields to write."""
    missing = {} if contact.name else {"navn": "name:"}
    if not (contact.phone or contact.email):
        missing["telefon eller e-post"] = "phone: eller email:"
    return missing


@rule(
    "JA103",
    "missing-contact",
    Severity.ERROR,
    RuleDoc(
        title="Kontaktperson mangler",
        what="Annonsen har ingen kontaktperson med både navn og telefon eller e-post "
        "(feltet `contacts`).",
        why="Mange søkere ringer før de søker, for å høre om turnus, fagmiljø og hva stillingen "
        "faktisk innebærer. Uten et navn og et nummer eller en adresse har de ingen å spørre, "
        "og mange lar være å søke.",
        fix="Legg inn minst én kontaktperson med navn og telefon eller e-post, helst lederen "
        "som ansetter.",
        bad="`contacts: [{name: Kari Nordmann, title: Avdelingsleder}]`",
        good='`contacts: [{name: Kari Nordmann, title: Avdelingsleder, phone: "+47 912 34 567"}]`',
    ),
)
def missing_contact(ad: Ad) -> Iterator[Finding]:
    contacts = ad.job.contacts
    if any(not _missing_contact_parts(contact) for contact in contacts):
        return
    example = "name: Kari Nordmann og phone: «+47 912 34 567»"
    unit_contact = ad.unit.contact if ad.unit else None
    if unit_contact and unit_contact.name and not _missing_contact_parts(unit_contact):
        example = f"arbeidsstedets kontaktperson i data/units.yml, {unit_contact.name}"
    if not contacts:
        yield Finding(
            "annonsen har ingen kontaktperson (feltet contacts), så søkerne har ingen å spørre",
            f"legg til en kontaktperson med navn og telefon eller e-post, for eksempel {example}",
            field=_field_or_title(ad, "contacts"),
        )
        return
    # Several incomplete contacts: each is reported, and none of them can be reached.
    others = ", og ingen av de andre har både navn og telefon eller e-post"
    for index, contact in enumerate(contacts):
        who = f"kontaktperson {index + 1}" + (f" ({contact.name})" if contact.name else "")
        missing = _missing_contact_parts(contact)
        yield Finding(
            f"{who} mangler {' og '.join(missing)}" + (others if len(contacts) > 1 else ""),
            f"skriv inn {' og '.join(missing.values())} for {who}",
            field=f"contacts.{index}",
        )


@rule(
    "JA104",
    "missing-employment-terms",
    Severity.ERROR,
    RuleDoc(
        title="Stillingsprosent eller ansettelsesform mangler",
        what="Annonsen sier ikke hvor stor stillingen er (`position_percent`) eller om den er "
        "fast eller midlertidig (`employment_type`). Har annonsen flere ulike stillinger "
        "(`openings`), må hver av dem ha en stillingsprosent (`percent`) og en ansettelsesform "
        "(sin egen eller annonsens). En annonse for tilkallingsvikarer (`employment_type: "
        "tilkallingsvikar`, ekstravakter) har ingen stillingsprosent, så da spør regelen bare "
        "etter ansettelsesformen.",
        why="Hele, faste stillinger er det søkerne legger mest vekt på, og kommunene har som "
        "mål at de fleste stillinger skal være det (heltidskultur, B22 og O22). Står det ikke "
        "i annonsen, tror søkeren gjerne det verste.",
        fix="Skriv stillingsprosenten (en liste hvis det er flere stillinger) og "
        "ansettelsesformen. Er stillingene ulike, skriv `percent` og `employment_type` for hver "
        "av dem under `openings`.",
        bad="`employment_type: fast` uten `position_percent`",
        good="`position_percent: [100, 75]` og `employment_type: fast`",
    ),
)
def missing_employment_terms(ad: Ad) -> Iterator[Finding]:
    kinds = ", ".join(get_args(EmploymentType))
    job = ad.job
    if not job.openings:
        if job.position_percent is None and job.employment_type != ON_CALL:
            yield Finding(
                "annonsen sier ikke hvor stor stillingen er (feltet position_percent)",
                "skriv for eksempel «position_percent: 100», eller en liste når det er flere "
                "stillinger: «position_percent: [100, 75]»",
                field=_field_or_title(ad, "position_percent"),
            )
        if job.employment_type is None:
            yield Finding(
                "annonsen sier ikke om stillingen er fast eller midlertidig (feltet "
                "employment_type)",
                f"skriv «employment_type:» med en av disse: {kinds}",
                field=_field_or_title(ad, "employment_type"),
            )
        return
    for opening in job.resolved_openings:
        where = opening.field_prefix
        if not opening.sizes and not opening.is_on_call:
            yield Finding(
                f"{opening_label(opening)} sier ikke hvor stor stillingen er (feltet percent)",
                "skriv for eksempel «percent: 100» for denne stillingen under openings; er "
                "det ekstravakter uten fast stillingsprosent, skriv «employment_type: "
                "tilkallingsvikar»",
                field=f"{where}percent",
            )
        if opening.employment_type is None:
            yield Finding(
                f"{opening_label(opening)} sier ikke om stillingen er fast eller midlertidig "
                "(feltet employment_type)",
                "skriv «employment_type:» for denne stillingen under openings, eller for hele "
                f"annonsen, med en av disse: {kinds}",
                field=f"{where}employment_type",
            )


@rule(
    "JA105",
    "missing-salary",
    Severity.WARNING,
    RuleDoc(
        title="Lønn mangler eller er uklar",
        what="Annonsen har ikke noe lønnsfelt (`salary`), eller lønnsfeltet sier bare "
        "«etter avtale» eller «konkurransedyktig» uten et beløp, et lønnstrinn eller en "
        "tariff. Ordlistene står i `data/guidelines/facts.yml` (`salary_vague` og "
        "`salary_concrete`, og de engelske under `languages: en:`).",
        why="Lønn er en av de viktigste grunnene til at unge sykepleiere velger "
        "spesialisthelsetjenesten framfor kommunen (T18). Et tall eller en tariff viser at "
        "kommunen har noe å tilby; «etter avtale» får mange til å tro at lønnen er lav.",
        fix="Skriv et beløp («fra kr 575 000 i året»), et lønnstrinn eller hvilken tariff "
        "lønnen følger, gjerne med tilleggene for kveld, natt og helg.",
        bad="`salary: Lønn etter avtale.`",
        good="`salary: Fra kr 575 000 i året etter tariff, med tillegg for kveld og helg.`",
    ),
)
def missing_salary(ad: Ad) -> Iterator[Finding]:
    salary = (ad.job.salary or "").strip()
    example = "«salary: Fra kr 575 000 i året etter tariff.»"
    if not salary:
        yield Finding(
            "annonsen sier ikke noe om lønn (feltet salary)",
            f"skriv et beløp, et lønnstrinn eller tariffen, for eksempel {example}",
            field=_field_or_title(ad, "salary"),
        )
        return
    vague = list(
        dict.fromkeys(found.group(0) for found in ad.words("salary_vague").finditer(salary))
    )
    if not vague or SALARY_FIGURE.search(salary) or ad.words("salary_concrete").search(salary):
        return
    quoted = " og ".join(f"«{words}»" for words in vague)
    yield Finding(
        f"lønnen står bare som {quoted}, uten beløp, lønnstrinn eller tariff",
        f"skriv for eksempel «Fra kr 575 000 i året etter tariff» eller lønnstrinnet i stedet "
        f"for {quoted}",
        field="salary",
    )


@rule(
    "JA106",
    "missing-apply-route",
    Severity.ERROR,
    RuleDoc(
        title="Søknadsvei mangler",
        what="Annonsen har verken en lenke til søknadsskjemaet (`apply_url`, https) eller en "
        "e-postadresse for søknader (`apply_email`).",
        why="Uten en søknadsvei får annonsen ingen «Søk på stillingen»-knapp, og søkeren må "
        "lete etter hvordan hun eller han skal søke.",
        fix="Legg inn lenken til stillingen i rekrutteringssystemet, eller en e-postadresse "
        "som tar imot søknader.",
        bad="ingen `apply_url` og ingen `apply_email`",
        good="`apply_url: https://kommune.easycruit.com/vacancy/318402`",
    ),
)
def missing_apply_route(ad: Ad) -> Iterator[Finding]:
    if ad.job.apply_url is None and ad.job.apply_email is None:
        field = _field_or_title(ad, "apply_url")
        if field == "title":
            field = _field_or_title(ad, "apply_email")
        yield Finding(
            "annonsen sier ikke hvor man søker: verken lenke til søknadsskjemaet (apply_url) "
            "eller e-postadresse for søknader (apply_email)",
            "legg til «apply_url: https://…» med lenken til stillingen i rekrutteringssystemet, "
            "eller «apply_email:» med adressen som tar imot søknader",
            field=field,
        )


@rule(
    "JA107",
    "expired",
    Severity.ERROR,
    RuleDoc(
        title="Søknadsfristen er ute",
        what="Søknadsfristen (`deadline`) er før datoen nettstedet bygges. For en annonse med "
        "fortløpende frist gjelder den siste dagen den skal stå ute (`visible_until`).",
        why="En utløpt annonse tas ut av stillingslistene, feedene og Google for Jobs (GJP: "
        "utløpte annonser skal fjernes), og siden dens sier «Stillingen er ikke lenger "
        "ledig». Sjekken sier fra, så ingen tror at annonsen fortsatt er ute.",
        fix="Er stillingen fortsatt ledig, sett en ny frist (eller en ny `visible_until`). Hvis "
        "ikke, kan annonsen bli stående som arkivside, så gamle lenker fortsatt virker.",
        bad="`deadline: 2026-11-10` når nettstedet bygges 23. november 2026",
        good="`deadline: 2026-12-08` når nettstedet bygges 23. november 2026",
    ),
)
def expired(ad: Ad) -> Iterator[Finding]:
    today = date.fromisoformat(ad.today_iso)
    last_day = ad.job.last_listed_day
    if last_day is None or ad.job.is_open(today):
        return
    archived = "annonsen er arkivert og vises ikke lenger i stillingslisten"
    if ad.job.is_standing:
        yield Finding(
            f"annonsen med fortløpende frist skulle stå ute til {_date(last_day)} "
            f"(visible_until), og byggedatoen er {_date(today)}: {archived}",
            "ansetter dere fortsatt, sett en ny dato i visible_until; ellers kan annonsen bli "
            "stående som arkivside («Stillingen er ikke lenger ledig»)",
            field="visible_until",
        )
        return
    yield Finding(
        f"søknadsfristen {_date(last_day)} er ute (byggedato {_date(today)}): {archived}",
        "er stillingen fortsatt ledig, sett en ny frist i deadline; ellers kan annonsen "
        "bli stående som arkivside («Stillingen er ikke lenger ledig»)",
        field="deadline",
    )


def _has_public_records_notice(ad: Ad) -> bool:
    """The ad or the footer under it explains the public list of applicants: it names the
    Act (or «unntatt fra offentlighet»), or a sentence speaks of the applicant list being
    public. «offentlig» alone («en offentlig arbeidsgiver») is not enough. Each is read with
    the word lists of its language (an English ad carries the site's Norwegian footer)."""
    for prose, language in ((ad.prose, ad.language), (ad.footer, ad.footer_language)):
        notice = ad.words("public_records_notice", language)
        applicant_list = ad.words("public_records_applicant_list", language)
        made_public = ad.words("public_records_made_public", language)
        if any(
            notice.search(sentence.text)
            or (applicant_list.search(sentence.text) and made_public.search(sentence.text))
            for sentence in prose.sentences
        ):
            return True
    return False


@rule(
    "JA108",
    "missing-public-records-notice",
    Severity.ERROR,
    RuleDoc(
        title="Forklaring om offentlig søkerliste mangler",
        what="Verken annonsen eller bunnteksten som står under annonsene (`ad_footer` i "
        "`site_config.yml`, eller arbeidsgiverens egen i `data/employers.yml`) forteller at "
        "opplysninger om søkeren kan bli gjort offentlige, selv om søkeren har bedt om å ikke "
        "stå på den offentlige søkerlisten. Regelen gjelder bare arbeidsgivere med offentlig "
        "søkerliste: kommuner, fylkeskommuner og staten, og andre som har "
        "`public_applicant_list: true` i `data/employers.yml`. Uttrykkene regelen ser etter, "
        "står i `data/guidelines/facts.yml`, de engelske under `languages: en:`.",
        why="Søkerlisten i en kommune er offentlig. Søkeren kan be om å bli holdt utenfor, "
        "men kommunen kan si nei, og da skal søkeren få vite det på forhånd "
        "(offentleglova § 25 femte ledd). Mange i jobb vil ikke at arbeidsgiveren skal se at "
        "de søker, så de må vite dette før de søker. For en privat eller ideell arbeidsgiver "
        "gjelder ikke offentleglova, og da skal annonsen heller ikke love en offentlig liste.",
        fix="Skriv det én gang i `ad_footer` i `site_config.yml` (eller i arbeidsgiverens "
        "`ad_footer` i `data/employers.yml`), så gjelder det alle annonsene, eller i selve "
        "annonsen.",
        bad="«Vi er en offentlig arbeidsgiver med gode ordninger.» (og ingenting om søkerlisten)",
        good="«Etter offentleglova § 25 kan opplysninger om deg bli gjort offentlige, selv om "
        "du har bedt om å bli unntatt fra den offentlige søkerlisten.»",
    ),
)
def missing_public_records_notice(ad: Ad) -> Iterator[Finding]:
    if not ad.employer.has_public_applicant_list or _has_public_records_notice(ad):
        return
    yield Finding(
        f"verken annonsen eller bunnteksten ({ad.footer_place}) forteller at "
        "opplysninger om søkeren kan bli offentlige, selv om søkeren ber om å ikke stå på "
        "den offentlige søkerlisten (offentleglova § 25)",
        f"skriv det helst i {ad.footer_place}, så står det under alle annonsene: "
        "«Etter offentleglova § 25 kan opplysninger om deg bli gjort offentlige, selv om "
        "du har bedt om å bli unntatt fra den offentlige søkerlisten. Da får du beskjed "
        "først.»",
        line=ad.job.body_line,
    )


def _standing_ad_days(ad: Ad) -> int:
    return int(ad.threshold("standing_ad_days"))


@rule(
    "JA109",
    "standing-ad-without-end",
    Severity.WARNING,
    RuleDoc(
        title="Annonse med fortløpende frist uten sluttdato",
        what="Annonsen har fortløpende søknadsfrist (`deadline: fortløpende`), men ingen dag "
        "den skal tas ned (`visible_until`), og den ble publisert (`published`) for mer enn "
        "60 dager siden. Antallet dager kan endres i `data/guidelines/facts.yml` "
        "(`standing_ad_days`).",
        why="En annonse med fortløpende frist blir stående i stillingslisten, i feedene og hos "
        "NAV til noen tar den ned. Søkere som svarer på en annonse ingen lenger følger med på, "
        "hører aldri noe tilbake, og en gammel dato på en ledig stilling gjør at søkerne "
        "lurer på om den fortsatt er ledig.",
        fix="Sett `visible_until` til den siste dagen annonsen skal stå ute, for eksempel om "
        "tre måneder. Ansetter dere fortsatt etter det, setter dere en ny dato, eller "
        "publiserer annonsen på nytt med ny `published`.",
        bad="`published: 2026-08-01` og `deadline: fortløpende` uten `visible_until`, når "
        "nettstedet bygges 23. november 2026",
        good="`published: 2026-08-01`, `deadline: fortløpende` og `visible_until: 2027-02-28`",
    ),
)
def standing_ad_without_end(ad: Ad) -> Iterator[Finding]:
    job = ad.job
    if not job.is_standing or job.visible_until is not None:
        return
    today = date.fromisoformat(ad.today_iso)
    age, limit = (today - job.published).days, _standing_ad_days(ad)
    if age <= limit:
        return
    suggestion = today + timedelta(days=90)
    yield Finding(
        f"annonsen har fortløpende søknadsfrist og har stått ute i {_days(age)} (publisert "
        f"{_date(job.published)}) uten en dag den skal tas ned (visible_until)",
        f"sett for eksempel «visible_until: {suggestion.isoformat()}»; ansetter dere "
        "fortsatt etter det, sett en ny dato eller publiser annonsen på nytt",
        field="deadline",
    )

"""JA2xx: what the strategies say attracts and keeps people: whole and permanent positions
(or the reason why not), an invitation to everyone, mentoring, professional development,
getting home after a late shift, and ethical recruitment abroad."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Severity
from generator.guidelines.prose import Prose, Sentence
from generator.guidelines.rule import BOKMAL, Ad, Finding, RuleDoc, opening_label, rule
from generator.models import Unit
from generator.models.job import ResolvedOpening

# The employment types that are temporary by design and whose ground the applicant needs.
# «sommerjobb» and «laerling» are temporary too, but their reason is in the name.
TEMPORARY_TYPES = {
    "vikariat": "et vikariat",
    "engasjement": "et engasjement",
    "prosjekt": "en prosjektstilling",
}
# Shifts outside ordinary daytime hours, as the applicant reads them.
LATE_SHIFTS = {
    "kveld": "kveldsvakter",
    "natt": "nattevakter",
    "helg": "helgevakter",
    "langvakt": "langvakter",
    "vaken-natt": "våkne nattevakter",
    "passiv-natt": "passive nattevakter",
}
# Each word list named diversity_ground_<name> is one ground a diversity statement must name.
DIVERSITY_GROUND = "diversity_ground_"


def _listed(items: list[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


def _first_line(ad: Ad) -> int:
    """Where a finding about the text as a whole points: its first sentence."""
    sentences = ad.prose.sentences
    return sentences[0].line if sentences else ad.job.body_line


def _headings(ad: Ad) -> list[tuple[str, Prose]]:
    """The title and summary, shown above the body, by field."""
    return [
        (field, Prose.from_markdown(text))
        for field, text in (("title", ad.job.title), ("summary", ad.job.summary or ""))
    ]


def _ad_text(ad: Ad) -> list[Sentence]:
    """Everything the applicant reads in the ad itself: title, summary and body. A mentor
    named in the summary is named in the ad."""
    headings = [sentence for _, prose in _headings(ad) for sentence in prose.sentences]
    return [*headings, *ad.prose.sentences]


def _mentions(sentences: list[Sentence], words: str, ad: Ad) -> bool:
    pattern = ad.words(words)
    return any(pattern.search(sentence.text) for sentence in sentences)


def _part_time(opening: ResolvedOpening) -> list[str]:
    """The opening's part-time sizes, in words. A range that reaches 100 % («75–100 %») is
    a full position the applicant may take smaller, not a part-time one."""
    return [BOKMAL.size(size) for size in opening.sizes if not size.reaches_full_time]


def _opening_field(opening: ResolvedOpening, name: str) -> str:
    """The opening's field `name` («openings.2.percent»); if the opening does not write it,
    the finding's line is the opening's first line."""
    return f"{opening.field_prefix}{name}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@rule(
    "JA201",
    "part-time-without-reason",
    Severity.WARNING,
    RuleDoc(
        title="Deltid uten begrunnelse",
        what="Stillingen (eller en av stillingene) er på under 100 %, og annonsen har ikke "
        "feltet `part_time_reason` som sier hvorfor. Har annonsen flere ulike stillinger "
        "(`openings`), sjekkes hver av dem: en deltidsstilling trenger en grunn, i "
        "stillingens egen `part_time_reason` eller i annonsens. Et spenn som når 100 % "
        "(«75–100») er en hel stilling søkeren kan velge å ta mindre av, og trenger ingen grunn.",
        why="Bergen kommune (B22) tilbyr «som hovedregel hele stillinger», og Oslo kommune "
        "(O22) arbeider for en heltidskultur. Mange sykepleiere og helsefagarbeidere vil ha "
        "hel, fast stilling og hopper over deltidsannonser. Når stillingen likevel er deltid, "
        "vil søkeren vite hvorfor, og om den kan bli større.",
        fix="Lys ut stillingen som hel hvis det går. Hvis ikke, skriv grunnen i "
        "`part_time_reason`, gjerne med hva som skal til for å gå opp i stilling.",
        bad="`position_percent: 60` uten `part_time_reason`",
        good="`position_percent: 60` og `part_time_reason: Dagsenteret er åpent tre dager i "
        "uka. Du kan få de siste 40 % i hjemmetjenesten hvis du vil jobbe heltid.`",
    ),
)
def part_time_without_reason(ad: Ad) -> Iterator[Finding]:
    hint = (
        "lys ut hel stilling hvis det går; ellers skriv grunnen i part_time_reason, for "
        "eksempel «Dagsenteret er åpent tre dager i uka. Du kan få de siste 40 % i "
        "hjemmetjenesten.»"
    )
    for opening in ad.job.resolved_openings:
        part_time = _part_time(opening)
        if not part_time or (opening.part_time_reason or "").strip():
            continue
        if opening.index is not None:
            yield Finding(
                f"{_capitalised(opening_label(opening))} er deltid, men annonsen sier ikke "
                "hvorfor den ikke er hel",
                hint + "; grunnen kan stå for denne stillingen under openings eller for hele "
                "annonsen",
                field=_opening_field(opening, "percent"),
            )
            continue
        count = len(opening.sizes)
        if count == 1:
            message = (
                f"Stillingen er på {part_time[0]}, men annonsen sier ikke hvorfor den ikke er hel"
            )
        else:
            message = (
                f"{len(part_time)} av {count} stillinger er deltid ({_listed(part_time)}), men "
                "annonsen sier ikke hvorfor de ikke er hele"
            )
        yield Finding(message, hint, field="position_percent")


@rule(
    "JA202",
    "temporary-without-reason",
    Severity.WARNING,
    RuleDoc(
        title="Midlertidig stilling uten begrunnelse",
        what="Stillingen er et vikariat, et engasjement eller en prosjektstilling, og annonsen "
        "har ikke feltet `temporary_reason` som sier hvorfor den er midlertidig. Har annonsen "
        "flere ulike stillinger (`openings`), sjekkes hver av dem, også når de andre er faste.",
        why="Søkerne vil ha faste stillinger (T18, O22), og en midlertidig stilling må ha et "
        "lovlig grunnlag (arbeidsmiljøloven § 14-9). Når annonsen sier hvem søkeren er "
        "vikar for og hvor lenge, eller hva prosjektet er, kan søkeren vurdere om stillingen "
        "passer, og se at den ikke er midlertidig uten grunn.",
        fix="Skriv grunnen og varigheten i `temporary_reason`, for hele annonsen eller for "
        "stillingen under `openings`. Sommerjobber og lærlingstillinger trenger ikke "
        "begrunnelse.",
        bad="`employment_type: vikariat` uten `temporary_reason`",
        good="`employment_type: vikariat` og `temporary_reason: Vikariat for en ansatt i "
        "foreldrepermisjon fra 1. februar til 31. desember 2027.`",
    ),
)
def temporary_without_reason(ad: Ad) -> Iterator[Finding]:
    hint = (
        "skriv grunnen og varigheten i temporary_reason, for eksempel «Vikariat for en ansatt "
        "i foreldrepermisjon fra 1. februar til 31. desember 2027.»"
    )
    for opening in ad.job.resolved_openings:
        kind = TEMPORARY_TYPES.get(opening.employment_type or "")
        if kind is None or (opening.temporary_reason or "").strip():
            continue
        if opening.index is None:
            yield Finding(
                f"Stillingen er {kind}, men annonsen sier ikke hvorfor den er midlertidig eller "
                "hvor lenge den varer",
                hint,
                field="employment_type",
            )
            continue
        yield Finding(
            f"{_capitalised(opening_label(opening))} er {kind}, men annonsen sier ikke hvorfor "
            "den er midlertidig eller hvor lenge den varer",
            hint + ", for denne stillingen under openings",
            field=_opening_field(opening, "employment_type"),
        )


def _diversity_grounds(ad: Ad, language: str) -> dict[str, str]:
    """The grounds a diversity statement must name: {label: word list name}. A site may add
    a ground with a new list, or drop one by emptying its list."""
    return {
        name.removeprefix(DIVERSITY_GROUND).replace("_", " "): name
        for name, terms in ad.word_lists(language).items()
        if name.startswith(DIVERSITY_GROUND) and terms
    }


def _grounds_named(
    sentences: tuple[Sentence, ...], ad: Ad, language: str
) -> tuple[set[str], int | None]:
    """The grounds named in the text's diversity statement, and the line it starts on, read
    with the word lists of `language`.

    A ground counts only inside a statement, so that «faglig bakgrunn» or «beboere i høy
    alder» is not taken for one: a sentence that names two grounds, or one ground and an
    invitation («uavhengig av», «oppfordrer»), or a list item right after such a sentence
    («Vi oppfordrer alle til å søke, uavhengig av:» followed by a bullet per ground)."""
    grounds = _diversity_grounds(ad, language)
    invitation = ad.words("diversity_invitation", language)
    named: set[str] = set()
    start = None
    carried = False  # the previous sentence opened or continued a statement
    for sentence in sentences:
        found = {
            label
            for label, words in grounds.items()
            if ad.words(words, language).search(sentence.text)
        }
        invites = bool(invitation.search(sentence.text))
        if len(found) >= 2 or (found and (invites or carried)):
            named |= found
            start = sentence.line if start is None else start
        carried = invites or (carried and bool(found))
    return named, start


@rule(
    "JA203",
    "missing-diversity-statement",
    Severity.WARNING,
    RuleDoc(
        title="Annonsen inviterer ikke alle til å søke",
        what="Verken annonsen eller bunnteksten som står under annonsene (`ad_footer` i "
        "site_config.yml, eller arbeidsgiverens egen i data/employers.yml), oppfordrer "
        "kvalifiserte søkere til å søke uavhengig av alder, kjønn, etnisk bakgrunn og "
        "funksjonsevne. Meldingen sier hvilke av dem som mangler. En annonse på engelsk leses "
        "med de engelske ordlistene («regardless of age, gender, ethnicity and disability»), "
        "bunnteksten med nettstedets.",
        why="Trondheim kommune oppfordrer kvalifiserte kandidater til å søke «uavhengig av "
        "alder, kjønn, etnisitet og funksjonsnedsettelse» (T18), og vil rekruttere flere menn "
        "og flere med innvandrerbakgrunn til omsorgsyrkene (T08). En slik setning sier til "
        "dem som ofte velger seg bort, at de er ønsket.",
        fix="Skriv erklæringen én gang i `ad_footer` i site_config.yml, så står den under "
        "alle annonser. Eller skriv den i annonsen. Den må nevne alle de fire gruppene. Hvilke "
        "ord som teller, står i data/guidelines/attraction.yml.",
        bad="«Vi oppfordrer alle til å søke, uavhengig av alder og kjønn.»",
        good="«Vi oppfordrer alle kvalifiserte søkere til å søke, uavhengig av alder, kjønn, "
        "etnisk bakgrunn og funksjonsevne.»",
    ),
)
def missing_diversity_statement(ad: Ad) -> Iterator[Finding]:
    # The footer is in the site's language, whatever the ad's.
    grounds = _diversity_grounds(ad, ad.language)
    in_ad, start = _grounds_named(ad.prose.sentences, ad, ad.language)
    in_footer, _ = _grounds_named(ad.footer.sentences, ad, ad.footer_language)
    named = in_ad | in_footer
    missing = [label for label in grounds if label not in named]
    if not missing:
        return
    if named:
        present = [label for label in grounds if label in named]
        message = f"Mangfoldserklæringen nevner {_listed(present)}, men ikke {_listed(missing)}"
    elif ad.footer.sentences:
        message = (
            "Verken annonsen eller bunnteksten for annonser inviterer alle til å søke "
            f"uavhengig av {_listed(missing)}"
        )
    else:
        message = f"Annonsen inviterer ikke alle til å søke uavhengig av {_listed(missing)}"
    yield Finding(
        message,
        f"skriv for eksempel «Vi oppfordrer alle kvalifiserte søkere til å søke, uavhengig av "
        f"{_listed(list(grounds))}.» i {ad.footer_place}, så står det under alle annonsene",
        line=start if start is not None else _first_line(ad),
    )


@rule(
    "JA204",
    "mentor-not-mentioned",
    Severity.WARNING,
    RuleDoc(
        title="Mentor eller introduksjonsprogram er ikke nevnt",
        what="Arbeidsstedet (eller et av arbeidsstedene, når annonsen har flere i `units`) "
        "har mentorordning eller introduksjonsprogram (`mentor_program` eller `intro_program` "
        "i data/units.yml), men tittelen, ingressen og annonseteksten nevner aldri mentor, "
        "fadder, introduksjonsprogram eller opplæringsplan. En annonse på engelsk leses med "
        "den engelske listen («mentor», «induction», «introduction programme»).",
        why="Oslo kommune skriver at mentorordningen er «et positivt rekrutteringsvirkemiddel "
        "når det fremkommer i stillingsannonsen» (O22 5.6.2), og Bergen vil gi nyansatte god "
        "oppfølging (B22). Nyutdannede vil vite at de ikke blir stående alene. Et tilbud "
        "søkeren ikke får vite om, rekrutterer ingen.",
        fix="Fortell hva nyansatte får, for eksempel under «Vi tilbyr».",
        bad="«Vi tilbyr et godt arbeidsmiljø.» (enheten har mentorordning)",
        good="«Vi tilbyr mentor det første året, med en time sammen hver måned.»",
    ),
)
def mentor_not_mentioned(ad: Ad) -> Iterator[Finding]:
    # Every workplace the ad names: an applicant to a pool may end up at any of them.
    offering = [unit for unit in ad.units if unit.mentor_program or unit.intro_program]
    if not offering or _mentions(_ad_text(ad), "onboarding", ad):
        return
    mentor = any(unit.mentor_program for unit in offering)
    offers = [
        name
        for name, has in (
            ("mentorordning", mentor),
            ("introduksjonsprogram", any(unit.intro_program for unit in offering)),
        )
        if has
    ]
    example = (
        "«Du får mentor det første året.»"
        if mentor
        else "«Du får et introduksjonsprogram med opplæringsplan de første ukene.»"
    )
    yield Finding(
        f"{_listed([unit.name for unit in offering])} har {_listed(offers)}, men annonsen "
        "nevner det ikke",
        f"skriv det under «Vi tilbyr», for eksempel {example}",
        field=_unit_field(ad, offering[0]),
    )


def _unit_field(ad: Ad, unit: Unit) -> str:
    """Where the ad names `unit`: «unit», or its place in «units»."""
    if ad.job.unit == unit.id or unit.id not in ad.job.units:
        return "unit"
    return f"units.{ad.job.units.index(unit.id)}"


@rule(
    "JA205",
    "no-development-offer",
    Severity.INFO,
    RuleDoc(
        title="Ingen tilbud om faglig utvikling",
        what="Tittelen, ingressen og annonseteksten nevner ikke noe av dette: fagutvikling, "
        "kompetanseheving, videreutdanning, veiledning, fagmiljø eller karrierevei (eller "
        "fagdager, kurs, hospitering og lignende). «Du veileder studenter» og «du gir "
        "veiledning til pårørende» er arbeidsoppgaver og teller ikke som tilbud. Nynorske "
        "former («rettleiing», «vidareutdanning») teller, og en annonse på engelsk leses med "
        "den engelske listen («training», «professional development», «mentoring», "
        "«supervision», «further education», «career path»). Listene står i "
        "data/guidelines/attraction.yml.",
        why="Et godt fagmiljø og muligheten til å lære mer er blant det sykepleiere og "
        "helsefagarbeidere legger mest vekt på når de velger jobb (T18, Jobbvinner). Oslo "
        "kommune vil bruke kompetanseutvikling for å rekruttere og beholde (O22 5.4).",
        fix="Skriv konkret hva søkeren får: fagdager, kurs, veiledning, betalt "
        "videreutdanning eller hvordan en kan utvikle seg videre.",
        bad="«Vi tilbyr et godt arbeidsmiljø og gode kolleger.»",
        good="«Vi tilbyr fagdag hver måned, og vi støtter videreutdanning i demens og geriatri.»",
    ),
)
def no_development_offer(ad: Ad) -> Iterator[Finding]:
    not_offer = ad.words("development_not_offer")
    offer = ad.words("development_offer")
    # «Du gir veiledning til pårørende» is a task, not an offer: blank such phrases first.
    if any(offer.search(not_offer.sub(" ", sentence.text)) for sentence in _ad_text(ad)):
        return
    yield Finding(
        "Annonsen sier ikke hva søkeren får av faglig utvikling (fagutvikling, kurs, "
        "veiledning, videreutdanning, fagmiljø eller karrierevei)",
        "skriv konkret hva søkeren får, for eksempel «Vi har fagdag hver måned og støtter "
        "videreutdanning.»",
        line=_first_line(ad),
    )


def _late_shifts_field(ad: Ad) -> str:
    """The field that first names a late shift: the ad's shifts or weekends, else an
    opening's own."""
    job = ad.job
    if any(shift in LATE_SHIFTS for shift in job.shifts):
        return "shifts"
    if job.weekend_every is not None:
        return "weekend_every"
    for index, opening in enumerate(job.openings):
        if any(shift in LATE_SHIFTS for shift in opening.shifts or ()):
            return f"openings.{index}.shifts"
        if opening.weekend_every is not None:
            return f"openings.{index}.weekend_every"
    return "shifts"


@rule(
    "JA206",
    "shift-work-without-commute-info",
    Severity.INFO,
    RuleDoc(
        title="Turnus uten informasjon om å komme seg til og fra jobb",
        what="Stillingen har kvelds-, natt-, helge- eller langvakter (feltet `shifts` eller "
        "`weekend_every`, for annonsen eller for en av stillingene i `openings`, eller ord som "
        "turnus og nattevakt i teksten når ingen vakter er oppgitt), men verken annonsen eller "
        "arbeidsstedet (`transport` og `parking` i data/units.yml) forteller hvordan en "
        "kommer seg til og fra jobb. Har annonsen flere arbeidssteder, må hvert av dem "
        "fortelle det, eller annonsen selv.",
        why="Trondheim kommune (T18) peker på at det å komme seg hjem etter en kveldsvakt, "
        "eller på jobb til en helgevakt, avgjør for mange om de kan ta jobben. Bussen går "
        "sjeldnere på kveld og i helger.",
        fix="Fyll ut `transport` og `parking` for arbeidsstedet i data/units.yml (da gjelder "
        "det alle annonsene derfra), eller skriv om buss, parkering eller taxi i annonsen.",
        bad="`shifts: [kveld, helg]`, arbeidsstedet uten `transport` og `parking`, og ingen "
        "ord om reisen i annonsen",
        good="«Buss 3 går hver halvtime til midnatt, og du parkerer gratis ved inngangen.»",
    ),
)
def shift_work_without_commute_info(ad: Ad) -> Iterator[Finding]:
    # The shifts are the ad's own account of its hours (of every opening, with weekends): a
    # day-only ad that says «den nye turnusen kommer i august» is not evening work. The text
    # counts only when no shift is given.
    shifts = ad.job.all_shifts
    late = [LATE_SHIFTS[shift] for shift in LATE_SHIFTS if shift in shifts]
    if shifts and not late:
        return
    # Every workplace of the ad needs its way there told, by the unit or by the ad.
    untold = [unit for unit in ad.units if not (unit.transport.strip() or unit.parking.strip())]
    if ad.units and not untold:
        return
    if _mentions(_ad_text(ad), "commute", ad):
        return
    where = "arbeidsstedet"
    if len(ad.units) > 1:
        where = _listed([unit.name for unit in untold])
    hint = (
        f"fyll ut transport og parking for {where} i data/units.yml, eller skriv i "
        "annonsen om buss, nattbuss, parkering eller taxi hjem etter kveldsvakt"
    )
    if late:
        yield Finding(
            f"Stillingen har {_listed(late)}, men verken annonsen eller {where} sier "
            "hvordan en kommer seg til og fra jobb",
            hint,
            field=_late_shifts_field(ad),
        )
        return
    shift_work = ad.words("shift_work")
    for field, prose in [*_headings(ad), ("", ad.prose)]:
        for mention in prose.find(shift_work):
            yield Finding(
                f"Annonsen nevner «{mention.text}», men verken annonsen eller {where} "
                "sier hvordan en kommer seg til og fra jobb",
                hint,
                field=field,
                line=None if field else mention.line,
            )
            return


@rule(
    "JA207",
    "who-safeguard-country",
    Severity.ERROR,
    RuleDoc(
        title="Aktiv rekruttering fra land som selv mangler helsepersonell",
        what="`recruitment_countries` har et land som står på WHOs liste over land som ikke "
        "skal rekrutteres aktivt fra (WHO Health Workforce Support and Safeguards List). "
        "Listen og året står i data/guidelines/attraction.yml.",
        why="Norge følger WHOs globale kode for internasjonal rekruttering av helsepersonell "
        "(WHO Code): vi skal ikke rekruttere aktivt fra land som selv har for få leger, "
        "sykepleiere og jordmødre. Trondheim (T18) og Oslo (O22 3.2) skriver dette inn i "
        "planene sine. Søkere fra disse landene kan fortsatt søke selv; det er den aktive "
        "markedsføringen der som ikke er lov.",
        fix="Fjern landet fra `recruitment_countries`.",
        bad="`recruitment_countries: [SE, NG]`",
        good="`recruitment_countries: [SE, DK]`",
    ),
)
def who_safeguard_country(ad: Ad) -> Iterator[Finding]:
    safeguards = ad.settings.who_safeguards
    if safeguards is None:
        return
    listed = set(safeguards.countries)
    for index, country in enumerate(ad.job.recruitment_countries):
        if country in listed:
            name = safeguards.names.get(country, country)
            named = f"{name} ({country})" if name != country else country
            yield Finding(
                f"{named} står på WHOs liste fra {safeguards.year} over land som "
                "selv mangler helsepersonell, og skal ikke rekrutteres aktivt fra",
                f"fjern {country} fra recruitment_countries; søkere derfra kan fortsatt søke selv",
                field=f"recruitment_countries.{index}",
            )

"""What the tests of real ads build on: the minimal site's workplaces and professions (with
vernepleier added), two non-profit foundations for data/employers.yml and the nursing home one of
them runs, and a vikarpool ad across three workplaces.

Entries are dicts: the model tests validate them, and `data_file` writes them as the YAML of a
throwaway site. The organisation numbers are made up but pass the register's mod-11 check (see
test_the_test_organisation_numbers_are_valid in test_nav_export.py)."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import MINIMAL_SITE

Entry = dict[str, Any]


def data_file(entries: list[Entry]) -> str:
    """A file for `data/` (units.yml, employers.yml, professions.yml) with these entries."""
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


# Solbakken sykehjem (Sentrum, with a mentor programme) and Fjordtun bofellesskap (Nord).
SOLBAKKEN, FJORDTUN = yaml.safe_load(MINIMAL_SITE["data/units.yml"])
# Sykepleier and helsefagarbeider as in the minimal site, and vernepleier for the ads open to
# «sykepleier eller vernepleier».
PROFESSIONS: list[Entry] = [
    *yaml.safe_load(MINIMAL_SITE["data/professions.yml"]),
    {"key": "vernepleier", "name": "Vernepleier", "name_nn": "Vernepleiar"},
]

# A foundation's ad footer: the diversity statement, and no public applicant list (never the
# municipality's notice under offentleglova).
FOUNDATION_FOOTER = (
    "Vi oppfordrer alle kvalifiserte til å søke, uavhengig av alder, kjønn, etnisk bakgrunn og "
    "funksjonsevne. Stiftelsen lager ingen offentlig søkerliste."
)
BJORKLY_FOUNDATION: Entry = {
    "id": "stiftelsen-bjorkly",
    "name": "Stiftelsen Bjørkly",
    "organisation_number": "997887018",
    "sector": "ideell",
    "website": "https://www.bjorkly.example/",
    "logo": "assets/bjorkly.svg",
    "ad_footer": FOUNDATION_FOOTER,
}
LYSHEIM_FOUNDATION: Entry = {
    "id": "stiftelsen-lysheim",
    "name": "Stiftelsen Lysheim",
    "organisation_number": "924681357",
    "sector": "ideell",
    "website": "https://www.lysheim.example/",
    "logo": "assets/lysheim.svg",
    "ad_footer": FOUNDATION_FOOTER,
}
# The nursing home Stiftelsen Lysheim runs.
LYSHEIM: Entry = {
    "id": "lysheim",
    "name": "Lysheim sykehjem",
    "type": "sykehjem",
    "district": "Sentrum",
    "address": "Lysheimvegen 4",
    "postcode": "0153",
    "city": "Testvik",
    "employer": "stiftelsen-lysheim",
}
# A logo for the foundations and the brand (an SVG: the social cards set a wordmark instead).
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
    '<rect width="40" height="20" fill="#2a6"/></svg>'
)


def real_ads_data(units: list[Entry]) -> dict[str, str]:
    """The data files of a site with real ads: these units, the professions, and Stiftelsen
    Lysheim with its logo (the site's own ads are the municipality's)."""
    return {
        "data/units.yml": data_file(units),
        "data/professions.yml": data_file(PROFESSIONS),
        "data/employers.yml": data_file([LYSHEIM_FOUNDATION]),
        "assets/lysheim.svg": LOGO,
    }


# A vikarpool: one ad for Solbakken, Fjordtun and the health house (postcodes 0150, 0151 and
# 0152), a range of sizes, «flere» positions.
VIKARPOOL: Entry = {
    "unit": None,
    "units": ["solbakken", "fjordtun", "helsehus"],
    "position_percent": "75-100",
    "positions": "flere",
    "employment_type": "vikariat",
}

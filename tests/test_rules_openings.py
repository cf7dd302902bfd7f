"""The JA2xx rules on what an ad really offers: each opening of a bundle (JA201, JA202), size
ranges, and every workplace of an ad for several units (JA204, JA206). Each case runs the
real pipeline on one ad; a finding about an opening points at that opening's line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINIMAL_SITE
from tests.guideline_helpers import BASE_AD, check_ad, codes, field_line

BODY = "Du jobber i et godt team på en avdeling med tolv beboere.\n"
REASON = "Vikar for en sykepleier i foreldrepermisjon til 31. august 2027."
PART_TIME_REASON = "Turnusen går opp med denne stillingen."


def line_of(changes: dict[str, Any], dotted: str, remove: tuple[str, ...] = ()) -> int:
    front = {key: value for key, value in BASE_AD.items() if key not in remove}
    front.update(changes)
    return field_line(front, BODY, dotted)


def bundle(*openings: dict[str, Any]) -> dict[str, Any]:
    """An ad of several openings instead of the simple `position_percent`."""
    return {"openings": list(openings)}


# --- JA201 part-time-without-reason, by opening and for ranges ------------------------------


def test_ja201_names_the_part_time_opening_at_its_line(tmp_path: Path) -> None:
    changes = bundle(
        {"percent": 100},
        {"percent": "73,68"},
        {"percent": "28,17", "part_time_reason": PART_TIME_REASON},
    )
    found = check_ad(
        tmp_path, BODY, select=("JA201",), changes=changes, remove=("position_percent",)
    )
    assert codes(found) == ["JA201"]
    assert "Stilling 2 (73,68 % fast) er deltid" in found[0].message
    assert found[0].field == "openings[1].percent"
    assert found[0].line == line_of(changes, "openings.1.percent", ("position_percent",))


def test_ja201_reports_each_part_time_opening(tmp_path: Path) -> None:
    changes = bundle({"percent": 60}, {"percent": "10-16", "weekend_every": 1})
    found = check_ad(
        tmp_path, BODY, select=("JA201",), changes=changes, remove=("position_percent",)
    )
    assert [finding.field for finding in found] == ["openings[0].percent", "openings[1].percent"]
    assert "Stilling 2 (10–16 % fast)" in found[1].message


@pytest.mark.parametrize(
    "changes",
    [
        # A range that reaches 100 % is a whole position the applicant may take smaller.
        {"position_percent": "75-100"},
        {"position_percent": ["80-100", 100]},
        # The ad's reason covers every opening.
        {**bundle({"percent": 60}, {"percent": 50}), "part_time_reason": PART_TIME_REASON},
        bundle({"percent": 100}, {"percent": "50-100"}),
        # An on-call opening has no size at all.
        bundle({"percent": 100}, {"employment_type": "tilkallingsvikar"}),
    ],
)
def test_ja201_passes_whole_ranges_and_explained_openings(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    remove = ("position_percent",) if "openings" in changes else ()
    assert check_ad(tmp_path, BODY, select=("JA201",), changes=changes, remove=remove) == []


def test_ja201_a_range_below_100_is_part_time(tmp_path: Path) -> None:
    found = check_ad(tmp_path, BODY, select=("JA201",), changes={"position_percent": "10-16"})
    assert codes(found) == ["JA201"]
    assert "Stillingen er på 10–16 %" in found[0].message
    assert found[0].field == "position_percent"


# --- JA202 temporary-without-reason, by opening ----------------------------------------------


def test_ja202_fires_for_the_vikariat_of_a_bundle_while_the_fast_ones_pass(
    tmp_path: Path,
) -> None:
    changes = bundle(
        {"percent": 100},
        {"percent": "73,68"},
        {"percent": "70,42", "employment_type": "vikariat", "until": "2027-08-31"},
    )
    found = check_ad(
        tmp_path, BODY, select=("JA202",), changes=changes, remove=("position_percent",)
    )
    assert codes(found) == ["JA202"]
    assert "Stilling 3 (70,42 % vikariat) er et vikariat" in found[0].message
    assert found[0].field == "openings[2].employment_type"
    assert found[0].line == line_of(changes, "openings.2.employment_type", ("position_percent",))
    assert "temporary_reason" in found[0].hint


def test_ja202_an_opening_that_inherits_the_ads_type_points_at_the_opening(
    tmp_path: Path,
) -> None:
    changes = {
        **bundle({"percent": 100}, {"percent": 50, "temporary_reason": REASON}),
        "employment_type": "engasjement",
    }
    found = check_ad(
        tmp_path, BODY, select=("JA202",), changes=changes, remove=("position_percent",)
    )
    assert [finding.field for finding in found] == ["openings[0].employment_type"]
    assert found[0].line == line_of(changes, "openings.0", ("position_percent",))
    assert "Stilling 1 (100 % engasjement) er et engasjement" in found[0].message


@pytest.mark.parametrize(
    "changes",
    [
        bundle(
            {"percent": 100},
            {"percent": 70, "employment_type": "vikariat", "temporary_reason": REASON},
        ),
        {**bundle({"percent": 100, "employment_type": "vikariat"}), "temporary_reason": REASON},
        bundle({"percent": 100}, {"percent": 40, "employment_type": "sommerjobb"}),
    ],
)
def test_ja202_passes_explained_or_self_evident_openings(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    found = check_ad(
        tmp_path, BODY, select=("JA202",), changes=changes, remove=("position_percent",)
    )
    assert found == [], [finding.format() for finding in found]


def test_ja202_a_prosjekt_needs_its_reason(tmp_path: Path) -> None:
    found = check_ad(tmp_path, BODY, select=("JA202",), changes={"employment_type": "prosjekt"})
    assert codes(found) == ["JA202"]
    assert "Stillingen er en prosjektstilling" in found[0].message


# --- JA204 and JA206: every unit of the ad ----------------------------------------------------

SEVERAL_UNITS = {"units": ["fjordtun", "solbakken"]}


def test_ja204_fires_when_any_unit_offers_a_mentor(tmp_path: Path) -> None:
    # Fjordtun has no programme; Solbakken, the second unit, has a mentor programme.
    found = check_ad(
        tmp_path, BODY, select=("JA204",), changes=SEVERAL_UNITS, remove=("unit", "summary")
    )
    assert codes(found) == ["JA204"]
    assert found[0].message.startswith("Solbakken sykehjem har mentorordning")
    assert found[0].field == "units[1]"
    assert found[0].line == line_of(SEVERAL_UNITS, "units.1", ("unit", "summary"))


def test_ja204_passes_when_the_ad_names_the_mentor(tmp_path: Path) -> None:
    body = BODY + "Du får mentor det første året.\n"
    found = check_ad(
        tmp_path, body, select=("JA204",), changes=SEVERAL_UNITS, remove=("unit", "summary")
    )
    assert found == []


def test_ja206_names_the_unit_that_does_not_tell_the_way(tmp_path: Path) -> None:
    # Solbakken tells how to get there (transport); Fjordtun does not.
    found = check_ad(tmp_path, BODY, select=("JA206",), changes=SEVERAL_UNITS, remove=("unit",))
    assert codes(found) == ["JA206"]
    assert "verken annonsen eller Fjordtun bofellesskap sier" in found[0].message
    assert "for Fjordtun bofellesskap i data/units.yml" in found[0].hint


def test_ja206_passes_when_every_unit_tells_the_way(tmp_path: Path) -> None:
    units = MINIMAL_SITE["data/units.yml"] + "  parking: Gratis parkering ved inngangen.\n"
    found = check_ad(
        tmp_path,
        BODY,
        select=("JA206",),
        changes=SEVERAL_UNITS,
        remove=("unit",),
        files={"data/units.yml": units},
    )
    assert found == []


def test_ja206_reads_the_shifts_of_the_openings(tmp_path: Path) -> None:
    changes = {
        "unit": "fjordtun",
        "shifts": ["dag"],
        **bundle({"percent": 100}, {"percent": 100, "shifts": ["dag", "passiv-natt"]}),
    }
    found = check_ad(
        tmp_path, BODY, select=("JA206",), changes=changes, remove=("position_percent",)
    )
    assert codes(found) == ["JA206"]
    assert "passive nattevakter" in found[0].message
    assert found[0].line == line_of(changes, "openings.1.shifts", ("position_percent",))


def test_ja206_every_third_weekend_is_weekend_work(tmp_path: Path) -> None:
    changes = {"unit": "fjordtun", "shifts": ["dag"], "weekend_every": 3}
    found = check_ad(tmp_path, BODY, select=("JA206",), changes=changes)
    assert codes(found) == ["JA206"]
    assert "helgevakter" in found[0].message
    assert found[0].field == "weekend_every"


def test_ja206_day_only_openings_need_no_commute_text(tmp_path: Path) -> None:
    changes = {
        "unit": "fjordtun",
        "shifts": ["dag"],
        **bundle({"percent": 100}, {"percent": 100, "shifts": ["dag"]}),
    }
    found = check_ad(
        tmp_path, BODY, select=("JA206",), changes=changes, remove=("position_percent",)
    )
    assert found == []

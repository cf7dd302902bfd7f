"""The social-media kits in built sites: one per open job, published story and upcoming event,
images of the exact sizes, texts within limits, cards as og:image, a cache hit on rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from tests.conftest import REPO, run_careers
from tests.sources import open_example_jobs, soup

SIZES = {(1200, 630), (1080, 1080), (1080, 1350), (1080, 1920)}


def test_every_open_job_has_a_kit_with_four_cards_and_texts(example_site: Path) -> None:
    for slug in open_example_jobs():
        page = example_site / "delingspakker" / f"job-{slug}" / "index.html"
        html = soup(page)
        assert html.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
        images = html.select(".careers-kit-images img")
        sizes = set()
        for img in images:
            with Image.open((page.parent / img["src"]).resolve()) as image:
                assert (image.width, image.height) == (int(img["width"]), int(img["height"]))
                sizes.add(image.size)
            assert img["alt"]
        assert sizes == SIZES
        texts = {area["id"]: area.get_text() for area in html.select("textarea")}
        assert set(texts) == {f"textarea-{n}" for n in ["facebook", "instagram", "linkedin", "x"]}
        assert "utm_source=facebook" in texts["textarea-facebook"]
        assert "http" not in texts["textarea-instagram"]


def test_item_pages_share_their_card_and_kits_stay_hidden(example_site: Path) -> None:
    job = soup(example_site / "stillinger" / "sykepleier-natt-solbakken" / "index.html")
    image = job.select_one('meta[property="og:image"]')["content"]
    assert image.endswith("-link.png") and "/assets/social/job-sykepleier-natt-solbakken-" in image
    local = example_site / image.removeprefix("https://karriere.fjordvik.kommune.no/")
    with Image.open(local) as card:
        assert card.size == (1200, 630)
    assert job.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    index = (example_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "delingspakker/" not in index
    assert "delingspakker/" not in (example_site / "sitemap.xml").read_text(encoding="utf-8")
    kits = soup(example_site / "delingspakker" / "index.html").select(".careers-card__title a")
    assert len(kits) >= len(open_example_jobs())


def test_a_second_build_renders_no_card(tmp_path: Path) -> None:
    source = tmp_path / "site-src"
    for name in ["content", "data", "assets", "site_config.yml"]:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, source / name)
    out = tmp_path / "out"
    first = run_careers("build", "--site", str(source), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "Delingsbilder: 0 tegnet" not in first.output
    second = run_careers("build", "--site", str(source), "--out", str(out))
    assert second.exit_code == 0, second.output
    assert "Delingsbilder: 0 tegnet, " in second.output

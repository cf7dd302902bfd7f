"""The link checker: hand-made built sites, the example site, and `careers build` running it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.links import BrokenLink, LinkReport, check_links, srcset_urls
from tests.conftest import REPO, run_careers, write_site

BASE = "https://karriere.testvik.example/"


def page(body: str = "", head: str = "") -> str:
    return (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Side</title>'
        f"{head}</head><body>{body}</body></html>"
    )


# The pages every hand-made site has, so links between them have somewhere to go.
PAGES: dict[str, str] = {
    "index.html": page('<h1 id="velkommen">Velkommen</h1>'),
    "om-oss/index.html": page('<h2 id="vi-søker">Vi søker</h2><a name="gammelt-anker"></a>'),
    "stillinger/bydel/øyane/index.html": page("<h1>Øyane</h1>"),
    "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "assets/stil.css": "body { color: black; }",
    "bilder/foto.jpg": "jpg",
    "404.html": page("Finnes ikke"),
}


def check(tmp_path: Path, files: dict[str, str], base_url: str = BASE) -> LinkReport:
    root = write_site(tmp_path / "built", {**PAGES, **files})
    return check_links(root, base_url)


def problems(report: LinkReport) -> list[tuple[str, str, str]]:
    return [(link.source, link.url, link.reason) for link in report.broken]


# Broken links: each kind is found, with the file it is in and why.


def test_a_link_to_a_missing_page_is_broken(tmp_path: Path) -> None:
    report = check(tmp_path, {"ny/index.html": page('<a href="../finnes-ikke/">Mer</a>')})
    assert problems(report) == [("ny/index.html", "../finnes-ikke/", "finnes ikke")]


def test_a_folder_without_an_index_page_is_broken_with_or_without_the_slash(
    tmp_path: Path,
) -> None:
    report = check(
        tmp_path, {"ny/index.html": page('<a href="/bilder/">A</a><a href="/bilder">B</a>')}
    )
    assert problems(report) == [
        ("ny/index.html", "/bilder", "mappen har ingen index.html"),
        ("ny/index.html", "/bilder/", "mappen har ingen index.html"),
    ]


def test_a_missing_anchor_is_broken_on_another_page_and_on_the_page_itself(
    tmp_path: Path,
) -> None:
    body = '<a href="../om-oss/#ukjent">A</a><a href="#mangler">B</a><p id="her">Her</p>'
    report = check(tmp_path, {"ny/index.html": page(body)})
    assert problems(report) == [
        ("ny/index.html", "#mangler", "siden har ikke ankeret #mangler"),
        ("ny/index.html", "../om-oss/#ukjent", "siden har ikke ankeret #ukjent"),
    ]


def test_broken_images_stylesheets_scripts_and_social_images_are_found(tmp_path: Path) -> None:
    head = (
        '<link rel="stylesheet" href="../assets/mangler.css">'
        '<link rel="stylesheet" href="../assets/stil.css">'
        '<link rel="icon" href="../assets/logo.svg">'
        '<script src="../assets/mangler.js"></script>'
        f'<meta property="og:image" content="{BASE}bilder/mangler.png">'
        f'<meta name="twitter:image" content="{BASE}bilder/foto.jpg">'
    )
    body = (
        '<img src="../bilder/mangler.jpg" alt="">'
        '<img src="../bilder/foto.jpg" alt=""'
        ' srcset="../bilder/foto.jpg 1x, ../bilder/stor.jpg 2x">'
        '<picture><source srcset="../bilder/foto.avif 480w,../bilder/foto.jpg 960w"></picture>'
    )
    report = check(tmp_path, {"ny/index.html": page(body, head)})
    assert problems(report) == [
        ("ny/index.html", "../assets/mangler.css", "finnes ikke"),
        ("ny/index.html", "../assets/mangler.js", "finnes ikke"),
        ("ny/index.html", "../bilder/foto.avif", "finnes ikke"),
        ("ny/index.html", "../bilder/mangler.jpg", "finnes ikke"),
        ("ny/index.html", "../bilder/stor.jpg", "finnes ikke"),
        ("ny/index.html", f"{BASE}bilder/mangler.png", "finnes ikke"),
    ]


def test_srcset_candidates_are_split_by_commas_outside_descriptors() -> None:
    assert list(srcset_urls("a.jpg 1x, b.jpg 2x")) == ["a.jpg", "b.jpg"]
    assert list(srcset_urls(" a.jpg, b.jpg 2x ,c.jpg")) == ["a.jpg", "b.jpg", "c.jpg"]
    # As browsers read it: a comma inside an address, or in a descriptor's parentheses.
    assert list(srcset_urls("a,b.jpg 480w, c.jpg 960w")) == ["a,b.jpg", "c.jpg"]
    assert list(srcset_urls("a.jpg 1x (x, y), b.jpg 2x")) == ["a.jpg", "b.jpg"]
    assert list(srcset_urls("")) == []


RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Stillinger</title>
    <link>{base}stillinger/</link>
    <atom:link href="{base}feeds/stillinger.xml" rel="self"/>
    <item>
      <title>Sykepleier</title>
      <link>{base}stillinger/sykepleier-natt/</link>
      <guid isPermaLink="false">sykepleier-natt-2026</guid>
      <enclosure url="{base}bilder/mangler.jpg" type="image/jpeg" length="1"/>
    </item>
  </channel>
</rss>
"""

ATOM = """\
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>{base}feeds/historier.atom</id>
  <title>Historier</title>
  <link href="{base}feeds/historier.atom" rel="self"/>
  <link href="{base}historier/" rel="alternate"/>
  <entry>
    <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
    <title>Ida</title>
    <link href="{base}historier/ida/" rel="alternate"/>
  </entry>
  <entry>
    <id>{base}historier/jonas/</id>
    <title>Jonas</title>
  </entry>
</feed>
"""


def test_broken_links_in_rss_and_atom_feeds_are_found(tmp_path: Path) -> None:
    report = check(
        tmp_path,
        {
            "feeds/stillinger.xml": RSS.format(base=BASE),
            "feeds/historier.atom": ATOM.format(base=BASE),
            "stillinger/index.html": page(),
        },
    )
    assert problems(report) == [
        ("feeds/historier.atom", f"{BASE}historier/", "finnes ikke"),
        ("feeds/historier.atom", f"{BASE}historier/ida/", "finnes ikke"),
        ("feeds/historier.atom", f"{BASE}historier/jonas/", "finnes ikke"),
        ("feeds/stillinger.xml", f"{BASE}bilder/mangler.jpg", "finnes ikke"),
        ("feeds/stillinger.xml", f"{BASE}stillinger/sykepleier-natt/", "finnes ikke"),
    ]
    assert report.files_checked == 2
    assert {"feeds/stillinger.xml", "feeds/historier.atom", "stillinger/index.html"} <= (
        report.reached
    )


CALENDAR = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
SUMMARY:Åpen dag\r
DESCRIPTION:Les mer: {base}ikke-en-lenke-i-teksten/\r
URL:{base}arrangementer/apen-d\r
 ag/\r
ATTACH;FMTTYPE="text/html;x=a:b":{base}arrangementer/program.pdf\r
ATTACH;ENCODING=BASE64;VALUE=BINARY:aGVp\r
END:VEVENT\r
BEGIN:VEVENT\r
URL;VALUE=URI:{base}om-oss/\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_broken_calendar_urls_are_found_also_when_the_line_is_folded(tmp_path: Path) -> None:
    report = check(tmp_path, {"arrangementer/kalender.ics": CALENDAR.format(base=BASE)})
    assert problems(report) == [
        ("arrangementer/kalender.ics", f"{BASE}arrangementer/apen-dag/", "finnes ikke"),
        ("arrangementer/kalender.ics", f"{BASE}arrangementer/program.pdf", "finnes ikke"),
    ]
    assert report.links_checked == 3
    assert "om-oss/index.html" in report.reached


def test_sitemap_and_robots_txt_are_checked(tmp_path: Path) -> None:
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{BASE}</loc></url><url><loc>{BASE}borte/</loc></url></urlset>"
    )
    robots = f"User-agent: *\nDisallow: /retningslinjer/\nSitemap: {BASE}sitemap-mangler.xml\n"
    report = check(tmp_path, {"sitemap.xml": sitemap, "robots.txt": robots})
    assert problems(report) == [
        ("robots.txt", f"{BASE}sitemap-mangler.xml", "finnes ikke"),
        ("sitemap.xml", f"{BASE}borte/", "finnes ikke"),
    ]
    assert report.files_checked == 2


def test_absolute_and_webcal_addresses_of_the_site_are_internal(tmp_path: Path) -> None:
    body = (
        f'<a href="{BASE}finnes-ikke/">A</a>'
        '<a href="http://KARRIERE.testvik.example:80/om-oss/">B</a>'
        '<a href="webcal://karriere.testvik.example/arrangementer/kalender.ics">C</a>'
        '<a href="webcal://karriere.testvik.example/arrangementer/mangler.ics">D</a>'
        '<a href="https://karriere.testvik.example:8443/om-oss/">E</a>'
    )
    report = check(
        tmp_path,
        {"ny/index.html": page(body), "arrangementer/kalender.ics": "BEGIN:VCALENDAR\r\n"},
    )
    assert problems(report) == [
        ("ny/index.html", f"{BASE}finnes-ikke/", "finnes ikke"),
        (
            "ny/index.html",
            "webcal://karriere.testvik.example/arrangementer/mangler.ics",
            "finnes ikke",
        ),
    ]
    assert {"om-oss/index.html", "arrangementer/kalender.ics"} <= report.reached
    # Another port is another site.
    assert list(report.external) == ["https://karriere.testvik.example:8443/om-oss/"]


def test_a_base_url_with_a_sub_path(tmp_path: Path) -> None:
    base = "https://example.org/jobb/"
    body = (
        '<a href="/jobb/om-oss/">A</a>'
        '<a href="../">B</a>'
        '<a href="/jobb">C</a>'
        '<a href="https://example.org/jobb/mangler/">D</a>'
        '<a href="/annet/">E</a>'
        '<a href="https://example.org/annet/">F</a>'
    )
    report = check(tmp_path, {"ny/index.html": page(body)}, base_url=base)
    assert problems(report) == [
        ("ny/index.html", "/annet/", "peker utenfor nettstedet"),
        ("ny/index.html", "https://example.org/jobb/mangler/", "finnes ikke"),
    ]
    assert {"om-oss/index.html", "index.html"} <= report.reached
    assert report.external == {"https://example.org/annet/": ["ny/index.html"]}


def test_a_path_escaping_the_site_root_is_broken(tmp_path: Path) -> None:
    body = '<a href="../../etc/passwd">A</a><img src="../../../index.html" alt="">'
    report = check(tmp_path, {"ny/index.html": page(body)})
    assert problems(report) == [
        ("ny/index.html", "../../../index.html", "peker utenfor nettstedet"),
        ("ny/index.html", "../../etc/passwd", "peker utenfor nettstedet"),
    ]


def test_a_base_element_decides_what_relative_links_are_relative_to(tmp_path: Path) -> None:
    head = f'<base href="{BASE}om-oss/">'
    body = '<a href="#vi-søker">A</a><a href="../mangler/">B</a>'
    report = check(tmp_path, {"ny/index.html": page(body, head)})
    assert problems(report) == [("ny/index.html", "../mangler/", "finnes ikke")]


def test_an_unreadable_feed_is_reported_not_skipped(tmp_path: Path) -> None:
    report = check(tmp_path, {"feeds/stillinger.xml": "<rss><channel>"})
    assert list(report.unreadable) == ["feeds/stillinger.xml"]


# What must not be reported.


def test_working_links_of_every_form_are_not_reported(tmp_path: Path) -> None:
    body = (
        '<a href="../om-oss/">1</a>'
        '<a href="../om-oss/index.html">2</a>'
        '<a href="../om-oss">3</a>'
        '<a href="/om-oss/#vi-søker">4</a>'
        '<a href="/om-oss/#vi-s%C3%B8ker">5</a>'
        '<a href="/om-oss/#gammelt-anker">6</a>'
        '<a href="/stillinger/bydel/%C3%B8yane/">7</a>'
        '<a href="/stillinger/bydel/øyane/?side=2#top">8</a>'
        '<a href="../">9</a>'
        '<a href="/.">10</a>'
        '<a href="#">11</a>'
        '<a href="#her">12</a>'
        '<a href="?sorter=frist">13</a>'
        '<a href="../assets/logo.svg#ikon">14</a>'
        '<a href="">15</a>'
        '<a href="../om-oss/#:~:text=Vi%20s%C3%B8ker">16</a>'
        '<a href="mailto:post@testvik.example">17</a>'
        '<a href="tel:+4791234567">18</a>'
        '<a href="sms:+4791234567">19</a>'
        '<a href="javascript:void(0)">20</a>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'
        '<p id="her">Her</p>'
    )
    report = check(tmp_path, {"ny/index.html": page(body)})
    assert report.broken == []
    assert report.external == {}, "mailto:, tel:, sms:, javascript: and data: are not listed"
    assert report.links_checked == 16
    assert {"om-oss/index.html", "stillinger/bydel/øyane/index.html", "index.html"} <= (
        report.reached
    )


def test_external_links_are_listed_with_their_sources_and_not_checked(tmp_path: Path) -> None:
    nav = '<a href="https://www.nav.no/">NAV</a><a href="//cdn.example.net/x.js">CDN</a>'
    report = check(
        tmp_path,
        {
            "ny/index.html": page(nav + '<a href="https://www.nav.no/">NAV igjen</a>'),
            "index.html": page(nav),
        },
    )
    assert report.broken == []
    assert report.external == {
        "https://cdn.example.net/x.js": ["index.html", "ny/index.html"],
        "https://www.nav.no/": ["index.html", "ny/index.html"],
    }
    assert report.links_checked == 0


def test_each_link_counts_once_per_page_and_pages_are_counted(tmp_path: Path) -> None:
    twice = '<a href="../om-oss/">A</a><a href="../om-oss/">A igjen</a><a href="../">B</a>'
    report = check(tmp_path, {"ny/index.html": page(twice), "to/index.html": page(twice)})
    assert report.links_checked == 4
    assert report.pages_checked == len(PAGES) - 3 + 2  # the svg, css and jpg are no pages


def test_broken_links_are_sorted_by_source_then_address(tmp_path: Path) -> None:
    report = check(
        tmp_path,
        {
            "b/index.html": page('<a href="/z/">z</a><a href="/x/">x</a>'),
            "a/index.html": page('<a href="/y/">y</a>'),
        },
    )
    assert report.broken == [
        BrokenLink("a/index.html", "/y/", "finnes ikke"),
        BrokenLink("b/index.html", "/x/", "finnes ikke"),
        BrokenLink("b/index.html", "/z/", "finnes ikke"),
    ]


# The example site: no broken links, and proof that the checker really read it.


def example_report(example_site: Path) -> LinkReport:
    config = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))
    return check_links(example_site, config["base_url"])


def test_the_checker_reads_every_page_and_feed_of_the_example_site(example_site: Path) -> None:
    report = example_report(example_site)
    pages = list(example_site.rglob("*.html"))
    link_files = [
        path for path in example_site.rglob("*") if path.suffix in (".xml", ".atom", ".ics")
    ]
    assert report.pages_checked == len(pages) > 100
    assert report.files_checked == len(link_files) + 1  # and robots.txt
    assert report.unreadable == {}
    assert report.links_checked > 20 * len(pages)
    # Reached only by following links: the menu, a job, the stylesheet, a feed, a calendar
    # (by webcal:), the sitemap (from robots.txt) and a page's anchor.
    assert {
        "index.html",
        "stillinger/index.html",
        "stillinger/sykepleier-natt-solbakken/index.html",
        "assets/stylesheets/careers.css",
        "feeds/stillinger.xml",
        "feeds/stillinger.atom",
        "arrangementer/kalender.ics",
        "sitemap.xml",
    } <= report.reached
    print(f"\n{len(report.external)} eksterne lenker på eksempelnettstedet:")
    for url, sources in report.external.items():
        print(f"  {url}  (sider: {len(sources)}, f.eks. {sources[0]})")
    hosts = {url.split("/")[2] for url in report.external}
    assert "karriere.fjordvik.kommune.no" not in hosts


def test_the_example_site_has_no_broken_links(example_site: Path) -> None:
    report = example_report(example_site)
    listing = "\n".join(f"{link.source}: {link.url} ({link.reason})" for link in report.broken)
    assert report.broken == [], listing


# `careers build` runs the checker.

BROKEN_LINK_PAGE = """\
---
title: Om oss
nav_order: 1
---

Lurer du på noe? [Se her](/finnes-ikke/).
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_build_warns_about_a_broken_link_and_strict_publishes_nothing(
    make_site: Callable[..., Path],
) -> None:
    source = make_site({"content/pages/om-oss.md": BROKEN_LINK_PAGE})
    out = source / "site"
    build = ("build", "--site", str(source), "--today", "2026-11-23")
    message = "Lenken «/finnes-ikke/» virker ikke: finnes ikke"

    strict = run_careers(*build, "--strict")
    assert strict.exit_code == 1, strict.output
    assert "site/om-oss/index.html" in strict.output and message in strict.output
    assert "Ingenting ble bygget" in strict.output and "Traceback" not in strict.output
    assert not out.exists(), "nothing is published"
    assert list(source.glob(".site.build-*")) == [], "no half-written build is left"

    plain = run_careers(*build)
    assert plain.exit_code == 0, plain.output
    assert "site/om-oss/index.html" in plain.output and message in plain.output
    assert "advarsel" in plain.output
    assert (out / "om-oss" / "index.html").is_file()

    before = snapshot(out)
    (source / "content/pages/om-oss.md").write_text(
        BROKEN_LINK_PAGE.replace("Om oss", "Endret tittel"), encoding="utf-8"
    )
    again = run_careers(*build, "--strict")
    assert again.exit_code == 1 and message in again.output
    assert snapshot(out) == before, "the published site is untouched"
    assert list(source.glob(".site.build-*")) == []


def test_an_empty_site_has_nothing_to_check_and_a_missing_one_is_an_error(
    tmp_path: Path,
) -> None:
    (tmp_path / "tom").mkdir()
    assert check_links(tmp_path / "tom", BASE) == LinkReport(0, 0, 0, [], {})
    with pytest.raises(FileNotFoundError):
        check_links(tmp_path / "finnes-ikke", BASE)


def test_a_link_broken_on_many_pages_is_reported_once_with_where_to_fix_it(
    make_site: Callable[..., Path],
) -> None:
    """A broken link in a template or the ad footer stands on every page: one warning, not
    hundreds, naming the count and pointing at templates and the footer."""
    pages = {
        f"content/pages/side-{number}.md": BROKEN_LINK_PAGE.replace("Om oss", f"Side {number}")
        for number in range(5)
    }
    source = make_site(pages)
    result = run_careers("build", "--site", str(source), "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "«/finnes-ikke/»" in line]
    assert len(lines) == 1, result.output
    assert "(på 5 sider, også site/side-1/index.html, site/side-2/index.html …)" in lines[0]
    assert "site/side-0/index.html" in lines[0]
    assert "ad_footer" in result.output

"""Link checking over a built site: every internal link must lead somewhere; external ones are
only listed, so a build never depends on other sites being up.

Reads what MkDocs wrote (HTML pages, the sitemap, RSS and Atom feeds, calendars, robots.txt),
resolves each address as a browser would and looks it up in the folder. The folder is listed
once and every file parsed once, so a site with thousands of pages is checked in seconds.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit

import icalendar
import lxml.html
from lxml import etree

# Not addresses of documents: nothing to check, nothing to list.
SKIPPED_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms", "about", "blob"})
WEB_SCHEMES = frozenset({"http", "https", "webcal"})
DEFAULT_PORTS = {"http": (80,), "https": (443,), "webcal": (80, 443)}
FEED_SUFFIXES = (".xml", ".atom", ".rss")
HTML_SUFFIXES = (".html", ".htm")
SOCIAL_META = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "og:url",
    "twitter:image",
    "twitter:image:src",
)
# Calendar properties whose value is an address (RFC 5545 URL and ATTACH, RFC 7986 IMAGE).
CALENDAR_PROPERTIES = frozenset({"URL", "ATTACH", "IMAGE"})

_meta_test = " or ".join(f"@property='{key}' or @name='{key}'" for key in SOCIAL_META)
# One address per attribute value, in document order.
_HTML_URLS = etree.XPath(
    "//a/@href | //area/@href | //link/@href | //img/@src | //source/@src | //script/@src"
    " | //iframe/@src | //video/@poster | //video/@src | //audio/@src | //track/@src"
    " | //embed/@src | //object/@data"
    f" | //meta[{_meta_test}]/@content"
)
_HTML_SRCSETS = etree.XPath("//img/@srcset | //source/@srcset")
_HTML_IDS = etree.XPath("//@id | //a/@name")
_HTML_BASE = etree.XPath("(//base/@href)[1]")
_UTF8_HTML = lxml.html.HTMLParser(encoding="utf-8")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, order=True)
class BrokenLink:
    source: str  # the file in the built site, e.g. "stillinger/sykepleier-natt/index.html"
    url: str  # as written in the file
    reason: str


@dataclass(frozen=True)
class LinkReport:
    pages_checked: int  # HTML files
    files_checked: int  # sitemaps, feeds, calendars and robots.txt
    links_checked: int  # internal links, each address once per file
    broken: list[BrokenLink]
    external: dict[str, list[str]]  # address → the files that link to it
    reached: frozenset[str] = frozenset()  # every file an internal link led to
    unreadable: dict[str, str] = field(default_factory=dict)  # file → why it was not read


@dataclass
class _Document:
    """The addresses one file holds and the address they are relative to."""

    source: str
    base: str
    urls: list[str]


class _Site:
    """The built folder as a web server would see it, with every page's anchors."""

    def __init__(self, folder: Path, base_url: str) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = {""}
        for directory, subdirectories, names in os.walk(folder):
            relative = Path(directory).relative_to(folder).as_posix()
            prefix = "" if relative == "." else relative + "/"
            self.folders.update(prefix + name for name in subdirectories)
            self.files.update(prefix + name for name in names)
        if not base_url.endswith("/"):
            base_url += "/"  # the site is a folder, whatever the author wrote
        self.base_url = base_url
        base = urlsplit(base_url)
        self.host = (base.hostname or "").lower()
        self.port = _explicit_port(base.scheme.lower(), base.port)
        segments, _escaped = _path_segments(base.path or "/")
        inner = "/".join(segment for segment in segments if segment)
        self.base_path = f"/{inner}/" if inner else "/"
        self.ids: dict[str, frozenset[str]] = {}
        self.outcomes: dict[tuple[str, str], _Outcome] = {}

    def url_of(self, relative: str) -> str:
        """The published address of a file: `x/index.html` is served as `x/`."""
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        return self.base_url + quote(relative, safe="/")

    def check(self, url: str, document: str) -> _Outcome:
        """Classify one address found in a file whose own address is `document`."""
        # An outcome depends on the address and, unless it is absolute, on the folder of the
        # file it is in; the menu's links repeat on every page at the same depth.
        if _SCHEME.match(url):
            context = ""
        elif url[:1] in ("", "#", "?"):
            context = document
        else:
            context = document[: document.rfind("/") + 1]
        key = (context, url)
        outcome = self.outcomes.get(key)
        if outcome is None:
            try:
                outcome = self._classify(url, document)
            except ValueError:  # urllib's verdict, e.g. on «http://[::1»
                outcome = _Outcome(internal=True, problem="er ikke en gyldig adresse")
            self.outcomes[key] = outcome
        return outcome

    def _classify(self, url: str, document: str) -> _Outcome:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in SKIPPED_SCHEMES:
            return _SKIP
        if scheme and scheme not in WEB_SCHEMES:
            return _Outcome(external=url)
        # A path the author wrote («/om-oss/», «../bilde.png») is meant to be in this site.
        written_as_path = not scheme and not parts.netloc
        if not scheme:
            here = urlsplit(document)
            if not parts.netloc:
                if not parts.path:
                    path = here.path
                elif parts.path.startswith("/"):
                    path = parts.path
                else:
                    path = here.path[: here.path.rfind("/") + 1] + parts.path
                parts = parts._replace(netloc=here.netloc, path=path)
            parts = parts._replace(scheme=here.scheme)
        if not self._on_this_host(parts):
            # Listed in full, also when relative to a <base href> elsewhere or «//host/…».
            return _Outcome(external=url if scheme else urljoin(document, url))
        segments, escaped = _path_segments(parts.path or "/")
        full_path = "/" + "/".join(segments)
        if full_path + "/" == self.base_path:
            full_path = self.base_path
        if escaped or not full_path.startswith(self.base_path):
            if written_as_path or escaped:
                return _Outcome(internal=True, problem="peker utenfor nettstedet")
            return _Outcome(external=url)  # another site on the same host
        return self._lookup(full_path[len(self.base_path) :], parts.fragment)

    def _on_this_host(self, parts: SplitResult) -> bool:
        try:
            port = _explicit_port(parts.scheme.lower(), parts.port)
        except ValueError:  # a port that is not a number is not ours
            return False
        return (parts.hostname or "").lower() == self.host and port == self.port

    def _lookup(self, relative: str, raw_fragment: str) -> _Outcome:
        if relative == "" or relative.endswith("/"):
            target = relative + "index.html"
            folder = relative.rstrip("/")
            if target not in self.files:
                if folder in self.folders:
                    return _Outcome(internal=True, problem="mappen har ingen index.html")
                return _Outcome(internal=True, problem="finnes ikke")
        elif relative in self.files:
            target = relative
        elif relative in self.folders:
            # The server redirects `x` to `x/` when x is a folder.
            target = relative + "/index.html"
            if target not in self.files:
                return _Outcome(internal=True, problem="mappen har ingen index.html")
        else:
            return _Outcome(internal=True, problem="finnes ikke")
        if raw_fragment and target.endswith(HTML_SUFFIXES):
            fragment = raw_fragment.split(":~:", 1)[0]  # a text fragment is not an anchor
            ids = self.ids.get(target, frozenset())
            # As browsers do: the fragment as written, then decoded; «top» is always there.
            if (
                fragment
                and fragment not in ids
                and unquote(fragment) not in ids
                and fragment.lower() != "top"
            ):
                return _Outcome(
                    internal=True,
                    target=target,
                    problem=f"siden har ikke ankeret #{unquote(fragment)}",
                )
        return _Outcome(internal=True, target=target)


@dataclass(frozen=True)
class _Outcome:
    internal: bool = False
    external: str | None = None
    target: str | None = None
    problem: str | None = None


_SKIP = _Outcome()


def check_links(site_folder: Path, base_url: str) -> LinkReport:
    """Check every internal link in the built site in `site_folder`, published at `base_url`."""
    if not site_folder.is_dir():  # os.walk would find nothing, and all would look fine
        raise FileNotFoundError(f"fant ikke det bygde nettstedet i {site_folder}")
    site = _Site(site_folder, base_url)
    documents: list[_Document] = []
    unreadable: dict[str, str] = {}
    pages = files = 0
    for relative in sorted(site.files):
        path = site_folder / relative
        name = relative.rsplit("/", 1)[-1]
        document: _Document | None
        try:
            if relative.endswith(HTML_SUFFIXES):
                pages += 1
                document = _read_html(path, relative, site)
            elif relative.endswith(FEED_SUFFIXES):
                document = _read_xml(path, relative, site.url_of(relative))
                files += document is not None
            elif relative.endswith(".ics"):
                files += 1
                document = _read_calendar(path, relative, site.url_of(relative))
            elif name == "robots.txt":
                files += 1
                document = _read_robots(path, relative, site.url_of(relative))
            else:
                continue
        except (OSError, ValueError, etree.XMLSyntaxError, etree.ParserError) as error:
            unreadable[relative] = f"kan ikke leses: {error}"
            continue
        if document is not None:
            documents.append(document)

    broken: list[BrokenLink] = []
    external: dict[str, set[str]] = defaultdict(set)
    reached: set[str] = set()
    checked = 0
    for document in documents:
        for url in dict.fromkeys(document.urls):  # each address once per file
            outcome = site.check(url, document.base)
            if outcome.external is not None:
                external[outcome.external].add(document.source)
            elif outcome.internal:
                checked += 1
                if outcome.target is not None:
                    reached.add(outcome.target)
                if outcome.problem is not None:
                    broken.append(BrokenLink(document.source, url, outcome.problem))
    return LinkReport(
        pages_checked=pages,
        files_checked=files,
        links_checked=checked,
        broken=sorted(broken),
        external={url: sorted(sources) for url, sources in sorted(external.items())},
        reached=frozenset(reached),
        unreadable=unreadable,
    )


def _read_html(path: Path, relative: str, site: _Site) -> _Document:
    """One parse per page: its addresses, and its anchors for links into it."""
    data = path.read_bytes()
    document = _Document(relative, site.url_of(relative), [])
    if not data.strip():
        site.ids[relative] = frozenset()
        return document
    try:
        data.decode("utf-8")
        parser = _UTF8_HTML
    except UnicodeDecodeError:
        parser = None  # let libxml2 go by the page's own charset
    root = lxml.html.document_fromstring(data, parser=parser)
    site.ids[relative] = frozenset(str(value) for value in _HTML_IDS(root))
    base = _HTML_BASE(root)
    if base:
        with contextlib.suppress(ValueError):  # an unusable <base href> is ignored, as browsers do
            document.base = urljoin(document.base, str(base[0]).strip())
    document.urls.extend(str(value).strip() for value in _HTML_URLS(root))
    for srcset in _HTML_SRCSETS(root):
        document.urls.extend(srcset_urls(str(srcset)))
    return document


def srcset_urls(value: str) -> Iterator[str]:
    """The addresses in a srcset: candidates split by commas, each address before its
    descriptors (a comma inside a descriptor's parentheses does not split)."""
    position, end = 0, len(value)
    while True:
        while position < end and (value[position].isspace() or value[position] == ","):
            position += 1
        if position >= end:
            return
        start = position
        while position < end and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while position < end and (value[position] != "," or depth):
                if value[position] == "(":
                    depth += 1
                elif value[position] == ")":
                    depth = max(0, depth - 1)
                position += 1
        if url:
            yield url


def _read_xml(path: Path, relative: str, url: str) -> _Document | None:
    """Sitemaps, RSS and Atom, told apart by their root element; other XML holds no links."""
    root = etree.parse(str(path), _XML).getroot()
    kind = etree.QName(root).localname
    if kind in ("urlset", "sitemapindex"):
        urls = list(_texts(root, {"loc"}))
    elif kind in ("rss", "RDF"):
        urls = list(_rss_urls(root))
    elif kind == "feed":
        urls = list(_atom_urls(root))
    else:
        return None
    return _Document(relative, url, urls)


def _elements(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Every element with its name without the namespace, so any feed dialect is read."""
    for element in root.iter():
        if isinstance(element.tag, str):
            yield etree.QName(element).localname, element


def _texts(root: etree._Element, names: set[str]) -> Iterator[str]:
    for name, element in _elements(root):
        if name in names and element.text and element.text.strip():
            yield element.text.strip()


def _rss_urls(root: etree._Element) -> Iterator[str]:
    for name, element in _elements(root):
        text = (element.text or "").strip()
        if name == "link":
            # RSS <link>text</link>, or an <atom:link href> inside the RSS.
            href = element.get("href")
            if href is not None:
                yield href.strip()
            elif text:
                yield text
        elif name == "enclosure" and element.get("url"):
            yield str(element.get("url")).strip()
        elif name == "guid" and element.get("isPermaLink") != "false" and _is_http(text):
            yield text


def _atom_urls(root: etree._Element) -> Iterator[str]:
    for name, element in _elements(root):
        if name == "link" and element.get("href") is not None:
            yield str(element.get("href")).strip()
        elif name == "id" and _is_http((element.text or "").strip()):
            yield (element.text or "").strip()


def _is_http(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _read_calendar(path: Path, relative: str, url: str) -> _Document:
    """The addresses in a calendar file, read with icalendar (unfolding, quoting, parameters)."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    urls: list[str] = []
    for component in calendar.walk():
        for name in CALENDAR_PROPERTIES:
            values = component.get(name)
            for value in values if isinstance(values, list) else [values]:
                if value is None:
                    continue
                parameters = getattr(value, "params", {})
                # An attachment may be the file itself, base64-encoded, rather than its address.
                if parameters.get("VALUE") == "BINARY" or parameters.get("ENCODING") == "BASE64":
                    continue
                if str(value).strip():
                    urls.append(str(value).strip())
    return _Document(relative, url, urls)


def _read_robots(path: Path, relative: str, url: str) -> _Document:
    urls = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            urls.append(value.split("#", 1)[0].strip())
    return _Document(relative, url, urls)


def _path_segments(path: str) -> tuple[list[str], bool]:
    """The decoded segments of an absolute path with `.` and `..` removed (RFC 3986 5.2.4),
    and whether a `..` climbed above the root."""
    output: list[str] = []
    escaped = False
    pieces = path.split("/")[1:]
    for index, piece in enumerate(pieces):
        segment = unquote(piece)
        last = index == len(pieces) - 1
        if segment in (".", ".."):
            if segment == "..":
                if output:
                    output.pop()
                else:
                    escaped = True
            if last:
                output.append("")
        else:
            output.append(segment)
    return output, escaped


def _explicit_port(scheme: str, port: int | None) -> int | None:
    """The port unless it is the scheme's default: http, https and webcal addresses of the
    same host are the same site."""
    return None if port in (None, *DEFAULT_PORTS.get(scheme, ())) else port

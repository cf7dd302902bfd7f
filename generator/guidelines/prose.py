"""A job ad's Markdown body as prose: sentences and words with their line in the file.

Text rules read the ad as an applicant reads it, so Markdown syntax (headings, list markers,
links, emphasis, HTML tags, code) is stripped, and every list item and heading counts as a
sentence of its own (as LIX does). Matching is case-insensitive and keeps æ, ø and å.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

# Word characters include æ, ø, å and é; a hyphenated word («stå-på-vilje») is one word.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Abbreviations and numbers whose full stop does not end a sentence.
NOT_SENTENCE_ENDS = re.compile(
    r"\b(?:f\.eks|bl\.a|m\.m|o\.l|ca|nr|kl|evt|inkl|jf|mv|dvs|osv|pr|tlf|ref|min|maks)\.$"
    r"|\d\.$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][»\")])\s+")

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?:|mailto:)[^>]+>")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ATTRIBUTES = re.compile(r"\{:?[^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_RULE = re.compile(r"^\s*([-*_])\s*(\1\s*){2,}$")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int

    @cached_property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


@dataclass(frozen=True)
class Match:
    """Where a term was found: the words as written, and their line."""

    text: str
    line: int


@dataclass(frozen=True)
class Prose:
    sentences: tuple[Sentence, ...]

    @classmethod
    def from_markdown(cls, body: str, first_line: int = 1) -> Prose:
        """`first_line` is the file line of the body's first line."""
        sentences: list[Sentence] = []
        paragraph: list[tuple[str, int]] = []

        def flush() -> None:
            sentences.extend(_split_paragraph(paragraph))
            paragraph.clear()

        in_fence = False
        for offset, raw in enumerate(body.splitlines()):
            line = first_line + offset
            if _FENCE.match(raw):
                in_fence = not in_fence
                flush()
                continue
            if in_fence:
                continue
            if not raw.strip() or _RULE.match(raw):
                flush()
                continue
            text = _QUOTE.sub("", raw)
            starts_block = bool(_HEADING.match(text) or _LIST_ITEM.match(text))
            if starts_block:
                flush()
            text = _inline_text(_LIST_ITEM.sub("", _HEADING.sub("", text)))
            if text.strip():
                paragraph.append((text.strip(), line))
            if _HEADING.match(raw):  # a heading is a sentence on its own
                flush()
        flush()
        return cls(tuple(sentence for sentence in sentences if sentence.words))

    @cached_property
    def words(self) -> list[str]:
        return [word for sentence in self.sentences for word in sentence.words]

    @cached_property
    def text(self) -> str:
        return "\n".join(sentence.text for sentence in self.sentences)

    def find(self, pattern: re.Pattern[str]) -> list[Match]:
        """Every match of `pattern` (compiled by `terms_pattern` or by hand), by sentence."""
        return [
            Match(found.group(0), sentence.line)
            for sentence in self.sentences
            for found in pattern.finditer(sentence.text)
        ]

    def lix(self) -> float:
        """LIX (Björnsson 1968): words per sentence + 100 × share of words over six letters."""
        words = self.words
        if not words:
            return 0.0
        long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
        return len(words) / len(self.sentences) + 100 * long_words / len(words)


def terms_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a word list, as comms staff write it in
    data/guidelines.yml: whole words or phrases; a trailing `*` allows any ending
    («sykepleiersk*» finds «sykepleierske» and «sykepleiersker»); spaces match any whitespace."""
    alternatives = []
    for term in sorted({term.strip().lower() for term in terms if term.strip()}, key=len):
        stem, wildcard = (term[:-1], True) if term.endswith("*") else (term, False)
        escaped = r"\s+".join(re.escape(part) for part in stem.split())
        alternatives.append(escaped + (r"[\wæøå-]*" if wildcard else ""))
    if not alternatives:
        return re.compile(r"(?!x)x")  # matches nothing
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<![\wæøå-])(?:{body})(?![\wæøå])", re.IGNORECASE)


def _inline_text(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _ATTRIBUTES.sub("", text)
    return _EMPHASIS.sub("", text)


def _split_paragraph(lines: list[tuple[str, int]]) -> list[Sentence]:
    """Sentences of one paragraph or list item, each with the line it starts on."""
    sentences: list[Sentence] = []
    current: list[str] = []
    start = 0
    for text, line in lines:
        pieces = SENTENCE_END.split(text)
        for index, piece in enumerate(pieces):
            if not current:
                start = line
            current.append(piece)
            ends_here = index < len(pieces) - 1 or piece.rstrip().endswith((".", "!", "?"))
            if ends_here and not NOT_SENTENCE_ENDS.search(piece.rstrip()):
                sentences.append(Sentence(" ".join(current).strip(), start))
                current = []
    if current:
        sentences.append(Sentence(" ".join(current).strip(), start))
    return sentences

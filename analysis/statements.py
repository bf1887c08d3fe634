"""Split an anonymised answer into statements, the way the bloemlezing quotes them.

A statement is one point, usually one to three sentences, and always a literal span of the
answer: ``answer[s.start:s.end] == s.text``. The pipeline:

1. ``_blocks``: paragraphs, lines and bullets (each bullet its own block; a line that only wraps
   a sentence stays with it).
2. ``_trim``: strip the bullet marker and surrounding white space from a block.
3. ``_sentences``: sentence ends inside a block, never after an abbreviation ("o.a.", "art."),
   inside a number ("1.000") or a URL, nor before a lower-case word.
4. ``_group``: a sentence that continues the previous one ("Dit ...", "Daardoor ...") or is only
   a fragment stays in the same statement, up to three sentences.
5. ``_attach_lead_ins``: a line announcing a list ("Knelpunten:") goes with its first bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from analysis.languages import guess_language
from analysis.lexicon import LEXICON_DIR

MAX_SENTENCES = 3
SHORT_SENTENCE_WORDS = 3

_BULLET_CHARS = "•◦▪▫‣●○■□➢➤►▶"
_INLINE_BULLET = re.compile(rf"[{_BULLET_CHARS}]")
_LINE_MARKER = re.compile(
    rf"[ \t]*(?:[{_BULLET_CHARS}\-–—*+>]|\(?\d{{1,2}}[.)]|\(?[a-z][.)]|\(?[A-Z]\))(?=[ \t])"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…؟]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-/@:]+)$")
_WORD = re.compile(r"\w+")
_OPENERS = "\"'“‘«([¿¡"


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    text: str


def split_statements(text: str) -> list[Statement]:
    """Statements of ``text`` in order; each ``text`` is ``source[start:end]`` exactly."""
    statements: list[Statement] = []
    bullets: list[bool] = []
    for start, end in _blocks(text):
        first = text[start:end].lstrip()[:1]
        is_bullet = bool(_LINE_MARKER.match(text, start, end)) or (
            first != "" and first in _BULLET_CHARS
        )
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        sentences = _sentences(text, start, end)
        for s, e in _group(text, sentences):
            if _WORD.search(text, s, e):
                statements.append(Statement(s, e, text[s:e]))
                bullets.append(is_bullet)
    return _attach_lead_ins(text, statements, bullets)


def _attach_lead_ins(
    text: str, statements: list[Statement], bullets: list[bool]
) -> list[Statement]:
    """5. A line that only announces a list ("Wat niet goed gaat:") says nothing on its own:
    it is quoted together with the first bullet; every further bullet stays its own point."""
    merged: list[Statement] = []
    index = 0
    while index < len(statements):
        current = statements[index]
        follow = index + 1
        if current.text.endswith(":") and follow < len(statements) and bullets[follow]:
            end = statements[follow].end
            merged.append(Statement(current.start, end, text[current.start : end]))
            index += 2
            continue
        merged.append(current)
        index += 1
    return merged


# 1. blocks ---------------------------------------------------------------------------------


def _blocks(text: str) -> list[tuple[int, int]]:
    bounds = {0, len(text)}
    for m in _BLANK_LINE.finditer(text):
        bounds.update((m.start(), m.end()))
    for m in _INLINE_BULLET.finditer(text):
        bounds.add(m.start())
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if index and _starts_new_line_block(lines[index - 1], line):
            bounds.add(offset)
        offset += len(line) + 1
    ordered = sorted(bounds)
    return list(zip(ordered, ordered[1:], strict=False))


def _starts_new_line_block(previous: str, line: str) -> bool:
    previous, stripped = previous.rstrip(), line.lstrip()
    if not previous or not stripped:
        return True
    if _LINE_MARKER.match(line):
        return True
    if previous[-1] in '.!?…:;؟"”’»)':
        return True
    first = stripped[0]
    return first.isupper() or first.isdigit() or first in _OPENERS or not first.islower()


# 2. trim -----------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        while start < end and text[start].isspace():
            start += 1
        marker = _LINE_MARKER.match(text, start, end)
        if marker and marker.end() < end:
            start = marker.end()
            continue
        if start < end and text[start] in _BULLET_CHARS:
            start += 1
            continue
        break
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# 3. sentences ------------------------------------------------------------------------------


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        nxt = _next_visible(text, m.end(), end)
        if nxt is None or not _is_boundary(text, begin, m.start(), m.group(), nxt):
            continue
        spans.append((begin, m.end()))
        begin = nxt
    if begin < end:
        spans.append((begin, end))
    return spans


def _next_visible(text: str, index: int, end: int) -> int | None:
    while index < end and text[index].isspace():
        index += 1
    return index if index < end else None


def _is_boundary(text: str, begin: int, dot: int, punctuation: str, nxt: int) -> bool:
    follower = text[nxt]
    if follower in _OPENERS and nxt + 1 < len(text):
        follower = text[nxt + 1]
    if follower.islower():
        return False
    if punctuation[0] == "." and len(punctuation.rstrip("\"'”’»)]")) == 1:
        word = _WORD_BEFORE.search(text, begin, dot)
        token = word.group(1).lstrip("(-/").lower() if word else ""
        if token in _abbreviations() or (len(token) == 1 and token.isalpha()):
            return False
        if token.isdigit() and follower.isdigit():
            return False
    return follower.isalpha() or follower.isdigit() or follower in "[" + _BULLET_CHARS


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    lines = (LEXICON_DIR / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


# 4. grouping -------------------------------------------------------------------------------


def _group(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(sentences) < 2:
        return sentences
    continuations = _continuations().get(guess_language(text[sentences[0][0] : sentences[-1][1]]))
    groups: list[list[tuple[int, int]]] = []
    pending_short: tuple[int, int] | None = None
    for span in sentences:
        words = _WORD.findall(text, span[0], span[1])
        first = words[0].lower() if words else ""
        short = len(words) <= SHORT_SENTENCE_WORDS
        joins = (
            groups
            and len(groups[-1]) < MAX_SENTENCES
            and (short or first in (continuations or ()) or text[groups[-1][-1][1] - 1] == ":")
        )
        if joins:
            groups[-1].append(span)
        elif short and not groups:
            pending_short = span
        else:
            groups.append([pending_short, span] if pending_short else [span])
            pending_short = None
    if pending_short:
        groups.append([pending_short])
    return [(g[0][0], g[-1][1]) for g in groups]


@lru_cache(maxsize=1)
def _continuations() -> dict[str, frozenset[str]]:
    data = yaml.safe_load((LEXICON_DIR / "continuations.yaml").read_text(encoding="utf-8"))
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}

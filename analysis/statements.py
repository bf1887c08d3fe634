"""Split an anonymised answer into statements, the way the bloemlezing quotes them.

A statement is one complete thought, usually one to three sentences, and always a literal span
of the answer: ``answer[s.start:s.end] == s.text``. A sentence that refers back ("Daar ...",
"Dit ...", "Her name was ...") stays with the sentence it refers to; a lead-in stays with its
list; a greeting, a thank-you or a one-word reply is kept as a statement that is no quote
(``quotable`` False), so the facilitator still sees it. The pipeline:

1. ``_blocks``: paragraphs, lines and bullets (each bullet its own block; a line that only wraps
   a sentence stays with it).
2. ``_trim``: strip the bullet marker and surrounding white space from a block.
3. ``_sentences``: sentence ends inside a block, never after an abbreviation ("o.a.", "art."),
   inside a number ("1.000") or a URL, nor before a lower-case word.
4. ``_remarks``: which sentences are greetings or thanks (``analysis.remarks``).
5. ``_group``: a sentence joins the statement before it when it refers back or continues it
   (its first word in ``lexicon/continuations.yaml``; an example opener or a back-reference
   among its first three words in ``lexicon/elaborations.yaml``; also across a line break but
   not a blank line), starts in
   lower case, follows a colon, or is only a fragment; a lead-in ("Knelpunten:") takes its
   first bullet, and bullets of fewer than four words stay with their list.
6. ``_mark``: a whole answer of one word, or a reply like "geen idee", is no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from analysis.languages import guess_language
from analysis.lexicon import LEXICON_DIR
from analysis.remarks import is_remark

MAX_SENTENCES = 3  # a fragment or a list item joins a statement of fewer sentences than this
MAX_CHAIN = 6  # a sentence that refers back joins a statement of fewer sentences than this
SHORT_SENTENCE_WORDS = 3  # a sentence of at most this many words is a fragment
SHORT_ITEM_WORDS = 3  # a bullet of at most this many words stays with its list

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
    quotable: bool = True  # False: a greeting, a thank-you, a one-word reply: no quote


@dataclass
class _Sentence:
    start: int
    end: int
    block: int  # which block (paragraph, line, bullet) it stands in
    bullet: bool  # the block is a list item
    paragraph: int  # which paragraph (blank lines apart; a message of its own in the chat)
    remark: bool = False  # a greeting or a thank-you


def split_statements(text: str) -> list[Statement]:
    """Statements of ``text`` in order; each ``text`` is ``source[start:end]`` exactly."""
    sentences: list[_Sentence] = []
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    for number, (start, end) in enumerate(_blocks(text)):
        paragraph = sum(1 for b in breaks if b < start)
        first = text[start:end].lstrip()[:1]
        is_bullet = bool(_LINE_MARKER.match(text, start, end)) or (
            first != "" and first in _BULLET_CHARS
        )
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        for s, e in _sentences(text, start, end):
            if _WORD.search(text, s, e):
                sentences.append(_Sentence(s, e, number, is_bullet, paragraph))
    _remarks(text, sentences)
    return _mark(text, _group(text, sentences))


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


# 4. remarks -------------------------------------------------------------------------------


def _remarks(text: str, sentences: list[_Sentence]) -> None:
    for sentence in sentences:
        sentence.remark = is_remark(text[sentence.start : sentence.end])


# 5. grouping -------------------------------------------------------------------------------


def _group(text: str, sentences: list[_Sentence]) -> list[list[_Sentence]]:
    if not sentences:
        return []
    language = guess_language(text[sentences[0].start : sentences[-1].end])
    continuations = _Continuations(
        _continuations().get(language, frozenset()), *_elaborations().get(language, ((), ()))
    )
    groups: list[list[_Sentence]] = []
    waiting = False  # the last group is a short first sentence of its block: it takes the next
    for sentence in sentences:
        last = groups[-1] if groups and not groups[-1][0].remark else None
        if sentence.remark or last is None:
            groups.append([sentence])
            waiting = not sentence.remark and _opens_short(text, sentence)
            continue
        if waiting and (
            sentence.block == last[-1].block or _joins(text, last, sentence, continuations)
        ):
            last.append(sentence)
            waiting = False
            continue
        if not waiting and _joins(text, last, sentence, continuations):
            last.append(sentence)
            continue
        groups.append([sentence])
        waiting = _opens_short(text, sentence)
    return groups


def _opens_short(text: str, sentence: _Sentence) -> bool:
    """A fragment that could not join the statement before it ("Onbekwaamheid. Signalering
    ...") joins what follows."""
    return (
        not sentence.bullet
        and text[sentence.end - 1] != ":"
        and _words(text, sentence) <= SHORT_SENTENCE_WORDS
    )


def _joins(text: str, group: list[_Sentence], sentence: _Sentence, continuations) -> bool:
    """Whether ``sentence`` belongs to the statement ``group`` (the one just before it)."""
    last = group[-1]
    words = _WORD.findall(text, sentence.start, sentence.end)
    refers_back = continuations.refers_back(words) or text[sentence.start].islower()
    after_colon = text[last.end - 1] == ":"
    if sentence.bullet:
        lead_in = after_colon and not last.bullet and len(group) == 1
        short_item = len(words) <= SHORT_ITEM_WORDS and (last.bullet or after_colon)
        return lead_in or (short_item and len(group) < 2 * MAX_CHAIN)
    if refers_back and len(group) < MAX_CHAIN and sentence.paragraph == last.paragraph:
        return True  # across a line break too, not across a blank line (the writer's own cut)
    if sentence.block != last.block:
        return False
    fragment = len(words) <= SHORT_SENTENCE_WORDS
    return len(group) < MAX_SENTENCES and (fragment or after_colon)


def _words(text: str, sentence: _Sentence) -> int:
    return len(_WORD.findall(text, sentence.start, sentence.end))


# 6. marking --------------------------------------------------------------------------------


def _mark(text: str, groups: list[list[_Sentence]]) -> list[Statement]:
    statements = []
    whole = len(groups) == 1
    for group in groups:
        start, end = group[0].start, group[-1].end
        quotable = not (group[0].remark or is_remark(text[start:end], whole_answer=whole))
        statements.append(Statement(start, end, text[start:end], quotable))
    return statements


@dataclass(frozen=True)
class _Continuations:
    """What shows, in one language, that a sentence elaborates the one before it."""

    first_words: frozenset[str]  # a sentence opening with one refers back or connects
    examples: tuple[str, ...]  # a sentence opening with one gives an example
    back: frozenset[str]  # one among a sentence's first three words refers back

    def refers_back(self, words: list[str]) -> bool:
        lowered = [w.lower() for w in words[:4]]
        if not lowered:
            return False
        head = " ".join(lowered)
        return (
            lowered[0] in self.first_words
            or any(head == p or head.startswith(p + " ") for p in self.examples)
            or bool(self.back.intersection(lowered[:3]))
        )


@lru_cache(maxsize=1)
def _elaborations() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    data = yaml.safe_load((LEXICON_DIR / "elaborations.yaml").read_text(encoding="utf-8"))
    return {
        lang: (
            tuple(str(p).lower() for p in lists.get("examples", ())),
            frozenset(str(w).lower() for w in lists.get("back", ())),
        )
        for lang, lists in data.items()
    }


@lru_cache(maxsize=1)
def _continuations() -> dict[str, frozenset[str]]:
    data = yaml.safe_load((LEXICON_DIR / "continuations.yaml").read_text(encoding="utf-8"))
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}

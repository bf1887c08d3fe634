"""The statement being de-identified, its tokens, and the findings steps propose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

_WORD = re.compile(r"(?:['’][st]-)?\w+(?:['’\-]\w+)*")
_SENTENCE_END = set(".!?…\n\r")
_OPENERS = set("\"'“‘„«(¿¡-–—•*")
_QUOTES = set("\"'“‘„«")

# Labels, by kind. Direct identifiers are removed in every profile; quasi-identifiers
# only where a profile asks for them.
DIRECT_LABELS = (
    "name",
    "phone",
    "email",
    "handle",
    "bank",
    "national_id",
    "document",
    "address",
    "postcode",
    "plate",
    "date",
)
QUASI_LABELS = ("age", "place", "street", "organisation", "employer")
# Labels whose recognisers validate what they find (check digits, number metadata,
# unambiguous syntax); must-keep lists never overrule them.
HARD_LABELS = frozenset(
    {
        "phone",
        "email",
        "handle",
        "bank",
        "national_id",
        "document",
        "plate",
        "postcode",
        "date",
        "address",
        "age",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Finding:
    """A stretch of the original text to be replaced.

    ``key`` groups findings that refer to the same entity (same person -> same numbered
    placeholder); it lives only while one statement is processed.
    """

    start: int
    end: int
    label: str
    step: str
    key: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


_TRAILING = ".,;:!?-–/"


def without_trailing_punctuation(f: Finding, text: str, lang: str) -> Finding:
    """A validated identifier does not end in punctuation: the full stop after "PESEL to
    44051401458." or "jan@x.nl." ends the sentence and stays in the text.

    A dot that a lower-case word follows belongs to the identifier: an abbreviation
    ("4 jan. ging ik", "3º izq. y"), or a Hungarian ordinal ("Petőfi utca 12. alatt").
    """
    end = f.end
    while end > f.start + 1 and text[end - 1] in _TRAILING:
        if text[end - 1] == "." and _dot_belongs(text, end - 1, lang):
            break
        end -= 1
    return f if end == f.end else Finding(f.start, end, f.label, f.step, f.key)


def _dot_belongs(text: str, dot: int, lang: str) -> bool:
    before = text[dot - 1]
    if lang == "hu" and before.isdigit() and text[dot + 1 : dot + 2] in ("", ",", ")", ";", "\n"):
        return True  # a Hungarian date's day ends in a dot: "(szül. 1988.11.02.)"
    after = text[dot + 1 : dot + 3]
    if len(after) < 2 or after[0] != " " or not after[1].islower():
        return False
    return before.isalpha() or (before.isdigit() and lang == "hu")


def outermost(findings: list[Finding]) -> list[Finding]:
    """Drop findings that lie inside another finding of the same step (and duplicates)."""
    ordered = sorted(dict.fromkeys(findings), key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for f in ordered:
        if kept and kept[-1].start <= f.start and f.end <= kept[-1].end:
            continue
        kept.append(f)
    return kept


LINE_TIME = re.compile(r"\[?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*\]?")  # "[22:13]", "08:14"


@cache
def _word_list(name: str) -> frozenset[str]:
    """The words of a list in data/ (one per line; "#" starts a comment line)."""
    path = Path(__file__).resolve().parent / "data" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


def _after_title(tokens: list[Token], text: str, j: int) -> bool:
    """Whether the dot at ``text[j]`` ends a title ("Mr. Harjinder"), not a sentence."""
    return (
        text[j] == "."
        and bool(tokens)
        and tokens[-1].end == j
        and tokens[-1].text.lower() in _word_list("title_abbreviations.txt")
    )


def _after_speaker_label(text: str, j: int) -> bool:
    """Whether ``text[j]`` (":" or "]") ends what opens a line of a transcript or a chat:
    "Q:", "R:", "Interviewer:", "[18:02]", "[18:02] Koordinator:" (what follows starts a
    sentence)."""
    line = text[text.rfind("\n", 0, j) + 1 : j + 1].strip()
    time = LINE_TIME.match(line)
    if time and time.end() == len(line):
        return True  # "[18:02]": the sender's name or label follows
    label = line[time.end() if time else 0 : -1].strip()
    if not label or len(label) > 30 or line[-1] != ":":
        return False
    return bool(time) or len(label) <= 2 or label.lower() in _word_list("speaker_labels.txt")


class Statement:
    """One text plus what steps share about it (tokens, language, profile)."""

    def __init__(
        self, text: str, lang: str, profile: str, plausible: frozenset[str] | None = None
    ) -> None:
        self.text = text
        self.lang = lang
        self.profile = profile
        # languages the text may be in besides ``lang`` (detection was not certain)
        self.plausible = plausible or frozenset({lang})
        self.memo: dict[str, object] = {}  # what one step computes and others reuse

    @cached_property
    def tokens(self) -> list[Token]:
        text = self.text
        tokens: list[Token] = []
        end = -2
        for match in _WORD.finditer(text):
            start = match.start()
            if start == end + 1 and text[end] == " ":  # one space after a word: mid-sentence
                tokens.append(Token(start, match.end(), match.group(), False))
                end = match.end()
                continue
            end = match.end()
            j = start - 1
            quoted = False
            while j >= 0 and (text[j].isspace() and text[j] not in "\n\r" or text[j] in _OPENERS):
                quoted = quoted or text[j] in _QUOTES
                j -= 1
            # quoted speech starts a sentence: 'mondta: „Senkiben sem bíznak ...'
            initial = (
                j < 0
                or (text[j] in _SENTENCE_END and not _after_title(tokens, text, j))
                or (quoted and text[j] == ":")
                or (text[j] in ":]" and _after_speaker_label(text, j))
            )
            tokens.append(Token(start, end, match.group(), initial))
        return tokens

    @cached_property
    def has_digits(self) -> bool:
        return any(ch.isdigit() for ch in self.text)

    def token_index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    @cached_property
    def words(self) -> list[str]:
        return [token.text for token in self.tokens]

    @cached_property
    def lowered(self) -> list[str]:
        """The words in lower case, as most word lists are looked up (shared by steps)."""
        return [word.lower() for word in self.words]

    def between(self, left: Token, right: Token) -> str:
        return self.text[left.end : right.start]

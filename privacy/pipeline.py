"""De-identification of one statement: the public interface of the privacy package.

    d = get_deidentifier()                       # built once per process
    r = d.deidentify(text, lang=None, profile="stakeholder")
    r.text   -> anonymised text with readable placeholders ("[naam]", "[naam 2]")
    r.spans  -> Span(start, end, label) of every placeholder in r.text
    r.lang   -> detected or given language

The removed values are never kept: a Redaction holds only the new text and where its
placeholders are. Nothing here logs or prints statement text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from privacy.keep import MustKeep
from privacy.language import detect_language, warm_up
from privacy.lexicon import SUPPORTED_LANGUAGES, Lexicon, load_lexicon
from privacy.placeholders import merge_names, render, resolve
from privacy.statement import Finding, Statement
from privacy.steps import Step, registry

PROFILES = ("stakeholder", "expert")
SHORT_TEXT_WORDS = 12
_WORD = re.compile(r"[^\W\d_]{2,}")
PLACEHOLDER_FALLBACK = "en"  # placeholder words for languages we do not have


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Redaction:
    text: str
    spans: list[Span]
    lang: str

    @property
    def changed(self) -> bool:
        return bool(self.spans)


class Deidentifier:
    """Runs the steps of a profile, filters must-keep items, renders placeholders."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.keep = MustKeep(lexicon)
        builders = registry()
        self.steps: dict[str, Step] = {}
        self.profiles: dict[str, list[str]] = {}
        for profile, names in lexicon.profiles.items():
            for name in names:
                if name not in self.steps:
                    self.steps[name] = builders[name](lexicon)
            self.profiles[profile] = list(names)
        warm_up()

    def language(self, text: str, lang: str | None, hint: str | None = None) -> str:
        """``lang`` if given; for a short text the ``hint`` (the participant's interface
        language), because a few words do not tell a language reliably; else detected."""
        if lang:
            return lang
        if hint in SUPPORTED_LANGUAGES and len(_WORD.findall(text)) < SHORT_TEXT_WORDS:
            return hint
        return detect_language(text)

    def find(self, text: str, lang: str | None = None, profile: str = "stakeholder",
             hint: str | None = None) -> tuple[list[Finding], str]:
        """Findings in the original text (offsets into ``text``), and the language.

        For measurement and tests; the product uses :meth:`deidentify`.
        """
        if profile not in self.profiles:
            raise ValueError(f"unknown profile {profile!r}; choose from {', '.join(PROFILES)}")
        code = self.language(text, lang, hint)
        st = Statement(text, code, profile)
        found: list[Finding] = []
        for name in self.profiles[profile]:
            found.extend(self.steps[name](st))
        found = self.keep.filter(st, found)
        return merge_names(resolve(found), text), code

    def deidentify(self, text: str, lang: str | None = None, profile: str = "stakeholder",
                   hint: str | None = None) -> Redaction:
        """``hint``: the language the participant chose, used for texts too short to tell."""
        findings, code = self.find(text, lang, profile, hint)
        words = self.lexicon.placeholders.get(code) or self.lexicon.placeholders[
            PLACEHOLDER_FALLBACK]
        new_text, spans = render(text, findings, words)
        return Redaction(new_text, [Span(*s) for s in spans], code)


@cache
def get_deidentifier() -> Deidentifier:
    """The process-wide de-identifier (built on first use, then reused)."""
    return Deidentifier(load_lexicon())


__all__ = [
    "PROFILES",
    "SUPPORTED_LANGUAGES",
    "Deidentifier",
    "Redaction",
    "Span",
    "get_deidentifier",
]

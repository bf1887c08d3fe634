"""De-identification of one statement: the public interface of the privacy package.

    d = get_deidentifier()                       # built once per process
    r = d.deidentify(text, lang=None, profile="stakeholder")
    r.text   -> anonymised text with readable placeholders ("[naam]", "[naam 2]")
    r.spans  -> Span(start, end, label, original_start, original_end) of every placeholder
                in r.text (and where what it replaced stood in ``text``)
    r.lang   -> detected or given language

The removed values are never kept: a Redaction holds only the new text and where its
placeholders are. Nothing here logs or prints statement text.

Steps read a normal form of the text (NFC, plain spaces, one script per word, capitals
where an all-lower-case or all-capitals writer left them out: normal_form.py,
casing.py); their findings are mapped back, so everything outside the placeholders is
returned exactly as the participant wrote it. A name, village or employer found once is
then removed at each other mention (echoes.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from privacy.casing import Casing
from privacy.echoes import Echoes
from privacy.keep import MustKeep
from privacy.language import language_scores, warm_up
from privacy.lexicon import SUPPORTED_LANGUAGES, Lexicon, load_lexicon
from privacy.name_forms import NameForms
from privacy.normal_form import NormalForm
from privacy.placeholders import merge_names, render, resolve
from privacy.statement import HARD_LABELS, Finding, Statement, without_trailing_punctuation
from privacy.steps import Step, registry

PROFILES = ("stakeholder", "expert")
# The participant's interface language decides when detection is less sure than this
# (a few words, or words shared by languages: "Ja", "Dank je", "No idea").
CONFIDENT = 0.99
PLAUSIBLE = 0.01  # a language this probable still gets its own name step (Dutch: deduce)
PLACEHOLDER_FALLBACK = "en"  # placeholder words for languages we do not have


@dataclass(frozen=True, slots=True)
class Span:
    """A placeholder: where it stands in the anonymised text (``start``, ``end``) and
    what it replaced in the participant's text (``original_start``, ``original_end``)."""

    start: int
    end: int
    label: str
    original_start: int = -1
    original_end: int = -1


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
        self.casing = Casing(lexicon, NameForms(lexicon))
        self.echoes = Echoes(lexicon)
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
        """``lang`` if given; else detected, unless detection is unsure and ``hint`` (the
        participant's interface language) is given: then the hint."""
        return self._language(text, lang, hint)[0]

    def _language(
        self, text: str, lang: str | None, hint: str | None
    ) -> tuple[str, frozenset[str]]:
        """The language, and every language the text plausibly is in."""
        if lang:
            return lang, frozenset({lang})
        scores = language_scores(text)
        best, confidence = scores[0]
        plausible = frozenset(code for code, p in scores if p >= PLAUSIBLE) | {best}
        if hint in SUPPORTED_LANGUAGES and confidence < CONFIDENT:
            return hint, plausible | {hint}
        return best, plausible

    def find(
        self,
        text: str,
        lang: str | None = None,
        profile: str = "stakeholder",
        hint: str | None = None,
    ) -> tuple[list[Finding], str]:
        """Findings in the original text (offsets into ``text``), and the language.

        For measurement and tests; the product uses :meth:`deidentify`.
        """
        if profile not in self.profiles:
            raise ValueError(f"unknown profile {profile!r}; choose from {', '.join(PROFILES)}")
        form = NormalForm(text)
        code, plausible = self._language(form.text, lang, hint)
        found = self._find_in(form, code, plausible, profile)
        shown = form.displayed()  # a bidi override shows part of the text reversed
        if shown is not None:
            found = _union(found + self._find_in(shown, code, plausible, profile))
        return found, code

    def _find_in(
        self, form: NormalForm, code: str, plausible: frozenset[str], profile: str
    ) -> list[Finding]:
        """Findings in ``form``'s view, as offsets into the participant's text."""
        view = self.casing.view(form.text, code)
        st = Statement(view, code, profile, plausible)
        found: list[Finding] = []
        for name in self.profiles[profile]:
            found.extend(self.steps[name](st))
        found = [
            without_trailing_punctuation(f, view, code) if f.label in HARD_LABELS else f
            for f in found
        ]
        kept = self.keep.spans(st)
        found = merge_names(resolve(self.keep.filter(st, found)), view, kept)
        # what was found once goes at every mention ("Ioana Popescu" ... "ioana")
        echoes = self.keep.filter(st, self.echoes(st, found))
        if echoes:
            found = merge_names(resolve(found + echoes), view, kept)
        if form.identical:
            return found
        return [
            Finding(
                *form.span(f.start, f.end), f.label, f.step, f.key or view[f.start : f.end].lower()
            )
            for f in found
        ]

    def deidentify(
        self,
        text: str,
        lang: str | None = None,
        profile: str = "stakeholder",
        hint: str | None = None,
    ) -> Redaction:
        """``hint``: the language the participant chose, used for texts too short to tell."""
        findings, code = self.find(text, lang, profile, hint)
        words = (
            self.lexicon.placeholders.get(code) or self.lexicon.placeholders[PLACEHOLDER_FALLBACK]
        )
        new_text, spans = render(text, findings, words)
        return Redaction(new_text, [Span(*s) for s in spans], code)


def _union(findings: list[Finding]) -> list[Finding]:
    """Findings of two readings of one text, overlapping ones joined (the longer's label)."""
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            main = last if last.length >= f.length else f
            merged[-1] = Finding(last.start, max(last.end, f.end), main.label, main.step, main.key)
        else:
            merged.append(f)
    return merged


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
